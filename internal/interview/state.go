package interview

import (
	"fmt"
	"slices"

	"github.com/utopiahire/utopiahire/internal/apperr"
)

// State is where an interview is in its lifecycle.
type State string

// States. The last four are terminal.
const (
	Created         State = "created"
	WaitingForAgent State = "waiting_for_agent"
	InProgress      State = "in_progress"
	Completed       State = "completed"
	Terminated      State = "terminated"
	Failed          State = "failed"
	Abandoned       State = "abandoned"
)

// next is the state machine: the states each state may move to.
var next = map[State][]State{
	Created:         {WaitingForAgent, Failed, Abandoned},
	WaitingForAgent: {InProgress, Failed, Abandoned},
	InProgress:      {Completed, Terminated, Failed, Abandoned},
}

// LiveStates are the states an interview can still leave.
var LiveStates = []State{Created, WaitingForAgent, InProgress}

// Terminal reports whether s is a final state.
func (s State) Terminal() bool { return s.Valid() && len(next[s]) == 0 }

// Valid reports whether s is a known state.
func (s State) Valid() bool {
	switch s {
	case Created, WaitingForAgent, InProgress, Completed, Terminated, Failed, Abandoned:
		return true
	}
	return false
}

// CanMove reports whether the machine allows from → to.
func CanMove(from, to State) bool { return slices.Contains(next[from], to) }

// sourcesOf lists the states from which to can be reached.
func sourcesOf(to State) []string {
	var out []string
	for from, tos := range next {
		if slices.Contains(tos, to) {
			out = append(out, string(from))
		}
	}
	slices.Sort(out)
	return out
}

// IllegalTransition is the error for a move the machine refuses; it maps to
// 409 with code "illegal_transition" and says where the interview is.
func IllegalTransition(from, to State) *apperr.Error {
	return apperr.New(apperr.Conflict, CodeIllegalTransition,
		fmt.Sprintf("The interview is %s; it cannot become %s.", from, to)).
		With("state", string(from)).With("target", string(to))
}

// Reason says why an interview ended or moved; Code is stable, Message is
// what the candidate reads.
type Reason struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Reasons the server gives on its own.
var (
	ReasonNoInterviewer = Reason{"no_interviewer", "No interviewer was available in time. Please start a new session."}
	ReasonDidNotJoin    = Reason{"interviewer_did_not_join", "The interviewer could not join the room. Please start a new session."}
	ReasonSetupFailed   = Reason{"setup_failed", "The interview room could not be prepared. Please try again."}
	ReasonCandidateLeft = Reason{"candidate_left", "You left the interview room and did not come back in time."}
	ReasonAgentLost     = Reason{"interviewer_disconnected", "The interviewer lost its connection and did not come back."}
	ReasonNoReport      = Reason{"report_not_saved", "The interview ended but its report could not be produced."}
	ReasonTooLong       = Reason{"too_long", "The interview went past its maximum duration."}
	ReasonRoomClosed    = Reason{"room_closed", "The interview room closed before the interview finished."}
	ReasonLiveKitDown   = Reason{"livekit_unavailable", "The audio service is unavailable; please try again shortly."}
)
