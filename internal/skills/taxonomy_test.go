package skills

import (
	"testing"
)

func loadTaxonomy(t testing.TB) *Taxonomy {
	t.Helper()
	tax, err := LoadTaxonomy()
	if err != nil {
		t.Fatalf("load taxonomy: %v", err)
	}
	return tax
}

func TestTaxonomyShape(t *testing.T) {
	tax := loadTaxonomy(t)
	if tax.Len() < 1500 {
		t.Fatalf("taxonomy has %d skills, want at least 1500", tax.Len())
	}
	perCat := map[Category]int{}
	fr := 0
	for _, s := range tax.Skills() {
		perCat[s.Category]++
		if s.LabelFR != "" {
			fr++
		}
	}
	for _, c := range []Category{ProgrammingLanguage, Framework, Tool, Cloud, Data, SoftSkill, SpokenLanguage, Domain, Certification} {
		if perCat[c] == 0 {
			t.Errorf("category %s is empty", c)
		}
	}
	if fr < 300 {
		t.Errorf("only %d skills have a French label", fr)
	}
	t.Logf("skills=%d french_labels=%d per_category=%v", tax.Len(), fr, perCat)
}
