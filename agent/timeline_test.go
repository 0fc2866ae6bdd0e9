package agent_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/agent"
	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/hub/hubclient"
)

// slowPublisher records publications and lets the test hold the first one.
type slowPublisher struct {
	mu    sync.Mutex
	got   []map[string]any
	gate  chan struct{}
	first bool
}

func (p *slowPublisher) PublishWithKey(ctx context.Context, _, _ string, data []byte) (hub.StreamPosition, error) {
	p.mu.Lock()
	wait := !p.first
	p.first = true
	p.mu.Unlock()
	if wait {
		select {
		case <-p.gate:
		case <-ctx.Done():
			return hub.StreamPosition{}, ctx.Err()
		}
	}
	var v map[string]any
	_ = json.Unmarshal(data, &v)
	p.mu.Lock()
	p.got = append(p.got, v)
	p.mu.Unlock()
	return hub.StreamPosition{}, nil
}

// While the hub is slow, newer partials replace unsent ones of the same
// utterance; finals and events keep their order and are never dropped.
func TestTimelineCoalescesPartialsAndKeepsOrder(t *testing.T) {
	pub := &slowPublisher{gate: make(chan struct{})}
	tl := agent.NewTimeline("interview:1", "en", pub, time.Now(), slog.New(slog.DiscardHandler))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go tl.Run(ctx)
	tl.Event(agent.Event{Event: agent.EventJoined})
	time.Sleep(20 * time.Millisecond) // the event is in flight, held
	now := time.Now()
	tl.Partial(agent.SpeakerInterviewer, "Hello", now)
	tl.Partial(agent.SpeakerInterviewer, " there", now)
	tl.Partial(agent.SpeakerCandidate, "Hi", now)
	tl.Partial(agent.SpeakerInterviewer, ", Ada.", now)
	tl.Final(agent.SpeakerInterviewer)
	tl.Event(agent.Event{Event: agent.EventListening})
	tl.Final(agent.SpeakerCandidate)
	close(pub.gate)
	cctx, ccancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer ccancel()
	if err := tl.Close(cctx); err != nil {
		t.Fatal(err)
	}
	type row struct {
		Kind, Text string
		Seq        float64
		Final      bool
	}
	var got []row
	for _, m := range pub.got {
		r := row{Kind: m["type"].(string)}
		if r.Kind == "agent" {
			r.Text = m["event"].(string)
		} else {
			r.Text, r.Seq, r.Final = m["text"].(string), m["seq"].(float64), m["final"].(bool)
		}
		got = append(got, r)
	}
	want := []row{
		{Kind: "agent", Text: "joined"},
		{Kind: "transcript", Text: "Hello there, Ada.", Seq: 1, Final: true},
		{Kind: "transcript", Text: "Hi", Seq: 2, Final: true},
		{Kind: "agent", Text: "listening"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("publications (-want +got):\n%s", diff)
	}
	if segs := tl.Segments(); len(segs) != 2 || segs[0].Speaker != agent.SpeakerInterviewer {
		t.Errorf("segments %+v", segs)
	}
}

// flakyHub answers each publication's first attempts with failures, as the
// hub does while Redis is down ("unavailable"), while the server fails to
// store ("internal") or while the connection is gone, then acknowledges it.
type flakyHub struct {
	mu       sync.Mutex
	attempts []string // "key data" per attempt
	acked    []string // "key data" per acknowledgement
	failures map[string]int
}

func (f *flakyHub) PublishWithKey(_ context.Context, _, key string, data []byte) (hub.StreamPosition, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	entry := key + " " + string(data)
	f.attempts = append(f.attempts, entry)
	var m map[string]any
	_ = json.Unmarshal(data, &m)
	if m["text"] == "refused" {
		return hub.StreamPosition{}, &hubclient.ServerError{Code: "segment_final", Message: "refused for good"}
	}
	n := f.failures[key]
	f.failures[key] = n + 1
	switch n {
	case 0:
		return hub.StreamPosition{}, &hubclient.ServerError{Code: hub.CodeUnavailable, Message: "broker unavailable, retry later"}
	case 1:
		return hub.StreamPosition{}, &hubclient.ServerError{Code: hub.CodeInternal, Message: "the segment could not be stored; send it again"}
	case 2:
		return hub.StreamPosition{}, errors.New("connection reset")
	}
	f.acked = append(f.acked, entry)
	return hub.StreamPosition{Offset: uint64(len(f.acked))}, nil
}

// The agent's own resend path: a publication refused for now is resent with
// the same key until acknowledged, before the next one; only a refusal for
// good is given up; Flush returns once everything is acknowledged.
func TestTimelineResendsWithTheSameKeyUntilAcknowledged(t *testing.T) {
	pub := &flakyHub{failures: map[string]int{}}
	tl := agent.NewTimeline("interview:1", "en", pub, time.Now(), slog.New(slog.DiscardHandler))
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	go tl.Run(ctx)
	now := time.Now()
	tl.Utterance(agent.SpeakerInterviewer, "Question one?", now, now)
	tl.Event(agent.Event{Event: agent.EventListening})
	tl.Utterance(agent.SpeakerCandidate, "refused", now, now)
	tl.Utterance(agent.SpeakerCandidate, "Answer one.", now, now)
	if err := tl.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	pub.mu.Lock()
	defer pub.mu.Unlock()
	var got []string
	keys := map[string]string{}
	for _, a := range pub.acked {
		key, data, _ := strings.Cut(a, " ")
		var m map[string]any
		_ = json.Unmarshal([]byte(data), &m)
		got = append(got, fmt.Sprint(m["type"], " ", m["text"], m["event"]))
		if prev, ok := keys[key]; ok {
			t.Errorf("key %s acknowledged twice (%s, %s)", key, prev, data)
		}
		keys[key] = data
	}
	want := []string{"transcript Question one?<nil>", "agent <nil>listening", "transcript Answer one.<nil>"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("acknowledged (-want +got):\n%s", diff)
	}
	// Every attempt of a publication carried its key, and no publication
	// started before the one ahead of it was settled.
	var order []string
	for _, a := range pub.attempts {
		key, data, _ := strings.Cut(a, " ")
		if k := keys[key]; k != "" && k != data {
			t.Errorf("key %s resent with other data %s", key, data)
		}
		if len(order) == 0 || order[len(order)-1] != key {
			order = append(order, key)
		}
	}
	if len(order) != 4 || len(pub.attempts) != 3*4+1 {
		t.Errorf("attempts %q: want each publication's attempts together (4 keys, 13 attempts)", pub.attempts)
	}
}
