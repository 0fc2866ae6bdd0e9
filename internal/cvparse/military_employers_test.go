package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// An army, a navy or a nation's forces on the line under a service's
// title are the employer: the title keeps the part before its dash
// ("National Service – Signals Operator"), and no place is read from the
// forces' name.
func TestMilitaryEmployerLine(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       oneJob
	}{
		{"en", "Wei Tan\nwei@example.com\n\nEXPERIENCE\nNational Service – Signals Operator (CPL)\tJan 2014 – Dec 2015\nKestrel Armed Forces\n" +
			"• Ran the battalion's radio net on exercises.\n\nSKILLS\nExcel\n",
			oneJob{"National Service – Signals Operator (CPL)", "Kestrel Armed Forces", ""}},
		{"fr", "Paul Martin\npaul@exemple.fr\n\nEXPÉRIENCE\nService militaire – Opérateur radio\t2014 – 2015\nArmée de terre\n" +
			"• Transmissions du régiment en exercice.\n\nCOMPÉTENCES\nExcel\n",
			oneJob{"Service militaire – Opérateur radio", "Armée de terre", ""}},
	} {
		checkOneJob(t, tc.name, tc.text, tc.want)
	}
}

// oneJob is the title, employer and place of a CV's one job.
type oneJob struct{ Title, Company, Location string }

// checkOneJob parses text, a CV with one job, and compares that job.
func checkOneJob(t *testing.T, name, text string, want oneJob) {
	t.Helper()
	c := ParseText(text)
	if len(c.Experience) != 1 {
		t.Fatalf("%s: got %d jobs: %+v", name, len(c.Experience), c.Experience)
	}
	x := c.Experience[0]
	if diff := cmp.Diff(want, oneJob{x.Title, x.Company, x.Location}); diff != "" {
		t.Errorf("%s: job (-want +got):\n%s", name, diff)
	}
}
