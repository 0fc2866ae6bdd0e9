package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Spoken languages listed among personal details go to the skills'
// languages, also in a row of several labelled fields and when they are
// languages of Nigeria or Java.
func TestLanguagesAmongPersonalDetails(t *testing.T) {
	tests := []struct {
		name string
		rows string
		want []string
	}{
		{"fields after middle dots", "Nationality: Ghanaian · Religion: Christian · Languages: English, Twi", []string{"English", "Twi"}},
		{"fields in cells", "Civil Status: Married\tLanguages: English, Cebuano", []string{"English", "Cebuano"}},
		{"languages of Nigeria", "Date of Birth: 3 May 1990\nLanguages: English, Efik, Ijaw, Pidgin", []string{"English", "Efik", "Ijaw", "Pidgin"}},
		{"languages of Java", "Date of Birth: 3 May 1990\nLanguages: Sundanese, Javanese, English", []string{"Sundanese", "Javanese", "English"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ParseText("Jane Roe\njane@example.com\n\nSkills\nExcel\n\nPERSONAL DETAILS\n" + tt.rows + "\n")
			if diff := cmp.Diff(tt.want, c.Skills.Languages); diff != "" {
				t.Errorf("languages (-want +got):\n%s", diff)
			}
		})
	}
}
