package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Variations on experience headers met in the third and fourth blind sets
// (testdata/blind3, blind4), written with invented text.

// checkExps parses an Experience section of body and compares its entries.
func checkExps(t *testing.T, body string, want []expWant) {
	t.Helper()
	got := expsOf(ParseText("Jane Roe\njane@example.com\n\nExperience\n" + body + "\n\nSkills\nExcel, SQL\n"))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// A job word in the plural, capitalised, names a firm or a body of people
// ("Harlow Associates", "Pharmaciens Solidaires"), not the job: it is the
// employer beside a title the word lists do not know.
func TestVariationPluralJobWordNamesFirm(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"en, associates after the title", "2017 – 2019\tPricing Trainee, Harlow Associates (pension actuaries), Leeds",
			[]expWant{{"Pricing Trainee", "Harlow Associates (pension actuaries)", "Leeds", "2017", "2019"}}},
		{"fr, employer line under an unknown title", "Sage-femme, Programme nutrition\nPharmaciens Solidaires, Dori\nMars 2014 – Août 2016\n• Consultations prénatales",
			[]expWant{{"Sage-femme, Programme nutrition", "Pharmaciens Solidaires", "Dori", "Mars 2014", "Août 2016"}}},
		{"fr, firm of lawyers under the title", "Élève-juriste (stage final)\t2021 – 2022\nCabinet Morel Avocats, Lyon",
			[]expWant{{"Élève-juriste (stage final)", "Cabinet Morel Avocats", "Lyon", "2021", "2022"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { checkExps(t, tc.body, tc.want) })
	}
}

// A LaTeX bullet that the PDF's font gives as a brace ("{ Mentored two
// juniors.") is a bullet: a short one is no header of the next entry.
func TestVariationBraceBullet(t *testing.T) {
	body := "Acme Motors\tGothenburg\nSenior Firmware Engineer\tAug 2019 – Present\n{ Led the battery control software.\n" +
		"{ Mentor for two new engineers.\nGlobex Medical\tSolna\nFirmware Engineer\tSep 2015 – Jul 2019\n{ Ventilator firmware."
	checkExps(t, body, []expWant{
		{"Senior Firmware Engineer", "Acme Motors", "Gothenburg", "Aug 2019", "Present"},
		{"Firmware Engineer", "Globex Medical", "Solna", "Sep 2015", "Jul 2019"},
	})
	got := ParseText("Jane Roe\njane@example.com\n\nExperience\n" + body + "\n")
	if b := got.Experience[0].Bullets; len(b) != 2 || b[1] != "Mentor for two new engineers." {
		t.Errorf("bullets %q", b)
	}
}
