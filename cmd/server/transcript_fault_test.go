//go:build cgo

package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	voiceagent "github.com/utopiahire/utopiahire/agent"
	"github.com/utopiahire/utopiahire/agent/audio/lkmedia"
	"github.com/utopiahire/utopiahire/agent/lkroom"
	"github.com/utopiahire/utopiahire/internal/redistest"
)

// storedSegment is a row of interview_segments.
type storedSegment struct {
	Seq     int
	Speaker string
	Text    string
	Final   bool
}

// queryRows runs a query straight on Postgres (this also works while Redis
// is down, and the server's rate limiter with it).
func queryRows[T any](t *testing.T, dbURL string, rowTo pgx.RowToFunc[T], sql string, args ...any) []T {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, sql, args...)
	if err != nil {
		t.Fatal(err)
	}
	out, err := pgx.CollectRows(rows, rowTo)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func storedTranscript(t *testing.T, dbURL, id string) []storedSegment {
	t.Helper()
	return queryRows(t, dbURL, pgx.RowToStructByPos[storedSegment],
		`SELECT seq, speaker, text, final FROM interview_segments WHERE interview_id = $1 ORDER BY seq`, id)
}

// storedAgentEvents returns the agent events in the interview's timeline.
func storedAgentEvents(t *testing.T, dbURL, id string) []string {
	t.Helper()
	return queryRows(t, dbURL, pgx.RowTo[string],
		`SELECT data::text FROM interview_events WHERE interview_id = $1 AND kind = 'agent' ORDER BY id`, id)
}

// faultedInterview is a rehearsal interview run by the real agent worker
// through a server whose hub runs on a private Redis the test breaks.
type faultedInterview struct {
	s     *interviewServer
	rds   *redistest.Server
	id    string
	feeds []*feed
	mic   *lkmedia.TrackSink
}

// startFaultedInterview starts the server on a private Redis, a rehearsal
// agent (espeak-ng voice, 60 s maximum: the intro, a 10 s outage and the
// answer must fit before the time-up closing, also on a loaded machine), the candidate in the room with a
// microphone, and viewers following interview:<id> on the hub.
func startFaultedInterview(t *testing.T, ctx context.Context, viewers int) *faultedInterview {
	t.Helper()
	rds := redistest.Start(t)
	s := startInterviewServer(t, map[string]string{"REDIS_URL": rds.URL()})
	alice := signIn(t, s.m, s.dbURL, "alice")
	logs := slog.New(slog.DiscardHandler)
	if testing.Verbose() {
		logs = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	}
	w, err := voiceagent.NewWorker(voiceagent.Deps{
		Control:     voiceagent.NewAPIClient(baseURL(s.m), func() string { return testAgentSecret }, "fault-worker", nil),
		Rooms:       lkroom.Joiner{},
		HubURL:      "ws" + strings.TrimPrefix(baseURL(s.m), "http") + "/ws",
		TTS:         voiceagent.Espeak{},
		MaxDuration: 60 * time.Second,
		Logger:      logs.With("side", "agent"),
	})
	if err != nil {
		t.Fatal(err)
	}
	wctx, stopWorker := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- w.Run(wctx, ctx) }()
	t.Cleanup(func() {
		stopWorker()
		if err := <-done; err != nil {
			t.Errorf("worker: %v", err)
		}
	})

	started := startSession(t, alice, "Backend Engineer")
	fi := &faultedInterview{s: s, rds: rds, id: started["interview_id"].(string)}
	for range viewers {
		f, err := follow(t, dialHub(t, s.m, alice.token), "interview:"+fi.id)
		if err != nil {
			t.Fatal(err)
		}
		fi.feeds = append(fi.feeds, f)
	}
	fi.mic = joinAsCandidate(t, ctx, started)
	fi.feeds[0].waitFor(t, "in_progress", 30*time.Second, isState("in_progress"))
	return fi
}

// waitStored waits until the stored transcript satisfies cond.
func (fi *faultedInterview) waitStored(t *testing.T, what string, timeout time.Duration, cond func([]storedSegment) bool) []storedSegment {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		segs := storedTranscript(t, fi.s.dbURL, fi.id)
		if cond(segs) {
			return segs
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s; stored transcript %+v", what, timeout, segs)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// answerAfterQuestion has the candidate answer once the first question is
// stored as final (the intro is seq 1, the question seq 2).
func (fi *faultedInterview) answerAfterQuestion(t *testing.T, ctx context.Context) {
	t.Helper()
	fi.waitStored(t, "first question stored", 40*time.Second, func(s []storedSegment) bool { return len(s) >= 2 && s[1].Final })
	answer := answerWAV(t)
	if err := fi.mic.Write(ctx, answer); err != nil {
		t.Fatal(err)
	}
}

// checkComplete waits for the report and checks the stored transcript:
// every seq from 1 once, in order, all final, the script's lines in place.
// It returns the transcript.
func (fi *faultedInterview) checkComplete(t *testing.T) []storedSegment {
	t.Helper()
	fi.feeds[0].waitFor(t, "the interview completed", 60*time.Second, isState("completed"))
	segs := storedTranscript(t, fi.s.dbURL, fi.id)
	var lines []string
	for i, s := range segs {
		if s.Seq != i+1 {
			t.Errorf("stored seqs %v: want 1..%d, each once, in order", seqsOf(segs), len(segs))
			break
		}
		if !s.Final {
			t.Errorf("stored segment %d is not final: %+v", s.Seq, s)
		}
		lines = append(lines, s.Speaker+": "+s.Text)
	}
	want := []string{"interviewer: Hello Jane Doe.", "interviewer: Please introduce yourself", "candidate: (answer of"}
	if len(lines) < 4 {
		t.Fatalf("stored transcript %q: want the intro, a question, the answer and the closing at least", lines)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("stored segment %d = %q, want prefix %q", i+1, lines[i], w)
		}
	}
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "interviewer: Thank you, that is the end") {
		t.Errorf("last stored segment %q, want the closing", last)
	}
	return segs
}

func seqsOf(segs []storedSegment) []int {
	var out []int
	for _, s := range segs {
		out = append(out, s.Seq)
	}
	return out
}

// transcriptDeliveries counts, per viewer, each final segment delivered.
func transcriptDeliveries(f *feed) map[int]int {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[int]int{}
	for _, m := range f.msgs {
		if m["type"] == "transcript" && m["final"] == true {
			out[int(m["seq"].(float64))]++
		}
	}
	return out
}

// Redis killed for 10 s in the middle of a rehearsal interview, then
// restarted empty: the segments the agent sent meanwhile are stored in
// Postgres while Redis is still down (durably before fan-out), the agent
// resends what was answered "unavailable" with the same key until
// acknowledged, and the stored transcript is complete: every seq once, in
// order, the report saved.
func TestTranscriptSurvivesRedisOutage(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 150*time.Second)
	defer cancel()
	fi := startFaultedInterview(t, ctx, 1)
	atKill := fi.waitStored(t, "the intro", 40*time.Second, func(s []storedSegment) bool { return len(s) >= 1 && s[0].Final })
	eventsAtKill := len(storedAgentEvents(t, fi.s.dbURL, fi.id))
	fi.rds.Kill()
	killedAt := time.Now()
	var answered sync.WaitGroup
	answered.Go(func() { fi.answerAfterQuestion(t, ctx) })
	time.Sleep(time.Until(killedAt.Add(10 * time.Second)))
	duringOutage := storedTranscript(t, fi.s.dbURL, fi.id)
	eventsDuringOutage := len(storedAgentEvents(t, fi.s.dbURL, fi.id))
	fi.rds.Restart()
	answered.Wait()
	// Stored while Redis was down: the agent sends its messages one at a
	// time, in order, so the one in flight during the outage (a segment, a
	// segment made final, or an agent event) is stored before the broker
	// fails; the ones behind it wait in the agent and follow once it is
	// acknowledged.
	if progress(duringOutage) <= progress(atKill) && eventsDuringOutage <= eventsAtKill {
		t.Errorf("nothing was stored while Redis was down: %+v and %d agent events at the kill, %+v and %d events 10 s later",
			atKill, eventsAtKill, duringOutage, eventsDuringOutage)
	}

	segs := fi.checkComplete(t)
	// After the restart the viewer is told to reload (a new epoch) and then
	// receives live what the agent resent: at most once per segment.
	for seq, n := range transcriptDeliveries(fi.feeds[0]) {
		if n > 1 {
			t.Errorf("final segment %d delivered %d times", seq, n)
		}
	}
	t.Logf("stored %d segments; %d final at the kill, %d after 10 s of outage", len(segs), finals(atKill), finals(duringOutage))
}

// progress counts stored segments and, again, those that are final.
func progress(segs []storedSegment) int { return len(segs) + finals(segs) }

func finals(segs []storedSegment) int {
	n := 0
	for _, s := range segs {
		if s.Final {
			n++
		}
	}
	return n
}

// Redis frozen (SIGSTOP) for 7 s, longer than the hub's 5 s broker timeout,
// while the agent publishes: publishes answered "unavailable" are resent by
// the agent with the same key; none is stored or delivered twice, and every
// viewer gets every final segment exactly once.
func TestTranscriptSurvivesRedisFreeze(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 150*time.Second)
	defer cancel()
	fi := startFaultedInterview(t, ctx, 6)
	fi.waitStored(t, "the intro", 40*time.Second, func(s []storedSegment) bool { return len(s) >= 1 && s[0].Final })
	fi.rds.Freeze()
	time.Sleep(7 * time.Second)
	fi.rds.Thaw()
	fi.answerAfterQuestion(t, ctx)
	segs := fi.checkComplete(t)

	for i, f := range fi.feeds {
		f.waitFor(t, "the closing segment", 20*time.Second, func(m map[string]any) bool {
			return m["type"] == "transcript" && m["final"] == true && int(m["seq"].(float64)) == len(segs)
		})
		got := transcriptDeliveries(f)
		for _, s := range segs {
			if got[s.Seq] != 1 {
				t.Errorf("viewer %d received final segment %d %d times, want once", i, s.Seq, got[s.Seq])
			}
		}
	}
	// The stored events keep no question number: each event once means
	// joined, one question event per question asked, ending.
	questions := 0
	for _, s := range segs[1 : len(segs)-1] {
		if s.Speaker == "interviewer" {
			questions++
		}
	}
	want := []string{"joined"}
	for range questions {
		want = append(want, "question")
	}
	want = append(want, "ending")
	evs := storedAgentEvents(t, fi.s.dbURL, fi.id)
	var got []string
	for _, e := range evs {
		var v struct{ Event string }
		if err := json.Unmarshal([]byte(e), &v); err != nil {
			t.Fatal(err)
		}
		got = append(got, v.Event)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("stored agent events %v, want %v (each once)", got, want)
	}
	t.Logf("stored %d segments and agent events %v", len(segs), evs)
}
