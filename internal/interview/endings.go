package interview

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/riverqueue/river"

	"github.com/utopiahire/utopiahire/internal/agentapi"
	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/interviewreport"
)

// TypeEndRequested is published on interview:<id> when the candidate asks
// to end: {"type":"end_requested","by":"candidate","reason"?}.
const TypeEndRequested = "end_requested"

// Ended is the answer to POST /api/interviews/{id}/end.
type Ended struct {
	InterviewID string `json:"interview_id"`
	State       State  `json:"state"`
	// EndRequested: the interviewer is closing and writing the report; the
	// final state follows on interview:<id>.
	EndRequested bool `json:"end_requested"`
}

// End is the candidate's End interview. An interview in progress is not
// cut: the request is stored, the agent learns it from its next heartbeat,
// closes politely and reports on what was said (completed, ended by the
// candidate); if the agent is gone the server writes that report. An
// interview not started yet ends at once (abandoned, nothing to report).
func (s *Service) End(ctx context.Context, u User, id, reason string) (Ended, error) {
	reason = strings.TrimSpace(reason)
	if utf8.RuneCountInString(reason) > maxReasonLen || !utf8.ValidString(reason) {
		f := fields{}
		f.add("reason", fmt.Sprintf("must be at most %d characters of text", maxReasonLen))
		return Ended{}, f.err()
	}
	iv, err := s.st.ForOwner(ctx, u.ID, id)
	if err != nil {
		return Ended{}, notFoundAs(err)
	}
	switch State(iv.State) {
	case Created, WaitingForAgent:
		why := Reason{Code: ReasonCandidateEnded.Code, Message: "You ended the interview before it began."}
		moved, err := s.finish(ctx, iv.ID, Abandoned, &why, interviewreport.EndedByCandidate, false)
		if apperr.CodeOf(err) == CodeIllegalTransition {
			return s.End(ctx, u, id, reason) // it started meanwhile
		}
		if err != nil {
			return Ended{}, err
		}
		return Ended{InterviewID: iv.ID, State: State(moved.State)}, nil
	case InProgress:
	default:
		return Ended{}, errEnded.With("state", iv.State)
	}
	var o outbox
	err = s.st.InTx(ctx, func(tx Tx) error {
		cur, first, err := tx.RequestEnd(ctx, iv.ID, reason)
		if errors.Is(err, ErrStateChanged) {
			return errEnded.With("state", cur.State)
		}
		if err != nil || !first {
			return err
		}
		data := map[string]any{"by": interviewreport.EndedByCandidate}
		if reason != "" {
			data["reason"] = reason
		}
		_, err = s.event(ctx, tx, &o, iv.ID, TypeEndRequested, data)
		return err
	})
	if err != nil {
		return Ended{}, err
	}
	s.flush(ctx, &o)
	return Ended{InterviewID: iv.ID, State: InProgress, EndRequested: true}, nil
}

// AgentHeartbeat is the answer to POST /api/agents/heartbeat (the agent
// contract's type).
type AgentHeartbeat = agentapi.Heartbeat

// Heartbeat records that the agent holding the credential's claim is alive
// and tells it whether the candidate asked to end. An agent silent for
// AgentSilence is gone: the sweeper finishes its interview.
func (s *Service) Heartbeat(ctx context.Context, cred Credential) (AgentHeartbeat, error) {
	iv, err := s.st.AgentSeen(ctx, cred.Interview.ID)
	if err != nil {
		return AgentHeartbeat{}, notFoundAs(err)
	}
	return AgentHeartbeat{State: iv.State, EndRequested: iv.EndRequestedAt != nil, EndReason: deref(iv.EndRequestReason)}, nil
}

// finish moves an interview to a final state, records who ended it and,
// when report is set, queues the job that writes its report from the
// stored transcript — in one transaction, so a server that dies right
// after still has the report written (River retries it elsewhere).
func (s *Service) finish(ctx context.Context, id string, to State, why *Reason, endedBy string, report bool) (Interview, error) {
	var o outbox
	var moved Interview
	err := s.st.InTx(ctx, func(tx Tx) error {
		ptx := tx.Pgx()
		var err error
		if moved, err = s.move(ctx, tx, &o, id, to, why, map[string]any{"ended_by": endedBy}); err != nil {
			return err
		}
		if err := tx.SetEndedBy(ctx, id, endedBy); err != nil {
			return err
		}
		if !report {
			return nil
		}
		opts := &river.InsertOpts{}
		if to == Abandoned {
			// The agent normally reports a walk-out itself; the server
			// steps in only when it has not.
			opts.ScheduledAt = time.Now().Add(s.cfg.AgentReportWait)
		}
		if _, err := s.cfg.Jobs.InsertTx(ctx, ptx, ReportArgs{InterviewID: id}, opts); err != nil {
			return fmt.Errorf("queue server report: %w", err)
		}
		return nil
	})
	if err != nil {
		return moved, err
	}
	s.flush(ctx, &o)
	s.ended(ctx, moved)
	return moved, nil
}

// finishOverdue ends an interview the sweeper found past a deadline.
// Those whose agent is gone or silent get a report written by the server.
func (s *Service) finishOverdue(ctx context.Context, o Overdue) error {
	rule, ok := overdueReasons[o.Reason]
	if !ok {
		return nil
	}
	to, why, by := rule.to, rule.why, interviewreport.EndedByServer
	report := State(o.State) == InProgress
	switch o.Reason {
	case "candidate_left":
		by = interviewreport.EndedByCandidate
	case "agent_gone", "interviewer_disconnected", "report_not_saved":
		iv, err := s.st.Get(ctx, o.ID)
		if err != nil {
			return notFoundAs(err)
		}
		switch {
		case iv.EndRequestedAt != nil:
			to, why, by = Completed, ReasonCandidateEnded, interviewreport.EndedByCandidate
		case o.Reason == "report_not_saved":
			to, why, by = Completed, ReasonServerReport, interviewreport.EndedByInterviewer
		}
	}
	_, err := s.finish(ctx, o.ID, to, &why, by, report)
	return err
}

// ReportArgs is the River job that writes an interview's report on the
// server (its agent is gone). It is queued with the interview's final
// transition.
type ReportArgs struct {
	InterviewID string `json:"interview_id"`
}

// Kind implements river.JobArgs.
func (ReportArgs) Kind() string { return "interview.report" }

// InsertOpts implements river.JobArgsWithInsertOpts: one job per interview.
func (ReportArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 10, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// ReportWorker runs ReportArgs jobs with the Service's WriteServerReport.
type ReportWorker struct {
	river.WorkerDefaults[ReportArgs]
	svc *Service
}

// NewReportWorker returns the worker of ReportArgs jobs. Service.Attach
// connects it to the service once both exist (River needs its workers
// before the service that queues jobs can be built).
func NewReportWorker() *ReportWorker { return &ReportWorker{} }

// Attach gives w the service whose reports it writes.
func (s *Service) Attach(w *ReportWorker) { w.svc = s }

// Work implements river.Worker.
func (w *ReportWorker) Work(ctx context.Context, job *river.Job[ReportArgs]) error {
	if w.svc == nil {
		return errors.New("interview report worker: service not attached yet")
	}
	return w.svc.WriteServerReport(ctx, job.Args.InterviewID)
}

// Timeout implements river.Worker: the report model may take minutes.
func (w *ReportWorker) Timeout(*river.Job[ReportArgs]) time.Duration { return 4 * time.Minute }

// WriteServerReport writes the report of an ended interview that has none,
// from its stored transcript, with the report model when one is configured
// (else the unscored summary the rehearsal agent writes, marked as the
// server's). An abandoned interview gets one only if the candidate spoke.
func (s *Service) WriteServerReport(ctx context.Context, id string) error {
	iv, err := s.st.Get(ctx, id)
	if errors.Is(err, apperr.ErrNotFound) {
		return nil // deleted
	}
	if err != nil {
		return err
	}
	if _, err := s.st.Report(ctx, id); err == nil {
		return nil // the agent's report arrived
	} else if !errors.Is(err, apperr.ErrNotFound) {
		return err
	}
	if !State(iv.State).Terminal() {
		return nil
	}
	stored, err := s.st.Segments(ctx, id)
	if err != nil {
		return err
	}
	cv, err := s.st.CV(ctx, id)
	if err != nil {
		return notFoundAs(err)
	}
	segs := make([]interviewreport.Segment, 0, len(stored))
	spoke := false
	for _, g := range stored {
		segs = append(segs, interviewreport.Segment{Speaker: g.Speaker, Text: g.Text, StartMS: int64(g.StartMS), EndMS: int64(g.EndMS)})
		spoke = spoke || (g.Speaker == interviewreport.SpeakerCandidate && strings.TrimSpace(g.Text) != "")
	}
	if iv.State == string(Abandoned) && !spoke {
		return nil
	}
	end := interviewreport.Ending{EndedBy: deref(iv.EndedBy), Reason: deref(iv.EndMessage)}
	switch {
	case iv.EndRequestedAt != nil:
		end = interviewreport.Ending{EndedBy: interviewreport.EndedByCandidate, Reason: ReasonCandidateEnded.Message}
	case iv.State == string(Abandoned):
		end.Abandoned = true
	case iv.State != string(Completed):
		end.Terminated = true
	}
	rep := s.reports.Write(ctx, interviewreport.Session{
		CandidateEmail: iv.CandidateEmail, JobTitle: iv.JobTitle, JobDescription: iv.JobDescription,
		CVText: cv, Language: iv.Language,
	}, segs, end)
	in := ReportInput{
		CandidateEmail: iv.CandidateEmail, JobTitle: iv.JobTitle, Conclusion: truncateRunes(rep.Conclusion, maxConclusionLen),
		Strengths: clipItems(rep.Strengths), DevelopmentAreas: clipItems(rep.DevelopmentAreas),
		Communication: truncateRunes(rep.Communication, maxReportParaLen), RoleFit: truncateRunes(rep.RoleFit, maxReportParaLen),
		Terminated: rep.Terminated, TerminationReason: truncateRunes(rep.TerminationReason, maxReasonLen),
		UnscoredReason: truncateRunes(rep.UnscoredReason, maxReasonLen), InterviewScore: rep.InterviewScore,
	}
	if err := checkReport(&in, iv); err != nil {
		return fmt.Errorf("server report of interview %s: %w", id, err)
	}
	_, err = s.storeReport(ctx, iv, InterviewReport{
		InterviewID: iv.ID, Score: in.InterviewScore, UnscoredReason: nonEmpty(in.UnscoredReason),
		Strengths: in.Strengths, DevelopmentAreas: in.DevelopmentAreas, Communication: in.Communication,
		RoleFit: in.RoleFit, Conclusion: in.Conclusion, Terminated: in.Terminated,
		TerminationReason: nonEmpty(in.TerminationReason), WrittenBy: interviewreport.AuthorServer,
	}, nil)
	if apperr.CodeOf(err) == CodeReportExists {
		return nil
	}
	if err == nil {
		s.log.Info("server wrote interview report", "interview_id", id, "state", iv.State, "scored", in.InterviewScore != nil)
	}
	return err
}

func clipItems(items []string) []string {
	out := make([]string, 0, min(len(items), maxReportItems))
	for _, it := range items {
		if it = strings.TrimSpace(it); it != "" && len(out) < maxReportItems {
			out = append(out, truncateRunes(it, maxReportItemLen))
		}
	}
	return out
}
