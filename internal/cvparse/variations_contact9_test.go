package cvparse

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/extract"
)

// Variations on the contact data of the ninth blind set
// (testdata/blind9), written with invented text.

// A phone number is read after its label however the label is worded:
// with an area code in parentheses right after it ("Mobile (602) …"),
// or in a language or wording no list of labels holds ("Cellulaire :",
// "Handy:"); a fax number is no phone.
func TestVariationLabelledPhoneBlind9(t *testing.T) {
	cases := []struct{ name, line, want string }{
		{"area code after the label", "Mobile (602) 555-0113 / Office (480) 555-0190", "(602) 555-0113"},
		{"area code after a short label", "Tel (514) 555-0166  |  ana.roy@example.com", "(514) 555-0166"},
		{"french canadian label", "Cellulaire : (819) 555-0124 • Courriel : ana.roy@example.com", "(819) 555-0124"},
		{"german label", "Handy: +49 171 5550 1234 · ana.roy@example.com", "+49 171 5550 1234"},
		{"spanish label", "Celular: +52 55 5555 0198 | ana.roy@example.com", "+52 55 5555 0198"},
		{"fax first", "Télécopieur : (819) 555-0100 • Cellulaire : (819) 555-0124", "(819) 555-0124"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ParseText("Ana Roy\nBookkeeper\n" + tc.line + "\n\nExperience\nBookkeeper, Acme Ltd 2019 - 2022\n")
			if c.Contact.Phone != tc.want {
				t.Errorf("phone = %q, want %q", c.Contact.Phone, tc.want)
			}
		})
	}
}

// A fax number set before the phone is no phone.
func TestVariationFaxNoPhoneBlind9(t *testing.T) {
	cases := []struct{ name, line, want string }{
		{"fax then tel", "Fax: +33 1 45 55 01 00 | Tel: +33 6 55 01 23 45", "+33 6 55 01 23 45"},
		{"telefax", "Telefax +49 30 5550 100 · Mobil: +49 171 5550 1234", "+49 171 5550 1234"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ParseText("Ana Roy\nBookkeeper\n" + tc.line + "\n\nExperience\nBookkeeper, Acme Ltd 2019 - 2022\n")
			if c.Contact.Phone != tc.want {
				t.Errorf("phone = %q, want %q", c.Contact.Phone, tc.want)
			}
		})
	}
}

// footerCV is a one-page CV set as moderncv's casual style sets it: name
// and headline on top, the contact block at the page's foot, apart from
// the last section.
func footerCV(foot ...string) extract.Document {
	row := func(y, size float64, gap bool, text string) extract.Line {
		return extract.Line{Text: text, Size: size, X: 60, Y: y, Page: 1, GapBefore: gap}
	}
	d := extract.Document{Pages: 1, Lines: []extract.Line{
		row(50, 30, true, "Tomasz Wiśniewski"),
		row(100, 16, true, "Logistics Planner"),
		row(170, 14, true, "Experience"),
		row(190, 10, false, "2020–Now\tTransport Planner, Baltic Freight, Gdańsk"),
		row(204, 10, false, "2016–2020\tDispatcher, Nordhaul, Gdynia"),
		row(230, 14, true, "Languages"),
		row(250, 10, false, "Polish\tNative"),
		row(264, 10, false, "English\tFluent"),
	}}
	for i, t := range foot {
		d.Lines = append(d.Lines, row(780+float64(i)*13, 10, i == 0, t))
	}
	return d
}

// A contact block at the page's foot, where the header gives none, is
// the person's contact data: its address is no language, its letter
// labels ("M", "E") and page number no part of it.
func TestVariationFooterContactBlind9(t *testing.T) {
	c := Parse(footerCV("ul. Długa 14/3 – 80-827 Gdańsk, Poland",
		"M +48 601 555 012\t• E t.wisniewski@example.com",
		"in tomasz-wisniewski-log\t• gh twisniewski\t1/1"))
	want := cv.Contact{Name: "Tomasz Wiśniewski", Email: "t.wisniewski@example.com", Phone: "+48 601 555 012",
		Location: "ul. Długa 14/3, 80-827 Gdańsk, Poland", LinkedIn: "linkedin.com/in/tomasz-wisniewski-log", GitHub: "github.com/twisniewski"}
	if c.Contact != want {
		t.Errorf("contact = %+v, want %+v", c.Contact, want)
	}
	if got := allSkills(c.Skills); !slices.Equal(got, []string{"English", "Polish"}) {
		t.Errorf("skills = %q", got)
	}
}

// Lines at the foot that are no contact data stay where they are.
func TestVariationFooterNoContactBlind9(t *testing.T) {
	c := Parse(footerCV("German\tBasic"))
	if c.Contact.Phone != "" || c.Contact.Location != "" {
		t.Errorf("contact = %+v, want none read from the foot", c.Contact)
	}
	if got := allSkills(c.Skills); !slices.Contains(got, "German") {
		t.Errorf("skills = %q, want German among them", got)
	}
}

// The block repeated at the foot of every page, its lines running
// footers, is read once: the profile line a page number sets apart
// ("1/2", "2/2") too.
func TestVariationFooterContactTwoPagesBlind9(t *testing.T) {
	foot := []string{"ul. Długa 14/3 – 80-827 Gdańsk, Poland", "M +48 601 555 012\t• E t.wisniewski@example.com", "in tomasz-wisniewski-log\t• gh twisniewski\t#/2"}
	d := footerCV()
	for p := 1; p <= 2; p++ {
		if p == 2 {
			d.Lines = append(d.Lines,
				extract.Line{Text: "Interests", Size: 14, X: 60, Y: 50, Page: 2, GapBefore: true},
				extract.Line{Text: "Sailing, chess, long-distance running.", Size: 10, X: 60, Y: 70, Page: 2})
		}
		for i, t := range foot {
			t = strings.Replace(t, "#", strconv.Itoa(p), 1)
			d.Lines = append(d.Lines, extract.Line{Text: t, Size: 10, X: 60, Y: 780 + float64(i)*13, Page: p, GapBefore: i == 0})
		}
	}
	d.Pages = 2
	c := Parse(d)
	if c.Contact.Phone != "+48 601 555 012" || c.Contact.LinkedIn != "linkedin.com/in/tomasz-wisniewski-log" || c.Contact.GitHub != "github.com/twisniewski" ||
		c.Contact.Location != "ul. Długa 14/3, 80-827 Gdańsk, Poland" {
		t.Errorf("contact = %+v", c.Contact)
	}
	for _, s := range c.OtherSections {
		if strings.Contains(s.Content, "Długa") {
			t.Errorf("section %q holds the address: %q", s.Title, s.Content)
		}
	}
}
