package cvparse

import (
	"slices"
	"testing"
)

// A speaker's talks and articles under one heading ("Speaking & Writing",
// "Speaking and writing") are no skills, though the heading follows the
// skills' last line with no gap and its lines are lists of names.
func TestSpeakingAndWritingHeading(t *testing.T) {
	for _, heading := range []string{"SPEAKING & WRITING", "Speaking and writing"} {
		got := ParseText("Jane Roe\njane@example.com\n\nExperience\nHead of Data, Acme Ltd\t2019 – 2024\n\nSkills\nPython, SQL\n" +
			heading + "\n“Dashboards nobody reads”, PyData Leeds, 2023\n“Why our forecasts drifted”, Company blog, Acme Ltd, 2022\n")
		if skills := allSkills(got.Skills); !slices.Equal(skills, []string{"Python", "SQL"}) {
			t.Errorf("%s: skills %q, want only Python and SQL", heading, skills)
		}
	}
}

// A caption of phrases set apart by a middle dot ("CUSTOMER EXPERIENCE ·
// RETAIL", under a photo) is a tagline, no heading, though one of its
// words names a section.
func TestMiddleDotCaptionIsNoHeading(t *testing.T) {
	got := ParseText("Jane Roe\n\nCUSTOMER EXPERIENCE · RETAIL\nOPERATIONS\n\nCONTACT\njane@example.com\n\n" +
		"WORK EXPERIENCE\nStore Manager\nAcme Retail, Leeds\n2019 – 2024\n")
	for _, x := range got.Experience {
		if x.Title != "Store Manager" {
			t.Errorf("experience titled %q, want only the store manager's job", x.Title)
		}
	}
}
