package cvparse

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/extract"
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

// euFullDoc is tableDoc where a row ending in "~" is a line the PDF set
// full to its column's edge (extract.Line.Full): the next one goes on
// with it.
func euFullDoc(rows ...string) extract.Document {
	var marked []bool
	for i, r := range rows {
		full := strings.HasSuffix(r, "~")
		rows[i] = strings.TrimSuffix(r, "~")
		marked = append(marked, full)
	}
	d := tableDoc(rows...)
	for i := range d.Lines {
		d.Lines[i].Full = marked[i]
	}
	return d
}

// A skills row of the 2013 form lists one skill a line: a line that
// stopped short of the column's edge ended there, however many words it
// has ("Preventive maintenance of hydraulic presses and robotic cells" /
// "Root cause analysis"); one set full goes on on the next line. Groups
// labelled one a line ("Test automation: …" / "Load testing: …") keep
// each its label.
func TestEuropassSkillRowShortLines(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows []string
		want []string
	}{
		{"long line short of the edge", []string{"Job-related skills\tPreventive maintenance of hydraulic presses and robotic cells (ISO 13849)",
			">Root cause analysis", ">5S workshops"},
			[]string{"5S workshops", "Polish", "Preventive maintenance of hydraulic presses and robotic cells (ISO 13849)", "Root cause analysis"}},
		{"a line set full goes on", []string{"Job-related skills\tPreventive maintenance of hydraulic presses and robotic cells for the~",
			">Stamping Plant"},
			[]string{"Polish", "Preventive maintenance of hydraulic presses and robotic cells for the Stamping Plant"}},
		{"labelled groups a line", []string{"Job-related skills\tTest automation: Playwright, Robot Framework, Behave",
			">Load and security testing: k6, Gatling, OWASP ZAP", ">Languages used: Kotlin, Python"},
			[]string{"Behave", "Gatling", "Kotlin", "OWASP ZAP", "Playwright", "Polish", "Python", "Robot Framework", "k6"}},
	} {
		got := allSkills(Parse(euFullDoc(euSkillsDoc(tc.rows...)...)).Skills)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: skills (-want +got):\n%s", tc.name, diff)
		}
	}
}
