package skills

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/utopiahire/utopiahire/internal/apperr"
)

// Limits on Analyze's inputs. A job description is a few KB; a 2-page CV
// about 6 KB of text. Larger inputs are refused, not truncated.
const (
	MaxJobDescriptionBytes = 64 << 10
	MaxCVTextBytes         = 256 << 10
	MaxJobTitleBytes       = 300
)

// Error is a domain error with a stable code for the HTTP layer.
type Error struct {
	Code    string
	Message string
}

var _ apperr.Coded = (*Error)(nil)

func (e *Error) Error() string { return apperr.Format(e.Code, e.Message, nil) }

// ErrorKind implements apperr.Coded: sizes are too large, the deadline
// unavailable, every other refusal a validation failure.
func (e *Error) ErrorKind() apperr.Kind {
	switch e.Code {
	case ErrJobDescriptionSize.Code, ErrJobTitleSize.Code, ErrCVSize.Code:
		return apperr.TooLarge
	case ErrDeadline.Code:
		return apperr.Unavailable
	}
	return apperr.Validation
}

// ErrorCode implements apperr.Coded.
func (e *Error) ErrorCode() string { return e.Code }

// SafeMessage implements apperr.Coded: the message as a sentence, and for
// a job description without skills what to do about it.
func (e *Error) SafeMessage() string {
	if e.Code == ErrNoJobSkills.Code {
		return "No skills were recognised in the job description; paste the job's requirements."
	}
	return e.Message + "."
}

// Domain errors of Analyze; compare with errors.Is.
var (
	ErrEmptyJobDescription = &Error{"job_description_empty", "job_description is empty"}
	ErrJobDescriptionSize  = &Error{"job_description_too_large", fmt.Sprintf("job_description is longer than %d bytes", MaxJobDescriptionBytes)}
	ErrJobTitleSize        = &Error{"job_title_too_large", fmt.Sprintf("job_title is longer than %d bytes", MaxJobTitleBytes)}
	ErrEmptyCV             = &Error{"cv_text_empty", "the CV contains no text"}
	ErrCVSize              = &Error{"cv_text_too_large", fmt.Sprintf("the CV text is longer than %d bytes", MaxCVTextBytes)}
	ErrNotUTF8             = &Error{"text_not_utf8", "text is not valid UTF-8"}
	ErrNoJobSkills         = &Error{"job_no_skills", "no skills were recognised in the job description"}
	ErrDeadline            = &Error{"analysis_deadline", "the analysis did not finish in time"}
)

// ExtractionDeadline bounds the measured part of Analyze (reading the job
// and the CV, scoring). Each step is linear in its input and takes well
// under 100 ms at the size limits (docs/benchmarks.md), so the deadline only
// trips on an overloaded server or a cancelled request. The long loops of
// each step (lines, tokens, skill matches, mentions, CV positions) check
// it every few dozen units of work, so a step stops within microseconds of
// the deadline instead of running to its end.
const ExtractionDeadline = 2 * time.Second

// SkillGap is one row of job_skill_profile.
type SkillGap struct {
	Skill          string  `json:"skill"`
	ProficiencyYou float64 `json:"proficiency_you"`
	ProficiencyReq float64 `json:"proficiency_req"`
	Gap            float64 `json:"gap"`
	IsMustHave     bool    `json:"is_must_have"`
	// Additions to the contract's shape.
	SkillID  string   `json:"skill_id"`
	Category Category `json:"category"`
	Evidence string   `json:"evidence"`
}

// Scores are ai_scores, each 0–100.
type Scores struct {
	Coverage  int `json:"coverage"`
	Depth     int `json:"depth"`
	Alignment int `json:"alignment"`
}

// Quantitative is quantitative_summary. TotalRequired counts every skill the
// job names (must-have and nice-to-have); SkillsMatched those the CV shows
// (directly or through a narrower skill); SkillsMissing the rest.
type Quantitative struct {
	OverallScore  int `json:"overall_score"`
	SkillsMatched int `json:"skills_matched"`
	SkillsMissing int `json:"skills_missing"`
	TotalRequired int `json:"total_required"`
}

// PriorityAction is one item of priority_actions.
type PriorityAction struct {
	Action       string `json:"action"`
	TimeEstimate string `json:"time_estimate"`
	Why          string `json:"why"`
}

// LearningPath is one item of learning_paths.
type LearningPath struct {
	Skill     string `json:"skill"`
	PathTitle string `json:"path_title"`
	Platform  string `json:"platform"`
	// Resources (an addition to the contract's shape) are links from the
	// curated list for the skill, empty when the skill is not recognised.
	Resources []Resource `json:"resources"`
}

// LearnItem is one entry of learn_first: a skill to learn before the
// others, with why and where.
type LearnItem struct {
	Rank           int      `json:"rank"`
	Skill          string   `json:"skill"`
	SkillID        string   `json:"skill_id"`
	Category       Category `json:"category"`
	IsMustHave     bool     `json:"is_must_have"`
	ProficiencyYou float64  `json:"proficiency_you"`
	ProficiencyReq float64  `json:"proficiency_req"`
	Gap            float64  `json:"gap"`
	// Centrality is how central the skill is in the posting: its mentions
	// in the requirement parts, plus 3 when the job title names it.
	Centrality int        `json:"centrality"`
	Why        string     `json:"why"`
	Resources  []Resource `json:"resources"`
}

// ResumeEdit is one item of resume_edits.
type ResumeEdit struct {
	Before string `json:"before"`
	After  string `json:"after"`
	Reason string `json:"reason"`
}

// Report is the /api/analyze response.
type Report struct {
	JobSkillProfile []SkillGap       `json:"job_skill_profile"`
	AISummary       string           `json:"ai_summary"`
	AIScores        Scores           `json:"ai_scores"`
	Quantitative    Quantitative     `json:"quantitative_summary"`
	PriorityActions []PriorityAction `json:"priority_actions"`
	LearningPaths   []LearningPath   `json:"learning_paths"`
	ResumeEdits     []ResumeEdit     `json:"resume_edits"`
	// Generator names what wrote the narrative parts: "offline" or a model.
	Generator string `json:"generator"`
	// LearnFirst (an addition to the contract's shape) ranks up to five
	// skills to learn first; ResourcesVersion is the version of the
	// curated list their links come from.
	LearnFirst       []LearnItem `json:"learn_first"`
	ResourcesVersion string      `json:"resources_version"`
}

// Request is the input of Analyze.
type Request struct {
	CVText         string
	JobDescription string
	JobTitle       string
}

// Analyzer computes skills-gap reports. Safe for concurrent use.
type Analyzer struct {
	x      *Extractor
	writer Writer
	now    func() time.Time
	res    *Resources
	// onCheck, set by tests, runs at each deadline check of an analysis.
	onCheck func(checks int)
}

// NewAnalyzer returns an analyzer; now anchors CV dates ("2019 – present").
// It panics if the embedded resources.json does not match the taxonomy,
// which its tests rule out.
func NewAnalyzer(x *Extractor, w Writer, now func() time.Time) *Analyzer {
	res, err := LoadResources(x.tax)
	if err != nil {
		panic(fmt.Sprintf("skills: %v", err))
	}
	return &Analyzer{x: x, writer: w, now: now, res: res}
}

func validate(r Request) error {
	for _, s := range []string{r.CVText, r.JobDescription, r.JobTitle} {
		if !utf8.ValidString(s) {
			return ErrNotUTF8
		}
	}
	switch {
	case len(r.JobDescription) > MaxJobDescriptionBytes:
		return ErrJobDescriptionSize
	case strings.TrimSpace(r.JobDescription) == "":
		return ErrEmptyJobDescription
	case len(r.JobTitle) > MaxJobTitleBytes:
		return ErrJobTitleSize
	case len(r.CVText) > MaxCVTextBytes:
		return ErrCVSize
	case strings.TrimSpace(r.CVText) == "":
		return ErrEmptyCV
	}
	return nil
}

// Analyze compares a CV with a job and writes the report. Errors from the
// Writer are returned wrapped; the caller may fall back to another writer.
func (an *Analyzer) Analyze(ctx context.Context, r Request) (Report, error) {
	if err := validate(r); err != nil {
		return Report{}, err
	}
	st := newStopper(ctx, time.Now().Add(ExtractionDeadline))
	st.onCheck = an.onCheck
	job := an.x.job(r.JobTitle, r.JobDescription, st)
	if st.late() {
		return Report{}, ErrDeadline
	}
	if len(job.Skills) == 0 {
		return Report{}, ErrNoJobSkills
	}
	cv := an.x.cv(r.CVText, an.now(), st)
	if st.late() {
		return Report{}, ErrDeadline
	}
	a := an.assess(job, cv)
	if st.late() {
		return Report{}, ErrDeadline
	}
	n, err := an.writer.Write(ctx, a)
	if err != nil {
		return Report{}, fmt.Errorf("write narrative: %w", err)
	}
	rep := Report{
		JobSkillProfile:  a.Profile,
		AIScores:         a.Scores,
		Quantitative:     a.Quantitative,
		AISummary:        n.Summary,
		PriorityActions:  nonNil(n.PriorityActions),
		LearningPaths:    an.withResources(nonNil(n.LearningPaths), a.Profile),
		ResumeEdits:      nonNil(n.ResumeEdits),
		Generator:        n.Generator,
		LearnFirst:       an.learnFirst(a),
		ResourcesVersion: an.res.Version(),
	}
	return rep, nil
}

// withResources links each learning path to the curated resources of its
// skill, found by the label the writer used.
func (an *Analyzer) withResources(paths []LearningPath, rows []SkillGap) []LearningPath {
	ids := map[string]string{}
	for _, r := range rows {
		ids[strings.ToLower(r.Skill)] = r.SkillID
	}
	for i := range paths {
		id, ok := ids[strings.ToLower(strings.TrimSpace(paths[i].Skill))]
		if !ok {
			if sk, found := an.x.tax.Skill(slug(paths[i].Skill)); found {
				id, ok = sk.ID, true
			}
		}
		paths[i].Resources = []Resource{}
		if ok {
			paths[i].Resources = nonNil(an.res.For(id))
		}
	}
	return paths
}

// maxLearnFirst bounds learn_first.
const maxLearnFirst = 5

// learnFirst ranks the skills to learn first: missing must-haves, then
// must-haves below the level asked, then missing nice-to-haves, then
// nice-to-haves below the level; within each group the most central skill
// of the posting first (mentions in its requirement parts, +3 when the
// title names it), then the larger gap, then the posting's order.
func (an *Analyzer) learnFirst(a Assessment) []LearnItem {
	central := map[string]int{}
	order := map[string]int{}
	byID := map[string]JobSkill{}
	for i, js := range a.Job.Skills {
		byID[js.Skill.ID] = js
		c := js.Mentions
		if js.InTitle {
			c += 3
		}
		central[js.Skill.ID] = c
		order[js.Skill.ID] = i
	}
	group := func(r SkillGap) int {
		g := 0
		if !r.IsMustHave {
			g = 2
		}
		if r.ProficiencyYou > 0 {
			g++
		}
		return g
	}
	var rows []SkillGap
	for _, r := range a.Profile {
		if r.Gap > 0 {
			rows = append(rows, r)
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if ga, gb := group(a), group(b); ga != gb {
			return ga < gb
		}
		if central[a.SkillID] != central[b.SkillID] {
			return central[a.SkillID] > central[b.SkillID]
		}
		if a.Gap != b.Gap {
			return a.Gap > b.Gap
		}
		return order[a.SkillID] < order[b.SkillID]
	})
	out := []LearnItem{}
	for i, r := range rows {
		if i == maxLearnFirst {
			break
		}
		out = append(out, LearnItem{
			Rank: i + 1, Skill: r.Skill, SkillID: r.SkillID, Category: r.Category, IsMustHave: r.IsMustHave,
			ProficiencyYou: r.ProficiencyYou, ProficiencyReq: r.ProficiencyReq, Gap: r.Gap,
			Centrality: central[r.SkillID], Why: learnWhy(r, byID[r.SkillID]), Resources: nonNil(an.res.For(r.SkillID)),
		})
	}
	return out
}

func learnWhy(r SkillGap, js JobSkill) string {
	kind := "A nice-to-have"
	if r.IsMustHave {
		kind = "A must-have"
	}
	var state string
	if r.ProficiencyYou == 0 {
		state = "your CV shows no evidence of it"
	} else {
		state = fmt.Sprintf("the job asks level %.1f, your CV suggests %.1f", r.ProficiencyReq, r.ProficiencyYou)
	}
	times := func(n int) string {
		if n == 1 {
			return "once"
		}
		return fmt.Sprintf("%d times", n)
	}
	var where string
	switch n := js.Mentions; {
	case js.InTitle && n > 1:
		where = fmt.Sprintf("named in the job title and %s more in the requirements", times(n-1))
	case js.InTitle:
		where = "named in the job title"
	default:
		where = "named " + times(max(n, 1)) + " in the requirements"
	}
	return fmt.Sprintf("%s: %s; %s.", kind, state, where)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// Assessment is the measured part of a report, handed to a Writer.
type Assessment struct {
	JobTitle     string
	Profile      []SkillGap
	Scores       Scores
	Quantitative Quantitative
	Job          JobProfile
	CV           CVProfile
	// CVLanguage is "fr" when the CV reads as French, else "en".
	CVLanguage string
}

func (an *Analyzer) assess(job JobProfile, cv CVProfile) Assessment {
	tax := an.x.tax
	have := map[string]CVSkill{}
	for _, s := range cv.Skills {
		have[s.Skill.ID] = s
	}
	var rows []SkillGap
	var wSum, wCov, wDepth, wDepthBase float64
	matched := 0
	for _, js := range job.Skills {
		you, evidence := credit(tax, js.Skill, have, cv.Skills)
		g := SkillGap{
			Skill: js.Skill.Label, SkillID: js.Skill.ID, Category: js.Skill.Category,
			ProficiencyYou: you, ProficiencyReq: js.Level, Gap: math.Max(0, js.Level-you),
			IsMustHave: js.MustHave, Evidence: evidence,
		}
		rows = append(rows, g)
		w := 1.0
		if js.MustHave {
			w = 2
		}
		wSum += w
		if you > 0 {
			matched++
			wCov += w
			wDepth += w * math.Min(you/js.Level, 1)
			wDepthBase += w
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].IsMustHave != rows[j].IsMustHave {
			return rows[i].IsMustHave
		}
		return rows[i].Gap > rows[j].Gap
	})
	coverage := pct(wCov, wSum)
	depth := pct(wDepth, wDepthBase)
	alignment := alignmentScore(tax, job, cv)
	overall := int(math.Round(0.5*float64(coverage) + 0.25*float64(depth) + 0.25*float64(alignment)))
	return Assessment{
		JobTitle: job.Title,
		Profile:  rows,
		Scores:   Scores{Coverage: coverage, Depth: depth, Alignment: alignment},
		Quantitative: Quantitative{
			OverallScore: overall, SkillsMatched: matched,
			SkillsMissing: len(job.Skills) - matched, TotalRequired: len(job.Skills),
		},
		Job: job, CV: cv, CVLanguage: language(strings.Join(cv.Lines, "\n")),
	}
}

func pct(a, b float64) int {
	if b == 0 {
		return 0
	}
	return int(math.Round(100 * a / b))
}

// credit is the candidate's level in a required skill: direct evidence, or
// partial credit through a narrower skill (Spring Boot for Spring) or a
// sibling (MySQL for PostgreSQL).
func credit(tax *Taxonomy, want Skill, have map[string]CVSkill, all []CVSkill) (float64, string) {
	if s, ok := have[want.ID]; ok {
		return s.Level, evidenceText(s)
	}
	best, why := 0.0, "not found in the CV"
	for _, s := range all {
		switch {
		case s.Skill.Broader == want.ID:
			if v := s.Level - 0.5; v > best {
				best, why = v, fmt.Sprintf("inferred from %s", s.Skill.Label)
			}
		case want.Broader != "" && s.Skill.Broader == want.Broader && s.Skill.Category == want.Category:
			if v := math.Min(1.5, s.Level/2); v > best {
				best, why = v, fmt.Sprintf("transferable from %s", s.Skill.Label)
			}
		}
	}
	return clamp(roundHalf(best), 0, levelMax), why
}

func evidenceText(s CVSkill) string {
	var parts []string
	if s.Years > 0 {
		parts = append(parts, fmt.Sprintf("%.1f years", s.Years))
	}
	if s.Current {
		parts = append(parts, "current role")
	} else if s.LastUsed > 0 {
		parts = append(parts, fmt.Sprintf("last used %d", s.LastUsed))
	}
	secs := make([]string, 0, len(s.Sections))
	for _, sec := range s.Sections {
		if sec == SectionNone {
			continue
		}
		secs = append(secs, string(sec))
	}
	if len(secs) > 0 {
		parts = append(parts, "named in "+strings.Join(secs, ", "))
	}
	if len(parts) == 0 {
		return "named in the CV"
	}
	return strings.Join(parts, "; ")
}

// alignmentScore: how much of the CV's strongest evidence points at this
// job (60%), and whether the latest role or summary matches the title (40%).
func alignmentScore(tax *Taxonomy, job JobProfile, cv CVProfile) int {
	want := map[string]bool{}
	for _, js := range job.Skills {
		want[js.Skill.ID] = true
		if js.Skill.Broader != "" {
			want[js.Skill.Broader] = true
		}
	}
	top := append([]CVSkill(nil), cv.Skills...)
	sort.SliceStable(top, func(i, j int) bool { return top[i].Level > top[j].Level })
	if len(top) > 10 {
		top = top[:10]
	}
	rel := 0
	for _, s := range top {
		if want[s.Skill.ID] || (s.Skill.Broader != "" && want[s.Skill.Broader]) {
			rel++
		}
	}
	skillPart := 0.0
	if len(top) > 0 {
		skillPart = float64(rel) / float64(len(top))
	}
	titlePart := titleOverlap(job.Title, cv)
	return int(math.Round(100 * (0.6*skillPart + 0.4*titlePart)))
}

// titleOverlap is the share of the job title's words found in the CV's
// latest role or first lines.
func titleOverlap(title string, cv CVProfile) float64 {
	words := strings.Fields(normLine(title))
	head := cv.LatestTitle
	if n := min(len(cv.Lines), 5); n > 0 {
		head += " " + strings.Join(cv.Lines[:n], " ")
	}
	hn := normLine(head)
	var n, found int
	for _, w := range words {
		if len(w) < 3 || stopTitle[w] {
			continue
		}
		n++
		if strings.Contains(hn, " "+w+" ") {
			found++
		}
	}
	if n == 0 {
		return 0.5
	}
	return float64(found) / float64(n)
}

var stopTitle = map[string]bool{"and": true, "the": true, "for": true, "with": true, "des": true, "les": true, "pour": true, "h/f": true, "m/f/d": true, "all": true, "genders": true}

// language guesses "fr" or "en" from common function words.
func language(text string) string {
	n := normLine(text)
	fr, en := 0, 0
	for _, w := range []string{" et ", " de ", " des ", " les ", " pour ", " avec ", " une ", " dans "} {
		fr += strings.Count(n, w)
	}
	for _, w := range []string{" and ", " the ", " of ", " with ", " for ", " in ", " to "} {
		en += strings.Count(n, w)
	}
	if fr > en {
		return "fr"
	}
	return "en"
}
