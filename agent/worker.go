package agent

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/utopiahire/utopiahire/hub/hubclient"
)

// DispatchChannel is where the server offers interviews to agents.
const DispatchChannel = "agents:dispatch"

// Deps is what a Worker needs; cmd/agent wires it.
type Deps struct {
	Control ControlPlane
	Rooms   RoomJoiner
	// HubURL is the hub's WebSocket (ws://host/ws).
	HubURL string
	// DialHub connects with an interview credential (default hubclient).
	DialHub HubDialer
	// Live runs conversations on Gemini Live; nil means rehearsal mode.
	Live *LiveSettings
	// Reports writes the scored report; nil leaves reports unscored.
	Reports ReportWriter
	// TTS speaks rehearsal mode's script.
	TTS     TTS
	Metrics *Metrics
	Logger  *slog.Logger

	Concurrency int
	// MaxDuration caps an interview (the session data may lower it).
	MaxDuration time.Duration
	// StopGrace bounds the polite close of an interview when stopping.
	StopGrace time.Duration
	// CandidateWait bounds the wait for the candidate's microphone.
	CandidateWait time.Duration
	// HeartbeatEvery is how often the agent tells the server it still holds
	// an interview (and learns whether the candidate asked to end it); it
	// must stay well under the server's INTERVIEW_AGENT_SILENCE.
	HeartbeatEvery time.Duration
}

// Worker takes interviews from the dispatch channel, up to Concurrency at
// once, and holds each to its end.
type Worker struct {
	deps Deps
	log  *slog.Logger

	mu       sync.Mutex
	dispatch Dispatch
	holding  map[string]bool
}

// NewWorker checks deps and returns a Worker.
func NewWorker(deps Deps) (*Worker, error) {
	if deps.Control == nil || deps.Rooms == nil || deps.HubURL == "" {
		return nil, errors.New("agent worker: control plane, room joiner and hub URL are required")
	}
	if deps.Live == nil && deps.TTS == nil {
		return nil, errors.New("agent worker: rehearsal mode needs a text-to-speech engine")
	}
	if deps.Logger == nil {
		deps.Logger = slog.New(slog.DiscardHandler)
	}
	if deps.DialHub == nil {
		deps.DialHub = DialHub(deps.Logger)
	}
	if deps.Concurrency <= 0 {
		deps.Concurrency = 1
	}
	if deps.MaxDuration <= 0 {
		deps.MaxDuration = 30 * time.Minute
	}
	if deps.StopGrace <= 0 {
		deps.StopGrace = 20 * time.Second
	}
	if deps.HeartbeatEvery <= 0 {
		deps.HeartbeatEvery = 3 * time.Second
	}
	if deps.CandidateWait <= 0 {
		deps.CandidateWait = 2 * time.Minute
	}
	return &Worker{deps: deps, log: deps.Logger, holding: map[string]bool{}}, nil
}

// DialHub is the default HubDialer: a hubclient connection that resends
// unacknowledged publications after a reconnect.
func DialHub(log *slog.Logger) HubDialer {
	return func(ctx context.Context, url, token string) (HubConn, error) {
		return hubclient.Dial(ctx, url, hubclient.Options{
			Token:  func(context.Context) (string, error) { return token, nil },
			Logger: log.With("component", "hubclient"),
		})
	}
}

func (w *Worker) metrics() *Metrics { return w.deps.Metrics }

func (w *Worker) conversation() conversation {
	if w.deps.Live != nil {
		return &liveConversation{settings: *w.deps.Live}
	}
	return &rehearsal{tts: w.deps.TTS}
}

// offer is a dispatch message.
type offer struct {
	Type        string    `json:"type"`
	InterviewID string    `json:"interview_id"`
	Room        string    `json:"room"`
	Language    string    `json:"language"`
	OfferedAt   time.Time `json:"offered_at"`
}

// dispatchToken returns a valid dispatch token, opening a new agent
// session when the current one is about to expire.
func (w *Worker) dispatchToken(ctx context.Context) (string, error) {
	w.mu.Lock()
	d := w.dispatch
	w.mu.Unlock()
	if d.Token != "" && (d.ExpiresAt.IsZero() || time.Until(d.ExpiresAt) > time.Minute) {
		return d.Token, nil
	}
	d, err := w.deps.Control.OpenDispatch(ctx)
	if err != nil {
		return "", err
	}
	w.mu.Lock()
	w.dispatch = d
	w.mu.Unlock()
	return d.Token, nil
}

// Run takes interviews until ctx ends, then stops claiming, asks the
// interviews in progress to close (each within StopGrace), and returns
// once they are reported or released. hard, when it ends, cuts them off.
func (w *Worker) Run(ctx, hard context.Context) error {
	// The server may still be starting: retry the first agent session.
	for attempt := 0; ; attempt++ {
		_, err := w.dispatchToken(ctx)
		if err == nil {
			break
		}
		var ae *APIError
		if errors.As(err, &ae) && (ae.Status == 401 || ae.Status == 403) {
			return fmt.Errorf("the server refused AGENT_SECRET: %w", err)
		}
		w.log.Warn("waiting for the server", "err", err)
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(min(time.Duration(attempt+1)*500*time.Millisecond, 5*time.Second)):
		}
	}
	offers := make(chan offer, 256)
	hc, err := hubclient.Dial(ctx, w.deps.HubURL, hubclient.Options{
		Token:  w.dispatchToken,
		Logger: w.log.With("component", "hubclient"),
	})
	if err != nil {
		return fmt.Errorf("connect to hub: %w", err)
	}
	defer hc.Close()
	if _, err := hc.Subscribe(ctx, DispatchChannel, hubclient.SubscribeOptions{
		OnMessage: func(m hubclient.Message) {
			var o offer
			if json.Unmarshal(m.Data, &o) != nil || o.InterviewID == "" {
				return
			}
			select {
			case offers <- o:
			default: // offers are repeated; a full queue loses nothing
			}
		},
	}); err != nil {
		return fmt.Errorf("subscribe to %s: %w", DispatchChannel, err)
	}
	w.log.Info("agent worker ready", "concurrency", w.deps.Concurrency, "mode", w.conversation().mode())

	slots := make(chan struct{}, w.deps.Concurrency)
	stop := make(chan struct{})
	holdCtx, cutOff := context.WithCancel(context.WithoutCancel(hard))
	defer cutOff()
	go func() {
		select {
		case <-hard.Done():
			cutOff()
		case <-holdCtx.Done():
		}
	}()
	var wg sync.WaitGroup
	defer func() {
		close(stop)
		wg.Wait()
	}()
	for {
		select {
		case <-ctx.Done():
			w.log.Info("agent worker stopping", "interviews_in_progress", len(slots))
			return nil
		case o := <-offers:
			if o.Type != "offer" || ctx.Err() != nil {
				continue
			}
			select {
			case slots <- struct{}{}:
			default:
				continue // no free slot; the offer comes again
			}
			claim, ok := w.claim(ctx, o)
			if !ok {
				<-slots
				continue
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() { <-slots }()
				defer w.done(claim.InterviewID)
				w.metrics().active(1)
				defer w.metrics().active(-1)
				w.hold(holdCtx, claim, stop)
			}()
		}
	}
}

func (w *Worker) claim(ctx context.Context, o offer) (Claim, bool) {
	w.mu.Lock()
	if w.holding[o.InterviewID] {
		w.mu.Unlock()
		return Claim{}, false
	}
	w.holding[o.InterviewID] = true
	w.mu.Unlock()
	tok, err := w.dispatchToken(ctx)
	if err == nil {
		var c Claim
		c, err = w.deps.Control.Claim(ctx, tok, o.InterviewID)
		if err == nil {
			w.log.Info("claimed interview", "interview_id", o.InterviewID, "room", c.Room)
			return c, true
		}
	}
	if errors.Is(err, ErrClaimLost) {
		w.log.Debug("claim lost", "interview_id", o.InterviewID, "err", err)
	} else {
		w.log.Warn("claim interview", "interview_id", o.InterviewID, "err", err)
	}
	w.done(o.InterviewID)
	return Claim{}, false
}

func (w *Worker) done(id string) {
	w.mu.Lock()
	delete(w.holding, id)
	w.mu.Unlock()
}
