package cvparse

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/utopiahire/utopiahire/internal/extract"
)

// Variations on CVs typed in a word processor (DOCX, ODT) or as plain
// text: job headers set in bold over plain bullet lines, notes written in
// the dates' bracket, the share of full time after a title, the agency a
// job was placed through.

// boldHeadDoc builds a word-processor document: "# " opens a heading,
// "* " a bold line, "- " a bullet.
func boldHeadDoc(text string) extract.Document {
	var lines []extract.Line
	for _, t := range strings.Split(text, "\n") {
		l := extract.Line{Text: t}
		switch {
		case strings.HasPrefix(t, "# "):
			l = extract.Line{Text: t[2:], Heading: true, Bold: true, GapBefore: true}
		case strings.HasPrefix(t, "* "):
			l = extract.Line{Text: t[2:], Bold: true}
		case strings.HasPrefix(t, "- "):
			l = extract.Line{Text: t[2:], Bullet: true}
		}
		lines = append(lines, l)
	}
	return extract.Document{Kind: extract.KindODT, Lines: lines}
}

// A bold line under the plain bullets of the job above, styled as that
// job's header was, heads the next job, though its words read like a
// sentence ("… (June 2017 – Aug 2018, two seasons)"); the note in the
// dates' bracket stands apart from the place.
func TestVariationFormats12BoldHeadAfterBullets(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"english seasons",
			"* Head Chef – The Harbour Kitchen, Whitby (since March 2020)\n- Menus for 120 covers a night\n- Ordering and food cost control\n" +
				"* Sous Chef – Lakeside Lodge hotel restaurant, Keswick (June 2017 – August 2018, two summer seasons)\n- Ran the pass on the chef's days off\n",
			[]expWant{{"Head Chef", "The Harbour Kitchen", "Whitby", "March 2020", "Present"},
				{"Sous Chef", "Lakeside Lodge hotel restaurant", "Keswick", "June 2017", "August 2018"}}},
		{"french editions",
			"* Chargée de production – Théâtre du Rond-Point, Paris (depuis janvier 2021)\n- Suivi des budgets de création\n" +
				"* Régisseuse générale – Festival des Vieilles Charrues, Carhaix (juillet 2016 – juillet 2019, quatre éditions)\n- Plannings des équipes techniques\n",
			[]expWant{{"Chargée de production", "Théâtre du Rond-Point", "Paris", "janvier 2021", "Present"},
				{"Régisseuse générale", "Festival des Vieilles Charrues", "Carhaix", "juillet 2016", "juillet 2019"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := boldHeadDoc("Alex Morin\nalex.morin@example.com\n# Experience\n" + tc.body + "# Skills\nExcel, SQL")
			if diff := cmp.Diff(tc.want, expsOf(Parse(doc))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// The share of full time written after a title ("(80 %)", "(Pensum
// 60%)", "(0.6 FTE)") is how the job was held, not its name; the agency
// named after an employer ("(via Adecco)") placed the person there, the
// employer is the name before it.
func TestVariationFormats12WorkNotes(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"swiss rate", "01.2019 – à ce jour\tComptable (80 %)\nFiduciaire Rhône SA, Sion\n",
			[]expWant{{"Comptable", "Fiduciaire Rhône SA", "Sion", "01.2019", "à ce jour"}}},
		{"pensum", "Pflegefachfrau (Pensum 60%)\nSpital Thun\n2017 – 2020\n",
			[]expWant{{"Pflegefachfrau", "Spital Thun", "", "2017", "2020"}}},
		{"fte", "Laboratory Technician (0.6 FTE), Leiden University Medical Center\n2015 – 2018\n",
			[]expWant{{"Laboratory Technician", "Leiden University Medical Center", "", "2015", "2018"}}},
		{"agency", "Rank: Chief Cook\nCompany: Bernhard Schulte Shipmanagement (via Crew Marine Manila Inc.)\nPeriod: 2019 - 2020\n",
			[]expWant{{"Chief Cook", "Bernhard Schulte Shipmanagement", "", "2019", "2020"}}},
		{"through an agency", "Warehouse Operative – DHL Supply Chain (through Adecco), Tamworth\nMay 2016 – Jan 2017\n",
			[]expWant{{"Warehouse Operative", "DHL Supply Chain", "Tamworth", "May 2016", "Jan 2017"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := expsOf(ParseText("Lea Brunner\nlea.brunner@example.ch\n\nEXPERIENCE\n" + tc.body + "\nSKILLS\nExcel\n"))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A heading that joins a professional body's registration to training
// ("Registration & Training", "Registration / Further Training") heads
// licences and courses, not more schooling: its items are no education
// entries.
func TestVariationFormats12RegistrationHeading(t *testing.T) {
	for _, heading := range []string{"Registration & Training", "Registration / Further Training", "REGISTRATION AND TRAINING"} {
		t.Run(heading, func(t *testing.T) {
			c := ParseText("Hana Whitaker\nhana.whitaker@example.nz\n\nEducation\nBachelor of Nursing\t2011 – 2013\nEastern Institute of Technology, Napier\n\n" +
				heading + "\n- Registered Nurse, Nursing Council of New Zealand (APC current to March 2027)\n- Pacific Cultural Safety Workshop, Whitireia (2019)\n\nSkills\nTriage, wound care\n")
			want := []eduWant{{"Bachelor of Nursing", "Eastern Institute of Technology", "Napier", "2011", "2013"}}
			if diff := cmp.Diff(want, edusOf(c)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if len(c.Certifications) != 2 {
				t.Errorf("certifications %+v, want the two items", c.Certifications)
			}
		})
	}
}
