package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Variations on the experience entries of the eighth blind set
// (testdata/blind8), written with invented text.

// A slash set apart by spaces between the employer's place and the dates
// ("Orchard Print, Hobart, TAS / Jun 2019 – Present") only parts them
// off: it belongs to neither the employer nor the place.
func TestVariationSlashBeforeDatesBlind8(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"slash before the dates", "Print Designer\nOrchard Print, Hobart, TAS / Jun 2019 – Present\n• Set catalogues\nLayout Artist\nBlue Gum Media, Perth, WA / Feb 2016 – May 2019\n• Magazines",
			[]expWant{{"Print Designer", "Orchard Print", "Hobart, TAS", "Jun 2019", "Present"},
				{"Layout Artist", "Blue Gum Media", "Perth, WA", "Feb 2016", "May 2019"}}},
		{"slash after the dates", "Print Designer\nJun 2019 – Present / Orchard Print, Hobart, TAS\n• Set catalogues",
			[]expWant{{"Print Designer", "Orchard Print", "Hobart, TAS", "Jun 2019", "Present"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := parseExps(tc.body)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// An executive is a job title ("Sales Executive", "Account Executive"), so
// the name after its comma is the employer, not the title's tail.
func TestVariationExecutiveTitleBlind8(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"title, employer, town", "Digital Sales Executive, Northwind Holidays, York\tMar 2018 – Jun 2022\n• Ran campaigns",
			[]expWant{{"Digital Sales Executive", "Northwind Holidays", "York", "Mar 2018", "Jun 2022"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := parseExps(tc.body)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
