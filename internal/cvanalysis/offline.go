package cvanalysis

import (
	"context"
	"fmt"
	"hash/fnv"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/skills"
	"github.com/utopiahire/utopiahire/internal/text"
)

// Severities of field suggestions and issues.
const (
	SeverityHigh   = "high"
	SeverityMedium = "medium"
	SeverityLow    = "low"
)

// Offline is the deterministic local analyzer. It is safe for concurrent
// use: everything it holds is built by NewOffline and only read afterwards.
type Offline struct {
	lx  *lexicon
	cat map[string][2]string
	kw  *keywordIndex
	now func() time.Time
}

var _ Analyzer = (*Offline)(nil)

// OfflineOption adjusts an Offline analyzer.
type OfflineOption func(*Offline)

// WithClock sets the clock used for "present" dates and future-date checks,
// so that tests and replays are reproducible.
func WithClock(now func() time.Time) OfflineOption {
	return func(o *Offline) { o.now = now }
}

// NewOffline builds the offline analyzer. tax supplies skill names and
// synonyms for keyword matching (skills.LoadTaxonomy()).
func NewOffline(tax *skills.Taxonomy, opts ...OfflineOption) *Offline {
	o := &Offline{lx: newLexicon(), cat: catalog(), kw: newKeywordIndex(tax), now: time.Now}
	for _, opt := range opts {
		opt(o)
	}
	return o
}

// Analyze scores c and proposes rewrites. It never fails on content; it
// returns an error only when ctx has ended.
func (o *Offline) Analyze(ctx context.Context, c cv.StructuredCV, text, jobDescription string, unread ...cv.UnreadPart) (cv.Analysis, error) {
	if err := ctx.Err(); err != nil {
		return cv.Analysis{}, fmt.Errorf("offline analysis: %w", err)
	}
	r := o.newReview(&c, text)
	r.unread = unread
	r.reviewFields()
	r.reviewSummary()
	r.reviewDates()
	r.reviewStructure()
	a := cv.Analysis{Analyzer: NameOffline}
	a.Formatting = r.formatting()
	a.Content = r.content()
	a.Sections = r.sections()
	a.ATSAnalysis = r.ats(jobDescription)
	a.FieldSuggestions = r.sugs
	withJD := strings.TrimSpace(jobDescription) != ""
	a.General = r.general(a, withJD)
	a.TopPriorities = r.priorities(a)
	a.QuickWins = r.quickWins(a)
	a.ReadabilityScore = r.readability()
	a.CriticalIssues = r.criticalIssues(a, withJD)
	a.FillDerived()
	a.UnreadParts = unread
	return a, nil
}

// review is the state of one analysis.
type review struct {
	o    *Offline
	c    *cv.StructuredCV
	text string
	lang string
	t    tr
	now  time.Time
	// unread are the parts of the document not read or placed: a
	// section not found may be in them.
	unread []cv.UnreadPart

	issues  []issue // formatting
	sugs    []cv.FieldSuggestion
	touched map[string]bool // paths that already have a suggestion
	stats   bulletStats
	dates   dateStats
	summary summaryStats
}

// issue is one formatting problem: what is wrong, how to fix it, and what
// it costs. Issues sharing a group share one capped penalty.
type issue struct {
	text, fix, group string
	penalty, cap     int
	severity         string
}

type bulletStats struct {
	total, metric, strong, weak, passive, long int
	firstPerson                                int
	buzz                                       []string
	weakExample                                string
	metricOnly                                 []string // paths of bullets whose only issue is a missing number
}

type summaryStats struct {
	words       int
	firstPerson bool
	buzz        int
}

func (o *Offline) newReview(c *cv.StructuredCV, text string) *review {
	lang := cv.DetectLanguage(c, text)
	return &review{
		o: o, c: c, text: text, lang: lang, t: newTr(o.cat, lang), now: o.now(),
		touched: map[string]bool{},
	}
}

func (r *review) addIssue(sev string, penalty, cap int, group, text, fix string) {
	r.issues = append(r.issues, issue{text: text, fix: fix, group: group, penalty: penalty, cap: cap, severity: sev})
}

// reviewFields reviews every bullet-like field and proposes rewrites.
func (r *review) reviewFields() {
	for i, e := range r.c.Experience {
		p := fmt.Sprintf("experience[%d]", i)
		for j, b := range e.Bullets {
			r.reviewText(fmt.Sprintf("%s.bullets[%d]", p, j), e.ID, b, true)
		}
		if len(e.Bullets) == 0 && oneParagraph(e.Description) {
			r.reviewText(p+".description", e.ID, e.Description, true)
		}
	}
	for i, e := range r.c.Education {
		for j, b := range e.Achievements {
			r.reviewText(fmt.Sprintf("education[%d].achievements[%d]", i, j), e.ID, b, false)
		}
	}
	for _, name := range []string{"projects", "volunteer", "activities"} {
		for i, it := range r.c.Items(name) {
			p := fmt.Sprintf("%s[%d]", name, i)
			for j, b := range it.Bullets {
				r.reviewText(fmt.Sprintf("%s.bullets[%d]", p, j), it.ID, b, true)
			}
			if oneParagraph(it.Description) {
				r.reviewText(p+".description", it.ID, it.Description, len(it.Bullets) == 0)
			}
		}
	}
}

// oneParagraph tells whether a description is short enough to be reviewed
// like a bullet (a paragraph of several sentences is left alone).
func oneParagraph(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && !strings.Contains(s, "\n") && strings.Count(s, ". ") < 2
}

// reviewText reviews one field; counted says whether it counts as an
// achievement bullet in the content score.
func (r *review) reviewText(path, itemID, value string, counted bool) {
	if strings.TrimSpace(value) == "" {
		return
	}
	rw := r.o.lx.reviewBullet(value, r.lang)
	if counted {
		r.count(path, rw)
	}
	if sameText(rw.improved, value) {
		return
	}
	primary := primaryFinding(rw.findings)
	if primary.kind == "" {
		return
	}
	explanation := r.t.f("explain." + primary.kind)
	if counted && !rw.hasMetric {
		explanation += " " + r.metricAdvice(rw.improved)
	}
	r.suggest(path, itemID, value, rw.improved, primary, explanation)
}

func (r *review) count(path string, rw bulletRewrite) {
	s := &r.stats
	s.total++
	kinds := map[string]bool{}
	for _, f := range rw.findings {
		kinds[f.kind] = true
		switch f.kind {
		case IssueFirstPerson:
			s.firstPerson++
		case IssueBuzzword:
			s.buzz = appendUnique(s.buzz, strings.Split(f.detail, ", ")...)
		case IssueWeakVerb:
			if s.weakExample == "" {
				s.weakExample = f.detail
			}
		}
	}
	if rw.hasMetric {
		s.metric++
	}
	if rw.strong {
		s.strong++
	}
	if rw.weak {
		s.weak++
	}
	if kinds[IssuePassiveVoice] {
		s.passive++
	}
	if kinds[IssueTooLong] {
		s.long++
	}
	if !rw.hasMetric && len(kinds) == 1 {
		s.metricOnly = append(s.metricOnly, path)
	}
}

func appendUnique(list []string, items ...string) []string {
	for _, it := range items {
		found := false
		for _, l := range list {
			if strings.EqualFold(l, it) {
				found = true
				break
			}
		}
		if !found && it != "" {
			list = append(list, it)
		}
	}
	return list
}

// primaryFinding picks the finding a suggestion is filed under: the one a
// reader notices first.
func primaryFinding(fs []finding) finding {
	order := []string{IssueWeakVerb, IssuePassiveVoice, IssueFirstPerson, IssueBuzzword, IssueTooLong, IssueWordiness}
	for _, k := range order {
		for _, f := range fs {
			if f.kind == k {
				return f
			}
		}
	}
	return finding{}
}

func severityOf(kind string) string {
	switch kind {
	case IssueMissingField:
		return SeverityHigh
	case IssueWeakVerb, IssuePassiveVoice:
		return SeverityMedium
	}
	return SeverityLow
}

func (r *review) suggest(path, itemID, original, improved string, f finding, explanation string) {
	if r.touched[path] {
		return
	}
	r.touched[path] = true
	var problem string
	switch f.kind {
	case IssueWeakVerb, IssuePassiveVoice, IssueFirstPerson, IssueBuzzword, IssueTooLong, IssueDateFormat:
		problem = r.t.f("problem."+f.kind, f.detail)
	default:
		problem = r.t.f("problem." + f.kind)
	}
	fieldID := itemID
	if fieldID == "" {
		fieldID = path
	}
	r.sugs = append(r.sugs, cv.FieldSuggestion{
		SuggestionID:  suggestionID(path, original),
		TargetField:   targetField(path),
		FieldPath:     path,
		FieldID:       fieldID,
		OriginalValue: original,
		ImprovedValue: improved,
		IssueType:     f.kind,
		Severity:      severityOf(f.kind),
		Problem:       problem,
		Explanation:   explanation,
		Impact:        r.t.f("impact." + f.kind),
	})
}

// suggestionID is stable for a field and its value, so that re-analysing an
// unchanged CV gives the same ids.
func suggestionID(path, original string) string {
	h := fnv.New64a()
	h.Write([]byte(path))
	h.Write([]byte{0})
	h.Write([]byte(original))
	return fmt.Sprintf("fs-%016x", h.Sum64())
}

// targetField is the path without indexes: "experience.bullets".
func targetField(path string) string {
	return indexRe().ReplaceAllString(path, "")
}

func indexRe() *regexp.Regexp { return regexp.MustCompile(`\[\d+\]`) }

func sameText(a, b string) bool {
	return strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ")
}

// metricAdvice says which number would make a bullet convincing, from the
// kind of action its first verb names.
func (r *review) metricAdvice(bullet string) string {
	first, _ := splitWord(strings.TrimSpace(bullet))
	switch strings.ToLower(text.Fold(first)) {
	case "reduced", "improved", "increased", "optimized", "optimised", "cut", "accelerated", "boosted", "grew",
		"saved", "decreased", "halved", "doubled", "reduit", "ameliore", "augmente", "optimise", "accelere":
		return r.t.f("metric.change")
	case "led", "managed", "mentored", "trained", "supervised", "recruited", "coached", "onboarded", "hired",
		"encadre", "forme", "recrute", "dirige", "manage", "anime":
		return r.t.f("metric.people")
	case "sold", "negotiated", "won", "raised", "negocie", "remporte", "vendu":
		return r.t.f("metric.money")
	case "wrote", "published", "presented", "redige", "publie", "presente":
		return r.t.f("metric.output")
	case "built", "developed", "designed", "created", "launched", "implemented", "engineered", "architected",
		"deployed", "shipped", "delivered", "migrated", "automated", "owned", "developpe", "concu", "cree", "lance",
		"deploye", "migre", "refondu", "automatise", "livre", "gere", "pilote":
		return r.t.f("metric.scale")
	}
	return r.t.f("metric.default")
}

func clamp(v, lo, hi int) int {
	return max(lo, min(hi, v))
}

// capScore applies the rubric's ceiling: 89 while serious issues remain,
// 97 at most.
func capScore(v int, serious bool) int {
	if serious {
		return clamp(v, 0, 89)
	}
	return clamp(v, 0, 97)
}

// sortedIssues returns issues by cost, most expensive first.
func sortedIssues(is []issue) []issue {
	out := append([]issue(nil), is...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].penalty > out[j].penalty })
	return out
}
