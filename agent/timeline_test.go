package agent_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/agent"
	"github.com/utopiahire/utopiahire/hub"
)

// slowPublisher records publications and lets the test hold the first one.
type slowPublisher struct {
	mu    sync.Mutex
	got   []map[string]any
	gate  chan struct{}
	first bool
}

func (p *slowPublisher) Publish(ctx context.Context, _ string, data []byte) (hub.StreamPosition, error) {
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
