package agent

import (
	"context"

	"github.com/utopiahire/utopiahire/agent/audio"
)

// Voice is the interviewer's published audio track.
type Voice interface {
	audio.Sink
	// WaitPlayout blocks until everything written has played.
	WaitPlayout(ctx context.Context) error
}

// Room is the interviewer's presence in one LiveKit room.
type Room interface {
	// Voice is the interviewer's microphone, published on join.
	Voice() Voice
	// CandidateAudio waits for the candidate's microphone track and returns
	// it decoded to 16 kHz mono PCM.
	CandidateAudio(ctx context.Context) (audio.Source, error)
	// CandidateLeft is closed when the candidate leaves (after having
	// joined) or the room closes.
	CandidateLeft() <-chan struct{}
	// Leave disconnects from the room.
	Leave()
}

// RoomJoiner joins rooms; agent/lkroom implements it with LiveKit (cgo).
type RoomJoiner interface {
	Join(ctx context.Context, url, token string) (Room, error)
}
