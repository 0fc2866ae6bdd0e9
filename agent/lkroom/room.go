//go:build cgo

package lkroom

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/pion/webrtc/v4"

	"github.com/utopiahire/utopiahire/agent"
	"github.com/utopiahire/utopiahire/agent/audio"
	"github.com/utopiahire/utopiahire/agent/audio/lkmedia"
)

// voiceSubscribeWait bounds the wait for the candidate to subscribe to the
// interviewer's voice before the conversation starts.
const voiceSubscribeWait = 10 * time.Second

// Joiner is an agent.RoomJoiner.
type Joiner struct {
	Logger *slog.Logger
}

var _ agent.RoomJoiner = Joiner{}

// Room is the interviewer in one LiveKit room.
type Room struct {
	room   *lksdk.Room
	voice  *lkmedia.TrackSink
	log    *slog.Logger
	tracks chan *webrtc.TrackRemote

	// heard is closed once a participant subscribed to the interviewer's
	// voice: speaking before would go unheard.
	heard     chan struct{}
	heardOnce sync.Once

	mu        sync.Mutex
	candidate string // identity whose microphone we listen to
	left      chan struct{}
	leftOnce  sync.Once
	sources   []*lkmedia.TrackSource

	stateMu sync.Mutex
	state   string // last lk.agent.state set
}

var _ agent.Room = (*Room)(nil)

// Join connects with token (a LiveKit agent token) and publishes the
// interviewer's voice track.
func (j Joiner) Join(ctx context.Context, url, token string) (agent.Room, error) {
	log := j.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	r := &Room{log: log, tracks: make(chan *webrtc.TrackRemote, 8), left: make(chan struct{}), heard: make(chan struct{})}
	cb := lksdk.NewRoomCallback()
	cb.OnTrackSubscribed = func(track *webrtc.TrackRemote, _ *lksdk.RemoteTrackPublication, rp *lksdk.RemoteParticipant) {
		if track.Kind() != webrtc.RTPCodecTypeAudio || rp.Kind() == lksdk.ParticipantAgent {
			return
		}
		r.mu.Lock()
		if r.candidate == "" {
			r.candidate = rp.Identity()
		}
		mine := r.candidate == rp.Identity()
		r.mu.Unlock()
		if mine {
			select {
			case r.tracks <- track:
			default:
			}
		}
	}
	cb.OnParticipantDisconnected = func(rp *lksdk.RemoteParticipant) {
		r.mu.Lock()
		gone := r.candidate != "" && r.candidate == rp.Identity()
		r.mu.Unlock()
		if gone {
			r.markLeft()
		}
	}
	cb.OnLocalTrackSubscribed = func(*lksdk.LocalTrackPublication, *lksdk.LocalParticipant) {
		r.heardOnce.Do(func() { close(r.heard) })
	}
	cb.OnDisconnected = r.markLeft
	room, err := lksdk.ConnectToRoomWithToken(url, token, cb, lksdk.WithAutoSubscribe(true))
	if err != nil {
		return nil, fmt.Errorf("join room: %w", err)
	}
	r.room = room
	r.ShowState(agent.StateInitializing)
	voice, err := lkmedia.PublishSink(ctx, room.LocalParticipant, lkmedia.SinkOptions{Logger: log})
	if err != nil {
		room.Disconnect()
		return nil, fmt.Errorf("publish interviewer voice: %w", err)
	}
	r.voice = voice
	return r, nil
}

func (r *Room) markLeft() { r.leftOnce.Do(func() { close(r.left) }) }

var _ agent.StateShower = (*Room)(nil)

// ShowState sets the interviewer's lk.agent.state participant attribute,
// as LiveKit Agents do, when it changes (the agent token allows updating
// its own attributes).
func (r *Room) ShowState(state string) {
	r.stateMu.Lock()
	defer r.stateMu.Unlock()
	if r.state == state {
		return
	}
	r.state = state
	r.room.LocalParticipant.SetAttributes(map[string]string{agent.AttrAgentState: state})
}

// Voice implements agent.Room.
func (r *Room) Voice() agent.Voice { return r.voice }

// CandidateAudio implements agent.Room.
func (r *Room) CandidateAudio(ctx context.Context) (audio.Source, error) {
	select {
	case t := <-r.tracks:
		src, err := lkmedia.NewTrackSource(t, lkmedia.SourceOptions{Logger: r.log})
		if err != nil {
			return nil, err
		}
		r.mu.Lock()
		r.sources = append(r.sources, src)
		r.mu.Unlock()
		// Let the candidate's subscription to the interviewer's voice
		// settle, so the greeting is heard (bounded: some clients subscribe
		// late or never report it).
		wait := time.NewTimer(voiceSubscribeWait)
		defer wait.Stop()
		select {
		case <-r.heard:
		case <-wait.C:
			r.log.Warn("nobody subscribed to the interviewer's voice yet; speaking anyway")
		case <-ctx.Done():
			_ = src.Close()
			return nil, ctx.Err()
		}
		return src, nil
	case <-r.left:
		return nil, agent.ErrCandidateLeft
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// CandidateLeft implements agent.Room.
func (r *Room) CandidateLeft() <-chan struct{} { return r.left }

// Leave implements agent.Room.
func (r *Room) Leave() {
	if r.voice != nil {
		_ = r.voice.Close()
	}
	r.mu.Lock()
	srcs := r.sources
	r.sources = nil
	r.mu.Unlock()
	for _, s := range srcs {
		_ = s.Close()
	}
	r.room.Disconnect()
	r.markLeft()
}
