package interview

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/internal/agentapi"
	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/interviewreport"
)

// SessionData is GET /api/session-data/{room}: what the agent needs to run
// the interview (the agent contract's type).
type SessionData = agentapi.SessionData

// SessionData returns the session of the credential's interview, which
// must be the one of room.
func (s *Service) SessionData(ctx context.Context, cred Credential, room string) (SessionData, error) {
	iv := cred.Interview
	if room != iv.Room {
		return SessionData{}, errWrongScope
	}
	text, err := s.st.CV(ctx, iv.ID)
	if err != nil {
		return SessionData{}, notFoundAs(err)
	}
	return SessionData{
		InterviewID: iv.ID, Room: iv.Room, CandidateName: iv.CandidateName, CandidateEmail: iv.CandidateEmail,
		JobTitle: iv.JobTitle, JobDescription: iv.JobDescription, CVText: text, Language: iv.Language,
		MaxDurationSeconds: int(s.cfg.MaxDuration / time.Second),
	}, nil
}

// ReportInput is POST /api/interviews/save-report: the contract's fields
// and the structured report (the agent contract's type).
type ReportInput = agentapi.Report

// Limits on a report.
const (
	maxReportItems    = 20
	maxReportItemLen  = 1000
	maxReportParaLen  = 4000
	maxConclusionLen  = 20000
	maxReasonLen      = 500
	maxReportItemsSum = 20000
)

// SavedReport is the answer to save-report.
type SavedReport struct {
	Success     bool     `json:"success"`
	Message     string   `json:"message"`
	InterviewID string   `json:"interview_id"`
	State       State    `json:"state"`
	Score       *float64 `json:"interview_score"`
}

// checkReport validates and normalises a report for iv.
func checkReport(in *ReportInput, iv Interview) error {
	f := fields{}
	in.CandidateEmail = strings.TrimSpace(in.CandidateEmail)
	in.JobTitle = strings.TrimSpace(in.JobTitle)
	in.Conclusion = strings.TrimSpace(in.Conclusion)
	in.UnscoredReason = strings.TrimSpace(in.UnscoredReason)
	in.TerminationReason = strings.TrimSpace(in.TerminationReason)
	if !strings.EqualFold(in.CandidateEmail, iv.CandidateEmail) {
		f.add("candidate_email", "does not match the interview's candidate")
	}
	if !strings.EqualFold(in.JobTitle, iv.JobTitle) {
		f.add("job_title", "does not match the interview's job title")
	}
	switch {
	case in.InterviewScore == nil && in.UnscoredReason == "":
		f.add("interview_score", "is required (0–10), or null with an unscored_reason")
	case in.InterviewScore != nil && (math.IsNaN(*in.InterviewScore) || *in.InterviewScore < 0 || *in.InterviewScore > 10):
		f.add("interview_score", "must be from 0 to 10")
	}
	if in.InterviewScore != nil {
		v := math.Round(*in.InterviewScore*10) / 10
		in.InterviewScore = &v
	}
	checkText(f, "conclusion", in.Conclusion, 1, maxConclusionLen)
	checkText(f, "communication", in.Communication, 0, maxReportParaLen)
	checkText(f, "role_fit", in.RoleFit, 0, maxReportParaLen)
	checkText(f, "unscored_reason", in.UnscoredReason, 0, maxReasonLen)
	checkText(f, "termination_reason", in.TerminationReason, 0, maxReasonLen)
	if in.EndedBy != "" && in.EndedBy != interviewreport.EndedByCandidate && in.EndedBy != interviewreport.EndedByInterviewer {
		f.add("ended_by", `must be "candidate" or "interviewer"`)
	}
	if in.Terminated && in.TerminationReason == "" {
		f.add("termination_reason", "is required when terminated is true")
	}
	for name, list := range map[string][]string{"strengths": in.Strengths, "development_areas": in.DevelopmentAreas} {
		if len(list) > maxReportItems {
			f.add(name, fmt.Sprintf("has more than %d items", maxReportItems))
			continue
		}
		for _, item := range list {
			if strings.TrimSpace(item) == "" {
				f.add(name, "has an empty item")
			}
			checkText(f, name, item, 0, maxReportItemLen)
		}
	}
	return f.err()
}

// SaveReport stores the agent's report, ends the interview and queues the
// report e-mail to the candidate, all in one transaction. The final state
// follows how it ended (reportEnding). A report for an interview that
// already ended without one (the candidate walked out, or a timeout moved
// it first) is attached to it as it is.
func (s *Service) SaveReport(ctx context.Context, cred Credential, in ReportInput) (SavedReport, error) {
	iv := cred.Interview
	if err := checkReport(&in, iv); err != nil {
		return SavedReport{}, err
	}
	switch State(iv.State) {
	case Created, WaitingForAgent:
		return SavedReport{}, apperr.New(apperr.Conflict, CodeNotStarted, "The interview has not started: the interviewer has not joined the room.").With("state", iv.State)
	}
	claim := cred.ClaimID
	rep := InterviewReport{
		InterviewID: iv.ID, Score: in.InterviewScore, UnscoredReason: nonEmpty(in.UnscoredReason),
		Strengths: in.Strengths, DevelopmentAreas: in.DevelopmentAreas, Communication: in.Communication,
		RoleFit: in.RoleFit, Conclusion: in.Conclusion, Terminated: in.Terminated,
		TerminationReason: nonEmpty(in.TerminationReason), ClaimID: &claim, WrittenBy: interviewreport.AuthorAgent,
	}
	end := reportEnding(iv, in)
	state, err := s.storeReport(ctx, iv, rep, &end)
	if err != nil {
		return SavedReport{}, err
	}
	return SavedReport{Success: true, Message: "Report saved.", InterviewID: iv.ID, State: state, Score: in.InterviewScore}, nil
}

// finalMove is the transition a report makes, and who ended the interview.
type finalMove struct {
	to      State
	why     *Reason
	endedBy string
}

// Reasons of the endings the candidate or the server caused.
var (
	ReasonCandidateEnded = Reason{"candidate_ended", "You ended the interview early; the report covers what was said."}
	ReasonServerReport   = Reason{"report_written_by_server", "The interviewer did not deliver its report; it was written from the stored transcript."}
)

// reportEnding decides where an agent's report moves the interview: the
// candidate's request to end wins (completed, ended by the candidate),
// then walking out (abandoned), then the interviewer stopping early
// (terminated); otherwise it completed normally.
func reportEnding(iv Interview, in ReportInput) finalMove {
	switch {
	case iv.EndRequestedAt != nil:
		return finalMove{Completed, &ReasonCandidateEnded, interviewreport.EndedByCandidate}
	case in.Abandoned:
		return finalMove{Abandoned, &ReasonCandidateLeft, interviewreport.EndedByCandidate}
	case in.Terminated:
		return finalMove{Terminated, &Reason{Code: "terminated_by_interviewer", Message: in.TerminationReason}, interviewreport.EndedByInterviewer}
	}
	return finalMove{Completed, nil, interviewreport.EndedByInterviewer}
}

// storeReport stores a report, moves the interview by end (when it is
// still in progress; an ended one keeps its state) and queues the e-mail,
// in one transaction, then publishes. It returns the final state.
func (s *Service) storeReport(ctx context.Context, iv Interview, rep InterviewReport, end *finalMove) (State, error) {
	msg, err := s.templates.report(iv, rep, s.cfg.FrontendURL)
	if err != nil {
		return "", err
	}
	var o outbox
	var moved *Interview
	state := State(iv.State)
	err = s.st.InTx(ctx, func(tx Tx) error {
		ptx := tx.Pgx()
		if err := tx.SaveReport(ctx, rep); err != nil {
			if errors.Is(err, ErrReportExists) {
				return apperr.New(apperr.Conflict, CodeReportExists, "This interview's report is already saved.")
			}
			return err
		}
		if _, err := s.event(ctx, tx, &o, iv.ID, TypeReport, reportData(rep)); err != nil {
			return err
		}
		if end != nil {
			m, err := s.move(ctx, tx, &o, iv.ID, end.to, end.why, map[string]any{"ended_by": end.endedBy})
			switch {
			case err == nil:
				moved, state = &m, end.to
				if err := tx.SetEndedBy(ctx, iv.ID, end.endedBy); err != nil {
					return err
				}
			case apperr.CodeOf(err) == CodeIllegalTransition && State(m.State).Terminal():
				// Ended already (walked out, timed out): the report is attached.
				state = State(m.State)
			default:
				return err
			}
		}
		// This report is counted: past the daily limit of the address it
		// is kept (the candidate reads it in the app) but not mailed.
		n, err := tx.ReportsSince(ctx, iv.CandidateEmail, time.Now().Add(-24*time.Hour))
		if err != nil {
			return err
		}
		if n > s.cfg.MaxReportMailsPerDay {
			s.log.Info("report not mailed: the address reached its daily limit of report e-mails", "interview_id", iv.ID, "limit", s.cfg.MaxReportMailsPerDay)
			return nil
		}
		return s.cfg.Mailer.EnqueueTx(ctx, ptx, msg)
	})
	if err != nil {
		return "", err
	}
	s.flush(ctx, &o)
	if moved != nil {
		s.ended(ctx, *moved)
	}
	return state, nil
}

func reportData(r InterviewReport) map[string]any {
	return map[string]any{
		"interview_score": r.Score, "unscored_reason": r.UnscoredReason, "strengths": nonNil(r.Strengths),
		"development_areas": nonNil(r.DevelopmentAreas), "communication": r.Communication, "role_fit": r.RoleFit,
		"conclusion": r.Conclusion, "terminated": r.Terminated, "termination_reason": r.TerminationReason,
		"written_by": orDefault(r.WrittenBy, interviewreport.AuthorAgent),
	}
}

// HandlePublish is the hub's OnPublish hook for interview:<id>: it checks an
// agent's publication, stores transcript segments (idempotently by seq)
// and agent events (once per idempotency key), and applies the events that
// move the interview (each application is idempotent). It runs before the
// hub's broker and again for every resend, so a Redis outage never loses
// what it stored. An error refuses the publication.
func (s *Service) HandlePublish(ctx context.Context, _ hub.Principal, channel string, data []byte, key string) error {
	id, err := interviewIDOf(channel)
	if err != nil {
		return nil // not ours; the namespace's authorizer decided
	}
	m, err := parseAgentMessage(data)
	if err != nil {
		return err
	}
	if m.Type == TypeTranscript {
		seg, _ := m.segment()
		return s.storeSegment(ctx, id, seg)
	}
	return s.agentEvent(ctx, id, m, key)
}

func (s *Service) storeSegment(ctx context.Context, id string, seg Segment) error {
	out, err := s.st.UpsertSegment(ctx, id, InterviewSegment(seg))
	if err != nil {
		s.metrics.segments.WithLabelValues("error").Inc()
		s.log.Error("store transcript segment", "interview_id", id, "seq", seg.Seq, "err", err)
		return hub.NewError(hub.CodeInternal, "The segment could not be stored; send it again.")
	}
	switch out {
	case SegmentFinalized:
		s.metrics.segments.WithLabelValues("refused_final").Inc()
		return refuse(CodeSegmentFinal, "Segment %d is already final; a final segment is never replaced.", seg.Seq)
	case SegmentUnchanged:
		s.metrics.segments.WithLabelValues("duplicate").Inc()
	default:
		s.metrics.segments.WithLabelValues("stored").Inc()
	}
	return nil
}

// agentEvent stores an agent event in the timeline (speaking/listening are
// only relayed), once per idempotency key, and applies it to the lifecycle;
// a resend applies it again, which changes nothing the first one did.
func (s *Service) agentEvent(ctx context.Context, id string, m agentMessage, key string) error {
	iv, err := s.st.Get(ctx, id)
	if err != nil {
		return refuse(CodeInvalidMessage, "No such interview.")
	}
	if ephemeralEvents[m.Event] {
		return nil
	}
	if n, err := s.st.CountEvents(ctx, id); err == nil && n >= s.cfg.MaxEvents {
		return refuse(CodeTimelineFull, "This interview's timeline is full (%d entries).", s.cfg.MaxEvents)
	}
	data := map[string]any{"event": m.Event}
	if m.Reason != "" {
		data["reason"] = m.Reason
	}
	if m.Message != "" {
		data["message"] = m.Message
	}
	if _, err := s.st.AddEventOnce(ctx, id, TypeAgent, key, mustJSON(data)); err != nil {
		s.log.Error("store agent event", "interview_id", id, "err", err)
		return hub.NewError(hub.CodeInternal, "The event could not be stored; send it again.")
	}
	switch m.Event {
	case AgentJoined:
		if err := s.st.Joined(ctx, id, PartAgent, time.Now()); err != nil {
			s.log.Error("record agent joined", "interview_id", id, "err", err)
		}
		if iv.State == string(WaitingForAgent) {
			s.startIfWaiting(ctx, id)
		}
	case AgentEnding:
		if _, err := s.st.AgentEnding(ctx, id); err != nil {
			s.log.Error("record agent ending", "interview_id", id, "err", err)
		}
	case AgentAbandoned:
		if iv.EndRequestedAt != nil {
			// The candidate asked to end and then left: the agent's report
			// completes the interview.
			return nil
		}
		fallthrough
	case AgentFailed:
		to := Failed
		if m.Event == AgentAbandoned {
			to = Abandoned
		}
		msg := m.Message
		if msg == "" {
			msg = "The interview could not continue. Please start a new session."
		}
		if _, err := s.Transition(ctx, id, to, &Reason{Code: m.Reason, Message: msg}); err != nil && apperr.CodeOf(err) != CodeIllegalTransition {
			s.log.Error("apply agent event", "interview_id", id, "event", m.Event, "err", err)
		}
	}
	return nil
}

// startIfWaiting moves a waiting interview whose agent is in the room to
// in_progress; a concurrent mover having done it already is fine.
func (s *Service) startIfWaiting(ctx context.Context, id string) {
	if _, err := s.Transition(ctx, id, InProgress, nil); err != nil && apperr.CodeOf(err) != CodeIllegalTransition {
		s.log.Error("start interview", "interview_id", id, "err", err)
	}
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
