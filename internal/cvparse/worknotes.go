package cvparse

import (
	"regexp"
	"strings"
)

var (
	// reWorkRate is a bracket after a job's title that gives only the
	// share of full time it was held at ("Assistante de direction (80 %)",
	// "Pflegefachfrau (Pensum 60%)", "Lab Technician (0.6 FTE)",
	// "(part-time, 50%)"): Swiss, German and Dutch CVs write it so. It is
	// how the job was held, not its name.
	reWorkRate = regexp.MustCompile(`(?i)\s*\(\s*((?:(?:taux(?: d['’]activité)?|pensum|arbeitspensum|temps partiel|part[- ]time|teilzeit|vollzeit|full[- ]time|à|a|at)\s*:?\s*,?\s*)?(?:\d{1,3}(?:[.,]\d+)?\s*%|0?[.,]\d+\s*(?:fte|etp))(?:\s*(?:fte|etp))?)\s*\)\s*$`)
	// reAgencyNote is a bracket after an employer naming the agency the
	// job was placed through ("Anglo-Eastern Ship Management (via
	// Magsaysay Maritime Corp.)", "(through Adecco)", "(par le biais de
	// Randstad)"): seafarers' manning agents, temps' agencies. The
	// employer is the name before it.
	reAgencyNote = regexp.MustCompile(`(?i)\s*\(\s*((?:via|through|thru|placed by|contracted (?:via|through|by)|par l['’]interm[ée]diaire de|par le biais de|via l['’]agence)\s+[^()]+)\)\s*$`)
)

// cutWorkRate splits the share of full time from a job's title.
func cutWorkRate(title string) (name, rate string, ok bool) {
	m := reWorkRate.FindStringSubmatchIndex(title)
	if m == nil || m[0] == 0 {
		return title, "", false
	}
	return strings.TrimSpace(title[:m[0]]), title[m[2]:m[3]], true
}

// cutAgencyNote splits the placing agency's note from an employer.
func cutAgencyNote(company string) (name, note string, ok bool) {
	m := reAgencyNote.FindStringSubmatchIndex(company)
	if m == nil || m[0] == 0 {
		return company, "", false
	}
	return strings.TrimSpace(company[:m[0]]), strings.TrimSpace(company[m[2]:m[3]]), true
}
