//go:build cgo

package lkmedia_test

import (
	"context"
	"math"
	"os"
	"sync"
	"testing"
	"time"

	lkmedia "github.com/livekit/media-sdk"
	"github.com/livekit/media-sdk/opus"
	"github.com/livekit/protocol/logger"
	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/pion/webrtc/v4"

	"github.com/utopiahire/utopiahire/agent/audio"
	"github.com/utopiahire/utopiahire/internal/livekit"
	"github.com/utopiahire/utopiahire/internal/livekit/livekittest"
)

// pair is an agent and a candidate in one room of a private livekit-server.
// Each side announces the audio tracks it subscribes to on its channel.
type pair struct {
	agent, cand           *lksdk.Room
	agentTracks, candTrks chan *webrtc.TrackRemote
}

func newPair(t testing.TB, room string) *pair {
	t.Helper()
	srv := livekittest.Start(t)
	p := &pair{agentTracks: make(chan *webrtc.TrackRemote, 4), candTrks: make(chan *webrtc.TrackRemote, 4)}
	p.agent = join(t, srv, "agent", room, livekit.RoleAgent, p.agentTracks)
	p.cand = join(t, srv, "cand", room, livekit.RoleCandidate, p.candTrks)
	return p
}

func join(t testing.TB, srv *livekittest.Server, identity, room string, role livekit.Role, tracks chan<- *webrtc.TrackRemote) *lksdk.Room {
	t.Helper()
	tok, err := srv.Issuer(t).JoinToken(identity, identity, room, 5*time.Minute, livekit.TokenOptions{Role: role})
	if err != nil {
		t.Fatal(err)
	}
	cb := lksdk.NewRoomCallback()
	cb.OnTrackSubscribed = func(track *webrtc.TrackRemote, _ *lksdk.RemoteTrackPublication, _ *lksdk.RemoteParticipant) {
		if track.Kind() == webrtc.RTPCodecTypeAudio {
			tracks <- track
		}
	}
	r, err := lksdk.ConnectToRoomWithToken(srv.URL, tok, cb, lksdk.WithLogger(livekittest.QuietSDKLogger()))
	if err != nil {
		t.Fatalf("%s joins: %v", identity, err)
	}
	t.Cleanup(r.Disconnect)
	return r
}

func waitTrack(t testing.TB, ch <-chan *webrtc.TrackRemote) *webrtc.TrackRemote {
	t.Helper()
	select {
	case tr := <-ch:
		return tr
	case <-time.After(15 * time.Second):
		t.Fatal("no audio track subscribed within 15s")
		return nil
	}
}

func ctxFor(t testing.TB, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

// stamped is a decoded chunk and when it came out of the decoder.
type stamped struct {
	at      time.Time
	samples []int16
}

// pcmRecorder is a pkg/media PCM writer that keeps everything decoded.
type pcmRecorder struct {
	rate int
	mu   sync.Mutex
	got  []stamped
}

func (r *pcmRecorder) String() string  { return "pcmRecorder" }
func (r *pcmRecorder) SampleRate() int { return r.rate }
func (r *pcmRecorder) Close() error    { return nil }
func (r *pcmRecorder) WriteSample(s lkmedia.PCM16Sample) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, stamped{at: time.Now(), samples: append([]int16(nil), s...)})
	return nil
}

func (r *pcmRecorder) snapshot() []stamped {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]stamped(nil), r.got...)
}

// opusCollector receives encoded packets from media-sdk's Opus encoder.
type opusCollector struct{ packets [][]byte }

func (c *opusCollector) String() string  { return "opusCollector" }
func (c *opusCollector) SampleRate() int { return 48000 }
func (c *opusCollector) Close() error    { return nil }
func (c *opusCollector) WriteSample(s opus.Sample) error {
	c.packets = append(c.packets, append([]byte(nil), s...))
	return nil
}

// encodeOpus encodes 48 kHz mono PCM into Opus packets of frame each.
func encodeOpus(t testing.TB, pcm []int16, frame time.Duration) [][]byte {
	t.Helper()
	var c opusCollector
	enc, err := opus.Encode(&c, 1, logger.GetDiscardLogger())
	if err != nil {
		t.Fatal(err)
	}
	n := int(frame * 48000 / time.Second)
	for off := 0; off+n <= len(pcm); off += n {
		if err := enc.WriteSample(pcm[off : off+n]); err != nil {
			t.Fatal(err)
		}
	}
	return c.packets
}

func tone(freq float64, rate int, d time.Duration, amp float64) []int16 {
	n := int(d * time.Duration(rate) / time.Second)
	out := make([]int16, n)
	for i := range out {
		out[i] = int16(amp * 32767 * math.Sin(2*math.Pi*freq*float64(i)/float64(rate)))
	}
	return out
}

func silence(rate int, d time.Duration) []int16 {
	return make([]int16, int(d*time.Duration(rate)/time.Second))
}

// goertzel is the power of freq in samples, normalised by length.
func goertzel(samples []int16, rate int, freq float64) float64 {
	w := 2 * math.Pi * freq / float64(rate)
	coeff := 2 * math.Cos(w)
	var s1, s2 float64
	for _, x := range samples {
		s0 := float64(x)/32768 + coeff*s1 - s2
		s2, s1 = s1, s0
	}
	return (s1*s1 + s2*s2 - coeff*s1*s2) / float64(len(samples)*len(samples))
}

// envelope is the RMS of each win-sample window.
func envelope(samples []int16, win int) []float64 {
	var out []float64
	for off := 0; off+win <= len(samples); off += win {
		out = append(out, audio.RMS(samples[off:off+win]))
	}
	return out
}

// bestCorrelation is the highest Pearson correlation of b against a shifted
// by 0..maxLag windows, and that lag.
func bestCorrelation(a, b []float64, maxLag int) (float64, int) {
	best, bestLag := -1.0, 0
	for lag := 0; lag <= maxLag && lag < len(b); lag++ {
		n := min(len(a), len(b)-lag)
		if n < 10 {
			break
		}
		if c := pearson(a[:n], b[lag:lag+n]); c > best {
			best, bestLag = c, lag
		}
	}
	return best, bestLag
}

func pearson(x, y []float64) float64 {
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= float64(len(x))
	my /= float64(len(y))
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return 0
	}
	return sxy / math.Sqrt(sxx*syy)
}

func loadSpeech(t testing.TB) ([]int16, int) {
	t.Helper()
	f, err := os.Open("../testdata/answer.wav")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, rate, err := audio.DecodeWAV(f)
	if err != nil {
		t.Fatal(err)
	}
	return s, rate
}
