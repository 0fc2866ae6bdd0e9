package latex_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/latex"
)

var update = flag.Bool("update", false, "rewrite the golden .tex files in testdata")

func loadCV(t testing.TB, name string) cv.StructuredCV {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var c cv.StructuredCV
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// TestRenderGolden pins the generated document so that template changes are
// reviewed as diffs of real output.
func TestRenderGolden(t *testing.T) {
	for _, name := range []string{"en_engineer", "fr_marketing"} {
		t.Run(name, func(t *testing.T) {
			got, err := latex.Render(loadCV(t, name+".json"), latex.Options{})
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", name+".tex")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("Render differs from %s (-want +got; go test -update to accept):\n%s", golden, diff)
			}
		})
	}
}

func TestRenderLanguage(t *testing.T) {
	c := loadCV(t, "fr_marketing.json")
	fr, err := latex.Render(c, latex.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(fr, `\section*{Expérience professionnelle}`) {
		t.Error("French CV without French headings")
	}
	en, err := latex.Render(c, latex.Options{Lang: "en", Paper: "letter"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(en, `\section*{Experience}`) || !strings.Contains(en, "letterpaper") {
		t.Error("options not honoured")
	}
}

func TestRenderOptionsRefused(t *testing.T) {
	c := loadCV(t, "en_engineer.json")
	for _, o := range []latex.Options{{Lang: "de"}, {Paper: "a3"}, {Paper: `a4}\input{x`}} {
		if _, err := latex.Render(c, o); err == nil {
			t.Errorf("Render accepted %+v", o)
		}
	}
}

func TestRenderEmptyCV(t *testing.T) {
	got, err := latex.Render(cv.StructuredCV{}, latex.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, `\begin{document}`) || strings.Contains(got, `\section*`) {
		t.Errorf("empty CV rendered sections:\n%s", got)
	}
}
