//go:build cgo

package lkmedia

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	lkmedia "github.com/livekit/media-sdk"
	"github.com/livekit/server-sdk-go/v2/pkg/media"
	"github.com/pion/webrtc/v4"

	"github.com/utopiahire/utopiahire/agent/audio"
)

// SourceOptions configure a TrackSource. Zero values take the defaults.
type SourceOptions struct {
	// SampleRate of the frames read (default audio.ModelInputRate, 16 kHz).
	SampleRate int
	// Buffer is how much decoded audio waits for a slow reader before the
	// oldest is dropped (default 2s). Live speech is worthless once stale.
	Buffer time.Duration
	Logger *slog.Logger
}

// TrackSource is an audio.Source reading one subscribed LiveKit audio track.
type TrackSource struct {
	remote  *media.PCMRemoteTrack
	rs      *audio.Resampler // used only on pkg/media's decoding goroutine
	rate    int
	frames  chan audio.Frame
	done    chan struct{}
	ended   sync.Once
	closed  sync.Once
	dropped atomic.Int64
}

var _ audio.Source = (*TrackSource)(nil)

// NewTrackSource starts decoding track (Opus) to mono PCM. Call Close when
// the track is unsubscribed or the session ends.
func NewTrackSource(track *webrtc.TrackRemote, opts SourceOptions) (*TrackSource, error) {
	if opts.SampleRate == 0 {
		opts.SampleRate = audio.ModelInputRate
	}
	if opts.Buffer <= 0 {
		opts.Buffer = 2 * time.Second
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	// pkg/media hands over 20 ms frames; size the queue in those.
	depth := max(int(opts.Buffer/(20*time.Millisecond)), 1)
	// Decode at Opus's native 48 kHz and resample here: media-sdk's resampler
	// holds back a whole 20 ms frame, ours about 1 ms.
	rs, err := audio.NewResampler(media.DefaultOpusSampleRate, opts.SampleRate)
	if err != nil {
		return nil, fmt.Errorf("track source: %w", err)
	}
	s := &TrackSource{
		rs:     rs,
		rate:   opts.SampleRate,
		frames: make(chan audio.Frame, depth),
		done:   make(chan struct{}),
	}
	remote, err := media.NewPCMRemoteTrack(track, sourceWriter{s},
		media.WithTargetSampleRate(media.DefaultOpusSampleRate),
		media.WithTargetChannels(1),
		media.WithLogger(protoLogger(opts.Logger)),
	)
	if err != nil {
		return nil, fmt.Errorf("decode track %s: %w", track.ID(), err)
	}
	s.remote = remote
	return s, nil
}

// ReadFrame implements audio.Source.
func (s *TrackSource) ReadFrame(ctx context.Context) (audio.Frame, error) {
	select {
	case f := <-s.frames:
		return f, nil
	case <-s.done:
		select {
		case f := <-s.frames:
			return f, nil
		default:
			return audio.Frame{}, io.EOF
		}
	case <-ctx.Done():
		return audio.Frame{}, ctx.Err()
	}
}

// SampleRate implements audio.Source.
func (s *TrackSource) SampleRate() int { return s.rate }

// Dropped counts frames discarded because the reader fell behind.
func (s *TrackSource) Dropped() int64 { return s.dropped.Load() }

// Close stops decoding; ReadFrame returns what is buffered, then io.EOF.
func (s *TrackSource) Close() error {
	s.closed.Do(func() {
		s.end()
		s.remote.Close()
	})
	return nil
}

// end is separate from Close because closing the decoder chain calls back
// into sourceWriter.Close.
func (s *TrackSource) end() {
	s.ended.Do(func() { close(s.done) })
}

// push runs on pkg/media's decoding goroutine and must never block it.
func (s *TrackSource) push(samples lkmedia.PCM16Sample) error {
	select {
	case <-s.done:
		return errSourceClosed
	default:
	}
	f := audio.Frame{Samples: s.rs.Process(nil, samples), SampleRate: s.rate, At: time.Now()}
	if len(f.Samples) == 0 {
		return nil
	}
	for {
		select {
		case s.frames <- f:
			return nil
		default:
		}
		select {
		case <-s.frames:
			s.dropped.Add(1)
		default:
		}
	}
}

var errSourceClosed = errors.New("track source closed")

// sourceWriter keeps pkg/media's writer methods off TrackSource's API.
type sourceWriter struct{ s *TrackSource }

func (w sourceWriter) WriteSample(samples lkmedia.PCM16Sample) error { return w.s.push(samples) }

// Close is called by pkg/media when its decoder chain shuts down.
func (w sourceWriter) Close() error {
	w.s.end()
	return nil
}
