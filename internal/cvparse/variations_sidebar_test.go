package cvparse

import (
	"testing"
)

// Variations on the patterns the fourth blind set's sidebar CVs showed
// (testdata/blind4): ways real CVs write them that its documents do not.

// Training named beside certificates, or called continuing or
// complementary, heads short courses: certifications, not degrees.
func TestVariationCourseHeadings(t *testing.T) {
	edu := "Education\nBSc Nursing\nUniversity of Lagos · 2012 – 2016\n\n"
	cases := []struct {
		name, body  string
		edus, certs int
	}{
		{"training and certificates", edu + "Training & certificates\nBasic Life Support – Red Cross (2021)\nInfection Control Workshop (2019)\n", 1, 2},
		{"certificates and training", edu + "Certificates and Training\nPRINCE2 Foundation (2020)\nScrum Master, Scrum Alliance (2022)\n", 1, 2},
		{"formations continues", "Formation\nLicence en droit\nUniversité de Tours · 2010 – 2013\n\nFormations continues\nCertificat en droit du numérique, 2019\nAtelier médiation – CNAM, 2021\n", 1, 2},
		{"formation continue", "Diplômes\nBTS Comptabilité\nLycée Carnot, Dijon · 2015\n\nFormation continue\nSage Paie – éditeur, 2018\nExcel perfectionnement, 2020\n", 1, 2},
		{"formations complémentaires", "Formation\nMaster Chimie\nUniversité de Lille · 2016 – 2018\n\nFormations complémentaires\n2019 – Habilitation électrique B1V, Apave\n2021 – Sauveteur secouriste du travail, INRS\n", 1, 2},
		{"continuing education", edu + "Continuing Education\nWound Care Certificate, 2020\nPalliative Care Course, 2022\n", 1, 2},
		// Training alone, or with education, still heads degrees.
		{"training alone", "Training\nCertificate IV in Carpentry\nHolmesglen Institute, Melbourne · 2014 – 2016\n", 1, 0},
		{"formation et certifications", "Formation et certifications\nMaster Finance\nUniversité de Nantes · 2014 – 2016\n", 1, 0},
		{"education and training", "Education and Training\nBA History\nUniversity of Leeds · 2008 – 2011\nPGCE Secondary\nUniversity of York · 2012\n", 2, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText("Jane Roe\njane@example.com\n\n" + tc.body + "\nSkills\nExcel, SQL\n")
			if len(got.Education) != tc.edus || len(got.Certifications) != tc.certs {
				t.Errorf("education %+v, %d certifications %+v; want %d and %d", edusOf(got), len(got.Certifications), got.Certifications, tc.edus, tc.certs)
			}
		})
	}
}
