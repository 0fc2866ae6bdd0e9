package agentapi_test

import (
	"encoding/json"
	"log/slog"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/agentapi"
	"github.com/utopiahire/utopiahire/internal/httpapi"
)

// routesOnly registers the interview routes; the document is all this test
// reads, so no method is ever called.
type routesOnly struct{ httpapi.Interviews }

// schema is the part of an OpenAPI schema the contract pins.
type schema struct {
	Ref        string             `json:"$ref"`
	Type       string             `json:"type"`
	Format     string             `json:"format"`
	Items      *schema            `json:"items"`
	Properties map[string]*schema `json:"properties"`
}

type document struct {
	Paths map[string]map[string]struct {
		RequestBody *struct {
			Content map[string]struct{ Schema *schema } `json:"content"`
		} `json:"requestBody"`
		Responses map[string]struct {
			Content map[string]struct{ Schema *schema } `json:"content"`
		} `json:"responses"`
	} `json:"paths"`
	Components struct {
		Schemas map[string]*schema `json:"schemas"`
	} `json:"components"`
}

// TestOpenAPIMatchesContract checks that every body of the agent's routes
// in the server's /docs/openapi.json has exactly the contract type's JSON
// fields, each with the JSON type the Go field encodes to: the agent and
// the server speak the same wire format, and the published document says so.
func TestOpenAPIMatchesContract(t *testing.T) {
	doc := openAPI(t)
	tests := []struct {
		method, path string
		request      any
		response     any
	}{
		{"post", agentapi.PathSession, agentapi.WorkerRequest{}, agentapi.Dispatch{}},
		{"post", agentapi.PathClaim, agentapi.ClaimRequest{}, agentapi.Claim{}},
		{"post", agentapi.PathRelease, agentapi.ReleaseRequest{}, nil},
		{"post", agentapi.PathHeartbeat, nil, agentapi.Heartbeat{}},
		{"get", agentapi.PathSessionData, nil, agentapi.SessionData{}},
		{"post", agentapi.PathSaveReport, agentapi.Report{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			op, ok := doc.Paths[tt.path][tt.method]
			if !ok {
				t.Fatalf("the document has no %s %s", tt.method, tt.path)
			}
			if tt.request != nil {
				if op.RequestBody == nil {
					t.Fatal("no request body in the document")
				}
				compare(t, doc, "request", op.RequestBody.Content["application/json"].Schema, reflect.TypeOf(tt.request))
			}
			if tt.response != nil {
				compare(t, doc, "response", op.Responses["200"].Content["application/json"].Schema, reflect.TypeOf(tt.response))
			}
		})
	}
}

// openAPI is the server's OpenAPI document, the one /docs/openapi.json serves.
func openAPI(t *testing.T) document {
	t.Helper()
	s, err := httpapi.New(httpapi.Deps{Logger: slog.New(slog.DiscardHandler), CORSOrigins: []string{"http://localhost:3000"}, Interviews: routesOnly{}})
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := s.OpenAPI()
	if err != nil {
		t.Fatal(err)
	}
	var doc document
	if b, err := json.Marshal(parsed); err != nil {
		t.Fatal(err)
	} else if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// compare checks s (the document's schema) against Go type typ.
func compare(t *testing.T, doc document, what string, s *schema, typ reflect.Type) {
	t.Helper()
	s = resolve(t, doc, s)
	if s == nil {
		t.Fatalf("%s: no JSON schema in the document", what)
	}
	want, got := fieldsOf(typ), map[string]string{}
	for name, p := range s.Properties {
		got[name] = jsonType(resolve(t, doc, p))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s %s: the document's fields differ from the contract's (-%s +document):\n%s", what, typ, typ, diff)
	}
}

func resolve(t *testing.T, doc document, s *schema) *schema {
	t.Helper()
	if s == nil || s.Ref == "" {
		return s
	}
	name := strings.TrimPrefix(s.Ref, "#/components/schemas/")
	r, ok := doc.Components.Schemas[name]
	if !ok {
		t.Fatalf("dangling reference %s", s.Ref)
	}
	return r
}

// jsonType names a schema's JSON type; arrays name their items' type.
func jsonType(s *schema) string {
	typ := s.Type
	if s.Format == "date-time" {
		typ += "/date-time"
	}
	if s.Items != nil {
		typ += " of " + jsonType(s.Items)
	}
	return typ
}

var timeType = reflect.TypeOf(time.Time{})

// fieldsOf is the JSON fields of struct type typ with the JSON type each
// Go field encodes to.
func fieldsOf(typ reflect.Type) map[string]string {
	out := map[string]string{}
	for f := range typ.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = goJSONType(f.Type)
	}
	return out
}

func goJSONType(typ reflect.Type) string {
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	if typ == timeType {
		return "string/date-time"
	}
	switch typ.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Slice, reflect.Array:
		return "array of " + goJSONType(typ.Elem())
	case reflect.Map, reflect.Struct:
		return "object"
	}
	return typ.Kind().String()
}

// TestFieldsOf keeps the reflection honest: a drifted type is caught.
func TestFieldsOf(t *testing.T) {
	type drifted struct {
		Score  *int      `json:"interview_score"`
		At     time.Time `json:"at"`
		Items  []string  `json:"items,omitempty"`
		hidden string
		Skip   string `json:"-"`
	}
	got := fieldsOf(reflect.TypeOf(drifted{}))
	want := map[string]string{"interview_score": "integer", "at": "string/date-time", "items": "array of string"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("fieldsOf (-want +got):\n%s", diff)
	}
	if report := fieldsOf(reflect.TypeOf(agentapi.Report{})); report["interview_score"] != "number" {
		t.Errorf("Report.interview_score is %q, want number (the server accepts 0–10 with a decimal)", report["interview_score"])
	}
}
