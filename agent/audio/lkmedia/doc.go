// Package lkmedia implements agent/audio's Source and Sink on LiveKit audio
// tracks with server-sdk-go's pkg/media: TrackSource decodes a subscribed
// Opus track to mono PCM at the rate the model wants, TrackSink publishes a
// track that encodes the PCM written to it.
//
// Opus and the resampler are C libraries (libopus, libopusfile, libsoxr), so
// the implementation builds only with cgo; without cgo this package is empty
// and the rest of agent/ still builds against the audio interfaces.
package lkmedia
