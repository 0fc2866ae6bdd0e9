package cvparse

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A Europass table cut by a page break at a row of the same label as the
// row opening the next page ("Dates<tab>2009 – 2010" at the foot of page
// 1, "Dates<tab>2004 – 2008" at the head of page 2) keeps both rows: their
// years differ, where a running footer changes only its page number.
func TestEuropassRowsAtPageBreakAreNoFurniture(t *testing.T) {
	doc := tableDoc(
		"Europass", "Curriculum Vitae",
		"Surname(s) / First name(s)\tBANDA Chipo",
		"E-mail\tchipo.banda@example.com",
		"Work experience",
		"Dates\t2016 – 2020",
		"Occupation or position held\tElectrician",
		"Name and address of employer\tKafue Power Works, Kafue",
		"Education and training",
		"Dates\t2012 – 2014",
		"Title of qualification awarded\tDiploma in Electrical Engineering",
		"Name and type of organisation providing education and training\tNorthern Technical College, Ndola",
		"Dates\t2010 – 2011",
		"Title of qualification awarded\tCraft Certificate in Wiring",
		"Name and type of organisation providing education and training\tKitwe Trades School, Kitwe",
		"Dates\t2005 – 2009",
		"Title of qualification awarded\tGrade 12 School Certificate",
		"Name and type of organisation providing education and training\tMatero Boys Secondary School, Lusaka",
		"Personal skills and competences",
		"Mother tongue(s)\tBemba",
	)
	for i := 14; i < len(doc.Lines); i++ {
		doc.Lines[i].Page = 2
	}
	want := []eduKey{
		{"Diploma in Electrical Engineering", "Northern Technical College", "2012", "2014"},
		{"Craft Certificate in Wiring", "Kitwe Trades School", "2010", "2011"},
		{"Grade 12 School Certificate", "Matero Boys Secondary School", "2005", "2009"},
	}
	if diff := cmp.Diff(want, eduKeys(Parse(doc).Education)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
}

// OCR misses the white capitals of a heading band: the 2013 form's dated
// entries under the personal information, with no heading read above
// them, are its work experience, which the form sets first.
func TestEuropassEntriesUnderLostHeadingAreJobs(t *testing.T) {
	doc := tableDoc(
		"europass\tAnna Nowak",
		"PERSONAL INFORMATION",
		"Address\tul. Lipowa 4, 30-702 Kraków, Poland",
		"E-mail\tanna.nowak@example.pl",
		"03/2019 – Present\tProcurement Analyst",
		"Kraków, Poland\tWawel Foods Sp. z o.o.",
		">• Supplier scorecards for 40 vendors",
		"01/2016 – 02/2019\tBuyer",
		"Katowice, Poland\tSilesia Steel S.A.",
		"EDUCATION AND TRAINING",
		"10/2011 – 07/2015\tMaster's degree in Management",
		"Kraków, Poland\tCracow University of Economics",
		"LANGUAGE SKILLS",
		"Mother tongue(s)\tPolish",
		"Other language(s)\tEnglish",
	)
	got := Parse(doc)
	want := []expKey{
		{"Procurement Analyst", "Wawel Foods Sp. z o.o.", "Kraków, Poland", "03/2019", "Present"},
		{"Buyer", "Silesia Steel S.A.", "Katowice, Poland", "01/2016", "02/2019"},
	}
	if diff := cmp.Diff(want, expKeys(got.Experience)); diff != "" {
		t.Errorf("experience (-want +got):\n%s", diff)
	}
}

// The form's "Name and address of employer" gives a job its town: the
// street and its number are the employer's postal address.
func TestEuropassEmployerStreetLeftOut(t *testing.T) {
	for _, tc := range []struct{ value, company, location string }{
		{"Kafue Milling Ltd, Plot 42 Mumbwa Road, Kafue", "Kafue Milling Ltd", "Kafue"},
		{"Proiect Nord SRL, Str. Florilor nr. 12, Cluj-Napoca", "Proiect Nord SRL", "Cluj-Napoca"},
		{"Bauwerk GmbH, Bd. Unirii 5, Iasi, Romania", "Bauwerk GmbH", "Iasi, Romania"},
		{"Danone Sp. z o.o., Warszawa (Poland)", "Danone Sp. z o.o.", "Warszawa (Poland)"},
	} {
		doc := tableDoc("Europass", "Curriculum Vitae", "First name(s) / Surname(s)\tIon Rusu", "Work experience",
			"Dates\t2018 – 2021", "Occupation or position held\tSite Engineer", "Name and address of employer\t"+tc.value,
			"Type of business or sector\tConstruction")
		got := expKeys(Parse(doc).Experience)
		want := []expKey{{"Site Engineer", tc.company, tc.location, "2018", "2021"}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: experience (-want +got):\n%s", tc.value, diff)
		}
	}
}

// A photographed form sets a label flush right so near its value that OCR
// reads them as one cell ("Occupation or position held Site Engineer"),
// and misreads a letter or two of a long label ("Summame(s)"): the row is
// still read. A value's wrapped line, set in the value column, opening
// with a label's word stays the value's.
func TestEuropassLabelsReadInOneCell(t *testing.T) {
	doc := tableDoc(
		"europass", "Curriculum Vitae",
		"Personal information",
		"First name(s) / Summame(s) Mihai Ionescu",
		"Address\tStr. Lalelelor 3, Brasov, Romania",
		"E-mail mihai.ionescu@example.ro",
		"Work experience",
		"Dates 02.2017 – 05.2021",
		"Occupation or position held Quantity Surveyor",
		"Main activities and responsibilities\tBills of quantities and monthly valuations for two",
		">Dates of handover agreed with the client",
		"Name and address of employer\tCarpat Build SA, Brasov",
	)
	got := Parse(doc)
	if got.Contact.Name != "Mihai Ionescu" || got.Contact.Email != "mihai.ionescu@example.ro" {
		t.Errorf("contact = %+v", got.Contact)
	}
	want := []expKey{{"Quantity Surveyor", "Carpat Build SA", "Brasov", "02.2017", "05.2021"}}
	if diff := cmp.Diff(want, expKeys(got.Experience)); diff != "" {
		t.Errorf("experience (-want +got):\n%s", diff)
	}
	if len(got.Experience) == 1 && !slices.Contains(got.Experience[0].Bullets,
		"Bills of quantities and monthly valuations for two Dates of handover agreed with the client") {
		t.Errorf("activities = %q, want the wrapped line kept", got.Experience[0].Bullets)
	}
}

// The language grid as OCR reads it: a heading word misread ("eboken"), a
// quote read before another ("‘Spoken"), levels misread ("ci" for C1, "82"
// for B2); the 2004 form's shortened labels ("Other languages",
// "Organisational skills").
func TestEuropassGridAndSkillsThroughOCR(t *testing.T) {
	doc := tableDoc(euSkillsDoc(
		"Other languages\tListening\tReading\t‘Spoken interaction\teboken production\tWriting",
		">English\tci\tci\t82\t82\tB1",
		">French\tA2\tBi\tA1\tA1\tA1",
		"Computer skills and competences\tETABS, SAFE, AutoCAD, Revit Structure, MS Project",
		"Organisational skills\tPlanning of the night shift for a crew of eight welders",
	)...)
	doc.OCR = true
	got := Parse(doc)
	want := []string{"AutoCAD", "ETABS", "English", "French", "MS Project",
		"Planning of the night shift for a crew of eight welders", "Polish", "Revit Structure", "SAFE"}
	if diff := cmp.Diff(want, allSkills(got.Skills)); diff != "" {
		t.Errorf("skills (-want +got):\n%s", diff)
	}
	if !slices.Contains(got.Skills.SoftSkills, "Planning of the night shift for a crew of eight welders") {
		t.Errorf("soft skills = %q", got.Skills.SoftSkills)
	}
}
