package skills

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFindNormalisation(t *testing.T) {
	x := NewExtractor(loadTaxonomy(t))
	tests := []struct {
		name string
		kind Kind
		text string
		want []string
		not  []string
	}{
		{"symbols", KindJob, "We use C++, C# and .NET with Node.js and ASP.NET.", []string{"cpp", "csharp", "dotnet", "node-js", "asp-net"}, []string{"c"}},
		{"ml alias", KindCV, "Built ML models; machine-learning pipelines.", []string{"machine-learning"}, nil},
		{"ml unit", KindJob, "Add 50 ml of water.", nil, []string{"machine-learning"}},
		{"go verb", KindJob, "We go the extra mile. Go to market fast.", nil, []string{"go"}},
		{"go language", KindJob, "Backend services in Go, Python and PostgreSQL.", []string{"go", "python", "postgresql"}, nil},
		{"golang", KindCV, "Five years of Golang.", []string{"go"}, nil},
		{"r and d", KindJob, "Work with our R&D teams at C-level.", nil, []string{"r", "c"}},
		{"r language", KindJob, "Statistics in R and Python.", []string{"r", "python", "statistics"}, nil},
		{"c french", KindJob, "C'est un poste en C embarqué avec Linux.", []string{"c", "linux"}, nil},
		{"accents", KindJob, "Maîtrise de l'apprentissage automatique et de la sécurité informatique.", []string{"machine-learning", "cybersecurity"}, nil},
		{"plural", KindJob, "Design REST APIs and microservices.", []string{"rest-apis", "microservices"}, nil},
		{"hobby go", KindCV, "Interests\nBoard games (Go, chess), Python meetups.", nil, []string{"go", "python"}},
		{"negation", KindCV, "A jQuery-free rewrite without Angular.", nil, []string{"jquery", "angular"}},
		{"excel verb", KindJob, "You excel at working with people.", nil, []string{"microsoft-excel"}},
		{"excel tool", KindJob, "Advanced Excel and Power BI.", []string{"microsoft-excel", "power-bi"}, nil},
		{"spoken", KindJob, "Fluent English; German is a plus.", []string{"english", "german"}, nil},
		{"nationality", KindJob, "A French fintech with English-speaking offices.", nil, []string{"french"}},
		{"k8s", KindCV, "Ran k8s clusters.", []string{"kubernetes"}, nil},
		{"nested", KindJob, "Linux administration.", []string{"linux", "linux-administration"}, nil},
		{"heading words", KindCV, "Soft skills\nTeamwork", []string{"teamwork"}, []string{"interpersonal-skills"}},
		{"domain name", KindCV, "see example.net", nil, []string{"dotnet"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := SkillIDs(x.Find(tc.text, tc.kind))
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("%q: missing %s in %v", tc.text, w, got)
				}
			}
			for _, n := range tc.not {
				if slices.Contains(got, n) {
					t.Errorf("%q: unexpected %s in %v", tc.text, n, got)
				}
			}
		})
	}
}

func TestFindHostileInput(t *testing.T) {
	x := NewExtractor(loadTaxonomy(t))
	for _, text := range []string{"", "\x00\x01\xff\xfe", "((((((((", "'; DROP TABLE skills; --", "<script>alert(1)</script> Python",
		string(make([]byte, 1<<16)), "…—–•●▪◦·|‖"} {
		ms := x.Find(text, KindJob)
		for _, m := range ms {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
				t.Fatalf("bad span %+v for %q", m, text)
			}
		}
	}
	if diff := cmp.Diff([]string{"python"}, SkillIDs(x.Find("<script>alert(1)</script> Python", KindJob))); diff != "" {
		t.Errorf("html input (-want +got):\n%s", diff)
	}
}

// TestMustNiceAccuracy reports how often the must-have/nice-to-have call
// agrees with the labels, over the job skills both found and labelled.
func TestMustNiceAccuracy(t *testing.T) {
	tax := loadTaxonomy(t)
	x := NewExtractor(tax)
	agree, total := 0, 0
	for _, d := range readLabelled(t, tax) {
		if d.kind != "job" {
			continue
		}
		must := map[string]bool{}
		for _, s := range d.must {
			must[s] = true
		}
		nice := map[string]bool{}
		for _, s := range d.nice {
			nice[s] = true
		}
		for _, js := range x.Job("", d.text).Skills {
			if !must[js.Skill.ID] && !nice[js.Skill.ID] {
				continue
			}
			total++
			if js.MustHave == must[js.Skill.ID] {
				agree++
			} else {
				t.Logf("%s: %s must=%v, labelled must=%v", d.id, js.Skill.ID, js.MustHave, must[js.Skill.ID])
			}
		}
	}
	acc := float64(agree) / float64(total)
	t.Logf("must-have/nice-to-have agreement: %d/%d = %.3f", agree, total, acc)
	if acc < 0.85 {
		t.Errorf("must/nice accuracy %.3f, want >= 0.85", acc)
	}
}
