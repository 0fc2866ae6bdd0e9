package agent

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/utopiahire/utopiahire/agent/audio"
	"github.com/utopiahire/utopiahire/internal/interviewreport"
)

// ErrCandidateLeft means the candidate left the room.
var ErrCandidateLeft = errors.New("the candidate left the room")

// HubConn is a hub connection publishing on one interview's channel.
type HubConn interface {
	Publisher
	Close() error
}

// HubDialer connects to the hub with an interview credential.
type HubDialer func(ctx context.Context, url, token string) (HubConn, error)

// ending is how a conversation ended.
type ending struct {
	terminated bool
	reason     string // for terminated, or why it stopped early
	abandoned  bool   // the candidate left
	endedBy    string // interviewreport.EndedByCandidate when the candidate ended it early
}

// endedEarlyReason is the report's note when the candidate ended early.
const endedEarlyReason = "The candidate ended the interview early."

// conversation runs the talk itself: Gemini Live, or rehearsal mode.
type conversation interface {
	run(ctx context.Context, iv *interview) (ending, error)
	mode() string
}

// interview is one claimed interview being held.
type interview struct {
	claim    Claim
	data     SessionData
	lang     string
	room     Room
	voice    Voice
	source   audio.Source
	timeline *Timeline
	metrics  *Metrics
	log      *slog.Logger
	started  time.Time
	maxDur   time.Duration
	// stop is closed when the worker is told to stop: wrap up politely.
	stop      <-chan struct{}
	stopGrace time.Duration
	// endReq is closed when the candidate asked to end the interview: close
	// politely and report on what was said. closing is set once the
	// conversation has begun its close, so the request is not acted on twice.
	endReq  <-chan struct{}
	closing bool
}

// endWanted reports whether the candidate asked to end the interview.
func (iv *interview) endWanted() bool {
	select {
	case <-iv.endReq:
		return true
	default:
		return false
	}
}

// hold runs a claimed interview to its end: session data, hub, room,
// conversation, report. It returns once the interview is over for this
// worker (reported, released or failed).
func (w *Worker) hold(ctx context.Context, claim Claim, stop <-chan struct{}) {
	log := w.log.With("interview_id", claim.InterviewID)
	start := time.Now()
	sd, err := w.deps.Control.SessionData(ctx, claim.Credential, claim.Room)
	if err != nil {
		log.Error("get session data", "err", err)
		w.release(claim, "session data unavailable")
		return
	}
	hubConn, err := w.deps.DialHub(ctx, w.deps.HubURL, claim.Credential)
	if err != nil {
		log.Error("connect to hub with interview credential", "err", err)
		w.release(claim, "hub unavailable")
		return
	}
	defer hubConn.Close()
	hbCtx, stopHeartbeat := context.WithCancel(ctx)
	defer stopHeartbeat()
	endReq := w.heartbeat(hbCtx, claim, log)
	channel := claim.Channel
	if channel == "" {
		channel = "interview:" + claim.InterviewID
	}
	tl := NewTimeline(channel, normLang(sd.Language), hubConn, start, log)
	tlCtx, tlCancel := context.WithCancel(context.WithoutCancel(ctx))
	defer tlCancel()
	go tl.Run(tlCtx)
	defer func() {
		c, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		if err := tl.Close(c); err != nil {
			log.Warn("interview timeline", "err", err)
		}
	}()

	room, err := w.deps.Rooms.Join(ctx, claim.LiveKitURL, claim.LiveKitToken)
	if err != nil {
		log.Error("join room", "err", err)
		w.release(claim, "could not join the room")
		return
	}
	defer room.Leave()
	conv := w.conversation()
	tl.Event(Event{Event: EventJoined, Message: joinedMessage(conv.mode())})
	log.Info("joined interview room", "room", claim.Room, "mode", conv.mode(), "language", normLang(sd.Language))

	waitCtx, cancelWait := context.WithTimeout(ctx, w.deps.CandidateWait)
	src, err := room.CandidateAudio(waitCtx)
	cancelWait()
	if err != nil {
		reason, msg := "candidate_no_show", "The candidate did not join with a microphone in time."
		if errors.Is(err, ErrCandidateLeft) {
			reason, msg = "candidate_left", "The candidate left before the interview started."
		}
		log.Info("no candidate audio", "err", err)
		tl.Event(Event{Event: EventAbandoned, Reason: reason, Message: msg})
		w.metrics().outcome("abandoned")
		return
	}
	iv := &interview{
		claim: claim, data: sd, lang: normLang(sd.Language), room: room, voice: room.Voice(), source: src,
		timeline: tl, metrics: w.metrics(), log: log, started: time.Now(), maxDur: w.maxDuration(sd),
		stop: stop, stopGrace: w.deps.StopGrace, endReq: endReq,
	}
	showState(room, StateListening)
	end, err := conv.run(ctx, iv)
	if err == nil && iv.endWanted() {
		// The candidate asked to end: leaving the room afterwards, or the
		// model's own close, is that same ending.
		end = ending{endedBy: interviewreport.EndedByCandidate, reason: endedEarlyReason}
	}
	if err != nil {
		log.Error("interview failed", "err", err)
		tl.Event(Event{Event: EventFailed, Reason: "agent_error", Message: "The interviewer had a technical failure."})
		w.metrics().outcome("failed")
		if !tl.HasSpeech(SpeakerCandidate) {
			return
		}
		end = ending{terminated: true, reason: "The interview stopped early because of a technical failure."}
	}
	if end.abandoned {
		tl.Event(Event{Event: EventAbandoned, Reason: "candidate_left", Message: "The candidate left the room."})
		w.metrics().outcome("abandoned")
		if !tl.HasSpeech(SpeakerCandidate) {
			return
		}
		end = ending{terminated: true, abandoned: true, endedBy: interviewreport.EndedByCandidate,
			reason: "The candidate left before the end of the interview."}
	}
	if err == nil && !end.abandoned {
		w.metrics().outcome(map[bool]string{true: "terminated", false: "completed"}[end.terminated])
	}
	// The report goes after the transcript, and the room is left only once
	// the hub has acknowledged every segment and the "ending" event (it
	// resends through outages), within reason: the server reads an agent
	// leaving before its ending as a lost interviewer and fails the interview.
	fctx, fcancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	if err := tl.Flush(fctx); err != nil {
		log.Warn("saving the report before the whole transcript was acknowledged", "err", err)
	}
	fcancel()
	room.Leave()
	rep := w.report(ctx, iv, end)
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	if err := w.saveReport(rctx, claim, rep); err != nil {
		log.Error("save report", "err", err)
		return
	}
	log.Info("interview reported", "duration_ms", time.Since(start).Milliseconds(), "terminated", rep.Terminated, "scored", rep.InterviewScore != nil)
}

// saveReport saves the report, retrying while the server is unreachable
// or restarting (a server down for a moment must not lose the report; one
// gone for longer finishes the interview itself from the transcript).
func (w *Worker) saveReport(ctx context.Context, claim Claim, rep Report) error {
	for attempt := 1; ; attempt++ {
		err := w.deps.Control.SaveReport(ctx, claim.Credential, rep)
		var ae *APIError
		if err == nil || (errors.As(err, &ae) && ae.Status < 500) {
			return err
		}
		w.log.Warn("save report: retrying", "interview_id", claim.InterviewID, "attempt", attempt, "err", err)
		select {
		case <-ctx.Done():
			return err
		case <-time.After(min(time.Duration(attempt)*500*time.Millisecond, 3*time.Second)):
		}
	}
}

// heartbeat tells the server every HeartbeatEvery, until ctx ends, that
// this worker still holds the interview. The channel it returns closes
// when the server answers that the candidate asked to end it.
func (w *Worker) heartbeat(ctx context.Context, claim Claim, log *slog.Logger) <-chan struct{} {
	endReq := make(chan struct{})
	go func() {
		t := time.NewTicker(w.deps.HeartbeatEvery)
		defer t.Stop()
		asked := false
		for {
			c, cancel := context.WithTimeout(ctx, w.deps.HeartbeatEvery)
			hb, err := w.deps.Control.Heartbeat(c, claim.Credential)
			cancel()
			switch {
			case err != nil && ctx.Err() == nil:
				log.Debug("heartbeat", "err", err)
			case err == nil && hb.EndRequested && !asked:
				asked = true
				log.Info("the candidate asked to end the interview")
				close(endReq)
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
	return endReq
}

func joinedMessage(mode string) string {
	if mode == modeRehearsal {
		return "Rehearsal interviewer joined (no AI model configured: questions are spoken by local text-to-speech and answers are not assessed)."
	}
	return "AI interviewer joined."
}

func (w *Worker) maxDuration(sd SessionData) time.Duration {
	d := w.deps.MaxDuration
	if sd.MaxDurationSeconds > 0 {
		if s := time.Duration(sd.MaxDurationSeconds) * time.Second; s < d || d <= 0 {
			d = s
		}
	}
	return d
}

// release hands the interview back (never joined) or fails it.
func (w *Worker) release(claim Claim, reason string) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := w.deps.Control.Release(ctx, claim.Credential, reason); err != nil {
		w.log.Error("release interview", "interview_id", claim.InterviewID, "err", err)
	}
	w.metrics().outcome("released")
}

func pick(fr bool, en, frText string) string {
	if fr {
		return frText
	}
	return en
}
