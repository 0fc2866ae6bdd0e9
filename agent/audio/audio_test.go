package audio_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/agent/audio"
)

func TestPCM16LERoundTrip(t *testing.T) {
	in := []int16{0, 1, -1, 32767, -32768, 258, -258}
	b := audio.AppendPCM16LE(nil, in)
	if want := []byte{0, 0, 1, 0, 0xff, 0xff, 0xff, 0x7f, 0, 0x80, 2, 1, 0xfe, 0xfe}; !bytes.Equal(b, want) {
		t.Fatalf("bytes = %x, want %x", b, want)
	}
	out, err := audio.ParsePCM16LE(b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, out); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	if _, err := audio.ParsePCM16LE([]byte{1, 2, 3}); !errors.Is(err, audio.ErrOddLength) {
		t.Errorf("odd length: %v", err)
	}
}

func TestDurationAndRMS(t *testing.T) {
	if d := (audio.Frame{Samples: make([]int16, 320), SampleRate: 16000}).Duration(); d != 20*time.Millisecond {
		t.Errorf("duration %s", d)
	}
	if d := audio.Duration(10, 0); d != 0 {
		t.Errorf("zero rate duration %s", d)
	}
	if r := audio.RMS(nil); r != 0 {
		t.Errorf("rms of nothing %v", r)
	}
	if r := audio.RMS(make([]int16, 100)); r != 0 {
		t.Errorf("rms of silence %v", r)
	}
	sine := tone(1000, 16000, 16000, 0.5)
	if r := audio.RMS(sine); math.Abs(r-0.5/math.Sqrt2) > 0.01 {
		t.Errorf("rms of 0.5 sine = %v, want %v", r, 0.5/math.Sqrt2)
	}
}

func TestWAVRoundTrip(t *testing.T) {
	in := tone(440, 22050, 2205, 0.3)
	out, rate, err := audio.DecodeWAV(bytes.NewReader(audio.EncodeWAV(in, 22050)))
	if err != nil {
		t.Fatal(err)
	}
	if rate != 22050 {
		t.Errorf("rate %d", rate)
	}
	if diff := cmp.Diff(in, out); diff != "" {
		t.Errorf("samples (-want +got):\n%s", diff)
	}
}

func TestDecodeWAVTestdata(t *testing.T) {
	f, err := os.Open("testdata/answer.wav")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	samples, rate, err := audio.DecodeWAV(f)
	if err != nil {
		t.Fatal(err)
	}
	if rate != 16000 || len(samples) < 3*16000 {
		t.Fatalf("rate %d, %d samples", rate, len(samples))
	}
	if r := audio.RMS(samples); r < 0.03 {
		t.Errorf("speech rms %v, want speech-level energy", r)
	}
}

// espeak-ng writes WAV to stdout with placeholder chunk sizes; the rehearsal
// mode reads exactly that.
func TestDecodeWAVFromEspeakStdout(t *testing.T) {
	bin, err := exec.LookPath("espeak-ng")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("espeak-ng missing: apt-get install espeak-ng")
		}
		t.Skip("espeak-ng not installed")
	}
	out, err := exec.Command(bin, "--stdout", "-v", "fr", "Bonjour, parlez-moi de vous.").Output()
	if err != nil {
		t.Fatal(err)
	}
	samples, rate, err := audio.DecodeWAV(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if rate != 22050 || audio.Duration(len(samples), rate) < time.Second || audio.RMS(samples) < 0.02 {
		t.Errorf("rate %d, %s of audio, rms %v", rate, audio.Duration(len(samples), rate), audio.RMS(samples))
	}
}

func TestDecodeWAVStereoDownmix(t *testing.T) {
	wav := audio.EncodeWAV([]int16{100, 300, -100, -300}, 8000)
	binary.LittleEndian.PutUint16(wav[22:], 2) // two channels
	out, _, err := audio.DecodeWAV(bytes.NewReader(wav))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int16{200, -200}, out); diff != "" {
		t.Errorf("downmix (-want +got):\n%s", diff)
	}
}

func TestDecodeWAVRefusesHostileInput(t *testing.T) {
	good := audio.EncodeWAV(tone(440, 8000, 800, 0.3), 8000)
	mutate := func(f func(b []byte) []byte) []byte {
		return f(append([]byte(nil), good...))
	}
	tests := map[string][]byte{
		"empty":           nil,
		"not riff":        []byte("RIFX0000WAVEfmt "),
		"truncated hdr":   good[:10],
		"no data chunk":   good[:36],
		"float format":    mutate(func(b []byte) []byte { binary.LittleEndian.PutUint16(b[20:], 3); return b }),
		"8 bit":           mutate(func(b []byte) []byte { binary.LittleEndian.PutUint16(b[34:], 8); return b }),
		"zero channels":   mutate(func(b []byte) []byte { binary.LittleEndian.PutUint16(b[22:], 0); return b }),
		"absurd rate":     mutate(func(b []byte) []byte { binary.LittleEndian.PutUint32(b[24:], 1<<30); return b }),
		"huge fmt chunk":  mutate(func(b []byte) []byte { binary.LittleEndian.PutUint32(b[16:], 1<<31); return b }),
		"huge skip chunk": append(append([]byte(nil), good[:12]...), []byte("LIST\xff\xff\xff\xff")...),
		"data before fmt": append(append([]byte(nil), good[:12]...), []byte("data\x04\x00\x00\x00\x01\x02\x03\x04")...),
	}
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			if _, _, err := audio.DecodeWAV(bytes.NewReader(in)); err == nil {
				t.Fatal("decoded hostile input")
			}
		})
	}
}

func FuzzDecodeWAV(f *testing.F) {
	f.Add(audio.EncodeWAV(tone(440, 8000, 80, 0.3), 8000))
	f.Add([]byte("RIFF\x00\x00\x00\x00WAVE"))
	f.Fuzz(func(t *testing.T, b []byte) {
		samples, rate, err := audio.DecodeWAV(bytes.NewReader(b))
		if err == nil && (rate < 1000 || len(samples) > len(b)/2) {
			t.Fatalf("rate %d, %d samples from %d bytes", rate, len(samples), len(b))
		}
	})
}

func tone(freq float64, rate, n int, amp float64) []int16 {
	out := make([]int16, n)
	for i := range out {
		out[i] = int16(amp * 32767 * math.Sin(2*math.Pi*freq*float64(i)/float64(rate)))
	}
	return out
}
