//go:build cgo

package agent_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	lkmediasdk "github.com/livekit/media-sdk"
	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/livekit/server-sdk-go/v2/pkg/media"
	"github.com/pion/webrtc/v4"
	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/genai"

	"github.com/utopiahire/utopiahire/agent"
	"github.com/utopiahire/utopiahire/agent/audio"
	"github.com/utopiahire/utopiahire/agent/audio/lkmedia"
	"github.com/utopiahire/utopiahire/agent/lkroom"
	"github.com/utopiahire/utopiahire/internal/ai"
	"github.com/utopiahire/utopiahire/internal/ai/geminifake"
	"github.com/utopiahire/utopiahire/internal/livekit"
	"github.com/utopiahire/utopiahire/internal/livekit/livekittest"
)

func TestMain(m *testing.M) {
	lksdk.SetLogger(livekittest.QuietSDKLogger())
	os.Exit(m.Run())
}

// candidate is the test's browser: it joins the room, speaks through a
// microphone track and records what it hears from the interviewer.
type candidate struct {
	room *lksdk.Room
	mic  *lkmedia.TrackSink
	rec  *hearing
	scan int // benchmarks: where the last search of rec stopped

	stateMu sync.Mutex
	states  []string // the interviewer's lk.agent.state values, as seen
}

// seeState records the interviewer's lk.agent.state when it changes.
func (c *candidate) seeState(p lksdk.Participant) {
	if p.Kind() != lksdk.ParticipantAgent {
		return
	}
	s := p.Attributes()[agent.AttrAgentState]
	c.stateMu.Lock()
	defer c.stateMu.Unlock()
	if s != "" && (len(c.states) == 0 || c.states[len(c.states)-1] != s) {
		c.states = append(c.states, s)
	}
}

func (c *candidate) seenStates() []string {
	c.stateMu.Lock()
	defer c.stateMu.Unlock()
	return append([]string(nil), c.states...)
}

// checkStates: the interviewer showed its state through the interview as
// LiveKit Agents do: listening, thinking after the candidate spoke, and
// speaking, in that order (initializing, when seen, comes first).
func checkStates(t *testing.T, c *candidate) {
	t.Helper()
	got := c.seenStates()
	want := []string{agent.StateListening, agent.StateSpeaking, agent.StateListening, agent.StateThinking, agent.StateSpeaking}
	i := 0
	for _, s := range got {
		if i < len(want) && s == want[i] {
			i++
		}
	}
	if i < len(want) {
		t.Errorf("lk.agent.state went %v; want %v in order", got, want)
	}
	for j, s := range got {
		if s == agent.StateInitializing && j != 0 {
			t.Errorf("initializing after other states: %v", got)
		}
	}
}

// hearing records decoded interviewer audio with arrival times.
type hearing struct {
	mu   sync.Mutex
	at   []time.Time
	loud []bool
}

func (h *hearing) String() string  { return "hearing" }
func (h *hearing) SampleRate() int { return 48000 }
func (h *hearing) Close() error    { return nil }
func (h *hearing) WriteSample(s lkmediasdk.PCM16Sample) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.at = append(h.at, time.Now())
	h.loud = append(h.loud, audio.RMS(s) > 0.02)
	return nil
}

// loudBetween is how long loud audio was heard in [from, to).
func (h *hearing) loudBetween(from, to time.Time) (total time.Duration, last time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for i, at := range h.at {
		if h.loud[i] && !at.Before(from) && at.Before(to) {
			total += 10 * time.Millisecond
			last = at
		}
	}
	return total, last
}

func joinCandidate(t testing.TB, ctx context.Context, lk *livekittest.Server, room string) *candidate {
	t.Helper()
	tok, err := lk.Issuer(t).JoinToken("cand", "Ada", room, 10*time.Minute, livekit.TokenOptions{Role: livekit.RoleCandidate})
	if err != nil {
		t.Fatal(err)
	}
	c := &candidate{rec: &hearing{}}
	var once sync.Once
	cb := lksdk.NewRoomCallback()
	cb.OnTrackSubscribed = func(track *webrtc.TrackRemote, _ *lksdk.RemoteTrackPublication, _ *lksdk.RemoteParticipant) {
		if track.Kind() != webrtc.RTPCodecTypeAudio {
			return
		}
		once.Do(func() {
			remote, err := media.NewPCMRemoteTrack(track, c.rec, media.WithLogger(livekittest.QuietSDKLogger()))
			if err == nil {
				t.Cleanup(remote.Close)
			}
		})
	}
	cb.OnParticipantConnected = func(rp *lksdk.RemoteParticipant) { c.seeState(rp) }
	cb.OnAttributesChanged = func(_ map[string]string, p lksdk.Participant) { c.seeState(p) }
	r, err := lksdk.ConnectToRoomWithToken(lk.URL, tok, cb, lksdk.WithLogger(livekittest.QuietSDKLogger()))
	if err != nil {
		t.Fatal(err)
	}
	c.room = r
	t.Cleanup(r.Disconnect)
	c.mic, err = lkmedia.PublishSink(ctx, r.LocalParticipant, lkmedia.SinkOptions{SampleRate: audio.ModelInputRate, TrackName: "microphone"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (c *candidate) say(t testing.TB, ctx context.Context, pcm []int16) {
	t.Helper()
	if err := c.mic.Write(ctx, pcm); err != nil {
		t.Fatal(err)
	}
}

func loadAnswer(t testing.TB) []int16 {
	t.Helper()
	f, err := os.Open("audio/testdata/answer.wav")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pcm, rate, err := audio.DecodeWAV(f)
	if err != nil || rate != audio.ModelInputRate {
		t.Fatalf("answer.wav: rate %d, %v", rate, err)
	}
	return pcm
}

func agentToken(t testing.TB, lk *livekittest.Server, id, room string) string {
	t.Helper()
	tok, err := lk.Issuer(t).JoinToken("agent-"+id, "Interviewer", room, 10*time.Minute, livekit.TokenOptions{Role: livekit.RoleAgent})
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func startWorker(t testing.TB, ctx context.Context, cp *controlPlane, deps agent.Deps) *agent.Metrics {
	t.Helper()
	deps.Control = agent.NewAPIClient(cp.URL(), func() string { return cp.secret }, "test-worker", nil)
	deps.Rooms = lkroom.Joiner{}
	if deps.HubURL == "" {
		deps.HubURL = cp.HubURL()
	}
	if deps.Metrics == nil {
		deps.Metrics = agent.NewMetrics(nil)
	}
	if deps.Concurrency == 0 {
		deps.Concurrency = 2
	}
	w, err := agent.NewWorker(deps)
	if err != nil {
		t.Fatal(err)
	}
	wctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- w.Run(wctx, ctx) }()
	t.Cleanup(func() {
		stop()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("worker: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Error("worker did not stop")
		}
	})
	return deps.Metrics
}

const longReply = "Before we go on, let me describe the team in some detail: we are eight engineers " +
	"working on a real-time platform, we deploy many times a day, we review every change, we share " +
	"on-call duty fairly, and we care a lot about clear writing, careful testing and kind feedback."

// The whole interview against Gemini Live (the fake, over the real
// protocol) through a real livekit-server: the candidate's spoken answer
// reaches the model, the model's voice reaches the candidate, the reviewer
// reads every segment in order, a goAway mid-interview is survived through
// session resumption, barge-in stops playback, and the report is saved.
func TestInterviewWithGeminiLive(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 80*time.Second)
	defer cancel()
	lk := livekittest.Start(t)
	cp := newControlPlane(t, "agent-secret-for-tests")
	heard := []string{"I am Ada, a Go developer.", "I like real-time systems.", "Sorry to interrupt, may I ask about the team?"}
	script := geminifake.ConversationScript{
		Replies: []geminifake.LiveReply{
			{Text: "Hello Ada, welcome. First question: tell me about yourself.",
				Tools: []*genai.FunctionCall{{ID: "q1", Name: "question", Args: map[string]any{"number": 1, "total": 2}}}},
			{Text: "Thank you. Second question: what draws you to this role?", GoAway: 3 * time.Second,
				Tools: []*genai.FunctionCall{{ID: "q2", Name: "question", Args: map[string]any{"number": 2, "total": 2}}}},
			{Text: longReply},
			{Text: "Of course. Thank you Ada, the interview is over, you will receive your report by e-mail. Goodbye.",
				Tools: []*genai.FunctionCall{{ID: "end", Name: "end_interview", Args: map[string]any{"outcome": "completed"}}}},
		},
		Heard: heard,
	}
	gem := geminifake.NewServer(t, geminifake.Options{Live: geminifake.Conversation(script)})
	reports, live := geminiClients(t, ctx, gem)
	reg := prometheus.NewRegistry()
	metrics := startWorker(t, ctx, cp, agent.Deps{
		Live:    &agent.LiveSettings{Connect: agent.GenaiLive(live), Model: "gemini-live-test", Voice: "Charon", SilenceDuration: 400 * time.Millisecond},
		Reports: reports,
		Metrics: agent.NewMetrics(reg),
	})

	const id, room = "iv-live-1", "room-live-1"
	rv := cp.follow(t, ctx, id)
	cand := joinCandidate(t, ctx, lk, room)
	cp.addInterview(ctx, agent.SessionData{
		InterviewID: id, Room: room, CandidateName: "Ada", CandidateEmail: "ada@example.com",
		JobTitle: "Backend engineer", JobDescription: "Go, PostgreSQL, real-time systems.", CVText: "Ada: 5 years of Go.",
		Language: "en", MaxDurationSeconds: 600,
	}, lk.URL, agentToken(t, lk, id, room))

	answer := loadAnswer(t)
	rv.waitEvent(t, agent.EventListening, 1, 30*time.Second) // greeting and first question done
	cand.say(t, ctx, answer)
	rv.waitEvent(t, agent.EventListening, 2, 20*time.Second) // second question (then goAway)
	cand.say(t, ctx, answer)
	rv.waitEvent(t, agent.EventSpeaking, 3, 20*time.Second) // the long reply starts
	time.Sleep(1500 * time.Millisecond)
	bargeAt := time.Now()
	cand.say(t, ctx, answer[:len(answer)/2])

	var rep savedReport
	select {
	case rep = <-cp.reports:
	case <-ctx.Done():
		t.Fatalf("no report saved; hub saw %v", rv.snapshot())
	}
	time.Sleep(300 * time.Millisecond) // last publications in flight

	// Barge-in: the long reply (about 20 s of audio) stopped soon after the
	// candidate spoke over it; the closing reply starts only once the
	// candidate's 1.8 s interruption is over.
	heardAfter, _ := cand.rec.loudBetween(bargeAt.Add(800*time.Millisecond), bargeAt.Add(1800*time.Millisecond))
	if heardAfter > 100*time.Millisecond {
		t.Errorf("interviewer still heard for %s in the second after the barge-in", heardAfter)
	}
	before, _ := cand.rec.loudBetween(bargeAt.Add(-1500*time.Millisecond), bargeAt)
	if before < 500*time.Millisecond {
		t.Errorf("the candidate heard only %s of the long reply before interrupting", before)
	}

	// The reviewer got every segment, in order, none missing, each final.
	checkTranscript(t, rv.snapshot(), script, heard)
	checkStates(t, cand)

	// goAway survived by resuming the same session.
	st := gem.LiveStats()
	if st.GoAways != 1 || st.Resumed < 1 {
		t.Errorf("live stats: %d goAways, %d resumed sessions", st.GoAways, st.Resumed)
	}
	s0 := st.Setups[0]
	if s0.Voice != "Charon" || !s0.InputTranscription || !s0.OutputTranscription || !s0.ContextWindowCompression ||
		!s0.ResumptionRequested || !slices.Contains(s0.Functions, "end_interview") || !strings.Contains(s0.SystemInstruction, "Backend engineer") {
		t.Errorf("setup: %+v", s0)
	}

	// The report came from the text model with a score.
	if rep.InterviewID != id || rep.Report["candidate_email"] != "ada@example.com" || rep.Report["terminated"] != false {
		t.Errorf("report: %+v", rep)
	}
	if s, ok := rep.Report["interview_score"].(float64); !ok || s < 0 || s > 10 {
		t.Errorf("interview_score %v", rep.Report["interview_score"])
	}
	if reqs := gemRequests(gem); len(reqs) == 0 || !strings.Contains(reqs[0], heard[0]) {
		t.Errorf("the report prompt does not carry the transcript")
	}
	if n := len(metrics.Turns()); n < 2 {
		t.Errorf("%d turn latencies measured, want at least 2", n)
	}
	for _, tl := range metrics.Turns() {
		t.Logf("turn: total %s (bridge in %s, model %s, bridge out %s)", tl.Total, tl.BridgeIn, tl.Model, tl.BridgeOut)
	}
	checkExported(t, reg, len(metrics.Turns()))
}

// checkExported: what /metrics serves (cmd/agent registers the same
// collectors) carries every turn split into bridge and model time, the
// barge-in and the goAway reconnect.
func checkExported(t *testing.T, reg *prometheus.Registry, turns int) {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]uint64{}
	counters := map[string]float64{}
	for _, mf := range mfs {
		for _, m := range mf.GetMetric() {
			label := ""
			for _, l := range m.GetLabel() {
				label += l.GetName() + "=" + l.GetValue()
			}
			switch mf.GetName() {
			case "agent_turn_latency_seconds":
				parts[label] = m.GetHistogram().GetSampleCount()
			case "agent_barge_ins_total", "agent_model_reconnects_total", "agent_interviews_total":
				counters[mf.GetName()+"{"+label+"}"] = m.GetCounter().GetValue()
			}
		}
	}
	for _, part := range []string{"bridge_in", "model", "bridge_out", "total"} {
		if got := parts["part="+part]; got != uint64(turns) {
			t.Errorf("agent_turn_latency_seconds{part=%q}: %d samples, want %d", part, got, turns)
		}
	}
	for name, want := range map[string]float64{
		"agent_barge_ins_total{}":                      1,
		"agent_model_reconnects_total{reason=go_away}": 1,
		"agent_interviews_total{outcome=completed}":    1,
	} {
		if got := counters[name]; got < want {
			t.Errorf("%s = %v, want at least %v (exported: %v)", name, got, want, counters)
		}
	}
}

func gemRequests(gem *geminifake.Server) []string {
	var out []string
	for _, r := range gem.Requests() {
		out = append(out, r.Text())
	}
	return out
}

// checkTranscript: seqs start at 1 and never skip; every seq ends final;
// the finals are exactly what was said, in order.
func checkTranscript(t *testing.T, msgs []map[string]any, script geminifake.ConversationScript, heard []string) {
	t.Helper()
	finals := map[int]map[string]any{}
	maxSeq := 0
	var events []string
	for _, m := range msgs {
		switch m["type"] {
		case "agent":
			events = append(events, m["event"].(string))
			if m["event"] == "question" {
				events[len(events)-1] += " " + strings.TrimSuffix(strings.TrimSuffix(
					strings.Join([]string{num(m["question"]), num(m["of"])}, "/"), "/"), "/")
			}
		case "transcript":
			seq := int(m["seq"].(float64))
			if seq > maxSeq+1 {
				t.Errorf("seq %d published before seq %d", seq, maxSeq+1)
			}
			maxSeq = max(maxSeq, seq)
			if _, done := finals[seq]; done {
				t.Errorf("seq %d published again after its final", seq)
			}
			if m["final"] == true {
				finals[seq] = m
			}
			if m["lang"] != "en" {
				t.Errorf("segment lang %v", m["lang"])
			}
		}
	}
	var gotCand, gotInt []string
	for seq := 1; seq <= maxSeq; seq++ {
		f, ok := finals[seq]
		if !ok {
			t.Errorf("seq %d never got a final segment", seq)
			continue
		}
		if f["start_ms"].(float64) > f["end_ms"].(float64) {
			t.Errorf("seq %d ends before it starts", seq)
		}
		if f["speaker"] == "candidate" {
			gotCand = append(gotCand, f["text"].(string))
		} else {
			gotInt = append(gotInt, f["text"].(string))
		}
	}
	if !slices.Equal(gotCand, heard) {
		t.Errorf("candidate segments %q, want %q", gotCand, heard)
	}
	if len(gotInt) != 4 || gotInt[0] != script.Replies[0].Text || gotInt[1] != script.Replies[1].Text || gotInt[3] != script.Replies[3].Text {
		t.Errorf("interviewer segments %q", gotInt)
	} else if !strings.HasPrefix(longReply, gotInt[2]) || len(gotInt[2]) >= len(longReply) {
		t.Errorf("interrupted reply %q is not a cut prefix of the long reply", gotInt[2])
	}
	for _, want := range []string{"joined", "question 1/2", "question 2/2", "speaking", "listening", "ending"} {
		if !slices.Contains(events, want) {
			t.Errorf("agent events %v lack %q", events, want)
		}
	}
}

func num(v any) string {
	if f, ok := v.(float64); ok {
		return strings.TrimSpace(strings.Repeat(" ", 0) + itoa(int(f)))
	}
	return ""
}

func itoa(n int) string { return string(rune('0' + n)) }

// Without a Gemini key: questions spoken by espeak-ng, the answer found by
// voice activity and timed, and an unscored report that says why.
func TestRehearsalInterview(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 80*time.Second)
	defer cancel()
	lk := livekittest.Start(t)
	cp := newControlPlane(t, "agent-secret-for-tests")
	startWorker(t, ctx, cp, agent.Deps{TTS: agent.Espeak{}})

	const id, room = "iv-rehearsal-1", "room-rehearsal-1"
	rv := cp.follow(t, ctx, id)
	cand := joinCandidate(t, ctx, lk, room)
	cp.addInterview(ctx, agent.SessionData{
		InterviewID: id, Room: room, CandidateName: "Ada", CandidateEmail: "ada@example.com",
		JobTitle: "Backend engineer", Language: "en", MaxDurationSeconds: 25,
	}, lk.URL, agentToken(t, lk, id, room))

	rv.waitEvent(t, agent.EventListening, 2, 40*time.Second) // intro, then question 1
	spokeAt := time.Now()
	answer := loadAnswer(t)
	cand.say(t, ctx, answer)

	var rep savedReport
	select {
	case rep = <-cp.reports:
	case <-ctx.Done():
		t.Fatalf("no report saved; hub saw %v", rv.snapshot())
	}
	time.Sleep(300 * time.Millisecond)
	if rep.Report["interview_score"] != nil || !strings.Contains(rep.Report["unscored_reason"].(string), "Rehearsal mode") {
		t.Errorf("rehearsal report: %+v", rep.Report)
	}
	if heard, _ := cand.rec.loudBetween(time.Time{}, spokeAt); heard < 3*time.Second {
		t.Errorf("the candidate heard only %s of spoken questions", heard)
	}
	checkStates(t, cand)
	var texts []string
	var answerMS float64
	for _, m := range rv.snapshot() {
		if m["type"] == "transcript" && m["final"] == true {
			texts = append(texts, m["speaker"].(string)+": "+m["text"].(string))
			if m["speaker"] == "candidate" {
				answerMS = m["end_ms"].(float64) - m["start_ms"].(float64)
			}
		}
	}
	// The 25 s maximum ends the script after the first answer, or after
	// the next question went unanswered (timing varies with the machine).
	want := []string{"interviewer: Hello Ada.", "interviewer: Please introduce yourself", "candidate: (answer of"}
	if len(texts) < 4 || len(texts) > 5 {
		t.Fatalf("transcript %q", texts)
	}
	for i := range want {
		if !strings.HasPrefix(texts[i], want[i]) {
			t.Errorf("segment %d = %q, want prefix %q", i, texts[i], want[i])
		}
	}
	if len(texts) == 5 && !strings.HasPrefix(texts[3], "interviewer: Why are you interested") {
		t.Errorf("segment 3 = %q", texts[3])
	}
	if last := texts[len(texts)-1]; !strings.HasPrefix(last, "interviewer: Thank you, that is the end") {
		t.Errorf("last segment %q", last)
	}
	// answer.wav holds about 3.2 s of speech between short silences.
	if answerMS < 2500 || answerMS > 4500 {
		t.Errorf("answer timed at %.0f ms", answerMS)
	}
}

// Told to stop mid-interview, the worker claims nothing more, asks the
// model to close, and after the grace period saves a terminated report.
func TestWorkerStopEndsInterviewPolitely(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	lk := livekittest.Start(t)
	cp := newControlPlane(t, "agent-secret-for-tests")
	gem := geminifake.NewServer(t, geminifake.Options{Live: geminifake.Conversation(geminifake.ConversationScript{
		Replies: []geminifake.LiveReply{{Text: "Hello Ada, first question: tell me about yourself."}, {Text: "I see."}},
		Heard:   []string{"I build APIs in Go."},
	})})
	reports, live := geminiClients(t, ctx, gem)
	deps := agent.Deps{
		Control:   agent.NewAPIClient(cp.URL(), func() string { return cp.secret }, "stopping-worker", nil),
		Rooms:     lkroom.Joiner{},
		HubURL:    cp.HubURL(),
		Live:      &agent.LiveSettings{Connect: agent.GenaiLive(live), Model: "m", Voice: "Puck", SilenceDuration: 300 * time.Millisecond},
		Reports:   reports,
		StopGrace: 2 * time.Second,
	}
	w, err := agent.NewWorker(deps)
	if err != nil {
		t.Fatal(err)
	}
	wctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- w.Run(wctx, ctx) }()

	const id, room = "iv-stop-1", "room-stop-1"
	rv := cp.follow(t, ctx, id)
	cand := joinCandidate(t, ctx, lk, room)
	cp.addInterview(ctx, agent.SessionData{InterviewID: id, Room: room, CandidateName: "Ada", CandidateEmail: "ada@example.com",
		JobTitle: "Backend engineer", Language: "en"}, lk.URL, agentToken(t, lk, id, room))
	rv.waitEvent(t, agent.EventListening, 1, 30*time.Second)
	cand.say(t, ctx, loadAnswer(t))
	rv.waitEvent(t, agent.EventListening, 2, 20*time.Second)

	stoppedAt := time.Now()
	stop()
	// Meanwhile a new interview is offered: a stopping worker does not take it.
	cp.addInterview(ctx, agent.SessionData{InterviewID: "iv-stop-2", Room: "room-stop-2", Language: "en"}, lk.URL, agentToken(t, lk, "iv-stop-2", "room-stop-2"))
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("worker did not stop")
	}
	if took := time.Since(stoppedAt); took < 2*time.Second {
		t.Errorf("stopped after %s, before the grace period", took)
	}
	select {
	case rep := <-cp.reports:
		if rep.InterviewID != id || rep.Report["terminated"] != true || !strings.Contains(rep.Report["termination_reason"].(string), "had to stop") {
			t.Errorf("report %+v", rep)
		}
		if rep.Report["interview_score"] == nil {
			t.Error("the answers given were not assessed")
		}
	default:
		t.Fatal("no report saved before the worker returned")
	}
	cp.mu.Lock()
	claims := cp.claims
	cp.mu.Unlock()
	if claims != 1 {
		t.Errorf("%d claims, want 1", claims)
	}
	if st := gem.LiveStats(); len(st.Setups) == 0 || st.Setups[0].Voice != "Puck" {
		t.Errorf("setups %+v", st.Setups)
	}
}

// The candidate walking out mid-interview: the agent publishes abandoned
// (candidate_left), leaves the room, and since the candidate had spoken,
// saves a terminated report that says why.
func TestCandidateLeavingEndsInterview(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	lk := livekittest.Start(t)
	cp := newControlPlane(t, "agent-secret-for-tests")
	gem := geminifake.NewServer(t, geminifake.Options{Live: geminifake.Conversation(geminifake.ConversationScript{
		Replies: []geminifake.LiveReply{
			{Text: "Hello Ada, first question: tell me about yourself."},
			{Text: "Thank you. Second question: what draws you to this role?"},
		},
		Heard: []string{"I build APIs in Go."},
	})})
	reports, live := geminiClients(t, ctx, gem)
	reg := prometheus.NewRegistry()
	startWorker(t, ctx, cp, agent.Deps{
		Live:    &agent.LiveSettings{Connect: agent.GenaiLive(live), Model: "m", Voice: "Puck", SilenceDuration: 300 * time.Millisecond},
		Reports: reports,
		Metrics: agent.NewMetrics(reg),
	})
	const id, room = "iv-leave-1", "room-leave-1"
	rv := cp.follow(t, ctx, id)
	cand := joinCandidate(t, ctx, lk, room)
	cp.addInterview(ctx, agent.SessionData{InterviewID: id, Room: room, CandidateName: "Ada", CandidateEmail: "ada@example.com",
		JobTitle: "Engineer", Language: "en", MaxDurationSeconds: 600}, lk.URL, agentToken(t, lk, id, room))

	rv.waitEvent(t, agent.EventListening, 1, 30*time.Second)
	cand.say(t, ctx, loadAnswer(t))
	rv.waitEvent(t, agent.EventListening, 2, 20*time.Second)
	cand.room.Disconnect()

	var rep savedReport
	select {
	case rep = <-cp.reports:
	case <-ctx.Done():
		t.Fatalf("no report saved; hub saw %v", rv.snapshot())
	}
	if rep.Report["terminated"] != true || !strings.Contains(fmt.Sprint(rep.Report["termination_reason"]), "left") {
		t.Errorf("report after the candidate left: terminated %v, reason %v", rep.Report["terminated"], rep.Report["termination_reason"])
	}
	rv.waitEvent(t, agent.EventAbandoned, 1, 5*time.Second)
	for _, m := range rv.snapshot() {
		if m["event"] == agent.EventAbandoned && m["reason"] != "candidate_left" {
			t.Errorf("abandoned event %v", m)
		}
	}
	// The interviewer is gone from the room (or the room is gone).
	rooms := lk.Rooms(t)
	deadline := time.Now().Add(10 * time.Second)
	for {
		ps, err := rooms.Participants(ctx, room)
		if err != nil || len(ps) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("still in the room: %d participants, first %s", len(ps), ps[0].Identity)
		}
		time.Sleep(50 * time.Millisecond)
	}
	checkCounter(t, reg, "agent_interviews_total", "outcome=abandoned", 1)
}

func checkCounter(t *testing.T, reg *prometheus.Registry, name, label string, want float64) {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
		for _, m := range mf.GetMetric() {
			got := ""
			for _, l := range m.GetLabel() {
				got += l.GetName() + "=" + l.GetValue()
			}
			if got == label {
				if v := m.GetCounter().GetValue(); v != want {
					t.Errorf("%s{%s} = %v, want %v", name, label, v, want)
				}
				return
			}
		}
	}
	t.Errorf("%s{%s} not exported", name, label)
}

// At the interview's maximum duration the model is told time is up; a
// model that closes ends the interview at its closing turn, one that
// ignores the cue is cut off after the closing grace. Either way the
// interview ends, completed, with the report saved.
func TestMaxDurationClosesInterview(t *testing.T) {
	lk := livekittest.Start(t)
	for _, obey := range []bool{true, false} {
		t.Run(map[bool]string{true: "model closes", false: "model ignores the cue"}[obey], func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			cp := newControlPlane(t, "agent-secret-for-tests")
			var mu sync.Mutex
			var cues []string
			var cueAt time.Time
			gem := geminifake.NewServer(t, geminifake.Options{Live: func(ctx context.Context, s *geminifake.LiveSession) error {
				for started := false; ; {
					e, err := s.Next(ctx)
					if err != nil {
						return err
					}
					if e.Kind != "text" {
						continue
					}
					var text string
					var end []*genai.FunctionCall
					if !started {
						started, text = true, "Hello Ada, tell me about yourself."
					} else {
						mu.Lock()
						cues, cueAt = append(cues, e.Text), time.Now()
						mu.Unlock()
						if !obey {
							continue
						}
						text = "We are out of time. Thank you Ada, goodbye."
						end = []*genai.FunctionCall{{ID: "end", Name: "end_interview", Args: map[string]any{"outcome": "completed"}}}
					}
					if err := s.Speak(ctx, text, nil, 500*time.Millisecond); err != nil {
						return err
					}
					if len(end) > 0 {
						if _, err := s.CallTool(ctx, end...); err != nil {
							return err
						}
					}
					if err := s.TurnComplete(ctx); err != nil {
						return err
					}
				}
			}})
			reports, live := geminiClients(t, ctx, gem)
			const grace = 5 * time.Second
			startWorker(t, ctx, cp, agent.Deps{
				Live:    &agent.LiveSettings{Connect: agent.GenaiLive(live), Model: "m", Voice: "Puck", SilenceDuration: 300 * time.Millisecond, ClosingGrace: grace},
				Reports: reports,
			})
			id, room := fmt.Sprintf("iv-max-%t", obey), fmt.Sprintf("room-max-%t", obey)
			rv := cp.follow(t, ctx, id)
			joinCandidate(t, ctx, lk, room)
			cp.addInterview(ctx, agent.SessionData{InterviewID: id, Room: room, CandidateName: "Ada", CandidateEmail: "ada@example.com",
				JobTitle: "Engineer", Language: "en", MaxDurationSeconds: 4}, lk.URL, agentToken(t, lk, id, room))
			rv.waitEvent(t, agent.EventJoined, 1, 30*time.Second)
			joined := time.Now()

			var rep savedReport
			select {
			case rep = <-cp.reports:
			case <-ctx.Done():
				t.Fatalf("no report saved; hub saw %v", rv.snapshot())
			}
			ended := time.Now()
			mu.Lock()
			defer mu.Unlock()
			if len(cues) != 1 || !strings.Contains(cues[0], "Time is up") {
				t.Fatalf("cues sent to the model: %q", cues)
			}
			if d := cueAt.Sub(joined); d < 3500*time.Millisecond || d > 8*time.Second {
				t.Errorf("time-up cue %s after joining, want about the 4 s maximum", d)
			}
			if rep.Report["terminated"] != false {
				t.Errorf("report: %+v", rep.Report)
			}
			// The report can be saved before the reviewer's copies of the last
			// publications arrive (a loaded machine delays hub delivery): with
			// an obeying model wait for what must come; otherwise give anything
			// that must not come a second to show up.
			var finals []string
			var ending bool
			for deadline := time.Now().Add(5 * time.Second); ; {
				time.Sleep(map[bool]time.Duration{true: 100 * time.Millisecond, false: time.Second}[obey])
				snap := rv.snapshot()
				finals = finals[:0]
				for _, m := range snap {
					if m["type"] == "transcript" && m["final"] == true {
						finals = append(finals, m["text"].(string))
					}
				}
				ending = slices.ContainsFunc(snap, func(m map[string]any) bool { return m["event"] == agent.EventEnding })
				if !obey || (ending && len(finals) >= 2) || time.Now().After(deadline) {
					break
				}
			}
			if obey {
				// Ended by the model's closing turn (the ending event comes
				// only from there), its sentence in the transcript.
				if !ending || len(finals) != 2 || finals[1] != "We are out of time. Thank you Ada, goodbye." {
					t.Errorf("ending event %t; transcript %q", ending, finals)
				}
			} else {
				if d := ended.Sub(cueAt); d < grace || d > grace+5*time.Second {
					t.Errorf("ignored cue: ended %s after it, want the %s closing grace", d, grace)
				}
				if ending || len(finals) != 1 {
					t.Errorf("ending event %t; transcript %q", ending, finals)
				}
			}
		})
	}
}

// tcpProxy forwards connections to target; cut closes the open ones (the
// listener stays, so clients reconnect through it).
type tcpProxy struct {
	ln       net.Listener
	mu       sync.Mutex
	conns    []net.Conn
	accepted int
}

func startTCPProxy(t *testing.T, target string) *tcpProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &tcpProxy{ln: ln}
	t.Cleanup(func() { ln.Close(); p.cut() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			u, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, u)
			p.accepted++
			p.mu.Unlock()
			go func() { _, _ = io.Copy(u, c); u.Close() }()
			go func() { _, _ = io.Copy(c, u); c.Close() }()
		}
	}()
	return p
}

func (p *tcpProxy) cut() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		_ = c.Close()
	}
	p.conns = nil
	return p.accepted
}

func (p *tcpProxy) connections() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.accepted
}

// The agent's hub connections drop while the interviewer is speaking (its
// transcript partials in flight): the hub client reconnects and resends, and
// the reviewer still reads every segment once, in order, none missing.
func TestTranscriptSurvivesHubReconnect(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 80*time.Second)
	defer cancel()
	lk := livekittest.Start(t)
	cp := newControlPlane(t, "agent-secret-for-tests")
	proxy := startTCPProxy(t, strings.TrimPrefix(cp.URL(), "http://"))
	heard := []string{"I am Ada, a Go developer.", "I like real-time systems."}
	replies := []string{
		"Hello Ada, welcome. First question: tell me about yourself.",
		"Thank you. Second question: what draws you to this role? Take your time, there is no hurry at all.",
		"Thank you Ada, the interview is over. Goodbye.",
	}
	gem := geminifake.NewServer(t, geminifake.Options{Live: geminifake.Conversation(geminifake.ConversationScript{
		Replies: []geminifake.LiveReply{
			{Text: replies[0]},
			{Text: replies[1]},
			{Text: replies[2], Tools: []*genai.FunctionCall{{ID: "end", Name: "end_interview", Args: map[string]any{"outcome": "completed"}}}},
		},
		Heard: heard,
	})})
	reports, live := geminiClients(t, ctx, gem)
	startWorker(t, ctx, cp, agent.Deps{
		HubURL:  "ws://" + proxy.ln.Addr().String() + "/ws",
		Live:    &agent.LiveSettings{Connect: agent.GenaiLive(live), Model: "m", Voice: "Puck", SilenceDuration: 300 * time.Millisecond},
		Reports: reports,
	})
	const id, room = "iv-hubcut-1", "room-hubcut-1"
	rv := cp.follow(t, ctx, id)
	cand := joinCandidate(t, ctx, lk, room)
	cp.addInterview(ctx, agent.SessionData{InterviewID: id, Room: room, CandidateName: "Ada", CandidateEmail: "ada@example.com",
		JobTitle: "Engineer", Language: "en", MaxDurationSeconds: 600}, lk.URL, agentToken(t, lk, id, room))

	answer := loadAnswer(t)
	rv.waitEvent(t, agent.EventListening, 1, 30*time.Second)
	cand.say(t, ctx, answer)
	rv.waitEvent(t, agent.EventSpeaking, 2, 20*time.Second) // second reply: partials flowing
	before := proxy.cut()
	rv.waitEvent(t, agent.EventListening, 2, 20*time.Second)
	cand.say(t, ctx, answer)
	select {
	case <-cp.reports:
	case <-ctx.Done():
		t.Fatalf("no report saved; hub saw %v", rv.snapshot())
	}
	time.Sleep(300 * time.Millisecond)
	if after := proxy.connections(); after <= before {
		t.Fatalf("the agent did not reconnect to the hub (%d connections before the cut, %d after)", before, after)
	}

	finals := map[int]map[string]any{}
	maxSeq := 0
	for _, m := range rv.snapshot() {
		if m["type"] != "transcript" {
			continue
		}
		seq := int(m["seq"].(float64))
		if seq > maxSeq+1 {
			t.Errorf("seq %d published before seq %d", seq, maxSeq+1)
		}
		maxSeq = max(maxSeq, seq)
		if _, done := finals[seq]; done {
			t.Errorf("seq %d published again after its final", seq)
		}
		if m["final"] == true {
			finals[seq] = m
		}
	}
	var gotCand, gotInt []string
	for seq := 1; seq <= maxSeq; seq++ {
		f, ok := finals[seq]
		if !ok {
			t.Errorf("seq %d never got a final segment", seq)
			continue
		}
		if f["speaker"] == "candidate" {
			gotCand = append(gotCand, f["text"].(string))
		} else {
			gotInt = append(gotInt, f["text"].(string))
		}
	}
	if !slices.Equal(gotCand, heard) || !slices.Equal(gotInt, replies) {
		t.Errorf("transcript: candidate %q, interviewer %q", gotCand, gotInt)
	}
}

// geminiClients returns the report client and the Live API client of an
// agent, both pointed at the fake Gemini server.
func geminiClients(t *testing.T, ctx context.Context, gem *geminifake.Server) (*ai.Client, *genai.Client) {
	t.Helper()
	cfg := ai.Config{APIKey: "test-key", BaseURL: gem.URL()}
	reports, err := ai.NewClient(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	live, err := genai.NewClient(ctx, cfg.LiveClientConfig())
	if err != nil {
		t.Fatal(err)
	}
	return reports, live
}

// The candidate clicks End interview: the agent learns it from its next
// heartbeat, asks the model to close (within the stop grace), and saves a
// report on what was said, marked as ended by the candidate — not as
// terminated, and not as abandoned.
func TestCandidateEndRequestClosesInterview(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	lk := livekittest.Start(t)
	cp := newControlPlane(t, "agent-secret-for-tests")
	gem := geminifake.NewServer(t, geminifake.Options{Live: geminifake.Conversation(geminifake.ConversationScript{
		Replies: []geminifake.LiveReply{
			{Text: "Hello Ada, first question: tell me about yourself."},
			{Text: "Thank you. Second question: what draws you to this role?"},
		},
		Heard: []string{"I build APIs in Go."},
	})})
	reports, live := geminiClients(t, ctx, gem)
	startWorker(t, ctx, cp, agent.Deps{
		Live:           &agent.LiveSettings{Connect: agent.GenaiLive(live), Model: "m", Voice: "Puck", SilenceDuration: 300 * time.Millisecond},
		Reports:        reports,
		StopGrace:      2 * time.Second,
		HeartbeatEvery: 200 * time.Millisecond,
	})
	const id, room = "iv-end-1", "room-end-1"
	rv := cp.follow(t, ctx, id)
	cand := joinCandidate(t, ctx, lk, room)
	cp.addInterview(ctx, agent.SessionData{InterviewID: id, Room: room, CandidateName: "Ada", CandidateEmail: "ada@example.com",
		JobTitle: "Engineer", Language: "en", MaxDurationSeconds: 600}, lk.URL, agentToken(t, lk, id, room))

	rv.waitEvent(t, agent.EventListening, 1, 30*time.Second)
	cand.say(t, ctx, loadAnswer(t))
	rv.waitEvent(t, agent.EventListening, 2, 20*time.Second)
	endedAt := time.Now()
	cp.requestEnd(id)

	var rep savedReport
	select {
	case rep = <-cp.reports:
	case <-ctx.Done():
		t.Fatalf("no report saved; hub saw %v", rv.snapshot())
	}
	if took := time.Since(endedAt); took > 10*time.Second {
		t.Errorf("report %s after the end request", took)
	}
	if rep.Report["ended_by"] != "candidate" || rep.Report["terminated"] != false || rep.Report["abandoned"] != nil {
		t.Errorf("report after End interview: ended_by %v terminated %v abandoned %v", rep.Report["ended_by"], rep.Report["terminated"], rep.Report["abandoned"])
	}
	for _, m := range rv.snapshot() {
		if m["type"] == "agent" && (m["event"] == agent.EventAbandoned || m["event"] == agent.EventFailed) {
			t.Errorf("agent event %v after End interview", m)
		}
	}
	cp.mu.Lock()
	beats := cp.interviews[id].beats
	cp.mu.Unlock()
	if beats < 3 {
		t.Errorf("%d heartbeats", beats)
	}
}
