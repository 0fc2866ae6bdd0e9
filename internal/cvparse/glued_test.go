package cvparse

import "testing"

func TestUnglueDates(t *testing.T) {
	tests := map[string]string{
		"Ingénieur SREdepuis 12.2020":                       "Ingénieur SRE\tdepuis 12.2020",
		"Intact Assurance, Torontomai 2019 – déc. 2021":     "Intact Assurance, Toronto\tmai 2019 – déc. 2021",
		"Société Générale, Parisfévr. 2018 – août 2018":     "Société Générale, Paris\tfévr. 2018 – août 2018",
		"Administrateur systèmes Linux09.2016 - 02.2018":    "Administrateur systèmes Linux\t09.2016 - 02.2018",
		"Classes préparatoires MP2011 – 2013":               "Classes préparatoires MP\t2011 – 2013",
		"2019–PresentVice President, Corporate Development": "2019–Present\tVice President, Corporate Development",
		"2011–2013Master of Finance":                        "2011–2013\tMaster of Finance",
		"Depuis mars 2019Conductrice de travaux":            "Depuis mars 2019\tConductrice de travaux",
		"Since 2020Head of Logistics":                       "Since 2020\tHead of Logistics",
		"Senior Engineer (Contract)Jan 2020 – Mar 2021":     "Senior Engineer (Contract)\tJan 2020 – Mar 2021",
		"Université Lyon 109/2016 – 06/2018":                "Université Lyon 1\t09/2016 – 06/2018",
		"Université Paris 809.2012":                         "Université Paris 8\t09.2012",
		// Spaced, tabbed or not a date: unchanged.
		"Université Lyon 1 09/2016":         "Université Lyon 1 09/2016",
		"Paris 12/09/2016":                  "Paris 12/09/2016",
		"mars 2020 – aujourd'hui\tChef":     "mars 2020 – aujourd'hui\tChef",
		"Data Engineer\tJan 2020 – Present": "Data Engineer\tJan 2020 – Present",
		"Data Engineer, Acme 2019 – 2021":   "Data Engineer, Acme 2019 – 2021",
		"Windows Server 2019":               "Windows Server 2019",
		"COVID-19 response":                 "COVID-19 response",
		"ISO9001 certification":             "ISO9001 certification",
		"Python3":                           "Python3",
		"THINGS I KNOW":                     "THINGS I KNOW",
		"Available now":                     "Available now",
		"Période\t09/2017 – 06/2019":        "Période\t09/2017 – 06/2019",
		"Lycée Moderne, Abidjan\t2012":      "Lycée Moderne, Abidjan\t2012",
		"Grade du 2019 – 2021":              "Grade du 2019 – 2021",
	}
	for in, want := range tests {
		if got := unglueDates(in); got != want {
			t.Errorf("unglueDates(%q) = %q, want %q", in, got, want)
		}
	}
}
