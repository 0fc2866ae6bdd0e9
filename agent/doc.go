// Package agent is the voice interviewer: a Worker takes interviews from
// the hub's dispatch channel, claims them from the server, joins each
// LiveKit room, bridges the candidate's audio to Gemini Live (or runs a
// rehearsal script with local text-to-speech when no key is configured),
// publishes every utterance and state change on interview:<id> as it
// happens, and ends with a structured report saved to the server.
//
// It builds without cgo: LiveKit audio (Opus) is behind the Room and
// RoomJoiner interfaces, implemented by agent/lkroom. See docs/agent.md.
package agent
