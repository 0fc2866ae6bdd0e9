package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A row giving each language its level after a spaced dash, with
// nothing between the pairs, is cut before each language; a language of
// two words is cut before its first, and pairs already set apart stay.
func TestLanguagePairsAfterDashes(t *testing.T) {
	tests := []struct {
		name, row string
		want      []string
	}{
		{"dashes", "English — Fluent Swahili — Basic", []string{"English — Fluent", "Swahili — Basic"}},
		{"two-word language", "French – Native Scottish Gaelic – Basic", []string{"French – Native", "Scottish Gaelic – Basic"}},
		{"set apart", "English – native; Scottish Gaelic – basic", []string{"English – native", "Scottish Gaelic – basic"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ParseText("Jane Roe\njane@example.com\n\nSkills\nExcel\n\nLANGUAGES\n" + tt.row + "\n")
			if diff := cmp.Diff(tt.want, c.Skills.Languages); diff != "" {
				t.Errorf("languages (-want +got):\n%s", diff)
			}
		})
	}
}
