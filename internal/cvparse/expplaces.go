package cvparse

import (
	"regexp"
	"strings"
)

// reMultiSite is where a job that moved from site to site took place
// ("Various sites", "Multiple client locations", "Divers chantiers"),
// with the regions it covered after a comma ("Various sites, AB/SK").
var reMultiSite = regexp.MustCompile(`(?i)^(?:various|multiple|several|numerous|divers|diverses|plusieurs|multiples)\s+(?:client\s+|job\s+|work\s+)?(?:sites?|locations?|projects|branches|stores|chantiers|lieux|agences|magasins)(?:\s*,\s*(.+))?$`)

// multiSite says whether s names the sites of such a job: the phrase,
// and any regions after it places or state codes, one or several set
// apart by slashes ("AB/SK", "Lyon / Grenoble").
func multiSite(s string) bool {
	m := reMultiSite.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return false
	}
	if m[1] == "" {
		return true
	}
	for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == '/' || r == ',' || r == '&' }) {
		if p = strings.TrimSpace(p); !isLocation(p) && !reStateCode.MatchString(p) {
			return false
		}
	}
	return true
}
