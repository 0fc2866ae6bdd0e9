package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A job's "Achievements:" under its "Key Responsibilities:" heads part of
// that job, not an Awards section swallowing the jobs after it; the same
// word in capitals after Experience still opens its own section.
func TestJobBodyLabels(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		titles []string
		awards int
	}{
		{"label inside a job", "Maria Lindqvist\nWORK HISTORY\nStore Manager\nNordhem Retail AB, Uppsala | March 2018 – Till Date\n" +
			"Key Responsibilities:\n• Lead a team of twelve sales staff.\nAchievements:\n• Raised store turnover by 14% in one year.\n" +
			"Assistant Manager\nBalta Furniture, Västerås | June 2014 – February 2018\n• Ran weekly stock counts.\n",
			[]string{"Store Manager", "Assistant Manager"}, 0},
		{"a section in capitals", "Maria Lindqvist\nWORK HISTORY\nStore Manager\nNordhem Retail AB, Uppsala | March 2018 – Till Date\n" +
			"• Lead a team of twelve sales staff.\n\nACHIEVEMENTS:\n• Regional Manager of the Year, 2021\n",
			[]string{"Store Manager"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ParseText(tt.text)
			var titles []string
			for _, x := range c.Experience {
				titles = append(titles, x.Title)
			}
			if d := cmp.Diff(tt.titles, titles); d != "" {
				t.Errorf("job titles (-want +got):\n%s", d)
			}
			if len(c.Awards) != tt.awards {
				t.Errorf("awards = %+v, want %d", c.Awards, tt.awards)
			}
		})
	}
}
