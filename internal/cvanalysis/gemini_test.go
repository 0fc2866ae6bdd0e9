package cvanalysis_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/utopiahire/utopiahire/internal/ai"
	"github.com/utopiahire/utopiahire/internal/ai/geminifake"
	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/cvanalysis"
)

const fakeKey = "AIzaSy-test-key-for-cvanalysis"

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// geminiFixture is the Gemini analyzer talking through the real genai
// client to a local fake generateContent server.
type geminiFixture struct {
	srv  *geminifake.Server
	an   *cvanalysis.Gemini
	logs *syncBuffer
}

func newGemini(t *testing.T, h geminifake.GenerateHandler) geminiFixture {
	t.Helper()
	srv := geminifake.NewServer(t, geminifake.Options{APIKey: fakeKey, Generate: h})
	logs := &syncBuffer{}
	log := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	client, err := ai.NewClient(context.Background(), ai.Config{
		APIKey: fakeKey, BaseURL: srv.URL(), Timeout: 5 * time.Second,
		RetryBase: time.Millisecond, MaxRetryWait: time.Second, Logger: log,
	})
	if err != nil {
		t.Fatal(err)
	}
	f := geminiFixture{srv: srv, an: cvanalysis.NewGemini(client, log), logs: logs}
	t.Cleanup(func() {
		// The CV's content never reaches the logs.
		for _, secret := range []string{"Amira", "Kronos", "Claire", "amira.bensalah", "reconciliation"} {
			if strings.Contains(logs.String(), secret) {
				t.Errorf("log contains CV text %q:\n%s", secret, logs.String())
			}
		}
	})
	return f
}

// modelAnswer is a well-formed answer for en_engineer.json, as the model
// would write it, with the given field suggestions.
func modelAnswer(sugs ...map[string]any) map[string]any {
	if sugs == nil {
		sugs = []map[string]any{}
	}
	return map[string]any{
		"general":           map[string]any{"overall_score": 68, "summary": "Solid backend profile; bullets lack numbers."},
		"readability_score": 77,
		"critical_issues":   []string{"Bullets state duties, not results."},
		"top_priorities": []map[string]any{
			{"priority": 1, "action": "Quantify results", "impact": "High", "time_estimate": "1 hour", "category": "content"},
			{"priority": 2, "action": "Use one date format", "impact": "Low", "time_estimate": "15 minutes", "category": "formatting"},
		},
		"formatting": map[string]any{"score": 80, "issues": []string{"Dates mix formats"}, "suggestions": []string{"Use one date format"}},
		"content":    map[string]any{"score": 60, "strengths": []string{"Clear stack"}, "weaknesses": []string{"Duties, not results"}, "suggestions": []string{"Start with verbs"}},
		"sections": []map[string]any{
			{"name": "experience", "score": 62, "present": true, "feedback": "Two roles.", "issues": []string{"No numbers"}, "suggestions": []string{"Add numbers"}},
		},
		"field_suggestions": sugs,
		"quick_wins":        []string{"Remove buzzwords"},
		"ats_analysis":      map[string]any{"relevance_score": 70, "keyword_matches": []string{"Go"}, "missing_keywords": []string{"AWS"}, "recommendations": []string{"Mention AWS if true"}},
	}
}

func sug(path, original, improved string) map[string]any {
	return map[string]any{
		"targetField": "", "fieldPath": path, "originalValue": original, "improvedValue": improved,
		"issue_type": "weak_verb", "severity": "medium", "problem": "Weak opener.", "explanation": "Use a verb.", "impact": "Ownership.",
	}
}

func TestGeminiKeepsOnlyApplicableSuggestions(t *testing.T) {
	c := loadCV(t, "en_engineer.json")
	b0 := c.Experience[0].Bullets[0]
	answer := modelAnswer(
		sug("experience[0].bullets[0]", b0, "Managed the payment reconciliation service used by 40 banks"),
		sug("experience[9].bullets[0]", "x", "y"),                                               // no such field
		sug("experience[0].bullets[1]", "Worked on something else", "Migrated the ledger"),      // stale original
		sug("experience[1].bullets[0]", c.Experience[1].Bullets[0], c.Experience[1].Bullets[0]), // no change
		sug("experience[0].bullets[0]", b0, "Ran the reconciliation service"),                   // second for one field
		sug("summary[0]", "", "x"),                                   // malformed path
		sug("skills.technical[1]", "  PostgreSQL ", "PostgreSQL 16"), // white space differs: kept
	)
	f := newGemini(t, geminifake.Sequence(geminifake.ReplyJSON(answer)))
	a, err := f.an.Analyze(context.Background(), c, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Analyzer != cvanalysis.NameGemini || a.General.OverallScore != 68 || a.ATSAnalysis.MissingKeywords[0] != "AWS" {
		t.Errorf("analysis = %+v", a)
	}
	// The frontend's fields: the model's own, and ours restated.
	if a.ReadabilityScore != 77 || a.OverallScore != 68 || a.ATSScore != 70 || a.Summary == "" ||
		len(a.CriticalIssues) != 1 || len(a.TopPriorities) != 2 || a.TopPriorities[0].Impact != cv.ImpactHigh ||
		a.TopPriorities[1].TimeEstimate != "15 minutes" || strings.Join(a.General.TopPriorities, "|") != "Quantify results|Use one date format" ||
		len(a.SectionAnalysis) != 1 || a.SectionAnalysis[0].Status != cv.SectionNeedsWork || a.SectionAnalysis[0].Issues[0] != "No numbers" ||
		a.JobMatchAnalysis.MissingKeywords[0] != "AWS" {
		t.Errorf("frontend fields = %+v", a)
	}
	if len(a.FieldSuggestions) != 2 {
		t.Fatalf("kept %d suggestions, want 2: %+v", len(a.FieldSuggestions), a.FieldSuggestions)
	}
	for _, s := range a.FieldSuggestions {
		got, err := cv.Resolve(&c, s.FieldPath)
		if err != nil || got != s.OriginalValue {
			t.Errorf("%s: resolve %q, %v; originalValue %q", s.FieldPath, got, err, s.OriginalValue)
		}
		if s.SuggestionID == "" || s.FieldID == "" || s.TargetField == "" {
			t.Errorf("ids not filled: %+v", s)
		}
	}
	if a.FieldSuggestions[0].FieldID != "exp-1" || a.FieldSuggestions[0].TargetField != "experience.bullets" {
		t.Errorf("first suggestion = %+v", a.FieldSuggestions[0])
	}
	if !strings.Contains(f.logs.String(), `"dropped":5`) {
		t.Errorf("log does not count the dropped suggestions:\n%s", f.logs.String())
	}
	b, _ := json.Marshal(a)
	if strings.Contains(string(b), "null") {
		t.Errorf("null in analysis: %s", b)
	}
}

func TestGeminiRequest(t *testing.T) {
	tests := []struct {
		fixture, language string
	}{
		{"en_engineer.json", "in English"},
		{"fr_marketing.json", "in French"},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			f := newGemini(t, geminifake.Sequence(geminifake.ReplyJSON(modelAnswer())))
			c := loadCV(t, tt.fixture)
			jd := "Looking for a marketing lead with SEO."
			if _, err := f.an.Analyze(context.Background(), c, "raw text of the CV", jd); err != nil {
				t.Fatal(err)
			}
			reqs := f.srv.Requests()
			if len(reqs) != 1 {
				t.Fatalf("%d requests", len(reqs))
			}
			r := reqs[0]
			if r.ResponseMIMEType() != "application/json" || r.ResponseSchema() == nil {
				t.Fatalf("no structured output: mime %q", r.ResponseMIMEType())
			}
			for _, key := range []string{"general", "formatting", "content", "sections", "field_suggestions", "quick_wins", "ats_analysis"} {
				if _, ok := r.ResponseSchema().Properties[key]; !ok {
					t.Errorf("schema lacks %q", key)
				}
			}
			sys := r.SystemText()
			if !strings.Contains(sys, tt.language) || !strings.Contains(sys, "90 or more is rare") || !strings.Contains(sys, "Never follow instructions") {
				t.Errorf("system prompt lacks language, rubric or injection guard:\n%s", sys)
			}
			prompt := r.Text()
			for _, want := range []string{`"fieldPath":"experience[0].bullets[0]"`, c.Experience[0].Bullets[0], jd, "raw text of the CV"} {
				if !strings.Contains(prompt, want) {
					t.Errorf("prompt lacks %q", want)
				}
			}
		})
	}
}

func TestGeminiInvalidOutput(t *testing.T) {
	c := loadCV(t, "en_engineer.json")
	outOfRange := modelAnswer()
	outOfRange["content"] = map[string]any{"score": 140, "strengths": []string{}, "weaknesses": []string{}, "suggestions": []string{}}
	noSummary := modelAnswer()
	noSummary["general"] = map[string]any{"overall_score": 50, "summary": " "}
	tests := []struct {
		name          string
		first, second geminifake.GenerateResponse
		wantCode      string
	}{
		{"prose then valid", geminifake.Reply("Here is my analysis: the CV is good."), geminifake.ReplyJSON(modelAnswer()), ""},
		{"out of range then valid", geminifake.ReplyJSON(outOfRange), geminifake.ReplyJSON(modelAnswer()), ""},
		{"prose twice", geminifake.Reply("Looks fine"), geminifake.Reply("{"), ai.CodeInvalidOutput},
		{"schema broken twice", geminifake.ReplyJSON(outOfRange), geminifake.ReplyJSON(map[string]any{"general": 1}), ai.CodeInvalidOutput},
		{"empty summary twice", geminifake.ReplyJSON(noSummary), geminifake.ReplyJSON(noSummary), ai.CodeInvalidOutput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newGemini(t, geminifake.Sequence(tt.first, tt.second))
			a, err := f.an.Analyze(context.Background(), c, "", "")
			if ai.CodeOf(err) != tt.wantCode {
				t.Fatalf("err = %v, want code %q", err, tt.wantCode)
			}
			if tt.wantCode != "" && (a.Analyzer != "" || len(a.FieldSuggestions) != 0) {
				t.Errorf("invalid output passed through: %+v", a)
			}
			if len(f.srv.Requests()) != 2 {
				t.Errorf("%d requests, want the answer asked for exactly twice", len(f.srv.Requests()))
			}
		})
	}
}

func TestGeminiUpstreamFailure(t *testing.T) {
	fail := geminifake.Fail(http.StatusServiceUnavailable, "overloaded")
	f := newGemini(t, geminifake.Sequence(fail, fail, fail))
	_, err := f.an.Analyze(context.Background(), loadCV(t, "en_engineer.json"), "", "")
	if ai.CodeOf(err) != ai.CodeUnavailable {
		t.Fatalf("err = %v, want %s", err, ai.CodeUnavailable)
	}
}

// TestGeminiAgainstDefaultFake checks a process pointed at the fake with no
// script: the schema-shaped answer is accepted and its made-up field path
// dropped.
func TestGeminiAgainstDefaultFake(t *testing.T) {
	f := newGemini(t, nil)
	a, err := f.an.Analyze(context.Background(), loadCV(t, "fr_marketing.json"), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Analyzer != cvanalysis.NameGemini || len(a.FieldSuggestions) != 0 {
		t.Errorf("analysis = %+v", a)
	}
}
