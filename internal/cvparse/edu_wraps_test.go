package cvparse

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// A school's name a narrow column wrapped goes on on the next line: the
// rest ("Mackenzie", "Catarina (UFSC)", "Ralaimongo, Antsirabe", a
// faculty's acronym) is the school's, not the description's, when
// another part is the entry's place, the rest closes on an acronym in
// brackets, or it is the acronym of the faculty the line ended on. A town
// alone under the school, with no other place in the entry, stays apart.
func TestVariationWrappedSchoolName(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"place on the line after", "Bachelor in Architecture\nPontificia Universidad\nJaveriana\nBogotá · 2011 – 2016",
			[]eduWant{{"Bachelor in Architecture", "Pontificia Universidad Javeriana", "Bogotá", "2011", "2016"}}, nil},
		{"acronym in brackets", "Licenciatura em Engenharia Civil\nUniversidade Estadual de Santa\nCruz (UESC)\n2009 — 2014",
			[]eduWant{{"Licenciatura em Engenharia Civil", "Universidade Estadual de Santa Cruz (UESC)", "", "2009", "2014"}}, nil},
		{"first name cut from the surname", "2011 : Baccalauréat série D – Lycée Joseph\nGallieni, Toamasina",
			[]eduWant{{"Baccalauréat série D", "Lycée Joseph Gallieni", "Toamasina", "", "2011"}}, nil},
		{"faculty's acronym", "2015 : Licence en Droit – Université de Toliara, Faculté\nDSJP",
			[]eduWant{{"Licence en Droit", "Université de Toliara, Faculté DSJP", "", "", "2015"}}, nil},
		{"a town alone stays the place", "BSc Nursing\nKestrel University\nHarlow\n2012 – 2016",
			[]eduWant{{"BSc Nursing", "Kestrel University", "Harlow", "2012", "2016"}}, nil},
	})
}

// A programme's name wrapped before the word of its kind ("Data
// Analytics Professional" / "Certificate") is one degree; the line under
// it names who gave it.
func TestVariationWrappedDegreeWord(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"certificate", "Bachelor of Commerce\nKestrel University\nCape Coast · 2010 – 2014\nProject Management Foundations\nCertificate\nLinkedIn Learning · 2021",
			[]eduWant{{"Bachelor of Commerce", "Kestrel University", "Cape Coast", "2010", "2014"}, {"Project Management Foundations Certificate", "LinkedIn Learning", "", "", "2021"}}, nil},
		{"diploma", "Culinary Arts and Pastry\nDiploma\nHarbourside Cookery School · 2016",
			[]eduWant{{"Culinary Arts and Pastry Diploma", "Harbourside Cookery School", "", "", "2016"}}, nil},
	})
}

// Entries whose dates close them on a line of their own ("BSc" /
// "School" / "2012 – 2016") are cut after each date line, however many
// lines a wrapped name took, and also when the last entry is written on
// one line ("Secondary<tab>School<tab>2007 – 2011"). An online series
// of courses ("… Specialization", "… Specialisation") is a course of
// study and stays in education.
func TestVariationDatesCloseEntries(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"wrapped school, then a course", "Bachelor in Architecture (Licenciatura em\nArquitetura)\nUniversidade Estadual de Santa\nCruz (UESC)\n2010 — 2015\nData Visualization Specialization\nDataCamp / Coursera\n2019",
			[]eduWant{{"Bachelor in Architecture (Licenciatura em Arquitetura)", "Universidade Estadual de Santa Cruz (UESC)", "", "2010", "2015"},
				{"Data Visualization Specialization", "DataCamp / Coursera", "", "", "2019"}}, nil},
		{"last entry on one line", "Bachelor of Science in Nursing\nKestrel Normal University, Iloilo City\n2010 – 2014\nSecondary\tIloilo National High School\t2006 – 2010",
			[]eduWant{{"Bachelor of Science in Nursing", "Kestrel Normal University", "Iloilo City", "2010", "2014"},
				{"Secondary", "Iloilo National High School", "", "2006", "2010"}}, nil},
	})
}

// A degree's line that stops on its honours mark or on a word that opens
// a field's name ("Diploma in Computer", "B.A. Digital", "BSc (Hons)")
// goes on on the next line, even when the field's words are a firm's or a
// job's too ("Systems and Networks", "Civil Engineering").
func TestVariationOpenDegreeLine(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"field opened after in", "2012 - 2017   Riverton Polytechnic Academy, Dunmore\n              Engineer's diploma (4-year) in Computer\n              Systems and Networks",
			[]eduWant{{"Engineer's diploma (4-year) in Computer Systems and Networks", "Riverton Polytechnic Academy", "Dunmore", "2012", "2017"}}, nil},
		{"short degree on an adjective", "Kestrel University, Harlow — B.A. Digital\t2011 – 2015\nMedia Production",
			[]eduWant{{"B.A. Digital Media Production", "Kestrel University", "Harlow", "2011", "2015"}}, nil},
		{"honours mark", "Kestrel University\nBachelor of Science (Hons)\nCivil Engineering\nHarlow\n2010 – 2014",
			[]eduWant{{"Bachelor of Science (Hons) Civil Engineering", "Kestrel University", "Harlow", "2010", "2014"}}, nil},
	})
}

// A saint's or a mount's town after a school's dash ("— Ste. Claire",
// "— Mt. Pleasant") is the entry's place: its title's full stop ends no
// sentence, and the town is no part of the school's name.
func TestVariationSaintTownAfterSchool(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"mount", "Education\nHarrowgate Business School, Kestrel University — Mt. Pleasant\nMaster of Finance\t2015 – 2017",
			[]eduWant{{"Master of Finance", "Harrowgate Business School, Kestrel University", "Mt. Pleasant", "2015", "2017"}}, nil},
		{"saint", "Education\nKestrel University — St. Brennan\nBA Economics, Second Class Honours\t2008 – 2011",
			[]eduWant{{"BA Economics, Second Class Honours", "Kestrel University", "St. Brennan", "2008", "2011"}}, nil},
	})
}

// A school's line that ends on a word closing no name, a participle
// ("Institute of Registered Licensed") or a function word, goes on on the
// next line even when the rest is a job's or a firm's word ("Surveyors").
func TestVariationSchoolLineLeftOpen(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"participle", "Education\n2014 – 2017\tMIRLS Member (Associate route) — Institute of Registered Licensed\nSurveyors\n2010 – 2013\tKestrel University\nBSc Geography",
			[]eduWant{{"MIRLS Member (Associate route)", "Institute of Registered Licensed Surveyors", "", "2014", "2017"}, {"BSc Geography", "Kestrel University", "", "2010", "2013"}}, nil},
	})
}

// A degree's line run to the column's edge on the first words of its
// school's name ("…, Royal Kestrel" / "University of Marrowby, UK."):
// the next line, opening on a school's name, is the rest of that name.
// A line that stops short of the edge ends where it stops, and a short
// one full by chance in a narrow column ends on the degree's field.
func TestSchoolNameWrappedAtTheEdge(t *testing.T) {
	for _, tc := range []struct {
		name string
		full bool
		want []eduWant
	}{
		{"full line", true, []eduWant{{"MSc in Coastal Hydrology", "Royal Kestrel University of Marrowby", "UK", "2014", "2016"}}},
		{"short line", false, []eduWant{{"MSc in Coastal Hydrology, Royal Kestrel", "University of Marrowby", "UK", "2014", "2016"}}},
		{"narrow column, the field", true, []eduWant{{"MBA, Supply Chains", "Kestrel Business School", "", "2014", "2016"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			row := "2014–2016\tMSc in Coastal Hydrology, Royal Kestrel\nUniversity of Marrowby, UK. Grade: 8.9/10."
			if strings.HasPrefix(tc.name, "narrow") {
				row = "2014–2016\tMBA, Supply Chains\nKestrel Business School"
			}
			d := extract.PlainText("Jane Roe\njane@example.com\n\nEducation\n" + row + "\n\nSkills\nExcel, SQL\n")
			for i := range d.Lines {
				d.Lines[i].Full = tc.full && strings.HasPrefix(d.Lines[i].Text, "2014")
			}
			if diff := cmp.Diff(tc.want, edusOf(Parse(d))); diff != "" {
				t.Errorf("education (-want +got):\n%s", diff)
			}
		})
	}
}

// A degree's title wrapped inside its cell of a Europass row, the row's
// framework level beside it ("…<tab>EQF level 6" / "Business Analytics
// (Licență)"): the line in the title's larger type, over the school's
// line in the body's, ends the degree's name. In the body's type it is
// a line of its own.
func TestDegreeTitleWrappedInItsType(t *testing.T) {
	for _, tc := range []struct {
		name string
		size float64
		want string
	}{
		{"title's type", 12, "Bachelor's degree in Finance and Business Analytics (Licență)"},
		{"body's type", 10, "Bachelor's degree in Finance and"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := placed("50|Jane Roe", "50|jane@example.com", "50|EDUCATION AND TRAINING",
				"100|10/2018–07/2021\tBachelor's degree in Finance and\tEQF level 6", "180|Business Analytics (Licență)",
				"180|Kestrel University, Faculty of Economics, Marrowby (Romania)", "190|Final average: 9.10",
				"50|SKILLS", "50|Excel, SQL")
			d.Lines[3].Size, d.Lines[4].Size = 12, tc.size
			got := Parse(d)
			if len(got.Education) == 0 || got.Education[0].Degree != tc.want {
				t.Errorf("education = %+v, want the degree %q", got.Education, tc.want)
			}
		})
	}
}
