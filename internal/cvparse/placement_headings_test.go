package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A student's placement at an employer, under a heading that says
// "Training" or names the placement, is a job, not a degree.
func TestPlacementHeadings(t *testing.T) {
	for _, heading := range []string{"ON-THE-JOB TRAINING", "OJT", "Industrial Training", "Internship", "Practicum"} {
		t.Run(heading, func(t *testing.T) {
			got := ParseText("Jane Roe\njane@example.com\n\nEducation\nBSc Electrical Engineering\t2016 – 2020\n" +
				"Harbourview University\n\n" + heading + "\nTrainee Technician\tMay 2019 – Aug 2019\nNorthgate Power Ltd, Cebu City\n" +
				"  Helped the maintenance team inspect the substation.\n\nSkills\nExcel, AutoCAD\n")
			want := []eduWant{{"BSc Electrical Engineering", "Harbourview University", "", "2016", "2020"}}
			if diff := cmp.Diff(want, edusOf(got)); diff != "" {
				t.Errorf("education (-want +got):\n%s", diff)
			}
			var jobs []string
			for _, x := range got.Experience {
				jobs = append(jobs, x.Title+" | "+x.Company)
			}
			if diff := cmp.Diff([]string{"Trainee Technician | Northgate Power Ltd"}, jobs); diff != "" {
				t.Errorf("experience (-want +got):\n%s", diff)
			}
		})
	}
}
