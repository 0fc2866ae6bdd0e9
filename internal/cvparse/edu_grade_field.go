package cvparse

import (
	"regexp"
	"strings"
)

// gradeField reads moderncv's school-first entry: the school and its town
// on one line ("Kestrel University<tab>Bristol, UK"), the degree and its
// dates on the next, the grade field printed after the degree's comma
// ("MSc Soil Science, Merit<tab>2015–2016", "BEng Mining, Second Class
// Honours, CWA 71.2<tab>2010–2014"). The grade is that field's, honours
// class included, so it goes to gpa; head comes back with the degree's
// line without it.
func gradeField(head []unit) (gpa string, out []unit, ok bool) {
	for i := 1; i < len(head); i++ {
		top := cellsOf(head[i-1].text)
		if len(top) != 2 || institutionScore(top[0]) == 0 || degreeScore(top[0]) > 0 || !isLocation(top[1]) {
			continue
		}
		cells := cellsOf(head[i].text)
		if len(cells) != 2 || hasDate(cells[0]) || !onlyDates(cells[1]) {
			continue
		}
		segs := strings.Split(cells[0], ", ")
		for k := 1; k < len(segs); k++ {
			if !gradeFieldPart(segs[k]) {
				continue
			}
			// "…, Grade: Very Good" says it is a grade itself; the
			// line is read as any other.
			if reGradeLabel.MatchString(segs[k]) {
				break
			}
			all := true
			for _, s := range segs[k+1:] {
				all = all && gradeFieldPart(s)
			}
			degree := strings.Join(segs[:k], ", ")
			if !all || isLocation(degree) || strings.Count(degree, "(") != strings.Count(degree, ")") {
				break
			}
			out = append([]unit(nil), head...)
			out[i].text = degree + "\t" + cells[1]
			return strings.Join(segs[k:], ", "), out, true
		}
	}
	return "", head, false
}

// gradeFieldPart: a part that says how a degree went: a class, a mark,
// or a mark under its own name ("CWA 78.4", "Aggregate 9", "Entrance
// score 640/750").
func gradeFieldPart(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && (classification(s) || honoursClass(s) || gradeStart(s) || reScorePart.MatchString(s) || reNamedMark.MatchString(s))
}

var reNamedMark = regexp.MustCompile(`(?i)^(?:\p{L}+\s+){0,2}(?:aggregate|score|cwa|wam|average|marks?)\s*[:：]?\s*\d{1,3}(?:[.,]\d{1,2})?(?:\s*/\s*\d{1,4}(?:[.,]\d{1,2})?)?$`)
