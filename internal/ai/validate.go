package ai

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"google.golang.org/genai"
)

// maxViolations bounds how many problems one error lists.
const maxViolations = 5

// validateSchema checks a value decoded with UseNumber against the subset of
// OpenAPI that genai.Schema carries. Messages name paths and expectations,
// never string values (they may be user content).
func validateSchema(v any, sc *genai.Schema) error {
	var vs violations
	vs.check(v, sc, "$")
	if len(vs) == 0 {
		return nil
	}
	if len(vs) > maxViolations {
		vs = append(vs[:maxViolations], fmt.Sprintf("and %d more", len(vs)-maxViolations))
	}
	return errors.New("does not match the schema: " + strings.Join(vs, "; "))
}

type violations []string

func (vs *violations) add(path, format string, args ...any) {
	*vs = append(*vs, path+": "+fmt.Sprintf(format, args...))
}

func (vs *violations) check(v any, sc *genai.Schema, path string) {
	if sc == nil {
		return
	}
	if v == nil {
		if (sc.Nullable != nil && *sc.Nullable) || sc.Type == genai.TypeNULL || sc.Type == "" {
			return
		}
		vs.add(path, "is null")
		return
	}
	if len(sc.AnyOf) > 0 {
		vs.checkAnyOf(v, sc, path)
		return
	}
	switch schemaType(sc) {
	case genai.TypeObject:
		vs.checkObject(v, sc, path)
	case genai.TypeArray:
		vs.checkArray(v, sc, path)
	case genai.TypeString:
		vs.checkString(v, sc, path)
	case genai.TypeInteger:
		vs.checkNumber(v, sc, path, true)
	case genai.TypeNumber:
		vs.checkNumber(v, sc, path, false)
	case genai.TypeBoolean:
		if _, ok := v.(bool); !ok {
			vs.add(path, "is %s, want a boolean", kind(v))
		}
	case genai.TypeNULL:
		vs.add(path, "is %s, want null", kind(v))
	}
}

func schemaType(sc *genai.Schema) genai.Type {
	t := genai.Type(strings.ToUpper(string(sc.Type)))
	if t == "" && len(sc.Properties) > 0 {
		return genai.TypeObject
	}
	return t
}

func (vs *violations) checkAnyOf(v any, sc *genai.Schema, path string) {
	for _, alt := range sc.AnyOf {
		var sub violations
		sub.check(v, alt, path)
		if len(sub) == 0 {
			return
		}
	}
	vs.add(path, "matches none of the %d allowed shapes", len(sc.AnyOf))
}

func (vs *violations) checkObject(v any, sc *genai.Schema, path string) {
	m, ok := v.(map[string]any)
	if !ok {
		vs.add(path, "is %s, want an object", kind(v))
		return
	}
	for _, name := range sc.Required {
		if _, ok := m[name]; !ok {
			vs.add(path, "missing required property %q", name)
		}
	}
	if sc.MinProperties != nil && int64(len(m)) < *sc.MinProperties {
		vs.add(path, "has %d properties, want at least %d", len(m), *sc.MinProperties)
	}
	if sc.MaxProperties != nil && int64(len(m)) > *sc.MaxProperties {
		vs.add(path, "has %d properties, want at most %d", len(m), *sc.MaxProperties)
	}
	names := make([]string, 0, len(sc.Properties))
	for name := range sc.Properties {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if pv, ok := m[name]; ok {
			vs.check(pv, sc.Properties[name], path+"."+name)
		}
	}
}

func (vs *violations) checkArray(v any, sc *genai.Schema, path string) {
	a, ok := v.([]any)
	if !ok {
		vs.add(path, "is %s, want an array", kind(v))
		return
	}
	if sc.MinItems != nil && int64(len(a)) < *sc.MinItems {
		vs.add(path, "has %d items, want at least %d", len(a), *sc.MinItems)
	}
	if sc.MaxItems != nil && int64(len(a)) > *sc.MaxItems {
		vs.add(path, "has %d items, want at most %d", len(a), *sc.MaxItems)
	}
	for i, item := range a {
		vs.check(item, sc.Items, fmt.Sprintf("%s[%d]", path, i))
	}
}

func (vs *violations) checkString(v any, sc *genai.Schema, path string) {
	s, ok := v.(string)
	if !ok {
		vs.add(path, "is %s, want a string", kind(v))
		return
	}
	if len(sc.Enum) > 0 && !slices.Contains(sc.Enum, s) {
		vs.add(path, "is not one of the %d allowed values", len(sc.Enum))
	}
	n := int64(utf8.RuneCountInString(s))
	if sc.MinLength != nil && n < *sc.MinLength {
		vs.add(path, "is %d characters long, want at least %d", n, *sc.MinLength)
	}
	if sc.MaxLength != nil && n > *sc.MaxLength {
		vs.add(path, "is %d characters long, want at most %d", n, *sc.MaxLength)
	}
	if sc.Pattern != "" {
		if re, err := regexp.Compile(sc.Pattern); err == nil && !re.MatchString(s) {
			vs.add(path, "does not match the pattern")
		}
	}
}

func (vs *violations) checkNumber(v any, sc *genai.Schema, path string, integer bool) {
	n, ok := v.(json.Number)
	if !ok {
		vs.add(path, "is %s, want a number", kind(v))
		return
	}
	f, err := n.Float64()
	if err != nil {
		vs.add(path, "is not a finite number")
		return
	}
	if integer {
		if _, err := n.Int64(); err != nil {
			vs.add(path, "is %s, want an integer", n)
			return
		}
	}
	if sc.Minimum != nil && f < *sc.Minimum {
		vs.add(path, "is %s, below the minimum %g", n, *sc.Minimum)
	}
	if sc.Maximum != nil && f > *sc.Maximum {
		vs.add(path, "is %s, above the maximum %g", n, *sc.Maximum)
	}
}

// kind names a JSON value's type without quoting it.
func kind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	default:
		return fmt.Sprintf("%T", v)
	}
}
