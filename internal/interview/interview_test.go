package interview_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/auth"
	"github.com/utopiahire/utopiahire/internal/channels"
	"github.com/utopiahire/utopiahire/internal/cvjob"
	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/internal/extract"
	"github.com/utopiahire/utopiahire/internal/interview"
	"github.com/utopiahire/utopiahire/internal/livekit"
	"github.com/utopiahire/utopiahire/internal/mail"
	"github.com/utopiahire/utopiahire/internal/store"
)

// env is a Service over a real database and an in-process hub.
type env struct {
	svc  *interview.Service
	st   interview.Queries
	pool *pgxpool.Pool
	hub  *hub.Hub
	// broker holds the hub's channel history.
	broker *hub.MemoryBroker
	user   string
}

func newEnv(t testing.TB, mod func(*interview.Config)) *env {
	t.Helper()
	ctx := context.Background()
	pool, err := store.Open(ctx, dbtest.New(t), store.DefaultPoolConfig())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	st := store.NewInterviews(pool)
	broker := hub.NewMemoryBroker()
	h, err := hub.New(hub.Config{Namespaces: interview.Namespaces(st)}, broker, channels.NewAuthenticator(nil), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = h.Shutdown(context.Background()) })
	jobs, err := river.NewClient(riverpgxv5.New(pool), &river.Config{})
	if err != nil {
		t.Fatal(err)
	}
	keys, _ := auth.NewKeyRing("interview-test-signing-secret")
	issuer, _ := livekit.NewIssuer("devkey", "interview-test-livekit-secret")
	ex, err := extract.New(extract.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	cfg := interview.Config{
		Store: st, Hub: h, Tokens: auth.NewTokens(keys, auth.TokenConfig{}), Mailer: mail.NewOutbox(store.NewOutbox(pool), jobs), Jobs: jobs,
		CVs: cvjob.New(cvjob.Config{CVs: store.NewCVs(pool), Extractor: ex, Logger: slog.New(slog.DiscardHandler)}), LiveKit: issuer, LiveKitURL: "ws://127.0.0.1:7880", AgentSecret: "interview-test-agent-secret",
		ClaimTimeout: time.Minute, SweepEvery: 50 * time.Millisecond,
	}
	if mod != nil {
		mod(&cfg)
	}
	svc, err := interview.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var user string
	if err := pool.QueryRow(ctx, `INSERT INTO users (name, email, email_verified) VALUES ('Ann', $1, true) RETURNING id`,
		fmt.Sprintf("ann-%d@example.com", time.Now().UnixNano())).Scan(&user); err != nil {
		t.Fatal(err)
	}
	return &env{svc: svc, st: st, pool: pool, hub: h, broker: broker, user: user}
}

// waiting creates an interview and offers it, as start-session does once
// the room is ready.
func (e *env) waiting(t testing.TB) interview.Interview {
	t.Helper()
	ctx := context.Background()
	iv, err := e.svc.CreateForTest(ctx, interview.NewInterview{
		UserID: e.user, CandidateName: "Ann", CandidateEmail: "ann@example.com", CandidateIdentity: "candidate-ann",
		JobTitle: "Analyst", Language: "en", RoomPrefix: interview.RoomPrefix, CVText: "Ann's CV",
	})
	if err != nil {
		t.Fatal(err)
	}
	if iv, err = e.svc.Transition(ctx, iv.ID, interview.WaitingForAgent, nil); err != nil {
		t.Fatal(err)
	}
	e.svc.OfferForTest(ctx, iv)
	return iv
}

func TestClaimRaceHasOneWinner(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	iv := e.waiting(t)
	const n = 16
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = e.svc.Claim(context.Background(), fmt.Sprintf("w%d", i), iv.ID)
		}()
	}
	wg.Wait()
	won := 0
	for i, err := range errs {
		switch {
		case err == nil:
			won++
		case apperr.CodeOf(err) != interview.CodeAlreadyClaimed:
			t.Errorf("claimer %d: %v", i, err)
		}
	}
	if won != 1 {
		t.Fatalf("%d winners", won)
	}
	evs, _ := e.st.Events(context.Background(), iv.ID)
	claims := 0
	for _, ev := range evs {
		if ev.Kind == interview.TypeClaimed {
			claims++
		}
	}
	if claims != 1 {
		t.Fatalf("%d claimed events", claims)
	}
}

func TestTranscriptIsStoredOnce(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	iv := e.waiting(t)
	ctx := context.Background()
	if _, err := e.svc.Claim(ctx, "w", iv.ID); err != nil {
		t.Fatal(err)
	}
	ch := interview.Channel(iv.ID)
	pub := func(v map[string]any) error {
		b, _ := json.Marshal(v)
		return e.svc.HandlePublish(ctx, hub.Principal{}, ch, b, "")
	}
	seg := func(seq int, text string, final bool) map[string]any {
		return map[string]any{"type": "transcript", "seq": seq, "speaker": "candidate", "text": text, "lang": "en", "start_ms": 0, "end_ms": 5, "final": final}
	}
	for _, m := range []map[string]any{seg(0, "Hel", false), seg(0, "Hello", false), seg(0, "Hello there.", true), seg(0, "Hello there.", true), seg(1, "Bye.", true)} {
		if err := pub(m); err != nil {
			t.Fatalf("publish %v: %v", m, err)
		}
	}
	for _, m := range []map[string]any{seg(0, "Hel", false), seg(0, "Hello!", true)} {
		if err := pub(m); err == nil || err.(*hub.Error).Code != interview.CodeSegmentFinal {
			t.Fatalf("final segment replaced by %v: %v", m, err)
		}
	}
	segs, err := e.st.Segments(ctx, iv.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []interview.InterviewSegment{
		{Seq: 0, Speaker: "candidate", Text: "Hello there.", Lang: "en", StartMS: 0, EndMS: 5, Final: true},
		{Seq: 1, Speaker: "candidate", Text: "Bye.", Lang: "en", StartMS: 0, EndMS: 5, Final: true},
	}
	if diff := cmp.Diff(want, segs); diff != "" {
		t.Fatalf("transcript (-want +got):\n%s", diff)
	}
	// joined starts the interview; speaking is relayed, not stored. The agent
	// resends what was not acknowledged with the same key (after
	// "unavailable", a reconnect or a server restart): stored once.
	joined, _ := json.Marshal(map[string]any{"type": "agent", "event": "joined"})
	for range 3 {
		if err := e.svc.HandlePublish(ctx, hub.Principal{UserID: "agent-1"}, ch, joined, "agent-1/ev-1"); err != nil {
			t.Fatal(err)
		}
	}
	if evs, _ := e.st.Events(ctx, iv.ID); countKind(evs, interview.TypeAgent) != 1 {
		t.Fatalf("an agent event resent with its key was stored %d times", countKind(evs, interview.TypeAgent))
	}
	if err := pub(map[string]any{"type": "agent", "event": "speaking"}); err != nil {
		t.Fatal(err)
	}
	got, _ := e.st.Get(ctx, iv.ID)
	if got.State != string(interview.InProgress) || got.AgentJoinedAt == nil {
		t.Fatalf("after joined: %s", got.State)
	}
	evs, _ := e.st.Events(ctx, iv.ID)
	for _, ev := range evs {
		if strings.Contains(string(ev.Data), "speaking") {
			t.Fatal("ephemeral event stored")
		}
	}
	if err := pub(map[string]any{"type": "agent", "event": "failed", "reason": "model_unavailable"}); err != nil {
		t.Fatal(err)
	}
	if got, _ = e.st.Get(ctx, iv.ID); got.State != string(interview.Failed) || derefString(got.EndReason) != "model_unavailable" {
		t.Fatalf("after failed: %s %v", got.State, derefString(got.EndReason))
	}
}

func TestSweeperEndsOverdueInterviews(t *testing.T) {
	t.Parallel()
	e := newEnv(t, func(c *interview.Config) {
		c.ClaimTimeout, c.AbandonGrace, c.ReofferEvery = 300*time.Millisecond, 300*time.Millisecond, 100*time.Millisecond
	})
	ctx := context.Background()
	unclaimed := e.waiting(t)
	left := e.waiting(t)
	if _, err := e.svc.Claim(ctx, "w", left.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Transition(ctx, left.ID, interview.InProgress, nil); err != nil {
		t.Fatal(err)
	}
	if err := e.st.Left(ctx, left.ID, interview.PartCandidate, time.Now()); err != nil {
		t.Fatal(err)
	}
	sweepCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); e.svc.Run(sweepCtx) }()
	defer func() { cancel(); <-done }()
	deadline := time.Now().Add(10 * time.Second)
	for {
		a, _ := e.st.Get(ctx, unclaimed.ID)
		b, _ := e.st.Get(ctx, left.ID)
		if a.State == string(interview.Failed) && b.State == string(interview.Abandoned) {
			if derefString(a.EndReason) != "no_interviewer" || derefString(b.EndReason) != "candidate_left" || derefString(a.EndMessage) == "" {
				t.Fatalf("reasons: %v %v", derefString(a.EndReason), derefString(b.EndReason))
			}
			// The unclaimed one was re-offered while it waited.
			if a.OfferedAt == nil || !a.OfferedAt.After(*a.WaitingAt) {
				t.Fatalf("not re-offered: %v %v", a.OfferedAt, a.WaitingAt)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("states after sweeping: %s %s", a.State, b.State)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestIllegalTransitionRefused(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	iv := e.waiting(t)
	ctx := context.Background()
	_, err := e.svc.Transition(ctx, iv.ID, interview.Completed, nil)
	if apperr.CodeOf(err) != interview.CodeIllegalTransition {
		t.Fatalf("waiting → completed: %v", err)
	}
	if _, err := e.svc.Transition(ctx, iv.ID, interview.Failed, &interview.ReasonNoInterviewer); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Transition(ctx, iv.ID, interview.InProgress, nil); apperr.CodeOf(err) != interview.CodeIllegalTransition {
		t.Fatalf("failed → in_progress: %v", err)
	}
	if _, err := e.svc.Transition(ctx, "not-a-uuid", interview.Failed, nil); apperr.CodeOf(err) != interview.CodeNotFound {
		t.Fatalf("unknown: %v", err)
	}
}

// BenchmarkClaimRace measures one offer claimed by N racing workers: the
// conditional UPDATE, the timeline event, the hub messages and the signed
// tokens of the winner, the 409 of every loser. Compare the sub-benchmarks
// as ratios (one winner's cost is paid once, losers add their refusals).
func BenchmarkClaimRace(b *testing.B) {
	for _, workers := range []int{1, 4, 16} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			e := newEnv(b, nil)
			ids := make([]string, b.N)
			for i := range ids {
				ids[i] = e.waiting(b).ID
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				var wg sync.WaitGroup
				won := 0
				var mu sync.Mutex
				for w := range workers {
					wg.Add(1)
					go func() {
						defer wg.Done()
						if _, err := e.svc.Claim(context.Background(), fmt.Sprintf("w%d", w), ids[i]); err == nil {
							mu.Lock()
							won++
							mu.Unlock()
						}
					}()
				}
				wg.Wait()
				if won != 1 {
					b.Fatalf("%d winners", won)
				}
			}
		})
	}
}

func countKind(evs []interview.InterviewEvent, kind string) int {
	n := 0
	for _, ev := range evs {
		if ev.Kind == kind {
			n++
		}
	}
	return n
}

func derefString(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
