package skills

import (
	"strings"
	"testing"
)

func loadResources(t testing.TB) *Resources {
	t.Helper()
	r, err := LoadResources(loadTaxonomy(t))
	if err != nil {
		t.Fatalf("load resources: %v", err)
	}
	return r
}

// TestResourcesCoverEveryFamily: every skill the analyzer can name gets at
// least one https link; every large family of the taxonomy (a root skill
// with eight or more narrower skills) and the families issue 17 names have
// resources of their own, not only their category's.
func TestResourcesCoverEveryFamily(t *testing.T) {
	tax := loadTaxonomy(t)
	r := loadResources(t)
	if r.Version() == "" {
		t.Fatal("resources have no version")
	}
	root := func(id string) string {
		seen := map[string]bool{}
		for !seen[id] {
			seen[id] = true
			s, _ := tax.Skill(id)
			if s.Broader == "" {
				return id
			}
			if _, ok := tax.Skill(s.Broader); !ok {
				return id
			}
			id = s.Broader
		}
		return id
	}
	size := map[string]int{}
	for _, s := range tax.Skills() {
		res := r.For(s.ID)
		if len(res) == 0 {
			t.Errorf("%s (%s) has no learning resource", s.Label, s.Category)
		}
		for _, x := range res {
			if err := checkResource(x); err != nil {
				t.Errorf("%s: %v", s.Label, err)
			}
		}
		size[root(s.ID)]++
	}
	for id, n := range size {
		if n >= 8 && r.familyOf(id) == "" {
			t.Errorf("family %s (%d skills) has only its category's resources", id, n)
		}
	}
	for _, label := range []string{"Go", "Python", "SQL", "Kubernetes", "Amazon Web Services", "React", "Java",
		"Machine learning", "Microsoft Excel", "Accounting", "Digital marketing", "Logistics", "Nursing", "Teaching (education)"} {
		if r.familyOf(slug(label)) == "" {
			t.Errorf("%s has no resources of its own", label)
		}
	}
}

func TestResourcesRefuseBadLinks(t *testing.T) {
	tax := loadTaxonomy(t)
	for _, bad := range []string{
		`{"families":[{"skills":["Go"],"resources":[{"title":"x","url":"https://go.dev/"}]}]}`,                   // no version
		`{"version":"1","families":[{"skills":["Go"],"resources":[{"title":"x","url":"http://go.dev/"}]}]}`,      // not https
		`{"version":"1","families":[{"skills":["Go"],"resources":[{"title":"x","url":"https:///doc"}]}]}`,        // no host
		`{"version":"1","families":[{"skills":["Go"],"resources":[{"title":"x","url":"https://go dev/"}]}]}`,     // space
		`{"version":"1","families":[{"skills":["Go"],"resources":[{"title":"x","url":"https://localhost/"}]}]}`,  // no domain
		`{"version":"1","families":[{"skills":["Go"],"resources":[{"title":"x","url":"javascript:alert(1)"}]}]}`, // script
		`{"version":"1","families":[{"skills":["Gopher"],"resources":[{"title":"x","url":"https://go.dev/"}]}]}`, // unknown skill
		`{"version":"1","families":[{"skills":["Go"],"resources":[{"title":" ","url":"https://go.dev/"}]}]}`,     // no title
		`{"version":"1","families":[{"skills":["Go"],"resources":[]}]}`,                                          // empty
		`{"version":"1","categories":{"tools":[{"title":"x","url":"https://user:pw@example.com/"}]}}`,            // credentials
	} {
		if _, err := parseResources([]byte(bad), tax); err == nil {
			t.Errorf("accepted %s", bad)
		}
	}
	if _, err := parseResources([]byte(`{"version":"1","families":[{"skills":["Go"],"resources":[{"title":"Tour","url":"https://go.dev/tour/"}]}]}`), tax); err != nil {
		t.Errorf("refused a good list: %v", err)
	}
	if got := loadResources(t).For(slug("Helm")); len(got) == 0 || !strings.Contains(got[0].URL, "kubernetes.io") {
		t.Errorf("Helm resources = %v, want Kubernetes'", got)
	}
}
