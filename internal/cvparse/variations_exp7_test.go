package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// Variations on the experience entries of the seventh blind set
// (testdata/blind7), written with invented text.

// A date range wrapped in a narrow date column, its first row read
// together with the title beside it ("Oct. 2016 – août Technicienne",
// even "– aoûtAssistante"), or wrapped in a date column on the right
// with the text beside it ("…, Institut Nord,<tab>Mars 2021 - Décembre"
// / "Rabat<tab>2021"), is mended into one range.
func TestVariationWrappedDateCellsBlind7(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"fr, left column glued to the title", "Depuis mars\tResponsable logistique\n2022\tEntrepôts Morel — Villefranche\n• Pilotage des flux\nOct. 2017 – févr. Gestionnaire de stocks\n2022\tTransports Liénard — Mâcon\n• Inventaires tournants\nSept. 2015 – juinMagasinier (alternance)\n2017\tCoopérative du Val — Bourg-en-Bresse\n• Réception",
			[]expWant{{"Responsable logistique", "Entrepôts Morel", "Villefranche", "mars 2022", "Present"},
				{"Gestionnaire de stocks", "Transports Liénard", "Mâcon", "Oct. 2017", "févr. 2022"},
				{"Magasinier (alternance)", "Coopérative du Val", "Bourg-en-Bresse", "Sept. 2015", "juin 2017"}}},
		{"en, left column glued to the title", "Jan 2019 – Mar Warehouse Supervisor\n2023\tNorthgate Freight — Leeds\n• Ran the night shift\nJun 2016 – DecStock Controller\n2018\tPenn Retail — York\n• Cycle counts",
			[]expWant{{"Warehouse Supervisor", "Northgate Freight", "Leeds", "Jan 2019", "Mar 2023"},
				{"Stock Controller", "Penn Retail", "York", "Jun 2016", "Dec 2018"}}},
		{"fr, right column wrapped with the text", "Analyste crédit · Banque du Rif, Tanger\tDepuis mai 2022\n• Notation des PME\nChargée de clientèle · Crédit Atlas,\tFévrier 2020 - Avril\nFès\t2022\n• Portefeuille de 300 clients",
			[]expWant{{"Analyste crédit", "Banque du Rif", "Tanger", "mai 2022", "Present"},
				{"Chargée de clientèle", "Crédit Atlas", "Fès", "Février 2020", "Avril 2022"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := expsOf(ParseText("Jane Roe\njane@example.com\n\nExpérience professionnelle\n" + tc.body + "\n\nCompétences\nExcel, SQL\n"))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A line opening with a date range in lower case, set well left of the
// bullet above it where entries start, opens the next entry rather than
// going on with the bullet's wrapped text.
func TestVariationOutdentedDateAfterBulletBlind7(t *testing.T) {
	type row struct {
		x    float64
		text string
	}
	cases := []struct {
		name string
		rows []row
		want []expWant
	}{
		{"fr", []row{
			{80, "mars 2020 — aujourd'hui\tTechnicien Méthodes — Atelier Durand, Albi"},
			{170, "• Mise en place du 5S sur deux lignes de production et réduction des"},
			{180, "rebuts."},
			{80, "sept. 2016 — févr. 2020 Opérateur régleur — Usinage Vidal SAS, Castres"},
			{170, "• Réglage des tours à commande numérique."},
		}, []expWant{{"Technicien Méthodes", "Atelier Durand", "Albi", "mars 2020", "aujourd'hui"},
			{"Opérateur régleur", "Usinage Vidal SAS", "Castres", "sept. 2016", "févr. 2020"}}},
		// A wrapped bullet whose text goes on under it stays the bullet's.
		{"fr, wrapped bullet", []row{
			{80, "mars 2020 — aujourd'hui\tTechnicien Méthodes — Atelier Durand, Albi"},
			{170, "• Audit des postes de travail prévu entre"},
			{180, "janv. 2021 et mars 2021 sur le site."},
		}, []expWant{{"Technicien Méthodes", "Atelier Durand", "Albi", "mars 2020", "aujourd'hui"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := extract.Document{Pages: 1}
			add := func(x float64, text string) {
				d.Lines = append(d.Lines, extract.Line{Text: text, Page: 1, X: x, Y: 40 + 14*float64(len(d.Lines)), Size: 10})
			}
			add(80, "Jeanne Roux")
			add(80, "jeanne@example.com")
			add(80, "EXPÉRIENCE PROFESSIONNELLE")
			for _, r := range tc.rows {
				add(r.x, r.text)
			}
			add(80, "COMPÉTENCES")
			add(80, "Excel, SQL")
			if diff := cmp.Diff(tc.want, expsOf(Parse(d))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
