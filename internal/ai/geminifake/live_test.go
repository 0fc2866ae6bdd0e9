package geminifake_test

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"google.golang.org/genai"

	"github.com/utopiahire/utopiahire/internal/ai/geminifake"
)

func liveConnect(t *testing.T, srv *geminifake.Server, handle string) *genai.Session {
	t.Helper()
	ctx := context.Background()
	client, err := genai.NewClient(ctx, srv.LiveClientConfig("test-key"))
	if err != nil {
		t.Fatal(err)
	}
	silence := int32(300)
	sess, err := client.Live.Connect(ctx, "gemini-live-test", &genai.LiveConnectConfig{
		ResponseModalities:       []genai.Modality{genai.ModalityAudio},
		SystemInstruction:        genai.NewContentFromText("You are an interviewer.", genai.RoleUser),
		InputAudioTranscription:  &genai.AudioTranscriptionConfig{},
		OutputAudioTranscription: &genai.AudioTranscriptionConfig{},
		SessionResumption:        &genai.SessionResumptionConfig{Handle: handle},
		ContextWindowCompression: &genai.ContextWindowCompressionConfig{SlidingWindow: &genai.SlidingWindow{}},
		SpeechConfig: &genai.SpeechConfig{VoiceConfig: &genai.VoiceConfig{
			PrebuiltVoiceConfig: &genai.PrebuiltVoiceConfig{VoiceName: "Charon"}}},
		RealtimeInputConfig: &genai.RealtimeInputConfig{AutomaticActivityDetection: &genai.AutomaticActivityDetection{SilenceDurationMs: &silence}},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sess.Close() })
	return sess
}

// turn collects one model turn: audio bytes, transcription, and the
// resumption handle that follows it.
type turn struct {
	audio       int
	text        string
	interrupted bool
	handle      string
	goAway      time.Duration
}

func readTurn(t *testing.T, sess *genai.Session) turn {
	t.Helper()
	var tr turn
	for {
		m, err := sess.Receive()
		if err != nil {
			t.Fatalf("receive: %v", err)
		}
		if sc := m.ServerContent; sc != nil {
			if sc.ModelTurn != nil {
				for _, p := range sc.ModelTurn.Parts {
					if p.InlineData != nil {
						if p.InlineData.MIMEType != "audio/pcm;rate=24000" {
							t.Fatalf("mime %q", p.InlineData.MIMEType)
						}
						tr.audio += len(p.InlineData.Data)
					}
				}
			}
			if sc.OutputTranscription != nil {
				tr.text += sc.OutputTranscription.Text
			}
			if sc.Interrupted {
				tr.interrupted = true
			}
		}
		if u := m.SessionResumptionUpdate; u != nil && u.Resumable {
			tr.handle = u.NewHandle
			if tr.audio > 0 || tr.interrupted {
				return tr
			}
		}
		if m.GoAway != nil {
			tr.goAway = m.GoAway.TimeLeft
		}
	}
}

func sendPCM(t *testing.T, sess *genai.Session, pcm []int16) {
	t.Helper()
	const chunk = 320
	for off := 0; off < len(pcm); off += chunk {
		end := min(off+chunk, len(pcm))
		b := make([]byte, 0, 2*(end-off))
		for _, v := range pcm[off:end] {
			b = append(b, byte(v), byte(uint16(v)>>8))
		}
		if err := sess.SendRealtimeInput(genai.LiveRealtimeInput{Audio: &genai.Blob{MIMEType: "audio/pcm;rate=16000", Data: b}}); err != nil {
			t.Fatal(err)
		}
	}
}

func tone16k(d time.Duration, amp float64) []int16 {
	n := int(d * 16000 / time.Second)
	out := make([]int16, n)
	for i := range out {
		out[i] = int16(amp * 32767 * math.Sin(2*math.Pi*300*float64(i)/16000))
	}
	return out
}

func TestLiveConversationResumesAfterGoAway(t *testing.T) {
	t.Parallel()
	srv := geminifake.NewServer(t, geminifake.Options{Live: geminifake.Conversation(geminifake.ConversationScript{
		Replies: []geminifake.LiveReply{
			{Text: "Hello, tell me about yourself.", GoAway: 2 * time.Second},
			{Text: "Thank you, goodbye."},
		},
		Heard: []string{"I am a Go developer."},
		Lead:  5 * time.Second,
	})})
	sess := liveConnect(t, srv, "")
	if err := sess.SendRealtimeInput(genai.LiveRealtimeInput{Text: "Begin."}); err != nil {
		t.Fatal(err)
	}
	first := readTurn(t, sess)
	if first.text != "Hello, tell me about yourself." || first.audio == 0 || first.handle == "" {
		t.Fatalf("first turn %+v", first)
	}
	m, err := sess.Receive()
	if err != nil || m.GoAway == nil || m.GoAway.TimeLeft != 2*time.Second {
		t.Fatalf("want goAway 2s, got %+v %v", m, err)
	}
	sess.Close()

	resumed := liveConnect(t, srv, first.handle)
	sendPCM(t, resumed, append(tone16k(600*time.Millisecond, 0.3), tone16k(500*time.Millisecond, 0)...))
	var heard string
	for !strings.Contains(heard, "developer") {
		m, err := resumed.Receive()
		if err != nil {
			t.Fatal(err)
		}
		if m.ServerContent != nil && m.ServerContent.InputTranscription != nil {
			heard += m.ServerContent.InputTranscription.Text
		}
	}
	if heard != "I am a Go developer." {
		t.Errorf("input transcription %q", heard)
	}
	second := readTurn(t, resumed)
	if second.text != "Thank you, goodbye." {
		t.Errorf("second turn %+v", second)
	}
	st := srv.LiveStats()
	if st.Sessions != 2 || st.Resumed != 1 || st.GoAways != 1 {
		t.Errorf("stats %+v", st)
	}
	s0 := st.Setups[0]
	if s0.Voice != "Charon" || !s0.InputTranscription || !s0.OutputTranscription || !s0.ContextWindowCompression ||
		s0.SilenceDuration != 300*time.Millisecond || s0.SystemInstruction != "You are an interviewer." {
		t.Errorf("setup decoded as %+v", s0)
	}
}

func TestLiveBargeInInterrupts(t *testing.T) {
	t.Parallel()
	srv := geminifake.NewServer(t, geminifake.Options{Live: geminifake.Conversation(geminifake.ConversationScript{
		Replies: []geminifake.LiveReply{{Text: strings.Repeat("word ", 40)}},
	})})
	sess := liveConnect(t, srv, "")
	if err := sess.SendRealtimeInput(genai.LiveRealtimeInput{Text: "Begin."}); err != nil {
		t.Fatal(err)
	}
	// Wait for audio to flow, then speak over it.
	for {
		m, err := sess.Receive()
		if err != nil {
			t.Fatal(err)
		}
		if m.ServerContent != nil && m.ServerContent.ModelTurn != nil {
			break
		}
	}
	sendPCM(t, sess, tone16k(200*time.Millisecond, 0.3))
	tr := readTurn(t, sess)
	if !tr.interrupted {
		t.Fatalf("no interruption: %+v", tr)
	}
}

func TestLiveRefusesMissingKeyAndBadHandle(t *testing.T) {
	t.Parallel()
	srv := geminifake.NewServer(t, geminifake.Options{APIKey: "right"})
	client, err := genai.NewClient(context.Background(), srv.LiveClientConfig("wrong"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.Live.Connect(context.Background(), "m", &genai.LiveConnectConfig{}); err == nil {
		t.Error("connect with a wrong key succeeded")
	}
	srv2 := geminifake.NewServer(t, geminifake.Options{})
	client2, _ := genai.NewClient(context.Background(), srv2.LiveClientConfig("k"))
	if _, err := client2.Live.Connect(context.Background(), "m", &genai.LiveConnectConfig{
		SessionResumption: &genai.SessionResumptionConfig{Handle: "forged"},
	}); err == nil {
		t.Error("connect with an unknown resumption handle succeeded")
	}
}
