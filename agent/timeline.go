package agent

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/hub/hubclient"
)

// Publisher publishes on a hub channel under an idempotency key;
// hubclient.Client implements it (resending what was not acknowledged, with
// the same key, across reconnects and "unavailable" refusals). An error
// with a Retryable() bool method that says false is a refusal a resend
// would repeat; ErrClosed-like errors from a client that stopped for good
// are final too. Any other error leaves the publish to be resent.
type Publisher interface {
	PublishWithKey(ctx context.Context, channel, key string, data []byte) (hub.StreamPosition, error)
}

// Speakers of transcript segments.
const (
	SpeakerCandidate   = "candidate"
	SpeakerInterviewer = "interviewer"
)

// Segment is one utterance, as published on interview:<id>.
type Segment struct {
	Type    string `json:"type"` // "transcript"
	Seq     int    `json:"seq"`
	Speaker string `json:"speaker"`
	Text    string `json:"text"`
	Lang    string `json:"lang"`
	StartMS int64  `json:"start_ms"`
	EndMS   int64  `json:"end_ms"`
	Final   bool   `json:"final"`
}

// Event is an agent state change published on interview:<id>. Reason is a
// code (lowercase letters and underscores), required for failed and
// abandoned; Message is for people.
type Event struct {
	Type     string `json:"type"` // "agent"
	Event    string `json:"event"`
	Message  string `json:"message,omitempty"`
	Reason   string `json:"reason,omitempty"`
	Question int    `json:"question,omitempty"`
	Of       int    `json:"of,omitempty"`
}

// Agent events.
const (
	EventJoined    = "joined"
	EventSpeaking  = "speaking"
	EventListening = "listening"
	EventQuestion  = "question"
	EventEnding    = "ending"
	EventFailed    = "failed"
	EventAbandoned = "abandoned"
)

// maxSegmentText bounds one segment's text (a runaway transcription is cut).
const maxSegmentText = 8000

// Timeline turns recognised speech and state changes into ordered hub
// publications and keeps the final transcript for the report. Publishing
// runs on its own goroutine, so a slow hub never holds up the audio; an
// unsent partial is replaced by a newer version of the same segment, so the
// queue stays bounded by the number of utterances.
//
// Nothing is dropped for being refused "for now": each publication gets an
// idempotency key when it is first sent and is resent with that key, with
// back-off, until the hub acknowledges it (or refuses it for good), before
// the next one goes. The hub stores segments and events in Postgres before
// fanning them out and delivers each key once, so the stored transcript is
// complete and nobody sees a segment twice whatever the outage.
type Timeline struct {
	channel string
	lang    string
	pub     Publisher
	log     *slog.Logger
	start   time.Time
	keyBase string

	mu      sync.Mutex
	wake    chan struct{}
	queue   []queued
	sending bool          // a publication is in flight (removed from queue, not yet acknowledged)
	settled chan struct{} // closed and replaced each time a publication is settled
	keys    uint64
	seq     int
	open    map[string]*Segment
	finals  []Segment
	closed  bool
	done    chan struct{}
}

// Resend back-off bounds: short enough that a segment reaches the hub soon
// after Redis or the server is back, long enough not to hammer it meanwhile.
const (
	resendMin = 100 * time.Millisecond
	resendMax = 2 * time.Second
)

type queued struct {
	seq   int // transcript seq, 0 for events
	final bool
	data  []byte
}

// NewTimeline publishes on channel for an interview in lang, with times
// relative to start. Run must be running for anything to be published.
func NewTimeline(channel, lang string, pub Publisher, start time.Time, log *slog.Logger) *Timeline {
	return &Timeline{
		channel: channel, lang: lang, pub: pub, log: log, start: start,
		keyBase: "tl-" + strconv.FormatUint(rand.Uint64(), 36),
		wake:    make(chan struct{}, 1), settled: make(chan struct{}), open: map[string]*Segment{}, done: make(chan struct{}),
	}
}

func (t *Timeline) ms(at time.Time) int64 { return max(at.Sub(t.start).Milliseconds(), 0) }

// Partial adds text to the speaker's open utterance (starting one at at)
// and publishes it as a partial segment.
func (t *Timeline) Partial(speaker, text string, at time.Time) {
	if text == "" {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	s := t.open[speaker]
	if s == nil {
		t.seq++
		s = &Segment{Type: "transcript", Seq: t.seq, Speaker: speaker, Lang: t.lang, StartMS: t.ms(at)}
		t.open[speaker] = s
	}
	if len(s.Text)+len(text) <= maxSegmentText {
		s.Text += text
	}
	s.EndMS = max(t.ms(time.Now()), s.StartMS)
	t.enqueue(*s)
}

// Final closes the speaker's open utterance and publishes it as final.
// It reports whether there was one.
func (t *Timeline) Final(speaker string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := t.open[speaker]
	if s == nil {
		return false
	}
	delete(t.open, speaker)
	s.Text = strings.TrimSpace(s.Text)
	s.Final = true
	s.EndMS = max(t.ms(time.Now()), s.StartMS)
	t.finals = append(t.finals, *s)
	t.enqueue(*s)
	return true
}

// Utterance publishes a whole utterance at once (rehearsal mode).
func (t *Timeline) Utterance(speaker, text string, start, end time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.seq++
	s := Segment{Type: "transcript", Seq: t.seq, Speaker: speaker, Lang: t.lang, Text: text,
		StartMS: t.ms(start), EndMS: max(t.ms(end), t.ms(start)), Final: true}
	t.finals = append(t.finals, s)
	t.enqueue(s)
}

// Event publishes an agent event.
func (t *Timeline) Event(e Event) {
	e.Type = "agent"
	b, _ := json.Marshal(e)
	t.mu.Lock()
	defer t.mu.Unlock()
	t.push(queued{data: b})
}

// Segments is the final transcript so far.
func (t *Timeline) Segments() []Segment {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]Segment(nil), t.finals...)
}

// HasSpeech reports whether speaker said anything final.
func (t *Timeline) HasSpeech(speaker string) bool {
	for _, s := range t.Segments() {
		if s.Speaker == speaker {
			return true
		}
	}
	return false
}

// enqueue queues segment s, replacing an unsent partial of the same seq.
func (t *Timeline) enqueue(s Segment) {
	b, _ := json.Marshal(s)
	for i := range t.queue {
		if t.queue[i].seq == s.Seq && !t.queue[i].final {
			t.queue[i] = queued{seq: s.Seq, final: s.Final, data: b}
			return
		}
	}
	t.push(queued{seq: s.Seq, final: s.Final, data: b})
}

func (t *Timeline) push(q queued) {
	if t.closed {
		return
	}
	t.queue = append(t.queue, q)
	select {
	case t.wake <- struct{}{}:
	default:
	}
}

// Run publishes queued messages in order until ctx ends or Close drained
// the queue.
func (t *Timeline) Run(ctx context.Context) {
	defer close(t.done)
	for {
		t.mu.Lock()
		if len(t.queue) == 0 {
			closed := t.closed
			t.mu.Unlock()
			if closed {
				return
			}
			select {
			case <-t.wake:
				continue
			case <-ctx.Done():
				return
			}
		}
		q := t.queue[0]
		t.queue = t.queue[1:]
		t.sending = true
		t.keys++
		key := t.keyBase + "-" + strconv.FormatUint(t.keys, 36)
		t.mu.Unlock()
		err := t.publish(ctx, key, q)
		t.mu.Lock()
		t.sending = false
		close(t.settled)
		t.settled = make(chan struct{})
		t.mu.Unlock()
		if err != nil {
			return // ctx ended
		}
	}
}

// publish sends q under key until the hub acknowledges it or refuses it for
// good, resending with the same key after any other failure. It fails only
// when ctx ends.
func (t *Timeline) publish(ctx context.Context, key string, q queued) error {
	delay := resendMin
	for attempt := 1; ; attempt++ {
		_, err := t.pub.PublishWithKey(ctx, t.channel, key, q.data)
		switch {
		case err == nil:
			return nil
		case ctx.Err() != nil:
			t.log.Warn("interview timeline stopped with a publication unacknowledged", "channel", t.channel, "seq", q.seq, "err", err)
			return ctx.Err()
		case final(err):
			t.log.Error("hub refused a publication on the interview channel", "channel", t.channel, "seq", q.seq, "err", err)
			return nil
		}
		t.log.Warn("publication on the interview channel not acknowledged, resending", "channel", t.channel, "seq", q.seq, "attempt", attempt, "err", err)
		select {
		case <-time.After(delay):
		case <-ctx.Done():
			return ctx.Err()
		}
		delay = min(2*delay, resendMax)
	}
}

// final reports whether a publish error is one a resend would repeat.
func final(err error) bool {
	var r interface{ Retryable() bool }
	if errors.As(err, &r) {
		return !r.Retryable()
	}
	return errors.Is(err, hubclient.ErrClosed)
}

// Flush waits until everything queued so far is acknowledged (or refused
// for good), or ctx ends: the report is saved only once the hub has the
// whole transcript.
func (t *Timeline) Flush(ctx context.Context) error {
	for {
		t.mu.Lock()
		idle := len(t.queue) == 0 && !t.sending
		settled := t.settled
		t.mu.Unlock()
		if idle {
			return nil
		}
		select {
		case <-settled:
		case <-t.done:
			return errors.New("interview timeline: stopped with unpublished messages")
		case <-ctx.Done():
			return fmt.Errorf("interview timeline: flush: %w", ctx.Err())
		}
	}
}

// Close stops accepting messages and waits until the queue is published or
// ctx ends.
func (t *Timeline) Close(ctx context.Context) error {
	t.mu.Lock()
	t.closed = true
	t.mu.Unlock()
	select {
	case t.wake <- struct{}{}:
	default:
	}
	select {
	case <-t.done:
		return nil
	case <-ctx.Done():
		return errors.New("interview timeline: unpublished messages left at shutdown")
	}
}
