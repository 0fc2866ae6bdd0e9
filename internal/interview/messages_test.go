package interview

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/internal/apperr"
)

func TestStateMachine(t *testing.T) {
	t.Parallel()
	all := []State{Created, WaitingForAgent, InProgress, Completed, Terminated, Failed, Abandoned}
	allowed := map[[2]State]bool{
		{Created, WaitingForAgent}: true, {Created, Failed}: true, {Created, Abandoned}: true,
		{WaitingForAgent, InProgress}: true, {WaitingForAgent, Failed}: true, {WaitingForAgent, Abandoned}: true,
		{InProgress, Completed}: true, {InProgress, Terminated}: true, {InProgress, Failed}: true, {InProgress, Abandoned}: true,
	}
	for _, from := range all {
		for _, to := range all {
			if got := CanMove(from, to); got != allowed[[2]State{from, to}] {
				t.Errorf("CanMove(%s, %s) = %v", from, to, got)
			}
		}
	}
	for _, s := range all {
		want := s == Completed || s == Terminated || s == Failed || s == Abandoned
		if s.Terminal() != want {
			t.Errorf("%s.Terminal() = %v", s, s.Terminal())
		}
	}
	if State("paused").Valid() || State("paused").Terminal() {
		t.Error("unknown state accepted")
	}
}

func TestParseAgentMessage(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("a", maxSegmentText+1)
	for _, tc := range []struct {
		name, msg, code string
	}{
		{"transcript", `{"type":"transcript","seq":3,"speaker":"candidate","text":"hi","lang":"fr","start_ms":0,"end_ms":10,"final":true}`, ""},
		{"agent event", `{"type":"agent","event":"question","message":"Q2"}`, ""},
		{"failed with reason", `{"type":"agent","event":"failed","reason":"gemini_down"}`, ""},
		{"failed without reason", `{"type":"agent","event":"failed"}`, CodeInvalidMessage},
		{"not json", `hello`, CodeInvalidMessage},
		{"no type", `{"seq":1}`, CodeInvalidMessage},
		{"server type", `{"type":"state","state":"completed"}`, CodeUnknownMessage},
		{"negative seq", `{"type":"transcript","seq":-1,"speaker":"candidate","text":"","lang":"en","start_ms":0,"end_ms":0,"final":true}`, CodeInvalidMessage},
		{"bad speaker", `{"type":"transcript","seq":1,"speaker":"reviewer","text":"","lang":"en","start_ms":0,"end_ms":0,"final":true}`, CodeInvalidMessage},
		{"end before start", `{"type":"transcript","seq":1,"speaker":"candidate","text":"","lang":"en","start_ms":9,"end_ms":1,"final":true}`, CodeInvalidMessage},
		{"no final", `{"type":"transcript","seq":1,"speaker":"candidate","text":"","lang":"en","start_ms":0,"end_ms":1}`, CodeInvalidMessage},
		{"hostile lang", `{"type":"transcript","seq":1,"speaker":"candidate","text":"","lang":"<script>","start_ms":0,"end_ms":1,"final":true}`, CodeInvalidMessage},
		{"text too long", `{"type":"transcript","seq":1,"speaker":"candidate","text":"` + long + `","lang":"en","start_ms":0,"end_ms":1,"final":true}`, CodeInvalidMessage},
		{"event name", `{"type":"agent","event":"DROP TABLE"}`, CodeInvalidMessage},
		{"NUL in transcript", `{"type":"transcript","seq":1,"speaker":"candidate","text":"a\u0000b","lang":"en","start_ms":0,"end_ms":1,"final":true}`, CodeInvalidMessage},
		{"escape in transcript", `{"type":"transcript","seq":1,"speaker":"candidate","text":"\u001b[31mred","lang":"en","start_ms":0,"end_ms":1,"final":true}`, CodeInvalidMessage},
		{"line breaks in transcript", `{"type":"transcript","seq":1,"speaker":"candidate","text":"one\ntwo\tthree","lang":"en","start_ms":0,"end_ms":1,"final":true}`, ""},
		{"NUL in agent message", `{"type":"agent","event":"question","message":"Q\u00002"}`, CodeInvalidMessage},
	} {
		_, err := parseAgentMessage([]byte(tc.msg))
		got := ""
		if he, ok := err.(*hub.Error); ok {
			got = he.Code
		} else if err != nil {
			got = err.Error()
		}
		if got != tc.code {
			t.Errorf("%s: code %q, want %q", tc.name, got, tc.code)
		}
	}
}

func TestReportValidation(t *testing.T) {
	t.Parallel()
	iv := Interview{CandidateEmail: "ann@example.com", JobTitle: "Analyst"}
	score := func(v float64) *float64 { return &v }
	valid := func() ReportInput {
		return ReportInput{CandidateEmail: "ANN@example.com", JobTitle: "Analyst", InterviewScore: score(6.26), Conclusion: "Fine."}
	}
	for _, tc := range []struct {
		name   string
		change func(*ReportInput)
		fields []string
	}{
		{"valid", func(*ReportInput) {}, nil},
		{"unscored with reason", func(r *ReportInput) { r.InterviewScore, r.UnscoredReason = nil, "candidate left early" }, nil},
		{"unscored without reason", func(r *ReportInput) { r.InterviewScore = nil }, []string{"interview_score"}},
		{"score above 10", func(r *ReportInput) { r.InterviewScore = score(11) }, []string{"interview_score"}},
		{"other candidate", func(r *ReportInput) { r.CandidateEmail = "bob@example.com" }, []string{"candidate_email"}},
		{"other job", func(r *ReportInput) { r.JobTitle = "Chef" }, []string{"job_title"}},
		{"no conclusion", func(r *ReportInput) { r.Conclusion = " " }, []string{"conclusion"}},
		{"terminated without reason", func(r *ReportInput) { r.Terminated = true }, []string{"termination_reason"}},
		{"too many strengths", func(r *ReportInput) { r.Strengths = make([]string, 21) }, []string{"strengths"}},
		{"empty item", func(r *ReportInput) { r.DevelopmentAreas = []string{""} }, []string{"development_areas"}},
		{"control characters", func(r *ReportInput) { r.RoleFit = "ok\x00" }, []string{"role_fit"}},
	} {
		in := valid()
		tc.change(&in)
		err := checkReport(&in, iv)
		var got []string
		if ae, ok := apperr.As(err); ok {
			for k := range ae.Details["fields"].(map[string]string) {
				got = append(got, k)
			}
		}
		if !cmp.Equal(got, tc.fields) {
			t.Errorf("%s: fields %v, want %v (%v)", tc.name, got, tc.fields, err)
		}
		if tc.name == "valid" && *in.InterviewScore != 6.3 {
			t.Errorf("score rounded to %v", *in.InterviewScore)
		}
	}
}
