package skills

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestDeadlineStopsInsideAStep: the analysis deadline and the request's
// context are observed inside each step, not only between them. A run of
// the 64 KB hostile job description makes many checks; cancelling the
// context at the third check (inside the first step, reading the job)
// ends the analysis at that check with ErrDeadline.
func TestDeadlineStopsInsideAStep(t *testing.T) {
	an := newAnalyzer(t)
	req := sampleRequest(t)
	req.JobDescription = unbrokenJob(t, MaxJobDescriptionBytes)

	total := 0
	an.onCheck = func(n int) { total = n }
	if _, err := an.Analyze(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	jobChecks := newStopper(context.Background(), time.Now().Add(time.Hour))
	an.x.job(req.JobTitle, req.JobDescription, jobChecks)
	if jobChecks.checks < 10 || total <= jobChecks.checks {
		t.Fatalf("checks: %d in reading the job, %d in the whole analysis; want the job step to check often", jobChecks.checks, total)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	last := 0
	an.onCheck = func(n int) {
		last = n
		if n == 3 {
			cancel()
		}
	}
	_, err := an.Analyze(ctx, req)
	if !errors.Is(err, ErrDeadline) {
		t.Fatalf("cancelled analysis: %v, want ErrDeadline", err)
	}
	if last != 3 {
		t.Errorf("the analysis went on for %d checks after the context was cancelled at check 3 (of %d)", last-3, total)
	}

	// A deadline already past stops each extraction at its first check.
	for name, run := range map[string]func(*stopper){
		"job": func(st *stopper) { an.x.job(req.JobTitle, req.JobDescription, st) },
		"cv":  func(st *stopper) { an.x.cv(req.JobDescription, fixedNow(), st) },
	} {
		st := newStopper(context.Background(), time.Now().Add(-time.Second))
		run(st)
		if !st.stopped || st.checks != 1 {
			t.Errorf("%s with a past deadline: stopped=%v after %d checks, want stopped after 1", name, st.stopped, st.checks)
		}
	}
}
