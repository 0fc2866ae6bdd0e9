package interview_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertest"
	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/interview"
)

// started claims a waiting interview, starts it with a short transcript
// and returns the agent's raw interview credential.
func (e *env) started(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	iv := e.waiting(t)
	cl, err := e.svc.Claim(ctx, "w", iv.ID)
	if err != nil {
		t.Fatal(err)
	}
	cred, err := e.svc.AuthenticateInterview(ctx, cl.Credential)
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range []map[string]any{
		{"type": "agent", "event": "joined"},
		{"type": "transcript", "seq": 0, "speaker": "interviewer", "text": "Tell me about yourself.", "lang": "en", "start_ms": 0, "end_ms": 900, "final": true},
		{"type": "transcript", "seq": 1, "speaker": "candidate", "text": "I analyse data.", "lang": "en", "start_ms": 1000, "end_ms": 4000, "final": true},
	} {
		b, _ := json.Marshal(m)
		if err := e.svc.HandlePublish(ctx, hub.Principal{}, interview.Channel(iv.ID), b, fmt.Sprintf("test/%d", i)); err != nil {
			t.Fatalf("publish %d: %v", i, err)
		}
	}
	if cred, err = e.svc.AuthenticateInterview(ctx, cl.Credential); err != nil || cred.Interview.State != string(interview.InProgress) {
		t.Fatalf("not started: %v %v", cred.Interview.State, err)
	}
	return cl.Credential
}

// cred authenticates raw, loading the interview as it is now.
func (e *env) cred(t *testing.T, raw string) interview.Credential {
	t.Helper()
	c, err := e.svc.AuthenticateInterview(context.Background(), raw)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (e *env) owner() interview.User {
	return interview.User{ID: e.user, Name: "Ann", Email: "ann@example.com"}
}

func report(iv interview.Interview) interview.ReportInput {
	return interview.ReportInput{CandidateEmail: iv.CandidateEmail, JobTitle: iv.JobTitle, Conclusion: "Short but clear.",
		UnscoredReason: "rehearsal", Terminated: true, TerminationReason: "The candidate left.", Abandoned: true}
}

// The candidate's End interview: stored, published, told to the agent by
// its heartbeat; the agent's report then completes the interview as ended
// by the candidate, whatever else the report says.
func TestCandidateEndCompletesWithAgentReport(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	ctx := context.Background()
	raw := e.started(t)
	cred := e.cred(t, raw)
	id := cred.Interview.ID

	if _, err := e.svc.End(ctx, interview.User{ID: "00000000-0000-0000-0000-000000000000"}, id, ""); apperr.CodeOf(err) != interview.CodeNotFound {
		t.Fatalf("someone else's end: %v", err)
	}
	if _, err := e.svc.End(ctx, e.owner(), id, strings.Repeat("x", 501)); apperr.CodeOf(err) != interview.CodeValidation {
		t.Fatalf("long reason: %v", err)
	}
	if hb, err := e.svc.Heartbeat(ctx, cred); err != nil || hb.EndRequested || interview.State(hb.State) != interview.InProgress {
		t.Fatalf("heartbeat before: %+v %v", hb, err)
	}
	// Two clicks at once: both answered, one request stored.
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if out, err := e.svc.End(ctx, e.owner(), id, "Out of time"); err != nil || !out.EndRequested || out.State != interview.InProgress {
				t.Errorf("end: %+v %v", out, err)
			}
		}()
	}
	wg.Wait()
	hb, err := e.svc.Heartbeat(ctx, cred)
	if err != nil || !hb.EndRequested || hb.EndReason != "Out of time" {
		t.Fatalf("heartbeat after end: %+v %v", hb, err)
	}
	evs, _ := e.st.Events(ctx, id)
	n := 0
	for _, ev := range evs {
		if ev.Kind == interview.TypeEndRequested {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d end_requested events", n)
	}
	// The candidate left after asking: the agent's abandoned event does not end it.
	b, _ := json.Marshal(map[string]any{"type": "agent", "event": "abandoned", "reason": "candidate_left"})
	if err := e.svc.HandlePublish(ctx, hub.Principal{}, interview.Channel(id), b, "test/abandoned"); err != nil {
		t.Fatal(err)
	}
	cred = e.cred(t, raw)
	saved, err := e.svc.SaveReport(ctx, cred, report(cred.Interview))
	if err != nil || saved.State != interview.Completed {
		t.Fatalf("save report: %+v %v", saved, err)
	}
	iv, _ := e.st.Get(ctx, id)
	if derefString(iv.EndedBy) != "candidate" || derefString(iv.EndReason) != "candidate_ended" {
		t.Fatalf("ended by %q reason %q", derefString(iv.EndedBy), derefString(iv.EndReason))
	}
	if rep, err := e.st.Report(ctx, id); err != nil || rep.WrittenBy != "agent" || rep.ClaimID == nil {
		t.Fatalf("report %+v %v", rep, err)
	}
	if _, err := e.svc.End(ctx, e.owner(), id, ""); apperr.CodeOf(err) != interview.CodeInterviewEnded {
		t.Fatalf("end after the end: %v", err)
	}
}

// Ending an interview that has not started abandons it at once.
func TestCandidateEndBeforeStart(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	iv := e.waiting(t)
	out, err := e.svc.End(context.Background(), e.owner(), iv.ID, "")
	if err != nil || out.State != interview.Abandoned || out.EndRequested {
		t.Fatalf("end: %+v %v", out, err)
	}
	got, _ := e.st.Get(context.Background(), iv.ID)
	if derefString(got.EndedBy) != "candidate" || derefString(got.EndReason) != "candidate_ended" {
		t.Fatalf("ended by %q reason %q", derefString(got.EndedBy), derefString(got.EndReason))
	}
}

// The candidate walked out and the sweeper abandoned the interview first:
// the agent's report is still attached (the state stays abandoned), and a
// second report is refused.
func TestReportAttachesToAbandonedInterview(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	ctx := context.Background()
	raw := e.started(t)
	cred := e.cred(t, raw)
	if _, err := e.svc.Transition(ctx, cred.Interview.ID, interview.Abandoned, &interview.ReasonCandidateLeft); err != nil {
		t.Fatal(err)
	}
	cred = e.cred(t, raw)
	saved, err := e.svc.SaveReport(ctx, cred, report(cred.Interview))
	if err != nil || saved.State != interview.Abandoned {
		t.Fatalf("save: %+v %v", saved, err)
	}
	if _, err := e.svc.SaveReport(ctx, cred, report(cred.Interview)); apperr.CodeOf(err) != interview.CodeReportExists {
		t.Fatalf("second report: %v", err)
	}
}

// An agent that stops beating is gone: the sweeper fails the interview and
// queues the server's report, which WriteServerReport writes from the
// stored transcript (once, however often the job runs).
func TestSilentAgentGetsServerReport(t *testing.T) {
	t.Parallel()
	e := newEnv(t, func(c *interview.Config) { c.AgentSilence = 300 * time.Millisecond })
	ctx := context.Background()
	raw := e.started(t)
	cred := e.cred(t, raw)
	id := cred.Interview.ID
	// The service started before the beat stopped: it counts.
	time.Sleep(400 * time.Millisecond)
	e.svc.Sweep(ctx)
	iv, _ := e.st.Get(ctx, id)
	if iv.State != string(interview.Failed) || derefString(iv.EndReason) != "interviewer_disconnected" || derefString(iv.EndedBy) != "server" {
		t.Fatalf("after the sweep: %s %q by %q", iv.State, derefString(iv.EndReason), derefString(iv.EndedBy))
	}
	driver := riverpgxv5.New(e.pool)
	job := rivertest.RequireInserted(ctx, t, driver, interview.ReportArgs{}, nil)
	if job.Args.InterviewID != id {
		t.Fatalf("report job for %q, want %q", job.Args.InterviewID, id)
	}
	w := interview.NewReportWorker()
	e.svc.Attach(w)
	worker := rivertest.NewWorker(t, driver, &river.Config{}, w)
	for range 2 {
		tx, err := e.pool.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		res, err := worker.WorkJob(ctx, t, tx, job.JobRow)
		_ = tx.Rollback(ctx)
		if err != nil || res.EventKind != river.EventKindJobCompleted {
			t.Fatalf("report job: %v %v", res, err)
		}
	}
	rep, err := e.st.Report(ctx, id)
	if err != nil || rep.WrittenBy != "server" || rep.ClaimID != nil || !strings.Contains(rep.Conclusion, "1 answers") || rep.Score != nil {
		t.Fatalf("server report %+v %v", rep, err)
	}
	var mails int
	if err := e.pool.QueryRow(ctx, `SELECT count(*) FROM mail_outbox WHERE recipient = 'ann@example.com'`).Scan(&mails); err != nil || mails != 1 {
		t.Fatalf("%d report mails (%v)", mails, err)
	}
	// The agent's late report is refused.
	if _, err := e.svc.SaveReport(ctx, cred, report(cred.Interview)); apperr.CodeOf(err) != interview.CodeReportExists {
		t.Fatalf("late agent report: %v", err)
	}
}

// A restarted server gives agents AgentSilence from its own start before
// counting their silence: heartbeats missed while no server ran do not
// end interviews whose agent is alive.
func TestRestartedServerWaitsForHeartbeats(t *testing.T) {
	t.Parallel()
	e := newEnv(t, func(c *interview.Config) { c.AgentSilence = 2 * time.Second })
	ctx := context.Background()
	raw := e.started(t)
	cred := e.cred(t, raw)
	if _, err := e.pool.Exec(ctx, `UPDATE interviews SET agent_seen_at = now() - interval '1 hour' WHERE id = $1`, cred.Interview.ID); err != nil {
		t.Fatal(err)
	}
	restarted, err := interview.New(e.svc.ConfigForTest())
	if err != nil {
		t.Fatal(err)
	}
	restarted.Sweep(ctx)
	if iv, _ := e.st.Get(ctx, cred.Interview.ID); iv.State != string(interview.InProgress) {
		t.Fatalf("ended at once after a restart: %s", iv.State)
	}
	time.Sleep(2100 * time.Millisecond)
	restarted.Sweep(ctx)
	if iv, _ := e.st.Get(ctx, cred.Interview.ID); iv.State != string(interview.Failed) {
		t.Fatalf("agent silent since the restart, interview %s", iv.State)
	}
}

// The candidate walked out and the agent never reported: the sweeper
// abandons the interview and schedules the server's report after
// AgentReportWait; written then (the candidate spoke), it keeps the state.
func TestWalkOutGetsServerReportWhenAgentDoesNot(t *testing.T) {
	t.Parallel()
	e := newEnv(t, func(c *interview.Config) { c.AbandonGrace, c.AgentReportWait = 100*time.Millisecond, time.Minute })
	ctx := context.Background()
	id := e.cred(t, e.started(t)).Interview.ID
	if err := e.st.Left(ctx, id, interview.PartCandidate, time.Now().Add(-time.Second)); err != nil {
		t.Fatal(err)
	}
	e.svc.Sweep(ctx)
	iv, _ := e.st.Get(ctx, id)
	if iv.State != string(interview.Abandoned) || derefString(iv.EndReason) != "candidate_left" || derefString(iv.EndedBy) != "candidate" {
		t.Fatalf("after the sweep: %s %q by %q", iv.State, derefString(iv.EndReason), derefString(iv.EndedBy))
	}
	job := rivertest.RequireInserted(ctx, t, riverpgxv5.New(e.pool), interview.ReportArgs{}, nil)
	if job.Args.InterviewID != id {
		t.Fatalf("report job for %q, want %q", job.Args.InterviewID, id)
	}
	if wait := time.Until(job.ScheduledAt); wait < 50*time.Second {
		t.Fatalf("server report scheduled in %s, want after the agent's wait", wait)
	}
	if err := e.svc.WriteServerReport(ctx, id); err != nil {
		t.Fatal(err)
	}
	rep, err := e.st.Report(ctx, id)
	if err != nil || rep.WrittenBy != "server" || !rep.Terminated || !strings.Contains(rep.Conclusion, "left before the end") {
		t.Fatalf("report %+v %v", rep, err)
	}
	if iv, _ = e.st.Get(ctx, id); iv.State != string(interview.Abandoned) {
		t.Fatalf("state after the report: %s", iv.State)
	}
}
