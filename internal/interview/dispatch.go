package interview

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/utopiahire/utopiahire/internal/agentapi"
	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/auth"
	"github.com/utopiahire/utopiahire/internal/livekit"
)

// agentIdentityPrefix starts the LiveKit identity of an agent in a room.
const agentIdentityPrefix = "agent-"

// WorkerSession is the answer to POST /api/agents/session: a dispatch
// credential (hub connect token for agents:dispatch, Bearer for claims).
type WorkerSession = agentapi.Dispatch

var errBadSecret = apperr.New(apperr.Unauthorized, CodeBadAgentSecret, "Agent authentication failed: send \"Authorization: Bearer <AGENT_SECRET>\".")

// OpenWorkerSession checks the agent secret and issues a dispatch
// credential to worker workerID.
func (s *Service) OpenWorkerSession(secret, workerID string) (WorkerSession, error) {
	got := sha256.Sum256([]byte(secret))
	if secret == "" || subtle.ConstantTimeCompare(got[:], s.secret[:]) != 1 {
		return WorkerSession{}, errBadSecret
	}
	if !validWorkerID(workerID) {
		f := fields{}
		f.add("worker_id", "must be 1–64 letters, digits, '.', '_' or '-'")
		return WorkerSession{}, f.err()
	}
	tok, exp, err := s.cfg.Tokens.IssueAgent(auth.AgentGrant{Subject: WorkerSubjectPrefix + workerID, Scope: DispatchScope, TTL: s.cfg.WorkerTTL})
	if err != nil {
		return WorkerSession{}, fmt.Errorf("issue dispatch credential: %w", err)
	}
	return WorkerSession{Token: tok, ExpiresAt: wireTime(exp), Channel: DispatchChannel}, nil
}

// AuthenticateWorker verifies a dispatch credential and returns the worker id.
func (s *Service) AuthenticateWorker(raw string) (string, error) {
	c, err := s.cfg.Tokens.Verify(raw, auth.TypeAgent)
	if err != nil {
		return "", err
	}
	worker, ok := strings.CutPrefix(c.Subject, WorkerSubjectPrefix)
	if c.Scope != DispatchScope || !ok || !validWorkerID(worker) {
		return "", errNeedWorker
	}
	return worker, nil
}

// Credential is an authenticated interview credential: the interview as it
// is now and the claim the credential names.
type Credential struct {
	Interview Interview
	ClaimID   string
}

// AuthenticateInterview verifies an interview credential and checks that
// its claim still holds the interview (a released or replaced claim voids
// it).
func (s *Service) AuthenticateInterview(ctx context.Context, raw string) (Credential, error) {
	c, err := s.cfg.Tokens.Verify(raw, auth.TypeAgent)
	if err != nil {
		return Credential{}, err
	}
	claimID, ok := strings.CutPrefix(c.Subject, ClaimSubjectPrefix)
	id, isInterview := strings.CutPrefix(c.Scope, ChannelNamespace+":")
	if !ok || !isInterview || id == "" {
		return Credential{}, errNeedInterview
	}
	iv, err := s.st.Get(ctx, id)
	if errors.Is(err, apperr.ErrNotFound) {
		// Deleted since the claim.
		return Credential{}, errClaimLost
	}
	if err != nil {
		return Credential{}, err
	}
	if iv.ClaimID == nil || *iv.ClaimID != claimID {
		return Credential{}, errClaimLost
	}
	return Credential{Interview: iv, ClaimID: claimID}, nil
}

// Claimed is the answer to POST /api/agents/claim.
type Claimed = agentapi.Claim

// Claim gives the interview to worker when it is waiting and nobody holds
// it: of workers racing, exactly one wins (a conditional UPDATE); the
// others get 409 interview_claimed.
func (s *Service) Claim(ctx context.Context, worker, interviewID string) (Claimed, error) {
	if s.cfg.LiveKit == nil {
		return Claimed{}, errLiveKitOff
	}
	if !validID(interviewID) {
		return Claimed{}, errNotFound
	}
	claimID := uuid.NewString()
	identity := agentIdentityPrefix + worker
	var o outbox
	var iv Interview
	err := s.st.InTx(ctx, func(tx Tx) error {
		var err error
		iv, err = tx.Claim(ctx, interviewID, worker, claimID, identity)
		switch {
		case errors.Is(err, apperr.ErrNotFound):
			return errNotFound
		case errors.Is(err, ErrStateChanged):
			if iv.State == string(WaitingForAgent) && iv.ClaimID != nil {
				return apperr.New(apperr.Conflict, CodeAlreadyClaimed, "Another agent claimed this interview first.")
			}
			return apperr.New(apperr.Conflict, CodeNotWaiting, fmt.Sprintf("The interview is %s, not waiting for an agent.", iv.State)).With("state", iv.State)
		case err != nil:
			return err
		}
		_, err = s.event(ctx, tx, &o, iv.ID, TypeClaimed, map[string]any{"agent_id": worker, "identity": identity})
		return err
	})
	if err != nil {
		outcome := "error"
		switch apperr.CodeOf(err) {
		case CodeAlreadyClaimed:
			outcome = "lost"
		case CodeNotWaiting, CodeNotFound:
			outcome = "not_waiting"
		}
		s.metrics.claims.WithLabelValues(outcome).Inc()
		return Claimed{}, err
	}
	s.metrics.claims.WithLabelValues("won").Inc()
	s.flush(ctx, &o)
	s.withdraw(ctx, iv.ID, "claimed")
	cred, exp, err := s.cfg.Tokens.IssueAgent(auth.AgentGrant{Subject: ClaimSubjectPrefix + claimID, Scope: Channel(iv.ID), TTL: s.cfg.CredentialTTL})
	if err != nil {
		return Claimed{}, fmt.Errorf("issue interview credential: %w", err)
	}
	lk, err := s.cfg.LiveKit.JoinToken(identity, "Interviewer", iv.Room, s.cfg.JoinTTL, livekit.TokenOptions{Role: livekit.RoleAgent})
	if err != nil {
		return Claimed{}, fmt.Errorf("agent livekit token: %w", err)
	}
	return Claimed{
		ClaimID: claimID, Credential: cred, ExpiresAt: wireTime(exp), InterviewID: iv.ID, Room: iv.Room,
		Channel: Channel(iv.ID), LiveKitURL: s.cfg.LiveKitURL, LiveKitToken: lk, Identity: identity,
	}, nil
}

// Released is the answer to POST /api/agents/release.
type Released struct {
	InterviewID string `json:"interview_id"`
	State       State  `json:"state"`
	Reoffered   bool   `json:"reoffered"`
}

// Release gives the interview up: back to the dispatch queue when the
// agent never joined the room, otherwise the interview fails with reason.
func (s *Service) Release(ctx context.Context, cred Credential, reason string) (Released, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" || utf8.RuneCountInString(reason) > 500 || !utf8.ValidString(reason) {
		f := fields{}
		f.add("reason", "is required (at most 500 characters)")
		return Released{}, f.err()
	}
	iv := cred.Interview
	if State(iv.State).Terminal() {
		return Released{}, errEnded.With("state", iv.State)
	}
	if iv.State == string(WaitingForAgent) && iv.AgentJoinedAt == nil {
		var o outbox
		err := s.st.InTx(ctx, func(tx Tx) error {
			var err error
			iv, err = tx.Release(ctx, iv.ID, cred.ClaimID)
			if errors.Is(err, ErrStateChanged) {
				return errClaimLost
			}
			if err != nil {
				return err
			}
			_, err = s.event(ctx, tx, &o, iv.ID, TypeReleased, map[string]any{"agent_id": deref(cred.Interview.AgentID), "reason": reason})
			return err
		})
		if err != nil {
			return Released{}, err
		}
		s.flush(ctx, &o)
		s.cutAgent(ctx, cred.ClaimID, iv.ID)
		s.offer(ctx, iv)
		return Released{InterviewID: iv.ID, State: WaitingForAgent, Reoffered: true}, nil
	}
	why := Reason{Code: "interviewer_released", Message: "The interviewer could not continue the interview. Please start a new session."}
	moved, err := s.transition(ctx, iv.ID, Failed, &why, map[string]any{"agent_reason": reason})
	if err != nil {
		return Released{}, err
	}
	return Released{InterviewID: moved.ID, State: State(moved.State)}, nil
}

// cutAgent ends a released claim's live subscription to the interview.
func (s *Service) cutAgent(ctx context.Context, claimID, interviewID string) {
	if err := s.cfg.Hub.Unsubscribe(context.WithoutCancel(ctx), ClaimSubjectPrefix+claimID, Channel(interviewID)); err != nil {
		s.log.Warn("cut released agent's subscription", "interview_id", interviewID, "err", err)
	}
}

// offer publishes the interview on agents:dispatch and records when.
func (s *Service) offer(ctx context.Context, iv Interview) {
	now := time.Now()
	if err := s.st.MarkOffered(ctx, iv.ID); err != nil {
		s.log.Warn("mark interview offered", "interview_id", iv.ID, "err", err)
	}
	s.publishOffer(ctx, iv, now)
}

func (s *Service) publishOffer(ctx context.Context, iv Interview, at time.Time) {
	b, _ := json.Marshal(map[string]any{
		"type": TypeOffer, "interview_id": iv.ID, "room": iv.Room, "language": iv.Language, "offered_at": rfc3339(at),
	})
	if _, err := s.cfg.Hub.Publish(context.WithoutCancel(ctx), DispatchChannel, b); err != nil {
		s.log.Warn("offer interview", "interview_id", iv.ID, "err", err)
	}
}

// withdraw tells agents an offer is gone (claimed, ended or deleted).
func (s *Service) withdraw(ctx context.Context, id, why string) {
	b, _ := json.Marshal(map[string]any{"type": TypeWithdrawn, "interview_id": id, "reason": why})
	if _, err := s.cfg.Hub.Publish(context.WithoutCancel(ctx), DispatchChannel, b); err != nil {
		s.log.Warn("withdraw offer", "interview_id", id, "err", err)
	}
}

func validWorkerID(s string) bool {
	if len(s) == 0 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func rfc3339(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// wireTime is t as the contract's time fields carry it: UTC, whole
// seconds, so it encodes as rfc3339 does.
func wireTime(t time.Time) time.Time { return t.UTC().Truncate(time.Second) }

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
