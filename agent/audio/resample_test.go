package audio_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/agent/audio"
)

func power(samples []int16, rate int, freq float64) float64 {
	w := 2 * math.Pi * freq / float64(rate)
	coeff := 2 * math.Cos(w)
	var s1, s2 float64
	for _, x := range samples {
		s0 := float64(x)/32768 + coeff*s1 - s2
		s2, s1 = s1, s0
	}
	return (s1*s1 + s2*s2 - coeff*s1*s2) / float64(len(samples)*len(samples))
}

func TestResamplerKeepsTonesInBand(t *testing.T) {
	tests := []struct {
		from, to int
		freq     float64
	}{
		{48000, 16000, 1000},
		{48000, 16000, 5000},
		{24000, 48000, 440},
		{24000, 48000, 9000},
		{22050, 48000, 700},
		{16000, 24000, 3000},
		{44100, 16000, 2500},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d_to_%d_%.0fHz", tt.from, tt.to, tt.freq), func(t *testing.T) {
			r, err := audio.NewResampler(tt.from, tt.to)
			if err != nil {
				t.Fatal(err)
			}
			in := tone(tt.freq, tt.from, tt.from/2, 0.5)
			out := r.Process(nil, in)
			wantLen := len(in) * tt.to / tt.from
			if d := len(out) - wantLen; d < -1 || d > 1 {
				t.Errorf("%d -> %d Hz: %d samples out for %d in, want %d", tt.from, tt.to, len(out), len(in), wantLen)
			}
			// Skip the filter's start-up, then compare level and pitch.
			steady := out[len(out)/10:]
			if rms := audio.RMS(steady); math.Abs(20*math.Log10(rms/(0.5/math.Sqrt2))) > 0.5 {
				t.Errorf("%d -> %d Hz, %.0f Hz tone: level %.3f, want %.3f (±0.5 dB)", tt.from, tt.to, tt.freq, rms, 0.5/math.Sqrt2)
			}
			if on, off := power(steady, tt.to, tt.freq), power(steady, tt.to, tt.freq*1.3); on < 100*off {
				t.Errorf("%.0f Hz tone not dominant after resampling: %g vs %g", tt.freq, on, off)
			}
		})
	}
}

func TestResamplerRejectsAliases(t *testing.T) {
	r, err := audio.NewResampler(48000, 16000)
	if err != nil {
		t.Fatal(err)
	}
	// 11 kHz is above the 8 kHz Nyquist of the output; unfiltered it would
	// fold to 5 kHz at full level.
	out := r.Process(nil, tone(11000, 48000, 24000, 0.5))
	if db := 20 * math.Log10(audio.RMS(out[len(out)/10:])/(0.5/math.Sqrt2)); db > -40 {
		t.Errorf("alias at %.1f dB, want below -40 dB", db)
	}
}

func TestResamplerStreamingMatchesOneShot(t *testing.T) {
	for _, rates := range [][2]int{{48000, 16000}, {24000, 48000}, {22050, 48000}} {
		in := tone(523, rates[0], rates[0], 0.4)
		whole, _ := audio.NewResampler(rates[0], rates[1])
		want := whole.Process(nil, in)

		chunked, _ := audio.NewResampler(rates[0], rates[1])
		rng := rand.New(rand.NewPCG(1, 2))
		var got []int16
		for off := 0; off < len(in); {
			n := min(1+rng.IntN(700), len(in)-off)
			got = chunked.Process(got, in[off:off+n])
			off += n
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%v: chunked output differs from one shot", rates)
		}
	}
}

func TestResamplerDelayIsShort(t *testing.T) {
	for _, rates := range [][2]int{{48000, 16000}, {24000, 48000}} {
		r, _ := audio.NewResampler(rates[0], rates[1])
		impulse := make([]int16, rates[0]/10)
		impulse[0] = 30000
		out := r.Process(nil, impulse)
		peak := 0
		for i, v := range out {
			if abs(v) > abs(out[peak]) {
				peak = i
			}
		}
		delay := audio.Duration(peak, rates[1])
		t.Logf("%d -> %d Hz: group delay %s", rates[0], rates[1], delay)
		if delay > 2*time.Millisecond {
			t.Errorf("%v: group delay %s", rates, delay)
		}
	}
}

func TestResamplerResetAndPassThrough(t *testing.T) {
	r, _ := audio.NewResampler(48000, 16000)
	in := tone(900, 48000, 4800, 0.3)
	first := r.Process(nil, in)
	r.Process(nil, tone(200, 48000, 999, 0.9))
	r.Reset()
	if diff := cmp.Diff(first, r.Process(nil, in)); diff != "" {
		t.Error("output after Reset differs from a fresh stream")
	}
	same, _ := audio.NewResampler(16000, 16000)
	if diff := cmp.Diff(in, same.Process(nil, in)); diff != "" {
		t.Error("equal rates changed the samples")
	}
	// Filter overshoot on full-scale input must clamp, not wrap around.
	loud, _ := audio.NewResampler(24000, 48000)
	out := loud.Process(nil, tone(1000, 24000, 2400, 1.0))
	for i := 1; i < len(out); i++ {
		if d := int(out[i]) - int(out[i-1]); d > 8000 || d < -8000 {
			t.Fatalf("jump of %d at sample %d: overflow wrapped", d, i)
		}
	}
}

func TestNewResamplerRefusesBadRates(t *testing.T) {
	for _, r := range [][2]int{{0, 16000}, {16000, -1}, {999, 16000}, {16000, 400000}, {48000, 47999}} {
		if _, err := audio.NewResampler(r[0], r[1]); err == nil {
			t.Errorf("accepted %v", r)
		}
	}
}

func BenchmarkResample(b *testing.B) {
	for _, bc := range []struct {
		name     string
		from, to int
	}{{"48k_to_16k", 48000, 16000}, {"24k_to_48k", 24000, 48000}} {
		b.Run(bc.name, func(b *testing.B) {
			r, _ := audio.NewResampler(bc.from, bc.to)
			frame := tone(440, bc.from, bc.from/50, 0.3) // 20 ms
			var out []int16
			b.ReportAllocs()
			for b.Loop() {
				out = r.Process(out[:0], frame)
			}
		})
	}
}

func abs(v int16) int {
	if v < 0 {
		return -int(v)
	}
	return int(v)
}
