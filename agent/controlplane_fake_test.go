package agent_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/utopiahire/utopiahire/agent"
	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/hub/hubclient"
)

// controlPlane is a local stand-in for the server side of interviews,
// speaking the agent contract (POST /api/agents/session, /api/agents/claim,
// /api/agents/release, GET /api/session-data/{room}, POST
// /api/interviews/save-report) next to a real hub on /ws, so the agent's
// HTTP client and hub client run unchanged.
type controlPlane struct {
	t      testing.TB
	secret string
	hub    *hub.Hub
	srv    *httptest.Server

	mu         sync.Mutex
	interviews map[string]*fakeInterview
	tokens     map[string]hub.Principal // bearer → who
	reports    chan savedReport
	releases   chan string
	claims     int
}

type fakeInterview struct {
	data       agent.SessionData
	lkToken    string
	lkURL      string
	claimed    bool
	credential string
	// endRequested: the candidate clicked End interview (heartbeats say so).
	endRequested bool
	beats        int
}

type savedReport struct {
	InterviewID string
	Report      map[string]any
}

func newControlPlane(t testing.TB, secret string) *controlPlane {
	t.Helper()
	cp := &controlPlane{
		t: t, secret: secret,
		interviews: map[string]*fakeInterview{},
		tokens:     map[string]hub.Principal{},
		reports:    make(chan savedReport, 8),
		releases:   make(chan string, 8),
	}
	h, err := hub.New(hub.Config{Namespaces: map[string]hub.NamespaceConfig{
		"agents":    {Authorizer: hub.AuthorizerFuncs{Subscribe: cp.canSubscribeDispatch}},
		"interview": {Authorizer: hub.AuthorizerFuncs{Subscribe: cp.canSubscribeInterview, Publish: cp.canPublishInterview}, HistorySize: 1000, HistoryTTL: time.Hour},
	}}, hub.NewMemoryBroker(), cp, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	cp.hub = h
	mux := http.NewServeMux()
	mux.Handle("/ws", h)
	mux.HandleFunc("POST /api/agents/session", cp.session)
	mux.HandleFunc("POST /api/agents/claim", cp.claim)
	mux.HandleFunc("POST /api/agents/release", cp.release)
	mux.HandleFunc("GET /api/session-data/{room}", cp.sessionData)
	mux.HandleFunc("POST /api/interviews/save-report", cp.saveReport)
	mux.HandleFunc("POST /api/agents/heartbeat", cp.heartbeat)
	cp.srv = httptest.NewServer(mux)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = h.Shutdown(ctx)
		cp.srv.Close()
	})
	return cp
}

func (cp *controlPlane) URL() string    { return cp.srv.URL }
func (cp *controlPlane) HubURL() string { return "ws" + strings.TrimPrefix(cp.srv.URL, "http") + "/ws" }

func randToken(prefix string) string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return prefix + hex.EncodeToString(b)
}

// Authenticate implements hub.Authenticator.
func (cp *controlPlane) Authenticate(_ context.Context, token string) (hub.Principal, error) {
	cp.mu.Lock()
	defer cp.mu.Unlock()
	p, ok := cp.tokens[token]
	if !ok {
		return hub.Principal{}, errors.New("unknown token")
	}
	return p, nil
}

func (cp *controlPlane) canSubscribeDispatch(_ context.Context, p hub.Principal, _ string) error {
	if p.Role == "agent" {
		return nil
	}
	return errors.New("agents only")
}

func (cp *controlPlane) canSubscribeInterview(_ context.Context, p hub.Principal, ch string) error {
	if p.Role == "reviewer" || (p.Role == "interview" && p.UserID == strings.TrimPrefix(ch, "interview:")) {
		return nil
	}
	return errors.New("not yours")
}

func (cp *controlPlane) canPublishInterview(_ context.Context, p hub.Principal, ch string) error {
	if p.Role == "interview" && p.UserID == strings.TrimPrefix(ch, "interview:") {
		return nil
	}
	return errors.New("only the interview's agent publishes")
}

func (cp *controlPlane) bearer(r *http.Request) (hub.Principal, bool) {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return hub.Principal{}, false
	}
	cp.mu.Lock()
	defer cp.mu.Unlock()
	p, ok := cp.tokens[tok]
	return p, ok
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (cp *controlPlane) session(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "Bearer "+cp.secret {
		writeJSON(w, 401, map[string]string{"detail": "bad agent secret", "code": "unauthorized"})
		return
	}
	var in struct {
		WorkerID string `json:"worker_id"`
	}
	if json.NewDecoder(r.Body).Decode(&in) != nil || in.WorkerID == "" {
		writeJSON(w, 422, map[string]string{"detail": "worker_id required", "code": "validation_failed"})
		return
	}
	tok := randToken("dispatch-")
	cp.mu.Lock()
	cp.tokens[tok] = hub.Principal{UserID: "worker:" + in.WorkerID, Role: "agent"}
	cp.mu.Unlock()
	writeJSON(w, 200, map[string]any{"token": tok, "expires_at": time.Now().Add(time.Hour), "channel": agent.DispatchChannel})
}

// addInterview registers a waiting interview and offers it until claimed.
func (cp *controlPlane) addInterview(ctx context.Context, data agent.SessionData, lkURL, lkToken string) {
	cp.mu.Lock()
	cp.interviews[data.InterviewID] = &fakeInterview{data: data, lkURL: lkURL, lkToken: lkToken}
	cp.mu.Unlock()
	go func() {
		for {
			cp.mu.Lock()
			claimed := cp.interviews[data.InterviewID].claimed
			cp.mu.Unlock()
			if claimed {
				return
			}
			b, _ := json.Marshal(map[string]any{"type": "offer", "interview_id": data.InterviewID, "room": data.Room, "language": data.Language, "offered_at": time.Now()})
			_, _ = cp.hub.Publish(ctx, agent.DispatchChannel, b)
			select {
			case <-ctx.Done():
				return
			case <-time.After(300 * time.Millisecond):
			}
		}
	}()
}

func (cp *controlPlane) claim(w http.ResponseWriter, r *http.Request) {
	p, ok := cp.bearer(r)
	if !ok || p.Role != "agent" {
		writeJSON(w, 401, map[string]string{"detail": "dispatch token required", "code": "unauthorized"})
		return
	}
	var in struct {
		InterviewID string `json:"interview_id"`
	}
	_ = json.NewDecoder(r.Body).Decode(&in)
	cp.mu.Lock()
	defer cp.mu.Unlock()
	iv := cp.interviews[in.InterviewID]
	if iv == nil {
		writeJSON(w, 404, map[string]string{"detail": "no such interview", "code": "not_found"})
		return
	}
	if iv.claimed {
		writeJSON(w, 409, map[string]string{"detail": "already claimed", "code": "interview_claimed"})
		return
	}
	iv.claimed = true
	cp.claims++
	iv.credential = randToken("cred-")
	cp.tokens[iv.credential] = hub.Principal{UserID: in.InterviewID, Role: "interview"}
	writeJSON(w, 200, map[string]any{
		"claim_id": randToken("claim-"), "credential": iv.credential, "expires_at": time.Now().Add(2 * time.Hour),
		"interview_id": in.InterviewID, "room": iv.data.Room, "channel": "interview:" + in.InterviewID,
		"livekit_url": iv.lkURL, "livekit_token": iv.lkToken, "identity": "agent-" + in.InterviewID,
	})
}

func (cp *controlPlane) credentialed(w http.ResponseWriter, r *http.Request) (*fakeInterview, bool) {
	p, ok := cp.bearer(r)
	if !ok || p.Role != "interview" {
		writeJSON(w, 401, map[string]string{"detail": "interview credential required", "code": "unauthorized"})
		return nil, false
	}
	cp.mu.Lock()
	defer cp.mu.Unlock()
	return cp.interviews[p.UserID], true
}

func (cp *controlPlane) sessionData(w http.ResponseWriter, r *http.Request) {
	iv, ok := cp.credentialed(w, r)
	if !ok {
		return
	}
	if iv.data.Room != r.PathValue("room") {
		writeJSON(w, 403, map[string]string{"detail": "not your room", "code": "forbidden"})
		return
	}
	writeJSON(w, 200, iv.data)
}

func (cp *controlPlane) saveReport(w http.ResponseWriter, r *http.Request) {
	iv, ok := cp.credentialed(w, r)
	if !ok {
		return
	}
	var rep map[string]any
	if err := json.NewDecoder(r.Body).Decode(&rep); err != nil {
		writeJSON(w, 400, map[string]string{"detail": "bad json", "code": "malformed_json"})
		return
	}
	cp.reports <- savedReport{InterviewID: iv.data.InterviewID, Report: rep}
	writeJSON(w, 200, map[string]any{"success": true})
}

func (cp *controlPlane) heartbeat(w http.ResponseWriter, r *http.Request) {
	p, ok := cp.bearer(r)
	if !ok || p.Role != "interview" {
		writeJSON(w, 401, map[string]string{"detail": "interview credential required", "code": "unauthorized"})
		return
	}
	cp.mu.Lock()
	iv := cp.interviews[p.UserID]
	iv.beats++
	end := iv.endRequested
	cp.mu.Unlock()
	writeJSON(w, 200, map[string]any{"state": "in_progress", "end_requested": end})
}

// requestEnd is the candidate's End interview, as the server records it.
func (cp *controlPlane) requestEnd(id string) {
	cp.mu.Lock()
	cp.interviews[id].endRequested = true
	cp.mu.Unlock()
}

func (cp *controlPlane) release(w http.ResponseWriter, r *http.Request) {
	iv, ok := cp.credentialed(w, r)
	if !ok {
		return
	}
	cp.releases <- iv.data.InterviewID
	writeJSON(w, 200, map[string]any{"success": true})
}

// reviewer follows interview:<id> as a reviewer would.
type reviewer struct {
	mu   sync.Mutex
	msgs []map[string]any
}

func (cp *controlPlane) follow(t testing.TB, ctx context.Context, interviewID string) *reviewer {
	t.Helper()
	tok := randToken("reviewer-")
	cp.mu.Lock()
	cp.tokens[tok] = hub.Principal{UserID: "reviewer", Role: "reviewer"}
	cp.mu.Unlock()
	c, err := hubclient.Dial(ctx, cp.HubURL(), hubclient.Options{Token: func(context.Context) (string, error) { return tok, nil }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	rv := &reviewer{}
	if _, err := c.Subscribe(ctx, "interview:"+interviewID, hubclient.SubscribeOptions{OnMessage: func(m hubclient.Message) {
		var v map[string]any
		if json.Unmarshal(m.Data, &v) == nil {
			rv.mu.Lock()
			rv.msgs = append(rv.msgs, v)
			rv.mu.Unlock()
		}
	}}); err != nil {
		t.Fatal(err)
	}
	return rv
}

func (rv *reviewer) snapshot() []map[string]any {
	rv.mu.Lock()
	defer rv.mu.Unlock()
	return append([]map[string]any(nil), rv.msgs...)
}

// waitEvent waits for the n-th agent event named ev (1-based).
func (rv *reviewer) waitEvent(t testing.TB, ev string, n int, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		seen := 0
		for _, m := range rv.snapshot() {
			if m["type"] == "agent" && m["event"] == ev {
				seen++
			}
		}
		if seen >= n {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no %d× agent event %q within %s; got %v", n, ev, timeout, rv.snapshot())
}
