package cvanalysis_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/utopiahire/utopiahire/internal/cv"
)

// The fields the existing frontend reads (contract, CV section) carry the
// analyzer's own values: they restate our scores, order CVs like the
// rubric, and change with the CV.
func TestFrontendFieldsOffline(t *testing.T) {
	o := newOffline(t)
	good := analyze(t, o, excellentCV(), "", "Go engineer: Kubernetes, Kafka, PostgreSQL, Terraform")
	weak := analyze(t, o, weakCV(), "", "Go engineer: Kubernetes, Kafka, PostgreSQL, Terraform")
	fr := analyze(t, o, loadCV(t, "fr_marketing.json"), "", "")

	for name, a := range map[string]cv.Analysis{"excellent": good, "weak": weak, "french": fr} {
		if a.OverallScore != a.General.OverallScore || a.ATSScore != a.ATSAnalysis.RelevanceScore || a.Summary != a.General.Summary || a.Summary == "" {
			t.Errorf("%s: overall %d/%d ats %d/%d summary %q", name, a.OverallScore, a.General.OverallScore, a.ATSScore, a.ATSAnalysis.RelevanceScore, a.Summary)
		}
		if a.ReadabilityScore <= 0 || a.ReadabilityScore > 100 {
			t.Errorf("%s: readability %d", name, a.ReadabilityScore)
		}
		if len(a.TopPriorities) == 0 || len(a.TopPriorities) > 3 {
			t.Errorf("%s: %d priorities", name, len(a.TopPriorities))
		}
		for i, p := range a.TopPriorities {
			if p.Priority != i+1 || p.Action == "" || p.TimeEstimate == "" || p.Category == "" ||
				(p.Impact != cv.ImpactHigh && p.Impact != cv.ImpactMedium && p.Impact != cv.ImpactLow) {
				t.Errorf("%s: priority %d = %+v", name, i, p)
			}
			if a.General.TopPriorities[i] != p.Action {
				t.Errorf("%s: general.top_priorities[%d] = %q, want %q", name, i, a.General.TopPriorities[i], p.Action)
			}
		}
		if len(a.SectionAnalysis) != len(a.Sections) {
			t.Errorf("%s: %d section_analysis for %d sections", name, len(a.SectionAnalysis), len(a.Sections))
		}
		for _, s := range a.SectionAnalysis {
			switch s.Status {
			case cv.SectionGood, cv.SectionNeedsWork, cv.SectionMissing:
			default:
				t.Errorf("%s: section %s status %q", name, s.Section, s.Status)
			}
			if s.Status != cv.SectionGood && len(s.Issues) == 0 {
				t.Errorf("%s: section %s is %s without an issue", name, s.Section, s.Status)
			}
		}
		if a.JobMatchAnalysis.RelevanceScore != a.ATSAnalysis.RelevanceScore {
			t.Errorf("%s: job_match_analysis %+v", name, a.JobMatchAnalysis)
		}
	}
	wordy := analyze(t, o, wordyCV(), "", "")
	if !(good.ReadabilityScore > wordy.ReadabilityScore+15) {
		t.Errorf("readability: excellent %d, wordy %d", good.ReadabilityScore, wordy.ReadabilityScore)
	}
	if len(weak.CriticalIssues) == 0 || len(good.CriticalIssues) >= len(weak.CriticalIssues) {
		t.Errorf("critical issues: excellent %q, weak %q", good.CriticalIssues, weak.CriticalIssues)
	}
	if weak.TopPriorities[0].Impact != cv.ImpactHigh {
		t.Errorf("the weak CV's first priority is not high impact: %+v", weak.TopPriorities[0])
	}
	// Written in the CV's language.
	if !strings.Contains(strings.Join([]string{fr.TopPriorities[0].TimeEstimate, fr.TopPriorities[0].Action}, " "), "e") ||
		fr.TopPriorities[0].Action == weak.TopPriorities[0].Action {
		t.Errorf("french priorities: %+v", fr.TopPriorities)
	}

	// On the wire: every field the frontend reads, fieldPath as an array.
	b, err := json.Marshal(weak)
	if err != nil {
		t.Fatal(err)
	}
	var wire map[string]any
	_ = json.Unmarshal(b, &wire)
	for _, k := range []string{"overall_score", "ats_score", "readability_score", "summary", "critical_issues", "quick_wins",
		"field_suggestions", "section_analysis", "job_match_analysis", "top_priorities"} {
		if _, ok := wire[k]; !ok {
			t.Errorf("analysis JSON lacks %q", k)
		}
	}
	for _, s := range wire["field_suggestions"].([]any) {
		if _, ok := s.(map[string]any)["fieldPath"].([]any); !ok {
			t.Errorf("fieldPath is not an array: %v", s)
		}
	}
}

// wordyCV says reasonable things at great length, in the passive voice.
func wordyCV() cv.StructuredCV {
	long := "The quarterly reporting process for the finance department was redesigned and was then documented in detail by the team, " +
		"which was considered by management to be a significant improvement over the previous approach that had been used for many years before that"
	summary := strings.Repeat("Experienced analyst with a background in reporting, budgeting and forecasting for large organisations. ", 7)
	return cv.StructuredCV{
		Summary: summary,
		Contact: cv.Contact{Name: "Alex Kim", Email: "alex@example.com", Phone: "+44 20 7946 0000", Location: "Leeds, UK"},
		Experience: []cv.Experience{{ID: "e1", Title: "Analyst", Company: "Northwind", StartDate: "Jan 2020", EndDate: "Present",
			Bullets: []string{long, long + " and again", long + " once more"}}},
		Education: []cv.Education{{ID: "d1", Degree: "BSc Economics", Institution: "University of Leeds", StartDate: "2016", EndDate: "2019"}},
		Skills:    cv.Skills{Technical: []string{"Excel", "SQL", "Power BI"}},
	}
}
