package main

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	lkauth "github.com/livekit/protocol/auth"
	lksdk "github.com/livekit/server-sdk-go/v2"

	"github.com/utopiahire/utopiahire/hub/hubclient"
	"github.com/utopiahire/utopiahire/internal/auth"
	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/internal/livekit/livekittest"
)

const (
	testAgentSecret = "test-agent-secret-0123456789abcdef"
	testJWTSecret   = "test-jwt-secret-0123456789abcdefghij"
)

// interviewServer is a server wired to its own livekit-server --dev, which
// sends it webhooks.
type interviewServer struct {
	m     *Main
	dbURL string
	lk    *livekittest.Server
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// startInterviewServer starts livekit-server (webhooks to the API's port)
// and then the server on that port with short interview timeouts.
func startInterviewServer(t *testing.T, extra map[string]string) *interviewServer {
	t.Helper()
	port := freePort(t)
	lk := livekittest.Start(t, livekittest.WithWebhook(fmt.Sprintf("http://127.0.0.1:%d/api/livekit/webhook", port)))
	db := dbtest.New(t)
	env := map[string]string{
		"PORT": fmt.Sprint(port), "LIVEKIT_URL": lk.URL, "LIVEKIT_API_KEY": lk.APIKey, "LIVEKIT_API_SECRET": lk.APISecret,
		"AGENT_SECRET": testAgentSecret, "JWT_SECRET": testJWTSecret,
		"INTERVIEW_CLAIM_TIMEOUT": "20s", "INTERVIEW_ABANDON_GRACE": "1s", "INTERVIEW_REOFFER_EVERY": "1s",
		"INTERVIEW_SWEEP_EVERY": "200ms",
		// The protocol-level tests play an agent that sends no heartbeats.
		"INTERVIEW_AGENT_SILENCE": "5m",
	}
	for k, v := range extra {
		env[k] = v
	}
	return &interviewServer{m: startMain(t, testConfig(t, db, env)), dbURL: db, lk: lk}
}

func decode(t *testing.T, body []byte) map[string]any {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("decode %s: %v", body, err)
	}
	return v
}

func must(t *testing.T, code int, body []byte, want int, what string) map[string]any {
	t.Helper()
	if code != want {
		t.Fatalf("%s: %d %s (want %d)", what, code, body, want)
	}
	return decode(t, body)
}

// startSession uploads a text CV for c and starts an interview with it.
func startSession(t *testing.T, c *apiClient, jobTitle string) map[string]any {
	t.Helper()
	code, body := c.multipart("/api/upload-cv", nil, "cv", "jane-doe-cv.txt", []byte(cvText))
	up := must(t, code, body, 201, "upload cv")
	code, body = c.json("POST", "/api/start-session", map[string]any{
		"cv_filename": up["filename"], "job_title": jobTitle, "job_description": "Build Go services on PostgreSQL.",
		"candidate_name": "Jane Doe", "language": "en", "room": "someone-elses-room",
	})
	return must(t, code, body, 200, "start-session")
}

// agent is a voice-agent worker speaking the dispatch protocol.
type agent struct {
	t      *testing.T
	base   string
	worker string
	token  string // dispatch credential
}

func newAgent(t *testing.T, m *Main, worker string) *agent {
	t.Helper()
	a := &agent{t: t, base: baseURL(m), worker: worker}
	c := &apiClient{t: t, base: a.base, token: testAgentSecret}
	code, body := c.json("POST", "/api/agents/session", map[string]string{"worker_id": worker})
	out := must(t, code, body, 200, "agent session")
	if out["channel"] != "agents:dispatch" {
		t.Fatalf("agent session channel: %v", out["channel"])
	}
	if _, err := time.Parse(time.RFC3339, out["expires_at"].(string)); err != nil {
		t.Fatalf("expires_at: %v", err)
	}
	a.token = out["token"].(string)
	return a
}

func (a *agent) as(token string) *apiClient { return &apiClient{t: a.t, base: a.base, token: token} }

func (a *agent) claim(id string) (int, map[string]any) {
	code, body := a.as(a.token).json("POST", "/api/agents/claim", map[string]string{"interview_id": id})
	return code, decode(a.t, body)
}

// feed is a hub subscription that keeps every message it receives.
type feed struct {
	mu       sync.Mutex
	msgs     []map[string]any
	revoked  chan string
	changed  chan struct{}
	client   *hubclient.Client
	channel  string
	subError error
}

func dialHub(t *testing.T, m *Main, token string) *hubclient.Client {
	t.Helper()
	return dialHubAt(t, baseURL(m), token)
}

// dialHubAt is dialHub against the server at base (a server process).
func dialHubAt(t *testing.T, base, token string) *hubclient.Client {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	wsURL := "ws" + strings.TrimPrefix(base, "http") + "/ws"
	c, err := hubclient.Dial(ctx, wsURL, hubclient.Options{Token: func(context.Context) (string, error) { return token, nil }})
	if err != nil {
		t.Fatalf("dial hub: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func follow(t *testing.T, c *hubclient.Client, channel string) (*feed, error) {
	t.Helper()
	f := &feed{revoked: make(chan string, 1), changed: make(chan struct{}, 1), client: c, channel: channel}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := c.Subscribe(ctx, channel, hubclient.SubscribeOptions{
		Since: sinceStart(),
		OnMessage: func(msg hubclient.Message) {
			var v map[string]any
			_ = json.Unmarshal(msg.Data, &v)
			f.mu.Lock()
			f.msgs = append(f.msgs, v)
			f.mu.Unlock()
			select {
			case f.changed <- struct{}{}:
			default:
			}
		},
		OnUnsubscribed: func(code string) {
			select {
			case f.revoked <- code:
			default:
			}
		},
	})
	return f, err
}

// waitFor returns the first message matching pred, failing after timeout.
func (f *feed) waitFor(t *testing.T, what string, timeout time.Duration, pred func(map[string]any) bool) map[string]any {
	t.Helper()
	deadline := time.After(timeout)
	for {
		f.mu.Lock()
		for _, m := range f.msgs {
			if pred(m) {
				f.mu.Unlock()
				return m
			}
		}
		f.mu.Unlock()
		select {
		case <-f.changed:
		case <-time.After(50 * time.Millisecond):
		case <-deadline:
			f.mu.Lock()
			defer f.mu.Unlock()
			t.Fatalf("%s: no matching message on %s within %s; got %v", what, f.channel, timeout, f.msgs)
		}
	}
}

func isState(state string) func(map[string]any) bool {
	return func(m map[string]any) bool { return m["type"] == "state" && m["state"] == state }
}

func publish(t *testing.T, c *hubclient.Client, channel string, v any) error {
	t.Helper()
	b, _ := json.Marshal(v)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := c.Publish(ctx, channel, b)
	return err
}

func segment(seq int, speaker, text string, final bool) map[string]any {
	return map[string]any{"type": "transcript", "seq": seq, "speaker": speaker, "text": text, "lang": "en",
		"start_ms": seq * 1000, "end_ms": seq*1000 + 900, "final": final}
}

// outbox returns the subjects of mail queued to recipient.
func outbox(t *testing.T, dbURL, recipient string) []string {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	rows, _ := conn.Query(context.Background(), `SELECT subject FROM mail_outbox WHERE recipient = $1 ORDER BY id`, recipient)
	subjects, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return subjects
}

// TestInterviewEndToEnd is the issue's done-when: a candidate starts a
// session, an agent claims it over the dispatch channel and saves a
// report, and a reviewer invited by e-mail watches state and transcript
// live and reads the full timeline afterwards.
func TestInterviewEndToEnd(t *testing.T) {
	t.Parallel()
	s := startInterviewServer(t, nil)
	alice := signIn(t, s.m, s.dbURL, "alice")
	bob := signIn(t, s.m, s.dbURL, "bob")

	// The agent worker listens on the dispatch channel before anything is offered.
	worker := newAgent(t, s.m, "worker-1")
	dispatch, err := follow(t, dialHub(t, s.m, worker.token), "agents:dispatch")
	if err != nil {
		t.Fatalf("agent subscribe agents:dispatch: %v", err)
	}

	started := startSession(t, alice, "Backend Engineer")
	id, room := started["interview_id"].(string), started["room"].(string)
	if started["channel"] != "interview:"+id || started["url"] != s.lk.URL || room == "someone-elses-room" || started["identity"] == "" {
		t.Fatalf("start-session: %v", started)
	}
	checkJoinToken(t, s.lk, started["token"].(string), room, started["identity"].(string))

	// The reviewer is invited by e-mail and follows the interview live.
	code, body := alice.json("POST", "/api/interviews/"+id+"/reviewers", map[string]string{"email": "bob@example.com"})
	must(t, code, body, 201, "invite bob")
	if got := outbox(t, s.dbURL, "bob@example.com"); len(got) == 0 || !strings.Contains(got[len(got)-1], "invited you") {
		t.Fatalf("invitation mail: %v", got)
	}
	code, body = bob.json("GET", "/api/reviewer/interviews", nil)
	if shared := must(t, code, body, 200, "shared")["interviews"].([]any); len(shared) != 1 || shared[0].(map[string]any)["id"] != id {
		t.Fatalf("shared with bob: %s", body)
	}
	bobHub := dialHub(t, s.m, bob.token)
	live, err := follow(t, bobHub, "interview:"+id)
	if err != nil {
		t.Fatalf("reviewer subscribe: %v", err)
	}
	code, body = bob.json("POST", "/api/interviews/"+id+"/listen-token", nil)
	listen := must(t, code, body, 200, "listen-token")
	checkListenToken(t, s.lk, listen["token"].(string), room)

	// The offer reaches the worker, who claims it.
	offer := dispatch.waitFor(t, "offer", 10*time.Second, func(m map[string]any) bool { return m["type"] == "offer" && m["interview_id"] == id })
	if offer["room"] != room || offer["language"] != "en" {
		t.Fatalf("offer: %v", offer)
	}
	code, claimed := worker.claim(id)
	if code != 200 || claimed["channel"] != "interview:"+id || claimed["room"] != room || claimed["livekit_url"] != s.lk.URL {
		t.Fatalf("claim: %d %v", code, claimed)
	}
	dispatch.waitFor(t, "withdrawn", 10*time.Second, func(m map[string]any) bool { return m["type"] == "withdrawn" && m["interview_id"] == id })
	cred := claimed["credential"].(string)
	checkJoinToken(t, s.lk, claimed["livekit_token"].(string), room, claimed["identity"].(string))

	code, body = worker.as(cred).json("GET", "/api/session-data/"+room, nil)
	sd := must(t, code, body, 200, "session-data")
	if sd["interview_id"] != id || sd["candidate_email"] != "alice@example.com" || sd["job_title"] != "Backend Engineer" ||
		!strings.Contains(sd["cv_text"].(string), "Reduced p99 latency") || sd["language"] != "en" {
		t.Fatalf("session-data: %v", sd)
	}

	// The agent joins and speaks; the reviewer sees it live.
	agentHub := dialHub(t, s.m, cred)
	if _, err := follow(t, agentHub, "interview:"+id); err != nil {
		t.Fatalf("agent subscribe own interview: %v", err)
	}
	if err := publish(t, agentHub, "interview:"+id, map[string]any{"type": "agent", "event": "joined"}); err != nil {
		t.Fatalf("agent joined: %v", err)
	}
	live.waitFor(t, "in_progress", 10*time.Second, isState("in_progress"))
	for _, seg := range []map[string]any{
		segment(0, "interviewer", "Tell me about", false),
		segment(0, "interviewer", "Tell me about your last project.", true),
		segment(1, "candidate", "I rewrote the cache layer in Go.", true),
		segment(0, "interviewer", "Tell me about your last project.", true), // re-sent after a reconnect
	} {
		if err := publish(t, agentHub, "interview:"+id, seg); err != nil {
			t.Fatalf("publish segment: %v", err)
		}
	}
	if err := publish(t, agentHub, "interview:"+id, segment(0, "interviewer", "a late partial", false)); err == nil || !strings.Contains(err.Error(), "segment_final") {
		t.Fatalf("partial after final: %v", err)
	}
	if err := publish(t, agentHub, "interview:"+id, map[string]any{"type": "state", "state": "completed"}); err == nil {
		t.Fatal("agent published a server message type")
	}
	if err := publish(t, bobHub, "interview:"+id, segment(5, "candidate", "forged", true)); err == nil {
		t.Fatal("reviewer published on the interview channel")
	}
	live.waitFor(t, "transcript", 10*time.Second, func(m map[string]any) bool { return m["type"] == "transcript" && m["seq"] == 1.0 })

	code, body = bob.json("POST", "/api/interviews/"+id+"/notes", map[string]any{"text": "Good concrete example."})
	note := must(t, code, body, 201, "note")
	live.waitFor(t, "note", 10*time.Second, func(m map[string]any) bool { return m["type"] == "note" && m["note_id"] == note["id"] })

	// The report ends the interview and is e-mailed to the candidate.
	report := map[string]any{
		"candidate_email": "alice@example.com", "job_title": "Backend Engineer", "interview_score": 7.5,
		"conclusion": "A solid backend candidate.", "strengths": []string{"Concrete examples"},
		"development_areas": []string{"System design depth"}, "communication": "Clear.", "role_fit": "Good.",
		"terminated": false,
	}
	code, body = worker.as(cred).json("POST", "/api/interviews/save-report", report)
	saved := must(t, code, body, 200, "save-report")
	if saved["success"] != true || saved["interview_id"] != id || saved["state"] != "completed" {
		t.Fatalf("save-report: %v", saved)
	}
	code, body = worker.as(cred).json("POST", "/api/save-interview", report)
	if code != 409 || errCode(body) != "report_already_saved" {
		t.Fatalf("second report: %d %s", code, body)
	}
	live.waitFor(t, "completed", 10*time.Second, isState("completed"))
	if got := outbox(t, s.dbURL, "alice@example.com"); len(got) == 0 || !strings.Contains(got[len(got)-1], "interview report") {
		t.Fatalf("report mail: %v", got)
	}

	// The full timeline afterwards, for the reviewer.
	code, body = bob.json("GET", "/api/interviews/"+id, nil)
	var detail struct {
		Role       string
		State      string
		Events     []struct{ Type string }
		Transcript []struct {
			Seq   int
			Text  string
			Final bool
		}
		Report *struct {
			InterviewScore float64 `json:"interview_score"`
			Strengths      []string
		}
		Notes []struct{ Text string }
	}
	if code != 200 || json.Unmarshal(body, &detail) != nil {
		t.Fatalf("timeline: %d %s", code, body)
	}
	var types []string
	for _, e := range detail.Events {
		types = append(types, e.Type)
	}
	if detail.Role != "reviewer" || detail.State != "completed" || len(detail.Transcript) != 2 ||
		detail.Transcript[0].Text != "Tell me about your last project." || !detail.Transcript[0].Final ||
		detail.Report == nil || detail.Report.InterviewScore != 7.5 || len(detail.Notes) != 1 {
		t.Fatalf("timeline: %s", body)
	}
	for _, want := range []string{"state", "reviewer", "claimed", "agent", "note", "report"} {
		if !strings.Contains(strings.Join(types, ","), want) {
			t.Errorf("timeline lacks %s: %v", want, types)
		}
	}

	// The contract's list, own address only.
	code, body = alice.json("GET", "/api/interviews/email/alice@example.com", nil)
	list := must(t, code, body, 200, "by email")
	if list["total_interviews"] != 1.0 || list["interviews"].([]any)[0].(map[string]any)["interview_score"] != 7.5 {
		t.Fatalf("by email: %s", body)
	}
	if code, body = alice.json("GET", "/api/interviews/email/bob@example.com", nil); code != 403 {
		t.Fatalf("someone else's address: %d %s", code, body)
	}

	// Revoking the invitation cuts the live subscription and the timeline.
	if code, body = alice.json("DELETE", "/api/interviews/"+id+"/reviewers/bob@example.com", nil); code != 200 {
		t.Fatalf("revoke: %d %s", code, body)
	}
	select {
	case c := <-live.revoked:
		if c != "revoked" {
			t.Fatalf("unsubscribed with %q", c)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("revoked reviewer still subscribed")
	}
	if code, _ = bob.json("GET", "/api/interviews/"+id, nil); code != 404 {
		t.Fatalf("revoked reviewer reads the timeline: %d", code)
	}
	if _, err := follow(t, bobHub, "interview:"+id); err == nil {
		t.Fatal("revoked reviewer subscribed again")
	}
}

// checkJoinToken decodes a LiveKit token and checks it joins room (only)
// as identity, with a bounded lifetime.
func checkJoinToken(t *testing.T, lk *livekittest.Server, token, room, identity string) {
	t.Helper()
	v, err := lkauth.ParseAPIToken(token)
	if err != nil {
		t.Fatal(err)
	}
	reg, claims, err := v.Verify(lk.APISecret)
	if err != nil {
		t.Fatalf("livekit token does not verify: %v", err)
	}
	g := claims.Video
	if g == nil || !g.RoomJoin || g.Room != room || claims.Identity != identity || g.RoomCreate || g.RoomAdmin || g.RoomList {
		t.Fatalf("grant: %+v identity %q", g, claims.Identity)
	}
	if reg.ExpiresAt == nil || time.Until(reg.ExpiresAt.Time) > 25*time.Hour {
		t.Fatalf("token lifetime: %v", reg.ExpiresAt)
	}
}

func checkListenToken(t *testing.T, lk *livekittest.Server, token, room string) {
	t.Helper()
	v, err := lkauth.ParseAPIToken(token)
	if err != nil {
		t.Fatal(err)
	}
	_, claims, err := v.Verify(lk.APISecret)
	if err != nil {
		t.Fatal(err)
	}
	g := claims.Video
	if g == nil || g.Room != room || !g.Hidden || g.GetCanPublish() || g.GetCanPublishData() || !g.GetCanSubscribe() {
		t.Fatalf("listener grant: %+v", g)
	}
}

// TestInterviewRoomDrivesState joins the room with the candidate's token
// as a real participant: LiveKit's webhooks record the join, and leaving
// past the grace period abandons the interview.
func TestInterviewRoomDrivesState(t *testing.T) {
	t.Parallel()
	s := startInterviewServer(t, nil)
	alice := signIn(t, s.m, s.dbURL, "carol")
	started := startSession(t, alice, "Data Engineer")
	id := started["interview_id"].(string)
	feed, err := follow(t, dialHub(t, s.m, alice.token), "interview:"+id)
	if err != nil {
		t.Fatal(err)
	}
	room, err := lksdk.ConnectToRoomWithToken(s.lk.URL, started["token"].(string), lksdk.NewRoomCallback(),
		lksdk.WithAutoSubscribe(false), lksdk.WithLogger(livekittest.QuietSDKLogger()))
	if err != nil {
		t.Fatalf("candidate joins: %v", err)
	}
	feed.waitFor(t, "participant_joined", 20*time.Second, func(m map[string]any) bool {
		return m["type"] == "room" && m["event"] == "participant_joined" && m["who"] == "candidate"
	})
	room.Disconnect()
	feed.waitFor(t, "participant_left", 20*time.Second, func(m map[string]any) bool {
		return m["type"] == "room" && m["event"] == "participant_left" && m["who"] == "candidate"
	})
	ab := feed.waitFor(t, "abandoned", 20*time.Second, isState("abandoned"))
	if r, _ := ab["reason"].(map[string]any); r["code"] != "candidate_left" {
		t.Fatalf("abandoned: %v", ab)
	}
	code, body := alice.json("GET", "/api/interviews/"+id, nil)
	d := must(t, code, body, 200, "timeline")
	if d["state"] != "abandoned" || d["end_reason"].(map[string]any)["message"] == "" {
		t.Fatalf("after leaving: %s", body)
	}
	// An ended interview gives no more listener tokens.
	if code, body = alice.json("POST", "/api/interviews/"+id+"/listen-token", nil); code != 409 {
		t.Fatalf("listen to ended: %d %s", code, body)
	}
}

// TestAgentDispatchAuthorization races agents for one offer and checks
// that every credential is refused outside its scope.
func TestAgentDispatchAuthorization(t *testing.T) {
	t.Parallel()
	s := startInterviewServer(t, map[string]string{"INTERVIEW_CLAIM_TIMEOUT": "8s"})
	dave := signIn(t, s.m, s.dbURL, "dave")
	erin := signIn(t, s.m, s.dbURL, "erin")
	a := startSession(t, dave, "SRE")
	b := startSession(t, erin, "QA Engineer")
	idA, idB := a["interview_id"].(string), b["interview_id"].(string)

	// Wrong secret, and a user token where a dispatch credential belongs.
	c := &apiClient{t: t, base: baseURL(s.m), token: "not-the-secret"}
	if code, body := c.json("POST", "/api/agents/session", map[string]string{"worker_id": "w"}); code != 401 || errCode(body) != "unauthorized" {
		t.Fatalf("wrong secret: %d %s", code, body)
	}
	c.token = testAgentSecret
	if code, body := c.json("POST", "/api/agents/session", map[string]string{"worker_id": "bad id!"}); code != 422 {
		t.Fatalf("bad worker id: %d %s", code, body)
	}
	if code, _ := dave.json("POST", "/api/agents/claim", map[string]string{"interview_id": idA}); code != 401 {
		t.Fatalf("user token claims: %d", code)
	}

	// Eight workers race for interview A: exactly one wins.
	const n = 8
	agents := make([]*agent, n)
	for i := range agents {
		agents[i] = newAgent(t, s.m, fmt.Sprintf("racer-%d", i))
	}
	codes := make([]int, n)
	outs := make([]map[string]any, n)
	var wg sync.WaitGroup
	for i := range agents {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i], outs[i] = agents[i].claim(idA)
		}()
	}
	wg.Wait()
	winner, won := -1, 0
	for i, code := range codes {
		switch {
		case code == 200:
			winner, won = i, won+1
		case code != 409 || outs[i]["code"] != "interview_claimed":
			t.Errorf("racer %d: %d %v", i, code, outs[i])
		}
	}
	if won != 1 {
		t.Fatalf("%d winners: %v", won, codes)
	}
	credA := outs[winner]["credential"].(string)
	w := agents[winner]

	// Releasing before joining hands A back; the old credential is void.
	code, body := w.as(credA).json("POST", "/api/agents/release", map[string]string{"reason": "shutting down"})
	if rel := must(t, code, body, 200, "release"); rel["state"] != "waiting_for_agent" || rel["reoffered"] != true {
		t.Fatalf("release: %v", rel)
	}
	if code, body := w.as(credA).json("GET", "/api/session-data/"+a["room"].(string), nil); code != 403 || errCode(body) != "claim_lost" {
		t.Fatalf("released credential: %d %s", code, body)
	}
	w = agents[(winner+1)%n]
	code, again := w.claim(idA)
	if code != 200 {
		t.Fatalf("re-claim after release: %d %v", code, again)
	}
	credA = again["credential"].(string)
	if code, body := w.as(credA).json("POST", "/api/interviews/save-report", map[string]any{
		"candidate_email": "dave@example.com", "job_title": "SRE", "interview_score": 5, "conclusion": "x",
	}); code != 409 || errCode(body) != "interview_not_started" {
		t.Fatalf("report before joining: %d %s", code, body)
	}
	if code, body := w.as(credA).json("POST", "/api/interviews/save-report", map[string]any{
		"candidate_email": "dave@example.com", "job_title": "SRE", "interview_score": nil, "conclusion": "x",
	}); code != 422 {
		t.Fatalf("null score without a reason: %d %s", code, body)
	}

	// The credential is for A only: B's room, B's channel, the dispatch claim.
	if code, body := w.as(credA).json("GET", "/api/session-data/"+b["room"].(string), nil); code != 403 {
		t.Fatalf("session-data of another room: %d %s", code, body)
	}
	if code, _ := w.as(credA).json("POST", "/api/agents/claim", map[string]string{"interview_id": idB}); code != 401 {
		t.Fatalf("interview credential used to claim: %d", code)
	}
	if code, _ := w.as(w.token).json("GET", "/api/session-data/"+a["room"].(string), nil); code != 401 {
		t.Fatalf("dispatch credential reads session data: %d", code)
	}
	hA := dialHub(t, s.m, credA)
	if _, err := follow(t, hA, "interview:"+idB); err == nil {
		t.Fatal("credential of A subscribed to B")
	}
	if err := publish(t, hA, "interview:"+idB, segment(0, "candidate", "x", true)); err == nil {
		t.Fatal("credential of A published on B")
	}
	if _, err := follow(t, hA, "agents:dispatch"); err == nil {
		t.Fatal("interview credential subscribed to dispatch")
	}
	if _, err := follow(t, dialHub(t, s.m, dave.token), "agents:dispatch"); err == nil {
		t.Fatal("user subscribed to dispatch")
	}
	// An expired credential of the right shape is refused.
	keys, _ := auth.NewKeyRing(testJWTSecret)
	past := auth.NewTokens(keys, auth.TokenConfig{Now: func() time.Time { return time.Now().Add(-2 * time.Hour) }})
	expired, _, _ := past.IssueAgent(auth.AgentGrant{Subject: "claim:" + again["claim_id"].(string), Scope: "interview:" + idA, TTL: time.Hour})
	if code, body := w.as(expired).json("GET", "/api/session-data/"+a["room"].(string), nil); code != 401 || errCode(body) != "token_expired" {
		t.Fatalf("expired credential: %d %s", code, body)
	}

	// Another user, and a reviewer of a different interview, see nothing of A.
	code, body = erin.json("POST", "/api/interviews/"+idB+"/reviewers", map[string]string{"email": "frank@example.com"})
	must(t, code, body, 201, "invite frank to B")
	frank := signIn(t, s.m, s.dbURL, "frank")
	for who, cl := range map[string]*apiClient{"erin": erin, "frank": frank} {
		if code, _ := cl.json("GET", "/api/interviews/"+idA, nil); code != 404 {
			t.Errorf("%s reads A: %d", who, code)
		}
		if code, _ := cl.json("POST", "/api/interviews/"+idA+"/notes", map[string]string{"text": "x"}); code != 404 {
			t.Errorf("%s notes on A: %d", who, code)
		}
		if code, _ := cl.json("POST", "/api/interviews/"+idA+"/listen-token", nil); code != 404 {
			t.Errorf("%s listens to A: %d", who, code)
		}
		if code, _ := cl.json("DELETE", "/api/interviews/"+idA, nil); code != 404 {
			t.Errorf("%s deletes A: %d", who, code)
		}
		if _, err := follow(t, dialHub(t, s.m, cl.token), "interview:"+idA); err == nil {
			t.Errorf("%s subscribed to A", who)
		}
	}
	if code, _ := frank.json("GET", "/api/interviews/"+idB, nil); code != 200 {
		t.Errorf("frank reads B: %d", code)
	}
	if code, _ := frank.json("DELETE", "/api/interviews/"+idB, nil); code != 404 {
		t.Errorf("reviewer deletes B: %d", code)
	}

	// Nobody claims B: it fails with a reason the candidate reads.
	deadline := time.Now().Add(15 * time.Second)
	for {
		code, body := erin.json("GET", "/api/interviews/"+idB, nil)
		d := must(t, code, body, 200, "B")
		if d["state"] == "failed" {
			if r := d["end_reason"].(map[string]any); r["code"] != "no_interviewer" || r["message"] == "" {
				t.Fatalf("unclaimed: %v", r)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("unclaimed interview still %v", d["state"])
		}
		time.Sleep(200 * time.Millisecond)
	}
	if code, body := agents[0].claim(idB); code != 409 || body["code"] != "interview_not_waiting" {
		t.Fatalf("claim of failed: %d %v", code, body)
	}
	if code, _ := agents[0].claim("00000000-0000-0000-0000-000000000000"); code != 404 {
		t.Fatalf("claim of unknown: %d", code)
	}

	// The owner deletes A; its credential dies with it.
	if code, _ := dave.json("DELETE", "/api/interviews/"+idA, nil); code != 200 {
		t.Fatalf("delete: %d", code)
	}
	if code, _ := agents[0].as(again["credential"].(string)).json("GET", "/api/session-data/"+a["room"].(string), nil); code != 403 {
		t.Fatalf("credential of deleted interview: %d", code)
	}
}

// TestLiveKitWebhookRefusesForgeries posts deliveries signed by
// livekit/protocol itself: a good one is applied once, a replay, a forged
// signature and a tampered body are refused.
func TestLiveKitWebhookRefusesForgeries(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	m := startMain(t, testConfig(t, db, map[string]string{
		"LIVEKIT_URL": "ws://127.0.0.1:1", "LIVEKIT_API_KEY": "devkey", "LIVEKIT_API_SECRET": "secret-for-webhooks-0123456789",
	}))
	body := []byte(fmt.Sprintf(`{"event":"room_started","id":"EV_%d","createdAt":"%d","room":{"name":"interview-x","sid":"RM_1"}}`, time.Now().UnixNano(), time.Now().Unix()))
	sign := func(secret string, b []byte) string {
		at := lkauth.NewAccessToken("devkey", secret).SetValidFor(5 * time.Minute)
		at.SetSha256(sha256Base64(b))
		tok, err := at.ToJWT()
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	post := func(authz string, b []byte) (int, string) {
		req, _ := http.NewRequest("POST", baseURL(m)+"/api/livekit/webhook", strings.NewReader(string(b)))
		req.Header.Set("Content-Type", "application/webhook+json")
		if authz != "" {
			req.Header.Set("Authorization", authz)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var e struct{ Code string }
		_ = json.NewDecoder(resp.Body).Decode(&e)
		return resp.StatusCode, e.Code
	}
	good := sign("secret-for-webhooks-0123456789", body)
	for _, tc := range []struct {
		name, authz string
		body        []byte
		status      int
		code        string
	}{
		{"no signature", "", body, 401, "webhook_missing_auth"},
		{"forged signature", sign("another-secret-0123456789abcdef", body), body, 401, "webhook_bad_signature"},
		{"tampered body", good, []byte(strings.Replace(string(body), "interview-x", "interview-y", 1)), 401, "webhook_bad_body_hash"},
		{"authentic", good, body, 200, ""},
		{"replayed", good, body, 409, "webhook_replayed"},
	} {
		if status, code := post(tc.authz, tc.body); status != tc.status || code != tc.code {
			t.Errorf("%s: %d %q, want %d %q", tc.name, status, code, tc.status, tc.code)
		}
	}
}

func sha256Base64(b []byte) string {
	sum := sha256.Sum256(b)
	return base64.StdEncoding.EncodeToString(sum[:])
}

// TestInterviewEndpointsRefuseBadInput sends malformed, oversized and
// hostile requests to the interview endpoints, and starts a session while
// LiveKit is unreachable.
func TestInterviewEndpointsRefuseBadInput(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	m := startMain(t, testConfig(t, db, map[string]string{
		"LIVEKIT_URL": "http://127.0.0.1:1", "LIVEKIT_API_KEY": "devkey", "LIVEKIT_API_SECRET": "secret-for-bad-input-0123456789",
		"AGENT_SECRET": testAgentSecret, "RATE_LIMITS": "off",
	}))
	gina := signIn(t, m, db, "gina")
	code, body := gina.multipart("/api/upload-cv", nil, "cv", "gina.txt", []byte(cvText))
	up := must(t, code, body, 201, "upload")
	valid := func() map[string]any {
		return map[string]any{"cv_filename": up["filename"], "job_title": "Analyst", "job_description": "SQL.", "language": "fr"}
	}
	with := func(k string, v any) map[string]any { b := valid(); b[k] = v; return b }
	for _, tc := range []struct {
		name   string
		body   any
		status int
		code   string
	}{
		{"no job title", with("job_title", ""), 422, "validation_failed"},
		{"language", with("language", "de"), 422, "validation_failed"},
		{"hostile identity", with("identity", "../../admin"), 422, "validation_failed"},
		{"agent identity", with("identity", "agent-x"), 422, "validation_failed"},
		{"long description", with("job_description", strings.Repeat("x", 20001)), 422, "validation_failed"},
		{"control characters", with("job_title", "a\x07b"), 422, "validation_failed"},
		{"bad candidate email", with("candidate_email", "not an address"), 422, "validation_failed"},
		{"someone else's address", with("candidate_email", "victim@example.com"), 422, "validation_failed"},
		{"unknown cv", with("cv_filename", "nope.pdf"), 422, "cv_not_found"},
		{"wrong type", with("job_title", 5), 422, "invalid_field_type"},
	} {
		if code, body := gina.json("POST", "/api/start-session", tc.body); code != tc.status || errCode(body) != tc.code {
			t.Errorf("%s: %d %s", tc.name, code, body)
		}
	}
	if code, body, _ := gina.do("POST", "/api/start-session", "application/json", strings.NewReader(`{"job_title":`)); code != 400 {
		t.Errorf("malformed: %d %s", code, body)
	}
	if code, body, _ := gina.do("POST", "/api/start-session", "text/plain", strings.NewReader(`{}`)); code != 415 {
		t.Errorf("media type: %d %s", code, body)
	}
	big := `{"job_description":"` + strings.Repeat("x", 1<<20) + `"}`
	if code, body, _ := gina.do("POST", "/api/start-session", "application/json", strings.NewReader(big)); code != 413 {
		t.Errorf("oversized: %d %.200s", code, body)
	}
	if code, _ := (&apiClient{t: t, base: baseURL(m)}).json("POST", "/api/start-session", valid()); code != 401 {
		t.Errorf("anonymous start: %d", code)
	}

	// LiveKit unreachable: 503, and the interview is failed with a reason.
	code, body = gina.json("POST", "/api/start-session", valid())
	if code != 503 || errCode(body) != "livekit_unavailable" {
		t.Fatalf("livekit down: %d %s", code, body)
	}
	code, body = gina.json("GET", "/api/interviews", nil)
	list := must(t, code, body, 200, "list")["interviews"].([]any)
	if len(list) != 1 || list[0].(map[string]any)["state"] != "failed" {
		t.Fatalf("after livekit down: %s", body)
	}
	id := list[0].(map[string]any)["id"].(string)

	for _, tc := range []struct {
		name, method, path string
		body               any
		status             int
	}{
		{"invite bad email", "POST", "/api/interviews/" + id + "/reviewers", map[string]string{"email": "x@"}, 422},
		{"invite self", "POST", "/api/interviews/" + id + "/reviewers", map[string]string{"email": "gina@example.com"}, 422},
		{"invite unknown interview", "POST", "/api/interviews/00000000-0000-0000-0000-000000000000/reviewers", map[string]string{"email": "h@example.com"}, 404},
		{"invite malformed id", "POST", "/api/interviews/'%20OR%201=1/reviewers", map[string]string{"email": "h@example.com"}, 404},
		{"empty note", "POST", "/api/interviews/" + id + "/notes", map[string]string{"text": " "}, 422},
		{"long note", "POST", "/api/interviews/" + id + "/notes", map[string]string{"text": strings.Repeat("n", 4001)}, 422},
		{"negative offset", "POST", "/api/interviews/" + id + "/notes", map[string]any{"text": "n", "offset_ms": -1}, 422},
		{"revoke nobody", "DELETE", "/api/interviews/" + id + "/reviewers/h@example.com", nil, 404},
		{"listen to ended", "POST", "/api/interviews/" + id + "/listen-token", nil, 409},
	} {
		if code, body := gina.json(tc.method, tc.path, tc.body); code != tc.status {
			t.Errorf("%s: %d %s", tc.name, code, body)
		}
	}

	agentC := &apiClient{t: t, base: baseURL(m), token: testAgentSecret}
	if code, _ := agentC.json("POST", "/api/agents/session", map[string]string{"worker_id": strings.Repeat("w", 65)}); code != 422 {
		t.Errorf("long worker id: %d", code)
	}
	code, body = agentC.json("POST", "/api/agents/session", map[string]string{"worker_id": "w1"})
	agentC.token = must(t, code, body, 200, "session")["token"].(string)
	for _, tc := range []struct {
		name   string
		body   any
		status int
	}{
		{"no interview id", map[string]string{}, 422},
		{"malformed id", map[string]string{"interview_id": "1; DROP TABLE interviews"}, 404},
		{"failed interview", map[string]string{"interview_id": id}, 409},
	} {
		if code, body := agentC.json("POST", "/api/agents/claim", tc.body); code != tc.status {
			t.Errorf("claim %s: %d %s", tc.name, code, body)
		}
	}
	bigHook := strings.Repeat("x", 1<<20+1)
	if code, _, _ := agentC.do("POST", "/api/livekit/webhook", "application/webhook+json", strings.NewReader(bigHook)); code != 413 {
		t.Errorf("oversized webhook: %d", code)
	}
}
