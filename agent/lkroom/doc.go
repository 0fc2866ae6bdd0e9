// Package lkroom joins LiveKit rooms as the interviewer: it implements
// agent.RoomJoiner with server-sdk-go, publishing the interviewer's voice
// through agent/audio/lkmedia and decoding the candidate's microphone.
//
// Like lkmedia it needs cgo (Opus); without cgo the package is empty.
package lkroom
