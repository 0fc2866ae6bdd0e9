package agent

import (
	"time"

	"github.com/utopiahire/utopiahire/agent/audio"
)

// vad is an energy voice-activity detector for rehearsal mode's turn
// taking: speech starts after minSpeech of loud frames and ends after
// hangover of quiet ones.
type vad struct {
	level     float64
	minSpeech time.Duration
	hangover  time.Duration

	speaking bool
	loud     time.Duration
	quiet    time.Duration
	start    time.Time
}

func newVAD(hangover time.Duration) *vad {
	return &vad{level: voicedLevel, minSpeech: 120 * time.Millisecond, hangover: hangover}
}

// push feeds one frame and reports a start or an end of speech.
func (v *vad) push(f audio.Frame) (started, ended bool) {
	d := f.Duration()
	loud := audio.RMS(f.Samples) > v.level
	if !v.speaking {
		if !loud {
			v.loud = 0
			return false, false
		}
		if v.loud == 0 {
			v.start = f.At.Add(-d)
		}
		v.loud += d
		if v.loud >= v.minSpeech {
			v.speaking, v.quiet = true, 0
			return true, false
		}
		return false, false
	}
	if loud {
		v.quiet = 0
		return false, false
	}
	v.quiet += d
	if v.quiet >= v.hangover {
		v.speaking, v.loud = false, 0
		return false, true
	}
	return false, false
}
