package agent

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	"google.golang.org/genai"

	"github.com/utopiahire/utopiahire/agent/audio"
	"github.com/utopiahire/utopiahire/internal/interviewreport"
	"github.com/utopiahire/utopiahire/internal/text"
)

const modeLive, modeRehearsal = "gemini_live", "rehearsal"

// LiveConn is one Gemini Live connection; *genai.Session implements it.
type LiveConn interface {
	SendRealtimeInput(genai.LiveRealtimeInput) error
	SendToolResponse(genai.LiveToolResponseInput) error
	Receive() (*genai.LiveServerMessage, error)
	Close() error
}

var _ LiveConn = (*genai.Session)(nil)

// LiveConnectFunc opens a Live connection.
type LiveConnectFunc func(ctx context.Context, model string, cfg *genai.LiveConnectConfig) (LiveConn, error)

// GenaiLive opens connections with a genai client (see
// ai.Config.LiveClientConfig for its configuration).
func GenaiLive(client *genai.Client) LiveConnectFunc {
	return func(ctx context.Context, model string, cfg *genai.LiveConnectConfig) (LiveConn, error) {
		s, err := client.Live.Connect(ctx, model, cfg)
		if err != nil {
			return nil, err
		}
		return s, nil
	}
}

// LiveSettings configure Gemini Live conversations.
type LiveSettings struct {
	Connect LiveConnectFunc
	Model   string
	Voice   string // prebuilt voice name
	// SilenceDuration is how long the candidate must pause before the model
	// answers (server-side voice activity detection). Default 700ms.
	SilenceDuration time.Duration
	// ClosingGrace is how long the model has to close after a time-up cue.
	ClosingGrace time.Duration
}

// liveConversation runs an interview on Gemini Live.
type liveConversation struct{ settings LiveSettings }

func (c *liveConversation) mode() string { return modeLive }

func (c *liveConversation) run(ctx context.Context, iv *interview) (ending, error) {
	s := c.settings
	if s.SilenceDuration <= 0 {
		s.SilenceDuration = 700 * time.Millisecond
	}
	if s.ClosingGrace <= 0 {
		s.ClosingGrace = 45 * time.Second
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	r := &liveRun{s: s, iv: iv, log: iv.log, events: make(chan liveEvent, 64), done: make(chan struct{}), pause: newSpeechPause(s.SilenceDuration)}
	defer close(r.done)
	defer r.closeConn()
	conn, err := r.dial(ctx, "")
	if err != nil {
		return ending{}, err
	}
	r.setConn(conn)
	if err := r.cue("begin"); err != nil {
		return ending{}, fmt.Errorf("start the conversation: %w", err)
	}
	go r.pump(ctx)
	return r.loop(ctx)
}

// liveEvent is something the receive loop tells the main loop.
type liveEvent struct {
	kind string // speaking, turn_complete, interrupted, go_away, end_called, lost
	gen  int
	err  error
	left time.Duration
}

type liveRun struct {
	s      LiveSettings
	iv     *interview
	log    *slog.Logger
	events chan liveEvent
	done   chan struct{} // closed when the conversation is over

	wmu sync.Mutex // one writer on the connection at a time

	mu        sync.Mutex
	conn      LiveConn // nil while reconnecting
	gen       int
	resume    string // latest session resumption handle
	inTurn    bool
	end       *ending
	backlog   []int16
	rs        *audio.Resampler
	lastVoice time.Time // decoder time of the last voiced frame sent
	lastSent  time.Time // when it was sent
	turnEnd   time.Time // when the last model turn ended

	pause speechPause // the candidate's end of speech (pump only)
}

// modelInTurn tells whether the model's answer is playing.
func (r *liveRun) modelInTurn() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.inTurn
}

func (r *liveRun) config(handle string) *genai.LiveConnectConfig {
	silence := int32(r.s.SilenceDuration / time.Millisecond)
	trigger, target := int64(100000), int64(60000)
	return &genai.LiveConnectConfig{
		ResponseModalities: []genai.Modality{genai.ModalityAudio},
		SystemInstruction:  genai.NewContentFromText(SystemInstruction(r.iv.data, int(r.iv.maxDur/time.Minute)), genai.RoleUser),
		SpeechConfig: &genai.SpeechConfig{
			VoiceConfig:  &genai.VoiceConfig{PrebuiltVoiceConfig: &genai.PrebuiltVoiceConfig{VoiceName: r.s.Voice}},
			LanguageCode: map[string]string{LangEN: "en-US", LangFR: "fr-FR"}[r.iv.lang],
		},
		InputAudioTranscription:  &genai.AudioTranscriptionConfig{},
		OutputAudioTranscription: &genai.AudioTranscriptionConfig{},
		RealtimeInputConfig: &genai.RealtimeInputConfig{
			AutomaticActivityDetection: &genai.AutomaticActivityDetection{SilenceDurationMs: &silence},
			ActivityHandling:           genai.ActivityHandlingStartOfActivityInterrupts,
		},
		SessionResumption:        &genai.SessionResumptionConfig{Handle: handle},
		ContextWindowCompression: &genai.ContextWindowCompressionConfig{TriggerTokens: &trigger, SlidingWindow: &genai.SlidingWindow{TargetTokens: &target}},
		Tools:                    liveTools(),
	}
}

func (r *liveRun) dial(ctx context.Context, handle string) (LiveConn, error) {
	dctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	conn, err := r.s.Connect(dctx, r.s.Model, r.config(handle))
	if err != nil {
		return nil, fmt.Errorf("connect to Gemini Live: %w", err)
	}
	return conn, nil
}

func (r *liveRun) setConn(conn LiveConn) {
	r.mu.Lock()
	r.conn = conn
	r.gen++
	gen := r.gen
	r.mu.Unlock()
	go r.receive(conn, gen)
}

func (r *liveRun) closeConn() {
	r.mu.Lock()
	conn := r.conn
	r.conn = nil
	r.gen++
	r.mu.Unlock()
	if conn != nil {
		_ = conn.Close()
	}
}

func (r *liveRun) write(fn func(LiveConn) error) error {
	r.mu.Lock()
	conn := r.conn
	r.mu.Unlock()
	if conn == nil {
		return errors.New("gemini live: reconnecting")
	}
	r.wmu.Lock()
	defer r.wmu.Unlock()
	return fn(conn)
}

func (r *liveRun) cue(name string) error {
	text := cue(r.iv.lang, name)
	return r.write(func(c LiveConn) error { return c.SendRealtimeInput(genai.LiveRealtimeInput{Text: text}) })
}

func (r *liveRun) post(e liveEvent) {
	select {
	case r.events <- e:
	case <-r.done:
	}
}

// maxBacklog bounds the candidate audio kept while reconnecting.
const maxBacklog = 10 * audio.ModelInputRate

// voicedLevel is the RMS above which a frame counts as speech for the
// turn-latency measurement (the model does its own detection).
const voicedLevel = 0.02

// pump streams the candidate's audio to the model. When the track goes
// quiet (no packets, e.g. Opus DTX) it sends silence, so the model's voice
// activity detection still sees the end of speech.
func (r *liveRun) pump(ctx context.Context) {
	silence := make([]int16, audio.ModelInputRate/10)
	var buf []byte
	for {
		rctx, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
		f, err := r.iv.source.ReadFrame(rctx)
		cancel()
		if err != nil {
			if ctx.Err() != nil || !errors.Is(err, context.DeadlineExceeded) {
				return
			}
			f = audio.Frame{Samples: silence, SampleRate: audio.ModelInputRate, At: time.Now()}
		}
		voiced := audio.RMS(f.Samples) > voicedLevel
		r.mu.Lock()
		conn := r.conn
		pending := f.Samples
		if len(r.backlog) > 0 || conn == nil {
			r.backlog = append(r.backlog, f.Samples...)
			if len(r.backlog) > maxBacklog {
				r.backlog = r.backlog[len(r.backlog)-maxBacklog:]
			}
			pending = nil
			if conn != nil {
				pending, r.backlog = r.backlog, nil
			}
		}
		r.mu.Unlock()
		if conn == nil || len(pending) == 0 {
			continue
		}
		buf = audio.AppendPCM16LE(buf[:0], pending)
		r.wmu.Lock()
		err = conn.SendRealtimeInput(genai.LiveRealtimeInput{Audio: &genai.Blob{MIMEType: "audio/pcm;rate=16000", Data: buf}})
		r.wmu.Unlock()
		if err != nil {
			continue // the receive loop notices the lost connection
		}
		if voiced {
			r.mu.Lock()
			r.lastVoice, r.lastSent = f.At, time.Now()
			r.mu.Unlock()
		}
		if s := r.pause.next(voiced, f.At, r.modelInTurn()); s != "" {
			r.post(liveEvent{kind: s})
		}
	}
}

// receive reads one connection until it fails or is replaced.
func (r *liveRun) receive(conn LiveConn, gen int) {
	ctx := context.Background()
	for {
		m, err := conn.Receive()
		if err != nil {
			r.post(liveEvent{kind: "lost", gen: gen, err: err})
			return
		}
		r.mu.Lock()
		current := gen == r.gen
		r.mu.Unlock()
		if !current {
			return
		}
		r.handle(ctx, conn, m)
	}
}

func (r *liveRun) handle(ctx context.Context, conn LiveConn, m *genai.LiveServerMessage) {
	now := time.Now()
	tl := r.iv.timeline
	if sc := m.ServerContent; sc != nil {
		if sc.InputTranscription != nil {
			tl.Partial(SpeakerCandidate, sc.InputTranscription.Text, now)
		}
		if sc.ModelTurn != nil {
			for _, p := range sc.ModelTurn.Parts {
				if p != nil && p.InlineData != nil && strings.HasPrefix(p.InlineData.MIMEType, "audio/pcm") {
					r.play(ctx, p.InlineData, now)
				}
			}
		}
		if sc.OutputTranscription != nil {
			tl.Partial(SpeakerInterviewer, sc.OutputTranscription.Text, now)
		}
		if sc.Interrupted {
			dropped := r.iv.voice.Clear()
			r.iv.metrics.bargeIn()
			r.log.Debug("barge-in: playback cleared", "dropped_ms", dropped.Milliseconds())
			r.endTurn()
			r.post(liveEvent{kind: "interrupted"})
		}
		if sc.TurnComplete {
			r.endTurn()
			r.post(liveEvent{kind: "turn_complete"})
		}
	}
	if tc := m.ToolCall; tc != nil {
		if !r.modelInTurn() {
			r.post(liveEvent{kind: StateThinking})
		}
		r.tools(conn, tc)
	}
	if u := m.SessionResumptionUpdate; u != nil && u.Resumable && u.NewHandle != "" {
		r.mu.Lock()
		r.resume = u.NewHandle
		r.mu.Unlock()
	}
	if g := m.GoAway; g != nil {
		r.post(liveEvent{kind: "go_away", left: g.TimeLeft})
	}
}

func (r *liveRun) endTurn() {
	r.mu.Lock()
	r.inTurn = false
	r.turnEnd = time.Now()
	r.mu.Unlock()
}

// play queues model audio in the room, measuring the turn's latency on its
// first chunk.
func (r *liveRun) play(ctx context.Context, blob *genai.Blob, recvAt time.Time) {
	samples, err := audio.ParsePCM16LE(blob.Data)
	if err != nil || len(samples) == 0 {
		return
	}
	rate := audio.ModelOutputRate
	if i := strings.Index(blob.MIMEType, "rate="); i >= 0 {
		if n, err := strconv.Atoi(blob.MIMEType[i+5:]); err == nil {
			rate = n
		}
	}
	r.mu.Lock()
	first := !r.inTurn
	r.inTurn = true
	measure := first && r.lastSent.After(r.turnEnd)
	voiceAt, sentAt := r.lastVoice, r.lastSent
	if rate != r.iv.voice.SampleRate() {
		if r.rs == nil || r.rs.From() != rate {
			r.rs, _ = audio.NewResampler(rate, r.iv.voice.SampleRate())
		}
		if r.rs != nil {
			samples = r.rs.Process(nil, samples)
		}
	}
	r.mu.Unlock()
	if err := r.iv.voice.Write(ctx, samples); err != nil {
		return
	}
	if first {
		r.post(liveEvent{kind: "speaking"})
	}
	if measure {
		written := time.Now()
		t := TurnLatency{BridgeIn: sentAt.Sub(voiceAt), Model: recvAt.Sub(sentAt), BridgeOut: written.Sub(recvAt), Total: written.Sub(voiceAt)}
		r.iv.metrics.observeTurn(t)
		r.log.Info("turn latency", "total_ms", ms(t.Total), "model_ms", ms(t.Model), "bridge_in_ms", ms(t.BridgeIn), "bridge_out_ms", ms(t.BridgeOut))
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// tools answers the model's function calls.
func (r *liveRun) tools(conn LiveConn, tc *genai.LiveServerToolCall) {
	var resp []*genai.FunctionResponse
	for _, fc := range tc.FunctionCalls {
		if fc == nil {
			continue
		}
		out := map[string]any{"ok": true}
		switch fc.Name {
		case toolQuestion:
			n, total := intArg(fc.Args, "number"), intArg(fc.Args, "total")
			if n > 0 && n <= 20 && total >= 0 && total <= 20 {
				r.iv.timeline.Event(Event{Event: EventQuestion, Question: n, Of: total})
			}
		case toolEnd:
			outcome, _ := fc.Args["outcome"].(string)
			reason, _ := fc.Args["reason"].(string)
			e := ending{}
			if outcome == OutcomeTerminated {
				e = ending{terminated: true, reason: text.Clip(orElse(reason, "ended by the interviewer"), 500)}
			}
			r.mu.Lock()
			if r.end == nil {
				r.end = &e
			}
			r.mu.Unlock()
			r.post(liveEvent{kind: "end_called"})
		default:
			out = map[string]any{"error": "unknown function"}
		}
		resp = append(resp, &genai.FunctionResponse{ID: fc.ID, Name: fc.Name, Response: out})
	}
	if len(resp) == 0 {
		return
	}
	r.wmu.Lock()
	err := conn.SendToolResponse(genai.LiveToolResponseInput{FunctionResponses: resp})
	r.wmu.Unlock()
	if err != nil {
		r.log.Warn("send tool response", "err", err)
	}
}

func intArg(args map[string]any, k string) int {
	switch v := args[k].(type) {
	case float64:
		return int(v)
	case int:
		return v
	case string:
		n, _ := strconv.Atoi(v)
		return n
	}
	return 0
}

// loop is the conversation's control: turn boundaries, reconnects, the
// end, the clock.
func (r *liveRun) loop(ctx context.Context) (ending, error) {
	iv := r.iv
	maxTimer := time.NewTimer(iv.maxDur)
	defer maxTimer.Stop()
	var (
		deadline     <-chan time.Time // hard end after a cue or an end call
		deadlineEnd  ending
		goAwayPend   bool
		goAwayTimer  <-chan time.Time
		speaking     bool
		stop         = iv.stop
		endReq       = iv.endReq
		lostAttempts int
	)
	setDeadline := func(d time.Duration, e ending) {
		if deadline == nil {
			deadline, deadlineEnd = time.After(d), e
		}
	}
	boundary := func() error {
		if !goAwayPend {
			return nil
		}
		goAwayPend, goAwayTimer = false, nil
		iv.metrics.reconnect("go_away")
		return r.reconnect(ctx)
	}
	for {
		select {
		case <-ctx.Done():
			return ending{}, ctx.Err()
		case <-iv.room.CandidateLeft():
			r.finalizeAll()
			return ending{abandoned: true}, nil
		case <-maxTimer.C:
			r.log.Info("maximum duration reached; asking the model to close")
			_ = r.cue("timeup")
			setDeadline(r.s.ClosingGrace, ending{reason: "The interview reached its maximum duration."})
		case <-stop:
			stop = nil
			r.log.Info("worker stopping; asking the model to close")
			_ = r.cue("stop")
			setDeadline(iv.stopGrace, ending{terminated: true, reason: "The interviewer had to stop before the end."})
		case <-endReq:
			endReq = nil
			r.log.Info("the candidate asked to end; asking the model to close")
			_ = r.cue("candidate_end")
			setDeadline(iv.stopGrace, ending{endedBy: interviewreport.EndedByCandidate, reason: endedEarlyReason})
		case <-deadline:
			r.finalizeAll()
			return deadlineEnd, nil
		case <-goAwayTimer:
			// No turn boundary came in time: reconnect now.
			goAwayPend = true
			if err := boundary(); err != nil {
				return ending{}, err
			}
		case e := <-r.events:
			switch e.kind {
			case "speaking":
				if !speaking {
					speaking = true
					showState(iv.room, StateSpeaking)
					iv.timeline.Event(Event{Event: EventSpeaking})
				}
			case StateThinking, StateListening:
				if !speaking {
					showState(iv.room, e.kind)
				}
			case "end_called":
				setDeadline(20*time.Second, ending{})
			case "interrupted", "turn_complete":
				iv.timeline.Final(SpeakerInterviewer)
				iv.timeline.Final(SpeakerCandidate)
				r.mu.Lock()
				end := r.end
				r.mu.Unlock()
				if end != nil && e.kind == "turn_complete" {
					iv.timeline.Event(Event{Event: EventEnding})
					pctx, cancel := context.WithTimeout(ctx, time.Minute)
					_ = iv.voice.WaitPlayout(pctx)
					cancel()
					return *end, nil
				}
				if speaking {
					speaking = false
					iv.timeline.Event(Event{Event: EventListening})
				}
				showState(iv.room, StateListening)
				if err := boundary(); err != nil {
					return ending{}, err
				}
			case "go_away":
				r.log.Info("gemini live going away", "time_left_ms", e.left.Milliseconds())
				goAwayPend = true
				r.mu.Lock()
				inTurn := r.inTurn
				r.mu.Unlock()
				if !inTurn {
					if err := boundary(); err != nil {
						return ending{}, err
					}
				} else {
					goAwayTimer = time.After(max(e.left-time.Second, 0))
				}
			case "lost":
				r.mu.Lock()
				current := e.gen == r.gen
				r.mu.Unlock()
				if !current {
					continue
				}
				lostAttempts++
				r.log.Warn("gemini live connection lost", "err", e.err, "attempt", lostAttempts)
				if lostAttempts > 3 {
					return ending{}, fmt.Errorf("gemini live connection lost: %w", e.err)
				}
				iv.metrics.reconnect("lost")
				time.Sleep(time.Duration(lostAttempts) * 300 * time.Millisecond)
				if err := r.reconnect(ctx); err != nil {
					return ending{}, err
				}
			}
		}
	}
}

// reconnect replaces the connection by a new one resuming the session.
// Candidate audio meanwhile waits in the backlog.
func (r *liveRun) reconnect(ctx context.Context) error {
	r.mu.Lock()
	old, handle := r.conn, r.resume
	r.conn = nil
	r.gen++
	r.mu.Unlock()
	if old != nil {
		_ = old.Close()
	}
	if handle == "" {
		return errors.New("gemini live: no session resumption handle to reconnect with")
	}
	start := time.Now()
	conn, err := r.dial(ctx, handle)
	if err != nil {
		return err
	}
	r.setConn(conn)
	r.log.Info("gemini live session resumed", "took_ms", time.Since(start).Milliseconds())
	return nil
}

func (r *liveRun) finalizeAll() {
	r.iv.timeline.Final(SpeakerInterviewer)
	r.iv.timeline.Final(SpeakerCandidate)
}
