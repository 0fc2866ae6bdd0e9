package livekit_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	lkproto "github.com/livekit/protocol/livekit"
	"github.com/livekit/protocol/webhook"
	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/pion/webrtc/v4"

	"github.com/utopiahire/utopiahire/internal/livekit"
	"github.com/utopiahire/utopiahire/internal/livekit/livekittest"
)

// webhookRecorder is a webhook endpoint that verifies each delivery with the
// real receiver and keeps what it accepted and the raw bytes it was sent.
type webhookRecorder struct {
	t        *testing.T
	receiver *livekit.WebhookReceiver
	srv      *httptest.Server

	mu       sync.Mutex
	events   []*lkproto.WebhookEvent
	raw      []delivery
	refusals []error
	changed  chan struct{}
}

func newWebhookRecorder(t *testing.T) *webhookRecorder {
	t.Helper()
	recv, err := livekit.NewWebhookReceiver(livekit.WebhookConfig{
		APIKey: livekittest.APIKey, APISecret: livekittest.APISecret, Seen: livekit.NewMemorySeenStore(0),
	})
	if err != nil {
		t.Fatal(err)
	}
	rec := &webhookRecorder{t: t, receiver: recv, changed: make(chan struct{}, 1)}
	rec.srv = httptest.NewServer(http.HandlerFunc(rec.serve))
	t.Cleanup(rec.srv.Close)
	return rec
}

func (rec *webhookRecorder) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, livekit.DefaultWebhookMaxBytes+1))
	d := delivery{auth: r.Header.Get("Authorization"), body: body}
	ev, err := rec.receiver.Receive(r.Context(), d.auth, d.body)
	rec.mu.Lock()
	if err != nil {
		rec.refusals = append(rec.refusals, err)
	} else {
		rec.events = append(rec.events, ev)
		rec.raw = append(rec.raw, d)
	}
	rec.mu.Unlock()
	select {
	case rec.changed <- struct{}{}:
	default:
	}
	var le *livekit.Error
	if errors.As(err, &le) {
		http.Error(w, le.Code, le.HTTPStatus())
	}
}

// waitFor blocks until an accepted event matches name and identity ("" for
// any participant), failing the test after timeout.
func (rec *webhookRecorder) waitFor(name, identity string, timeout time.Duration) *lkproto.WebhookEvent {
	rec.t.Helper()
	deadline := time.After(timeout)
	for {
		rec.mu.Lock()
		for _, ev := range rec.events {
			if ev.Event == name && (identity == "" || ev.Participant.GetIdentity() == identity) {
				rec.mu.Unlock()
				return ev
			}
		}
		rec.mu.Unlock()
		select {
		case <-rec.changed:
		case <-deadline:
			rec.t.Fatalf("no %s webhook for %q within %s; got %v", name, identity, timeout, rec.names())
			return nil
		}
	}
}

func (rec *webhookRecorder) names() []string {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	var out []string
	for _, ev := range rec.events {
		out = append(out, ev.Event+":"+ev.Participant.GetIdentity())
	}
	return out
}

func connect(t *testing.T, srv *livekittest.Server, token string, cb *lksdk.RoomCallback) *lksdk.Room {
	t.Helper()
	if cb == nil {
		cb = lksdk.NewRoomCallback()
	}
	room, err := lksdk.ConnectToRoomWithToken(srv.URL, token, cb,
		lksdk.WithAutoSubscribe(false), lksdk.WithLogger(livekittest.QuietSDKLogger()))
	if err != nil {
		t.Fatalf("connect to livekit: %v", err)
	}
	return room
}

func TestLiveKitRoomLifecycleWebhooks(t *testing.T) {
	rec := newWebhookRecorder(t)
	srv := livekittest.Start(t, livekittest.WithWebhook(rec.srv.URL+"/api/livekit/webhook"))
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	rooms, iss := srv.Rooms(t), srv.Issuer(t)

	const roomName = "interview-it-1"
	created, err := rooms.Create(ctx, roomName, livekit.RoomOptions{EmptyTimeout: 30 * time.Second, DepartureTimeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if created.Name != roomName || created.DepartureTimeout != 1 {
		t.Fatalf("created room %v", created)
	}
	rec.waitFor(webhook.EventRoomStarted, "", 10*time.Second)

	candTok, err := iss.JoinToken("cand-1", "Ada", roomName, time.Minute, livekit.TokenOptions{Role: livekit.RoleCandidate})
	if err != nil {
		t.Fatal(err)
	}
	cand := connect(t, srv, candTok, nil)
	if cand.Name() != roomName {
		t.Errorf("joined room %q, want %q", cand.Name(), roomName)
	}
	joined := rec.waitFor(webhook.EventParticipantJoined, "cand-1", 10*time.Second)
	if joined.Room.GetName() != roomName {
		t.Errorf("participant_joined for room %q", joined.Room.GetName())
	}

	mic, err := webrtc.NewTrackLocalStaticSample(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeOpus}, "mic", "cand")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cand.LocalParticipant.PublishTrack(mic, &lksdk.TrackPublicationOptions{Name: "mic", Source: lkproto.TrackSource_MICROPHONE}); err != nil {
		t.Fatal(err)
	}
	published := rec.waitFor(webhook.EventTrackPublished, "cand-1", 10*time.Second)
	if published.Track.GetSource() != lkproto.TrackSource_MICROPHONE || published.Track.GetType() != lkproto.TrackType_AUDIO {
		t.Errorf("track_published carries %v", published.Track)
	}

	checkHiddenListener(t, srv, iss, rooms, cand, roomName)

	cand.Disconnect()
	rec.waitFor(webhook.EventParticipantLeft, "cand-1", 10*time.Second)
	finished := rec.waitFor(webhook.EventRoomFinished, "", 20*time.Second)
	if finished.Room.GetName() != roomName {
		t.Errorf("room_finished for %q", finished.Room.GetName())
	}

	checkDeliveries(t, rec)
}

// checkHiddenListener joins a reviewer's listener token: the candidate must
// not see it, it must not be able to publish, and removing it works.
func checkHiddenListener(t *testing.T, srv *livekittest.Server, iss *livekit.Issuer, rooms *livekit.Rooms, cand *lksdk.Room, roomName string) {
	t.Helper()
	ctx := context.Background()
	tok, err := iss.JoinToken("reviewer-9", "Reviewer", roomName, time.Minute, livekit.TokenOptions{Role: livekit.RoleListener})
	if err != nil {
		t.Fatal(err)
	}
	listener := connect(t, srv, tok, nil)
	defer listener.Disconnect()
	if p := listener.GetParticipantByIdentity("cand-1"); p == nil {
		t.Error("listener does not see the candidate")
	}
	time.Sleep(500 * time.Millisecond) // give a participant update time to arrive, if one were sent
	if p := cand.GetParticipantByIdentity("reviewer-9"); p != nil {
		t.Error("candidate sees the hidden listener")
	}

	// The permissions livekit-server applied from the token.
	perm := listener.LocalParticipant.Permissions()
	if perm == nil || !perm.Hidden || perm.CanPublish || perm.CanPublishData || !perm.CanSubscribe {
		t.Errorf("listener permissions as the server sees them: %v", perm)
	}
	track, err := webrtc.NewTrackLocalStaticSample(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeOpus}, "a", "s")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := listener.LocalParticipant.PublishTrack(track, &lksdk.TrackPublicationOptions{Name: "mic", Source: lkproto.TrackSource_MICROPHONE}); err == nil {
		t.Error("subscribe-only listener published a track")
	}

	parts, err := rooms.Participants(ctx, roomName)
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) != 2 {
		t.Errorf("room service lists %d participants, want 2", len(parts))
	}
	if err := rooms.RemoveParticipant(ctx, roomName, "reviewer-9"); err != nil {
		t.Fatal(err)
	}
	if err := rooms.RemoveParticipant(ctx, roomName, "nobody"); livekit.ErrorCode(err) != livekit.CodeRoomNotFound {
		t.Errorf("removing an absent participant: %v, want %s", err, livekit.CodeRoomNotFound)
	}
}

// checkDeliveries: every event had its own id, nothing genuine was refused,
// and a captured delivery sent again is refused as a replay.
func checkDeliveries(t *testing.T, rec *webhookRecorder) {
	t.Helper()
	rec.mu.Lock()
	refusals, raw := rec.refusals, append([]delivery(nil), rec.raw...)
	ids := map[string]bool{}
	for _, ev := range rec.events {
		if ids[ev.Id] {
			t.Errorf("duplicate event id %s accepted", ev.Id)
		}
		ids[ev.Id] = true
	}
	rec.mu.Unlock()
	if len(refusals) > 0 {
		t.Errorf("genuine deliveries refused: %v", refusals)
	}
	res, err := http.Post(rec.srv.URL, webhook.ContentType, bytes.NewReader(raw[0].body))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("unsigned repost: status %d, want 401", res.StatusCode)
	}
	req, _ := http.NewRequest(http.MethodPost, rec.srv.URL, bytes.NewReader(raw[0].body))
	req.Header.Set("Authorization", raw[0].auth)
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusConflict {
		t.Errorf("replayed delivery: status %d, want 409", res.StatusCode)
	}
}
