package cvparse

import "testing"

// A heading "Continuing Professional Development" (or "Professional
// development", "CPD") opens short courses, not degrees: its lines are
// no education entries. A line of honours under a degree that ends its
// sentence with a year ("Dean's Honour Roll (four terms); Captain,
// Debating Club 2012.") describes that degree, even with a bracket in it.
func TestVariationCPDAndHonoursLines(t *testing.T) {
	c := ParseText("Jane Roe\njane@example.com\n\nEducation\nBSc Nursing\t2009 – 2012\nKestrel University, Harlow\n" +
		"Dean's Honour Roll (four terms); Captain, Debating Club 2012.\n\nContinuing Professional Development\n" +
		"Tissue Viability Link Nurse course, Harlow NHS Trust – 2019\nSafeguarding Adults Level 3 – 2021\n\nSkills\nTriage, wound care\n")
	got := edusOf(c)
	want := []eduWant{{"BSc Nursing", "Kestrel University", "Harlow", "2009", "2012"}}
	if len(got) != 1 || got[0] != want[0] {
		t.Fatalf("education: got %+v want %+v", got, want)
	}
	if len(c.Certifications) != 2 {
		t.Errorf("certifications: got %+v, want the two courses", c.Certifications)
	}
	if d := c.Education[0].Description; d != "Dean's Honour Roll (four terms); Captain, Debating Club 2012." {
		t.Errorf("description: got %q", d)
	}
}
