package cvparse

import (
	"testing"
)

// A diploma the parser has no word for, styled as a heading inside
// Education over the school that awarded it, heads an entry there: the
// school's line with its town and dates is no job.
func TestVariationStyledDiplomaOverSchool(t *testing.T) {
	for _, tc := range []struct {
		name, diploma, school string
		want                  string
	}{
		{"fr", "DEP Boulangerie", "École des métiers de la boulangerie, Laval · 2009 à 2011", "École des métiers de la boulangerie"},
		{"ch", "CFC Polymécanicien", "École professionnelle de Bienne, Bienne · 2012 – 2016", "École professionnelle de Bienne"},
		{"en", "NVQ Plumbing", "Westfield College, Leeds · 2014 – 2016", "Westfield College"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := styledDoc("Jane Roe\njane@example.com\n# Expérience\nBoulangère\nBoulangerie du Marché, Laval · 2016 – 2023\n# Formation\n" +
				"# Diplôme d'études collégiales en gestion\nCollège Montmorency, Laval · 2011 à 2013\n# " + tc.diploma + "\n" + tc.school + "\n# Langues\nFrançais, anglais")
			c := Parse(doc)
			if len(c.Experience) != 1 {
				t.Errorf("experiences = %+v, want only the bakery job", c.Experience)
			}
			var schools []string
			for _, e := range c.Education {
				schools = append(schools, e.Institution)
			}
			if len(c.Education) != 2 || c.Education[1].Degree != tc.diploma || c.Education[1].Institution != tc.want {
				t.Errorf("education = %+v, want the diploma %q at %q second", c.Education, tc.diploma, tc.want)
			}
		})
	}
}
