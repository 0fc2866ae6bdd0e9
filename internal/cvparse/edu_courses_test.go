package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/utopiahire/utopiahire/internal/cv"
)

// certTitles lists the titles of c's certifications in order.
func certTitles(c cv.StructuredCV) []string {
	var out []string
	for _, x := range c.Certifications {
		out = append(out, x.Title+" | "+x.Organization+" | "+x.Date)
	}
	return out
}

// A course dated to the day over a few days, and a training a French form
// labels "Formation :" with its "Organisme :", go to certifications; the
// degrees around them stay in education.
func TestEducationCoursesToCertifications(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		edu        []eduWant
		certs      []string
	}{
		{"course dated to the day",
			"[ 01/09/2010 – 30/06/2014 ]\tBachelor's Degree in Physiotherapy\nKestrel Medical University\n" +
				"[ 04/05/2018 – 06/05/2018 ]\tPaediatric Advanced Life Support Provider\nMoravian Resuscitation Council",
			[]eduWant{{"Bachelor's Degree in Physiotherapy", "Kestrel Medical University", "", "01/09/2010", "30/06/2014"}},
			[]string{"Paediatric Advanced Life Support Provider | Moravian Resuscitation Council | 04/05/2018 – 06/05/2018"}},
		{"degree dated to the day stays",
			"[ 12/09/2016 – 28/06/2019 ]\tBTS Comptabilité et gestion\nLycée Marcel Pagnol",
			[]eduWant{{"BTS Comptabilité et gestion", "Lycée Marcel Pagnol", "", "12/09/2016", "28/06/2019"}}, nil},
		{"formation labelled on a form",
			"Année :\t2012\nDiplôme :\tLicence en droit privé\nÉtablissement :\tUniversité de Tlemcen\n\n" +
				"Année :\t2016\nFormation :\tCertificat en gestion de projet\nOrganisme :\tInstitut Ardent Conseil",
			[]eduWant{{"Licence en droit privé", "Université de Tlemcen", "", "", "2012"}},
			[]string{"Certificat en gestion de projet | Institut Ardent Conseil | 2016"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText("Jane Roe\njane@example.com\n\nEducation and training\n" + tc.body + "\n\nSkills\nExcel, SQL\n")
			if diff := cmp.Diff(tc.edu, edusOf(got)); diff != "" {
				t.Errorf("education (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.certs, certTitles(got)); diff != "" {
				t.Errorf("certifications (-want +got):\n%s", diff)
			}
		})
	}
}
