package skills

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/ai"
	"github.com/utopiahire/utopiahire/internal/ai/geminifake"
)

const geminiKey = "AIzaSy-test-key-for-skills"

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// geminiAnalyzer is an Analyzer whose narrative Gemini writes, through the
// real genai client, against a local fake; offline is the fallback.
func geminiAnalyzer(t *testing.T, h geminifake.GenerateHandler, timeout time.Duration) (*Analyzer, *geminifake.Server) {
	t.Helper()
	srv := geminifake.NewServer(t, geminifake.Options{APIKey: geminiKey, Generate: h})
	logs := &lockedBuffer{}
	log := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	client, err := ai.NewClient(context.Background(), ai.Config{
		APIKey: geminiKey, BaseURL: srv.URL(), Timeout: 5 * time.Second, MaxAttempts: 2,
		RetryBase: time.Millisecond, MaxRetryWait: time.Second, Logger: log,
	})
	if err != nil {
		t.Fatal(err)
	}
	w := &FallbackWriter{Primary: NewGeminiWriter(client, client.Model(), log), Fallback: OfflineWriter{}, Timeout: timeout, Logger: log}
	t.Cleanup(func() {
		for _, secret := range []string{"Jane Doe", "Finly", "jane.doe@example.com", geminiKey} {
			if strings.Contains(logs.String(), secret) {
				t.Errorf("log contains %q:\n%s", secret, logs.String())
			}
		}
	})
	return NewAnalyzer(NewExtractor(loadTaxonomy(t)), w, fixedNow), srv
}

func TestGeminiWriterNarrative(t *testing.T) {
	t.Parallel()
	offline, err := newAnalyzer(t).Analyze(context.Background(), sampleRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	var gap string
	for _, r := range offline.JobSkillProfile {
		if r.Gap > 0 {
			gap = r.Skill
			break
		}
	}
	if gap == "" {
		t.Fatal("the sample has no gap to write about")
	}
	cvLine := "- Scaled PostgreSQL with read replicas and careful query optimization; introduced Redis caching."
	answer := map[string]any{
		"ai_summary": "A strong match for the backend role; the main must-have gap is " + gap + ".",
		"priority_actions": []map[string]string{
			{"action": "Build a small service using " + gap, "time_estimate": "3 weeks", "why": "It is required and missing."},
		},
		"learning_paths": []map[string]string{
			{"skill": strings.ToUpper(gap), "path_title": gap + " in depth", "platform": "Coursera"},
			{"skill": "Underwater basket weaving", "path_title": "Baskets", "platform": "Nowhere"},
		},
		"resume_edits": []map[string]string{
			{"before": "  " + strings.ToLower(cvLine), "after": cvLine + " (PostgreSQL 16)", "reason": "Say the version."},
			{"before": "- Led a team of 200 at NASA.", "after": "- Led a team of 300 at NASA.", "reason": "Invented."},
		},
	}
	an, srv := geminiAnalyzer(t, geminifake.Sequence(geminifake.ReplyJSON(answer)), 10*time.Second)
	rep, err := an.Analyze(context.Background(), sampleRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Generator != ai.DefaultModel {
		t.Fatalf("generator %q", rep.Generator)
	}
	// The numbers are measured, never the model's.
	if diff := cmp.Diff(offline.JobSkillProfile, rep.JobSkillProfile); diff != "" {
		t.Fatalf("profile changed with the writer (-offline +gemini):\n%s", diff)
	}
	if rep.AIScores != offline.AIScores || rep.Quantitative != offline.Quantitative {
		t.Fatalf("scores changed: %+v %+v", rep.AIScores, rep.Quantitative)
	}
	if !strings.HasPrefix(rep.AISummary, "A strong match") || len(rep.PriorityActions) != 1 {
		t.Fatalf("narrative: %+v", rep)
	}
	if want := []LearningPath{{Skill: gap, PathTitle: gap + " in depth", Platform: "Coursera", Resources: loadResources(t).For(slug(gap))}}; !cmp.Equal(want, rep.LearningPaths) {
		t.Fatalf("learning paths %+v, want %+v (unknown skills dropped, label restored)", rep.LearningPaths, want)
	}
	if len(rep.ResumeEdits) != 1 || rep.ResumeEdits[0].Before != cvLine {
		t.Fatalf("resume edits %+v (only edits of real CV lines, before as in the CV)", rep.ResumeEdits)
	}
	reqs := srv.Requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests", len(reqs))
	}
	r := reqs[0]
	if r.ResponseMIMEType() != "application/json" || r.ResponseSchema() == nil || r.ResponseSchema().Properties["resume_edits"] == nil {
		t.Fatalf("not a structured-output request: %s %+v", r.ResponseMIMEType(), r.ResponseSchema())
	}
	if !strings.Contains(r.Text(), "<<<ASSESSMENT>>>") || !strings.Contains(r.Text(), "Finly Payments") || !strings.Contains(r.SystemText(), "in English") {
		t.Fatalf("prompt: %.300s / %.300s", r.Text(), r.SystemText())
	}
}

func TestGeminiWriterFallsBack(t *testing.T) {
	t.Parallel()
	empty := geminifake.ReplyJSON(map[string]any{"ai_summary": " ", "priority_actions": []any{}, "learning_paths": []any{}, "resume_edits": []any{}})
	for name, tc := range map[string]struct {
		h       geminifake.GenerateHandler
		timeout time.Duration
		want    string
	}{
		"server error": {geminifake.Sequence(geminifake.Fail(http.StatusInternalServerError, "boom"), geminifake.Fail(http.StatusInternalServerError, "boom")), 10 * time.Second, "offline (gemini unavailable: ai_unavailable)"},
		"quota":        {geminifake.Sequence(geminifake.Fail(http.StatusTooManyRequests, "quota"), geminifake.Fail(http.StatusTooManyRequests, "quota")), 10 * time.Second, "offline (gemini unavailable: ai_rate_limited)"},
		"invalid":      {geminifake.Sequence(empty, empty), 10 * time.Second, "offline (gemini unavailable: ai_invalid_output)"},
		"slow": {func(context.Context, *geminifake.GenerateRequest) geminifake.GenerateResponse {
			return geminifake.GenerateResponse{Text: "{}", Delay: 5 * time.Second}
		}, 300 * time.Millisecond, "offline (gemini unavailable: "},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			an, _ := geminiAnalyzer(t, tc.h, tc.timeout)
			start := time.Now()
			rep, err := an.Analyze(context.Background(), sampleRequest(t))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(rep.Generator, tc.want) || rep.AISummary == "" || len(rep.PriorityActions) == 0 {
				t.Fatalf("generator %q, summary %q, %d actions", rep.Generator, rep.AISummary, len(rep.PriorityActions))
			}
			if time.Since(start) > 4*time.Second {
				t.Fatalf("fallback took %s", time.Since(start))
			}
		})
	}
}

func TestFallbackWriterHonoursCancellation(t *testing.T) {
	t.Parallel()
	an, _ := geminiAnalyzer(t, func(context.Context, *geminifake.GenerateRequest) geminifake.GenerateResponse {
		return geminifake.GenerateResponse{Text: "{}", Delay: 5 * time.Second}
	}, 10*time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if _, err := an.Analyze(ctx, sampleRequest(t)); err == nil {
		t.Fatal("a cancelled request produced a report")
	}
}
