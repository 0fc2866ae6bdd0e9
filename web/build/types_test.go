package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/httpapi"
)

// tsType is a TypeScript type as tstypes.mjs prints it.
type tsType struct {
	Kind    string            `json:"kind"`
	Items   *tsType           `json:"items"`
	Members []*tsType         `json:"members"`
	Name    string            `json:"name"`
	Props   map[string]tsProp `json:"props"`
	Index   bool              `json:"index"`
}

type tsProp struct {
	Optional bool    `json:"optional"`
	Type     *tsType `json:"type"`
}

// apiSchema is the part of an OpenAPI schema the check reads.
type apiSchema struct {
	Ref                  string                `json:"$ref"`
	Type                 string                `json:"type"`
	Nullable             bool                  `json:"nullable"`
	Items                *apiSchema            `json:"items"`
	Properties           map[string]*apiSchema `json:"properties"`
	AdditionalProperties json.RawMessage       `json:"additionalProperties"`
}

// tsMirrors names, for each interface of web/src/types.ts that mirrors a
// server response, the schema of /docs/openapi.json it mirrors: a component
// and a path in it ("[]" is an array's items). Interfaces reached from these
// are checked where they are used.
var tsMirrors = map[string][]string{
	"AnalysisRecord":   {"cvjob.Status"},
	"StructuredResult": {"cvjob.Result"},
	"Job":              {"jobs.Job"},
	"SkillsReport":     {"skills.Report"},
	"StartSession":     {"interview.Started"},
	"InterviewSummary": {"interviewList", "interviews", "[]"},
	"InterviewDetail":  {"interview.Detail"},
	"InterviewNote":    {"interview.Note"},
	"Invitation":       {"interview.Invitation"},
	"ListenToken":      {"interview.ListenToken"},
	"CatalogSummary":   {"CatalogSummary"},
	"CVFileSummary":    {"cvFilesResponse", "files", "[]"},
}

// tsClientOnly are the interfaces of types.ts that mirror no response of
// the API as a whole: parts reached from the mirrors above, or shapes the
// server leaves free-form (the structured CV and the analysis are stored
// JSON; the API passes them through).
var tsClientOnly = []string{
	"Contact", "Experience", "Education", "Skills", "StructuredCV", "FieldSuggestion", "Priority", "Analysis",
	"SkillGapRow", "LearnResource", "LearnItem", "TranscriptSegment", "InterviewEvent", "InterviewReport", "Reason", "UnreadPart",
}

// TestTypeCheck runs the TypeScript compiler over web/src with
// web/tsconfig.json (strict): esbuild, which builds the bundle, does not
// type-check.
func TestTypeCheck(t *testing.T) {
	requireNodeModules(t)
	cmd := exec.Command("node", filepath.Join("node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", ".")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tsc --noEmit: %v\n%s", err, out)
	}
}

// TestTypesMatchOpenAPI checks web/src/types.ts against the server's
// OpenAPI document: every field the pages read from a response exists in
// the response's schema with a compatible JSON type, so a renamed or
// retyped server field fails here rather than in a browser. Every interface
// of types.ts must be listed above as a mirror or as client-only.
func TestTypesMatchOpenAPI(t *testing.T) {
	requireNodeModules(t)
	types := tsInterfaces(t)
	doc := openAPI(t)
	var names []string
	for name := range types {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path, mirrored := tsMirrors[name]
		if !mirrored {
			if !slices.Contains(tsClientOnly, name) {
				t.Errorf("types.ts: interface %s is neither mapped to a schema (tsMirrors) nor client-only (tsClientOnly)", name)
			}
			continue
		}
		s := doc.resolve(doc.Components.Schemas[path[0]])
		for _, step := range path[1:] {
			if s == nil {
				break
			}
			if step == "[]" {
				s = doc.resolve(s.Items)
			} else {
				s = doc.resolve(s.Properties[step])
			}
		}
		if s == nil {
			t.Errorf("types.ts: %s mirrors %s, which the OpenAPI document lacks", name, strings.Join(path, "."))
			continue
		}
		c := checker{types: types, doc: doc, seen: map[string]bool{}}
		c.compare(name, &tsType{Kind: "ref", Name: name}, s)
		for _, e := range c.errs {
			t.Errorf("types.ts %s", e)
		}
	}
	for name := range tsMirrors {
		if _, ok := types[name]; !ok {
			t.Errorf("tsMirrors names %s, which types.ts does not declare", name)
		}
	}
}

type openAPIDoc struct {
	Components struct {
		Schemas map[string]*apiSchema `json:"schemas"`
	} `json:"components"`
}

func (d *openAPIDoc) resolve(s *apiSchema) *apiSchema {
	for i := 0; s != nil && s.Ref != "" && i < 8; i++ {
		s = d.Components.Schemas[strings.TrimPrefix(s.Ref, "#/components/schemas/")]
	}
	return s
}

type checker struct {
	types map[string]tsType
	doc   *openAPIDoc
	seen  map[string]bool
	errs  []string
}

func (c *checker) fail(at, format string, args ...any) {
	c.errs = append(c.errs, at+": "+fmt.Sprintf(format, args...))
}

// compare checks that a value of schema s is a valid t, as far as t says.
func (c *checker) compare(at string, t *tsType, s *apiSchema) {
	s = c.doc.resolve(s)
	if s == nil {
		c.fail(at, "no schema")
		return
	}
	switch t.Kind {
	case "any":
	case "union":
		var errs []string
		for _, m := range t.Members {
			if m.Kind == "null" {
				continue
			}
			sub := checker{types: c.types, doc: c.doc, seen: c.seen}
			sub.compare(at, m, s)
			if len(sub.errs) == 0 {
				return
			}
			errs = append(errs, sub.errs...)
		}
		c.errs = append(c.errs, errs...)
	case "ref":
		def, ok := c.types[t.Name]
		if !ok {
			c.fail(at, "unknown interface %s", t.Name)
			return
		}
		key := t.Name + "@" + at
		if c.seen[key] {
			return
		}
		c.seen[key] = true
		c.object(at, def.Props, s)
	case "object":
		c.object(at, t.Props, s)
	case "array":
		if s.Type != "array" {
			c.fail(at, "is an array in types.ts, %s in the API", describe(s))
			return
		}
		c.compare(at+"[]", t.Items, s.Items)
	case "number":
		if s.Type != "number" && s.Type != "integer" {
			c.fail(at, "is a number in types.ts, %s in the API", describe(s))
		}
	case "string", "boolean":
		if s.Type != t.Kind {
			c.fail(at, "is a %s in types.ts, %s in the API", t.Kind, describe(s))
		}
	case "null":
		if !s.Nullable {
			c.fail(at, "is null in types.ts, %s in the API", describe(s))
		}
	default:
		c.fail(at, "unsupported TypeScript kind %q", t.Kind)
	}
}

// object checks that schema s has every field of props with its type. A
// schema without declared fields (free-form JSON) takes any.
func (c *checker) object(at string, props map[string]tsProp, s *apiSchema) {
	if s.Type != "object" && s.Type != "" {
		c.fail(at, "is an object in types.ts, %s in the API", describe(s))
		return
	}
	if len(s.Properties) == 0 {
		return
	}
	names := make([]string, 0, len(props))
	for name := range props {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		ps, ok := s.Properties[name]
		if !ok {
			c.fail(at+"."+name, "is not a field of the API's response")
			continue
		}
		c.compare(at+"."+name, props[name].Type, ps)
	}
}

func describe(s *apiSchema) string {
	if s.Type == "" {
		return "untyped"
	}
	return s.Type
}

// tsInterfaces parses web/src/types.ts with TypeScript's own parser.
func tsInterfaces(t *testing.T) map[string]tsType {
	t.Helper()
	out, err := exec.Command("node", "tstypes.mjs", filepath.Join("..", "node_modules", "typescript"),
		filepath.Join("..", "src", "types.ts")).Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("tstypes.mjs: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("tstypes.mjs: %v", err)
	}
	var types map[string]tsType
	if err := json.Unmarshal(out, &types); err != nil {
		t.Fatal(err)
	}
	return types
}

// The route groups are registered with dependencies that are never
// called: the test reads only the document.
type (
	interviewsDoc struct{ httpapi.Interviews }
	cvDoc         struct{ httpapi.CVs }
	accountsDoc   struct{ httpapi.Accounts }
	catalogDoc    struct{ httpapi.CatalogOrigins }
	filesDoc      struct{}
)

func (filesDoc) Files(context.Context, string, int) ([]cv.FileSummary, error) { return nil, nil }

// openAPI is the OpenAPI document (/docs/openapi.json) of an API with
// every route group.
func openAPI(t *testing.T) *openAPIDoc {
	t.Helper()
	s, err := httpapi.New(httpapi.Deps{
		Logger: slog.New(slog.DiscardHandler), CORSOrigins: []string{"http://localhost:3000"},
		Accounts: accountsDoc{}, Interviews: interviewsDoc{}, CV: cvDoc{},
		Jobs: &httpapi.JobsDeps{Catalog: catalogDoc{}, Files: filesDoc{}},
	})
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := s.OpenAPI()
	if err != nil {
		t.Fatal(err)
	}
	var doc openAPIDoc
	if b, err := json.Marshal(parsed); err != nil {
		t.Fatal(err)
	} else if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	return &doc
}
