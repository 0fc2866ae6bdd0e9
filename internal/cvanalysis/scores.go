package cvanalysis

import (
	"fmt"
	"math"
	"strings"

	"github.com/utopiahire/utopiahire/internal/cv"
)

// formatting scores layout and structure from the issues found; issues of
// one group share a capped penalty.
func (r *review) formatting() cv.Formatting {
	spent := map[string]int{}
	score, serious := 100, false
	var f cv.Formatting
	for _, is := range r.issues {
		take := min(is.penalty, is.cap-spent[is.group])
		spent[is.group] += take
		score -= take
		serious = serious || is.severity != SeverityLow
		f.Issues = append(f.Issues, is.text)
		f.Suggestions = appendUnique(f.Suggestions, is.fix)
	}
	f.Score = capScore(score, serious)
	return f
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// content scores what the bullets and summary say (see the package doc).
func (r *review) content() cv.Content {
	s := r.stats
	var c cv.Content
	score := 30.0
	if s.total > 0 {
		m, st := ratio(s.metric, s.total), ratio(s.strong, s.total)
		score = 100 * (0.40*m + 0.25*st + 0.15*(1-ratio(s.weak, s.total)) +
			0.10*(1-ratio(s.long, s.total)) + 0.10*(1-ratio(s.passive, s.total)))
	}
	buzz := len(s.buzz)
	firstPerson := s.firstPerson
	if r.summary.firstPerson {
		firstPerson++
	}
	score -= float64(min(2*buzz, 10) + min(2*firstPerson, 8))
	if strings.TrimSpace(r.c.Summary) == "" {
		score -= 5
	} else if r.summary.words > 80 {
		score -= 3
		c.Weaknesses = append(c.Weaknesses, r.t.f("content.summary_long", r.summary.words))
	}
	r.contentNotes(&c, buzz, firstPerson)
	serious := s.total == 0 || ratio(s.metric, s.total) < 0.8 || ratio(s.strong, s.total) < 0.8
	c.Score = capScore(int(math.Round(score)), serious)
	return c
}

func (r *review) contentNotes(c *cv.Content, buzz, firstPerson int) {
	s := r.stats
	if s.total == 0 {
		c.Weaknesses = append(c.Weaknesses, r.t.f("content.no_bullets"))
		c.Suggestions = append(c.Suggestions, r.t.f("sugg.no_bullets"))
	} else {
		if ratio(s.metric, s.total) >= 0.6 {
			c.Strengths = append(c.Strengths, r.t.f("content.metrics_good", s.metric, s.total))
		} else {
			c.Weaknesses = append(c.Weaknesses, r.t.f("content.metrics_weak", s.metric, s.total))
			c.Suggestions = append(c.Suggestions, r.t.f("sugg.metrics"))
		}
		if ratio(s.strong, s.total) >= 0.7 && s.weak == 0 {
			c.Strengths = append(c.Strengths, r.t.f("content.verbs_good"))
		} else if s.weak > 0 {
			c.Weaknesses = append(c.Weaknesses, r.t.f("content.verbs_weak", s.weak, s.weakExample))
			c.Suggestions = append(c.Suggestions, r.t.f("sugg.verbs"))
		}
	}
	if s.passive > 0 {
		c.Weaknesses = append(c.Weaknesses, r.t.f("content.passive", s.passive))
		c.Suggestions = append(c.Suggestions, r.t.f("sugg.passive"))
	}
	if firstPerson > 0 {
		c.Weaknesses = append(c.Weaknesses, r.t.f("content.first_person", firstPerson))
		c.Suggestions = append(c.Suggestions, r.t.f("sugg.first_person"))
	}
	if buzz > 0 {
		c.Weaknesses = append(c.Weaknesses, r.t.f("content.buzzwords", strings.Join(s.buzz, ", ")))
		c.Suggestions = append(c.Suggestions, r.t.f("sugg.buzzwords"))
	}
	if s.long > 0 {
		c.Weaknesses = append(c.Weaknesses, r.t.f("content.long", s.long))
		c.Suggestions = append(c.Suggestions, r.t.f("sugg.long"))
	}
	if n := r.skillCount(); n >= 8 {
		c.Strengths = append(c.Strengths, r.t.f("content.skills_listed", n))
	}
	if len(r.c.Certifications) > 0 {
		c.Strengths = append(c.Strengths, r.t.f("content.certs"))
	}
	if len(r.c.Projects) > 0 {
		c.Strengths = append(c.Strengths, r.t.f("content.projects"))
	}
	for i, p := range s.metricOnly {
		if i == 5 {
			break
		}
		v, _ := cv.Resolve(r.c, p)
		c.Suggestions = append(c.Suggestions, r.t.f("metric.only", shorten(v, 60), r.metricAdvice(v)))
	}
}

// sections scores each section of the contract that the CV has, plus the
// core ones it lacks.
func (r *review) sections() []cv.SectionAnalysis {
	out := []cv.SectionAnalysis{r.contactSection(), r.summarySection(), r.experienceSection(), r.educationSection(), r.skillsSection()}
	for _, name := range []string{"projects", "certifications", "awards", "publications", "volunteer", "activities"} {
		items := r.c.Items(name)
		if len(items) == 0 {
			continue
		}
		described := 0
		for _, it := range items {
			if strings.TrimSpace(it.Description) != "" || len(nonBlank(it.Bullets)) > 0 || strings.TrimSpace(it.Organization) != "" {
				described++
			}
		}
		out = append(out, cv.SectionAnalysis{
			Name: name, Present: true, Score: 60 + 25*described/len(items),
			Feedback: r.t.f("section.items", len(items)),
		})
	}
	return out
}

func (r *review) contactSection() cv.SectionAnalysis {
	ct := r.c.Contact
	score, have := 0, 0
	for _, f := range []struct {
		ok     bool
		points int
	}{
		{strings.TrimSpace(ct.Name) != "", 30}, {validEmail(strings.TrimSpace(ct.Email)), 25},
		{validPhone(strings.TrimSpace(ct.Phone)), 15}, {strings.TrimSpace(ct.Location) != "", 10},
		{strings.TrimSpace(ct.LinkedIn+ct.GitHub+ct.Portfolio) != "", 10},
	} {
		if f.ok {
			score += f.points
			have++
		}
	}
	s := cv.SectionAnalysis{Name: "contact", Present: have > 0, Score: score, Feedback: r.t.f("section.contact", have)}
	for _, is := range r.issues {
		switch is.group {
		case "name", "email", "phone", "location", "profile":
			s.Issues = appendUnique(s.Issues, is.text)
			s.Suggestions = appendUnique(s.Suggestions, is.fix)
		}
	}
	if have < 5 {
		s.Score = min(s.Score, 89)
	}
	return s
}

func (r *review) summarySection() cv.SectionAnalysis {
	s := cv.SectionAnalysis{Name: "summary"}
	if strings.TrimSpace(r.c.Summary) == "" {
		s.Feedback = r.missingFeedback()
		s.Suggestions = []string{r.t.f("fix.section", r.t.f("name.summary"))}
		return s
	}
	s.Present = true
	score := 80
	if r.summary.firstPerson {
		score -= 10
		s.Suggestions = append(s.Suggestions, r.t.f("sugg.first_person"))
	}
	if r.summary.buzz > 0 {
		score -= min(5*r.summary.buzz, 20)
		s.Suggestions = append(s.Suggestions, r.t.f("sugg.buzzwords"))
	}
	if r.summary.words > 80 {
		score -= 10
	}
	if r.o.lx.metric.MatchString(r.c.Summary) {
		score += 10
	}
	s.Score = clamp(score, 0, 95)
	s.Feedback = r.t.f("section.summary_ok", r.summary.words)
	return s
}

func (r *review) experienceSection() cv.SectionAnalysis {
	s := cv.SectionAnalysis{Name: "experience"}
	if len(r.c.Experience) == 0 {
		s.Feedback = r.missingFeedback()
		s.Suggestions = []string{r.t.f("fix.section", r.t.f("name.experience"))}
		return s
	}
	s.Present = true
	bullets, metric := 0, 0
	for _, e := range r.c.Experience {
		for _, b := range nonBlank(e.Bullets) {
			bullets++
			if r.o.lx.metric.MatchString(b) {
				metric++
			}
		}
	}
	st := r.stats
	score := 100 * (0.5*ratio(st.metric, st.total) + 0.3*ratio(st.strong, st.total) + 0.2*(1-ratio(st.weak, st.total)))
	for _, is := range r.issues {
		switch is.group {
		case "order", "no_dates", "bad_date", "end_before_start", "no_bullets":
			score -= 5
			s.Issues = appendUnique(s.Issues, is.text)
			s.Suggestions = appendUnique(s.Suggestions, is.fix)
		}
	}
	if ratio(st.metric, st.total) < 0.6 {
		s.Suggestions = append(s.Suggestions, r.t.f("sugg.metrics"))
	}
	if st.weak > 0 {
		s.Suggestions = append(s.Suggestions, r.t.f("sugg.verbs"))
	}
	s.Score = capScore(int(math.Round(score)), len(s.Suggestions) > 0)
	s.Feedback = r.t.f("section.exp", len(r.c.Experience), bullets, metric)
	return s
}

func (r *review) educationSection() cv.SectionAnalysis {
	s := cv.SectionAnalysis{Name: "education"}
	if len(r.c.Education) == 0 {
		s.Feedback = r.missingFeedback()
		s.Suggestions = []string{r.t.f("fix.section", r.t.f("name.education"))}
		return s
	}
	s.Present = true
	total := 0
	for _, e := range r.c.Education {
		p := 40
		if strings.TrimSpace(e.Degree) != "" {
			p += 20
		}
		if strings.TrimSpace(e.Institution) != "" {
			p += 20
		}
		if strings.TrimSpace(e.StartDate+e.EndDate) != "" {
			p += 15
		} else {
			s.Suggestions = appendUnique(s.Suggestions, r.t.f("section.edu_dates"))
		}
		total += p
	}
	s.Score = clamp(total/len(r.c.Education), 0, 95)
	s.Feedback = r.t.f("section.edu", len(r.c.Education))
	return s
}

func (r *review) skillsSection() cv.SectionAnalysis {
	s := cv.SectionAnalysis{Name: "skills"}
	n := r.skillCount()
	if n == 0 {
		s.Feedback = r.missingFeedback()
		s.Suggestions = []string{r.t.f("fix.section", r.t.f("name.skills"))}
		return s
	}
	s.Present = true
	groups := 0
	sk := r.c.Skills
	for _, g := range [][]string{sk.Technical, sk.Languages, sk.Tools, sk.SoftSkills, sk.Other} {
		if len(nonBlank(g)) > 0 {
			groups++
		}
	}
	switch {
	case n < 5:
		s.Score = 50
	case n < 8:
		s.Score = 70
	default:
		s.Score = 85
	}
	if groups >= 2 {
		s.Score += 5
	}
	if n < 8 {
		s.Suggestions = []string{r.t.f("section.skills_few")}
	}
	s.Feedback = r.t.f("section.skills", n)
	return s
}

// general combines the scores and names the top priorities.
func (r *review) general(a cv.Analysis, withJD bool) cv.General {
	var overall float64
	atsPart := ""
	if withJD {
		overall = 0.35*float64(a.Formatting.Score) + 0.40*float64(a.Content.Score) + 0.25*float64(a.ATSAnalysis.RelevanceScore)
		atsPart = r.t.f("general.ats", a.ATSAnalysis.RelevanceScore)
	} else {
		overall = 0.40*float64(a.Formatting.Score) + 0.60*float64(a.Content.Score)
	}
	serious := false
	for _, is := range r.issues {
		serious = serious || is.severity == SeverityHigh
	}
	g := cv.General{OverallScore: capScore(int(math.Round(overall)), serious || a.Content.Score < 90)}
	strongest := r.t.f("general.none")
	if len(a.Content.Strengths) > 0 {
		strongest = r.t.f("general.strongest", strings.TrimSuffix(a.Content.Strengths[0], "."))
		if !strings.HasSuffix(strongest, ".") {
			strongest += "."
		}
	}
	g.Summary = r.t.f("general.summary", g.OverallScore, a.Formatting.Score, a.Content.Score, atsPart, strongest)
	return g
}

// Categories of top priorities.
const (
	CategoryContact    = "contact"
	CategoryStructure  = "structure"
	CategoryFormatting = "formatting"
	CategoryContent    = "content"
	CategoryATS        = "ats"
)

// issueCategory files a formatting issue group under a priority category
// with the time its fix takes.
func issueCategory(group string) (category, timeKey string) {
	switch {
	case group == "name" || group == "email" || group == "phone" || group == "location" || group == "profile":
		return CategoryContact, "time.5m"
	case strings.HasPrefix(group, "section_"):
		return CategoryStructure, "time.30m"
	case group == "length":
		return CategoryStructure, "time.1h"
	case group == "no_bullets":
		return CategoryContent, "time.30m"
	}
	return CategoryFormatting, "time.15m"
}

// impactOf grades a fix by the points it is worth.
func impactOf(weight int) string {
	switch {
	case weight >= 10:
		return cv.ImpactHigh
	case weight >= 5:
		return cv.ImpactMedium
	}
	return cv.ImpactLow
}

// priorities lists the three fixes worth most points (expensive formatting
// issues, then the content and keyword levers), each with its impact,
// category and the time it takes.
func (r *review) priorities(a cv.Analysis) []cv.Priority {
	type p struct {
		text, category, time string
		weight               int
	}
	var ps []p
	for _, is := range sortedIssues(r.issues) {
		cat, tk := issueCategory(is.group)
		ps = append(ps, p{is.fix, cat, tk, is.penalty})
	}
	st := r.stats
	if st.total > 0 {
		ps = append(ps, p{r.t.f("sugg.metrics"), CategoryContent, "time.1h", int(40 * (1 - ratio(st.metric, st.total)) / 2)})
		if st.weak > 0 {
			ps = append(ps, p{r.t.f("sugg.verbs"), CategoryContent, "time.30m", int(25 * ratio(st.weak, st.total))})
		}
	} else {
		ps = append(ps, p{r.t.f("sugg.no_bullets"), CategoryContent, "time.1h", 20})
	}
	if len(a.ATSAnalysis.MissingKeywords) > 0 {
		ps = append(ps, p{r.t.f("quick.keywords", strings.Join(firstN(a.ATSAnalysis.MissingKeywords, 5), ", ")), CategoryATS, "time.15m",
			3 * min(len(a.ATSAnalysis.MissingKeywords), 5)})
	}
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && ps[j].weight > ps[j-1].weight; j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
	var out []cv.Priority
	seen := map[string]bool{}
	for _, x := range ps {
		if len(out) == 3 {
			break
		}
		if seen[strings.ToLower(x.text)] || x.weight <= 0 {
			continue
		}
		seen[strings.ToLower(x.text)] = true
		out = append(out, cv.Priority{Priority: len(out) + 1, Action: x.text, Impact: impactOf(x.weight),
			TimeEstimate: r.t.f(x.time), Category: x.category})
	}
	return out
}

// readability scores how easily a person skims the CV (see the package doc):
// bullets rather than paragraphs, short bullets and sentences, the active
// voice, one date format, a summary of reasonable length.
func (r *review) readability() int {
	st := r.stats
	score := 100.0
	words, bullets := 0, 0
	paragraphs := 0
	count := func(list []string) {
		for _, b := range nonBlank(list) {
			bullets++
			words += len(strings.Fields(b))
		}
	}
	for _, e := range r.c.Experience {
		count(e.Bullets)
		if len(nonBlank(e.Bullets)) == 0 && len(strings.Fields(e.Description)) > 60 {
			paragraphs++
		}
	}
	for _, name := range []string{"projects", "volunteer", "activities"} {
		for _, it := range r.c.Items(name) {
			count(it.Bullets)
		}
	}
	if bullets == 0 {
		score -= 25
	} else if avg := float64(words) / float64(bullets); avg > 25 {
		score -= min(20, 2*(avg-25))
	}
	if st.total > 0 {
		score -= 30 * ratio(st.long, st.total)
		score -= 15 * ratio(st.passive, st.total)
	}
	score -= float64(min(5*paragraphs, 15))
	if r.summary.words > 80 {
		score -= 8
	}
	for _, is := range r.issues {
		switch is.group {
		case "mixed_dates", "punctuation":
			score -= 3
		case "length":
			if is.severity != SeverityHigh {
				score -= 5
			}
		}
	}
	return capScore(int(math.Round(score)), st.long > 0 || st.passive > 0 || bullets == 0)
}

// criticalIssues are the problems that most hurt the CV: high-severity
// formatting issues, no or few quantified bullets, and (with a job) a weak
// keyword match.
func (r *review) criticalIssues(a cv.Analysis, withJD bool) []string {
	var out []string
	for _, is := range sortedIssues(r.issues) {
		if is.severity == SeverityHigh {
			out = appendUnique(out, is.text)
		}
	}
	st := r.stats
	switch {
	case st.total == 0:
		out = append(out, r.t.f("critical.no_bullets"))
	case ratio(st.metric, st.total) < 0.3:
		out = append(out, r.t.f("critical.metrics", st.metric, st.total))
	}
	if withJD && a.ATSAnalysis.RelevanceScore < 50 {
		out = append(out, r.t.f("critical.ats", a.ATSAnalysis.RelevanceScore))
	}
	return firstN(out, 5)
}

func firstN(list []string, n int) []string {
	if len(list) > n {
		return list[:n]
	}
	return list
}

// quickWins are fixes that take a minute: apply rewrites, add a missing
// contact detail, remove buzzwords, align dates, add keywords.
func (r *review) quickWins(a cv.Analysis) []string {
	var out []string
	rewrites := 0
	for _, s := range a.FieldSuggestions {
		switch s.IssueType {
		case IssueMissingField:
			out = append(out, r.t.f("quick.summary"))
		case IssueDateFormat:
		default:
			rewrites++
		}
	}
	if rewrites > 0 {
		out = append(out, r.t.f("quick.apply", rewrites))
	}
	var missing []string
	for _, is := range r.issues {
		switch is.group {
		case "email", "phone", "location", "profile":
			missing = append(missing, r.t.f("name."+is.group))
		}
	}
	if len(missing) > 0 {
		out = append(out, r.t.f("quick.contact", joinList(missing, r.t.f("and"))))
	}
	if len(r.stats.buzz) > 0 {
		out = append(out, r.t.f("quick.buzz", strings.Join(r.stats.buzz, ", ")))
	}
	if r.dates.styles["name"] > 0 && r.dates.styles["numeric"] > 0 {
		out = append(out, r.t.f("quick.dates"))
	}
	if len(a.ATSAnalysis.MissingKeywords) > 0 {
		out = append(out, r.t.f("quick.keywords", strings.Join(firstN(a.ATSAnalysis.MissingKeywords, 5), ", ")))
	}
	return firstN(out, 5)
}

// describe is used in test failure messages.
func (is issue) String() string { return fmt.Sprintf("%s(-%d)", is.group, is.penalty) }

// shorten cuts s to n runes at a word boundary, marking the cut.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// missingFeedback is what a section not found says: missing, or perhaps
// in a part of the document that could not be read.
func (r *review) missingFeedback() string {
	if r.unreadMayHold() {
		return r.t.f("section.unread")
	}
	return r.t.f("section.missing")
}
