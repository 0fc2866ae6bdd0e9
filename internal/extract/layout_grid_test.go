package extract

import (
	"fmt"
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

func TestLayoutLateTagsBesideList(t *testing.T) {
	// A one-column page ending with skill tags (several to a row, x=30)
	// beside a list of languages (x=300) set closer: each tag row meets a
	// row of the other side, as a label meets its value, yet the blocks
	// are read one after the other, because a label column holds one
	// label a row.
	for _, gap := range []float64{12, 30} { // tags in one segment, or one segment each
		t.Run(fmt.Sprint(gap), func(t *testing.T) {
			p := &page{}
			y := 40.0
			for _, s := range []string{"Paul Martin", "PARCOURS", "Responsable des achats, Ateliers Dumas, Nantes|depuis 2019",
				"Négociation des contrats cadres avec les fournisseurs de pièces et de services du groupe",
				"Acheteur, Fonderie de l'Ouest, Cholet|2014 – 2019", "Suivi des appels d'offres et des audits de fournisseurs en France et au Portugal"} {
				text, date, _ := strings.Cut(s, "|")
				if before, after, ok := strings.Cut(text, " pièces"); ok {
					// a word of the line starts right at the right block's edge
					p.at(30, y, before).at(300, y, "pièces"+after)
				} else {
					p.at(30, y, text)
				}
				if date != "" {
					p.rightAt(560, y, date)
				}
				y += 16
			}
			tags := func(y float64, row ...string) {
				x := 34.0
				for _, tag := range row {
					p.at(x, y, tag)
					x += 5*float64(len([]rune(tag))) + gap
				}
			}
			p.at(30, 160, "SAVOIR-FAIRE").at(300, 160, "LANGUES")
			tags(180, "Achats", "Audit", "Appels d'offres")
			tags(196, "Lean", "Analyse des coûts")
			tags(212, "Gestion de contrats")
			for i, s := range []string{"Français – maternelle", "Portugais – courant", "Anglais – B2", "Italien – notions"} {
				p.at(300, 181+float64(i)*12, s)
			}
			p.at(30, 240, "LOGICIELS").at(300, 240, "PERMIS")
			tags(260, "SAP", "Excel", "Power BI")
			tags(276, "Qlik", "Oracle")
			p.at(300, 262, "Permis B et permis poids lourd").at(300, 274, "(2015)")
			got := p.lines()
			want := []string{"SAVOIR-FAIRE", "Achats\tAudit\tAppels d'offres", "Lean\tAnalyse des coûts", "Gestion de contrats",
				"LOGICIELS", "SAP\tExcel\tPower BI", "Qlik\tOracle", "LANGUES", "Français – maternelle", "Portugais – courant",
				"Anglais – B2", "Italien – notions", "PERMIS", "Permis B et permis poids lourd", "(2015)"}
			if len(got) < len(want) || !slices.Equal(got[len(got)-len(want):], want) {
				t.Errorf("lines = %q", got)
			}
			if line := "Négociation des contrats cadres avec les fournisseurs de pièces et de services du groupe"; !slices.Contains(got, line) {
				t.Errorf("lines = %q, want the line above the blocks whole: %q", got, line)
			}
		})
	}
}

// atSize places text as page.at does, in type h points high.
func (p *page) atSize(x, y, h float64, text string) *page {
	for _, w := range strings.Fields(text) {
		wd := 0.5 * h * float64(len([]rune(w)))
		*p = append(*p, bbWord{XMin: x, YMin: y, XMax: x + wd, YMax: y + h, Text: w})
		x += wd + 0.3*h
	}
	return p
}

// oneColumnTop is the full-width text of a one-column page above the
// blocks that end it, each job with its dates at the right margin.
func oneColumnTop() *page {
	return fullWidthLines("Claire Fontaine", "EXPÉRIENCE", "Contrôleuse de gestion, Brasserie du Port, Lorient|2020 – 2024",
		"Tableaux de bord mensuels, budget annuel et suivi des marges par gamme de produits pour la direction",
		"Assistante comptable, Cabinet Le Goff, Vannes|2016 – 2020", "Saisie, rapprochements bancaires, déclarations de TVA et préparation des bilans annuels",
		"FORMATION", "Master Contrôle de gestion, Université de Bretagne Sud|2016")
}

func TestLayoutHeadedBlocksSideBySide(t *testing.T) {
	// Two blocks side by side under a one-column page's text, each
	// opening with a heading set larger, whose right block shows no edge
	// shared by five lines: its heading, a list indented under it, a
	// second heading. Each block is read whole, the page's last section
	// after both.
	for _, tc := range []struct {
		name   string
		listX  float64 // where the right block's list starts
		pitchR float64 // its line pitch
	}{
		{"same pitch, list indented", 310, 14},
		{"closer lines, list set out to the left", 292, 11},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := oneColumnTop()
			p.atSize(30, 190, 12, "COMPÉTENCES").atSize(300, 190, 12, "LANGUES")
			for i, s := range []string{"Excel avancé, tableaux croisés, Power Query", "Sage 100 et Cegid, clôtures mensuelles", "Fiscalité des sociétés", "Rigueur et sens du détail"} {
				p.at(38, 210+float64(i)*14, s)
			}
			y := 210.0
			for _, s := range []string{"Anglais : courant (C1), un an à Cork", "Breton : notions"} {
				p.at(tc.listX, y, s)
				y += tc.pitchR
			}
			p.atSize(300, y+4, 12, "LOISIRS")
			p.at(tc.listX, y+22, "Voile, course à pied")
			p.atSize(30, 300, 12, "RÉFÉRENCES")
			p.at(30, 318, "Sur demande, auprès de mes deux derniers employeurs, par téléphone ou par courriel")
			got := p.lines()
			want := []string{"COMPÉTENCES", "Excel avancé, tableaux croisés, Power Query", "Sage 100 et Cegid, clôtures mensuelles",
				"Fiscalité des sociétés", "Rigueur et sens du détail", "LANGUES", "Anglais : courant (C1), un an à Cork", "Breton : notions",
				"LOISIRS", "Voile, course à pied", "RÉFÉRENCES",
				"Sur demande, auprès de mes deux derniers employeurs, par téléphone ou par courriel"}
			if len(got) < len(want) || !slices.Equal(got[len(got)-len(want):], want) {
				t.Errorf("lines = %q", got)
			}
		})
	}
}

func TestLayoutHeadedTableRowByRow(t *testing.T) {
	// A table under a one-column page's text stays read row by row: its
	// header row is set in the type of its cells, or its label column
	// alone carries a heading.
	for _, tc := range []struct {
		name          string
		left, right   string
		leftH, rightH float64
	}{
		{"header row in body type", "Langue", "Niveau", 10, 10},
		{"heading over the labels only", "LANGUES", "", 12, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := oneColumnTop()
			p.atSize(30, 190, tc.leftH, tc.left)
			if tc.right != "" {
				p.atSize(300, 190, tc.rightH, tc.right)
			}
			rows := [][2]string{{"Anglais", "Courant, séjour de deux ans à Dublin"}, {"Espagnol", "Intermédiaire (B1)"}, {"Breton", "Notions"}, {"Italien", "Lu"}}
			for i, r := range rows {
				p.at(30, 208+float64(i)*14, r[0]).at(300, 208+float64(i)*14, r[1])
			}
			got := p.lines()
			if last := got[len(got)-1]; last != "Italien\tLu" {
				t.Errorf("lines = %q", got)
			}
		})
	}
}
