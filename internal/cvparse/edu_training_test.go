package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A section headed "Training" alone holds short courses when another
// section holds the degrees (South Asian CVs list them so, before or after
// the degrees); when no other section holds them, "Training" is where the
// degrees are.
func TestVariationTrainingBesideDegrees(t *testing.T) {
	cases := []struct {
		name, text string
		education  []eduWant
		certs      int
	}{
		{"training before the degrees",
			"Farhana Akter\nfarhana.akter@example.com\n\nTRAINING\n- Export Documentation and Costing, Institute of Export Management, 2018\n- Warehouse Safety, BIM, 2017\n\nACADEMIC QUALIFICATIONS\nMaster of Business Administration, University of Chittagong\t2016\n\nSKILLS\nSAP, Excel\n",
			[]eduWant{{"Master of Business Administration", "University of Chittagong", "", "", "2016"}}, 2},
		{"training alone holds the degrees",
			"Farhana Akter\nfarhana.akter@example.com\n\nTRAINING\nMaster of Business Administration, University of Chittagong\t2016\n\nSKILLS\nSAP, Excel\n",
			[]eduWant{{"Master of Business Administration", "University of Chittagong", "", "", "2016"}}, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText(tc.text)
			if diff := cmp.Diff(tc.education, edusOf(got)); diff != "" {
				t.Errorf("education (-want +got):\n%s", diff)
			}
			if len(got.Certifications) != tc.certs {
				t.Errorf("certifications = %+v, want %d", got.Certifications, tc.certs)
			}
		})
	}
}
