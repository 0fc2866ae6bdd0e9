package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The schools attended and the qualifications obtained written as two
// lists, each under its heading noted "with dates": the n-th school gave
// the n-th qualification, dated by the school's years.
func TestVariationPairedSchoolAndQualificationLists(t *testing.T) {
	c := ParseText("Ngozi Eze\nngozi@example.com\n\nSCHOOLS ATTENDED WITH DATES\n" +
		"University of Ilorin, Tanke, Kwara State\t2014 – 2019\nModel College, Agbor\t2008 – 2014\n\n" +
		"QUALIFICATIONS OBTAINED WITH DATES\nB.Eng. Civil Engineering\t2019\nSenior School Certificate (SSCE)\t2014\n\n" +
		"SKILLS\nAutoCAD\n")
	want := []eduWant{
		{"B.Eng. Civil Engineering", "University of Ilorin", "Tanke, Kwara State", "2014", "2019"},
		{"Senior School Certificate (SSCE)", "Model College", "Agbor", "2008", "2014"},
	}
	if diff := cmp.Diff(want, edusOf(c)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
}

// "State of Origin: Anambra State" among personal data names where the
// family comes from, not where the candidate lives.
func TestVariationStateOfOriginIsNoAddress(t *testing.T) {
	c := ParseText("Ngozi Eze\nngozi@example.com\n\nPERSONAL DATA\nSex:\tFemale\nState of Origin:\tAnambra State\n\n" +
		"SKILLS\nAutoCAD\n")
	if c.Contact.Location != "" {
		t.Errorf("location: got %q, want none", c.Contact.Location)
	}
}

// A school's district between the school and its city ("…, Ijora,
// Lagos") is the school's place, not its name.
func TestVariationSchoolDistrictBeforeCity(t *testing.T) {
	c := ParseText("Ngozi Eze\nngozi@example.com\n\nEDUCATION\nB.Sc. Economics\t2015 – 2019\nCity Polytechnic, Yaba, Lagos\n\n" +
		"SKILLS\nExcel\n")
	want := []eduWant{{"B.Sc. Economics", "City Polytechnic", "Yaba, Lagos", "2015", "2019"}}
	if diff := cmp.Diff(want, edusOf(c)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
}

// A school on its own dated line over the qualifications it gave, each
// with its year and its subjects after a colon: one entry per
// qualification, the subjects in its notes.
func TestVariationQualificationsUnderOneSchool(t *testing.T) {
	c := ParseText("Tom Hale\ntom@example.com\n\nEducation\nUniversity of Harlow\t2010 – 2013\nBSc Geography, 2:1\n\n" +
		"Fenwick Grammar School, Harlow\t2003 – 2010\nA levels (2010): Geography A, History B, French C\n" +
		"GCSEs (2008): 9 at grades A–C, including English and Maths\n\nSkills\nGIS\n")
	want := []eduWant{
		{"BSc Geography, 2:1", "University of Harlow", "", "2010", "2013"},
		{"A levels", "Fenwick Grammar School", "Harlow", "", "2010"},
		{"GCSEs", "Fenwick Grammar School", "Harlow", "", "2008"},
	}
	if diff := cmp.Diff(want, edusOf(c)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
	if len(c.Education) == 3 && c.Education[1].Description != "Geography A, History B, French C" {
		t.Errorf("description: got %q, want the subjects", c.Education[1].Description)
	}
}

// A degree's line cut inside the mark in brackets after its class
// ("… – Second Class Upper Division (CGPA:" / "3.9/5.0)") keeps the
// class in the degree's name, as when the line is whole.
func TestVariationClassBeforeWrappedMark(t *testing.T) {
	c := ParseText("Ngozi Eze\nngozi@example.com\n\nEDUCATION\n" +
		"B.Sc. (Hons) Physics – Second Class Upper Division (CGPA:\t2019\n3.9/5.0)\nUniversity of Lagos, Akoka\n\nSKILLS\nExcel\n")
	if len(c.Education) != 1 || c.Education[0].Degree != "B.Sc. (Hons) Physics – Second Class Upper Division" {
		t.Errorf("education: got %+v, want the class in the degree", c.Education)
	}
}

// Two headings of one kind joined by "&", too long together for a
// keyword heading ("PROFESSIONAL QUALIFICATIONS & SHORT COURSES"), head
// that kind: the courses under it are no degrees.
func TestVariationJoinedCertificationHeadings(t *testing.T) {
	c := ParseText("Amina Wanjiru\namina@example.com\n\nEDUCATION\nBachelor of Commerce\t2016 – 2020\nUniversity of Kestrel, Nakuru\n\n" +
		"PROFESSIONAL QUALIFICATIONS & SHORT COURSES\n2022\tFirst Aid Certificate, St John Ambulance\n" +
		"2021\tAdvanced Excel for Procurement, Kestrel Training Centre\n\nSKILLS\nExcel\n")
	if len(c.Education) != 1 || len(c.Certifications) != 2 {
		t.Errorf("got %d education entries and %d certifications, want 1 and 2: %+v", len(c.Education), len(c.Certifications), c.Education)
	}
}

// A programme's name and the bare credential it led to after a dash
// ("Practical Nursing – Diploma") are one degree, and a note on the
// dates wrapped in their column beside the name's wrapped end
// ("(expected)<tab>Diploma") ends the dates, not the name.
func TestVariationProgrammeThenCredential(t *testing.T) {
	c := ParseText("Jane Roe\njane@example.com\n\nEDUCATION\n" +
		"Sept 2023 – Apr 2026\tPower Engineering Technology (Co-op) – Ontario College Advanced\n(expected)\tDiploma\n" +
		"Kestrel College – Hamilton, ON\n" +
		"2019 – 2021\tPractical Nursing – Diploma\nHarbour College – Kingston, ON\n\nSKILLS\nAutoCAD\n")
	want := []eduWant{
		{"Power Engineering Technology (Co-op) – Ontario College Advanced Diploma", "Kestrel College", "Hamilton, ON", "Sept 2023", "Apr 2026"},
		{"Practical Nursing – Diploma", "Harbour College", "Kingston, ON", "2019", "2021"},
	}
	if diff := cmp.Diff(want, edusOf(c)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
}

// A professional body's grade of membership listed among the degrees
// ("Associate Member (ACMA)" over the institute) is a certification.
func TestVariationMembershipGradeInEducation(t *testing.T) {
	c := ParseText("Ruwan Perera\nruwan@example.com\n\nEDUCATION & PROFESSIONAL QUALIFICATIONS\n2020\tAssociate Member (ACMA)\n" +
		"Kestrel Institute of Management Accountants\n2012 – 2016\tB.Sc. Finance (Special) Degree\nUniversity of Kestrel\n\nSKILLS\nExcel\n")
	if len(c.Education) != 1 || len(c.Certifications) != 1 || c.Certifications[0].Title != "Associate Member (ACMA)" {
		t.Errorf("got education %+v and certifications %+v, want the membership among the certifications", c.Education, c.Certifications)
	}
}

// A school on a line of its own over its first qualification heads the
// qualifications listed after it that name no school.
func TestVariationSchoolHeadsLaterQualifications(t *testing.T) {
	c := ParseText("Tara Brown\ntara@example.com\n\nEDUCATION\nKestrel University\tKingston, Jamaica\nBSc Economics\t2022 — 2025\n\n" +
		"Harbour High School\tMontego Bay, Jamaica\nCaribbean Advanced Proficiency Examination (CAPE)\t2020 — 2022\n" +
		"Caribbean Secondary Education Certificate (CSEC)\tJune 2020\n\nSKILLS\nExcel\n")
	want := []eduWant{
		{"BSc Economics", "Kestrel University", "Kingston, Jamaica", "2022", "2025"},
		{"Caribbean Advanced Proficiency Examination (CAPE)", "Harbour High School", "Montego Bay, Jamaica", "2020", "2022"},
		{"Caribbean Secondary Education Certificate (CSEC)", "Harbour High School", "Montego Bay, Jamaica", "", "June 2020"},
	}
	if diff := cmp.Diff(want, edusOf(c)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
}
