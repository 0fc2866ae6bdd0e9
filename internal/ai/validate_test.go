package ai

import (
	"strings"
	"testing"

	"google.golang.org/genai"
)

func TestValidateSchema(t *testing.T) {
	str := &genai.Schema{Type: genai.TypeString}
	obj := &genai.Schema{
		Type: genai.TypeObject,
		Properties: map[string]*genai.Schema{
			"name":  {Type: genai.TypeString, MinLength: genai.Ptr[int64](2), MaxLength: genai.Ptr[int64](5)},
			"level": {Type: genai.TypeString, Enum: []string{"a", "b"}},
			"n":     {Type: genai.TypeInteger, Minimum: genai.Ptr(1.0), Maximum: genai.Ptr(3.0)},
			"x":     {Type: genai.TypeNumber},
			"ok":    {Type: genai.TypeBoolean},
			"list":  {Type: genai.TypeArray, Items: str, MinItems: genai.Ptr[int64](1), MaxItems: genai.Ptr[int64](2)},
			"maybe": {Type: genai.TypeString, Nullable: genai.Ptr(true)},
			"code":  {Type: genai.TypeString, Pattern: `^[A-Z]{3}$`},
			"any":   {AnyOf: []*genai.Schema{{Type: genai.TypeInteger}, str}},
		},
		Required: []string{"name"},
	}
	tests := []struct {
		name, json string
		want       string // substring of the error, "" for valid
	}{
		{"valid full", `{"name":"abc","level":"a","n":2,"x":1.5,"ok":true,"list":["q"],"maybe":null,"code":"EUR","any":"s"}`, ""},
		{"valid minimal", `{"name":"ab"}`, ""},
		{"extra properties allowed", `{"name":"ab","other":1}`, ""},
		{"missing required", `{}`, `$: missing required property "name"`},
		{"not an object", `[]`, "$: is an array, want an object"},
		{"short string", `{"name":"a"}`, "$.name: is 1 characters long, want at least 2"},
		{"long string counts runes", `{"name":"éééééé"}`, "want at most 5"},
		{"enum", `{"name":"ab","level":"c"}`, "$.level: is not one of the 2 allowed values"},
		{"integer with fraction", `{"name":"ab","n":1.5}`, "$.n: is 1.5, want an integer"},
		{"below minimum", `{"name":"ab","n":0}`, "below the minimum 1"},
		{"above maximum", `{"name":"ab","n":4}`, "above the maximum 3"},
		{"number as string", `{"name":"ab","x":"1"}`, "$.x: is a string, want a number"},
		{"boolean", `{"name":"ab","ok":1}`, "want a boolean"},
		{"too few items", `{"name":"ab","list":[]}`, "has 0 items, want at least 1"},
		{"too many items", `{"name":"ab","list":["a","b","c"]}`, "want at most 2"},
		{"item type", `{"name":"ab","list":[1]}`, "$.list[0]: is a number, want a string"},
		{"null not allowed", `{"name":null}`, "$.name: is null"},
		{"pattern", `{"name":"ab","code":"eur"}`, "$.code: does not match the pattern"},
		{"anyOf", `{"name":"ab","any":true}`, "matches none of the 2 allowed shapes"},
		{"many problems are bounded", `{"name":1,"level":1,"n":"x","x":"y","ok":"z","list":1,"code":1}`, "and 2 more"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := decodeOne([]byte(tt.json))
			if err != nil {
				t.Fatal(err)
			}
			err = validateSchema(v, obj)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestValidationErrorsNeverQuoteStrings(t *testing.T) {
	sc := &genai.Schema{Type: genai.TypeObject, Properties: map[string]*genai.Schema{
		"a": {Type: genai.TypeInteger}, "b": {Type: genai.TypeString, Enum: []string{"x"}},
		"c": {Type: genai.TypeString, MaxLength: genai.Ptr[int64](1)}, "d": {Type: genai.TypeString, Pattern: "^z$"},
	}}
	v, _ := decodeOne([]byte(`{"a":"SECRET","b":"SECRET","c":"SECRET","d":"SECRET"}`))
	err := validateSchema(v, sc)
	if err == nil || strings.Contains(err.Error(), "SECRET") {
		t.Fatalf("err = %v", err)
	}
}

func TestStripFenceAndDecodeOne(t *testing.T) {
	tests := []struct {
		in      string
		wantErr bool
	}{
		{`{"a":1}`, false},
		{"  \n{\"a\":1}\n ", false},
		{"```json\n{\"a\":1}\n```", false},
		{"```\n[1,2]\n```", false},
		{`{"a":1}}`, true},
		{`{"a":1} {"b":2}`, true},
		{`{"a":`, true},
		{``, true},
	}
	for _, tt := range tests {
		_, err := decodeOne(stripFence(tt.in))
		if (err != nil) != tt.wantErr {
			t.Errorf("%q: err = %v", tt.in, err)
		}
	}
}

func FuzzDecodeAndValidate(f *testing.F) {
	f.Add(`{"name":"ab","n":2}`)
	f.Add("```json\n{}\n```")
	sc := &genai.Schema{Type: genai.TypeObject, Required: []string{"name"}, Properties: map[string]*genai.Schema{
		"name": {Type: genai.TypeString}, "n": {Type: genai.TypeInteger, Minimum: genai.Ptr(0.0)},
		"l": {Type: genai.TypeArray, Items: &genai.Schema{Type: genai.TypeNumber}},
	}}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := decodeOne(stripFence(s))
		if err != nil {
			return
		}
		_ = validateSchema(v, sc) // must not panic on any JSON
	})
}
