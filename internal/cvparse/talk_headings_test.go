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
