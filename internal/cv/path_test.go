package cv_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/cv"
)

// loadCV reads a structured CV fixture from testdata.
func loadCV(t testing.TB, name string) cv.StructuredCV {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var c cv.StructuredCV
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatalf("decode %s: %v", name, err)
	}
	return c
}

func TestResolve(t *testing.T) {
	c := loadCV(t, "en_engineer.json")
	tests := []struct {
		path string
		want string
	}{
		{"summary", c.Summary},
		{"contact.email", "amira.bensalah@example.com"},
		{"contact.portfolio", ""},
		{"experience[0].title", "Senior Backend Engineer"},
		{"experience[1].bullets[0]", "Developed a route-planning service in Go that cut fuel costs by 12%"},
		{"experience[1].startDate", "Sep 2017"},
		{"skills.technical[3]", "Kafka"},
		{"skills.soft_skills[0]", "Team player"},
		{"education[0].achievements[0]", "Graduated with honours"},
		{"projects[0].description", "Worked on an open-source job queue on top of PostgreSQL"},
		{"projects[0].link", "https://github.com/amirabs/pgqueue"},
		{"certifications[0].organization", "CNCF"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			got, err := cv.Resolve(&c, tt.path)
			if err != nil {
				t.Fatalf("Resolve(%q): %v", tt.path, err)
			}
			if got != tt.want {
				t.Errorf("Resolve(%q) = %q, want %q", tt.path, got, tt.want)
			}
		})
	}
}

func TestResolveRefusals(t *testing.T) {
	c := loadCV(t, "en_engineer.json")
	tests := []struct {
		name string
		path string
		code cv.Code
	}{
		{"empty", "", cv.CodeInvalidFieldPath},
		{"unknown top", "hobbies", cv.CodeInvalidFieldPath},
		{"unknown leaf", "experience[0].salary", cv.CodeInvalidFieldPath},
		{"id not editable", "experience[0].id", cv.CodeInvalidFieldPath},
		{"list without index", "experience.title", cv.CodeInvalidFieldPath},
		{"list entry itself", "experience[0]", cv.CodeInvalidFieldPath},
		{"bullets without index", "experience[0].bullets", cv.CodeInvalidFieldPath},
		{"index on scalar", "summary[0]", cv.CodeInvalidFieldPath},
		{"sub-field of scalar", "summary.text", cv.CodeInvalidFieldPath},
		{"contact alone", "contact", cv.CodeInvalidFieldPath},
		{"skills alone", "skills", cv.CodeInvalidFieldPath},
		{"negative index", "experience[-1].title", cv.CodeInvalidFieldPath},
		{"plus sign", "experience[+1].title", cv.CodeInvalidFieldPath},
		{"leading zero", "experience[01].title", cv.CodeInvalidFieldPath},
		{"huge index", "experience[99999999999999999999].title", cv.CodeInvalidFieldPath},
		{"index beyond limit", "experience[10000].title", cv.CodeInvalidFieldPath},
		{"hex index", "experience[0x1].title", cv.CodeInvalidFieldPath},
		{"unclosed bracket", "experience[0.title", cv.CodeInvalidFieldPath},
		{"double index", "experience[0][1].title", cv.CodeInvalidFieldPath},
		{"empty index", "experience[].title", cv.CodeInvalidFieldPath},
		{"trailing dot", "summary.", cv.CodeInvalidFieldPath},
		{"leading dot", ".summary", cv.CodeInvalidFieldPath},
		{"deep nesting", "experience[0].bullets[0].x.y.z", cv.CodeInvalidFieldPath},
		{"too long", "summary" + strings.Repeat(".summary", 1300), cv.CodeInvalidFieldPath},
		{"unicode name", "expérience[0].title", cv.CodeInvalidFieldPath},
		{"fullwidth digits", "experience[０].title", cv.CodeInvalidFieldPath},
		{"invalid utf8", "summ\xffary", cv.CodeInvalidFieldPath},
		{"nul byte", "summary\x00", cv.CodeInvalidFieldPath},
		{"spaces", " summary", cv.CodeInvalidFieldPath},
		{"json pointer", "/experience/0/title", cv.CodeInvalidFieldPath},
		{"index past end", "experience[2].title", cv.CodeFieldNotFound},
		{"bullet past end", "experience[1].bullets[3]", cv.CodeFieldNotFound},
		{"empty list", "awards[0].title", cv.CodeFieldNotFound},
		{"skills past end", "skills.other[0]", cv.CodeFieldNotFound},
		{"largest index", "experience[9999].title", cv.CodeFieldNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := cv.Resolve(&c, tt.path)
			if got := cv.CodeOf(err); got != tt.code {
				t.Fatalf("Resolve(%.40q) code = %q (err %v), want %q", tt.path, got, err, tt.code)
			}
			var e *cv.Error
			if !asError(err, &e) {
				t.Fatalf("error %T is not *cv.Error", err)
			}
			if len(e.Error()) > 300 || !utf8.ValidString(e.Error()) {
				t.Errorf("error message is not short valid text: %q", e.Error())
			}
		})
	}
}

func TestResolveNilCV(t *testing.T) {
	if _, err := cv.Resolve(nil, "summary"); cv.CodeOf(err) != cv.CodeFieldNotFound {
		t.Fatalf("Resolve(nil) = %v, want field_not_found", err)
	}
	if _, err := cv.Apply(nil, "summary", "", "x"); cv.CodeOf(err) != cv.CodeFieldNotFound {
		t.Fatalf("Apply(nil) = %v, want field_not_found", err)
	}
}

func TestApply(t *testing.T) {
	orig := loadCV(t, "en_engineer.json")
	tests := []struct {
		path, original, improved string
		check                    func(c cv.StructuredCV) string
	}{
		{"summary", orig.Summary, "Backend engineer, 7 years in payments.", func(c cv.StructuredCV) string { return c.Summary }},
		{"experience[0].bullets[1]", "Worked on the migration of the ledger from MySQL to PostgreSQL",
			"Migrated the ledger from MySQL to PostgreSQL", func(c cv.StructuredCV) string { return c.Experience[0].Bullets[1] }},
		{"skills.technical[3]", "Kafka", "Apache Kafka", func(c cv.StructuredCV) string { return c.Skills.Technical[3] }},
		{"education[0].achievements[0]", "Graduated with honours", "Graduated first of 120", func(c cv.StructuredCV) string { return c.Education[0].Achievements[0] }},
		{"projects[0].description", "Worked on an open-source job queue on top of PostgreSQL", "Built pgqueue",
			func(c cv.StructuredCV) string { return c.Projects[0].Description }},
		{"contact.portfolio", "", "https://amira.dev", func(c cv.StructuredCV) string { return c.Contact.Portfolio }},
		// Surrounding white space and CRLF in the client's copy are not a change.
		{"experience[0].title", "  Senior Backend Engineer\r\n", "Staff Engineer", func(c cv.StructuredCV) string { return c.Experience[0].Title }},
		{"summary", orig.Summary, "  Two lines\r\nof text  ", func(c cv.StructuredCV) string { return c.Summary }},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			c := loadCV(t, "en_engineer.json")
			before := c.Clone()
			got, err := cv.Apply(&c, tt.path, tt.original, tt.improved)
			if err != nil {
				t.Fatalf("Apply: %v", err)
			}
			want := strings.TrimSpace(strings.ReplaceAll(tt.improved, "\r\n", "\n"))
			if v := tt.check(got); v != want {
				t.Errorf("field = %q, want %q", v, want)
			}
			if diff := cmp.Diff(before, c); diff != "" {
				t.Errorf("Apply modified its input (-before +after):\n%s", diff)
			}
			// Exactly one field changed: putting the old value back gives the input.
			back, err := cv.Apply(&got, tt.path, want, mustResolve(t, &c, tt.path))
			if err != nil {
				t.Fatalf("reverse Apply: %v", err)
			}
			if diff := cmp.Diff(normalised(t, c), back); diff != "" {
				t.Errorf("Apply changed more than %s (-want +got):\n%s", tt.path, diff)
			}
		})
	}
}

func TestApplyRefusals(t *testing.T) {
	c := loadCV(t, "en_engineer.json")
	tests := []struct {
		name, path, original, improved string
		code                           cv.Code
	}{
		{"stale", "experience[0].title", "Backend Engineer", "Staff Engineer", cv.CodeStaleValue},
		{"stale empty original", "summary", "", "New summary", cv.CodeStaleValue},
		{"missing bullet", "experience[0].bullets[6]", "", "x", cv.CodeFieldNotFound},
		{"bad path", "experience[0]..title", "", "x", cv.CodeInvalidFieldPath},
		{"too long value", "summary", c.Summary, strings.Repeat("a", cv.MaxValueLen+1), cv.CodeInvalidValue},
		{"invalid utf8 value", "summary", c.Summary, "caf\xe9", cv.CodeInvalidValue},
		{"control char value", "summary", c.Summary, "a\x1b[31mred", cv.CodeInvalidValue},
		{"nul value", "summary", c.Summary, "a\x00b", cv.CodeInvalidValue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := c.Clone()
			_, err := cv.Apply(&c, tt.path, tt.original, tt.improved)
			if got := cv.CodeOf(err); got != tt.code {
				t.Fatalf("Apply code = %q (err %v), want %q", got, err, tt.code)
			}
			if diff := cmp.Diff(before, c); diff != "" {
				t.Errorf("refused Apply modified its input:\n%s", diff)
			}
		})
	}
}

func TestFieldsResolve(t *testing.T) {
	for _, name := range []string{"en_engineer.json", "fr_marketing.json"} {
		c := loadCV(t, name)
		n := 0
		for f := range cv.Fields(&c) {
			n++
			got, err := cv.Resolve(&c, f.Path)
			if err != nil {
				t.Errorf("%s: Fields yielded %q which does not resolve: %v", name, f.Path, err)
				continue
			}
			if got != f.Value {
				t.Errorf("%s: %s = %q, Fields said %q", name, f.Path, got, f.Value)
			}
		}
		if n < 30 {
			t.Errorf("%s: Fields yielded only %d fields", name, n)
		}
	}
}

func TestCloneSharesNothing(t *testing.T) {
	c := loadCV(t, "en_engineer.json")
	d := c.Clone()
	d.Experience[0].Bullets[0] = "changed"
	d.Skills.Technical[0] = "changed"
	d.Projects[0].Title = "changed"
	d.Education[0].Achievements[0] = "changed"
	if c.Experience[0].Bullets[0] == "changed" || c.Skills.Technical[0] == "changed" ||
		c.Projects[0].Title == "changed" || c.Education[0].Achievements[0] == "changed" {
		t.Fatal("Clone shares storage with the original")
	}
}

func mustResolve(t *testing.T, c *cv.StructuredCV, path string) string {
	t.Helper()
	v, err := cv.Resolve(c, path)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// normalised is c with every value trimmed the way Apply stores it.
func normalised(t *testing.T, c cv.StructuredCV) cv.StructuredCV {
	t.Helper()
	out := c.Clone()
	for f := range cv.Fields(&c) {
		v := strings.TrimSpace(strings.ReplaceAll(f.Value, "\r\n", "\n"))
		if v == f.Value {
			continue
		}
		var err error
		if out, err = cv.Apply(&out, f.Path, f.Value, v); err != nil {
			t.Fatal(err)
		}
	}
	return out
}
