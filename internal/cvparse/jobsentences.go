package cvparse

import (
	"regexp"
	"strings"
)

// reJobSentence reads a job told as one sentence, as South Asian CVs list
// their career ("Working as Senior Analyst in Kestrel Systems Pvt. Ltd.,
// Pune from Jan 2021 to till date.", "Worked as Accountant at Harbour
// Traders, Chennai from 2016 to 2019."; in French "Travaille en tant que
// comptable chez …, depuis mars 2020."): the title after "as", the
// employer (and its town) after "in", "at" or "with", the dates after
// "from" or "since".
var reJobSentence = regexp.MustCompile(`(?i)^(?:(?:i\s+)?(?:am|was|have\s+been|had\s+been)\s+)?(?:currently\s+|presently\s+)?` +
	`(?:working|worked|employed|serving|served|travaille|a\s+travaillé|ai\s+travaillé)\s+` +
	`(?:as\s+(?:an?\s+)?|comme\s+|en\s+tant\s+que\s+)(.+?)\s+(?:in|at|with|for|chez|à|au\s+sein\s+de)\s+(.+?),?\s+` +
	`((?:from|since|de|du|depuis)\s+.+?)\.?$`)

// reJobSentenceOpen is how such a sentence opens: a line opening so
// starts the next job, whatever the lines before it wrapped.
var reJobSentenceOpen = regexp.MustCompile(`(?i)^(?:(?:i\s+)?(?:am|was|have\s+been|had\s+been)\s+)?(?:currently\s+|presently\s+)?` +
	`(?:working|worked|employed|serving|served|travaille|a\s+travaillé|ai\s+travaillé)\s+(?:as|comme|en\s+tant\s+que)\s`)

// jobSentences rewrites each job told as a sentence, its wrapped lines
// joined, into the lines of an entry: the title beside its dates, then
// the employer. Other lines stay as they are.
func jobSentences(lines []line) []line {
	out := make([]line, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if !reJobSentenceOpen.MatchString(strings.TrimSpace(l.text)) {
			out = append(out, l)
			continue
		}
		t, j := strings.TrimSpace(l.text), i+1
		for ; j < len(lines) && !lines[j].heading && !reJobSentenceOpen.MatchString(strings.TrimSpace(lines[j].text)) &&
			!strings.HasSuffix(t, "."); j++ {
			if lines[j].bullet && !l.bullet {
				break
			}
			t = joinWrapped(t, strings.TrimSpace(lines[j].text))
		}
		m := reJobSentence.FindStringSubmatch(t)
		if m == nil {
			out = append(out, l)
			continue
		}
		if _, ok := findDateRange(m[3]); !ok {
			out = append(out, l)
			continue
		}
		head, org := l, l
		head.text, head.bullet, head.setIn = m[1]+"\t"+m[3], false, false
		org.text, org.bullet, org.setIn, org.gapBefore = strings.TrimSpace(m[2]), false, false, false
		out = append(out, head, org)
		i = j - 1
	}
	return out
}
