package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Variations on the patterns the second blind set's PDFs showed
// (testdata/blind2): ways real CVs write them that its documents do not.

// A position's title with its team or unit after a dash, the employer on
// the next line: the unit is part of the title, not the company.
func TestVariationTitleUnit(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"unit, employer with legal form and town in cells", "Product Manager – Growth Platform\tMar 2020 – Present\nZomato Media Pvt. Ltd.\tGurugram\n• Ran the pricing tests",
			[]expWant{{"Product Manager – Growth Platform", "Zomato Media Pvt. Ltd.", "Gurugram", "Mar 2020", "Present"}}},
		{"em dash, employer plc and town", "Lead Engineer — Payments Infrastructure\t2018 – 2022\nAcme Holdings plc, Manchester\n• Card authorisation service",
			[]expWant{{"Lead Engineer — Payments Infrastructure", "Acme Holdings plc", "Manchester", "2018", "2022"}}},
		{"hyphen, employer and town", "Software Engineer - Search Quality\tJan 2016 – Dec 2018\nNaver Corporation, Seongnam\n• Ranking experiments",
			[]expWant{{"Software Engineer - Search Quality", "Naver Corporation", "Seongnam", "Jan 2016", "Dec 2018"}}},
		{"fr, employer and town", "Ingénieure logiciel – Systèmes embarqués\tsept. 2019 – aujourd'hui\nThales Alenia Space, Cannes\n• Logiciel de vol",
			[]expWant{{"Ingénieure logiciel – Systèmes embarqués", "Thales Alenia Space", "Cannes", "sept. 2019", "aujourd'hui"}}},
		{"fr, employer SA in cells", "Chef de projet — Transformation digitale\t2015 – 2019\nBNP Paribas SA\tParis\n• Refonte de l'application mobile",
			[]expWant{{"Chef de projet — Transformation digitale", "BNP Paribas SA", "Paris", "2015", "2019"}}},
		{"hospital on the next line", "Clinical Pharmacist – Infection Control\tFeb 2017 – Jan 2020\nGroote Schuur Hospital, Cape Town\n• Antibiotic audits",
			[]expWant{{"Clinical Pharmacist – Infection Control", "Groote Schuur Hospital", "Cape Town", "Feb 2017", "Jan 2020"}}},
		// The employer after the dash stays the employer.
		{"employer after dash, town below", "Data Engineer – Spotify\t2020 – 2022\nStockholm\n• Royalties pipeline",
			[]expWant{{"Data Engineer", "Spotify", "Stockholm", "2020", "2022"}}},
		{"employer and town after dash", "Développeur backend – Doctolib, Paris\t2019 – 2021\n• API de réservation",
			[]expWant{{"Développeur backend", "Doctolib", "Paris", "2019", "2021"}}},
		{"employer with legal form after dash, dept below", "Analyst – Initech Software Ltd.\t2016 – 2018\nRisk Department\n• Weekly reports",
			[]expWant{{"Analyst", "Initech Software Ltd.", "", "2016", "2018"}}},
		{"fr, employer after dash, dates below", "Directeur d'exploitation — Hôtel Ivoire Sofitel\n2012 – 2016\n• Ouverture de 120 chambres",
			[]expWant{{"Directeur d'exploitation", "Hôtel Ivoire Sofitel", "", "2012", "2016"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := expsOf(ParseText("Jane Roe\njane@example.com\n\nExperience\n" + tc.body + "\n\nSkills\nExcel, SQL\n"))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
