package skills

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
)

// Writer writes the narrative parts of a report from a measured assessment.
// The offline writer below is deterministic; a model-backed writer (Gemini)
// implements the same interface elsewhere.
type Writer interface {
	Write(ctx context.Context, a Assessment) (Narrative, error)
}

// Narrative is what a Writer produces.
type Narrative struct {
	Summary         string
	PriorityActions []PriorityAction
	LearningPaths   []LearningPath
	ResumeEdits     []ResumeEdit
	// Generator names the writer, e.g. "offline" or "gemini-2.5-flash".
	Generator string
}

// OfflineWriter writes narratives from templates and the assessment alone:
// no network, same output for the same input.
type OfflineWriter struct{}

var _ Writer = OfflineWriter{}

// Write implements Writer.
func (OfflineWriter) Write(ctx context.Context, a Assessment) (Narrative, error) {
	if err := ctx.Err(); err != nil {
		return Narrative{}, err
	}
	gaps := openGaps(a.Profile)
	return Narrative{
		Summary:         summary(a, gaps),
		PriorityActions: actions(gaps),
		LearningPaths:   paths(gaps, a.CVLanguage),
		ResumeEdits:     edits(a),
		Generator:       "offline",
	}, nil
}

// openGaps are the rows with a gap, must-haves first, then biggest gap.
func openGaps(rows []SkillGap) []SkillGap {
	var g []SkillGap
	for _, r := range rows {
		if r.Gap > 0 {
			g = append(g, r)
		}
	}
	sort.SliceStable(g, func(i, j int) bool {
		if g[i].IsMustHave != g[j].IsMustHave {
			return g[i].IsMustHave
		}
		return g[i].Gap > g[j].Gap
	})
	return g
}

func summary(a Assessment, gaps []SkillGap) string {
	q := a.Quantitative
	band := "a weak"
	switch {
	case q.OverallScore >= 80:
		band = "a strong"
	case q.OverallScore >= 60:
		band = "a good"
	case q.OverallScore >= 40:
		band = "a partial"
	}
	role := a.JobTitle
	if role == "" {
		role = "this role"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Your CV is %s match for %s (overall %d/100): it shows %d of the %d skills the job names.",
		band, role, q.OverallScore, q.SkillsMatched, q.TotalRequired)
	if top := names(a.Profile, func(r SkillGap) bool { return r.IsMustHave && r.Gap == 0 && r.ProficiencyYou > 0 }, 4); top != "" {
		fmt.Fprintf(&b, " Strengths for the must-haves: %s.", top)
	}
	if miss := names(gaps, func(r SkillGap) bool { return r.IsMustHave && r.ProficiencyYou == 0 }, 4); miss != "" {
		fmt.Fprintf(&b, " Missing must-haves: %s.", miss)
	}
	if low := names(gaps, func(r SkillGap) bool { return r.IsMustHave && r.ProficiencyYou > 0 }, 3); low != "" {
		fmt.Fprintf(&b, " Below the level asked: %s.", low)
	}
	return b.String()
}

func names(rows []SkillGap, keep func(SkillGap) bool, limit int) string {
	var out []string
	for _, r := range rows {
		if keep(r) && len(out) < limit {
			out = append(out, r.Skill)
		}
	}
	return strings.Join(out, ", ")
}

// weeksPerLevel is a rough study time to gain one level, by category.
var weeksPerLevel = map[Category]float64{
	ProgrammingLanguage: 4, Framework: 3, Tool: 1.5, Cloud: 2, Data: 3, SoftSkill: 4,
	SpokenLanguage: 12, Domain: 4, Certification: 6,
}

func estimate(r SkillGap) string {
	w := weeksPerLevel[r.Category]
	if w == 0 {
		w = 3
	}
	weeks := math.Ceil(r.Gap * w)
	switch {
	case weeks <= 1:
		return "1 week"
	case weeks < 9:
		return fmt.Sprintf("%d weeks", int(weeks))
	}
	return fmt.Sprintf("%d months", int(math.Ceil(weeks/4.3)))
}

func actions(gaps []SkillGap) []PriorityAction {
	var out []PriorityAction
	for _, r := range gaps {
		if len(out) == 5 {
			break
		}
		kind := "nice-to-have"
		if r.IsMustHave {
			kind = "must-have"
		}
		var act, why string
		if r.ProficiencyYou == 0 {
			act = fmt.Sprintf("Learn %s and use it in a small project you can show", r.Skill)
			why = fmt.Sprintf("%s is a %s for this job and your CV shows no evidence of it (%s).", r.Skill, kind, r.Evidence)
		} else {
			act = fmt.Sprintf("Deepen %s from level %.1f to %.1f and make it visible in your experience bullets", r.Skill, r.ProficiencyYou, r.ProficiencyReq)
			why = fmt.Sprintf("The job asks for level %.1f in %s (%s); your CV suggests %.1f (%s).", r.ProficiencyReq, r.Skill, kind, r.ProficiencyYou, r.Evidence)
		}
		out = append(out, PriorityAction{Action: act, TimeEstimate: estimate(r), Why: why})
	}
	return out
}

// platformFor picks a learning platform a learner would actually use for
// the skill: the vendor's own academy for cloud, a practice site for code.
func platformFor(r SkillGap, lang string) string {
	id := r.SkillID
	switch {
	case strings.HasPrefix(id, "aws") || strings.HasPrefix(id, "amazon"):
		return "AWS Skill Builder"
	case strings.HasPrefix(id, "azure") || strings.HasPrefix(id, "microsoft"):
		return "Microsoft Learn"
	case strings.HasPrefix(id, "google"):
		return "Google Cloud Skills Boost"
	}
	if lang == "fr" && r.Category != ProgrammingLanguage {
		return "OpenClassrooms"
	}
	switch r.Category {
	case ProgrammingLanguage:
		return "Exercism"
	case Framework, Tool:
		return "Official documentation and tutorials"
	case Cloud:
		return "Coursera"
	case Data:
		return "Kaggle Learn"
	case SoftSkill:
		return "LinkedIn Learning"
	case SpokenLanguage:
		return "Duolingo and a conversation class"
	case Certification:
		return "The certifying body's official preparation course"
	}
	return "Coursera"
}

func paths(gaps []SkillGap, lang string) []LearningPath {
	var out []LearningPath
	for _, r := range gaps {
		if len(out) == 5 {
			break
		}
		title := fmt.Sprintf("%s fundamentals to job-ready", r.Skill)
		if r.ProficiencyYou >= 2 {
			title = fmt.Sprintf("Advanced %s in production", r.Skill)
		}
		out = append(out, LearningPath{Skill: r.Skill, PathTitle: title, Platform: platformFor(r, lang)})
	}
	return out
}

// edits proposes changes grounded in the CV's own text: use the job's name
// for a skill the CV spells differently, and list in the skills section the
// required skills the CV only shows in its experience. It never invents
// experience.
func edits(a Assessment) []ResumeEdit {
	jobText := map[string]string{}
	for _, js := range a.Job.Skills {
		jobText[js.Skill.ID] = js.Text
	}
	var out []ResumeEdit
	seenLine := map[int]bool{}
	for _, s := range a.CV.Skills {
		jt, ok := jobText[s.Skill.ID]
		if !ok || strings.EqualFold(jt, s.Text) || len(s.Lines) == 0 || len(out) >= 4 {
			continue
		}
		l := s.Lines[0]
		if seenLine[l] {
			continue
		}
		before := strings.TrimSpace(a.CV.Lines[l])
		after := strings.Replace(before, s.Text, fmt.Sprintf("%s (%s)", jt, s.Text), 1)
		if after == before {
			continue
		}
		seenLine[l] = true
		out = append(out, ResumeEdit{Before: before, After: after,
			Reason: fmt.Sprintf("The job says %q; recruiters and ATS filters search for that exact term.", jt)})
	}
	if a.CV.SkillsLine >= 0 {
		var add []string
		inSkills := map[string]bool{}
		for _, s := range a.CV.Skills {
			for _, sec := range s.Sections {
				if sec == SectionSkills {
					inSkills[s.Skill.ID] = true
				}
			}
		}
		for _, s := range a.CV.Skills {
			if _, asked := jobText[s.Skill.ID]; asked && !inSkills[s.Skill.ID] && s.Skill.Category.technical() {
				add = append(add, s.Skill.Label)
			}
		}
		if len(add) > 0 {
			before := strings.TrimSpace(a.CV.Lines[a.CV.SkillsLine])
			sep := ", "
			if strings.HasSuffix(before, ":") {
				sep = " "
			}
			out = append(out, ResumeEdit{Before: before, After: before + sep + strings.Join(add, ", "),
				Reason: "Your experience already shows these skills the job asks for, but your skills section does not list them."})
		}
	}
	return out
}
