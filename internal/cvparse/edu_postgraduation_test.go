package cvparse

import "testing"

// The Maghreb's "Post-Graduation Spécialisée (PGS)" is a diploma: read
// into one line with its school's name, the school still parts from it.
func TestPostGraduationDiploma(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"school glued to the diploma", "2016 – 2017\tPost-Graduation Spécialisée (PGS) en Audit Interne Institut Supérieur de Gestion de Tlemcen (ISGT),\nTlemcen",
			[]eduWant{{"Post-Graduation Spécialisée (PGS) en Audit Interne", "Institut Supérieur de Gestion de Tlemcen (ISGT)", "Tlemcen", "2016", "2017"}}, nil},
		{"without the hyphen", "2019 – 2020\tPostgraduation spécialisée en hygiène hospitalière\nÉcole Nationale de Santé d'Oran",
			[]eduWant{{"Postgraduation spécialisée en hygiène hospitalière", "École Nationale de Santé d'Oran", "", "2019", "2020"}}, nil},
	})
}
