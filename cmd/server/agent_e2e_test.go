//go:build cgo

package main

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	lksdk "github.com/livekit/server-sdk-go/v2"
	"google.golang.org/genai"

	voiceagent "github.com/utopiahire/utopiahire/agent"
	"github.com/utopiahire/utopiahire/agent/audio"
	"github.com/utopiahire/utopiahire/agent/audio/lkmedia"
	"github.com/utopiahire/utopiahire/agent/lkroom"
	"github.com/utopiahire/utopiahire/internal/ai"
	"github.com/utopiahire/utopiahire/internal/ai/geminifake"
	"github.com/utopiahire/utopiahire/internal/livekit/livekittest"
)

// TestVoiceAgentThroughServer runs the real voice agent worker against the
// real server (Main) and livekit-server, with Gemini faked at the edge:
// start-session offers the interview, the agent claims it, joins the room,
// talks with the candidate (a LiveKit participant speaking an espeak-ng
// recording), publishes the transcript that the server stores, and saves
// the scored report, which completes the interview and mails the
// candidate.
func TestVoiceAgentThroughServer(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 80*time.Second)
	defer cancel()
	s := startInterviewServer(t, nil)
	alice := signIn(t, s.m, s.dbURL, "alice")

	gem := geminifake.NewServer(t, geminifake.Options{Live: geminifake.Conversation(geminifake.ConversationScript{
		Replies: []geminifake.LiveReply{
			{Text: "Hello Jane, welcome. Tell me about the cache layer you rewrote.",
				Tools: []*genai.FunctionCall{{ID: "q1", Name: "question", Args: map[string]any{"number": 1, "total": 1}}}},
			{Text: "Thank you Jane, the interview is over. Goodbye.",
				Tools: []*genai.FunctionCall{{ID: "end", Name: "end_interview", Args: map[string]any{"outcome": "completed"}}}},
		},
		Heard: []string{"I rewrote the cache layer in Go and cut p99 latency."},
	})})
	aiCfg := ai.Config{APIKey: "k", BaseURL: gem.URL()}
	reports, err := ai.NewClient(ctx, aiCfg)
	if err != nil {
		t.Fatal(err)
	}
	live, err := genai.NewClient(ctx, aiCfg.LiveClientConfig())
	if err != nil {
		t.Fatal(err)
	}
	w, err := voiceagent.NewWorker(voiceagent.Deps{
		Control: voiceagent.NewAPIClient(baseURL(s.m), func() string { return testAgentSecret }, "e2e-worker", nil),
		Rooms:   lkroom.Joiner{},
		HubURL:  "ws" + strings.TrimPrefix(baseURL(s.m), "http") + "/ws",
		Live:    &voiceagent.LiveSettings{Connect: voiceagent.GenaiLive(live), Model: "m", Voice: "Charon", SilenceDuration: 400 * time.Millisecond},
		Reports: reports,
	})
	if err != nil {
		t.Fatal(err)
	}
	wctx, stopWorker := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- w.Run(wctx, ctx) }()
	defer func() {
		stopWorker()
		if err := <-done; err != nil {
			t.Errorf("worker: %v", err)
		}
	}()

	started := startSession(t, alice, "Backend Engineer")
	id := started["interview_id"].(string)
	feed, err := follow(t, dialHub(t, s.m, alice.token), "interview:"+id)
	if err != nil {
		t.Fatal(err)
	}
	room, err := lksdk.ConnectToRoomWithToken(started["url"].(string), started["token"].(string), lksdk.NewRoomCallback(), lksdk.WithLogger(livekittest.QuietSDKLogger()))
	if err != nil {
		t.Fatal(err)
	}
	defer room.Disconnect()
	mic, err := lkmedia.PublishSink(ctx, room.LocalParticipant, lkmedia.SinkOptions{SampleRate: audio.ModelInputRate, TrackName: "microphone"})
	if err != nil {
		t.Fatal(err)
	}

	feed.waitFor(t, "in_progress", 30*time.Second, isState("in_progress"))
	feed.waitFor(t, "listening", 30*time.Second, func(m map[string]any) bool { return m["type"] == "agent" && m["event"] == "listening" })
	f, err := os.Open("../../agent/audio/testdata/answer.wav")
	if err != nil {
		t.Fatal(err)
	}
	answer, _, err := audio.DecodeWAV(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if err := mic.Write(ctx, answer); err != nil {
		t.Fatal(err)
	}
	feed.waitFor(t, "completed", 40*time.Second, isState("completed"))
	if got := outbox(t, s.dbURL, "alice@example.com"); len(got) == 0 || !strings.Contains(got[len(got)-1], "interview report") {
		t.Fatalf("report mail: %v", got)
	}

	code, body := alice.json("GET", "/api/interviews/"+id, nil)
	var detail struct {
		State      string
		Transcript []struct {
			Seq     int
			Speaker string
			Text    string
			Final   bool
		}
		Report *struct {
			InterviewScore *float64 `json:"interview_score"`
		}
	}
	if code != 200 || json.Unmarshal(body, &detail) != nil {
		t.Fatalf("timeline: %d %s", code, body)
	}
	var lines []string
	for _, s := range detail.Transcript {
		if !s.Final {
			t.Errorf("stored segment %d not final", s.Seq)
		}
		lines = append(lines, s.Speaker+": "+s.Text)
	}
	want := []string{
		"interviewer: Hello Jane, welcome. Tell me about the cache layer you rewrote.",
		"candidate: I rewrote the cache layer in Go and cut p99 latency.",
		"interviewer: Thank you Jane, the interview is over. Goodbye.",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("stored transcript:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if detail.State != "completed" || detail.Report == nil || detail.Report.InterviewScore == nil {
		t.Errorf("interview %s, report %+v", detail.State, detail.Report)
	}
}
