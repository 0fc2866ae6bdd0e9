package cvparse

import "testing"

// A body line wrapped under a dated job whose only year ends a note in
// brackets after a word ("(BIMCO 2016).", "(Loi 2019)") names a form's or
// a law's edition: the line goes on describing the job, no new job.
func TestYearInNamingNoteIsBody(t *testing.T) {
	for _, tc := range []struct {
		name, text string
	}{
		{"en", "Marco Borg\nmarco@example.com\n\nEXPERIENCE\nAssociate\tMar. 2017 – Dec. 2021\nKestrel Legal, Sliema\n" +
			"  Drafted and reviewed charterparties, bills of lading and ship management agreements on standard\n  BIMCO forms (SHIPMAN 2009).\n" +
			"  Advised owners on crew claims.\nTrainee\tJun. 2015 – Feb. 2017\nHarbour Advocates, Valletta\n  Research on flag-state law.\n\nSKILLS\nLitigation\n"},
		{"fr", "Inès Kaboré\nines@exemple.bf\n\nEXPÉRIENCE\nJuriste\tJanv. 2018 – Déc. 2022\nCabinet Sawadogo, Ouagadougou\n" +
			"  Rédaction et révision des contrats de travail et des règlements intérieurs conformes au nouveau\n  Code du travail (Loi 2019).\n" +
			"  Suivi du contentieux social.\nStagiaire\tJuin 2016 – Déc. 2017\nÉtude Ouédraogo, Bobo-Dioulasso\n  Recherches juridiques.\n\nCOMPÉTENCES\nDroit social\n"},
	} {
		c := ParseText(tc.text)
		if len(c.Experience) != 2 {
			t.Errorf("%s: got %d jobs, want 2: %+v", tc.name, len(c.Experience), c.Experience)
		}
	}
}
