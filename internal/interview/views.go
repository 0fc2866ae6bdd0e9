package interview

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/livekit"
)

// Event is one entry of an interview's timeline.
type Event struct {
	ID   int64           `json:"id"`
	Type string          `json:"type"`
	Data json.RawMessage `json:"data"`
	At   time.Time       `json:"at"`
}

// Report is an interview's report as the API shows it.
type Report struct {
	InterviewScore    *float64 `json:"interview_score"`
	UnscoredReason    *string  `json:"unscored_reason"`
	Strengths         []string `json:"strengths"`
	DevelopmentAreas  []string `json:"development_areas"`
	Communication     string   `json:"communication"`
	RoleFit           string   `json:"role_fit"`
	Conclusion        string   `json:"conclusion"`
	Terminated        bool     `json:"terminated"`
	TerminationReason *string  `json:"termination_reason"`
	// WrittenBy: "agent", or "server" when the interviewer was gone and the
	// server wrote it from the stored transcript.
	WrittenBy string    `json:"written_by"`
	CreatedAt time.Time `json:"created_at"`
}

// Detail is GET /api/interviews/{id}: the interview and its full timeline.
type Detail struct {
	ID        string  `json:"id"`
	Role      string  `json:"role"`
	State     State   `json:"state"`
	EndReason *Reason `json:"end_reason"`
	// EndedBy: who ended it (candidate, interviewer, server); null while live.
	EndedBy *string `json:"ended_by"`
	// EndRequestedAt: the candidate asked to end; the report is being written.
	EndRequestedAt *time.Time   `json:"end_requested_at"`
	CandidateName  string       `json:"candidate_name"`
	CandidateEmail string       `json:"candidate_email"`
	JobTitle       string       `json:"job_title"`
	JobDescription string       `json:"job_description"`
	CVFilename     *string      `json:"cv_filename"`
	Language       string       `json:"language"`
	Room           string       `json:"room"`
	Channel        string       `json:"channel"`
	CreatedAt      time.Time    `json:"created_at"`
	WaitingAt      *time.Time   `json:"waiting_at"`
	StartedAt      *time.Time   `json:"started_at"`
	EndedAt        *time.Time   `json:"ended_at"`
	Events         []Event      `json:"events"`
	Transcript     []Segment    `json:"transcript"`
	Report         *Report      `json:"report"`
	Notes          []Note       `json:"notes"`
	Reviewers      []Invitation `json:"reviewers,omitempty"`
}

// Get returns the interview with everything that happened in it, to its
// owner or an invited reviewer; anyone else gets 404.
func (s *Service) Get(ctx context.Context, u User, id string) (Detail, error) {
	iv, role, err := s.st.Access(ctx, u.ID, id)
	if err != nil {
		return Detail{}, notFoundAs(err)
	}
	d := Detail{
		ID: iv.ID, Role: role, State: State(iv.State), CandidateName: iv.CandidateName, CandidateEmail: iv.CandidateEmail,
		JobTitle: iv.JobTitle, JobDescription: iv.JobDescription, CVFilename: iv.CVFilename, Language: iv.Language,
		Room: iv.Room, Channel: Channel(iv.ID), CreatedAt: iv.CreatedAt, WaitingAt: iv.WaitingAt, StartedAt: iv.StartedAt,
		EndedAt: iv.EndedAt, EndedBy: iv.EndedBy, EndRequestedAt: iv.EndRequestedAt, Events: []Event{}, Transcript: []Segment{}, Notes: []Note{},
	}
	if iv.EndReason != nil {
		d.EndReason = &Reason{Code: *iv.EndReason, Message: deref(iv.EndMessage)}
	}
	evs, err := s.st.Events(ctx, id)
	if err != nil {
		return Detail{}, err
	}
	for _, e := range evs {
		d.Events = append(d.Events, Event{ID: e.ID, Type: e.Kind, Data: json.RawMessage(e.Data), At: e.CreatedAt})
	}
	segs, err := s.st.Segments(ctx, id)
	if err != nil {
		return Detail{}, err
	}
	for _, g := range segs {
		d.Transcript = append(d.Transcript, Segment(g))
	}
	if rep, err := s.st.Report(ctx, id); err == nil {
		d.Report = reportOf(rep)
	} else if !errors.Is(err, apperr.ErrNotFound) {
		return Detail{}, err
	}
	notes, err := s.st.Notes(ctx, id)
	if err != nil {
		return Detail{}, err
	}
	for _, n := range notes {
		d.Notes = append(d.Notes, noteOf(n))
	}
	if role == "owner" {
		if d.Reviewers, err = s.Reviewers(ctx, u, id); err != nil {
			return Detail{}, err
		}
	}
	return d, nil
}

func reportOf(r InterviewReport) *Report {
	return &Report{
		InterviewScore: r.Score, UnscoredReason: r.UnscoredReason, Strengths: nonNil(r.Strengths),
		DevelopmentAreas: nonNil(r.DevelopmentAreas), Communication: r.Communication, RoleFit: r.RoleFit,
		Conclusion: r.Conclusion, Terminated: r.Terminated, TerminationReason: r.TerminationReason, WrittenBy: r.WrittenBy,
		CreatedAt: r.CreatedAt,
	}
}

// Summary is a row of an interview list (the contract's fields first).
type Summary struct {
	ID             string     `json:"id"`
	JobTitle       string     `json:"job_title"`
	InterviewScore *float64   `json:"interview_score"`
	Conclusion     *string    `json:"conclusion"`
	CreatedAt      time.Time  `json:"created_at"`
	State          State      `json:"state"`
	OwnerName      string     `json:"owner_name,omitempty"`
	StartedAt      *time.Time `json:"started_at"`
	EndedAt        *time.Time `json:"ended_at"`
}

func summaries(rows []InterviewSummary, withOwner bool) []Summary {
	out := make([]Summary, 0, len(rows))
	for _, r := range rows {
		sm := Summary{ID: r.ID, JobTitle: r.JobTitle, InterviewScore: r.Score, Conclusion: r.Conclusion,
			CreatedAt: r.CreatedAt, State: State(r.State), StartedAt: r.StartedAt, EndedAt: r.EndedAt}
		if withOwner {
			sm.OwnerName = r.OwnerName
		}
		out = append(out, sm)
	}
	return out
}

// ByEmail is GET /api/interviews/email/{email} (contract shape).
type ByEmail struct {
	Success         bool      `json:"success"`
	UserID          string    `json:"user_id"`
	UserName        string    `json:"user_name"`
	UserEmail       string    `json:"user_email"`
	TotalInterviews int       `json:"total_interviews"`
	Interviews      []Summary `json:"interviews"`
}

const maxListed = 200

// ListByEmail lists the user's interviews; email must be their own.
func (s *Service) ListByEmail(ctx context.Context, u User, email string) (ByEmail, error) {
	if !strings.EqualFold(strings.TrimSpace(email), u.Email) {
		return ByEmail{}, apperr.New(apperr.Forbidden, CodeNotOwnEmail, "You can only list the interviews of your own address.")
	}
	rows, err := s.st.ListForOwner(ctx, u.ID, maxListed)
	if err != nil {
		return ByEmail{}, err
	}
	list := summaries(rows, false)
	return ByEmail{Success: true, UserID: u.ID, UserName: u.Name, UserEmail: u.Email, TotalInterviews: len(list), Interviews: list}, nil
}

// List returns the user's own interviews, newest first.
func (s *Service) List(ctx context.Context, u User) ([]Summary, error) {
	rows, err := s.st.ListForOwner(ctx, u.ID, maxListed)
	if err != nil {
		return nil, err
	}
	return summaries(rows, false), nil
}

// Shared lists the interviews shared with the user as a reviewer.
func (s *Service) Shared(ctx context.Context, u User) ([]Summary, error) {
	rows, err := s.st.SharedWith(ctx, u.ID, maxListed)
	if err != nil {
		return nil, err
	}
	return summaries(rows, true), nil
}

// Delete erases the owner's interview with everything hanging off it; a
// live one is withdrawn from agents and its room closed.
func (s *Service) Delete(ctx context.Context, u User, id string) error {
	iv, err := s.st.Delete(ctx, u.ID, id)
	if err != nil {
		return notFoundAs(err)
	}
	b, _ := channelMessage(TypeState, 0, time.Now(), map[string]any{"state": "deleted", "from": iv.State, "to": "deleted"})
	if _, err := s.cfg.Hub.Publish(context.WithoutCancel(ctx), Channel(id), b); err != nil {
		s.log.Warn("publish deletion", "interview_id", id, "err", err)
	}
	if State(iv.State).Terminal() {
		return nil
	}
	s.withdraw(ctx, id, "deleted")
	if iv.ClaimID != nil {
		s.cutAgent(ctx, *iv.ClaimID, id)
	}
	if s.cfg.Rooms != nil {
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if err := s.cfg.Rooms.Delete(rctx, iv.Room); err != nil && livekit.ErrorCode(err) != livekit.CodeRoomNotFound {
			s.log.Warn("close deleted interview's room", "interview_id", id, "err", err)
		}
	}
	return nil
}
