package skills

import (
	"context"
	"time"
)

// stopper lets the long loops of an analysis (tokens, skill matches,
// mentions, CV positions) observe the request's context and the analysis
// deadline, so that a step never runs to its end after the deadline: every
// stopEvery units of work it checks the clock and the context. A nil
// stopper never stops (Extractor.Job and Extractor.CV without a deadline).
type stopper struct {
	ctx      context.Context
	deadline time.Time
	n        int
	stopped  bool
	// checks counts the clock/context checks; onCheck, when set (tests),
	// runs before each.
	checks  int
	onCheck func(checks int)
}

// stopEvery is how many units of work pass between two checks: a check
// costs a clock read, a unit a few hundred nanoseconds.
const stopEvery = 64

func newStopper(ctx context.Context, deadline time.Time) *stopper {
	return &stopper{ctx: ctx, deadline: deadline}
}

// stop reports whether the work must stop; once true it stays true.
func (s *stopper) stop() bool {
	if s == nil {
		return false
	}
	if s.stopped {
		return true
	}
	s.n++
	if s.n%stopEvery != 0 {
		return false
	}
	s.checks++
	if s.onCheck != nil {
		s.onCheck(s.checks)
	}
	if s.ctx.Err() != nil || time.Now().After(s.deadline) {
		s.stopped = true
	}
	return s.stopped
}

// late reports whether the work has stopped or must stop now, checking
// the clock at once (between steps).
func (s *stopper) late() bool {
	if s == nil {
		return false
	}
	if !s.stopped && (s.ctx.Err() != nil || time.Now().After(s.deadline)) {
		s.stopped = true
	}
	return s.stopped
}
