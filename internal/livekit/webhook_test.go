package livekit_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/livekit/protocol/auth"
	lkproto "github.com/livekit/protocol/livekit"
	"github.com/livekit/protocol/webhook"

	"github.com/utopiahire/utopiahire/internal/livekit"
)

// delivery is one webhook POST exactly as it arrived on the wire.
type delivery struct {
	auth string
	body []byte
}

// signedByLiveKit sends ev through livekit/protocol's own URL notifier (the
// code livekit-server runs) to a local server and returns what arrived.
func signedByLiveKit(t *testing.T, key, secret string, ev *lkproto.WebhookEvent) delivery {
	t.Helper()
	got := make(chan delivery, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		got <- delivery{auth: r.Header.Get("Authorization"), body: body}
	}))
	defer srv.Close()
	// The notifier counts deliveries in prometheus metrics that livekit-server
	// initialises at start-up; without this it dereferences nil.
	webhook.InitWebhookStats(nil)
	n := webhook.NewURLNotifier(webhook.URLNotifierParams{URL: srv.URL, APIKey: key, APISecret: secret})
	defer n.Stop(false)
	if err := n.QueueNotify(context.Background(), ev); err != nil {
		t.Fatal(err)
	}
	select {
	case d := <-got:
		return d
	case <-time.After(10 * time.Second):
		t.Fatal("notifier delivered nothing")
		return delivery{}
	}
}

func event(id string, created time.Time) *lkproto.WebhookEvent {
	return &lkproto.WebhookEvent{
		Event:       webhook.EventParticipantJoined,
		Id:          id,
		CreatedAt:   created.Unix(),
		Room:        &lkproto.Room{Name: "interview-7", Sid: "RM_x"},
		Participant: &lkproto.ParticipantInfo{Identity: "cand-1", Sid: "PA_x"},
	}
}

func newReceiver(t *testing.T, now func() time.Time) *livekit.WebhookReceiver {
	t.Helper()
	r, err := livekit.NewWebhookReceiver(livekit.WebhookConfig{
		APIKey: testKey, APISecret: testSecret, Seen: livekit.NewMemorySeenStore(0), Now: now,
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestWebhookAcceptsGenuineEvent(t *testing.T) {
	d := signedByLiveKit(t, testKey, testSecret, event("EV_1", time.Now()))
	r := newReceiver(t, nil)
	ev, err := r.Receive(context.Background(), d.auth, d.body)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Event != webhook.EventParticipantJoined || ev.Id != "EV_1" || ev.Room.GetName() != "interview-7" || ev.Participant.GetIdentity() != "cand-1" {
		t.Errorf("decoded %v", ev)
	}
}

func TestWebhookRefusals(t *testing.T) {
	now := time.Now()
	genuine := signedByLiveKit(t, testKey, testSecret, event("EV_ok", now))
	forged := signedByLiveKit(t, testKey, "attacker-secret-that-is-long-enough-xyz", event("EV_forged", now))
	otherKey := signedByLiveKit(t, "APIother", testSecret, event("EV_otherkey", now))
	stale := signedByLiveKit(t, testKey, testSecret, event("EV_stale", now.Add(-6*time.Minute)))
	future := signedByLiveKit(t, testKey, testSecret, event("EV_future", now.Add(3*time.Minute)))
	noID := signedByLiveKit(t, testKey, testSecret, event("", now))

	tampered := bytes.Replace(genuine.body, []byte("cand-1"), []byte("cand-2"), 1)
	if bytes.Equal(tampered, genuine.body) {
		t.Fatal("tampering changed nothing")
	}
	// A token lifted from another delivery carries that delivery's hash.
	swapped := delivery{auth: stale.auth, body: genuine.body}

	tests := []struct {
		name string
		auth string
		body []byte
		code string
	}{
		{"forged signature", forged.auth, forged.body, livekit.CodeWebhookBadSignature},
		{"unknown api key", otherKey.auth, otherKey.body, livekit.CodeWebhookBadSignature},
		{"garbage token", "not-a-jwt", genuine.body, livekit.CodeWebhookBadSignature},
		{"bearer prefix on forged", "Bearer " + forged.auth, forged.body, livekit.CodeWebhookBadSignature},
		{"missing auth", "", genuine.body, livekit.CodeWebhookMissingAuth},
		{"tampered body", genuine.auth, tampered, livekit.CodeWebhookBadBodyHash},
		{"token from another delivery", swapped.auth, swapped.body, livekit.CodeWebhookBadBodyHash},
		{"empty body", genuine.auth, nil, livekit.CodeWebhookBadBodyHash},
		{"stale", stale.auth, stale.body, livekit.CodeWebhookStale},
		{"from the future", future.auth, future.body, livekit.CodeWebhookStale},
		{"no event id", noID.auth, noID.body, livekit.CodeWebhookMalformed},
		{"oversized", genuine.auth, bytes.Repeat([]byte("x"), livekit.DefaultWebhookMaxBytes+1), livekit.CodeWebhookTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newReceiver(t, nil)
			ev, err := r.Receive(context.Background(), tt.auth, tt.body)
			if got := livekit.ErrorCode(err); got != tt.code {
				t.Fatalf("code = %q (err %v, event %v), want %q", got, err, ev, tt.code)
			}
			var le *livekit.Error
			errors.As(err, &le)
			if le.HTTPStatus() < 400 || le.HTTPStatus() >= 500 {
				t.Errorf("status %d for a refusal; LiveKit would retry it", le.HTTPStatus())
			}
		})
	}
}

func TestWebhookAuthenticBodyThatIsNotAnEvent(t *testing.T) {
	r := newReceiver(t, nil)
	// Sign arbitrary bytes the way livekit-server does: sha256 in the JWT.
	d := signedByLiveKit(t, testKey, testSecret, event("EV_x", time.Now()))
	body := []byte(`{"event": 12`)
	auth := resign(t, body)
	if _, err := r.Receive(context.Background(), auth, body); livekit.ErrorCode(err) != livekit.CodeWebhookMalformed {
		t.Fatalf("got %v, want %s", err, livekit.CodeWebhookMalformed)
	}
	// And the genuine one still passes on the same receiver.
	if _, err := r.Receive(context.Background(), d.auth, d.body); err != nil {
		t.Fatal(err)
	}
}

func TestWebhookReplay(t *testing.T) {
	d := signedByLiveKit(t, testKey, testSecret, event("EV_replay", time.Now()))
	r := newReceiver(t, nil)
	ctx := context.Background()
	if _, err := r.Receive(ctx, d.auth, d.body); err != nil {
		t.Fatal(err)
	}
	_, err := r.Receive(ctx, d.auth, d.body)
	if livekit.ErrorCode(err) != livekit.CodeWebhookReplayed {
		t.Fatalf("replay: got %v, want %s", err, livekit.CodeWebhookReplayed)
	}
	// The same event re-signed (a fresh JWT) is still a replay: ids count, not tokens.
	again := signedByLiveKit(t, testKey, testSecret, event("EV_replay", time.Now()))
	if _, err := r.Receive(ctx, again.auth, again.body); livekit.ErrorCode(err) != livekit.CodeWebhookReplayed {
		t.Fatalf("re-signed replay: got %v", err)
	}
	// After a failed apply the handler forgets the id and LiveKit's retry is accepted.
	if err := r.Forget(ctx, "EV_replay"); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Receive(ctx, d.auth, d.body); err != nil {
		t.Fatalf("retry after Forget: %v", err)
	}
}

func TestWebhookConcurrentReplayAcceptedOnce(t *testing.T) {
	d := signedByLiveKit(t, testKey, testSecret, event("EV_race", time.Now()))
	r := newReceiver(t, nil)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		accepted int
		codes    = map[string]int{}
	)
	for range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := r.Receive(context.Background(), d.auth, d.body)
			mu.Lock()
			defer mu.Unlock()
			if err == nil {
				accepted++
			} else {
				codes[livekit.ErrorCode(err)]++
			}
		}()
	}
	wg.Wait()
	if accepted != 1 || codes[livekit.CodeWebhookReplayed] != 31 {
		t.Fatalf("accepted %d, refusals %v; want 1 and 31 replays", accepted, codes)
	}
}

func TestWebhookStaleUsesInjectedClock(t *testing.T) {
	d := signedByLiveKit(t, testKey, testSecret, event("EV_clock", time.Now()))
	r := newReceiver(t, func() time.Time { return time.Now().Add(livekit.DefaultWebhookMaxAge + time.Minute) })
	if _, err := r.Receive(context.Background(), d.auth, d.body); livekit.ErrorCode(err) != livekit.CodeWebhookStale {
		t.Fatalf("got %v, want stale", err)
	}
}

func TestWebhookStoreFailureAsksForRetry(t *testing.T) {
	d := signedByLiveKit(t, testKey, testSecret, event("EV_store", time.Now()))
	r, err := livekit.NewWebhookReceiver(livekit.WebhookConfig{APIKey: testKey, APISecret: testSecret, Seen: failingStore{}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Receive(context.Background(), d.auth, d.body)
	var le *livekit.Error
	if !errors.As(err, &le) || le.Code != livekit.CodeWebhookStoreFailed || le.HTTPStatus() != http.StatusServiceUnavailable {
		t.Fatalf("got %v, want %s with 503", err, livekit.CodeWebhookStoreFailed)
	}
}

func TestWebhookReceiveRequestLimitsBody(t *testing.T) {
	r, err := livekit.NewWebhookReceiver(livekit.WebhookConfig{
		APIKey: testKey, APISecret: testSecret, Seen: livekit.NewMemorySeenStore(0), MaxBytes: 64,
	})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/api/livekit/webhook", strings.NewReader(strings.Repeat("a", 1<<20)))
	req.Header.Set("Authorization", "x")
	if _, err := r.ReceiveRequest(req); livekit.ErrorCode(err) != livekit.CodeWebhookTooLarge {
		t.Fatalf("got %v, want too large", err)
	}

	d := signedByLiveKit(t, testKey, testSecret, event("EV_req", time.Now()))
	big := newReceiver(t, nil)
	req = httptest.NewRequest(http.MethodPost, "/api/livekit/webhook", bytes.NewReader(d.body))
	req.Header.Set("Authorization", d.auth)
	if _, err := big.ReceiveRequest(req); err != nil {
		t.Fatal(err)
	}
}

func TestNewWebhookReceiverNeedsConfig(t *testing.T) {
	for _, cfg := range []livekit.WebhookConfig{
		{APISecret: "s", Seen: livekit.NewMemorySeenStore(1)},
		{APIKey: "k", Seen: livekit.NewMemorySeenStore(1)},
		{APIKey: "k", APISecret: "s"},
	} {
		if _, err := livekit.NewWebhookReceiver(cfg); err == nil {
			t.Errorf("accepted %+v", cfg)
		}
	}
}

type failingStore struct{}

func (failingStore) MarkSeen(context.Context, string, time.Time) (bool, error) {
	return false, fmt.Errorf("connection refused")
}
func (failingStore) Forget(context.Context, string) error { return nil }

// resign signs body exactly as livekit/protocol's notifier does (HS256 JWT
// carrying the body's base64 sha256), for bodies the notifier cannot produce.
func resign(t *testing.T, body []byte) string {
	t.Helper()
	sum := sha256.Sum256(body)
	tok, err := auth.NewAccessToken(testKey, testSecret).
		SetValidFor(5 * time.Minute).
		SetSha256(base64.StdEncoding.EncodeToString(sum[:])).
		ToJWT()
	if err != nil {
		t.Fatal(err)
	}
	return tok
}
