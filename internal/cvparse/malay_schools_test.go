package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// "Kolej" (Malay: college) and "Maktab" name a school: the line under a
// programme's is its institution, not the rest of the programme's name.
func TestMalaySchoolWords(t *testing.T) {
	body := "2015 - 2019\tBachelor of Science (Hons) Chemistry\nUniversiti Sains Pulau, Penang\n" +
		"2014 - 2015\tFoundation in Science (Biology)\nKolej Permata Ipoh\nCGPA 3.80\n" +
		"2012 - 2013\tSijil Tinggi Persekolahan Malaysia\nMaktab Rendah Sains Tanjung\n"
	want := []eduWant{
		{"Bachelor of Science (Hons) Chemistry", "Universiti Sains Pulau", "Penang", "2015", "2019"},
		{"Foundation in Science (Biology)", "Kolej Permata Ipoh", "", "2014", "2015"},
		{"Sijil Tinggi Persekolahan Malaysia", "Maktab Rendah Sains Tanjung", "", "2012", "2013"},
	}
	if diff := cmp.Diff(want, edusOf(parseEducation(body))); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
}
