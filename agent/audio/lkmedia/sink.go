//go:build cgo

package lkmedia

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/go-logr/logr"
	lkproto "github.com/livekit/protocol/livekit"
	protologger "github.com/livekit/protocol/logger"
	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/livekit/server-sdk-go/v2/pkg/media"
	"github.com/pion/webrtc/v4"

	"github.com/utopiahire/utopiahire/agent/audio"
)

// SinkOptions configure PublishSink. Zero values take the defaults.
type SinkOptions struct {
	// SampleRate of the PCM written (default audio.ModelOutputRate, 24 kHz).
	SampleRate int
	// MaxQueued bounds audio written but not yet played (default 60s);
	// Write blocks beyond it.
	MaxQueued time.Duration
	// TrackName as other participants see it (default "interviewer").
	TrackName string
	Logger    *slog.Logger
}

// ErrSinkClosed is returned by Write after Close.
var ErrSinkClosed = errors.New("track sink closed")

// TrackSink is an audio.Sink publishing one microphone track in a room.
//
// pkg/media's PCMLocalTrack plays its queue in 10 ms frames paced by a
// ticker, so the time queued audio finishes is known from what was written:
// playsUntil tracks it without reaching into the track.
type TrackSink struct {
	track     *boundTrack
	lp        *lksdk.LocalParticipant
	rs        *audio.Resampler // guarded by mu
	scratch   []int16          // guarded by mu
	sid       string
	rate      int
	maxQueued time.Duration

	mu         sync.Mutex
	playsUntil time.Time
	closed     bool
}

var _ audio.Sink = (*TrackSink)(nil)

// PublishSink publishes a PCM track for lp and returns once the track is
// negotiated (samples written before that would be dropped by pkg/media).
func PublishSink(ctx context.Context, lp *lksdk.LocalParticipant, opts SinkOptions) (*TrackSink, error) {
	if opts.SampleRate == 0 {
		opts.SampleRate = audio.ModelOutputRate
	}
	if opts.MaxQueued <= 0 {
		opts.MaxQueued = time.Minute
	}
	if opts.TrackName == "" {
		opts.TrackName = "interviewer"
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	// Feed the track Opus's native 48 kHz and resample here: media-sdk's
	// resampler holds back a frame and more (about 30 ms measured), ours about 1 ms.
	rs, err := audio.NewResampler(opts.SampleRate, media.DefaultOpusSampleRate)
	if err != nil {
		return nil, fmt.Errorf("track sink: %w", err)
	}
	pcm, err := media.NewPCMLocalTrack(media.DefaultOpusSampleRate, 1, protoLogger(opts.Logger))
	if err != nil {
		return nil, fmt.Errorf("new pcm track: %w", err)
	}
	track := &boundTrack{PCMLocalTrack: pcm, bound: make(chan struct{})}
	pub, err := lp.PublishTrack(track, &lksdk.TrackPublicationOptions{
		Name: opts.TrackName, Source: lkproto.TrackSource_MICROPHONE,
	})
	if err != nil {
		_ = pcm.Close()
		return nil, fmt.Errorf("publish track %q: %w", opts.TrackName, err)
	}
	s := &TrackSink{track: track, lp: lp, rs: rs, sid: pub.SID(), rate: opts.SampleRate, maxQueued: opts.MaxQueued}
	select {
	case <-track.bound:
		return s, nil
	case <-ctx.Done():
		_ = s.Close()
		return nil, fmt.Errorf("wait for track %q to be negotiated: %w", opts.TrackName, ctx.Err())
	}
}

// Write implements audio.Sink. A write into an empty queue starts playing
// within one 10 ms frame.
func (s *TrackSink) Write(ctx context.Context, samples []int16) error {
	if len(samples) == 0 {
		return nil
	}
	d := audio.Duration(len(samples), s.rate)
	for {
		wait, err := s.tryWrite(samples, d)
		if err != nil || wait == 0 {
			return err
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		}
	}
}

// tryWrite queues samples if they fit, or says how long until they do.
func (s *TrackSink) tryWrite(samples []int16, d time.Duration) (time.Duration, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return 0, ErrSinkClosed
	}
	now := time.Now()
	if s.playsUntil.Before(now) {
		s.playsUntil = now
	}
	queued := s.playsUntil.Sub(now)
	if queued > 0 && queued+d > s.maxQueued {
		return queued + d - s.maxQueued, nil
	}
	s.scratch = s.rs.Process(s.scratch[:0], samples)
	if err := s.track.WriteSample(s.scratch); err != nil {
		return 0, fmt.Errorf("queue %d samples: %w", len(samples), err)
	}
	s.playsUntil = s.playsUntil.Add(d)
	return 0, nil
}

// Clear implements audio.Sink: queued audio is dropped at once; at most the
// frame being encoded still plays.
func (s *TrackSink) Clear() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	dropped := max(s.playsUntil.Sub(now), 0)
	s.track.ClearQueue()
	s.rs.Reset()
	s.playsUntil = now
	return dropped
}

// Queued implements audio.Sink.
func (s *TrackSink) Queued() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return max(time.Until(s.playsUntil), 0)
}

// SampleRate implements audio.Sink.
func (s *TrackSink) SampleRate() int { return s.rate }

// TrackSID is the published track's id in the room.
func (s *TrackSink) TrackSID() string { return s.sid }

// WaitPlayout blocks until everything written has played (e.g. the closing
// sentence before leaving the room) or ctx ends.
func (s *TrackSink) WaitPlayout(ctx context.Context) error {
	for {
		q := s.Queued()
		if q == 0 {
			return nil
		}
		t := time.NewTimer(q)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		}
	}
}

// Close drops queued audio and unpublishes the track.
func (s *TrackSink) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	// Without clearing, PCMLocalTrack keeps playing its queue after Close.
	s.track.ClearQueue()
	s.mu.Unlock()
	err := s.lp.UnpublishTrack(s.sid)
	_ = s.track.Close()
	// After the room disconnected the track is gone already.
	if err != nil && !errors.Is(err, lksdk.ErrCannotFindTrack) && !errors.Is(err, lksdk.ErrNoPeerConnection) {
		return fmt.Errorf("unpublish track %s: %w", s.sid, err)
	}
	return nil
}

// boundTrack reports when pion binds the track to the publisher connection;
// PCMLocalTrack silently drops samples until then. Embedding keeps every
// other method (Codec, Close, ...) that server-sdk-go looks for.
type boundTrack struct {
	*media.PCMLocalTrack
	once  sync.Once
	bound chan struct{}
}

func (t *boundTrack) Bind(ctx webrtc.TrackLocalContext) (webrtc.RTPCodecParameters, error) {
	params, err := t.PCMLocalTrack.Bind(ctx)
	if err == nil {
		t.once.Do(func() { close(t.bound) })
	}
	return params, err
}

// protoLogger adapts slog to the logger livekit's libraries take.
func protoLogger(l *slog.Logger) protologger.Logger {
	return protologger.LogRLogger(logr.FromSlogHandler(l.Handler()))
}
