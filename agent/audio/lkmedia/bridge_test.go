//go:build cgo

package lkmedia_test

import (
	"context"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/livekit/server-sdk-go/v2/pkg/media"

	"github.com/utopiahire/utopiahire/agent/audio"
	"github.com/utopiahire/utopiahire/agent/audio/lkmedia"
	"github.com/utopiahire/utopiahire/internal/livekit/livekittest"
)

// The candidate speaks a recorded answer; the agent's bridge must hand out
// 16 kHz mono PCM carrying that speech.
func TestCandidateSpeechReachesAgentAs16kPCM(t *testing.T) {
	p := newPair(t, "bridge-in")
	ctx := ctxFor(t, 60*time.Second)
	speech, rate := loadSpeech(t)

	mic, err := lkmedia.PublishSink(ctx, p.cand.LocalParticipant, lkmedia.SinkOptions{SampleRate: rate, TrackName: "mic"})
	if err != nil {
		t.Fatal(err)
	}
	src, err := lkmedia.NewTrackSource(waitTrack(t, p.agentTracks), lkmedia.SourceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()

	if err := mic.Write(ctx, speech); err != nil {
		t.Fatal(err)
	}
	got := readFor(t, src, audio.Duration(len(speech), rate)+time.Second)

	speechEnv := envelope(speech, rate/50)
	gotEnv := envelope(got, audio.ModelInputRate/50)
	corr, lag := bestCorrelation(speechEnv, gotEnv, 50)
	t.Logf("received %s of audio, rms %.3f (sent %.3f), envelope correlation %.2f at lag %d ms, dropped %d",
		audio.Duration(len(got), audio.ModelInputRate), audio.RMS(got), audio.RMS(speech), corr, lag*20, src.Dropped())
	if audio.Duration(len(got), audio.ModelInputRate) < audio.Duration(len(speech), rate)*9/10 {
		t.Errorf("received %d samples, want about %d", len(got), len(speech))
	}
	if corr < 0.8 {
		t.Errorf("received audio does not follow the speech envelope: correlation %.2f", corr)
	}

	// Close hands out what is buffered, then io.EOF.
	src.Close()
	for {
		if _, err := src.ReadFrame(ctx); err != nil {
			if !errors.Is(err, io.EOF) {
				t.Fatalf("after Close: %v, want io.EOF", err)
			}
			break
		}
	}
}

// readFor collects frames for d, checking each is at the model's input rate.
func readFor(t *testing.T, src *lkmedia.TrackSource, d time.Duration) []int16 {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	var got []int16
	for {
		f, err := src.ReadFrame(ctx)
		if err != nil {
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("read frame: %v", err)
			}
			return got
		}
		if f.SampleRate != audio.ModelInputRate {
			t.Fatalf("frame at %d Hz, want %d", f.SampleRate, audio.ModelInputRate)
		}
		got = append(got, f.Samples...)
	}
}

// The agent speaks at the model's 24 kHz; the candidate decodes it.
func TestAgentSpeechReachesCandidate(t *testing.T) {
	p := newPair(t, "bridge-out")
	ctx := ctxFor(t, 60*time.Second)
	sink, err := lkmedia.PublishSink(ctx, p.agent.LocalParticipant, lkmedia.SinkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sink.SampleRate() != audio.ModelOutputRate {
		t.Fatalf("sink rate %d", sink.SampleRate())
	}
	rec := &pcmRecorder{rate: 48000}
	remote, err := media.NewPCMRemoteTrack(waitTrack(t, p.candTrks), rec, media.WithLogger(livekittest.QuietSDKLogger()))
	if err != nil {
		t.Fatal(err)
	}
	defer remote.Close()
	// The candidate's subscription settles before the first reply is sent:
	// the sink sends silence meanwhile, so wait for any decoded audio.
	for deadline := time.Now().Add(15 * time.Second); len(rec.snapshot()) == 0; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("candidate decoded no audio from the agent's track within 15s")
		}
	}

	t.Run("tones decoded in order", func(t *testing.T) { checkToneSequence(t, ctx, sink, rec) })
	t.Run("clear stops playback", func(t *testing.T) { checkClear(t, ctx, sink, rec) })
	t.Run("write blocks when queue full", func(t *testing.T) { checkBackpressure(t, ctx, p) })
}

func checkToneSequence(t *testing.T, ctx context.Context, sink *lkmedia.TrackSink, rec *pcmRecorder) {
	freqs := []float64{400, 800, 1200}
	var pcm []int16
	for _, f := range freqs {
		pcm = append(pcm, tone(f, audio.ModelOutputRate, 300*time.Millisecond, 0.3)...)
		pcm = append(pcm, silence(audio.ModelOutputRate, 200*time.Millisecond)...)
	}
	start := time.Now()
	if err := sink.Write(ctx, pcm); err != nil {
		t.Fatal(err)
	}
	// Playback began when Write queued the audio; under -race resampling
	// 1.5 s takes a noticeable part of that.
	if q, elapsed := sink.Queued(), time.Since(start); q > 1500*time.Millisecond || q < 1500*time.Millisecond-elapsed-20*time.Millisecond {
		t.Errorf("queued %s %s after starting to write 1.5s", q, elapsed)
	}
	if err := sink.WaitPlayout(ctx); err != nil {
		t.Fatal(err)
	}
	// Network and jitter buffer: wait for the three tones to arrive, up to a
	// bound that only a loaded machine needs.
	var segs [][]int16
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		var got []int16
		for _, s := range rec.snapshot() {
			if s.at.After(start) {
				got = append(got, s.samples...)
			}
		}
		segs = loudSegments(got, 48000)
		if len(segs) >= len(freqs) || time.Now().After(deadline) {
			break
		}
	}
	var heard []float64
	for _, seg := range segs {
		best, bestP := 0.0, 0.0
		for _, f := range freqs {
			if p := goertzel(seg, 48000, f); p > bestP {
				best, bestP = f, p
			}
		}
		heard = append(heard, best)
	}
	t.Logf("heard tones %v", heard)
	if len(heard) != len(freqs) {
		t.Fatalf("heard %d tones, want %d", len(heard), len(freqs))
	}
	for i := range freqs {
		if heard[i] != freqs[i] {
			t.Errorf("tone %d: heard %.0f Hz, want %.0f Hz", i, heard[i], freqs[i])
		}
	}
}

// loudSegments splits samples into runs of 10 ms windows above speech-level
// energy, ignoring runs shorter than 100 ms.
func loudSegments(samples []int16, rate int) [][]int16 {
	win := rate / 100
	var segs [][]int16
	start := -1
	for off := 0; off+win <= len(samples)+win; off += win {
		loud := off+win <= len(samples) && audio.RMS(samples[off:off+win]) > 0.05
		switch {
		case loud && start < 0:
			start = off
		case !loud && start >= 0:
			if off-start >= rate/10 {
				segs = append(segs, samples[start:off])
			}
			start = -1
		}
	}
	return segs
}

// Barge-in: Clear drops the queued reply, and the candidate hears silence
// right after.
func checkClear(t *testing.T, ctx context.Context, sink *lkmedia.TrackSink, rec *pcmRecorder) {
	const reply = 5 * time.Second
	written := time.Now()
	if err := sink.Write(ctx, tone(600, audio.ModelOutputRate, reply, 0.3)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second)
	clearedAt := time.Now()
	dropped := sink.Clear()
	// Playback cannot have run ahead of the wall clock since Write began, so
	// at least the rest of the reply is dropped; on a loaded machine Write
	// itself may take a while, hence the bound from elapsed time, not 4s.
	if least := reply - clearedAt.Sub(written) - 100*time.Millisecond; dropped < least || dropped > reply || dropped < time.Second {
		t.Errorf("Clear dropped %s of a %s reply %s after writing it, want at least %s (and 1s)", dropped, reply, clearedAt.Sub(written), least)
	}
	if q := sink.Queued(); q != 0 {
		t.Errorf("queued %s after Clear", q)
	}
	time.Sleep(time.Second)

	var lastLoud time.Time
	var loudBefore bool
	for _, s := range rec.snapshot() {
		if audio.RMS(s.samples) > 0.05 {
			if s.at.Before(clearedAt) {
				loudBefore = true
			}
			lastLoud = s.at
		}
	}
	if !loudBefore {
		t.Fatal("candidate heard nothing before Clear")
	}
	stopAfter := lastLoud.Sub(clearedAt)
	t.Logf("last loud audio decoded %s after Clear", stopAfter)
	// Without Clear the tone would go on for four more seconds.
	if stopAfter > 500*time.Millisecond {
		t.Errorf("candidate still heard the reply %s after Clear", stopAfter)
	}
}

func checkBackpressure(t *testing.T, ctx context.Context, p *pair) {
	sink, err := lkmedia.PublishSink(ctx, p.agent.LocalParticipant, lkmedia.SinkOptions{
		// Generous sizes so that a loaded machine, slow between two writes,
		// does not drain the queue before the second one.
		TrackName: "small-queue", MaxQueued: 2 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer sink.Close()
	chunk := silence(audio.ModelOutputRate, 1800*time.Millisecond)
	if err := sink.Write(ctx, chunk); err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if err := sink.Write(short, chunk); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("second write into a full queue: %v, want deadline exceeded", err)
	}
	start := time.Now()
	if err := sink.Write(ctx, chunk); err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(start); waited < 200*time.Millisecond {
		t.Errorf("write into a full queue returned after %s", waited)
	}
	if err := sink.Close(); err != nil {
		t.Fatal(err)
	}
	if err := sink.Write(ctx, chunk); !errors.Is(err, lkmedia.ErrSinkClosed) {
		t.Errorf("write after Close: %v", err)
	}
}
