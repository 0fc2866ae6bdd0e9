package cvparse

import (
	"slices"
	"testing"
)

// A Bangladeshi or Indian bio-data form: "Company Name / Designation /
// Duration … to Continue" blocks, "Exam Title / Group / Institute /
// Result / Passing Year" blocks and a "Training Summary" after them.
// "to Continue" is the present; the exam's group is what was studied,
// not part of the exam's name; the training listed after the degrees is
// a certificate.
func TestBioDataFormBlocks(t *testing.T) {
	text := "CURRICULUM VITAE\nName\t:\tMd. Shahidul Haque\nMobile\t:\t+880 1819-555201\n\n" +
		"Employment History\nCompany Name\t:\tPadma Denim Mills Ltd.\nDesignation\t:\tQuality Executive\n" +
		"Duration\t:\t10 January 2020 to Continue\nLocation\t:\tNarayanganj\n\n" +
		"Academic Qualification\nExam Title\t:\tBachelor of Science in Textile Engineering\nInstitute\t:\tBangladesh University of Textiles\n" +
		"Passing Year\t:\t2019\nExam Title\t:\tHigher Secondary Certificate (HSC)\nGroup\t:\tScience\n" +
		"Institute\t:\tNotre Dame College\nPassing Year\t:\t2014\n\n" +
		"Training Summary\nTraining Title\t:\tLean Manufacturing Basics\nInstitute\t:\tBangladesh Knitwear Institute\nYear\t:\t2021\n"
	c := ParseText(text)
	if len(c.Experience) != 1 {
		t.Errorf("experience = %+v, want one job", c.Experience)
	} else if n, _ := NormalizeDate(c.Experience[0].EndDate); n != "present" {
		t.Errorf("end = %q, want the present", c.Experience[0].EndDate)
	}
	var degrees []string
	for _, e := range c.Education {
		degrees = append(degrees, e.Degree)
	}
	if !slices.Contains(degrees, "Higher Secondary Certificate (HSC)") {
		t.Errorf("degrees = %q, want the HSC without its group", degrees)
	}
	if slices.Contains(degrees, "Lean Manufacturing Basics") || len(c.Certifications) != 1 ||
		c.Certifications[0].Title != "Lean Manufacturing Basics" || c.Certifications[0].Date != "2021" {
		t.Errorf("degrees = %q, certifications = %+v: the training is a certificate", degrees, c.Certifications)
	}
}

// "Languages spoken" on a numbered form row lists spoken languages.
func TestLanguagesSpokenRow(t *testing.T) {
	text := "APPLICATION FOR EMPLOYMENT\nSECTION A: PERSONAL DETAILS\n1.\tSurname\tWEKESA\n2.\tOther names\tJohn Barasa\n" +
		"3.\tMobile number\t0711 555 020\n4.\tLanguages spoken\tEnglish, Kiswahili, Luhya\n" +
		"SECTION B: EMPLOYMENT HISTORY\n"
	c := ParseText(text)
	for _, l := range []string{"English", "Kiswahili", "Luhya"} {
		if !slices.Contains(c.Skills.Languages, l) {
			t.Errorf("languages = %q, want %q", c.Skills.Languages, l)
		}
	}
}
