package geminifake

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"
	"google.golang.org/genai"
)

// livePathPrefix and liveMethod frame the Live API's WebSocket path:
// /ws/google.ai.generativelanguage.{version}.GenerativeService.BidiGenerateContent
const (
	livePathPrefix = "/ws/google.ai.generativelanguage."
	liveMethod     = ".GenerativeService.BidiGenerateContent"
)

// Live rates: 16 kHz PCM in, 24 kHz PCM out, as the real API.
const (
	LiveInputRate  = 16000
	LiveOutputRate = 24000
)

// LiveHandler runs one Live session once setup is complete. It returns when
// the conversation is over for this connection; the server then closes it.
type LiveHandler func(ctx context.Context, s *LiveSession) error

// LiveSetup is the decoded setup message of a session.
type LiveSetup struct {
	Model                    string
	SystemInstruction        string
	ResponseModalities       []string
	Voice                    string // prebuilt voice name
	InputTranscription       bool
	OutputTranscription      bool
	ResumptionHandle         string // empty: a new session
	ResumptionRequested      bool   // sessionResumption was present
	ContextWindowCompression bool
	SilenceDuration          time.Duration // automaticActivityDetection.silenceDurationMs
	VADDisabled              bool
	Functions                []string // declared function names
	Raw                      json.RawMessage
}

type wireSetup struct {
	Setup *struct {
		Model            string `json:"model"`
		GenerationConfig *struct {
			ResponseModalities []string `json:"responseModalities"`
			SpeechConfig       *struct {
				VoiceConfig *struct {
					PrebuiltVoiceConfig *struct {
						VoiceName string `json:"voiceName"`
					} `json:"prebuiltVoiceConfig"`
				} `json:"voiceConfig"`
			} `json:"speechConfig"`
		} `json:"generationConfig"`
		SystemInstruction *genai.Content `json:"systemInstruction"`
		Tools             []*struct {
			FunctionDeclarations []*struct {
				Name string `json:"name"`
			} `json:"functionDeclarations"`
		} `json:"tools"`
		SessionResumption *struct {
			Handle string `json:"handle"`
		} `json:"sessionResumption"`
		InputAudioTranscription  json.RawMessage `json:"inputAudioTranscription"`
		OutputAudioTranscription json.RawMessage `json:"outputAudioTranscription"`
		ContextWindowCompression json.RawMessage `json:"contextWindowCompression"`
		RealtimeInputConfig      *struct {
			AutomaticActivityDetection *struct {
				Disabled          bool   `json:"disabled"`
				SilenceDurationMs *int32 `json:"silenceDurationMs"`
			} `json:"automaticActivityDetection"`
		} `json:"realtimeInputConfig"`
	} `json:"setup"`
}

func decodeSetup(b []byte) (LiveSetup, error) {
	var w wireSetup
	if err := json.Unmarshal(b, &w); err != nil || w.Setup == nil {
		return LiveSetup{}, errors.New("the first message must be a setup message")
	}
	s := w.Setup
	out := LiveSetup{Model: strings.TrimPrefix(s.Model, "models/"), Raw: append(json.RawMessage(nil), b...)}
	if out.Model == "" {
		return LiveSetup{}, errors.New("setup.model is required")
	}
	if g := s.GenerationConfig; g != nil {
		out.ResponseModalities = g.ResponseModalities
		if sc := g.SpeechConfig; sc != nil && sc.VoiceConfig != nil && sc.VoiceConfig.PrebuiltVoiceConfig != nil {
			out.Voice = sc.VoiceConfig.PrebuiltVoiceConfig.VoiceName
		}
	}
	var sys strings.Builder
	writeText(&sys, s.SystemInstruction)
	out.SystemInstruction = sys.String()
	for _, t := range s.Tools {
		if t == nil {
			continue
		}
		for _, f := range t.FunctionDeclarations {
			if f != nil {
				out.Functions = append(out.Functions, f.Name)
			}
		}
	}
	if s.SessionResumption != nil {
		out.ResumptionRequested = true
		out.ResumptionHandle = s.SessionResumption.Handle
	}
	out.InputTranscription = len(s.InputAudioTranscription) > 0 && string(s.InputAudioTranscription) != "null"
	out.OutputTranscription = len(s.OutputAudioTranscription) > 0 && string(s.OutputAudioTranscription) != "null"
	out.ContextWindowCompression = len(s.ContextWindowCompression) > 0 && string(s.ContextWindowCompression) != "null"
	out.SilenceDuration = 800 * time.Millisecond
	if r := s.RealtimeInputConfig; r != nil && r.AutomaticActivityDetection != nil {
		out.VADDisabled = r.AutomaticActivityDetection.Disabled
		if ms := r.AutomaticActivityDetection.SilenceDurationMs; ms != nil && *ms > 0 {
			out.SilenceDuration = time.Duration(*ms) * time.Millisecond
		}
	}
	return out, nil
}

type wireClientMessage struct {
	RealtimeInput *struct {
		Audio *struct {
			Data     string `json:"data"`
			MimeType string `json:"mimeType"`
		} `json:"audio"`
		Text           string `json:"text"`
		AudioStreamEnd bool   `json:"audioStreamEnd"`
	} `json:"realtimeInput"`
	ClientContent *struct {
		Turns        []*genai.Content `json:"turns"`
		TurnComplete bool             `json:"turnComplete"`
	} `json:"clientContent"`
	ToolResponse *struct {
		FunctionResponses []*genai.FunctionResponse `json:"functionResponses"`
	} `json:"toolResponse"`
}

// LiveEvent is something the client did, as the session's handler sees it.
type LiveEvent struct {
	// Kind is one of "text" (realtimeInput.text or a clientContent turn),
	// "speech_start", "user_turn" (voice activity ended), "tool_response",
	// "audio_stream_end".
	Kind string
	Text string
	// Speech is the user's audio of a user_turn (16 kHz).
	Speech []int16
	// Start and End are when the user's speech began and when the server
	// decided it ended (End - Start includes the trailing silence).
	Start, End        time.Time
	FunctionResponses []*genai.FunctionResponse
}

// ErrInterrupted is returned by Speak when the user started speaking.
var ErrInterrupted = errors.New("geminifake: interrupted by user speech")

// LiveSession is one connection's conversation, for a LiveHandler.
type LiveSession struct {
	Setup LiveSetup
	// State is what the session stored with its resumption handle (nil for
	// a new session).
	State any

	srv    *Server
	ws     *websocket.Conn
	wmu    sync.Mutex
	events chan LiveEvent

	mu         sync.Mutex
	speaking   bool
	speakUntil time.Time
	interrupt  chan struct{}
	audioIn    time.Duration
	goAwayAt   time.Time
}

// Send writes one server message (JSON in a binary frame, as the real API).
func (s *LiveSession) Send(ctx context.Context, m *genai.LiveServerMessage) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return s.ws.Write(ctx, websocket.MessageBinary, b)
}

// Next waits for the client's next event.
func (s *LiveSession) Next(ctx context.Context) (LiveEvent, error) {
	select {
	case e, ok := <-s.events:
		if !ok {
			return LiveEvent{}, errClientGone
		}
		return e, nil
	case <-ctx.Done():
		return LiveEvent{}, ctx.Err()
	}
}

var errClientGone = errors.New("geminifake: client closed the session")

// AudioReceived is how much input audio the session has received.
func (s *LiveSession) AudioReceived() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.audioIn
}

// Transcribe sends text as the input transcription of the user's last
// utterance, in two pieces as the real API streams it.
func (s *LiveSession) Transcribe(ctx context.Context, text string) error {
	for _, piece := range splitHalf(text) {
		if err := s.Send(ctx, &genai.LiveServerMessage{ServerContent: &genai.LiveServerContent{
			InputTranscription: &genai.Transcription{Text: piece},
		}}); err != nil {
			return err
		}
	}
	return nil
}

// Speak streams a model turn: audio (24 kHz) in 40 ms chunks paced about
// real time (at most lead ahead of the clock), with text as output
// transcription in step with it. User speech while the audio still plays
// (from the server's view) sends interrupted and returns ErrInterrupted.
// Speak does not send turnComplete.
func (s *LiveSession) Speak(ctx context.Context, text string, pcm []int16, lead time.Duration) error {
	if pcm == nil {
		pcm = SpeechLike(text)
	}
	s.mu.Lock()
	s.speaking = true
	s.interrupt = make(chan struct{})
	intr := s.interrupt
	start := time.Now()
	s.speakUntil = start.Add(durationOf(len(pcm), LiveOutputRate))
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.speaking = false
		s.mu.Unlock()
	}()
	words := strings.Fields(text)
	chunk := LiveOutputRate * 40 / 1000
	sentWords := 0
	for off := 0; off < len(pcm); off += chunk {
		end := min(off+chunk, len(pcm))
		ahead := durationOf(off, LiveOutputRate) - time.Since(start)
		if ahead > lead {
			if err := waitOrInterrupt(ctx, ahead-lead, intr); err != nil {
				return s.interrupted(ctx, err)
			}
		}
		select {
		case <-intr:
			return s.interrupted(ctx, ErrInterrupted)
		default:
		}
		data := make([]byte, 0, 2*(end-off))
		for _, v := range pcm[off:end] {
			data = append(data, byte(v), byte(uint16(v)>>8))
		}
		msg := &genai.LiveServerMessage{ServerContent: &genai.LiveServerContent{
			ModelTurn: &genai.Content{Role: genai.RoleModel, Parts: []*genai.Part{{
				InlineData: &genai.Blob{MIMEType: "audio/pcm;rate=24000", Data: data},
			}}},
		}}
		if err := s.Send(ctx, msg); err != nil {
			return err
		}
		if want := len(words) * end / len(pcm); want > sentWords && s.Setup.OutputTranscription {
			piece := strings.Join(words[sentWords:want], " ")
			if sentWords > 0 {
				piece = " " + piece
			}
			sentWords = want
			if err := s.Send(ctx, &genai.LiveServerMessage{ServerContent: &genai.LiveServerContent{
				OutputTranscription: &genai.Transcription{Text: piece},
			}}); err != nil {
				return err
			}
		}
	}
	// The audio is sent; it still "plays" until speakUntil.
	if err := waitOrInterrupt(ctx, time.Until(s.speakUntil), intr); err != nil {
		return s.interrupted(ctx, err)
	}
	return nil
}

func (s *LiveSession) interrupted(ctx context.Context, err error) error {
	if !errors.Is(err, ErrInterrupted) {
		return err
	}
	if serr := s.Send(ctx, &genai.LiveServerMessage{ServerContent: &genai.LiveServerContent{Interrupted: true}}); serr != nil {
		return serr
	}
	return ErrInterrupted
}

func waitOrInterrupt(ctx context.Context, d time.Duration, intr <-chan struct{}) error {
	if d <= 0 {
		select {
		case <-intr:
			return ErrInterrupted
		default:
			return nil
		}
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-intr:
		return ErrInterrupted
	case <-ctx.Done():
		return ctx.Err()
	}
}

// TurnComplete ends the model's turn.
func (s *LiveSession) TurnComplete(ctx context.Context) error {
	return s.Send(ctx, &genai.LiveServerMessage{ServerContent: &genai.LiveServerContent{GenerationComplete: true, TurnComplete: true}})
}

// CallTool sends a toolCall and waits for the client's toolResponse.
func (s *LiveSession) CallTool(ctx context.Context, calls ...*genai.FunctionCall) ([]*genai.FunctionResponse, error) {
	if err := s.Send(ctx, &genai.LiveServerMessage{ToolCall: &genai.LiveServerToolCall{FunctionCalls: calls}}); err != nil {
		return nil, err
	}
	for {
		e, err := s.Next(ctx)
		if err != nil {
			return nil, err
		}
		if e.Kind == "tool_response" {
			return e.FunctionResponses, nil
		}
	}
}

// Resumable stores state under a new resumption handle and sends it to the
// client in a sessionResumptionUpdate (only when the client asked for
// session resumption).
func (s *LiveSession) Resumable(ctx context.Context, state any) error {
	if !s.Setup.ResumptionRequested {
		return nil
	}
	h := s.srv.storeHandle(state)
	return s.Send(ctx, &genai.LiveServerMessage{SessionResumptionUpdate: &genai.LiveServerSessionResumptionUpdate{
		NewHandle: h, Resumable: true,
	}})
}

// GoAway tells the client the connection ends in timeLeft; the server
// closes it then.
func (s *LiveSession) GoAway(ctx context.Context, timeLeft time.Duration) error {
	s.mu.Lock()
	s.goAwayAt = time.Now().Add(timeLeft)
	s.mu.Unlock()
	s.srv.countGoAway()
	return s.Send(ctx, &genai.LiveServerMessage{GoAway: &genai.LiveServerGoAway{TimeLeft: timeLeft}})
}

// serveLive accepts a BidiGenerateContent WebSocket.
func (s *Server) serveLive(w http.ResponseWriter, r *http.Request) {
	rest := strings.TrimPrefix(r.URL.Path, livePathPrefix)
	version, ok := strings.CutSuffix(rest, liveMethod)
	if !ok || version == "" || strings.Contains(version, "/") {
		writeGoogleError(w, &googleError{Code: http.StatusNotFound, Message: "unknown Live method"})
		return
	}
	key := apiKey(r)
	ws, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	ws.SetReadLimit(4 << 20)
	ctx := r.Context()
	if gerr := s.checkKey(key); gerr != nil {
		// The real API accepts the upgrade, then closes with policy violation.
		_ = ws.Close(websocket.StatusPolicyViolation, gerr.Message)
		return
	}
	_, first, err := ws.Read(ctx)
	if err != nil {
		return
	}
	setup, err := decodeSetup(first)
	if err != nil {
		_ = ws.Close(websocket.StatusInvalidFramePayloadData, err.Error())
		return
	}
	sess := &LiveSession{Setup: setup, srv: s, ws: ws, events: make(chan LiveEvent, 64)}
	if setup.ResumptionHandle != "" {
		st, ok := s.loadHandle(setup.ResumptionHandle)
		if !ok {
			_ = ws.Close(websocket.StatusInvalidFramePayloadData, "invalid session resumption handle")
			return
		}
		sess.State = st
	}
	s.recordSetup(setup)
	if err := sess.Send(ctx, &genai.LiveServerMessage{SetupComplete: &genai.LiveServerSetupComplete{}}); err != nil {
		return
	}
	hctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go sess.readLoop(hctx, cancel)
	go sess.enforceGoAway(hctx, cancel)
	s.mu.Lock()
	h := s.live
	s.mu.Unlock()
	if h == nil {
		h = Conversation(ConversationScript{})
	}
	herr := h(hctx, sess)
	switch {
	case herr == nil || errors.Is(herr, errClientGone) || errors.Is(herr, context.Canceled):
		_ = ws.Close(websocket.StatusNormalClosure, "")
	default:
		s.log.Warn("geminifake live handler", "err", herr)
		_ = ws.Close(websocket.StatusInternalError, "internal error")
	}
}

func (s *LiveSession) enforceGoAway(ctx context.Context, cancel context.CancelFunc) {
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.mu.Lock()
			at := s.goAwayAt
			s.mu.Unlock()
			if !at.IsZero() && time.Now().After(at) {
				_ = s.ws.Close(websocket.StatusGoingAway, "session time limit")
				cancel()
				return
			}
		}
	}
}

// readLoop decodes client messages and runs voice activity detection on
// realtime audio: 20 ms windows above an energy threshold are speech; a
// run of voiced windows starts an utterance, SilenceDuration of unvoiced
// ones ends it.
func (s *LiveSession) readLoop(ctx context.Context, cancel context.CancelFunc) {
	defer cancel()
	defer close(s.events)
	const win = LiveInputRate / 50
	var (
		pending  []int16
		speech   []int16
		inSpeech bool
		voiced   int
		silent   time.Duration
		start    time.Time
	)
	emit := func(e LiveEvent) bool {
		select {
		case s.events <- e:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for {
		_, b, err := s.ws.Read(ctx)
		if err != nil {
			return
		}
		var m wireClientMessage
		if err := json.Unmarshal(b, &m); err != nil {
			_ = s.ws.Close(websocket.StatusInvalidFramePayloadData, "malformed client message")
			return
		}
		switch {
		case m.ToolResponse != nil:
			if !emit(LiveEvent{Kind: "tool_response", FunctionResponses: m.ToolResponse.FunctionResponses}) {
				return
			}
		case m.ClientContent != nil:
			var t strings.Builder
			for _, c := range m.ClientContent.Turns {
				writeText(&t, c)
			}
			if !emit(LiveEvent{Kind: "text", Text: t.String()}) {
				return
			}
		case m.RealtimeInput != nil && m.RealtimeInput.Text != "":
			if !emit(LiveEvent{Kind: "text", Text: m.RealtimeInput.Text}) {
				return
			}
		case m.RealtimeInput != nil && m.RealtimeInput.AudioStreamEnd:
			if !emit(LiveEvent{Kind: "audio_stream_end"}) {
				return
			}
		case m.RealtimeInput != nil && m.RealtimeInput.Audio != nil:
			a := m.RealtimeInput.Audio
			if rate := mimeRate(a.MimeType); !strings.HasPrefix(a.MimeType, "audio/pcm") || rate != LiveInputRate {
				_ = s.ws.Close(websocket.StatusInvalidFramePayloadData, "unsupported audio mime type "+a.MimeType)
				return
			}
			raw, err := base64.StdEncoding.DecodeString(a.Data)
			if err != nil || len(raw)%2 != 0 {
				_ = s.ws.Close(websocket.StatusInvalidFramePayloadData, "invalid audio data")
				return
			}
			for i := 0; i+1 < len(raw); i += 2 {
				pending = append(pending, int16(uint16(raw[i])|uint16(raw[i+1])<<8))
			}
			s.mu.Lock()
			s.audioIn += durationOf(len(raw)/2, LiveInputRate)
			s.mu.Unlock()
			if s.Setup.VADDisabled {
				pending = pending[:0]
				continue
			}
			for len(pending) >= win {
				w := pending[:win]
				loud := rms(w) > 0.02
				switch {
				case loud && !inSpeech:
					voiced++
					speech = append(speech, w...)
					if voiced == 1 {
						start = time.Now()
					}
					if voiced >= 3 {
						inSpeech, silent = true, 0
						s.bargeIn()
						if !emit(LiveEvent{Kind: "speech_start", Start: start}) {
							return
						}
					}
				case !loud && !inSpeech:
					voiced, speech = 0, speech[:0]
				case inSpeech:
					speech = append(speech, w...)
					if loud {
						silent = 0
					} else if silent += 20 * time.Millisecond; silent >= s.Setup.SilenceDuration {
						utt := append([]int16(nil), speech...)
						inSpeech, voiced, speech = false, 0, speech[:0]
						if !emit(LiveEvent{Kind: "user_turn", Speech: utt, Start: start, End: time.Now()}) {
							return
						}
					}
				}
				pending = pending[win:]
			}
		}
	}
}

// bargeIn interrupts a model turn still playing.
func (s *LiveSession) bargeIn() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.interrupt != nil && (s.speaking || time.Now().Before(s.speakUntil)) {
		select {
		case <-s.interrupt:
		default:
			close(s.interrupt)
		}
	}
}

func mimeRate(mime string) int {
	for _, p := range strings.Split(mime, ";") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(p), "rate="); ok {
			n, _ := strconv.Atoi(v)
			return n
		}
	}
	return 0
}

func rms(x []int16) float64 {
	var sum float64
	for _, v := range x {
		f := float64(v) / 32768
		sum += f * f
	}
	return math.Sqrt(sum / float64(max(len(x), 1)))
}

func durationOf(n, rate int) time.Duration {
	return time.Duration(n) * time.Second / time.Duration(rate)
}

func splitHalf(text string) []string {
	words := strings.Fields(text)
	if len(words) < 2 {
		return []string{text}
	}
	h := len(words) / 2
	return []string{strings.Join(words[:h], " "), " " + strings.Join(words[h:], " ")}
}

// SpeechLike renders text as 24 kHz audio with the rhythm of speech: one
// voiced burst per word (length by word length, pitch by its letters), with
// short pauses. It stands in for the model's voice.
func SpeechLike(text string) []int16 {
	var out []int16
	for _, w := range strings.Fields(text) {
		n := LiveOutputRate * (120 + 25*min(len(w), 10)) / 1000
		f := 140.0 + float64(int(w[0])%8)*25
		for i := range n {
			env := math.Sin(math.Pi * float64(i) / float64(n))
			t := float64(i) / LiveOutputRate
			v := 0.25 * env * (math.Sin(2*math.Pi*f*t) + 0.5*math.Sin(4*math.Pi*f*t) + 0.25*math.Sin(6*math.Pi*f*t))
			out = append(out, int16(v*32767/1.75))
		}
		out = append(out, make([]int16, LiveOutputRate*70/1000)...)
	}
	return out
}

// LiveReply is one model turn of a scripted conversation.
type LiveReply struct {
	Text  string
	Audio []int16 // 24 kHz; nil: SpeechLike(Text)
	// Tools are called after the audio, before turnComplete; the turn
	// waits for the client's responses.
	Tools []*genai.FunctionCall
	// GoAway, when positive, sends a goAway with this much time left after
	// the turn completes (once per script position, so a resumed session
	// does not get it again).
	GoAway time.Duration
}

// ConversationScript is a voice conversation: the model speaks Replies[0]
// when the client sends its first text (the kick-off), then Replies[i] after
// the user's i-th utterance, whose input transcription is Heard[i-1] (or
// "(inaudible)"). After the last reply the model only listens.
type ConversationScript struct {
	Replies []LiveReply
	Heard   []string
	// Lead is how far audio is sent ahead of real time (default 500ms).
	Lead time.Duration
}

// conversationState is what a resumption handle remembers.
type conversationState struct {
	Next     int // index of the next reply
	Started  bool
	GoneAway map[int]bool
}

// Conversation is a LiveHandler playing script. Its position survives
// reconnects through session resumption handles, sent after every turn.
func Conversation(script ConversationScript) LiveHandler {
	if script.Lead <= 0 {
		script.Lead = 500 * time.Millisecond
	}
	return func(ctx context.Context, s *LiveSession) error {
		st := conversationState{GoneAway: map[int]bool{}}
		if prev, ok := s.State.(conversationState); ok {
			st = prev
			st.GoneAway = map[int]bool{}
			for k, v := range prev.GoneAway {
				st.GoneAway[k] = v
			}
		}
		if err := s.Resumable(ctx, st); err != nil {
			return err
		}
		for {
			e, err := s.Next(ctx)
			if err != nil {
				return err
			}
			switch {
			case e.Kind == "text" && !st.Started:
				st.Started = true
			case e.Kind == "user_turn" && st.Started:
				heard := "(inaudible)"
				if i := st.Next - 1; i >= 0 && i < len(script.Heard) {
					heard = script.Heard[i]
				}
				if s.Setup.InputTranscription {
					if err := s.Transcribe(ctx, heard); err != nil {
						return err
					}
				}
			default:
				continue
			}
			if st.Next >= len(script.Replies) {
				continue
			}
			r := script.Replies[st.Next]
			idx := st.Next
			st.Next++
			err = s.Speak(ctx, r.Text, r.Audio, script.Lead)
			if errors.Is(err, ErrInterrupted) {
				if err := s.Resumable(ctx, st); err != nil {
					return err
				}
				continue
			}
			if err != nil {
				return err
			}
			if len(r.Tools) > 0 {
				if _, err := s.CallTool(ctx, r.Tools...); err != nil {
					return err
				}
			}
			if err := s.TurnComplete(ctx); err != nil {
				return err
			}
			goAway := r.GoAway > 0 && !st.GoneAway[idx]
			if goAway {
				st.GoneAway[idx] = true
			}
			if err := s.Resumable(ctx, st); err != nil {
				return err
			}
			if goAway {
				if err := s.GoAway(ctx, r.GoAway); err != nil {
					return err
				}
			}
		}
	}
}

// LiveStats counts what the Live endpoint saw.
type LiveStats struct {
	Sessions int // setups completed
	Resumed  int // of which with a resumption handle
	GoAways  int
	Setups   []LiveSetup
}

// SetLive replaces the handler for later Live sessions.
func (s *Server) SetLive(h LiveHandler) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.live = h
}

// LiveStats returns a snapshot of the Live counters.
func (s *Server) LiveStats() LiveStats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.liveStats
	st.Setups = append([]LiveSetup(nil), st.Setups...)
	return st
}

func (s *Server) recordSetup(setup LiveSetup) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.liveStats.Sessions++
	if setup.ResumptionHandle != "" {
		s.liveStats.Resumed++
	}
	s.liveStats.Setups = append(s.liveStats.Setups, setup)
}

func (s *Server) countGoAway() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.liveStats.GoAways++
}

func (s *Server) storeHandle(state any) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.handles == nil {
		s.handles = map[string]any{}
	}
	s.serial++
	h := fmt.Sprintf("resume-%d-%d", time.Now().UnixNano(), s.serial)
	s.handles[h] = state
	return h
}

func (s *Server) loadHandle(h string) (any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, ok := s.handles[h]
	return st, ok
}

// LiveURL is the base URL for Live clients (ws://127.0.0.1:PORT).
func (s *Server) LiveURL() string { return "ws://" + s.ln.Addr().String() }

// LiveClientConfig is a genai configuration whose client.Live.Connect
// reaches this server.
func (s *Server) LiveClientConfig(apiKey string) *genai.ClientConfig {
	return &genai.ClientConfig{
		APIKey:      apiKey,
		Backend:     genai.BackendGeminiAPI,
		HTTPOptions: genai.HTTPOptions{BaseURL: s.LiveURL(), APIVersion: DefaultAPIVersion},
	}
}
