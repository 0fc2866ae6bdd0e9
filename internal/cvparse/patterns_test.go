package cvparse

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/extract"
)

// The failure patterns of issue 14, each as a minimal CV text.

func TestCompanyBeforeWellKnownCity(t *testing.T) {
	for _, city := range []string{"London", "Paris", "Tunis", "Singapore", "Milan", "Lisbon"} {
		got := ParseText("Jane Roe\njane@example.com\n\nExperience\nBackend Engineer\tMar 2021 – Present\nMonzo, " + city + "\n• Built payments\n")
		if len(got.Experience) != 1 {
			t.Fatalf("%s: experience = %+v", city, got.Experience)
		}
		if x := got.Experience[0]; x.Company != "Monzo" || x.Location != city || x.Title != "Backend Engineer" {
			t.Errorf("%s: title %q company %q location %q", city, x.Title, x.Company, x.Location)
		}
	}
	// With a company elsewhere on the line, "City, Country" stays a place.
	got := ParseText("Jane Roe\n\nExperience\nData Analyst, Acme Corp\tLyon, France\t2019 – 2021\n• Reports\n")
	if x := got.Experience[0]; x.Company != "Acme Corp" || x.Location != "Lyon, France" {
		t.Errorf("company %q location %q", x.Company, x.Location)
	}
}

func TestNamesWithParticles(t *testing.T) {
	for _, name := range []string{"Hendrik van der Merwe", "Anne-Sophie de la Tour", "João da Silva", "Simon de Montfort",
		"Karim el-Amrani", "Amina bint Khalid", "Ludwig von Braun", "Jean-Luc d'Arcy", "Maria dos Santos"} {
		got := ParseText(name + "\n" + "someone@example.com | +33 6 12 34 56 78\n\nExperience\nEngineer, Acme\t2020 – 2022\n")
		if got.Contact.Name != name {
			t.Errorf("name = %q, want %q", got.Contact.Name, name)
		}
	}
	// A lower-case sentence is not a name.
	if got := ParseText("building reliable systems\nx@example.com\n"); got.Contact.Name != "" {
		t.Errorf("name = %q", got.Contact.Name)
	}
}

func TestPhoneFollowedByOtherContactItems(t *testing.T) {
	tests := []struct{ text, phone, loc string }{
		{"Jane Roe\n+44 7700 900123 London, UK\njane@example.com\n", "+44 7700 900123", "London, UK"},
		{"Jane Roe\n+33 6 12 34 56 78 Paris jane@example.com\n", "+33 6 12 34 56 78", "Paris"},
		{"Jane Roe\nPhone\t+44 7700\t900123\nEmail\tjane@example.com\n", "+44 7700 900123", ""},
		{"Jane Roe\nTéléphone :\t+216 98 123 456\tAdresse :\tTunis, Tunisie\n", "+216 98 123 456", "Tunis, Tunisie"},
	}
	for _, tt := range tests {
		got := ParseText(tt.text)
		if digits(got.Contact.Phone) != digits(tt.phone) {
			t.Errorf("%q: phone = %q, want %q", tt.text, got.Contact.Phone, tt.phone)
		}
		if tt.loc != "" && got.Contact.Location != tt.loc {
			t.Errorf("%q: location = %q, want %q", tt.text, got.Contact.Location, tt.loc)
		}
	}
}

func TestHeadingsRecognisedByContent(t *testing.T) {
	text := `Jane Roe
jane@example.com

Where I've worked
Senior Engineer, Monzo	2021 – Present
• Led the payments team

Education & Training
MSc Computer Science, University of Leeds	2017 – 2018

Research Experience
Research Assistant, University of Leeds	2016 – 2017
• Published two papers

Toolbox
Go, PostgreSQL, Kubernetes

Languages I speak
English (native), French (C1)

Patents
Method for streaming ledger reconciliation, granted 2022

Talks
GopherCon EU 2023: building ledgers in Go
`
	got := ParseText(text)
	if len(got.Experience) != 2 || got.Experience[0].Company != "Monzo" || got.Experience[1].Title != "Research Assistant" {
		t.Errorf("experience = %+v", got.Experience)
	}
	if len(got.Education) != 1 || got.Education[0].Institution != "University of Leeds" {
		t.Errorf("education = %+v", got.Education)
	}
	if !slices.Equal(skillSet(got.Skills), []string{"go", "postgresql", "kubernetes", "english", "french"}) {
		t.Errorf("skills = %+v", got.Skills)
	}
	var titles []string
	for _, s := range got.OtherSections {
		titles = append(titles, s.Title)
	}
	if !slices.Equal(titles, []string{"Patents", "Talks"}) {
		t.Errorf("other sections = %q", titles)
	}
}

func TestSkillsRespectParenthesesAndGlyphs(t *testing.T) {
	got := ParseText("Jane Roe\n\nSkills\nAWS (EMR, Lambda), Python, SQL\n✓ Docker ✓ Terraform\n\nLanguages\nFrench (fluent, C1), English (native)\n")
	want := []string{"AWS (EMR, Lambda)", "Python", "SQL", "Docker", "Terraform"}
	all := append(append(append([]string{}, got.Skills.Technical...), got.Skills.Tools...), got.Skills.Other...)
	slices.Sort(all)
	slices.Sort(want)
	if !slices.Equal(all, want) {
		t.Errorf("skills = %q, want %q", all, want)
	}
	if !slices.Equal(got.Skills.Languages, []string{"French (fluent, C1)", "English (native)"}) {
		t.Errorf("languages = %q", got.Skills.Languages)
	}
}

func TestWrappedBulletIsNotACompany(t *testing.T) {
	got := ParseText("Jane Roe\n\nExperience\nData Engineer, Monzo\t2021 – Present\n• Built a dashboard used daily by the payments team in\nPostgreSQL\n• Cut costs by 20%\nAnalyst, Acme Corp\t2019 – 2021\n• Reports\n")
	if len(got.Experience) != 2 {
		t.Fatalf("experience = %+v", got.Experience)
	}
	if b := got.Experience[0].Bullets; len(b) != 2 || !strings.HasSuffix(b[0], "in PostgreSQL") {
		t.Errorf("bullets = %q", b)
	}
}

func TestNoPlaceholderSection(t *testing.T) {
	got := ParseText("Jane Roe\nSenior Data Engineer\njane@example.com\n\nExperience\nSenior Data Engineer, Monzo\t2021 – Present\n• Built pipelines\n")
	for _, s := range got.OtherSections {
		if s.Title == "Headline" || s.Title == "Other" {
			t.Errorf("placeholder section %+v", s)
		}
	}
	// Unplaceable header text goes to one "Additional information" section.
	got = ParseText("Jane Roe\nOpen to relocation\nDriving licence B\njane@example.com\n\nExperience\nEngineer, Monzo\t2021 – Present\n")
	var n int
	for _, s := range got.OtherSections {
		if s.Title == additionalTitle(cv.English) {
			n++
			if !strings.Contains(s.Content, "Open to relocation") || !strings.Contains(s.Content, "Driving licence B") {
				t.Errorf("additional = %+v", s)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d additional sections in %+v", n, got.OtherSections)
	}
}

func TestSplitSkillsKeepsSymbolsOfNames(t *testing.T) {
	// (" / " inside a comma list joins alternatives of one item since
	// TestVariationSkills "slash alternatives in a list"; this test is
	// about the symbols inside names.)
	got := splitSkills("C++, C#, .NET, Node.js; TypeScript, R&D · CI/CD")
	want := []string{"C++", "C#", ".NET", "Node.js", "TypeScript", "R&D", "CI/CD"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestLinkIsNotALabel(t *testing.T) {
	got := ParseText("Ethan Murphy\nPhone: +44 20 2733 9964\nlinkedin.com/in/ethan-murphy\nGitHub: github.com/em\n\nSummary\nEngineer.\n")
	if got.Contact.LinkedIn != "linkedin.com/in/ethan-murphy" || got.Contact.GitHub != "github.com/em" || len(got.OtherSections) != 0 {
		t.Errorf("contact %+v, other %+v", got.Contact, got.OtherSections)
	}
}

// TestParseUnreadNamesWhatWasNotRead: pages without text, pages OCR was
// unsure of and text that fits no section are reported; a CV read whole
// reports nothing.
func TestParseUnreadNamesWhatWasNotRead(t *testing.T) {
	lines := func(page int, texts ...string) []extract.Line {
		var out []extract.Line
		for _, t := range texts {
			out = append(out, extract.Line{Text: t, Page: page})
		}
		return out
	}
	doc := extract.Document{Kind: extract.KindPDF, Pages: 3, OCR: true, UnsurePages: []int{3},
		Lines: append(lines(1, "Jane Roe", "Open to relocation", "jane@example.com", "", "Experience", "Engineer, Monzo\t2021 – Present"),
			lines(3, "Educat1on ~ Un1v Leeds")...)}
	doc.Lines = append(doc.Lines, extract.Line{Text: "  12 ", Page: 2}) // a page number only
	_, got := ParseUnread(doc)
	want := []cv.UnreadPart{
		{Reason: cv.UnreadNoText, Page: 2},
		{Reason: cv.UnreadUnsureOCR, Page: 3},
	}
	if len(got) != 3 || !slices.Equal(got[:2], want) || got[2].Reason != cv.UnreadUnplaced || !strings.Contains(got[2].Text, "Open to relocation") {
		t.Errorf("unread = %+v, want %+v and the unplaced text", got, want)
	}
	_, none := ParseUnread(extract.PlainText("Jane Roe\njane@example.com\n\nExperience\nEngineer, Monzo\t2021 – Present\n• Built pipelines\n"))
	if len(none) != 0 {
		t.Errorf("a CV read whole reports %+v", none)
	}
}

// TestPhoneWithLongGroup: a group of seven or eight digits ("+49 30
// 0351069", a Berlin number) is part of the phone, not its end.
func TestPhoneWithLongGroup(t *testing.T) {
	for _, in := range []string{"Jane Roe\nPhone\t+49 30 0351069\njane@example.com\n", "Jane Roe\n+33 1 42681234 · Paris\n"} {
		got := ParseText(in).Contact.Phone
		if want := regexp.MustCompile(`\+\d[\d ]+\d`).FindString(in); got != want {
			t.Errorf("%q: phone %q, want %q", in, got, want)
		}
	}
}

// TestLabelValueEntriesByShape: a label/value layout is read by its shape
// (three or more "Label<tab>value" rows) even when no label word is known;
// the values are placed by what they say.
func TestLabelValueEntriesByShape(t *testing.T) {
	got := ParseText("Jane Roe\njane@example.com\n\nExperience\nJob held\tData Engineer\nOrganisation name\tPinnacle Bank\nBased in\tLondon\nTime frame\tMar 2021 – Present\n• Built pipelines\n")
	if len(got.Experience) != 1 {
		t.Fatalf("experience = %+v", got.Experience)
	}
	e := got.Experience[0]
	if e.Title != "Data Engineer" || e.Company != "Pinnacle Bank" || e.Location != "London" || e.StartDate == "" {
		t.Errorf("entry = %+v", e)
	}
}

// TestSkillsSeveralLabelsOnALine: groups run together on one line keep
// their labels out of the skills and set the group of what follows.
func TestSkillsSeveralLabelsOnALine(t *testing.T) {
	tests := []struct {
		line      string
		tech, tls []string
	}{
		{"Languages: Java, Python | Frameworks: Spring, React", []string{"Java", "Python", "Spring", "React"}, nil},
		{"Programming: Go, Rust; Cloud: AWS, GCP", []string{"Go", "Rust"}, []string{"AWS", "GCP"}},
		{"Langages : C/C++, Python | Outils : Git, Jira", []string{"C/C++", "Python"}, []string{"Git", "Jira"}},
	}
	for _, tt := range tests {
		got := ParseText("Jane Roe\njane@example.com\n\nSkills\n" + tt.line + "\n").Skills
		if !slices.Equal(got.Technical, tt.tech) || !slices.Equal(got.Tools, tt.tls) {
			t.Errorf("%q: technical %q tools %q, want %q %q", tt.line, got.Technical, got.Tools, tt.tech, tt.tls)
		}
	}
}

// TestLanguagesWithLevels: a level after a colon, a level in a cell of its
// own and a parenthesis closed on the next line stay with their language.
func TestLanguagesWithLevels(t *testing.T) {
	tests := []struct {
		section string
		want    []string
	}{
		{"Swedish: Mother tongue\nEnglish: Fluent\n", []string{"Swedish (Mother tongue)", "English (Fluent)"}},
		{"English\tNative\nIrish\tFluent\nWelsh\tConversational\n", []string{"English", "Irish", "Welsh"}},
		{"French — fluent\nEnglish — professional (TOEIC\n905)\nGerman — basic\n", []string{"French — fluent", "English — professional (TOEIC 905)", "German — basic"}},
	}
	for _, tt := range tests {
		got := ParseText("Jane Roe\njane@example.com\n\nLanguages\n" + tt.section).Skills.Languages
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: languages %q, want %q", tt.section, got, tt.want)
		}
	}
}

// TestSoftwareLabelIsTools: "Software" names tools, not soft skills.
func TestSoftwareLabelIsTools(t *testing.T) {
	got := ParseText("Jane Roe\njane@example.com\n\nSkills\nSoftware: AutoCAD, Revit\nSoft skills: Leadership, Teamwork\n").Skills
	if !slices.Equal(got.Tools, []string{"AutoCAD", "Revit"}) || !slices.Equal(got.SoftSkills, []string{"Leadership", "Teamwork"}) {
		t.Errorf("tools %q soft %q", got.Tools, got.SoftSkills)
	}
}

// TestSkillsWrappedLabelledListAndFrenchLevels: the wrapped end of a
// labelled list stays with it, and French level phrases stay with their
// language; a language line naming "langue" is not a Languages heading.
func TestSkillsWrappedLabelledListAndFrenchLevels(t *testing.T) {
	got := ParseText("Jane Roe\njane@example.com\n\nSkills\nSoftware:\tAutoCAD, Revit, MS\nProject\nMethods:\tBIM, Lean\n").Skills
	if !slices.Equal(got.Tools, []string{"AutoCAD", "Revit", "MS Project"}) || !slices.Equal(got.Technical, []string{"BIM", "Lean"}) {
		t.Errorf("tools %q technical %q", got.Tools, got.Technical)
	}
	tests := []struct{ line, want string }{
		{"Néerlandais — bonne maîtrise", "Néerlandais — bonne maîtrise"},
		{"Allemand — opérationnel", "Allemand — opérationnel"},
		{"German — working knowledge", "German — working knowledge"},
		{"Arabe (langue maternelle)", "Arabe (langue maternelle)"},
	}
	for _, tt := range tests {
		langs := ParseText("Jane Roe\njane@example.com\n\nLangues\nFrançais — langue maternelle\n" + tt.line + "\n").Skills.Languages
		if !slices.Equal(langs, []string{"Français — langue maternelle", tt.want}) {
			t.Errorf("%q: languages %q", tt.line, langs)
		}
	}
}
