package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/extract"
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
		// Initial beside continuing: degrees first, courses after.
		{"formation initiale et continue", "Formation initiale et continue\nMaster Biologie\nUniversité de Rennes · 2012 – 2014\nLicence Biologie\nUniversité de Brest · 2009 – 2012\n", 2, 0},
		{"initial and continuing education", "Initial and Continuing Education\nBSc Midwifery\nUniversity of Leeds · 2010 – 2013\n", 1, 0},
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

// A name set large at the top of a sidebar, given names over family
// names, with the main column's first heading level with it or higher.
func TestVariationSidebarName(t *testing.T) {
	type row struct {
		col     int
		y, size float64
		text    string
	}
	cases := []struct {
		name  string
		first []row // the display lines, in the left column
		want  string
	}{
		{"given over family names", []row{{1, 36, 22, "Ma. Luisa"}, {1, 57, 22, "Del Rosario-Tan"}}, "Ma. Luisa Del Rosario-Tan"},
		{"particle in the family name", []row{{1, 36, 22, "Anna Sophie"}, {1, 57, 22, "van der Berg"}}, "Anna Sophie van der Berg"},
		{"French double given name", []row{{1, 40, 24, "Marie-Claire"}, {1, 62, 24, "De Sousa Lima"}}, "Marie-Claire De Sousa Lima"},
		{"one line", []row{{1, 38, 22, "Tomasz Wiśniewski"}}, "Tomasz Wiśniewski"},
		// A headline in the same type is no part of the name.
		{"headline in display type", []row{{1, 36, 22, "Grace Mensah"}, {1, 57, 22, "Data Scientist"}}, "Grace Mensah"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows := append(tc.first,
				row{1, 110, 11, "CONTACT"}, row{1, 126, 10, "grace.m@example.com"}, row{1, 140, 10, "+44 7700 900123"},
				row{2, 34, 14, "About me"}, row{2, 58, 10, "Analyst with six years in retail banking and payments."},
				row{2, 90, 14, "Experience"}, row{2, 110, 10, "Senior Analyst"}, row{2, 122, 10, "Acme Bank · London · 2019 – Present"},
				row{2, 150, 14, "Education"}, row{2, 170, 10, "BSc Economics"}, row{2, 182, 10, "University of Kent · 2012 – 2015"})
			var d extract.Document
			for _, r := range rows {
				x := 30.0
				if r.col == 2 {
					x = 250
				}
				d.Lines = append(d.Lines, extract.Line{Text: r.text, Page: 1, X: x, Y: r.y, Size: r.size, Column: r.col})
			}
			d.Pages = 1
			if got := Parse(d).Contact.Name; got != tc.want {
				t.Errorf("name = %q, want %q", got, tc.want)
			}
		})
	}
}

// A degree's full name with its major runs past the ten words that make
// a line prose: it still heads its entry.
func TestVariationLongDegreeName(t *testing.T) {
	cases := []struct {
		name, body string
		want       []eduWant
	}{
		{"major after a comma", "Bachelor of Science in Electronics and Communications Engineering, Major in Microwave Systems\nMapúa University, Manila · 2010 – 2014\n",
			[]eduWant{{"Bachelor of Science in Electronics and Communications Engineering, Major in Microwave Systems", "Mapúa University", "Manila", "2010", "2014"}}},
		{"long field", "Master of Arts in Teaching English to Speakers of Other Languages\nUniversity of Sussex · 2018 – 2019\n",
			[]eduWant{{"Master of Arts in Teaching English to Speakers of Other Languages", "University of Sussex", "", "2018", "2019"}}},
		{"wrapped minor", "Bachelor of Arts in Political Science, Minor in\nPublic Administration and Governance\nSilliman University, Dumaguete · 2008 – 2012\n\nSenior High School Diploma\nFoundation University · 2008\n",
			[]eduWant{{"Bachelor of Arts in Political Science, Minor in Public Administration and Governance", "Silliman University", "Dumaguete", "2008", "2012"},
				{"Senior High School Diploma", "Foundation University", "", "", "2008"}}},
		{"MBA with a long field", "Master of Business Administration in International Trade and Supply Chain Management\nUniversity of Nairobi · 2016 – 2018\n",
			[]eduWant{{"Master of Business Administration in International Trade and Supply Chain Management", "University of Nairobi", "", "2016", "2018"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText("Jane Roe\njane@example.com\n\nEducation\n" + tc.body + "\nSkills\nExcel, SQL\n")
			if diff := cmp.Diff(tc.want, edusOf(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A postgraduate title in an education section, awarded by a
// professional body rather than a school, is a course of study.
func TestVariationPostgraduateTitle(t *testing.T) {
	cases := []struct {
		name, body string
		want       []eduWant
	}{
		{"titre postgrade", "2019\tTitre postgrade en pharmacie hospitalière\nGSASA\n2012\tMaster en pharmacie\nUniversité de Genève\n",
			[]eduWant{{"Titre postgrade en pharmacie hospitalière", "GSASA", "", "", "2019"}, {"Master en pharmacie", "Université de Genève", "", "", "2012"}}},
		{"titre postgrade alone", "2016\tTitre postgrade FMH en pédiatrie\nFMH\n",
			[]eduWant{{"Titre postgrade FMH en pédiatrie", "FMH", "", "", "2016"}}},
		{"postgraduate title", "2021\tPostgraduate title in clinical nutrition\nSVDE\n",
			[]eduWant{{"Postgraduate title in clinical nutrition", "SVDE", "", "", "2021"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText("Jane Roe\njane@example.com\n\nEducation\n" + tc.body + "\nSkills\nExcel, SQL\n")
			if diff := cmp.Diff(tc.want, edusOf(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
