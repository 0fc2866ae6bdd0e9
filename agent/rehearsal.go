package agent

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/utopiahire/utopiahire/agent/audio"
	"github.com/utopiahire/utopiahire/internal/interviewreport"
)

// Rehearsal timing: how long the candidate may take to start answering,
// the pause that ends an answer, and the longest answer.
const (
	rehearsalAnswerWait = 45 * time.Second
	rehearsalPause      = 1500 * time.Millisecond
	rehearsalMaxAnswer  = 3 * time.Minute
)

// rehearsal is the interview without a model: a fixed script spoken by
// local text-to-speech, turns taken by voice activity, nothing assessed.
type rehearsal struct {
	tts TTS
	// pause overrides rehearsalPause (tests).
	pause time.Duration
}

func (r *rehearsal) mode() string { return modeRehearsal }

// errStopRehearsal ends the script early (time up, worker stopping).
var errStopRehearsal = errors.New("rehearsal stopped")

// errEndRequested: the candidate asked to end the interview.
var errEndRequested = errors.New("the candidate asked to end the interview")

func (r *rehearsal) run(ctx context.Context, iv *interview) (ending, error) {
	script := rehearsalScripts[iv.lang]
	deadline := iv.started.Add(iv.maxDur)
	name := orElse(strings.TrimSpace(iv.data.CandidateName), pick(iv.lang == LangFR, "there", "à vous"))
	intro := fmt.Sprintf(script.Intro, name, orElse(strings.TrimSpace(iv.data.JobTitle), "—"))
	if err := r.say(ctx, iv, intro); err != nil {
		return r.stopped(ctx, iv, err)
	}
	n := len(script.Questions)
	for i, q := range script.Questions {
		if time.Now().After(deadline) {
			break
		}
		iv.timeline.Event(Event{Event: EventQuestion, Question: i + 1, Of: n})
		if err := r.say(ctx, iv, q); err != nil {
			return r.stopped(ctx, iv, err)
		}
		if err := r.listen(ctx, iv, deadline); err != nil {
			return r.stopped(ctx, iv, err)
		}
	}
	iv.closing = true
	iv.timeline.Event(Event{Event: EventEnding})
	if err := r.say(ctx, iv, script.Closing); err != nil && !errors.Is(err, errStopRehearsal) {
		return r.stopped(ctx, iv, err)
	}
	return ending{}, nil
}

// closeEarly answers the candidate's request to end: a short goodbye, and
// the report on what was said.
func (r *rehearsal) closeEarly(ctx context.Context, iv *interview) (ending, error) {
	iv.closing = true
	iv.timeline.Event(Event{Event: EventEnding, Message: endedEarlyReason})
	if err := r.say(ctx, iv, rehearsalScripts[iv.lang].EarlyClosing); err != nil &&
		!errors.Is(err, errStopRehearsal) && !errors.Is(err, ErrCandidateLeft) && !errors.Is(err, io.EOF) {
		return ending{}, err
	}
	return ending{endedBy: interviewreport.EndedByCandidate, reason: endedEarlyReason}, nil
}

func (r *rehearsal) stopped(ctx context.Context, iv *interview, err error) (ending, error) {
	switch {
	case errors.Is(err, errEndRequested):
		return r.closeEarly(ctx, iv)
	case errors.Is(err, ErrCandidateLeft), errors.Is(err, io.EOF):
		return ending{abandoned: true}, nil
	case errors.Is(err, errStopRehearsal):
		return ending{terminated: true, reason: "The interviewer had to stop before the end."}, nil
	}
	return ending{}, err
}

// checkGone reports the candidate leaving or the worker stopping.
func checkGone(iv *interview) error {
	select {
	case <-iv.room.CandidateLeft():
		return ErrCandidateLeft
	case <-iv.stop:
		return errStopRehearsal
	default:
	}
	if !iv.closing && iv.endWanted() {
		return errEndRequested
	}
	return nil
}

// say speaks text and waits for it to play, stopping at once if the
// candidate talks over it (barge-in).
func (r *rehearsal) say(ctx context.Context, iv *interview, text string) error {
	if err := checkGone(iv); err != nil {
		return err
	}
	pcm, rate, err := r.tts.Synthesize(ctx, text, iv.lang)
	if err != nil {
		return err
	}
	if rate != iv.voice.SampleRate() {
		rs, err := audio.NewResampler(rate, iv.voice.SampleRate())
		if err != nil {
			return err
		}
		pcm = rs.Process(nil, pcm)
	}
	start := time.Now()
	iv.timeline.Partial(SpeakerInterviewer, text, start)
	showState(iv.room, StateSpeaking)
	iv.timeline.Event(Event{Event: EventSpeaking})
	if err := iv.voice.Write(ctx, pcm); err != nil {
		return err
	}
	v := newVAD(300 * time.Millisecond)
	for iv.voice.Queued() > 0 {
		if err := checkGone(iv); err != nil {
			iv.voice.Clear()
			iv.timeline.Final(SpeakerInterviewer)
			return err
		}
		f, err := readFor(ctx, iv.source, 50*time.Millisecond)
		if err != nil {
			return err
		}
		if started, _ := v.push(f); started {
			iv.voice.Clear()
			iv.metrics.bargeIn()
			break
		}
	}
	iv.timeline.Final(SpeakerInterviewer)
	showState(iv.room, StateListening)
	iv.timeline.Event(Event{Event: EventListening})
	return nil
}

// listen waits for one answer: speech, then a pause.
func (r *rehearsal) listen(ctx context.Context, iv *interview, deadline time.Time) error {
	pause := r.pause
	if pause <= 0 {
		pause = rehearsalPause
	}
	v := newVAD(pause)
	waitUntil := time.Now().Add(rehearsalAnswerWait)
	var began time.Time
	for {
		if err := checkGone(iv); err != nil {
			return err
		}
		now := time.Now()
		if began.IsZero() && (now.After(waitUntil) || now.After(deadline)) {
			return nil // no answer; move on
		}
		f, err := readFor(ctx, iv.source, 50*time.Millisecond)
		if err != nil {
			return err
		}
		started, ended := v.push(f)
		if started {
			began = v.start
		}
		if !began.IsZero() && (ended || now.Sub(began) > rehearsalMaxAnswer || now.After(deadline)) {
			end := now
			if ended {
				end = now.Add(-pause)
			}
			script := rehearsalScripts[iv.lang]
			iv.timeline.Utterance(SpeakerCandidate, fmt.Sprintf(script.Answer, end.Sub(began).Seconds()), began, end)
			showState(iv.room, StateThinking)
			return nil
		}
	}
}

// readFor reads a frame, or returns silence after d with no audio (a
// muted or DTX-quiet track), so timers keep running.
func readFor(ctx context.Context, src audio.Source, d time.Duration) (audio.Frame, error) {
	rctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	f, err := src.ReadFrame(rctx)
	if err != nil && errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
		n := int(d * time.Duration(src.SampleRate()) / time.Second)
		return audio.Frame{Samples: make([]int16, n), SampleRate: src.SampleRate(), At: time.Now()}, nil
	}
	return f, err
}
