package main

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/utopiahire/utopiahire/internal/ai/geminifake"
	"github.com/utopiahire/utopiahire/internal/dbtest"
)

const geminiTestKey = "AIzaSy-cmd-server-cv-test-key"

// geminiCVAnswer is what the model writes for cvText: scores, and one
// rewrite of the summary (whose originalValue is the CV's summary).
func geminiCVAnswer(summary string) map[string]any {
	return map[string]any{
		"general":           map[string]any{"overall_score": 71, "summary": "Strong Go profile; add numbers."},
		"readability_score": 83,
		"critical_issues":   []string{"No result is quantified."},
		"top_priorities":    []map[string]any{{"priority": 1, "action": "Quantify results", "impact": "High", "time_estimate": "1 hour", "category": "content"}},
		"formatting":        map[string]any{"score": 82, "issues": []string{}, "suggestions": []string{}},
		"content":           map[string]any{"score": 64, "strengths": []string{"Clear stack"}, "weaknesses": []string{"Duties, not results"}, "suggestions": []string{"Lead with results"}},
		"sections":          []map[string]any{{"name": "experience", "score": 66, "present": true, "feedback": "One role.", "issues": []string{"No metrics"}, "suggestions": []string{"Add metrics"}}},
		"field_suggestions": []map[string]any{{
			"targetField": "summary", "fieldPath": "summary", "originalValue": summary,
			"improvedValue": "Backend engineer (6 years) who cut p99 latency 40% with Go and PostgreSQL.",
			"issue_type":    "missing_metric", "severity": "medium", "problem": "No result.", "explanation": "Lead with a number.", "impact": "Recruiters see impact.",
		}},
		"quick_wins":   []string{"Start bullets with verbs"},
		"ats_analysis": map[string]any{"relevance_score": 74, "keyword_matches": []string{"Go"}, "missing_keywords": []string{"Kubernetes"}, "recommendations": []string{"Mention Kubernetes if true"}},
	}
}

type geminiResult struct {
	Analyzer       string `json:"analyzer"`
	GeminiAnalysis struct {
		Analyzer string `json:"analyzer"`
		Message  string `json:"message"`
		Analysis struct {
			OverallScore     int      `json:"overall_score"`
			ReadabilityScore int      `json:"readability_score"`
			CriticalIssues   []string `json:"critical_issues"`
			TopPriorities    []struct {
				Priority     int    `json:"priority"`
				Action       string `json:"action"`
				Impact       string `json:"impact"`
				TimeEstimate string `json:"time_estimate"`
			} `json:"top_priorities"`
			General struct {
				OverallScore int `json:"overall_score"`
			} `json:"general"`
			FieldSuggestions []struct {
				FieldPath     []any  `json:"fieldPath"`
				ImprovedValue string `json:"improvedValue"`
			} `json:"field_suggestions"`
		} `json:"analysis"`
	} `json:"gemini_analysis"`
}

func (c *apiClient) analyzeText(useGemini string) geminiResult {
	c.t.Helper()
	code, body := c.multipart("/api/analyze-structured", map[string]string{"cv_text": cvText, "job_description": "Go, Kubernetes", "use_gemini": useGemini}, "", "", nil)
	if code != 200 {
		c.t.Fatalf("analyze (use_gemini=%s): %d %s", useGemini, code, body)
	}
	var r geminiResult
	if err := json.Unmarshal(body, &r); err != nil {
		c.t.Fatal(err)
	}
	return r
}

// With GEMINI_API_KEY set, analyses asked for with use_gemini go through the
// real genai client to a local generateContent server; without the flag,
// or when the model's output is invalid (after one retry), the offline
// analyzer answers and the response says so.
func TestCVAnalysisUsesGeminiWhenKeySet(t *testing.T) {
	t.Parallel()
	summary := "Backend engineer with 6 years of Go and PostgreSQL."
	srv := geminifake.NewServer(t, geminifake.Options{APIKey: geminiTestKey,
		Generate: func(context.Context, *geminifake.GenerateRequest) geminifake.GenerateResponse {
			return geminifake.ReplyJSON(geminiCVAnswer(summary))
		}})
	dbURL := dbtest.New(t)
	m := startMain(t, testConfig(t, dbURL, map[string]string{"GEMINI_API_KEY": geminiTestKey, "GEMINI_BASE_URL": srv.URL()}))
	u := signIn(t, m, dbURL, "gina")

	r := u.analyzeText("true")
	a := r.GeminiAnalysis
	if r.Analyzer != "gemini" || a.Analyzer != "gemini" || a.Analysis.General.OverallScore != 71 {
		t.Fatalf("gemini analysis: %+v", r)
	}
	// The frontend's fields carry the model's own values.
	if an := a.Analysis; an.OverallScore != 71 || an.ReadabilityScore != 83 || len(an.CriticalIssues) != 1 || len(an.TopPriorities) != 1 ||
		an.TopPriorities[0].Action != "Quantify results" || an.TopPriorities[0].Impact != "High" || an.TopPriorities[0].TimeEstimate != "1 hour" {
		t.Fatalf("frontend fields from Gemini: %+v", an)
	}
	if len(a.Analysis.FieldSuggestions) != 1 || !reflect.DeepEqual(a.Analysis.FieldSuggestions[0].FieldPath, []any{"summary"}) {
		t.Fatalf("the summary rewrite (whose originalValue matches the parsed CV) was not kept: %+v", a.Analysis.FieldSuggestions)
	}
	reqs := srv.Requests()
	if len(reqs) != 1 || reqs[0].ResponseSchema() == nil || reqs[0].ResponseMIMEType() != "application/json" ||
		!strings.Contains(reqs[0].Text(), "Jane Doe") || !strings.Contains(reqs[0].Text(), "Kubernetes") {
		t.Fatalf("generateContent requests: %d, first schema %v mime %q", len(reqs), reqs[0].ResponseSchema() != nil, reqs[0].ResponseMIMEType())
	}

	if r := u.analyzeText("false"); r.Analyzer != "offline" || len(srv.Requests()) != 1 {
		t.Fatalf("without use_gemini: analyzer %q, %d requests to Gemini", r.Analyzer, len(srv.Requests()))
	}

	srv.SetGenerate(func(context.Context, *geminifake.GenerateRequest) geminifake.GenerateResponse {
		return geminifake.Reply("Sure! Here is my analysis: the CV is great.")
	})
	r = u.analyzeText("true")
	if r.Analyzer != "offline" || !strings.Contains(r.GeminiAnalysis.Message, "Gemini was not available") {
		t.Fatalf("invalid model output must not pass through: %+v", r)
	}
	if n := len(srv.Requests()); n != 3 {
		t.Fatalf("%d requests to Gemini, want 3 (the invalid answer retried once)", n)
	}
}
