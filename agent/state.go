package agent

import "time"

// The interviewer's state as LiveKit Agents publish it: the participant
// attribute lk.agent.state, which LiveKit's standard React components
// (useVoiceAssistant) read to show "listening", "thinking" or "speaking".
const (
	AttrAgentState    = "lk.agent.state"
	StateInitializing = "initializing"
	StateListening    = "listening"
	StateThinking     = "thinking"
	StateSpeaking     = "speaking"
)

// StateShower is a Room that shows the interviewer's state to the other
// participants; agent/lkroom sets the participant attribute. Rooms without
// it (test doubles) simply show nothing.
type StateShower interface {
	ShowState(state string)
}

// showState shows s in room when the room can.
func showState(room Room, s string) {
	if sh, ok := room.(StateShower); ok {
		sh.ShowState(s)
	}
}

// speechPause finds the end of the candidate's speech in the frames sent to
// the model, to show the interviewer thinking from then until its answer
// plays (LiveKit Agents show it from the end of the user's turn). It is
// used by one goroutine.
type speechPause struct {
	// after is how long the candidate must stay quiet after speaking: half
	// the model's own end-of-speech silence, so thinking shows as the
	// model closes the turn, and a pause between words rarely counts.
	after      time.Duration
	spoke      bool      // voiced frames since the last answer
	quietSince time.Time // first quiet frame after them
	thinking   bool      // thinking was shown for this utterance
}

func newSpeechPause(modelSilence time.Duration) speechPause {
	if modelSilence <= 0 {
		modelSilence = 500 * time.Millisecond
	}
	return speechPause{after: max(modelSilence/2, 150*time.Millisecond)}
}

// next returns the state to show after one frame of the candidate's audio:
// StateThinking once the candidate spoke and has been quiet long enough with
// no answer playing, StateListening when they speak again before the
// answer, or "" for no change.
func (p *speechPause) next(voiced bool, at time.Time, answering bool) string {
	switch {
	case answering:
		// Speech over the answer is a barge-in (the model handles it); the
		// next utterance starts after this answer.
		p.spoke, p.quietSince, p.thinking = false, time.Time{}, false
	case voiced:
		p.spoke, p.quietSince = true, time.Time{}
		if p.thinking {
			p.thinking = false
			return StateListening
		}
	case !p.spoke || p.thinking:
	case p.quietSince.IsZero():
		p.quietSince = at
	case at.Sub(p.quietSince) >= p.after:
		p.thinking = true
		return StateThinking
	}
	return ""
}
