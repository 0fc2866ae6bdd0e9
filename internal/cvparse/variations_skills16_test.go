package cvparse

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A section heading of the 2013 form set level with the last row of the
// section above is read into that row's label cell ("Driving licence
// ADDITIONAL INFORMATION<tab>B"): the row keeps its label, the heading
// opens its section after it. Read as one unknown label, the licence went
// to the skills and the jobs under "WORK EXPERIENCE" were lost.
func TestEuropassHeadingGluedToLabel(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows []string
		want []string
	}{
		{"licence beside the heading", []string{"Digital skills\tAutoCAD, Revit", "Driving licence ADDITIONAL INFORMATION\tB",
			"Memberships\tOrder of Engineers"}, []string{"AutoCAD", "Polish", "Revit"}},
		{"capitals labels", []string{"DIGITAL SKILLS\tExcel, SAP MM", "DRIVING LICENCE ADDITIONAL INFORMATION\tB, C, CE"},
			[]string{"Excel", "Polish", "SAP MM"}},
		{"French heading wrapped below", []string{"Compétences informatiques\tSage Paie, Excel", "Permis de conduire INFORMATIONS\tB",
			">COMPLÉMENTAIRES", "Certifications\tCertificat IFRS (2019)"}, []string{"Excel", "Polish", "Sage Paie"}},
	} {
		got := allSkills(Parse(tableDoc(euSkillsDoc(tc.rows...)...)).Skills)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: skills (-want +got):\n%s", tc.name, diff)
		}
	}
	doc := tableDoc("europass", "PERSONAL INFORMATION\tTomasz Nowak", "JOB APPLIED FOR WORK EXPERIENCE\tPlant Manager",
		"04/2016–Present\tProduction Manager", ">Fabryka Okien Sp. z o.o., Poznań (Poland)", ">Run two shifts of 60 operators",
		"EDUCATION AND TRAINING", "2008–2013\tMaster of Mechanical Engineering", ">Poznań University of Technology",
		"PERSONAL SKILLS", "Mother tongue(s)\tPolish")
	got := Parse(doc)
	if len(got.Experience) != 1 || got.Experience[0].Title != "Production Manager" || got.Experience[0].StartDate != "04/2016" {
		t.Errorf("experience = %+v, want the production manager's job", got.Experience)
	}
}
