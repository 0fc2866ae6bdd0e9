package agent

import (
	"testing"
	"time"
)

func TestSpeechPause(t *testing.T) {
	p := newSpeechPause(400 * time.Millisecond)
	t0 := time.Now()
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	steps := []struct {
		ms        int
		voiced    bool
		answering bool
		want      string
	}{
		{0, false, false, ""},   // silence before anyone spoke
		{300, false, false, ""}, // still nothing said
		{400, true, false, ""},  // the candidate speaks
		{500, false, false, ""}, // a pause starts
		{600, false, false, ""}, // 100 ms: a pause between words
		{650, true, false, ""},  // speaks again
		{700, false, false, ""},
		{900, false, false, StateThinking},  // 200 ms quiet: the turn is over
		{1000, false, false, ""},            // shown once
		{1100, true, false, StateListening}, // speaks again before the answer
		{1200, false, false, ""},
		{1400, false, false, StateThinking},
		{1500, false, true, ""}, // the answer plays
		{1600, true, true, ""},  // barge-in: the model's business
		{1700, false, false, ""},
		{2000, false, false, ""}, // no speech since the answer: nothing to think about
	}
	for _, s := range steps {
		if got := p.next(s.voiced, at(s.ms), s.answering); got != s.want {
			t.Errorf("at %d ms (voiced %v, answering %v): %q, want %q", s.ms, s.voiced, s.answering, got, s.want)
		}
	}
}
