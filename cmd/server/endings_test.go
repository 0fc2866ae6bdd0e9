//go:build cgo

package main

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	lksdk "github.com/livekit/server-sdk-go/v2"

	voiceagent "github.com/utopiahire/utopiahire/agent"
	"github.com/utopiahire/utopiahire/agent/audio"
	"github.com/utopiahire/utopiahire/agent/audio/lkmedia"
	"github.com/utopiahire/utopiahire/agent/lkroom"
	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/internal/livekit/livekittest"
)

// The endings of docs/interviews.md with the real pieces: the server, the
// voice agent in rehearsal mode (espeak-ng), livekit-server and a
// candidate speaking into the room. Every ending ends with a final state
// and a report the candidate can read and was e-mailed.

// endedInterview is the part of GET /api/interviews/{id} these tests read.
type endedInterview struct {
	State     string  `json:"state"`
	EndedBy   *string `json:"ended_by"`
	EndReason *struct {
		Code string `json:"code"`
	} `json:"end_reason"`
	Transcript []struct {
		Speaker string `json:"speaker"`
		Text    string `json:"text"`
	} `json:"transcript"`
	Report *struct {
		InterviewScore *float64 `json:"interview_score"`
		UnscoredReason *string  `json:"unscored_reason"`
		Conclusion     string   `json:"conclusion"`
		WrittenBy      string   `json:"written_by"`
	} `json:"report"`
}

// waitEnded polls the interview until it is final and has a report.
func waitEnded(t *testing.T, c *apiClient, id string, timeout time.Duration) endedInterview {
	t.Helper()
	deadline := time.Now().Add(timeout)
	var last endedInterview
	var raw []byte
	for time.Now().Before(deadline) {
		code, body := c.json("GET", "/api/interviews/"+id, nil)
		if code == 200 {
			raw = body
			last = endedInterview{}
			if err := json.Unmarshal(body, &last); err != nil {
				t.Fatal(err)
			}
			if last.Report != nil && last.State != "in_progress" && last.State != "waiting_for_agent" && last.State != "created" {
				return last
			}
		}
		time.Sleep(250 * time.Millisecond)
	}
	t.Fatalf("interview %s not final with a report within %s: %s", id, timeout, raw)
	return last
}

// joinAsCandidate connects to the interview's room with the candidate's
// token and publishes a microphone.
func joinAsCandidate(t *testing.T, ctx context.Context, started map[string]any) *lkmedia.TrackSink {
	t.Helper()
	room, err := lksdk.ConnectToRoomWithToken(started["url"].(string), started["token"].(string), lksdk.NewRoomCallback(), lksdk.WithLogger(livekittest.QuietSDKLogger()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(room.Disconnect)
	mic, err := lkmedia.PublishSink(ctx, room.LocalParticipant, lkmedia.SinkOptions{SampleRate: audio.ModelInputRate, TrackName: "microphone"})
	if err != nil {
		t.Fatal(err)
	}
	return mic
}

func answerWAV(t *testing.T) []int16 {
	t.Helper()
	f, err := os.Open("../../agent/audio/testdata/answer.wav")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pcm, _, err := audio.DecodeWAV(f)
	if err != nil {
		t.Fatal(err)
	}
	return pcm
}

func (f *feed) count(pred func(map[string]any) bool) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, m := range f.msgs {
		if pred(m) {
			n++
		}
	}
	return n
}

// waitCount waits for n messages matching pred.
func (f *feed) waitCount(t *testing.T, what string, n int, timeout time.Duration, pred func(map[string]any) bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for f.count(pred) < n {
		if time.Now().After(deadline) {
			f.mu.Lock()
			defer f.mu.Unlock()
			t.Fatalf("%s: %d of %d within %s; got %v", what, f.count(pred), n, timeout, f.msgs)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// isFinalState matches the message of a move to a final state.
func isFinalState(m map[string]any) bool {
	switch m["state"] {
	case "completed", "terminated", "failed", "abandoned":
		return m["type"] == "state"
	}
	return false
}

func isListening(m map[string]any) bool { return m["type"] == "agent" && m["event"] == "listening" }

func isCandidateFinal(m map[string]any) bool {
	return m["type"] == "transcript" && m["speaker"] == "candidate" && m["final"] == true
}

// rehearsalWorker runs the real voice agent in rehearsal mode in this
// process against the server at base.
func rehearsalWorker(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	w, err := voiceagent.NewWorker(voiceagent.Deps{
		Control:        voiceagent.NewAPIClient(base, func() string { return testAgentSecret }, "rehearsal-worker", nil),
		Rooms:          lkroom.Joiner{},
		HubURL:         "ws" + strings.TrimPrefix(base, "http") + "/ws",
		TTS:            voiceagent.Espeak{},
		HeartbeatEvery: 500 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	wctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- w.Run(wctx, ctx) }()
	t.Cleanup(func() {
		stop()
		if err := <-done; err != nil {
			t.Errorf("worker: %v", err)
		}
	})
}

// The candidate answers two questions and clicks End interview: the
// agent closes politely and reports on what was said; the interview is
// completed, ended by the candidate, and the report is e-mailed.
func TestCandidateEndsEarlyAndGetsReport(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	s := startInterviewServer(t, nil)
	alice := signIn(t, s.m, s.dbURL, "alice")
	rehearsalWorker(t, ctx, baseURL(s.m))

	started := startSession(t, alice, "Backend Engineer")
	id := started["interview_id"].(string)
	feed, err := follow(t, dialHub(t, s.m, alice.token), "interview:"+id)
	if err != nil {
		t.Fatal(err)
	}
	mic := joinAsCandidate(t, ctx, started)
	answer := answerWAV(t)
	for i := 1; i <= 2; i++ {
		feed.waitCount(t, "agent listening", i+1, 45*time.Second, isListening) // intro, then each question
		if err := mic.Write(ctx, answer); err != nil {
			t.Fatal(err)
		}
		feed.waitCount(t, "candidate answer", i, 30*time.Second, isCandidateFinal)
	}
	code, body := alice.json("POST", "/api/interviews/"+id+"/end", map[string]string{"reason": "I have to go"})
	out := must(t, code, body, 200, "end interview")
	if out["end_requested"] != true || out["state"] != "in_progress" {
		t.Fatalf("end: %s", body)
	}
	feed.waitFor(t, "end requested", 5*time.Second, func(m map[string]any) bool { return m["type"] == "end_requested" && m["by"] == "candidate" })
	final := feed.waitFor(t, "completed", 40*time.Second, isFinalState)
	if final["state"] != "completed" || final["ended_by"] != "candidate" {
		t.Errorf("final state message %v", final)
	}
	got := waitEnded(t, alice, id, 10*time.Second)
	if got.State != "completed" || got.EndedBy == nil || *got.EndedBy != "candidate" || got.EndReason == nil || got.EndReason.Code != "candidate_ended" {
		t.Errorf("interview %s ended_by %v reason %+v", got.State, got.EndedBy, got.EndReason)
	}
	if r := got.Report; r.WrittenBy != "agent" || r.InterviewScore != nil || !strings.Contains(r.Conclusion, "2 answers") || !strings.Contains(r.Conclusion, "ended the interview early") {
		t.Errorf("report %+v", *r)
	}
	var candidate, last string
	for _, g := range got.Transcript {
		if g.Speaker == "candidate" {
			candidate += "x"
		}
		last = g.Speaker + ": " + g.Text
	}
	if len(candidate) != 2 || !strings.Contains(last, "we will stop here") {
		t.Errorf("transcript: %d answers, last %q", len(candidate), last)
	}
	if mails := outbox(t, s.dbURL, "alice@example.com"); len(mails) == 0 || !strings.Contains(mails[len(mails)-1], "interview report") {
		t.Errorf("report mail: %v", mails)
	}
	// Ending twice is refused: the interview is over.
	if code, body := alice.json("POST", "/api/interviews/"+id+"/end", nil); code != 409 || !strings.Contains(string(body), "interview_ended") {
		t.Errorf("second end: %d %s", code, body)
	}
}

// built holds the binaries the process tests run, built once.
var built struct {
	once sync.Once
	dir  string
	err  error
}

// binaries builds cmd/server and cmd/agent once for this test binary,
// into one directory per checkout (rebuilt each run, never piling up).
func binaries(t *testing.T) (server, agent string) {
	t.Helper()
	built.once.Do(func() {
		wd, _ := os.Getwd()
		dir := filepath.Join(os.TempDir(), fmt.Sprintf("uh-endings-bin-%x", sha256.Sum256([]byte(wd)))[:32])
		if err := os.MkdirAll(dir, 0o755); err != nil {
			built.err = err
			return
		}
		built.dir = dir
		for _, pkg := range []string{"server", "agent"} {
			// Built aside and renamed: another test process of this checkout
			// may be running the previous binary.
			tmp := filepath.Join(dir, fmt.Sprintf("%s.%d", pkg, os.Getpid()))
			out, err := exec.Command("go", "build", "-o", tmp, "../"+pkg).CombinedOutput()
			if err == nil {
				err = os.Rename(tmp, filepath.Join(dir, pkg))
			}
			if err != nil {
				built.err = fmt.Errorf("build %s: %v\n%s", pkg, err, out)
				return
			}
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return filepath.Join(built.dir, "server"), filepath.Join(built.dir, "agent")
}

// proc is a process a test started, and kills.
type proc struct {
	cmd  *exec.Cmd
	done chan struct{}
}

func startProc(t *testing.T, bin, logName string, env map[string]string) *proc {
	t.Helper()
	logf, err := os.Create(filepath.Join(t.TempDir(), logName))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &proc{cmd: cmd, done: make(chan struct{})}
	go func() {
		_ = cmd.Wait()
		logf.Close()
		close(p.done)
	}()
	t.Cleanup(func() {
		p.kill(t)
		if t.Failed() {
			b, _ := os.ReadFile(logf.Name())
			t.Logf("%s log:\n%s", logName, tail(string(b), 4000))
		}
	})
	return p
}

// kill sends SIGKILL to the process (no chance to finish anything) and
// waits for it.
func (p *proc) kill(t *testing.T) {
	t.Helper()
	select {
	case <-p.done:
		return
	default:
	}
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	select {
	case <-p.done:
	case <-time.After(10 * time.Second):
		t.Errorf("process %d did not die", p.cmd.Process.Pid)
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// agentEnv is the environment of a rehearsal agent process for base.
func agentEnv(t *testing.T, base, worker string) map[string]string {
	return map[string]string{
		"APP_ENV": "test", "API_URL": base, "AGENT_SECRET": testAgentSecret, "AGENT_WORKER_ID": worker,
		"DATA_DIR": t.TempDir(), "AGENT_CONCURRENCY": "1", "LOG_LEVEL": "debug",
	}
}

// waitHTTP waits until the server at base answers /health.
func waitHTTP(t *testing.T, base string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if code, _ := tryGet(base + "/health"); code == 200 {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("server at %s not up within %s", base, timeout)
}

// The agent process is killed (SIGKILL) mid-interview: the server notices
// (LiveKit says it left, or its heartbeats stop), ends the interview and
// writes the report itself from the stored transcript.
func TestAgentKilledServerWritesReport(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 180*time.Second)
	defer cancel()
	_, agentBin := binaries(t)
	s := startInterviewServer(t, map[string]string{"INTERVIEW_AGENT_SILENCE": "10s"})
	alice := signIn(t, s.m, s.dbURL, "alice")
	agentProc := startProc(t, agentBin, "agent.log", agentEnv(t, baseURL(s.m), "doomed-agent"))

	started := startSession(t, alice, "Backend Engineer")
	id := started["interview_id"].(string)
	feed, err := follow(t, dialHub(t, s.m, alice.token), "interview:"+id)
	if err != nil {
		t.Fatal(err)
	}
	mic := joinAsCandidate(t, ctx, started)
	feed.waitCount(t, "agent listening", 2, 60*time.Second, isListening)
	if err := mic.Write(ctx, answerWAV(t)); err != nil {
		t.Fatal(err)
	}
	feed.waitCount(t, "candidate answer", 1, 30*time.Second, isCandidateFinal)

	agentProc.kill(t)
	killed := time.Now()
	final := feed.waitFor(t, "final state", 90*time.Second, isFinalState)
	got := waitEnded(t, alice, id, 90*time.Second-time.Since(killed))
	t.Logf("final %s (%v) and report %s after the kill", got.State, final["reason"], time.Since(killed).Round(time.Second))
	if got.State != "failed" || got.EndReason == nil || got.EndReason.Code != "interviewer_disconnected" || got.EndedBy == nil || *got.EndedBy != "server" {
		t.Errorf("interview %s, reason %+v, ended by %v", got.State, got.EndReason, got.EndedBy)
	}
	if r := got.Report; r.WrittenBy != "server" || !strings.Contains(r.Conclusion, "Written by the server") || !strings.Contains(r.Conclusion, "1 answers") ||
		r.UnscoredReason == nil || !strings.Contains(*r.UnscoredReason, "GEMINI_API_KEY") {
		t.Errorf("server report %+v", *r)
	}
	feed.waitFor(t, "report on the channel", 5*time.Second, func(m map[string]any) bool { return m["type"] == "report" && m["written_by"] == "server" })
	if mails := outbox(t, s.dbURL, "alice@example.com"); len(mails) == 0 || !strings.Contains(mails[len(mails)-1], "interview report") {
		t.Errorf("report mail: %v", mails)
	}
}

// The server and the agent are both killed (SIGKILL) mid-interview, as a
// crash or a careless stop would; the server comes back, finds the
// interview whose agent is gone within INTERVIEW_AGENT_SILENCE (30 s) of
// its start, ends it and writes the report, and the candidate's page —
// still subscribed to interview:<id> — sees the final state and the report
// live.
func TestServerKilledAndRestartedFinishesInterview(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 240*time.Second)
	defer cancel()
	serverBin, agentBin := binaries(t)
	port := freePort(t)
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	lk := livekittest.Start(t, livekittest.WithWebhook(base+"/api/livekit/webhook"))
	db := dbtest.New(t)
	env := map[string]string{
		"APP_ENV": "test", "PORT": fmt.Sprint(port), "DATA_DIR": t.TempDir(), "DATABASE_URL": db, "BCRYPT_COST": "4",
		"LIVEKIT_URL": lk.URL, "LIVEKIT_API_KEY": lk.APIKey, "LIVEKIT_API_SECRET": lk.APISecret,
		"AGENT_SECRET": testAgentSecret, "JWT_SECRET": testJWTSecret,
		"INTERVIEW_CLAIM_TIMEOUT": "20s", "INTERVIEW_ABANDON_GRACE": "60s", "INTERVIEW_REOFFER_EVERY": "1s",
		"INTERVIEW_SWEEP_EVERY": "200ms",
	}
	server := startProc(t, serverBin, "server-1.log", env)
	waitHTTP(t, base, 60*time.Second)
	agentProc := startProc(t, agentBin, "agent.log", agentEnv(t, base, "crashing-agent"))
	alice := signInAt(t, base, db, "alice")

	started := startSession(t, alice, "Backend Engineer")
	id := started["interview_id"].(string)
	page, err := follow(t, dialHubAt(t, base, alice.token), "interview:"+id)
	if err != nil {
		t.Fatal(err)
	}
	mic := joinAsCandidate(t, ctx, started)
	page.waitCount(t, "agent listening", 2, 60*time.Second, isListening)
	if err := mic.Write(ctx, answerWAV(t)); err != nil {
		t.Fatal(err)
	}
	page.waitCount(t, "candidate answer", 1, 30*time.Second, isCandidateFinal)

	agentProc.kill(t)
	server.kill(t)
	time.Sleep(2 * time.Second)
	startProc(t, serverBin, "server-2.log", env)
	restarted := time.Now()
	waitHTTP(t, base, 60*time.Second)

	final := page.waitFor(t, "final state on the candidate's page", 90*time.Second, isFinalState)
	page.waitFor(t, "report on the candidate's page", 90*time.Second-time.Since(restarted), func(m map[string]any) bool {
		return m["type"] == "report" && m["written_by"] == "server"
	})
	took := time.Since(restarted)
	t.Logf("final %v and report on the page %s after the restart", final["state"], took.Round(time.Second))
	if took > 90*time.Second {
		t.Errorf("took %s after the restart", took)
	}
	got := waitEnded(t, alice, id, 10*time.Second)
	if got.State != "failed" || got.EndReason == nil || got.EndReason.Code != "interviewer_disconnected" || got.Report.WrittenBy != "server" {
		t.Errorf("interview %s, reason %+v, report %+v", got.State, got.EndReason, *got.Report)
	}
	if mails := outbox(t, db, "alice@example.com"); len(mails) == 0 || !strings.Contains(mails[len(mails)-1], "interview report") {
		t.Errorf("report mail: %v", mails)
	}
}

// tryGet is a GET that reports a failure as status 0.
func tryGet(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}
