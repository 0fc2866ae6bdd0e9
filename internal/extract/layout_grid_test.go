package extract

import (
	"slices"
	"strings"
	"testing"
)

func TestLayoutGridInsideOneColumn(t *testing.T) {
	// A one-column page whose skills are set as a grid of two columns
	// (x=40 and x=300) between full-width entries and the sections after
	// it: the sections below the grid are read after both of its columns,
	// not between them.
	for _, tc := range []struct {
		name        string
		left, right []string
	}{
		{"six rows a side, level", []string{"Comptabilité générale", "Clôtures mensuelles", "Fiscalité des PME", "Consolidation", "Audit interne", "Trésorerie"}, []string{"Outils : Sage, Cegid", "Excel avancé", "Anglais des affaires", "Rigueur", "Discrétion", "Esprit de synthèse"}},
		{"sides even", []string{"Soins de plaies", "Bilans sanguins", "Accueil des familles", "Hygiène hospitalière", "Dossier patient"}, []string{"Pose de perfusions", "Logiciel : Hopital Manager", "Gestion du stress", "Esprit d'équipe", "Écoute"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &page{}
			y := 40.0
			for _, s := range []string{"EXPÉRIENCES", "2019 – 2024 Cheffe de projet, Agence Horizon, Lille",
				"Pilotage de quinze projets de communication pour des collectivités de la région et leurs partenaires",
				"2016 – 2019 Chargée de mission, Ville de Lens", "Organisation des rencontres annuelles avec les associations et les habitants du quartier",
				"COMPÉTENCES"} {
				p.at(30, y, s)
				y += 16
			}
			for i, s := range tc.left {
				p.at(40, y+float64(i)*12, s)
			}
			for i, s := range tc.right {
				p.at(300, y+float64(i)*12, s)
			}
			y += float64(max(len(tc.left), len(tc.right)))*12 + 20
			below := []string{"LANGUES", "Anglais courant, espagnol notions", "CENTRES D'INTÉRÊT", "Randonnée, photographie"}
			for i, s := range below {
				p.at(30, y+float64(i)*16, s)
			}
			var got []string
			var cols []int
			for _, l := range layoutPage(*p, 595, 1) {
				got, cols = append(got, l.Text), append(cols, l.Column)
			}
			// The grid's cells come in either order (a grid whose rows
			// line up is read row by row), before the sections below.
			n := len(got) - len(below)
			if n < 0 || !slices.Equal(got[n:], below) {
				t.Fatalf("lines = %q, want them to end with %q", got, below)
			}
			cells := strings.Join(got[:n], "\t")
			for _, c := range append(append([]string{}, tc.left...), tc.right...) {
				if !strings.Contains(cells, c) {
					t.Errorf("cell %q not read before the sections below the grid: %q", c, got)
				}
			}
			if c := cols[len(cols)-1]; c != 0 {
				t.Errorf("the last section is read in column %d, want none (a one-column page)", c)
			}
		})
	}
}
