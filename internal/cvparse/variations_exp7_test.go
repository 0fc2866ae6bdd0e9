package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// Variations on the experience entries of the seventh blind set
// (testdata/blind7), written with invented text.

// placedRow is a PDF line set at left position x.
type placedRow struct {
	x    float64
	text string
}

// placedSection is a one-page PDF of a contact header and heading at left
// position x0, the rows of that section one under another, then a
// skills section headed next.
func placedSection(x0 float64, heading string, rows []placedRow, next string) extract.Document {
	d := extract.Document{Pages: 1}
	add := func(x float64, text string) {
		d.Lines = append(d.Lines, extract.Line{Text: text, Page: 1, X: x, Y: 40 + 14*float64(len(d.Lines)), Size: 10})
	}
	add(x0, "Jeanne Roux")
	add(x0, "jeanne@example.com")
	add(x0, heading)
	for _, r := range rows {
		add(r.x, r.text)
	}
	add(x0, next)
	add(x0, "Excel, SQL")
	return d
}

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
	cases := []struct {
		name string
		rows []placedRow
		want []expWant
	}{
		{"fr", []placedRow{
			{80, "mars 2020 — aujourd'hui\tTechnicien Méthodes — Atelier Durand, Albi"},
			{170, "• Mise en place du 5S sur deux lignes de production et réduction des"},
			{180, "rebuts."},
			{80, "sept. 2016 — févr. 2020 Opérateur régleur — Usinage Vidal SAS, Castres"},
			{170, "• Réglage des tours à commande numérique."},
		}, []expWant{{"Technicien Méthodes", "Atelier Durand", "Albi", "mars 2020", "aujourd'hui"},
			{"Opérateur régleur", "Usinage Vidal SAS", "Castres", "sept. 2016", "févr. 2020"}}},
		// A wrapped bullet whose text goes on under it stays the bullet's.
		{"fr, wrapped bullet", []placedRow{
			{80, "mars 2020 — aujourd'hui\tTechnicien Méthodes — Atelier Durand, Albi"},
			{170, "• Audit des postes de travail prévu entre"},
			{180, "janv. 2021 et mars 2021 sur le site."},
		}, []expWant{{"Technicien Méthodes", "Atelier Durand", "Albi", "mars 2020", "aujourd'hui"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := placedSection(80, "EXPÉRIENCE PROFESSIONNELLE", tc.rows, "COMPÉTENCES")
			if diff := cmp.Diff(tc.want, expsOf(Parse(d))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A job table whose heading names the title and the employer in one cell
// ("Dates<tab>Role / Company<tab>Achievements", "Période<tab>Poste et
// employeur<tab>Missions") stacks title, employer and place in that cell,
// each wrapped where the cell is full, while the achievements beside
// them run on in their own column.
func TestVariationStackedJobTableBlind7(t *testing.T) {
	cases := []struct {
		name string
		rows []placedRow
		want []expWant
	}{
		{"en", []placedRow{
			{50, "Dates\tRole / Company\tAchievements"},
			{50, "04/2020 – Present\tHead of Operations\tOpened two depots and cut late"},
			{150, "Brightline Freight Group\tdeliveries by a third."},
			{150, "Leeds, UK\tHired and trained 40 drivers."},
			{300, "Ran the yearly budget."},
			{50, "01/2016 – 03/2020\tShift Supervisor\tIntroduced handheld scanners on"},
			{150, "Northern Parcel Distribution\tthe loading docks."},
			{150, "Services Ltd"},
			{150, "York"},
			{50, "06/2013 –\tTrainee Manager\tRotated through four depots."},
			{50, "12/2015\t(Graduate Scheme)\tWon the regional safety award."},
			{150, "Office of the Rail"},
			{150, "Regulator, Manchester"},
		}, []expWant{
			{"Head of Operations", "Brightline Freight Group", "Leeds, UK", "04/2020", "Present"},
			{"Shift Supervisor", "Northern Parcel Distribution Services Ltd", "York", "01/2016", "03/2020"},
			{"Trainee Manager (Graduate Scheme)", "Office of the Rail Regulator", "Manchester", "06/2013", "12/2015"},
		}},
		{"fr", []placedRow{
			{50, "Période\tPoste et employeur\tMissions"},
			{50, "03/2018 – aujourd'hui\tContrôleuse de gestion\tClôtures mensuelles et suivi des"},
			{150, "senior\tinvestissements."},
			{150, "Laiteries Savoyardes\tRefonte du reporting."},
			{150, "Annecy (Haute-Savoie)"},
			{50, "09/2013 – 02/2018\tAuditrice junior\tAudit légal de PME industrielles."},
			{150, "Cabinet Favre et Associés"},
			{150, "Lyon"},
		}, []expWant{
			{"Contrôleuse de gestion senior", "Laiteries Savoyardes", "Annecy (Haute-Savoie)", "03/2018", "aujourd'hui"},
			{"Auditrice junior", "Cabinet Favre et Associés", "Lyon", "09/2013", "02/2018"},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := placedSection(50, "EXPERIENCE", tc.rows, "SKILLS")
			if diff := cmp.Diff(tc.want, expsOf(Parse(d))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A comma inside a note in brackets after a title ("(job étudiant,
// week-ends)", "(part-time, weekends)") is the note's own: the title keeps
// its note and the employer and town after the dash stay apart.
func TestVariationCommaInTitleNoteBlind7(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"fr", "Vendeuse (job étudiant, week-ends) — Boulangerie Marchal, Nancy\n2020 – 2022",
			[]expWant{{"Vendeuse (job étudiant, week-ends)", "Boulangerie Marchal", "Nancy", "2020", "2022"}}},
		{"en", "Sales Assistant (part-time, weekends) — Harbour Books, Whitby\n2018 – 2020",
			[]expWant{{"Sales Assistant (part-time, weekends)", "Harbour Books", "Whitby", "2018", "2020"}}},
		{"en, company first", "Harbour Books, Whitby — Sales Assistant (part-time, weekends)\n2018 – 2020",
			[]expWant{{"Sales Assistant (part-time, weekends)", "Harbour Books", "Whitby", "2018", "2020"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := parseExps(tc.body)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
