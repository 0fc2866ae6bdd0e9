package cv_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/cv"
)

func asError(err error, target **cv.Error) bool { return errors.As(err, target) }

var knownCodes = map[cv.Code]bool{
	cv.CodeInvalidFieldPath: true, cv.CodeFieldNotFound: true,
	cv.CodeStaleValue: true, cv.CodeInvalidValue: true,
}

// FuzzResolve checks that any path is either resolved or refused with a
// known code, never panics, and that every path that resolves can be
// applied and read back.
func FuzzResolve(f *testing.F) {
	c := loadCV(f, "en_engineer.json")
	for fld := range cv.Fields(&c) {
		f.Add(fld.Path)
	}
	f.Fuzz(func(t *testing.T, path string) {
		v, err := cv.Resolve(&c, path)
		if err != nil {
			var e *cv.Error
			if !asError(err, &e) || !knownCodes[e.Code] {
				t.Fatalf("Resolve(%q) error %v is not a known refusal", path, err)
			}
			if len(e.Error()) > 400 {
				t.Fatalf("error message of %d bytes", len(e.Error()))
			}
			return
		}
		if len(path) > cv.MaxPathLen {
			t.Fatalf("Resolve accepted a path of %d bytes", len(path))
		}
		before := c.Clone()
		got, err := cv.Apply(&c, path, v, "fuzzed value")
		if err != nil {
			t.Fatalf("Apply(%q) after Resolve succeeded: %v", path, err)
		}
		if diff := cmp.Diff(before, c); diff != "" {
			t.Fatalf("Apply modified its input:\n%s", diff)
		}
		if r, err := cv.Resolve(&got, path); err != nil || r != "fuzzed value" {
			t.Fatalf("after Apply, Resolve(%q) = %q, %v", path, r, err)
		}
	})
}

// FuzzApply checks Apply with arbitrary values: accepted values are stored
// trimmed, refused ones leave nothing changed.
func FuzzApply(f *testing.F) {
	c := loadCV(f, "fr_marketing.json")
	f.Add("summary", c.Summary, "Chargée de marketing digital, 5 ans d'expérience.")
	f.Add("experience[0].bullets[1]", "J'ai travaillé sur la refonte du site e-commerce", "Refonte du site e-commerce")
	f.Add("skills.tools[1]", "WordPress", "\\input{/etc/passwd}")
	f.Add("experience[0].bullets[1]", "stale", "x")
	f.Add("contact.linkedin", "", "\x00")
	f.Fuzz(func(t *testing.T, path, original, improved string) {
		before := c.Clone()
		got, err := cv.Apply(&c, path, original, improved)
		if diff := cmp.Diff(before, c); diff != "" {
			t.Fatalf("Apply modified its input:\n%s", diff)
		}
		if err != nil {
			var e *cv.Error
			if !asError(err, &e) || !knownCodes[e.Code] {
				t.Fatalf("Apply error %v is not a known refusal", err)
			}
			return
		}
		want := strings.TrimSpace(strings.ReplaceAll(improved, "\r\n", "\n"))
		if r, err := cv.Resolve(&got, path); err != nil || r != want {
			t.Fatalf("after Apply, Resolve(%q) = %q, %v; want %q", path, r, err, want)
		}
	})
}
