package cvparse

import "testing"

// An application form's parts ("SECTION B: ACADEMIC QUALIFICATIONS (Start
// with the highest)", "Part 3 – Employment history") are its sections:
// the part's number and the form's instruction are no part of the
// heading, a long heading still heads, and the form's title
// ("APPLICATION FOR EMPLOYMENT") heads nothing.
func TestFormPartHeadings(t *testing.T) {
	tests := []struct {
		line string
		want sectionKind
		ok   bool
	}{
		{"SECTION A: PERSONAL DETAILS", secContact, true},
		{"SECTION B: ACADEMIC QUALIFICATIONS (Start with the highest)", secEducation, true},
		{"Section 4 – Employment History (start with the current or last)", secExperience, true},
		{"PART C: PROFESSIONAL QUALIFICATIONS / REGISTRATION", secCertifications, true},
		{"SECTION G: DECLARATION", secOther, true},
		{"APPLICATION FOR EMPLOYMENT", 0, false},
		{"Job Application Form", 0, false},
		{"Formulaire de candidature", 0, false},
		{"I. IDENTITÉ", secContact, true},
	}
	for _, tt := range tests {
		k, ok := headingKind(tt.line)
		if !ok {
			k2, ok2 := keywordHeading(tt.line)
			k, ok = k2, ok2
		}
		if ok != tt.ok || ok && k != tt.want {
			t.Errorf("%q: kind %d, %v; want %d, %v", tt.line, k, ok, tt.want, tt.ok)
		}
	}
}

// The qualifications of a form's later part go to certifications, not
// among the degrees.
func TestFormRegistrationPart(t *testing.T) {
	text := "APPLICATION FOR EMPLOYMENT\nSECTION A: PERSONAL DETAILS\n1.\tSurname\tMWANGI\n2.\tOther names\tPeter Kariuki\n" +
		"SECTION B: ACADEMIC QUALIFICATIONS (Start with the highest)\n" +
		"Egerton University\tBachelor of Science in Agriculture\t2010 – 2014\n" +
		"SECTION C: PROFESSIONAL QUALIFICATIONS / REGISTRATION\n" +
		"Veterinary Board\tRegistration as Animal Health Officer\t2016\n"
	c := ParseText(text)
	if len(c.Education) != 1 {
		t.Errorf("education = %+v, want one degree", c.Education)
	}
	if len(c.Certifications) != 1 {
		t.Errorf("certifications = %+v, want the registration", c.Certifications)
	}
}
