package agent

import (
	"context"

	"github.com/utopiahire/utopiahire/internal/agentapi"
	"github.com/utopiahire/utopiahire/internal/interviewreport"
)

// ReportWriter turns a transcript into the structured report;
// *ai.Client implements it.
type ReportWriter = interviewreport.Model

// Report is the body of POST /api/interviews/save-report.
type Report = agentapi.Report

// report writes the assessment with the rules the server also uses when it
// must write a report itself (internal/interviewreport): by the model when
// there is one and the candidate spoke, else unscored with the reason.
func (w *Worker) report(ctx context.Context, iv *interview, end ending) Report {
	segs := iv.timeline.Segments()
	out := make([]interviewreport.Segment, 0, len(segs))
	for _, s := range segs {
		out = append(out, interviewreport.Segment{Speaker: s.Speaker, Text: s.Text, StartMS: s.StartMS, EndMS: s.EndMS})
	}
	sess := interviewreport.Session{
		CandidateEmail: iv.data.CandidateEmail, JobTitle: iv.data.JobTitle, JobDescription: iv.data.JobDescription,
		CVText: iv.data.CVText, Language: iv.lang,
	}
	writer := interviewreport.New(w.deps.Reports, interviewreport.AuthorAgent, iv.log)
	return writer.Write(ctx, sess, out, interviewreport.Ending{
		Terminated: end.terminated, Reason: end.reason, Abandoned: end.abandoned, EndedBy: end.endedBy,
	})
}
