package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A student teacher's placement written as a job's title ("Teaching
// Practice, <school>, <town>") is the title: its "School" or "Teaching"
// names no school, and the school after it is the employer.
func TestPlacementTitles(t *testing.T) {
	for _, title := range []string{"School Practice", "Teaching Practice", "Teaching Practicum"} {
		t.Run(title, func(t *testing.T) {
			got := ParseText("Jane Roe\njane@example.com\n\nWork Experience\n" +
				"Mar 2018 — To date: Teacher of Biology, Hillcrest High School, Mbale\n• Teach Biology to S.3.\n" +
				"Jan 2017 — Apr 2017: " + title + ", Kigulu Senior Secondary School, Iganga\n\nSkills\nExcel, GeoGebra\n")
			var jobs []string
			for _, x := range got.Experience {
				jobs = append(jobs, x.Title+" | "+x.Company+" | "+x.Location)
			}
			want := []string{"Teacher of Biology | Hillcrest High School | Mbale", title + " | Kigulu Senior Secondary School | Iganga"}
			if diff := cmp.Diff(want, jobs); diff != "" {
				t.Errorf("experience (-want +got):\n%s", diff)
			}
		})
	}
}
