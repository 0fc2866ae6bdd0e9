package cv

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParsePathJSON(t *testing.T) {
	tests := []struct {
		raw, want, code string
	}{
		{`["experience", 1, "bullets", 0]`, "experience[1].bullets[0]", ""},
		{`["experience", "1", "bullets", "0"]`, "experience[1].bullets[0]", ""},
		{`"experience[1].bullets[0]"`, "experience[1].bullets[0]", ""},
		{`["summary"]`, "summary", ""},
		{`["contact", "email"]`, "contact.email", ""},
		{`["skills", "technical", 3]`, "skills.technical[3]", ""},
		{`[]`, "", string(CodeInvalidFieldPath)},
		{`null`, "", string(CodeInvalidFieldPath)},
		{`[0, "summary"]`, "", string(CodeInvalidFieldPath)},
		{`["experience", -1]`, "", string(CodeInvalidFieldPath)},
		{`["experience", 1.5]`, "", string(CodeInvalidFieldPath)},
		{`["experience", 100000]`, "", string(CodeInvalidFieldPath)},
		{`["experience", 1, 2]`, "", string(CodeInvalidFieldPath)},
		{`["a","b","c","d","e","f","g"]`, "", string(CodeInvalidFieldPath)},
		{`["exp.erience"]`, "", string(CodeInvalidFieldPath)},
		{`{"path": "summary"}`, "", string(CodeInvalidFieldPath)},
		{`["summary", {}]`, "", string(CodeInvalidFieldPath)},
		{`"experience[01]"`, "", string(CodeInvalidFieldPath)},
	}
	for _, tt := range tests {
		got, err := ParsePathJSON(json.RawMessage(tt.raw))
		if got != tt.want || string(CodeOf(err)) != tt.code {
			t.Errorf("ParsePathJSON(%s) = %q, %v; want %q, code %q", tt.raw, got, err, tt.want, tt.code)
		}
	}
}

func TestFieldSuggestionJSON(t *testing.T) {
	s := FieldSuggestion{SuggestionID: "fs-1", TargetField: "experience.bullets", FieldPath: "experience[1].bullets[0]", OriginalValue: "a", ImprovedValue: "b", Severity: "high"}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var wire map[string]any
	_ = json.Unmarshal(b, &wire)
	if d := cmp.Diff([]any{"experience", float64(1), "bullets", float64(0)}, wire["fieldPath"]); d != "" || wire["field_path"] != "experience[1].bullets[0]" {
		t.Errorf("fieldPath on the wire (-want +got):\n%s (field_path %v)", d, wire["field_path"])
	}
	var back FieldSuggestion
	if err := json.Unmarshal(b, &back); err != nil || back != s {
		t.Errorf("round trip: %+v, %v", back, err)
	}
	// Analyses stored before the array form hold the string.
	var old FieldSuggestion
	if err := json.Unmarshal([]byte(`{"suggestionId":"x","fieldPath":"summary"}`), &old); err != nil || old.FieldPath != "summary" {
		t.Errorf("string form: %+v, %v", old, err)
	}
}

func TestFillDerived(t *testing.T) {
	a := Analysis{
		General:     General{OverallScore: 70, Summary: "ok", TopPriorities: []string{"one", "two"}},
		ATSAnalysis: ATSAnalysis{RelevanceScore: 55},
		Sections:    []SectionAnalysis{{Name: "skills", Present: false, Feedback: "Missing."}, {Name: "experience", Present: true, Score: 80}},
	}
	a.FillDerived()
	if a.OverallScore != 70 || a.ATSScore != 55 || a.Summary != "ok" || a.JobMatchAnalysis.RelevanceScore != 55 {
		t.Errorf("scores: %+v", a)
	}
	want := []Priority{{Priority: 1, Action: "one", Impact: ImpactHigh, Category: "general"}, {Priority: 2, Action: "two", Impact: ImpactMedium, Category: "general"}}
	if d := cmp.Diff(want, a.TopPriorities); d != "" {
		t.Errorf("priorities from an older analysis (-want +got):\n%s", d)
	}
	wantSections := []SectionReview{
		{Section: "skills", Status: SectionMissing, Issues: []string{"Missing."}, Suggestions: []string{}},
		{Section: "experience", Status: SectionGood, Score: 80, Issues: []string{}, Suggestions: []string{}},
	}
	if d := cmp.Diff(wantSections, a.SectionAnalysis); d != "" {
		t.Errorf("section_analysis (-want +got):\n%s", d)
	}
	if a.CriticalIssues == nil || a.QuickWins == nil || a.FieldSuggestions == nil {
		t.Errorf("nil lists left: %+v", a)
	}
}
