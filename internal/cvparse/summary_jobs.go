package cvparse

import "strings"

// maxSummaryJobLines bounds how far under a summary's heading we look
// for the jobs it may hold: enough for two or three jobs with bullets.
const maxSummaryJobLines = 40

// summaryHoldsJobs says whether the section under a summary's heading
// (lines[i], "Career Summary", "Professional Profile") is a run of jobs,
// as South Asian CVs set their career: two lines or more, short ones,
// each with a date range of its own ("Duration: March 2018 to Till
// date", "2013 – 2018"), among lines naming jobs and employers. A
// summary paragraph telling years ("10 years in retail since 2014",
// "from 2010 to 2015 I led …") dates its sentences, no entries: it stays
// the summary, and so does one that opens with its paragraph before the
// jobs' own heading, whatever words that heading has ("Where I've been").
func summaryHoldsJobs(lines []line, i int, body float64) bool {
	block := sectionBlock(lines, i, body)
	if k, ok := contentKind(block); !ok || k != secExperience {
		return false
	}
	units := toUnits(block)
	if !units[0].bullet && isLong(units[0].text) {
		return false
	}
	ranged := 0
	for _, u := range units {
		if u.bullet || isLong(u.text) {
			continue
		}
		if dr, ok := findDateRange(u.text); ok && dr.end != "" && !sinceInSentence(u.text, dr) {
			ranged++
		}
	}
	return ranged >= 2
}

// sectionBlock is the lines under lines[i] up to the next heading, one
// we have a word for or one shaped as a heading, at most
// maxSummaryJobLines of them. A job's title set apart ("2. Assistant
// Planner" after a blank line) heads an entry, not a section.
func sectionBlock(lines []line, i int, body float64) []line {
	end := i + 1
	for end < len(lines) && end-i <= maxSummaryJobLines {
		l := lines[end]
		if _, ok := headingKind(l.text); ok || end > i+1 && headingShaped(l, body) && !namesJob(l.text) {
			break
		}
		end++
	}
	return lines[i+1 : end]
}

// namesJob says whether t names a job in more than one word ("Assistant
// Planner"), as a job's title set apart does and a heading does not.
func namesJob(t string) bool { return titleScore(t) > 0 && len(strings.Fields(t)) > 1 }
