package audio

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// MaxWAVBytes caps what DecodeWAV reads: ten minutes of 48 kHz stereo.
const MaxWAVBytes = 10 * 60 * 48000 * 2 * 2

// ErrNotWAV means the input is not a RIFF/WAVE file this package decodes.
var ErrNotWAV = errors.New("not a 16-bit PCM WAV file")

// DecodeWAV reads a RIFF WAVE file of 16-bit integer PCM and returns it as
// mono samples (channels averaged) with its sample rate. It reads the stream
// in order, so it also takes espeak-ng's stdout, whose header sizes are
// placeholders; the data then runs to end of input.
func DecodeWAV(r io.Reader) ([]int16, int, error) {
	r = io.LimitReader(r, MaxWAVBytes+1024)
	var hdr [12]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, 0, fmt.Errorf("read riff header: %w", ErrNotWAV)
	}
	if string(hdr[0:4]) != "RIFF" || string(hdr[8:12]) != "WAVE" {
		return nil, 0, ErrNotWAV
	}
	var (
		fmtSeen  bool
		channels int
		rate     int
	)
	for {
		var ch [8]byte
		if _, err := io.ReadFull(r, ch[:]); err != nil {
			return nil, 0, fmt.Errorf("no data chunk: %w", ErrNotWAV)
		}
		id, size := string(ch[0:4]), binary.LittleEndian.Uint32(ch[4:8])
		switch id {
		case "fmt ":
			var err error
			channels, rate, err = readFmt(r, size)
			if err != nil {
				return nil, 0, err
			}
			fmtSeen = true
		case "data":
			if !fmtSeen {
				return nil, 0, fmt.Errorf("data before fmt: %w", ErrNotWAV)
			}
			samples, err := readData(r, size, channels)
			return samples, rate, err
		default:
			if err := skip(r, size); err != nil {
				return nil, 0, err
			}
		}
	}
}

func readFmt(r io.Reader, size uint32) (channels, rate int, err error) {
	if size < 16 || size > 1024 {
		return 0, 0, fmt.Errorf("fmt chunk of %d bytes: %w", size, ErrNotWAV)
	}
	buf := make([]byte, size+size%2)
	if _, err := io.ReadFull(r, buf); err != nil {
		return 0, 0, fmt.Errorf("read fmt chunk: %w", ErrNotWAV)
	}
	format := binary.LittleEndian.Uint16(buf[0:2])
	channels = int(binary.LittleEndian.Uint16(buf[2:4]))
	rate = int(binary.LittleEndian.Uint32(buf[4:8]))
	bits := binary.LittleEndian.Uint16(buf[14:16])
	const pcm, extensible = 1, 0xFFFE
	if (format != pcm && format != extensible) || bits != 16 {
		return 0, 0, fmt.Errorf("format %d with %d bits: %w", format, bits, ErrNotWAV)
	}
	if channels < 1 || channels > 8 || rate < 1000 || rate > 384000 {
		return 0, 0, fmt.Errorf("%d channels at %d Hz: %w", channels, rate, ErrNotWAV)
	}
	return channels, rate, nil
}

// readData reads the data chunk. Streams (espeak-ng --stdout) carry a
// placeholder size, so a short read at end of input is the end of the data.
func readData(r io.Reader, size uint32, channels int) ([]int16, error) {
	want := int64(size)
	if want == 0 || want > MaxWAVBytes {
		want = MaxWAVBytes
	}
	raw, err := io.ReadAll(io.LimitReader(r, want+1))
	if err != nil {
		return nil, fmt.Errorf("read wav data: %w", err)
	}
	if int64(len(raw)) > MaxWAVBytes {
		return nil, fmt.Errorf("wav data over %d bytes", MaxWAVBytes)
	}
	if int64(len(raw)) > want {
		raw = raw[:want]
	}
	frame := 2 * channels
	raw = raw[:len(raw)-len(raw)%frame]
	out := make([]int16, len(raw)/frame)
	for i := range out {
		var sum int
		for c := 0; c < channels; c++ {
			off := i*frame + 2*c
			sum += int(int16(binary.LittleEndian.Uint16(raw[off:])))
		}
		out[i] = int16(sum / channels)
	}
	return out, nil
}

func skip(r io.Reader, size uint32) error {
	n := int64(size) + int64(size%2)
	if n > MaxWAVBytes {
		return fmt.Errorf("chunk of %d bytes: %w", size, ErrNotWAV)
	}
	if _, err := io.CopyN(io.Discard, r, n); err != nil {
		return fmt.Errorf("skip chunk: %w", ErrNotWAV)
	}
	return nil
}

// EncodeWAV returns mono 16-bit samples at rate as a WAV file.
func EncodeWAV(samples []int16, rate int) []byte {
	data := 2 * len(samples)
	b := make([]byte, 0, 44+data)
	b = append(b, "RIFF"...)
	b = binary.LittleEndian.AppendUint32(b, uint32(36+data))
	b = append(b, "WAVEfmt "...)
	b = binary.LittleEndian.AppendUint32(b, 16)
	b = binary.LittleEndian.AppendUint16(b, 1) // integer PCM
	b = binary.LittleEndian.AppendUint16(b, 1) // mono
	b = binary.LittleEndian.AppendUint32(b, uint32(rate))
	b = binary.LittleEndian.AppendUint32(b, uint32(rate*2))
	b = binary.LittleEndian.AppendUint16(b, 2)
	b = binary.LittleEndian.AppendUint16(b, 16)
	b = append(b, "data"...)
	b = binary.LittleEndian.AppendUint32(b, uint32(data))
	return AppendPCM16LE(b, samples)
}
