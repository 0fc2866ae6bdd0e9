package cvparse

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Variations on the fourth blind set's French one-column CVs: dates set in
// a narrow left column and wrapped there, notes on the dates, employers
// named with their parent organisation, list items that open with a
// heading word.

// A range wrapped in its date column inside the words for now ("Mars 2020
// – à ce" / "jour") or after a month ("Depuis sept." / "2020") is one
// range; a note in brackets ending the date cell ("(étés)", "(part-time)")
// qualifies the dates and is no title.
func TestVariationDateColumnWraps(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"a ce jour wrapped", "Mars 2020 – à ce\tCheffe de rayon\njour\tCarrefour Market, Angers\n• Gestion des commandes",
			[]expWant{{"Cheffe de rayon", "Carrefour Market", "Angers", "Mars 2020", "à ce jour"}}},
		{"till date wrapped", "Jan 2021 – till\tWarehouse Lead\ndate\tDHL Supply Chain, Leeds\n• Ran the night shift",
			[]expWant{{"Warehouse Lead", "DHL Supply Chain", "Leeds", "Jan 2021", "till date"}}},
		{"depuis wrapped", "Depuis sept.\tAnimatrice périscolaire\n2020\tVille de Nantes, Nantes\n• Ateliers du mercredi",
			[]expWant{{"Animatrice périscolaire", "Ville de Nantes", "Nantes", "sept. 2020", "Present"}}},
		{"summers note", "2014 – 2016 (étés)\tServeur\nBrasserie du Port, La Rochelle",
			[]expWant{{"Serveur", "Brasserie du Port", "La Rochelle", "2014", "2016"}}},
		{"part-time note", "2019 – 2021 (part-time)\tBarista\nCosta Coffee, Leeds",
			[]expWant{{"Barista", "Costa Coffee", "Leeds", "2019", "2021"}}},
		{"temps partiel note", "2010 – 2012 (temps partiel)\tVendeuse\nFnac, Toulouse",
			[]expWant{{"Vendeuse", "Fnac", "Toulouse", "2010", "2012"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := expsOf(ParseText("Jeanne Roux\njeanne.roux@example.fr\n\nExpérience\n" + tc.body + "\n\nCompétences\nExcel, SAP\n"))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// An employer written after its parent organisation and a dash, on a line
// of its own under the title ("CHU de Nantes – Hôpital Nord"), is one
// employer; an acronym before the name it stands for stays with it though
// a town follows ("BMCE – Banque Marocaine du Commerce Extérieur, Agdal").
func TestVariationParentOrganisation(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"hospital group", "Infirmière\t2019 – 2022\nCHU de Nantes – Hôpital Nord Laennec, Nantes",
			[]expWant{{"Infirmière", "CHU de Nantes – Hôpital Nord Laennec", "Nantes", "2019", "2022"}}},
		{"health board", "Staff Nurse\t2018 – 2021\nNHS Lothian – Western General Hospital, Edinburgh",
			[]expWant{{"Staff Nurse", "NHS Lothian – Western General Hospital", "Edinburgh", "2018", "2021"}}},
		{"acronym and district", "Conseillère clientèle\nBMCE – Banque Marocaine du Commerce Extérieur, Agdal - De 2016 à 2019",
			[]expWant{{"Conseillère clientèle", "BMCE – Banque Marocaine du Commerce Extérieur", "Agdal", "2016", "2019"}}},
		{"acronym, hyphen and town", "Receveur\nTPA - Transports Publics d'Annaba, Bir el Ater - De 2012 à 2015",
			[]expWant{{"Receveur", "TPA - Transports Publics d'Annaba", "Bir el Ater", "2012", "2015"}}},
		{"place after dash stays a place", "Comptable\t2015 – 2018\nKPMG – Lyon",
			[]expWant{{"Comptable", "KPMG", "Lyon", "2015", "2018"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := expsOf(ParseText("Jeanne Roux\njeanne.roux@example.fr\n\nExpérience\n" + tc.body + "\n\nCompétences\nExcel, SAP\n"))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A skill in sentence case that opens with a heading word followed by
// what it is about ("Éducation thérapeutique du patient", "Formation des
// nouveaux arrivants") is a skill, not a heading; "Domaines de compétence"
// and "Centres d'intérêt" still head their sections.
func TestVariationItemOpeningWithHeadingWord(t *testing.T) {
	for _, item := range []string{"Éducation thérapeutique du patient", "Formation des nouveaux arrivants", "Expérience du client en magasin"} {
		t.Run(item, func(t *testing.T) {
			got := ParseText("Jeanne Roux\njeanne.roux@example.fr\n\nExpérience\nInfirmière\t2019 – 2022\nCHU de Brest, Brest\n\nCompétences\nSoins palliatifs\n" +
				item + "\nGestion de la douleur\n\nLangues\nAnglais\n")
			sk := append(append([]string{}, got.Skills.Technical...), got.Skills.SoftSkills...)
			sk = append(append(sk, got.Skills.Other...), got.Skills.Tools...)
			if !slices.Contains(sk, item) || !slices.Contains(sk, "Gestion de la douleur") || len(got.Education) != 0 {
				t.Errorf("skills %+v, education %+v", got.Skills, got.Education)
			}
		})
	}
	for _, head := range []string{"Domaines de compétences", "Centres d'intérêt", "Expérience en enseignement"} {
		_, known := headingKind(head)
		_, kw := keywordHeading(head)
		if !known && !(kw && headingCue(line{text: head}, 0)) {
			t.Errorf("%q is no heading", head)
		}
	}
}

// A degree, a comma, then a school named by its acronym and town ("IAE
// Caen", "EM Strasbourg"), alone or before its university after a dash:
// the degree ends at the comma, the school runs on to the university.
func TestVariationDegreeCommaAcronymSchool(t *testing.T) {
	cases := []struct {
		name, body string
		want       []eduWant
	}{
		{"school and university", "Master Finance, IAE Caen – Université de Caen Normandie\t2015 – 2017",
			[]eduWant{{"Master Finance", "IAE Caen – Université de Caen Normandie", "", "2015", "2017"}}},
		{"school and its long name", "MSc Marketing, ESC Dijon – Burgundy School of Business\t2016 – 2018",
			[]eduWant{{"MSc Marketing", "ESC Dijon – Burgundy School of Business", "", "2016", "2018"}}},
		{"school alone", "Bachelor Commerce, EM Strasbourg\t2010 – 2013",
			[]eduWant{{"Bachelor Commerce", "EM Strasbourg", "", "2010", "2013"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := edusOf(ParseText("Jeanne Roux\njeanne.roux@example.fr\n\nDiplômes\n" + tc.body + "\n\nCompétences\nExcel, SAP\n"))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// Québec CVs list the teaching licence ("brevet") and short trainings
// under "Brevets et formations": certifications, not degrees.
func TestVariationBrevetsHeading(t *testing.T) {
	for _, head := range []string{"BREVETS ET FORMATIONS", "Brevets et certifications", "FORMATIONS ET BREVETS"} {
		t.Run(head, func(t *testing.T) {
			got := ParseText("Jeanne Roux\njeanne.roux@example.fr\n\nÉTUDES\nBaccalauréat en enseignement du français\nUniversité Laval · 2012 — 2016\n\n" + head +
				"\n• Brevet d'enseignement, ministère de l'Éducation (2016)\n• Premiers soins, Croix-Rouge (2021)\n\nCOMPÉTENCES\nGestion de classe\n")
			if len(got.Education) != 1 || len(got.Certifications) != 2 {
				t.Errorf("education %+v, certifications %+v", got.Education, got.Certifications)
			}
		})
	}
}
