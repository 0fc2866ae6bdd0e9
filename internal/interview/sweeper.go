package interview

import (
	"context"
	"time"

	"github.com/utopiahire/utopiahire/internal/apperr"
)

// overdueReasons maps the store's overdue rules to the end they lead to.
var overdueReasons = map[string]struct {
	to  State
	why Reason
}{
	"candidate_left":           {Abandoned, ReasonCandidateLeft},
	"setup_failed":             {Failed, ReasonSetupFailed},
	"no_interviewer":           {Failed, ReasonNoInterviewer},
	"interviewer_did_not_join": {Failed, ReasonDidNotJoin},
	"interviewer_disconnected": {Failed, ReasonAgentLost},
	"agent_gone":               {Failed, ReasonAgentLost},
	"report_not_saved":         {Failed, ReasonNoReport},
	"too_long":                 {Failed, ReasonTooLong},
}

const sweepBatch = 100

// Run sweeps until ctx ends: it re-offers interviews still unclaimed every
// ReofferEvery and ends interviews past a timeout (no agent claimed or
// joined in time, the candidate out of the room past the grace period, no
// report after the agent said it was ending, the agent silent past
// AgentSilence, too long); those whose agent is gone get a report written
// by the server (finishOverdue). Every deadline is a column compared with
// now(), so a restarted server resumes them where they were. Servers sweeping
// the same database at once do not double-offer (SKIP LOCKED), and each
// transition is conditional, so at most one applies.
func (s *Service) Run(ctx context.Context) {
	t := time.NewTicker(s.cfg.SweepEvery)
	defer t.Stop()
	for {
		s.Sweep(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Sweep runs one round of Run.
func (s *Service) Sweep(ctx context.Context) {
	due, err := s.st.TakeDueOffers(ctx, s.cfg.ReofferEvery, sweepBatch)
	if err != nil && ctx.Err() == nil {
		s.log.Error("sweep offers", "err", err)
	}
	for _, iv := range due {
		s.publishOffer(ctx, iv, time.Now())
	}
	over, err := s.st.Overdue(ctx, OverdueLimits{
		Claim: s.cfg.ClaimTimeout, Grace: s.cfg.AbandonGrace, Report: s.cfg.ReportTimeout, MaxDuration: s.cfg.MaxDuration,
		AgentSilence: s.cfg.AgentSilence, SeenSince: s.started,
	}, sweepBatch)
	if err != nil && ctx.Err() == nil {
		s.log.Error("sweep overdue interviews", "err", err)
	}
	for _, o := range over {
		if err := s.finishOverdue(ctx, o); err != nil && apperr.CodeOf(err) != CodeIllegalTransition && ctx.Err() == nil {
			s.log.Error("end overdue interview", "interview_id", o.ID, "reason", o.Reason, "err", err)
		}
	}
}
