package interview

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/jobs"
	"github.com/utopiahire/utopiahire/internal/livekit"
)

// User is the signed-in user a request acts for.
type User struct {
	ID    string
	Name  string
	Email string
}

// StartInput is POST /api/start-session.
type StartInput struct {
	Identity       string
	Name           string
	CVFilename     string
	AnalysisID     string
	JobTitle       string
	JobDescription string
	CandidateName  string
	CandidateEmail string
	Language       string
}

// Limits on what a candidate sends.
const (
	maxJobTitle       = 200
	maxJobDescription = 20000
	maxNameLen        = 100
	maxCVText         = 60000
	roomPrefix        = "interview-"
	listenerPrefix    = "reviewer-"
	interviewerPrefix = "interviewer-"
)

// Started is what start-session returns: the contract's LiveKit join
// fields plus the interview and its hub channel.
type Started struct {
	Token       string    `json:"token"`
	URL         string    `json:"url"`
	Identity    string    `json:"identity"`
	Room        string    `json:"room"`
	InterviewID string    `json:"interview_id"`
	Channel     string    `json:"channel"`
	State       State     `json:"state"`
	ExpiresAt   time.Time `json:"expires_at"`
}

// Start creates an interview for u, prepares its LiveKit room, offers it to
// agent workers and returns the candidate's join token.
func (s *Service) Start(ctx context.Context, u User, in StartInput) (Started, error) {
	if s.cfg.LiveKit == nil {
		return Started{}, errLiveKitOff
	}
	n, err := s.checkStart(u, &in)
	if err != nil {
		return Started{}, err
	}
	live, err := s.st.CountLive(ctx, u.ID)
	if err != nil {
		return Started{}, err
	}
	if live >= s.cfg.MaxLivePerUser {
		return Started{}, apperr.New(apperr.Conflict, CodeTooManyLive,
			fmt.Sprintf("You already have %d interviews that have not ended; finish or delete one first.", live))
	}
	// Each interview ends with a report mailed to its candidate address.
	byOwner, toEmail, err := s.st.InterviewsSince(ctx, u.ID, n.CandidateEmail, time.Now().Add(-24*time.Hour))
	if err != nil {
		return Started{}, err
	}
	if byOwner >= s.cfg.MaxReportMailsPerDay || toEmail >= s.cfg.MaxReportMailsPerDay {
		e := apperr.New(apperr.RateLimited, CodeReportMailLimit, fmt.Sprintf(
			"Each interview e-mails its report: at most %d a day per account and per address; try again tomorrow.", s.cfg.MaxReportMailsPerDay))
		e.RetryAfter = time.Hour
		return Started{}, e
	}
	if err := s.attachCV(ctx, u.ID, in, &n); err != nil {
		return Started{}, err
	}
	iv, err := s.create(ctx, n)
	if err != nil {
		return Started{}, err
	}
	exp := time.Now().Add(s.cfg.JoinTTL)
	token, err := s.cfg.LiveKit.JoinToken(iv.CandidateIdentity, displayName(in.Name, iv.CandidateName), iv.Room, s.cfg.JoinTTL, livekit.TokenOptions{Role: livekit.RoleCandidate})
	if err != nil {
		return Started{}, s.setupFailed(ctx, iv, fmt.Errorf("candidate token: %w", err))
	}
	if err := s.prepareRoom(ctx, iv); err != nil {
		return Started{}, s.setupFailed(ctx, iv, err)
	}
	if _, err := s.Transition(ctx, iv.ID, WaitingForAgent, nil); err != nil {
		return Started{}, err
	}
	s.offer(ctx, iv)
	return Started{
		Token: token, URL: s.cfg.LiveKitURL, Identity: iv.CandidateIdentity, Room: iv.Room,
		InterviewID: iv.ID, Channel: Channel(iv.ID), State: WaitingForAgent, ExpiresAt: exp,
	}, nil
}

// languageCode reads the interview language as en or fr: the codes, or
// the names the existing frontend sends ("English", "French", any case; the
// French names too). Empty is English; anything else is returned lowered,
// for checkStart to refuse.
func languageCode(s string) string {
	switch l := strings.ToLower(strings.TrimSpace(s)); l {
	case "", "en", "english", "anglais":
		return "en"
	case "fr", "french", "français", "francais":
		return "fr"
	default:
		return l
	}
}

// checkStart validates the request, filling defaults from the account.
func (s *Service) checkStart(u User, in *StartInput) (NewInterview, error) {
	f := fields{}
	in.JobTitle = strings.TrimSpace(in.JobTitle)
	// A posting's HTML becomes the readable text the skills gap reads too.
	in.JobDescription = jobs.Text(in.JobDescription)
	in.CandidateName = orDefault(strings.TrimSpace(in.CandidateName), u.Name)
	in.CandidateEmail = orDefault(strings.TrimSpace(in.CandidateEmail), u.Email)
	in.Language = languageCode(in.Language)
	checkText(f, "job_title", in.JobTitle, 1, maxJobTitle)
	checkText(f, "job_description", in.JobDescription, 0, maxJobDescription)
	checkText(f, "candidate_name", in.CandidateName, 1, maxNameLen)
	checkText(f, "name", strings.TrimSpace(in.Name), 0, maxNameLen)
	if msg := checkEmail(in.CandidateEmail); msg != "" {
		f.add("candidate_email", msg)
	} else if !strings.EqualFold(in.CandidateEmail, u.Email) {
		// The report is mailed to this address: anything but the account's
		// own (verified: sign-in requires it) would mail whoever the caller
		// names, with a job title of their choosing.
		f.add("candidate_email", "must be your account's verified e-mail address")
	}
	if in.Language != "en" && in.Language != "fr" {
		f.add("language", `must be "en" or "fr" (or "English", "French")`)
	}
	identity := strings.TrimSpace(in.Identity)
	switch {
	case identity == "":
		identity = "candidate-" + randomHex(6)
	case !validIdentity(identity):
		f.add("identity", "must be 1–64 letters, digits, '.', '_' or '-', not starting with agent-, interviewer- or reviewer-")
	}
	if in.CVFilename == "" && in.AnalysisID == "" {
		f.add("cv_filename", "is required: the name of an uploaded CV (or send analysis_id)")
	}
	if in.AnalysisID != "" {
		if _, err := uuid.Parse(in.AnalysisID); err != nil {
			f.add("analysis_id", "is not an analysis id")
		}
	}
	return NewInterview{
		UserID: u.ID, CandidateName: in.CandidateName, CandidateEmail: in.CandidateEmail, CandidateIdentity: identity,
		JobTitle: in.JobTitle, JobDescription: in.JobDescription, Language: in.Language, RoomPrefix: roomPrefix,
	}, f.err()
}

// attachCV finds the CV the interview is about and copies its text.
func (s *Service) attachCV(ctx context.Context, userID string, in StartInput, n *NewInterview) error {
	var cv InterviewCV
	var err error
	if in.AnalysisID != "" {
		cv, err = s.st.CVByAnalysis(ctx, userID, in.AnalysisID)
	} else {
		cv, err = s.st.CVByFilename(ctx, userID, in.CVFilename)
	}
	if errors.Is(err, apperr.ErrNotFound) {
		return apperr.New(apperr.Validation, CodeCVNotFound, "No CV of yours by that name or analysis; upload it first.").
			With("fields", map[string]string{"cv_filename": "no such uploaded CV"})
	}
	if err != nil {
		return err
	}
	text := ""
	switch {
	case cv.Text != nil:
		text = *cv.Text
	case cv.FileID != nil:
		// A file never analysed and stored before extractions were kept
		// with files: read once, kept for next time.
		if text, err = s.cfg.CVs.FileText(ctx, userID, *cv.FileID); err != nil {
			return apperr.Wrap(err, apperr.Validation, CodeCVNotFound, "The text of that CV could not be read; upload it again.")
		}
	}
	n.CVFileID, n.CVFilename, n.CVText = cv.FileID, cv.Filename, truncateRunes(text, maxCVText)
	return nil
}

// create stores the interview in state created with its first event.
func (s *Service) create(ctx context.Context, n NewInterview) (Interview, error) {
	var o outbox
	var iv Interview
	err := s.st.InTx(ctx, func(tx Tx) error {
		var err error
		if iv, err = tx.Create(ctx, n); err != nil {
			return err
		}
		_, err = s.event(ctx, tx, &o, iv.ID, TypeState, map[string]any{"from": "", "to": string(Created), "state": string(Created)})
		return err
	})
	if err != nil {
		return Interview{}, err
	}
	s.metrics.transitions.WithLabelValues(string(Created)).Inc()
	s.flush(ctx, &o)
	return iv, nil
}

// prepareRoom creates the LiveKit room with timeouts that match ours, so
// LiveKit closes it (room_finished) when nobody comes or everybody left.
func (s *Service) prepareRoom(ctx context.Context, iv Interview) error {
	if s.cfg.Rooms == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	_, err := s.cfg.Rooms.Create(ctx, iv.Room, livekit.RoomOptions{
		EmptyTimeout:     2*s.cfg.ClaimTimeout + s.cfg.AbandonGrace,
		DepartureTimeout: s.cfg.AbandonGrace,
		MaxParticipants:  2 + uint32(s.cfg.MaxReviewers),
	})
	return err
}

// setupFailed ends an interview whose room could not be prepared and
// returns the error for the client.
func (s *Service) setupFailed(ctx context.Context, iv Interview, cause error) error {
	s.log.Error("interview setup failed", "interview_id", iv.ID, "err", cause)
	if _, err := s.Transition(ctx, iv.ID, Failed, &ReasonLiveKitDown); err != nil {
		s.log.Error("mark interview failed", "interview_id", iv.ID, "err", err)
	}
	return apperr.Wrap(cause, apperr.Unavailable, CodeLiveKitDown, ReasonLiveKitDown.Message).With("interview_id", iv.ID)
}

// JoinToken gives the owner a fresh LiveKit token for their live interview
// (after a reload, or when the first one expired).
func (s *Service) JoinToken(ctx context.Context, u User, id string) (Started, error) {
	if s.cfg.LiveKit == nil {
		return Started{}, errLiveKitOff
	}
	iv, err := s.st.ForOwner(ctx, u.ID, id)
	if err != nil {
		return Started{}, notFoundAs(err)
	}
	if State(iv.State).Terminal() {
		return Started{}, errEnded.With("state", iv.State)
	}
	exp := time.Now().Add(s.cfg.JoinTTL)
	token, err := s.cfg.LiveKit.JoinToken(iv.CandidateIdentity, iv.CandidateName, iv.Room, s.cfg.JoinTTL, livekit.TokenOptions{Role: livekit.RoleCandidate})
	if err != nil {
		return Started{}, fmt.Errorf("candidate token: %w", err)
	}
	return Started{Token: token, URL: s.cfg.LiveKitURL, Identity: iv.CandidateIdentity, Room: iv.Room,
		InterviewID: iv.ID, Channel: Channel(iv.ID), State: State(iv.State), ExpiresAt: exp}, nil
}

func checkText(f fields, name, v string, minLen, maxLen int) {
	n := utf8.RuneCountInString(v)
	switch {
	case !utf8.ValidString(v):
		f.add(name, "must be UTF-8 text")
	case n < minLen && minLen == 1:
		f.add(name, "is required")
	case n > maxLen:
		f.add(name, fmt.Sprintf("is longer than %d characters", maxLen))
	case strings.ContainsFunc(v, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' }):
		f.add(name, "contains control characters")
	}
}

// checkEmail returns a problem with an address, or "".
func checkEmail(v string) string {
	if v == "" {
		return "is required"
	}
	a, err := mail.ParseAddress(v)
	if err != nil || a.Address != v || len(v) > 254 || !strings.Contains(v, "@") {
		return "is not a valid e-mail address"
	}
	return ""
}

func validIdentity(s string) bool {
	if len(s) == 0 || len(s) > 64 || strings.HasPrefix(s, interviewerPrefix) || strings.HasPrefix(s, listenerPrefix) || strings.HasPrefix(s, agentIdentityPrefix) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func displayName(preferred, fallback string) string {
	if p := strings.TrimSpace(preferred); p != "" {
		return p
	}
	return fallback
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n])
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
