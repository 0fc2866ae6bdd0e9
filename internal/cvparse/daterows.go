package cvparse

import (
	"regexp"
	"strings"
)

var (
	// reStartRow and reEndRow are a form's rows that give an entry's
	// dates apart ("From: March 2015" / "To: June 2017", "Sign On: 12 Feb
	// 2023" / "Sign Off: 28 Nov 2023", "Date de début : 09/2018" / "Date
	// de fin : 06/2020"): online application forms, seafarers' records.
	reStartRow = regexp.MustCompile(`(?i)^\s*(?:from|start(?:ing)?(?:\s+date)?|date\s+(?:started|of\s+joining|joined)|joined|sign(?:ed)?[\s-]*on(?:\s+date)?|du|date\s+de\s+d[ée]but|d[ée]but|entr[ée]e)\s*[:：]\s*(.+)$`)
	reEndRow   = regexp.MustCompile(`(?i)^\s*(?:to|till|until|end(?:\s+date)?|date\s+(?:ended|left|of\s+leaving)|left|sign(?:ed)?[\s-]*off(?:\s+date)?|au|jusqu['’]au|date\s+de\s+fin|fin|sortie)\s*[:：]\s*(.+)$`)
)

// joinDateRows joins a form's start-date row and the end-date row right
// under it into one row of the entry's dates ("Dates: March 2015 – June
// 2017"): apart, the end row reads as a second entry.
func joinDateRows(lines []line) []line {
	out := make([]line, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if i+1 < len(lines) && !lines[i+1].gapBefore {
			s := reStartRow.FindStringSubmatch(l.text)
			e := reEndRow.FindStringSubmatch(lines[i+1].text)
			if s != nil && e != nil && onlyDates(s[1]) && (onlyDates(e[1]) || rePres.MatchString(strings.TrimSpace(e[1]))) {
				l.text = "Dates: " + strings.TrimSpace(s[1]) + " – " + strings.TrimSpace(e[1])
				i++
			}
		}
		out = append(out, l)
	}
	return out
}
