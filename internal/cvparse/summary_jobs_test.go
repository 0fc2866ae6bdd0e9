package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A summary's heading over a run of dated jobs heads those jobs (South
// Asian CVs put their career under "Career Summary" or "Professional
// Profile"); a summary paragraph that tells years stays the summary.
func TestVariationSummaryHoldsJobs(t *testing.T) {
	cases := []struct {
		name, text string
		jobs       []expWant
		summary    bool
	}{
		{"jobs under a summary heading",
			"Rashed Karim\nrashed.karim@example.com\n\nPROFESSIONAL PROFILE\n" +
				"1. Production Planner\n   Meghna Textiles Ltd., Chittagong\n   Period: April 2016 to Till date\n" +
				"   - Plan weekly loading for six sewing lines.\n\n" +
				"2. Assistant Planner\n   Padma Garments Ltd., Dhaka\n   Period: July 2012 to March 2016\n" +
				"   - Kept the order book and capacity sheets.\n\nSKILLS\nExcel, SAP\n",
			[]expWant{{"Production Planner", "Meghna Textiles Ltd.", "Chittagong", "April 2016", "Till date"},
				{"Assistant Planner", "Padma Garments Ltd.", "Dhaka", "July 2012", "March 2016"}}, false},
		{"a summary that tells years",
			"Rashed Karim\nrashed.karim@example.com\n\nPROFESSIONAL PROFILE\n" +
				"Production planner with 10 years in garments since 2014, working for Meghna Textiles Ltd. and Padma Garments Ltd.\n" +
				"From 2012 to 2016 I planned the loading of six sewing lines and kept the capacity sheets.\n\n" +
				"EXPERIENCE\nProduction Planner\nMeghna Textiles Ltd., Chittagong\nApril 2016 – Present\n\nSKILLS\nExcel, SAP\n",
			[]expWant{{"Production Planner", "Meghna Textiles Ltd.", "Chittagong", "April 2016", "Present"}}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText(tc.text)
			if diff := cmp.Diff(tc.jobs, expsOf(got)); diff != "" {
				t.Errorf("experience (-want +got):\n%s", diff)
			}
			if (got.Summary != "") != tc.summary {
				t.Errorf("summary = %q, want one: %v", got.Summary, tc.summary)
			}
		})
	}
}
