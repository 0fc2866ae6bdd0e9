package agent

import (
	"strings"
	"testing"
)

func TestSystemInstructionByLanguage(t *testing.T) {
	sd := SessionData{CandidateName: "Ada", JobTitle: "Backend engineer", JobDescription: "Go and PostgreSQL", CVText: strings.Repeat("x", maxCVChars+500), Language: "fr-FR"}
	fr := SystemInstruction(sd, 25)
	for _, want := range []string{"Vous êtes un recruteur senior", "« Backend engineer »", "Ada", "25 minutes", "Go and PostgreSQL", "end_interview", "5 à 7 questions", " […]"} {
		if !strings.Contains(fr, want) {
			t.Errorf("French prompt lacks %q", want)
		}
	}
	if strings.Count(fr, "x") > maxCVChars+10 {
		t.Error("CV not clipped")
	}
	sd.Language, sd.CandidateName = "de", ""
	en := SystemInstruction(sd, 30)
	for _, want := range []string{"senior interviewer", "the candidate", "5 to 7 main questions", "terminated", "closing sentence"} {
		if !strings.Contains(en, want) {
			t.Errorf("English prompt (fallback for de) lacks %q", want)
		}
	}
	if cue(LangFR, "begin") == "" || cue("xx", "timeup") == "" {
		t.Error("missing cues")
	}
}
