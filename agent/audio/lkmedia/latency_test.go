//go:build cgo

package lkmedia_test

import (
	"context"
	"math"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	lkmedia "github.com/livekit/media-sdk"
	"github.com/livekit/media-sdk/opus"
	lkproto "github.com/livekit/protocol/livekit"
	"github.com/livekit/protocol/logger"
	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/pion/webrtc/v4"
	pionmedia "github.com/pion/webrtc/v4/pkg/media"

	"github.com/utopiahire/utopiahire/agent/audio"
	lkbridge "github.com/utopiahire/utopiahire/agent/audio/lkmedia"
)

// Each op is one 500 ms cycle: a 200 ms tone burst, then silence. Latency is
// from the burst entering one side to the first decoded frame carrying it on
// the other, through a real livekit-server on loopback.
const (
	cycle     = 500 * time.Millisecond
	burst     = 200 * time.Millisecond
	loudLevel = 0.05
	warmup    = 2
)

// BenchmarkBridgeLatency measures each direction of the bridge against a
// baseline without it, in the same run:
//
//	in_raw:  candidate sends 20 ms Opus packets → agent decodes raw RTP itself
//	in:      same sender → TrackSource hands the agent 16 kHz frames
//	out_raw: agent sends 10 ms Opus packets (PCMLocalTrack's framing) → candidate decodes
//	out:     TrackSink.Write of 24 kHz PCM → candidate decodes
//
// Bridge overhead per direction is in − in_raw and out − out_raw. The
// baselines still include Opus framing and the encoder's look-ahead, the
// SFU hop and pion; the bridge cannot remove those.
func BenchmarkBridgeLatency(b *testing.B) {
	b.Run("in_raw", func(b *testing.B) { benchIn(b, false) })
	b.Run("in", func(b *testing.B) { benchIn(b, true) })
	b.Run("out_raw", func(b *testing.B) { benchOut(b, false) })
	b.Run("out", func(b *testing.B) { benchOut(b, true) })
}

func benchIn(b *testing.B, bridge bool) {
	p := newPair(b, "latency-in")
	ctx := ctxFor(b, time.Duration(b.N+warmup+10)*cycle+time.Minute)
	send := publishRaw(b, p.cand.LocalParticipant, 20*time.Millisecond)
	remote := waitTrack(b, p.agentTracks)
	heard := receive(b, ctx, remote, bridge)
	cpu := startCPU()
	b.ResetTimer()
	sent := send(b.N + warmup)[warmup:]
	time.Sleep(cycle)
	b.StopTimer()
	report(b, heard.latencies(sent), cpu.percent())
}

func benchOut(b *testing.B, bridge bool) {
	p := newPair(b, "latency-out")
	ctx := ctxFor(b, time.Duration(b.N+warmup+10)*cycle+time.Minute)
	var send func(n int) []time.Time
	if bridge {
		send = publishSink(b, ctx, p.agent.LocalParticipant)
	} else {
		send = publishRaw(b, p.agent.LocalParticipant, 10*time.Millisecond)
	}
	heard := receive(b, ctx, waitTrack(b, p.candTrks), false)
	cpu := startCPU()
	b.ResetTimer()
	sent := send(b.N + warmup)[warmup:]
	time.Sleep(cycle)
	b.StopTimer()
	report(b, heard.latencies(sent), cpu.percent())
}

// publishRaw publishes a plain Opus sample track; the returned func sends n
// cycles of pre-encoded packets in real time and returns each burst's start.
func publishRaw(b *testing.B, lp *lksdk.LocalParticipant, frame time.Duration) func(n int) []time.Time {
	track, err := webrtc.NewTrackLocalStaticSample(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeOpus, ClockRate: 48000, Channels: 2}, "mic", "raw")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := lp.PublishTrack(track, &lksdk.TrackPublicationOptions{Name: "mic", Source: lkproto.TrackSource_MICROPHONE}); err != nil {
		b.Fatal(err)
	}
	packets := encodeOpus(b, append(tone(440, 48000, burst, 0.3), silence(48000, cycle-burst)...), frame)
	return func(n int) []time.Time {
		tick := time.NewTicker(frame)
		defer tick.Stop()
		var sent []time.Time
		for range n {
			for i, pkt := range packets {
				<-tick.C
				if i == 0 {
					sent = append(sent, time.Now())
				}
				if err := track.WriteSample(pionmedia.Sample{Data: pkt, Duration: frame}); err != nil {
					b.Fatal(err)
				}
			}
		}
		return sent
	}
}

// publishSink is publishRaw's counterpart through the bridge: 24 kHz PCM
// bursts written to a TrackSink, which plays silence in between.
func publishSink(b *testing.B, ctx context.Context, lp *lksdk.LocalParticipant) func(n int) []time.Time {
	sink, err := lkbridge.PublishSink(ctx, lp, lkbridge.SinkOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { sink.Close() })
	pcm := tone(440, audio.ModelOutputRate, burst, 0.3)
	return func(n int) []time.Time {
		var sent []time.Time
		next := time.Now()
		for range n {
			time.Sleep(time.Until(next))
			next = next.Add(cycle)
			sent = append(sent, time.Now())
			if err := sink.Write(ctx, pcm); err != nil {
				b.Fatal(err)
			}
		}
		return sent
	}
}

// receive records loud frames from remote: through a TrackSource when
// bridge is set, else by decoding raw RTP at 48 kHz with no jitter buffer.
func receive(b *testing.B, ctx context.Context, remote *webrtc.TrackRemote, bridge bool) *onsets {
	heard := &onsets{}
	if bridge {
		src, err := lkbridge.NewTrackSource(remote, lkbridge.SourceOptions{})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { src.Close() })
		go func() {
			for {
				f, err := src.ReadFrame(ctx)
				if err != nil {
					return
				}
				heard.add(time.Now(), audio.RMS(f.Samples))
			}
		}()
		return heard
	}
	dec, err := opus.Decode(heard, 1, logger.GetDiscardLogger())
	if err != nil {
		b.Fatal(err)
	}
	go func() {
		for {
			pkt, _, err := remote.ReadRTP()
			if err != nil {
				return
			}
			_ = dec.WriteSample(opus.Sample(pkt.Payload))
		}
	}()
	return heard
}

// onsets records when decoded audio was loud. It is also the PCM writer
// the raw receiver's Opus decoder writes to.
type onsets struct {
	mu   sync.Mutex
	at   []time.Time
	loud []bool
}

func (o *onsets) add(at time.Time, rms float64) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.at = append(o.at, at)
	o.loud = append(o.loud, rms > loudLevel)
}

func (o *onsets) String() string  { return "onsets" }
func (o *onsets) SampleRate() int { return 48000 }
func (o *onsets) Close() error    { return nil }
func (o *onsets) WriteSample(s lkmedia.PCM16Sample) error {
	o.add(time.Now(), audio.RMS(s))
	return nil
}

// latencies pairs each send time with the first loud frame within the cycle
// after it; a burst never heard is left out and counted by report.
func (o *onsets) latencies(sent []time.Time) []time.Duration {
	o.mu.Lock()
	defer o.mu.Unlock()
	var out []time.Duration
	for _, s := range sent {
		for i, at := range o.at {
			if at.After(s) && at.Before(s.Add(cycle-burst/2)) && o.loud[i] {
				out = append(out, at.Sub(s))
				break
			}
		}
	}
	return out
}

func report(b *testing.B, lat []time.Duration, cpuPercent float64) {
	b.Helper()
	if len(lat) == 0 {
		b.Fatal("no burst was heard")
	}
	slices.Sort(lat)
	ms := func(q float64) float64 {
		i := int(math.Ceil(q*float64(len(lat)))) - 1
		return float64(lat[max(i, 0)]) / float64(time.Millisecond)
	}
	b.ReportMetric(ms(0.5), "p50_ms")
	b.ReportMetric(ms(0.95), "p95_ms")
	b.ReportMetric(ms(1), "max_ms")
	b.ReportMetric(float64(b.N-len(lat)), "missed")
	b.ReportMetric(cpuPercent, "cpu_%")
}

// cpuMeter is this process's CPU use (both test participants, all their
// WebRTC work) over wall time; livekit-server runs in its own process.
type cpuMeter struct {
	start time.Time
	cpu   time.Duration
}

func startCPU() cpuMeter { return cpuMeter{start: time.Now(), cpu: cpuTime()} }

func (c cpuMeter) percent() float64 {
	return 100 * float64(cpuTime()-c.cpu) / float64(time.Since(c.start))
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru) // cannot fail for RUSAGE_SELF
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
