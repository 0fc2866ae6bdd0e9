// Package audio is the interviewer's view of sound: mono 16-bit PCM frames,
// the Source and Sink the voice agent reads the candidate from and speaks
// into, and conversions between PCM, little-endian bytes (the Gemini Live
// wire format) and WAV (espeak-ng's output).
//
// It needs no cgo. The LiveKit implementation of Source and Sink, which
// decodes and encodes Opus through cgo, is agent/audio/lkmedia.
package audio

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"
)

// Rates the voice agent uses: Gemini Live takes 16 kHz in and speaks 24 kHz.
const (
	ModelInputRate  = 16000
	ModelOutputRate = 24000
)

// Frame is a run of mono signed 16-bit PCM samples.
type Frame struct {
	Samples    []int16
	SampleRate int
	// At is when the bridge produced the frame, for latency accounting.
	At time.Time
}

// Duration is how long the frame plays.
func (f Frame) Duration() time.Duration {
	return Duration(len(f.Samples), f.SampleRate)
}

// Source delivers one participant's audio as mono PCM at SampleRate.
type Source interface {
	// ReadFrame blocks for the next frame. It returns io.EOF once the source
	// is closed and drained, or ctx's error.
	ReadFrame(ctx context.Context) (Frame, error)
	SampleRate() int
}

// Sink plays mono PCM at SampleRate into the room.
type Sink interface {
	// Write queues samples for playout. It blocks while the queue is full,
	// until there is room or ctx ends.
	Write(ctx context.Context, samples []int16) error
	// Clear drops everything queued and not yet played (barge-in) and
	// returns how much audio was dropped.
	Clear() time.Duration
	// Queued is how much written audio has not been played yet.
	Queued() time.Duration
	SampleRate() int
}

// ErrOddLength means a PCM16 byte buffer ended in the middle of a sample.
var ErrOddLength = errors.New("pcm16: odd number of bytes")

// Duration is the play time of n samples at rate.
func Duration(n, rate int) time.Duration {
	if rate <= 0 {
		return 0
	}
	return time.Duration(n) * time.Second / time.Duration(rate)
}

// AppendPCM16LE appends samples to dst as little-endian bytes.
func AppendPCM16LE(dst []byte, samples []int16) []byte {
	for _, s := range samples {
		dst = append(dst, byte(s), byte(uint16(s)>>8))
	}
	return dst
}

// ParsePCM16LE reads little-endian 16-bit samples.
func ParsePCM16LE(b []byte) ([]int16, error) {
	if len(b)%2 != 0 {
		return nil, fmt.Errorf("parse %d bytes: %w", len(b), ErrOddLength)
	}
	out := make([]int16, len(b)/2)
	for i := range out {
		out[i] = int16(uint16(b[2*i]) | uint16(b[2*i+1])<<8)
	}
	return out, nil
}

// RMS is the root mean square of samples relative to full scale (0..1).
// Silence is near 0; normal speech lands around 0.02-0.2.
func RMS(samples []int16) float64 {
	if len(samples) == 0 {
		return 0
	}
	var sum float64
	for _, s := range samples {
		v := float64(s) / 32768
		sum += v * v
	}
	return math.Sqrt(sum / float64(len(samples)))
}
