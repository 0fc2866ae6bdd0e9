package interviewreport_test

import (
	"context"
	"strings"
	"testing"

	"github.com/utopiahire/utopiahire/internal/ai"
	"github.com/utopiahire/utopiahire/internal/ai/geminifake"
	"github.com/utopiahire/utopiahire/internal/interviewreport"
)

var session = interviewreport.Session{
	CandidateEmail: "ada@example.com", JobTitle: "Backend engineer", JobDescription: "Go and PostgreSQL.",
	CVText: "Ada Lovelace, engineer.", Language: "en",
}

var twoAnswers = []interviewreport.Segment{
	{Speaker: "interviewer", Text: "Tell me about yourself.", StartMS: 0, EndMS: 2000},
	{Speaker: "candidate", Text: "(answer of 3.0 s)", StartMS: 2500, EndMS: 5500},
	{Speaker: "interviewer", Text: "Why this role?", StartMS: 6000, EndMS: 7000},
	{Speaker: "candidate", Text: "(answer of 2.0 s)", StartMS: 7500, EndMS: 9500},
}

// Without a model: the unscored rehearsal summary, the same for the agent
// and the server, which marks its own and says why it is unscored.
func TestUnscoredReports(t *testing.T) {
	tests := []struct {
		name, author  string
		end           interviewreport.Ending
		wantReason    string
		wantIn        []string
		wantNot       []string
		wantTerminate bool
	}{
		{name: "agent, completed", author: interviewreport.AuthorAgent, wantReason: "Rehearsal mode",
			wantIn: []string{"Unscored rehearsal interview: 2 answers, 5 s of speech"}, wantNot: []string{"server", "early"}},
		{name: "agent, ended early by the candidate", author: interviewreport.AuthorAgent,
			end:        interviewreport.Ending{EndedBy: interviewreport.EndedByCandidate, Reason: "The candidate ended the interview early."},
			wantReason: "Rehearsal mode", wantIn: []string{"2 answers", "The candidate ended the interview early."}},
		{name: "server, agent lost", author: interviewreport.AuthorServer,
			end:        interviewreport.Ending{Terminated: true, EndedBy: interviewreport.EndedByServer, Reason: "The interviewer lost its connection."},
			wantReason: "GEMINI_API_KEY", wantTerminate: true,
			wantIn: []string{"Written by the server from the stored transcript", "(The interviewer lost its connection)", "2 answers"}},
		{name: "server, walked out", author: interviewreport.AuthorServer,
			end:        interviewreport.Ending{Abandoned: true, EndedBy: interviewreport.EndedByCandidate, Reason: "You left."},
			wantReason: "GEMINI_API_KEY", wantTerminate: true, wantIn: []string{"The candidate left before the end."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := interviewreport.New(nil, tt.author, nil).Write(context.Background(), session, twoAnswers, tt.end)
			if rep.InterviewScore != nil || !strings.Contains(rep.UnscoredReason, tt.wantReason) {
				t.Errorf("score %v, unscored reason %q", rep.InterviewScore, rep.UnscoredReason)
			}
			for _, w := range tt.wantIn {
				if !strings.Contains(rep.Conclusion, w) {
					t.Errorf("conclusion %q lacks %q", rep.Conclusion, w)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(rep.Conclusion, w) {
					t.Errorf("conclusion %q has %q", rep.Conclusion, w)
				}
			}
			if rep.Terminated != tt.wantTerminate || rep.Abandoned != tt.end.Abandoned || rep.EndedBy != tt.end.EndedBy {
				t.Errorf("terminated %v abandoned %v ended by %q", rep.Terminated, rep.Abandoned, rep.EndedBy)
			}
			if rep.CandidateEmail != session.CandidateEmail || rep.JobTitle != session.JobTitle || rep.Strengths == nil {
				t.Errorf("report %+v", rep)
			}
		})
	}
}

// With the report model (a local Gemini API): a short interview ended by
// the candidate is scored on what was said, and the prompt tells the model
// so; a model failure leaves the report unscored with the reason.
func TestModelReportOfShortInterview(t *testing.T) {
	gem := geminifake.NewServer(t, geminifake.Options{Generate: geminifake.Sequence(
		geminifake.ReplyJSON(map[string]any{
			"interview_score": 4, "conclusion": "Too short to judge depth.", "strengths": []string{"Clear"},
			"development_areas": []string{"Depth"}, "communication": "Clear.", "role_fit": "Unclear.",
		}),
		geminifake.Fail(400, "model refused"),
	)})
	client, err := ai.NewClient(context.Background(), ai.Config{APIKey: "k", BaseURL: gem.URL(), MaxAttempts: 1})
	if err != nil {
		t.Fatal(err)
	}
	w := interviewreport.New(client, interviewreport.AuthorServer, nil)
	rep := w.Write(context.Background(), session, twoAnswers, interviewreport.Ending{EndedBy: interviewreport.EndedByCandidate})
	if rep.InterviewScore == nil || *rep.InterviewScore != 4 || !strings.HasPrefix(rep.Conclusion, "Written by the server") {
		t.Fatalf("report %+v", rep)
	}
	reqs := gem.Requests()
	if len(reqs) != 1 {
		t.Fatalf("%d model requests", len(reqs))
	}
	prompt := reqs[0].Text()
	for _, want := range []string{"chose to end the interview early, after 2 answers", "A short interview gives little evidence", "candidate: (answer of 2.0 s)"} {
		if !strings.Contains(prompt, want) {
			t.Errorf("prompt lacks %q:\n%s", want, prompt)
		}
	}

	// The model fails: unscored, with the reason.
	rep = w.Write(context.Background(), session, twoAnswers, interviewreport.Ending{})
	if rep.InterviewScore != nil || !strings.Contains(rep.UnscoredReason, "could not be generated") {
		t.Errorf("after a model failure: %+v", rep)
	}
	// Nobody answered: nothing to score, and the model is not asked.
	n := len(gem.Requests())
	rep = w.Write(context.Background(), session, twoAnswers[:1], interviewreport.Ending{})
	if rep.InterviewScore != nil || !strings.Contains(rep.UnscoredReason, "no answer") || len(gem.Requests()) != n {
		t.Errorf("without answers: %+v", rep)
	}
}
