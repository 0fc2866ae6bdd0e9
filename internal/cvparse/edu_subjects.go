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
// from. A school heading its first qualification on a line of its own
// ("Campion College<tab>Kingston" over "CAPE<tab>2022 – 2024", then
// "CSEC<tab>June 2022") heads the qualifications after it too:
// schoolFirst says which entries open with their school's line.
func schoolOverQualifications(xs []cv.Education, schoolFirst []bool) (out []cv.Education, from []int) {
	for i := 0; i < len(xs); i++ {
		j := i + 1
		for j < len(xs) && degreeOnly(xs[j]) {
			j++
		}
		headed := xs[i].Degree != "" && xs[i].Institution != "" && schoolFirst[i]
		if !schoolOnly(xs[i]) && !headed || j == i+1 {
			out, from = append(out, xs[i]), append(from, i)
			continue
		}
		if headed {
			out, from = append(out, xs[i]), append(from, i)
		}
		for k, x := range xs[i+1 : j] {
			x.Institution, x.Location = xs[i].Institution, xs[i].Location
			if x.EndDate == "" && !headed {
				x.StartDate, x.EndDate = xs[i].StartDate, xs[i].EndDate
			}
			out, from = append(out, x), append(from, i+1+k)
		}
		i = j - 1
	}
	return out, from
}

// schoolHeads: the entry opens with its school on a line of its own, no
// degree nor date on it.
func schoolHeads(e entry, x cv.Education) bool {
	if len(e.head) < 2 || x.Institution == "" {
		return false
	}
	t := e.head[0].text
	return !e.head[0].dated && strings.Contains(t, x.Institution) && degreeScore(t) == 0
}
