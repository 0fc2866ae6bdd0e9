package cvparse

import (
	"regexp"
	"strconv"
	"strings"
)

// reExchangeAt opens a line that tells of a stay abroad during a degree
// as a phrase ("Exchange semester at Université Laval", "Semestre
// d'échange à l'Université de Montréal", "Erasmus year in Bologna",
// "Session d'études à l'Universidad de Salamanca", "Séjour d'études d'un
// trimestre à …", "Erasmus+ semester at …"): the school follows a preposition, where an entry of
// its own sets it apart ("Exchange semester – Universidade do Porto").
var reExchangeAt = regexp.MustCompile(`(?i)^(?:erasmus\+?\s+)?(?:(?:exchange|study[- ]abroad|erasmus\+?)\s+(?:semester|year|term|programme|program|stay)|` +
	`(?:semestre|année|séjour|stage|session|trimestre)\s+(?:d['’]échange|d['’]études|erasmus|à l['’]étranger)(?:\s+d['’]une?\s+\p{L}+)?)\s+(?:at|in|with|à|au|en)\s`)

var reYearWord = regexp.MustCompile(`\b(?:19|20)\d{2}\b`)

// reNoteSep sets apart notes written on one line ("Final grade 8.7/10 ·
// Erasmus semester at KTH (2021)").
var reNoteSep = regexp.MustCompile(`\s+[·|•;]\s+`)

// foldExchanges gives an exchange told as a phrase under a degree to that
// degree's description: a line "Exchange semester at …, autumn 2015"
// whose years fall within the degree's above it is a note on that
// degree, not an entry of its own; so is a grade that shares its line.
func foldExchanges(es []entry) []entry {
	var out []entry
	for _, e := range es {
		if n := len(out); n > 0 && len(e.head) > 0 && within(e, out[n-1]) {
			if notes, ok := exchangeNotes(e.head[0]); ok {
				out[n-1].body = append(append(append(out[n-1].body, notes...), e.head[1:]...), e.body...)
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

// exchangeNotes cuts a line into its notes when one tells of an exchange
// as a phrase and the others give a grade; ok is false for any other line.
func exchangeNotes(u unit) (notes []unit, ok bool) {
	exchange := false
	for _, t := range reNoteSep.Split(strings.TrimSpace(u.text), -1) {
		switch {
		case reExchangeAt.MatchString(t):
			exchange = true
		case !gradeLine(t) && !reGPA.MatchString(t):
			return nil, false
		}
		n := u
		n.text, n.dated = t, hasDate(t)
		notes = append(notes, n)
	}
	return notes, exchange
}

// degreeYears is how long a degree dated by one year may have run.
const degreeYears = 3

// within says whether every year e names falls within the first date
// range of prev's header (an open range runs on).
func within(e, prev entry) bool {
	var dr dateRange
	found := false
	for _, u := range prev.head {
		if dr, found = findDateRange(u.text); found {
			break
		}
	}
	if !found {
		return false
	}
	first, _ := NormalizeDate(dr.start)
	last, _ := NormalizeDate(dr.end)
	from, _ := strconv.Atoi(first[:min(4, len(first))])
	to, _ := strconv.Atoi(last[:min(4, len(last))])
	switch {
	case last == "present":
		to = 9999
	case dr.end == "":
		// A degree dated by the year it was obtained ("Certificat en
		// espagnol, 2008") ran over the years before it.
		to, from = from, from-degreeYears
	}
	years := 0
	for _, u := range append(append([]unit{}, e.head...), e.body...) {
		for _, y := range reYearWord.FindAllString(u.text, -1) {
			n, _ := strconv.Atoi(y)
			if n < from || n > to {
				return false
			}
			years++
		}
	}
	return years > 0 && from > 0
}

// reClassification opens a degree's class or mention, the words that say
// how it was awarded ("mention Assez bien", "magna cum laude", "with
// distinction", "First Class Honours", "2:1"), as against a mark or a
// grade point average.
var reClassification = regexp.MustCompile(`(?i)^(?:mention\b|with (?:honou?rs|distinction|merit|high|first)|(?:summa |magna )?cum laude\b|` +
	`distinction\b|merit\b|major de promotion|first[- ]class|second[- ]class|third[- ]class|(?:upper|lower) second\b|2[:.][12]\b|honou?rs\b)`)

// classification: a short part that only says how a degree was awarded;
// written after the degree in its phrase, it is part of the degree's name.
func classification(t string) bool {
	t = strings.TrimSpace(t)
	return (reClassification.MatchString(t) || honoursClass(t)) && len(strings.Fields(t)) <= 6 && !hasDate(t)
}

// lastSegment is s after its last comma.
func lastSegment(s string) string {
	return strings.TrimSpace(s[strings.LastIndex(s, ",")+1:])
}

// reEngineeringDegree is the engineer's degree written with the letters
// of common words ("BE Mechanical Engineering", "M.E. Structures"): in
// capitals at the start of a phrase only.
var reEngineeringDegree = regexp.MustCompile(`^(?:BE|B\.E\.?|M\.E\.?)(?:\s|$)`)

// degreePhrase: a phrase that names a degree.
func degreePhrase(t string) bool {
	return degreeScore(t) > 0 || reEngineeringDegree.MatchString(strings.TrimSpace(t))
}

// reStatusNote is a note on a degree's progress written as a phrase of
// its own ("in progress", "expected 2027", "en cours").
var reStatusNote = regexp.MustCompile(`(?i)^(?:in progress|ongoing|underway|pending|(?:expected|anticipated|graduating)(?: in)? (?:\p{L}+\.? )?(?:19|20)\d{2}|` +
	`en cours|à venir|(?:prévue?|obtention) (?:en )?(?:\p{L}+\.? )?(?:19|20)\d{2})$`)

// markNamedTown gives the location role to a town set after a dash that
// the school before it names ("Lycée agricole de Dardilly — Dardilly"):
// a word of the school's name repeated apart is where it stands, even a
// town no list knows. So is a town's name in a field of its own after
// the school ("University of Lagos | Akoka").
func markNamedTown(parts []part) {
	for i := 1; i < len(parts); i++ {
		p, prev := parts[i], parts[i-1]
		if p.role != "" || prev.line != p.line || !townShaped(p.text) || institutionScore(prev.text) == 0 {
			continue
		}
		if dashSep(p.sep) && strings.Contains(" "+prev.text+" ", " "+p.text+" ") || strings.TrimSpace(p.sep) == "|" {
			parts[i].role = "location"
		}
	}
}

// classLine: a line that only gives a degree's class or mention ("First
// Class Honours", "Mention Très bien", "with distinction"); "Honours"
// opening a line may name the degree itself ("Honours in Economics").
func classLine(t string) bool {
	return classification(t) && !reHonours.MatchString(strings.Fields(t)[0]) && !degreeBeforeClass(t)
}

// degreeBeforeClass: the class closes a degree's name in brackets ("BSc.
// Mechanical Engineering (First Class Honours)"): the line names the
// degree, the class with it.
func degreeBeforeClass(t string) bool {
	m := reParenTail.FindStringSubmatch(strings.TrimSpace(t))
	return m != nil && degreeScore(m[1]) > 0 && classification(m[2])
}

// gradeNote reads a line that gives a degree's grade ("GPA: 3.6/4",
// "Final grade: 5.0 (very good) · Thesis: …", "Weighted average: 74%
// (2023)"): the grade, and the notes set apart after it on the line,
// which are the degree's description.
func gradeNote(t string) (gpa, rest string, ok bool) {
	m := reGPA.FindStringSubmatch(t)
	if m == nil || mentionDegree(t) {
		return "", "", false
	}
	gpa = strings.TrimSpace(m[1])
	if at := reNoteSep.FindStringIndex(gpa); at != nil {
		gpa, rest = strings.TrimSpace(gpa[:at[0]]), strings.TrimSpace(gpa[at[1]:])
	}
	// "74% (2023)": the year the grade was given is no part of it.
	return reYearInBrackets.ReplaceAllString(gpa, ""), rest, true
}

var reYearInBrackets = regexp.MustCompile(`\s*\((?:19|20)\d{2}\)$`)

// reGraduatedWith opens a phrase that tells the class a degree was
// awarded with ("Graduated with First Class Honours", "Awarded with
// Distinction", "Obtained with mention Bien").
var reGraduatedWith = regexp.MustCompile(`(?i)^(?:graduated|awarded|passed|completed|obtained|obtenue?)\s+(?:with|avec)\s+`)

// graduatedClass reads such a phrase: the class, without its verb.
func graduatedClass(t string) (string, bool) {
	t = strings.TrimSpace(t)
	m := reGraduatedWith.FindString(t)
	if m == "" {
		return "", false
	}
	// "Graduated with distinction, ranked 3rd of 612": a class with
	// more told after it is a note, not a grade.
	class := t[len(m):]
	if strings.ContainsAny(class, ",;") || !classification(class) && !classification("with "+class) {
		return "", false
	}
	return class, true
}

// reMentionDegree is the French vocational degree "Mention
// complémentaire" ("MC Pâtisserie boulangère"): a degree's name, though
// it opens with the word a grade opens with ("Mention Bien").
var reMentionDegree = regexp.MustCompile(`(?i)^\s*mention\s+compl[ée]mentaire\b`)

// mentionDegree: t names the degree "Mention complémentaire", no grade.
func mentionDegree(t string) bool { return reMentionDegree.MatchString(t) }
