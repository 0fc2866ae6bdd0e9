package cvparse

import "testing"

// A plain-text table aligned with spaces under a dashed rule: a cell
// that fills its column stands one space from the next, and the rule's
// first run says where the first column ends.
func TestVariationTextTableFullCell(t *testing.T) {
	body := "Degree                     Institute                        Year   Result\n" +
		"-------------------------- -------------------------------- ------ ---------\n" +
		"B.Sc. in Civil Engineering Kestrel University of Science   2009   CGPA 3.40/4.00\n" +
		"HSC (Science)              Kestrel College, Dhaka           2004   GPA 5.00/5.00\n"
	runEduDesc(t, []eduDescCase{
		{"cell filling its column", body, []eduWant{
			{"B.Sc. in Civil Engineering", "Kestrel University of Science", "", "", "2009"},
			{"HSC (Science)", "Kestrel College", "Dhaka", "", "2004"},
		}, nil},
	})
}
