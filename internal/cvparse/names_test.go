package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// sized is a PDF line with its text height and top: "size|y|text".
type sized struct {
	size, y float64
	text    string
}

func sizedDoc(ocr bool, rows ...sized) extract.Document {
	d := extract.Document{Pages: 1, OCR: ocr}
	for _, r := range rows {
		d.Lines = append(d.Lines, extract.Line{Text: r.text, Size: r.size, Y: r.y, X: 50, Page: 1})
	}
	return d
}

// body is a few lines of body text below the header, so that "larger"
// has a yardstick.
var nameBody = []sized{
	{12, 300, "Experience"},
	{10, 320, "Data Engineer, Acme Corp\t2019 – 2021"},
	{10, 335, "• Built the pipelines"},
	{10, 350, "• Wrote the tests"},
	{10, 365, "• Ran the on-call rota"},
}

// The name is the largest text above every heading, wherever reading
// order puts it and however it wraps.
func TestDisplayName(t *testing.T) {
	tests := []struct {
		name string
		ocr  bool
		head []sized
		want string
	}{
		{"after the sidebar", false, []sized{
			{10, 60, "jane@example.com"}, {10, 75, "+44 7700 900123"}, {12, 250, "Skills"}, {10, 265, "Figma"},
			{35, 50, "Siobhán"}, {35, 90, "O'Connor-Nakamura"}, {14, 130, "UX / PRODUCT DESIGNER"},
		}, "Siobhán O'Connor-Nakamura"},
		{"two lines", false, []sized{
			{15, 40, "Fatima-Zahra"}, {15, 58, "Benali"}, {7, 80, "DATA SCIENTIST"}, {10, 100, "fz@example.com"},
		}, "Fatima-Zahra Benali"},
		{"cut after a hyphen, headline beside", false, []sized{
			{25, 40, "Ewa Lindström-"}, {25, 70, "Karlsson | Embedded Software"}, {25, 100, "Engineer"},
			{11, 130, "ewa@example.com"},
		}, "Ewa Lindström-Karlsson"},
		{"monogram", false, []sized{
			{26, 40, "AM Aisha bint Khalid Al-Mansouri"}, {13, 80, "Chartered Financial Analyst"}, {10, 100, "a@example.com"},
		}, "Aisha bint Khalid Al-Mansouri"},
		{"after a label cell", false, []sized{
			{16, 30, "europass"}, {17.5, 50, "INFORMATIONS PERSONNELLES\tJean-Baptiste Nguyen"}, {10, 80, "jb@example.com"},
		}, "Jean-Baptiste Nguyen"},
		{"contact data beside", false, []sized{
			{34, 50, "Youssef Ben Amor\tM +216 22 345 678"}, {10, 80, "y@example.com"},
		}, "Youssef Ben Amor"},
		{"OCR capital I read as l", true, []sized{
			{19, 40, "Rajesh Kumar lyer"}, {10, 60, "Senior Software Engineer"}, {10, 75, "r@example.com"},
		}, "Rajesh Kumar Iyer"},
		{"OCR capital I read as a bar", true, []sized{
			{19, 40, "|brahim Diallo"}, {10, 60, "Data Analyst"}, {10, 75, "i@example.com"},
		}, "Ibrahim Diallo"},
		{"initials avatar above, larger", true, []sized{
			{27, 10, "KT"}, {19, 60, "KOFI"}, {19, 84, "TETTEH"}, {9, 110, "ARCHITECT"}, {10, 140, "kofi@example.com"},
		}, "KOFI TETTEH"},
		{"initials avatar misread, larger", true, []sized{
			{27, 10, "HS PR"}, {19, 60, "Nadia Okonkwo"}, {9, 90, "Illustrator"}, {10, 120, "nadia@example.com"},
		}, "Nadia Okonkwo"},
		{"name and headline, same size", false, []sized{
			{20, 40, "JANE DOE"}, {20, 65, "DATA ENGINEER"}, {10, 90, "jane@example.com"},
		}, "JANE DOE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Parse(sizedDoc(tt.ocr, append(tt.head, nameBody...)...))
			if got.Contact.Name != tt.want {
				t.Errorf("name = %q, want %q", got.Contact.Name, tt.want)
			}
			for _, s := range got.OtherSections {
				for _, it := range s.Items {
					if it == tt.want {
						t.Errorf("name also in %q", s.Title)
					}
				}
			}
		})
	}
	// The largest text below a heading is no name: a heading-sized line
	// lower down ("Where I've Worked") must not beat the header's name.
	got := Parse(sizedDoc(false, append([]sized{{14, 40, "Jane Roe"}, {10, 60, "jane@example.com"},
		{12, 100, "Profile"}, {10, 115, "I build data platforms for banks and retailers across Europe."},
		{22, 200, "Where I've Worked"}}, nameBody...)...))
	if got.Contact.Name != "Jane Roe" {
		t.Errorf("name = %q, want Jane Roe", got.Contact.Name)
	}
}

func TestDropMonogram(t *testing.T) {
	for in, want := range map[string]string{
		"AM Aisha bint Khalid Al-Mansouri": "Aisha bint Khalid Al-Mansouri",
		"JD Jane Doe":                      "Jane Doe",
		"JB Martin Durand":                 "JB Martin Durand",
		"MD Rahman":                        "MD Rahman",
		"Jane Doe":                         "Jane Doe",
	} {
		if got := dropMonogram(in); got != want {
			t.Errorf("dropMonogram(%q) = %q, want %q", in, got, want)
		}
	}
}

// A labelled name is the name wherever the label stands: in the header or
// in a personal-information section (Europass).
func TestLabelledName(t *testing.T) {
	for text, want := range map[string]string{
		"Europass\nCurriculum Vitae\n\nPersonal information\nFirst name(s) / Surname(s)\tMarta Kowalska-Nowak\nE-mail\tmarta@example.com\n": "Marta Kowalska-Nowak",
		"CV\n\nInformations personnelles\nNom(s) / Prénom(s)\tNguyen Jean-Baptiste\n":                                                       "Nguyen Jean-Baptiste",
		"Curriculum Vitae\nName: Jane Doe\njane@example.com\n":                                                                              "Jane Doe",
	} {
		if got := ParseText(text); got.Contact.Name != want {
			t.Errorf("%q: name = %q, want %q", text, got.Contact.Name, want)
		}
	}
}

// A bold line naming a job above its employer heads an entry, even when
// the employer is a school: it does not open an education section.
func TestJobLineIsNoHeading(t *testing.T) {
	var d extract.Document
	for _, r := range []struct {
		text       string
		bold, head bool
	}{
		{"Sarah McAllister", true, true}, {"sarah@example.com", false, false},
		{"Employment History", true, true},
		{"Principal Teacher of Mathematics", true, false}, {"Hillhead High School, Glasgow\tAugust 2019 – present", true, false},
		{"• Lead a department of 9 teachers.", false, false},
		{"Teacher of Mathematics", true, false}, {"Bearsden Academy, East Dunbartonshire\tAugust 2014 – June 2019", true, false},
		{"• Ran the maths challenge club.", false, false},
		{"Probationer Teacher", true, false}, {"St Andrew's Secondary School, Glasgow\tAugust 2013 – June 2014", true, false},
		{"Education", true, true},
		{"BSc (Hons) Mathematics", true, false}, {"University of Glasgow, 2008 – 2012", true, false},
	} {
		d.Lines = append(d.Lines, extract.Line{Text: r.text, Bold: r.bold, Heading: r.head})
	}
	got := Parse(d)
	if len(got.Experience) != 3 || len(got.Education) != 1 {
		t.Fatalf("experience = %+v\neducation = %+v", got.Experience, got.Education)
	}
	if x := got.Experience[1]; x.Title != "Teacher of Mathematics" || x.Company != "Bearsden Academy" {
		t.Errorf("experience[1] = %+v", x)
	}
}

// Without type sizes (plain text, DOCX), a name on two lines of one word
// each opens the header.
func TestNameOnTwoLines(t *testing.T) {
	for text, want := range map[string]string{
		"Jean-Pierre\nDupont\njp@example.com\n":  "Jean-Pierre Dupont",
		"Fatima-Zahra\nBenali\nDATA SCIENTIST\n": "Fatima-Zahra Benali",
		"Jane\nEngineer\njane@example.com\n":     "",
		"Jane Doe\nLondon\njane@example.com\n":   "Jane Doe",
	} {
		if got := ParseText(text); got.Contact.Name != want {
			t.Errorf("%q: name = %q, want %q", text, got.Contact.Name, want)
		}
	}
}

// Spoken languages given as a labelled row outside a Languages section.
func TestLabelledLanguagesRow(t *testing.T) {
	got := ParseText("Rajesh Iyer\nr@example.com\n\nExperience\nEngineer, Infosys\t2019 – 2021\n\n" +
		"Personal Details\nLanguages known: English, Tamil, Hindi, Kannada\nNotice period: 60 days\n")
	if diff := cmp.Diff([]string{"English", "Tamil", "Hindi", "Kannada"}, got.Skills.Languages); diff != "" {
		t.Errorf("languages (-want +got):\n%s", diff)
	}
	if len(got.OtherSections) != 1 || got.OtherSections[0].Content != "Notice period: 60 days" {
		t.Errorf("other = %+v", got.OtherSections)
	}
	got = ParseText("Jeanne Martin\njeanne@example.com\nLangues : français, arabe\n\nExpérience\nIngénieure, Thales\t2019 – 2021\n")
	if diff := cmp.Diff([]string{"français", "arabe"}, got.Skills.Languages); diff != "" {
		t.Errorf("languages (-want +got):\n%s", diff)
	}
}
