package cvparse

import (
	"regexp"
	"strings"

	"github.com/utopiahire/utopiahire/internal/cv"
)

// reSubjectGrades is a school-leaving qualification, its year in
// brackets, then a colon and the subjects taken, with or without their
// grades ("A levels (2006): Chemistry A, Biology A", "GCSEs (2004): 9 at
// grades A–C, including English"): the year closes the qualification's
// name, what the colon brings in is a note on it, not its name nor a
// school. Without the year ("A-levels: History (A), French (B)") the
// subjects stay in the name, as the sets write it.
var reSubjectGrades = regexp.MustCompile(`(?i)^((?:(?:A|AS|O)[- ]?levels?|I?GCSEs?|(?:Advanced\s+)?Highers|Standard\s+Grades?|` +
	`Leaving\s+Cert(?:ificate)?|WASSCE|SSCE|KCSE|CSEC|CAPE|UCE|UACE|NSC|Matric)\s*\((?:19|20)\d{2}\))\s*:\s*(\S.*[,;].*)$`)

// cutSubjectGrades splits such a line into the qualification and its
// subjects.
func cutSubjectGrades(t string) (qual, subjects string, ok bool) {
	m := reSubjectGrades.FindStringSubmatch(strings.TrimSpace(t))
	if m == nil {
		return t, "", false
	}
	return m[1], m[2], true
}

// schoolOverQualifications gives a school written on a line of its own,
// its town and years beside it, to the qualifications listed under it
// each on its own dated line ("King Edward VII School, Sheffield
// 1999 – 2006" over "A levels (2006): …" and "GCSEs (2004): …"): one
// entry per qualification, dated by its own year, the school's years
// only where it has none. from says which entry of xs each one comes
// from.
func schoolOverQualifications(xs []cv.Education) (out []cv.Education, from []int) {
	for i := 0; i < len(xs); i++ {
		j := i + 1
		for j < len(xs) && degreeOnly(xs[j]) {
			j++
		}
		if !schoolOnly(xs[i]) || j == i+1 {
			out, from = append(out, xs[i]), append(from, i)
			continue
		}
		for k, x := range xs[i+1 : j] {
			x.Institution, x.Location = xs[i].Institution, xs[i].Location
			if x.EndDate == "" {
				x.StartDate, x.EndDate = xs[i].StartDate, xs[i].EndDate
			}
			out, from = append(out, x), append(from, i+1+k)
		}
		i = j - 1
	}
	return out, from
}
