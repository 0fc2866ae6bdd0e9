package cvparse

import (
	"regexp"
	"slices"
	"strings"
)

// reTradeTest is the national trade test that qualifies an artisan after
// an apprenticeship ("Trade Test: Electrician", "Government Trade Test
// Grade I", "Boilermaker Trade Test"), as South African, Kenyan, Nigerian
// or Zambian CVs list it among their qualifications: a vocational
// qualification, which an education section keeps.
var reTradeTest = regexp.MustCompile(`(?i)\btrade[\s-]+test(?:ed|ing)?\b`)

// joinTradeTest keeps a trade test's line whole as the qualification's
// name ("Trade Test: Electrician – Red Seal", "Trade Test – Fitter –
// Section 28"): what follows its dashes names the trade tested and its
// endorsement, while the centre that tested stands on a line of its own
// below. A school or a place after a dash stays apart, and so does all
// the line when no line follows it.
func joinTradeTest(parts []part) []part {
	for i := 1; i < len(parts); {
		p, prev := parts[i], parts[i-1]
		if p.line != prev.line || !dashSep(p.sep) || p.role != "" || prev.role != "" || !reTradeTest.MatchString(prev.text) ||
			institutionScore(p.text) > 0 || isLocation(p.text) || !slices.ContainsFunc(parts, func(o part) bool { return o.line > p.line }) {
			i++
			continue
		}
		parts[i-1].text = strings.TrimSpace(prev.text) + " " + strings.TrimSpace(p.sep) + " " + strings.TrimSpace(p.text)
		parts = slices.Delete(parts, i, i+1)
	}
	return parts
}
