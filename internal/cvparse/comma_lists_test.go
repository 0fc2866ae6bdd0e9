package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A comma list written as one item of a list set apart by bullets ends
// with its last two items joined by "and", as a comma list does; two
// activities in lower case stay one skill.
func TestCommaListInsideBulletList(t *testing.T) {
	c := ParseText("Jane Roe\njane@example.com\n\nSKILLS\n• Payroll and benefits\t• Microsoft Word, Outlook and Teams\n• Costing, budgeting and forecasting\t• Zoom\n")
	want := []string{"Costing", "Microsoft Word", "Outlook", "Payroll and benefits", "Teams", "Zoom", "budgeting and forecasting"}
	if diff := cmp.Diff(want, allSkills(c.Skills)); diff != "" {
		t.Errorf("skills (-want +got):\n%s", diff)
	}
}
