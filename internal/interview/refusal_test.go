package interview_test

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/utopiahire/utopiahire/agent"
	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/hub/hubclient"
	"github.com/utopiahire/utopiahire/internal/interview"
)

// recordingHandler keeps every log record's level and message.
type recordingHandler struct {
	mu   sync.Mutex
	recs []string
}

func (h *recordingHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h *recordingHandler) Handle(_ context.Context, r slog.Record) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.recs = append(h.recs, r.Level.String()+" "+r.Message)
	return nil
}
func (h *recordingHandler) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *recordingHandler) WithGroup(string) slog.Handler      { return h }

func (h *recordingHandler) count(substr string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := 0
	for _, r := range h.recs {
		if strings.Contains(r, substr) {
			n++
		}
	}
	return n
}

// An agent transcript with control characters, sent through the agent's
// timeline and the real hub client to a hub running the interview's
// publish hook, is refused once with invalid_message: it leaves the
// resend queue, is logged once, and the transcript after it goes through.
// (Before the refusal existed, the NUL made Postgres fail, the hook
// answered internal, and the client resent it forever.)
func TestControlCharactersRefusedOnceNotResent(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	cred := e.startedFor(t, e.user, 0)
	ch := interview.Channel(cred.Interview.ID)

	var mu sync.Mutex
	attempts := map[string]int{} // key → hook calls
	codes := map[string]string{} // key → the hook's answer
	h, err := hub.New(hub.Config{
		Namespaces: map[string]hub.NamespaceConfig{interview.ChannelNamespace: {
			Authorizer: hub.AuthorizerFuncs{
				Subscribe: func(context.Context, hub.Principal, string) error { return nil },
				Publish:   func(context.Context, hub.Principal, string) error { return nil },
			},
			HistorySize: 64, HistoryTTL: time.Hour,
		}},
		OnPublish: func(ctx context.Context, p hub.Principal, channel string, data []byte, key string) error {
			err := e.svc.HandlePublish(ctx, p, channel, data, key)
			mu.Lock()
			defer mu.Unlock()
			attempts[key]++
			if he, ok := err.(*hub.Error); ok {
				codes[key] = he.Code
			}
			return err
		},
	}, hub.NewMemoryBroker(), agentAuth{}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = h.Shutdown(context.Background()) })
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	logs := &recordingHandler{}
	log := slog.New(logs)
	c, err := hubclient.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL, "http")+"/ws", hubclient.Options{
		Token:      func(context.Context) (string, error) { return "agent-token", nil },
		MinBackoff: 10 * time.Millisecond, MaxBackoff: 50 * time.Millisecond,
		Logger: log,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })

	tl := agent.NewTimeline(ch, "en", c, time.Now(), log)
	runCtx, stop := context.WithCancel(ctx)
	ran := make(chan struct{})
	go func() { defer close(ran); tl.Run(runCtx) }()
	t.Cleanup(func() { stop(); <-ran })

	now := time.Now()
	tl.Utterance(agent.SpeakerCandidate, "I used \x00 and \x1b[31m in my answer.", now, now)
	tl.Utterance(agent.SpeakerInterviewer, "Thank you, next question.", now, now)
	if err := tl.Flush(ctx); err != nil {
		t.Fatalf("the timeline did not settle after the refusal: %v", err)
	}
	// A resend loop would show within a few of its back-offs (10–50 ms);
	// give it far more than that.
	time.Sleep(time.Second)

	mu.Lock()
	var refusedKey string
	for k, code := range codes {
		if code == interview.CodeInvalidMessage {
			refusedKey = k
		}
	}
	refusedAttempts, total := attempts[refusedKey], len(attempts)
	mu.Unlock()
	if refusedKey == "" {
		t.Fatalf("no publication refused with %s (answers %v)", interview.CodeInvalidMessage, codes)
	}
	if refusedAttempts != 1 {
		t.Fatalf("the refused publication reached the hub %d times, want once (no resend loop)", refusedAttempts)
	}
	if total != 2 {
		t.Fatalf("%d publications reached the hub, want 2 (the refused one and the next)", total)
	}
	if n := logs.count("ERROR hub refused a publication"); n != 1 {
		t.Fatalf("the refusal was logged %d times at ERROR, want once (logs %v)", n, logs.recs)
	}
	if n := logs.count("resending"); n != 0 {
		t.Fatalf("%d resend log lines, want none (logs %v)", n, logs.recs)
	}
	segs, err := e.st.Segments(context.Background(), cred.Interview.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(segs) != 1 || segs[0].Text != "Thank you, next question." {
		t.Fatalf("stored transcript %+v, want only the clean segment", segs)
	}
}

// agentAuth admits every connection as the interview's agent: the test is
// about publishing, which the hook checks.
type agentAuth struct{}

func (agentAuth) Authenticate(context.Context, string) (hub.Principal, error) {
	return hub.Principal{UserID: "agent"}, nil
}
