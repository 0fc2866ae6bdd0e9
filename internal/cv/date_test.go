package cv_test

import (
	"strings"
	"testing"

	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/text"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want cv.Date
		ok   bool
	}{
		{"Jan 2023", cv.Date{Year: 2023, Month: 1}, true},
		{"January 2023", cv.Date{Year: 2023, Month: 1}, true},
		{"Sept. 2021", cv.Date{Year: 2021, Month: 9}, true},
		{"janvier 2022", cv.Date{Year: 2022, Month: 1}, true},
		{"Févr. 2020", cv.Date{Year: 2020, Month: 2}, true},
		{"août 2019", cv.Date{Year: 2019, Month: 8}, true},
		{"2021", cv.Date{Year: 2021}, true},
		{"09/2020", cv.Date{Year: 2020, Month: 9}, true},
		{"9/2020", cv.Date{Year: 2020, Month: 9}, true},
		{"2020-09", cv.Date{Year: 2020, Month: 9}, true},
		{"2020-09-15", cv.Date{Year: 2020, Month: 9, Day: 15}, true},
		{"15/09/2020", cv.Date{Year: 2020, Month: 9, Day: 15}, true},
		{"09/15/2020", cv.Date{Year: 2020, Month: 9, Day: 15}, true},
		{"15 sept 2021", cv.Date{Year: 2021, Month: 9, Day: 15}, true},
		{"Present", cv.Date{Present: true}, true},
		{"aujourd'hui", cv.Date{Present: true}, true},
		{"Aujourd’hui", cv.Date{Present: true}, true},
		{"En cours", cv.Date{Present: true}, true},
		{"", cv.Date{}, false},
		{"13/2020", cv.Date{}, false},
		{"1850", cv.Date{}, false},
		{"soon", cv.Date{}, false},
		{"Jan 2020 - Present", cv.Date{}, false},
	}
	for _, tt := range tests {
		got, ok := cv.ParseDate(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("ParseDate(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseRange(t *testing.T) {
	tests := []struct {
		in         string
		start, end cv.Date
	}{
		{"2019 – 2021", cv.Date{Year: 2019}, cv.Date{Year: 2021}},
		{"2019-2021", cv.Date{Year: 2019}, cv.Date{Year: 2021}},
		{"Jan 2020 - Present", cv.Date{Year: 2020, Month: 1}, cv.Date{Present: true}},
		{"de septembre 2018 à juin 2020", cv.Date{Year: 2018, Month: 9}, cv.Date{Year: 2020, Month: 6}},
	}
	for _, tt := range tests {
		s, e, ok := cv.ParseRange(tt.in)
		if !ok || s != tt.start || e != tt.end {
			t.Errorf("ParseRange(%q) = %+v, %+v, %v", tt.in, s, e, ok)
		}
	}
}

func TestDetectLanguage(t *testing.T) {
	en := loadCV(t, "en_engineer.json")
	fr := loadCV(t, "fr_marketing.json")
	if got := cv.DetectLanguage(&en, ""); got != cv.English {
		t.Errorf("en_engineer: %q", got)
	}
	if got := cv.DetectLanguage(&fr, ""); got != cv.French {
		t.Errorf("fr_marketing: %q", got)
	}
	if got := cv.DetectLanguage(&cv.StructuredCV{}, "Expérience professionnelle\nDéveloppeur chez Orange, gestion de la plateforme de paiement et mise en place des tests"); got != cv.French {
		t.Errorf("raw French text: %q", got)
	}
	if got := cv.DetectLanguage(nil, ""); got != cv.English {
		t.Errorf("nothing: %q", got)
	}
}

// TestParseDateEveryMonthSpelling: every English and French month name and
// abbreviation the text package knows, as written and without accents,
// reads as its month ("févr. 2021", "août 2020", "déc 2019").
func TestParseDateEveryMonthSpelling(t *testing.T) {
	for _, name := range text.MonthNames() {
		want, _ := text.Month(name)
		for _, s := range []string{name + " 2021", strings.ToUpper(name) + ". 2021", "15 " + name + " 2021"} {
			d, ok := cv.ParseDate(s)
			if !ok || d.Year != 2021 || d.Month != want {
				t.Errorf("ParseDate(%q) = %+v, %v, want 2021-%02d", s, d, ok, want)
			}
		}
	}
}
