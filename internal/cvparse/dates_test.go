package cvparse

import (
	"fmt"
	"strings"
	"testing"

	"github.com/utopiahire/utopiahire/internal/text"
)

func TestFindDateRange(t *testing.T) {
	tests := []struct {
		in, start, end string
		ok             bool
	}{
		{"Software Engineer\tJan 2023 – Present", "Jan 2023", "Present", true},
		{"2021-2023", "2021", "2023", true},
		{"09/2020", "09/2020", "", true},
		{"Ingénieur | janvier 2020 - aujourd'hui", "janvier 2020", "aujourd'hui", true},
		{"sept. 2018 – juin 2020", "sept. 2018", "juin 2020", true},
		{"March 2019 — June 2021", "March 2019", "June 2021", true},
		{"Depuis mars 2022", "mars 2022", "present", true},
		{"2019-03 to 2020-11", "2019-03", "2020-11", true},
		{"12/2024 - En cours", "12/2024", "En cours", true},
		{"Apr 2019 - Till date", "Apr 2019", "Till date", true},
		{"Apr 2019 till date", "Apr 2019", "till date", true},
		{"2019 to date", "2019", "to date", true},
		{"In 2019 now", "2019", "", true},
		{"Intern @ Google (Summer 2019)", "Summer 2019", "", true},
		{"Stage, été 2016 – été 2017", "été 2016", "été 2017", true},
		{"01/09/2019 – aujourd'hui\tContrôleur de gestion", "01/09/2019", "aujourd'hui", true},
		{"02/01/2015 – 31/08/2019", "02/01/2015", "31/08/2019", true},
		{"Du 1.3.2020 au 31.12.2021", "1.3.2020", "31.12.2021", true},
		{"Senior UX Designer | Lisbon | 2021 · Present", "2021", "Present", true}, // an OCR'd dash
		{"Lisbon · 2019 · 2021", "2019", "2021", true},
		{"STORE CLERK\tOctober 2020 Present", "October 2020", "Present", true}, // the dash blurred away
		{"Kraków | 03/2017 aujourd'hui", "03/2017", "aujourd'hui", true},
		{"Won in 2019 Presentation Award", "2019", "", true},
		{"Present in 12 countries", "", "", false},
		{"Managed 2500 users", "", "", false},
		{"Acme Corp", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := findDateRange(tt.in)
			if ok != tt.ok || got.start != tt.start || got.end != tt.end {
				t.Errorf("findDateRange(%q) = %q,%q,%v; want %q,%q,%v", tt.in, got.start, got.end, ok, tt.start, tt.end, tt.ok)
			}
		})
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := map[string]string{
		"Jan 2023": "2023-01", "janv. 2023": "2023-01", "Septembre 2018": "2018-09", "09/2020": "2020-09",
		"2020-09": "2020-09", "2021": "2021", "Present": "present", "Aujourd'hui": "present", "août 2019": "2019-08",
		"01/09/2019": "2019-09", "31.08.2019": "2019-08", "1/3/2020": "2020-03", "nonsense": "",
		"Summer 2019": "2019", "été 2016": "2016",
		"Jan '21": "2021-01", "Dec ’98": "1998-12", "'22": "2022", "'90s": "",
	}
	for in, want := range tests {
		if got, _ := NormalizeDate(in); got != want {
			t.Errorf("NormalizeDate(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNormalizeDateEveryMonthSpelling: the parser reads the same month
// names as the cv package ("aoû 2020" was unknown here, "févr" there).
func TestNormalizeDateEveryMonthSpelling(t *testing.T) {
	for _, name := range text.MonthNames() {
		m, _ := text.Month(name)
		want := fmt.Sprintf("2020-%02d", m)
		for _, s := range []string{name + " 2020", strings.ToUpper(name) + ". 2020"} {
			if got, ok := NormalizeDate(s); !ok || got != want {
				t.Errorf("NormalizeDate(%q) = %q, %v, want %q", s, got, ok, want)
			}
			if dr, ok := findDateRange("Engineer, " + s + " – present"); !ok || dr.start != s {
				t.Errorf("findDateRange(%q) = %+v, %v", s, dr, ok)
			}
		}
	}
}

// TestMayHoldDate: the quick test before the date expression lets through
// every date shape findDateRange reads, and stops lines without a year.
func TestMayHoldDate(t *testing.T) {
	dates := []string{"2019", "03/2019", "3.2019", "2019-03", "Mar 2019 – Present", "mars 2021",
		"Jan '21 – '23", "Sept ’19 - now", "01/09/2019 – 31/08/2020", "Été 2016", "depuis 2020", "Nurse\t2015–",
		"Summers 2016 – 2018", "Since 1998"}
	for _, s := range dates {
		if !mayHoldDate(s) {
			t.Errorf("mayHoldDate(%q) = false", s)
		}
		if _, ok := findDateRange(s); !ok {
			t.Errorf("findDateRange(%q) found no date", s)
		}
	}
	none := []string{"", "Present", "Led a team of 12 nurses", "present – now", "Python, Go, SQL",
		"+44 7700 900123", "ISO 9001", "Room 2.01", "1800 patients", "'9", "’1"}
	for _, s := range none {
		if mayHoldDate(s) {
			t.Errorf("mayHoldDate(%q) = true", s)
		}
		if _, ok := findDateRange(s); ok {
			t.Errorf("findDateRange(%q) found a date", s)
		}
	}
}
