package cvparse

import "testing"

// Variations on the skills of the seventh blind set (testdata/blind7),
// written with invented text.

// Skills as people lay them out: a tag cloud whose pill outlines OCR
// reads as brackets, an acronym of capitals opening a list one item a
// line (no group name over it), years or versions joined by a slash in a
// product's name, and a spoken language's level word before a note in
// brackets.
func TestVariationSkillLayoutsBlind7(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"pill cloud over two lines", "(Sketch ) (Card sorting ) (Wireframing )\n(Service design ) (Notion )",
			[]string{"sketch", "card sorting", "wireframing", "service design", "notion"}},
		{"pill cloud in square brackets", "[ Excel ] [ Forecasting ] [ Power Query ]",
			[]string{"excel", "forecasting", "power query"}},
		// A note in brackets after a skill is no cloud.
		{"skills with notes stay", "Python (advanced), SQL (good)", []string{"python", "sql"}},
		{"acronym first, one a line", "HACCP\nISO 9001 / ISO 14001\nBRC Global Standard\nSAP QM",
			[]string{"haccp", "iso 9001 iso 14001", "brc global standard", "sap qm"}},
		{"fr acronym first", "AMDEC\nLean Six Sigma\nSMED\nSolidWorks",
			[]string{"amdec", "lean six sigma", "smed", "solidworks"}},
		// Two group names in capitals each head their items.
		{"capitals groups still head", "GESTION\nStocks\nBudget\nLOGICIELS\nSAP (MM)\nExcel",
			[]string{"stocks", "budget", "sap", "excel"}},
		{"a known group word alone heads", "LOGICIELS\nSAP (MM)\nExcel",
			[]string{"sap", "excel"}},
		{"years in a product's name", "Systèmes\tWindows Server 2016/2019, Ubuntu 20.04/22.04, Proxmox",
			[]string{"windows server 2016 2019", "ubuntu 20 04 22 04", "proxmox"}},
		{"a rating stays apart", "Python 4/5, SQL 8/10, Excel 75/100", []string{"python", "sql", "excel"}},
		{"fr level before a note", "Langues : allemand courant (C1, Goethe-Zertifikat), italien (A2)",
			[]string{"allemand", "italien"}},
		{"en level before a note", "Languages: Spanish fluent (DELE C1), Dutch (basic)",
			[]string{"spanish", "dutch"}},
		// A product's level word before a note stays in its name.
		{"product words before a note stay", "Tools: Excel avancé (TCD, macros), Word",
			[]string{"excel avance", "word"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ParseText("Jane Roe\njane@example.com\n\nSkills\n" + tc.body + "\n")
			checkSkillSet(t, c, tc.want)
		})
	}
}
