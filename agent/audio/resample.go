package audio

import (
	"fmt"
	"math"
)

// Resampler converts a stream of mono PCM between two sample rates with a
// polyphase windowed-sinc filter. It keeps only the filter's history between
// calls, so every input chunk produces its output at once: the added delay is
// the filter's group delay (about 1 ms), where the frame-buffering resampler
// in livekit's media-sdk adds one frame (10-20 ms) per conversion.
//
// A Resampler is not safe for concurrent use.
type Resampler struct {
	from, to int
	up, down int64       // to/from reduced: output is input upsampled by up, decimated by down
	taps     int         // filter taps per phase
	phases   [][]float64 // phases[p][j] multiplies x[k-j] for output phase p
	hist     []float64   // the last taps-1 input samples
	buf      []float64
	inCount  int64 // input samples consumed so far
	nextU    int64 // upsampled-time index of the next output sample
}

// zeroCrossings per side of the sinc, at the lower of the two rates. 16
// gives a stop band near -74 dB with the Blackman window, ample for speech.
const zeroCrossings = 16

// NewResampler returns a Resampler from one rate to another (Hz).
func NewResampler(from, to int) (*Resampler, error) {
	if from < 1000 || to < 1000 || from > 384000 || to > 384000 {
		return nil, fmt.Errorf("resample %d Hz to %d Hz: rates must be within 1-384 kHz", from, to)
	}
	g := gcd(from, to)
	up, down := to/g, from/g
	if up > 4096 || down > 4096 {
		return nil, fmt.Errorf("resample %d Hz to %d Hz: ratio %d/%d too fine", from, to, up, down)
	}
	r := &Resampler{from: from, to: to, up: int64(up), down: int64(down)}
	r.design()
	r.Reset()
	return r, nil
}

// design builds the prototype low-pass at the upsampled rate and splits it
// into up phases of taps coefficients each.
func (r *Resampler) design() {
	l, widest := int(r.up), int(max(r.up, r.down))
	n := 2*zeroCrossings*widest + 1
	cutoff := 0.5 / float64(widest) * 0.92 // cycles per upsampled sample, a little below Nyquist
	center := float64(n-1) / 2
	proto := make([]float64, n)
	var sum float64
	for i := range proto {
		x := float64(i) - center
		sinc := 2 * cutoff
		if x != 0 {
			sinc = math.Sin(2*math.Pi*cutoff*x) / (math.Pi * x)
		}
		w := 0.42 - 0.5*math.Cos(2*math.Pi*float64(i)/float64(n-1)) + 0.08*math.Cos(4*math.Pi*float64(i)/float64(n-1))
		proto[i] = sinc * w
		sum += proto[i]
	}
	r.taps = (n + l - 1) / l
	r.phases = make([][]float64, l)
	for p := range r.phases {
		r.phases[p] = make([]float64, r.taps)
		for j := range r.taps {
			if i := p + j*l; i < n {
				// Zero-stuffing by up divides the gain by up; restore it.
				r.phases[p][j] = proto[i] * float64(l) / sum
			}
		}
	}
}

// Reset forgets the stream so far, as after a barge-in.
func (r *Resampler) Reset() {
	r.hist = make([]float64, r.taps-1)
	r.inCount, r.nextU = 0, 0
}

// From is the input rate.
func (r *Resampler) From() int { return r.from }

// To is the output rate.
func (r *Resampler) To() int { return r.to }

// Process resamples in and appends the result to dst.
func (r *Resampler) Process(dst, in []int16) []int16 {
	if r.up == r.down {
		return append(dst, in...)
	}
	// buf holds x[base .. inCount+len(in)), base = inCount-(taps-1).
	r.buf = append(r.buf[:0], r.hist...)
	for _, s := range in {
		r.buf = append(r.buf, float64(s))
	}
	base := r.inCount - int64(r.taps-1)
	r.inCount += int64(len(in))
	for {
		k := r.nextU / r.up // newest input sample this output uses
		if k >= r.inCount {
			break
		}
		h := r.phases[r.nextU%r.up]
		newest := int(k - base)
		var acc float64
		for j, c := range h {
			acc += c * r.buf[newest-j]
		}
		dst = append(dst, clamp16(acc))
		r.nextU += r.down
	}
	copy(r.hist, r.buf[len(r.buf)-len(r.hist):])
	return dst
}

func clamp16(v float64) int16 {
	v = math.Round(v)
	switch {
	case v > math.MaxInt16:
		return math.MaxInt16
	case v < math.MinInt16:
		return math.MinInt16
	}
	return int16(v)
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}
