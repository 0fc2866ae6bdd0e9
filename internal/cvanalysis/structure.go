package cvanalysis

import (
	"fmt"
	"net/mail"
	"regexp"
	"strings"
	"unicode"

	"github.com/utopiahire/utopiahire/internal/cv"
)

// reviewSummary rewrites the summary sentence by sentence (pronouns and
// buzzwords out, sentences left without substance dropped), or writes one
// from the CV's facts when there is none.
func (r *review) reviewSummary() {
	s := strings.TrimSpace(r.c.Summary)
	if s == "" {
		if gen := r.generateSummary(); gen != "" {
			r.suggest("summary", "", r.c.Summary, gen, finding{kind: IssueMissingField}, r.t.f("explain."+IssueMissingField))
		}
		return
	}
	r.summary.words = len(strings.Fields(s))
	var kept []string
	var found []finding
	for _, sentence := range splitSentences(s) {
		out, fs := r.cleanSentence(sentence)
		found = append(found, fs...)
		if out != "" {
			kept = append(kept, out)
		}
	}
	for _, f := range found {
		switch f.kind {
		case IssueFirstPerson:
			r.summary.firstPerson = true
		case IssueBuzzword:
			r.summary.buzz += len(strings.Split(f.detail, ", "))
			r.stats.buzz = appendUnique(r.stats.buzz, strings.Split(f.detail, ", ")...)
		}
	}
	improved := strings.Join(kept, " ")
	primary := primaryFinding(found)
	if primary.kind == "" || improved == "" || sameText(improved, s) {
		return
	}
	r.suggest("summary", "", r.c.Summary, improved, primary, r.t.f("explain."+primary.kind))
}

func splitSentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\n') {
			if t := strings.TrimSpace(s[start : i+1]); t != "" {
				out = append(out, t)
			}
			start = i + 1
		}
	}
	if t := strings.TrimSpace(s[start:]); t != "" {
		out = append(out, t)
	}
	return out
}

func summaryPronouns() (en, fr *regexp.Regexp) {
	return regexp.MustCompile(`^(?:I['’]m|I am|I have been|I have|I['’]ve been|I['’]ve|I)\s+(?:an?\s+)?`),
		regexp.MustCompile(`(?i)^(?:je suis|j['’]ai été|j['’]ai|je)\s+(?:une?\s+)?`)
}

// cleanSentence removes a leading pronoun and buzzwords from one summary
// sentence; it returns "" when what is left says nothing.
func (r *review) cleanSentence(s string) (string, []finding) {
	var found []finding
	en, fr := summaryPronouns()
	re := en
	if r.lang == cv.French {
		re = fr
	}
	end := ""
	if n := len(s); n > 0 && strings.ContainsRune(".!?", rune(s[n-1])) {
		end, s = s[n-1:], s[:n-1]
	}
	if m := re.FindString(s); m != "" {
		found = append(found, finding{kind: IssueFirstPerson, detail: strings.TrimSpace(m)})
		s = s[len(m):]
	}
	s, buzz := r.o.lx.removeBuzzwords(s, r.lang)
	if len(buzz) > 0 {
		found = append(found, finding{kind: IssueBuzzword, detail: strings.Join(buzz, ", ")})
	}
	s = strings.TrimSpace(s)
	words := strings.Fields(s)
	if len(words) < 3 || danglingWord(strings.ToLower(strings.Trim(words[0], ",;"))) {
		return "", found
	}
	return capitalise(s) + end, found
}

// generateSummary writes a summary from the CV's own facts: latest title,
// years of experience, main skills, current employer.
func (r *review) generateSummary() string {
	if len(r.c.Experience) == 0 {
		return ""
	}
	latest := r.c.Experience[0]
	title := strings.TrimSpace(latest.Title)
	if title == "" {
		return ""
	}
	skills := firstDistinct(3, r.c.Skills.Technical, r.c.Skills.Tools)
	in := ""
	if len(skills) > 0 {
		in = r.t.f("gen.in_skills", joinList(skills, r.t.f("and")))
	}
	var out string
	if years := r.yearsOfExperience(); years >= 1 {
		out = r.t.f("gen.summary_years", title, years, in)
	} else {
		skilled := ""
		if len(skills) > 0 {
			skilled = r.t.f("gen.skilled_in", joinList(skills, r.t.f("and")))
		}
		out = r.t.f("gen.summary_plain", title, skilled)
	}
	if company := strings.TrimSpace(latest.Company); company != "" {
		if end, ok := cv.ParseDate(latest.EndDate); ok && end.Present {
			out += r.t.f("gen.current", company)
		} else {
			out += r.t.f("gen.recent", company)
		}
	}
	return out
}

// firstDistinct returns up to n distinct non-empty strings of lists.
func firstDistinct(n int, lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		for _, s := range l {
			if s = strings.TrimSpace(s); s != "" && len(out) < n {
				out = appendUnique(out, s)
			}
		}
	}
	return out
}

func joinList(items []string, and string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + and + items[len(items)-1]
}

// yearsOfExperience counts whole years from the earliest start to the
// latest end among positions with readable dates.
func (r *review) yearsOfExperience() int {
	first, last := -1, -1
	for _, e := range r.c.Experience {
		s, e2, ok := entryDates(e.StartDate, e.EndDate)
		if !ok {
			continue
		}
		sm, em := s.Months(r.now), e2.Months(r.now)
		if first < 0 || sm < first {
			first = sm
		}
		if em > last {
			last = em
		}
	}
	if first < 0 || last < first {
		return 0
	}
	return (last - first) / 12
}

// entryDates reads an entry's dates, accepting a whole range written in the
// start field.
func entryDates(start, end string) (cv.Date, cv.Date, bool) {
	if strings.TrimSpace(end) == "" {
		if s, e, ok := cv.ParseRange(start); ok {
			return s, e, true
		}
	}
	s, ok1 := cv.ParseDate(start)
	e, ok2 := cv.ParseDate(end)
	return s, e, ok1 && ok2
}

type dateStats struct {
	unreadable int
	styles     map[string]int
}

// dateStyle classifies how a date is written: "name" (Mar 2021), "numeric"
// (03/2021, 2021-03) or "year" (2021); "" for present or unreadable.
func dateStyle(s string) string {
	d, ok := cv.ParseDate(s)
	if !ok || d.Present {
		return ""
	}
	if d.Month == 0 {
		return "year"
	}
	if strings.IndexFunc(s, unicode.IsLetter) >= 0 {
		return "name"
	}
	return "numeric"
}

// reviewDates checks each entry's dates: readable, present, in order, not
// in the future, experience most recent first, gaps, one format.
func (r *review) reviewDates() {
	r.dates.styles = map[string]int{}
	type span struct {
		label      string
		start, end int
	}
	var spans []span
	for i, e := range r.c.Experience {
		label := entryLabel(r.t.f("name.experience"), i, e.Title, e.Company)
		if s, en, ok := r.checkEntryDates(label, e.StartDate, e.EndDate); ok {
			spans = append(spans, span{label, s, en})
		}
	}
	for i, e := range r.c.Education {
		r.checkEntryDates(entryLabel(r.t.f("name.education"), i, e.Degree, e.Institution), e.StartDate, e.EndDate)
	}
	for i := 1; i < len(spans); i++ {
		if spans[i].start > spans[i-1].start {
			r.addIssue(SeverityMedium, 6, 6, "order", r.t.f("fmt.order"), r.t.f("fix.order"))
			break
		}
	}
	for i := 1; i < len(spans); i++ {
		newer, older := spans[i-1], spans[i]
		if gap := newer.start - older.end; gap > 6 && newer.start > older.start {
			r.addIssue(SeverityLow, 2, 6, "gap", r.t.f("fmt.gap", gap, older.label, newer.label), r.t.f("fix.gap"))
		}
	}
	r.reviewDateStyles()
}

func entryLabel(section string, i int, title, org string) string {
	name := strings.TrimSpace(title)
	if org = strings.TrimSpace(org); org != "" {
		if name != "" {
			name += " — "
		}
		name += org
	}
	if name == "" {
		return fmt.Sprintf("%s %d", section, i+1)
	}
	return fmt.Sprintf("%q", name)
}

// checkEntryDates records the problems of one entry's dates and returns
// them as month numbers when readable.
func (r *review) checkEntryDates(label, start, end string) (int, int, bool) {
	start, end = strings.TrimSpace(start), strings.TrimSpace(end)
	if start == "" && end == "" {
		r.addIssue(SeverityMedium, 3, 9, "no_dates", r.t.f("fmt.missing_dates", label), r.t.f("fix.dates"))
		return 0, 0, false
	}
	for _, d := range []string{start, end} {
		if st := dateStyle(d); st != "" {
			r.dates.styles[st]++
		}
	}
	s, e, ok := entryDates(start, end)
	if !ok {
		for _, d := range []string{start, end} {
			if _, readable := cv.ParseDate(d); d != "" && !readable {
				r.dates.unreadable++
				r.addIssue(SeverityMedium, 3, 12, "bad_date", r.t.f("fmt.bad_date", label, d), r.t.f("fix.dates"))
			}
		}
		return 0, 0, false
	}
	sm, em := s.Months(r.now), e.Months(r.now)
	if e.Month == 0 && !e.Present {
		em += 11 // a year alone as an end means the end of that year
	}
	if s.Present {
		sm = em
	}
	if em < sm {
		r.addIssue(SeverityHigh, 8, 16, "end_before_start", r.t.f("fmt.end_before_start", label, end, start), r.t.f("fix.dates"))
	}
	if now := r.now.Year()*12 + int(r.now.Month()) - 1; sm > now+1 {
		r.addIssue(SeverityMedium, 4, 8, "future", r.t.f("fmt.future", label, start), r.t.f("fix.dates"))
	}
	return sm, em, true
}

// reviewDateStyles flags mixed formats and proposes each minority-format
// date rewritten in the CV's main format.
func (r *review) reviewDateStyles() {
	names, nums := r.dates.styles["name"], r.dates.styles["numeric"]
	if names == 0 || nums == 0 {
		return
	}
	r.addIssue(SeverityLow, 4, 4, "mixed_dates", r.t.f("fmt.mixed_dates", "Mar 2021, 03/2021"), r.t.f("fix.dates"))
	target := "name"
	if nums > names {
		target = "numeric"
	}
	full := r.usesFullMonthNames()
	fix := func(path, id, value string) {
		if dateStyle(value) == "" || dateStyle(value) == "year" || dateStyle(value) == target {
			return
		}
		d, _ := cv.ParseDate(value)
		improved := r.formatDate(d, target, full)
		r.suggest(path, id, value, improved, finding{kind: IssueDateFormat, detail: value}, r.t.f("explain."+IssueDateFormat))
	}
	for i, e := range r.c.Experience {
		fix(fmt.Sprintf("experience[%d].startDate", i), e.ID, e.StartDate)
		fix(fmt.Sprintf("experience[%d].endDate", i), e.ID, e.EndDate)
	}
	for i, e := range r.c.Education {
		fix(fmt.Sprintf("education[%d].startDate", i), e.ID, e.StartDate)
		fix(fmt.Sprintf("education[%d].endDate", i), e.ID, e.EndDate)
	}
}

// usesFullMonthNames tells whether the CV spells months out ("January")
// rather than abbreviating them ("Jan").
func (r *review) usesFullMonthNames() bool {
	full, short := 0, 0
	for _, e := range r.c.Experience {
		for _, d := range []string{e.StartDate, e.EndDate} {
			if dateStyle(d) != "name" {
				continue
			}
			first, _ := splitWord(strings.TrimSpace(d))
			if len([]rune(first)) > 4 {
				full++
			} else {
				short++
			}
		}
	}
	return full > short
}

func (r *review) formatDate(d cv.Date, style string, full bool) string {
	if style == "numeric" {
		return fmt.Sprintf("%02d/%04d", d.Month, d.Year)
	}
	if r.lang == cv.French {
		names := []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
		return fmt.Sprintf("%s %d", names[d.Month-1], d.Year)
	}
	if full {
		return fmt.Sprintf("%s %d", monthName(d.Month), d.Year)
	}
	return fmt.Sprintf("%.3s %d", monthName(d.Month), d.Year)
}

func monthName(m int) string {
	return []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}[m-1]
}

// reviewStructure checks contact details, sections, length and bullets.
func (r *review) reviewStructure() {
	r.reviewContact()
	var unfound []string // sections not found while parts are unread
	for _, s := range []struct {
		present       bool
		name          string
		penalty       int
		severity, key string
	}{
		{len(r.c.Experience) > 0, "experience", 20, SeverityHigh, "name.experience"},
		{len(r.c.Education) > 0, "education", 10, SeverityMedium, "name.education"},
		{r.skillCount() > 0, "skills", 10, SeverityMedium, "name.skills"},
		{strings.TrimSpace(r.c.Summary) != "", "summary", 6, SeverityMedium, "name.summary"},
	} {
		switch {
		case s.present:
		case len(r.unread) > 0:
			unfound = append(unfound, r.t.f(s.key))
		default:
			n := r.t.f(s.key)
			r.addIssue(s.severity, s.penalty, s.penalty, "section_"+s.name, r.t.f("fmt.no_section", n), r.t.f("fix.section", n))
		}
	}
	if len(r.unread) > 0 {
		// Not scored: the reader's failure, not the CV's.
		msg := r.t.f("fmt.unread", r.unreadList())
		if len(unfound) > 0 {
			msg += " " + r.t.f("fmt.unread_sections", joinList(unfound, r.t.f("and")))
		}
		r.addIssue(SeverityLow, 0, 0, "unread", msg, r.t.f("fix.unread"))
	}
	words := r.wordCount()
	switch {
	case words < 150:
		r.addIssue(SeverityHigh, 15, 15, "length", r.t.f("fmt.too_short", words), r.t.f("fix.length_short"))
	case words < 250:
		r.addIssue(SeverityLow, 6, 6, "length", r.t.f("fmt.short", words), r.t.f("fix.length_short"))
	case words > 1400:
		r.addIssue(SeverityMedium, 12, 12, "length", r.t.f("fmt.too_long", words, (words+549)/550), r.t.f("fix.length_long"))
	case words > 1000:
		r.addIssue(SeverityLow, 6, 6, "length", r.t.f("fmt.too_long", words, (words+549)/550), r.t.f("fix.length_long"))
	}
	for i, e := range r.c.Experience {
		if len(nonBlank(e.Bullets)) == 0 && strings.TrimSpace(e.Description) == "" {
			label := entryLabel(r.t.f("name.experience"), i, e.Title, e.Company)
			r.addIssue(SeverityMedium, 5, 15, "no_bullets", r.t.f("fmt.no_bullets", label), r.t.f("fix.no_bullets"))
		}
	}
	r.reviewPunctuation()
}

func (r *review) reviewContact() {
	ct := r.c.Contact
	if strings.TrimSpace(ct.Name) == "" {
		r.addIssue(SeverityHigh, 15, 15, "name", r.t.f("fmt.no_name"), r.t.f("fix.contact", r.t.f("name.contact")))
	}
	switch email := strings.TrimSpace(ct.Email); {
	case email == "":
		r.addIssue(SeverityHigh, 12, 12, "email", r.t.f("fmt.no_email"), r.t.f("fix.contact", r.t.f("name.email")))
	case !validEmail(email):
		r.addIssue(SeverityHigh, 8, 8, "email", r.t.f("fmt.bad_email", email), r.t.f("fix.contact", r.t.f("name.email")))
	}
	switch phone := strings.TrimSpace(ct.Phone); {
	case phone == "":
		r.addIssue(SeverityMedium, 6, 6, "phone", r.t.f("fmt.no_phone"), r.t.f("fix.contact", r.t.f("name.phone")))
	case !validPhone(phone):
		r.addIssue(SeverityMedium, 4, 4, "phone", r.t.f("fmt.bad_phone", phone), r.t.f("fix.contact", r.t.f("name.phone")))
	}
	if strings.TrimSpace(ct.Location) == "" {
		r.addIssue(SeverityLow, 3, 3, "location", r.t.f("fmt.no_location"), r.t.f("fix.contact", r.t.f("name.location")))
	}
	if strings.TrimSpace(ct.LinkedIn+ct.GitHub+ct.Portfolio) == "" {
		r.addIssue(SeverityLow, 3, 3, "profile", r.t.f("fmt.no_profile"), r.t.f("fix.contact", r.t.f("name.profile")))
	}
}

func validEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s[strings.LastIndex(s, "@"):], ".")
}

// validPhone accepts 7 to 15 digits (E.164's range) written with the usual
// separators and an optional leading +.
func validPhone(s string) bool {
	digits := 0
	for i, c := range s {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '+' && i == 0, c == ' ', c == '-', c == '.', c == '(', c == ')', c == '/', c == '\u00a0':
		default:
			return false
		}
	}
	return digits >= 7 && digits <= 15
}

// reviewPunctuation flags bullets that end inconsistently.
func (r *review) reviewPunctuation() {
	with, without := 0, 0
	for _, e := range r.c.Experience {
		for _, b := range nonBlank(e.Bullets) {
			if strings.HasSuffix(strings.TrimSpace(b), ".") {
				with++
			} else {
				without++
			}
		}
	}
	if with > 0 && without > 0 && min(with, without) >= 2 {
		r.addIssue(SeverityLow, 2, 2, "punctuation", r.t.f("fmt.punctuation"), r.t.f("fix.punctuation"))
	}
}

func nonBlank(list []string) []string {
	var out []string
	for _, s := range list {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

func (r *review) skillCount() int {
	s := r.c.Skills
	return len(nonBlank(s.Technical)) + len(nonBlank(s.Languages)) + len(nonBlank(s.Tools)) + len(nonBlank(s.SoftSkills)) + len(nonBlank(s.Other))
}

// wordCount counts the CV's words: the raw text when there is one, the
// structured fields otherwise.
func (r *review) wordCount() int {
	if strings.TrimSpace(r.text) != "" {
		return len(strings.Fields(r.text))
	}
	n := 0
	for f := range cv.Fields(r.c) {
		n += len(strings.Fields(f.Value))
	}
	return n
}

// unreadList names the unread parts for a message: "page 2 (no text),
// page 1 (unsure OCR), text that fits no section".
func (r *review) unreadList() string {
	var parts []string
	for _, u := range r.unread {
		var p string
		switch u.Reason {
		case cv.UnreadNoText:
			p = r.t.f("unread.no_text", u.Page)
		case cv.UnreadUnsureOCR:
			p = r.t.f("unread.unsure_ocr", u.Page)
		default:
			p = r.t.f("unread.unplaced")
		}
		parts = appendUnique(parts, p)
	}
	return strings.Join(parts, ", ")
}

// unreadMayHold reports whether a section not found may be in an unread part.
func (r *review) unreadMayHold() bool { return len(r.unread) > 0 }
