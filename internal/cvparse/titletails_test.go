package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A department named for its work ("Client Services", "Corporate
// Affairs", "Human Resources") after the title is the title's unit, not
// the employer, whether the employer is on the next line or after it on
// the title's line.
func TestTitleDepartmentPhrase(t *testing.T) {
	cases := []struct {
		name string
		body string
		want []expWant
	}{
		{"title, services over employer", "Senior Editor, Translation Services\t2014 – 2018\nHarbour Asia, Kowloon\n• Reviewed filings",
			[]expWant{{"Senior Editor, Translation Services", "Harbour Asia", "Kowloon", "2014", "2018"}}},
		{"title – services over bracketed employer", "Officer – Member Services\tMay 2017 – June 2021\nKoro Airways (Pacific Group), Suva\n• Press briefings",
			[]expWant{{"Officer – Member Services", "Koro Airways (Pacific Group)", "Suva", "May 2017", "June 2021"}}},
		{"title – student services over employer", "Intern – Student Services\t2020 – 2021\nKestrel Freight, Durban\n• Payroll files",
			[]expWant{{"Intern – Student Services", "Kestrel Freight", "Durban", "2020", "2021"}}},
		{"services before employer on the line", "Mar 2022 – Sep 2022\tTrainee – Client Services, Marlow Fiduciary Ltd, Port Louis\n• Onboarding files",
			[]expWant{{"Trainee – Client Services", "Marlow Fiduciary Ltd", "Port Louis", "Mar 2022", "Sep 2022"}}},
		{"relations before employer on the line", "2016 – 2019\tAssistant, Public Relations, Tavira Hotels SA, Faro\n• Press kits",
			[]expWant{{"Assistant, Public Relations", "Tavira Hotels SA", "Faro", "2016", "2019"}}},
		// A firm's name ending in "Services" with only a place under it
		// stays the employer.
		{"services firm over a place", "Analyst – Brightwater Services\t2019 – 2021\nLeeds, UK\n• Ledgers",
			[]expWant{{"Analyst", "Brightwater Services", "Leeds, UK", "2019", "2021"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, parseExps(tc.body)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
