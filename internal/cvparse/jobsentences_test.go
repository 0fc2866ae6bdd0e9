package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Jobs told one sentence each, wrapped over lines ("Working as … in …,
// Town from … to till date."), are read as entries: title, employer,
// town and dates.
func TestJobSentences(t *testing.T) {
	type job struct{ Title, Company, Location, Start, End string }
	for _, tc := range []struct {
		name, text string
		want       []job
	}{
		{"en", "Ravi Kumar\nravi@example.com\n\nWORK EXPERIENCE\n" +
			"* Working as Data Analyst in Kestrel Analytics Pvt. Ltd., Pune from\n  Mar 2022 to till date.\n" +
			"* Worked as Junior Analyst at Harbour Traders, Chennai from Jul 2019 to\n  Feb 2022.\n\nSKILLS\nSQL\n",
			[]job{{"Data Analyst", "Kestrel Analytics Pvt. Ltd.", "Pune", "Mar 2022", "till date"},
				{"Junior Analyst", "Harbour Traders", "Chennai", "Jul 2019", "Feb 2022"}}},
		{"fr", "Awa Diallo\nawa@exemple.sn\n\nEXPÉRIENCE PROFESSIONNELLE\n" +
			"- Travaille en tant que comptable chez Cabinet Ndiaye, Thiès depuis\n  mars 2020.\n" +
			"- A travaillé comme aide-comptable chez Sénégal Négoce SA, Dakar de 2016 à 2020.\n\nCOMPÉTENCES\nSage\n",
			[]job{{"comptable", "Cabinet Ndiaye", "Thiès", "mars 2020", "Present"},
				{"aide-comptable", "Sénégal Négoce SA", "Dakar", "2016", "2020"}}},
	} {
		c := ParseText(tc.text)
		var got []job
		for _, x := range c.Experience {
			got = append(got, job{x.Title, x.Company, x.Location, x.StartDate, x.EndDate})
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s: jobs (-want +got):\n%s", tc.name, diff)
		}
	}
}
