package httpapi

import (
	"context"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/utopiahire/utopiahire/internal/agentapi"
	"github.com/utopiahire/utopiahire/internal/interview"
	"github.com/utopiahire/utopiahire/internal/ratelimit"
)

// Interviews is what the interview routes need of internal/interview.
type Interviews interface {
	Start(ctx context.Context, u interview.User, in interview.StartInput) (interview.Started, error)
	JoinToken(ctx context.Context, u interview.User, id string) (interview.Started, error)
	Get(ctx context.Context, u interview.User, id string) (interview.Detail, error)
	List(ctx context.Context, u interview.User) ([]interview.Summary, error)
	ListByEmail(ctx context.Context, u interview.User, email string) (interview.ByEmail, error)
	Shared(ctx context.Context, u interview.User) ([]interview.Summary, error)
	Delete(ctx context.Context, u interview.User, id string) error
	Invite(ctx context.Context, u interview.User, id, email string) (interview.Invitation, error)
	Revoke(ctx context.Context, u interview.User, id, email string) error
	Reviewers(ctx context.Context, u interview.User, id string) ([]interview.Invitation, error)
	Listen(ctx context.Context, u interview.User, id string) (interview.ListenToken, error)
	AddNote(ctx context.Context, u interview.User, id, text string, offsetMS *int64) (interview.Note, error)
	Note(ctx context.Context, u interview.User, id, noteID string) (interview.Note, error)
	End(ctx context.Context, u interview.User, id, reason string) (interview.Ended, error)

	OpenWorkerSession(secret, workerID string) (interview.WorkerSession, error)
	AuthenticateWorker(raw string) (string, error)
	AuthenticateInterview(ctx context.Context, raw string) (interview.Credential, error)
	Claim(ctx context.Context, worker, interviewID string) (interview.Claimed, error)
	Release(ctx context.Context, cred interview.Credential, reason string) (interview.Released, error)
	SessionData(ctx context.Context, cred interview.Credential, room string) (interview.SessionData, error)
	SaveReport(ctx context.Context, cred interview.Credential, in interview.ReportInput) (interview.SavedReport, error)
	Heartbeat(ctx context.Context, cred interview.Credential) (interview.AgentHeartbeat, error)

	Webhook(ctx context.Context, authorization string, body []byte) error
}

var _ Interviews = (*interview.Service)(nil)

const (
	localWorker     = "interview_worker"
	localCredential = "interview_credential"
)

func (s *Server) interviewRoutes(iv Interviews) {
	h := &interviewHandlers{iv: iv}
	start := ratelimit.PerMinute(10)
	agentSession := ratelimit.PerMinute(30)
	s.handle(fiber.MethodPost, "/api/start-session", Op{Summary: "Start a voice interview: persists it, offers it to agents and returns the candidate's LiveKit join token for its room, the interview id and its hub channel.", Tag: "interviews", Auth: "bearer", Request: startRequest{}, Response: interview.Started{}, Limit: &start, Errors: []int{400, 401, 409, 415, 422, 503}}, s.requireUser, h.start)
	s.handle(fiber.MethodGet, "/api/interviews", Op{Summary: "The user's interviews, newest first.", Tag: "interviews", Auth: "bearer", Response: interviewList{}, Errors: []int{401}}, s.requireUser, h.list)
	s.handle(fiber.MethodGet, "/api/interviews/email/:email", Op{Summary: "The user's interviews by their own address (contract shape).", Tag: "interviews", Auth: "bearer", Response: interview.ByEmail{}, Errors: []int{401, 403}}, s.requireUser, h.byEmail)
	s.handle(fiber.MethodGet, "/api/interviews/:id", Op{Summary: "One interview (owner or reviewer): state, events, transcript, report, notes — the full timeline.", Tag: "interviews", Auth: "bearer", Response: interview.Detail{}, Errors: []int{401, 404}}, s.requireUser, h.get)
	s.handle(fiber.MethodDelete, "/api/interviews/:id", Op{Summary: "Delete an interview and everything in it (owner).", Tag: "interviews", Auth: "bearer", Response: okResponse{}, Errors: []int{401, 404}}, s.requireUser, h.delete)
	s.handle(fiber.MethodPost, "/api/interviews/:id/join-token", Op{Summary: "A fresh LiveKit join token for the owner's live interview.", Tag: "interviews", Auth: "bearer", Response: interview.Started{}, Errors: []int{401, 404, 409, 503}}, s.requireUser, h.joinToken)
	s.handle(fiber.MethodGet, "/api/interviews/:id/reviewers", Op{Summary: "The interview's reviewer invitations (owner).", Tag: "interviews", Auth: "bearer", Response: reviewerList{}, Errors: []int{401, 404}}, s.requireUser, h.reviewers)
	s.handle(fiber.MethodPost, "/api/interviews/:id/reviewers", Op{Summary: "Invite a reviewer by e-mail (owner); they are e-mailed a link.", Tag: "interviews", Auth: "bearer", Request: inviteRequest{}, Response: interview.Invitation{}, Status: fiber.StatusCreated, Errors: []int{400, 401, 404, 409, 415, 422}}, s.requireUser, h.invite)
	s.handle(fiber.MethodDelete, "/api/interviews/:id/reviewers/:email", Op{Summary: "Revoke an invitation (owner): cuts the reviewer's live subscription and listener seat.", Tag: "interviews", Auth: "bearer", Response: okResponse{}, Errors: []int{401, 404}}, s.requireUser, h.revoke)
	s.handle(fiber.MethodPost, "/api/interviews/:id/listen-token", Op{Summary: "A hidden, subscribe-only LiveKit token to listen to a live interview (reviewer or owner).", Tag: "interviews", Auth: "bearer", Response: interview.ListenToken{}, Errors: []int{401, 404, 409, 503}}, s.requireUser, h.listen)
	s.handle(fiber.MethodPost, "/api/interviews/:id/notes", Op{Summary: "Add a time-stamped note (reviewer or owner); published on interview:<id>.", Tag: "interviews", Auth: "bearer", Request: noteRequest{}, Response: interview.Note{}, Status: fiber.StatusCreated, Errors: []int{400, 401, 404, 409, 415, 422}}, s.requireUser, h.addNote)
	s.handle(fiber.MethodGet, "/api/interviews/:id/notes/:note_id", Op{Summary: "One note (reviewer or owner): interview:<id> note messages carry only note_id; a note erased with its author's account is 404 note_not_found.", Tag: "interviews", Auth: "bearer", Response: interview.Note{}, Errors: []int{401, 404}}, s.requireUser, h.note)
	s.handle(fiber.MethodPost, "/api/interviews/:id/end", Op{Summary: "End the owner's interview early: one in progress is closed politely by the interviewer, who reports on what was said (completed, ended by the candidate); one not started yet is abandoned.", Tag: "interviews", Auth: "bearer", Request: endRequest{}, Response: interview.Ended{}, Errors: []int{400, 401, 404, 409, 415, 422}}, s.requireUser, h.end)
	s.handle(fiber.MethodGet, "/api/reviewer/interviews", Op{Summary: "Interviews shared with the user as a reviewer.", Tag: "interviews", Auth: "bearer", Response: interviewList{}, Errors: []int{401}}, s.requireUser, h.shared)

	s.handle(fiber.MethodPost, "/api/agents/session", Op{Summary: "Agent worker sign-in with AGENT_SECRET: a dispatch credential for hub channel agents:dispatch and claims.", Tag: "agents", Request: agentapi.WorkerRequest{}, Response: interview.WorkerSession{}, Limit: &agentSession, Errors: []int{400, 401, 415, 422}}, h.workerSession)
	s.handle(fiber.MethodPost, "/api/agents/claim", Op{Summary: "Claim an offered interview (dispatch credential); exactly one concurrent claimer wins, the others get 409 interview_claimed.", Tag: "agents", Auth: "agent", Request: agentapi.ClaimRequest{}, Response: interview.Claimed{}, Unlimited: true, Errors: []int{400, 401, 404, 409, 415, 422}}, h.requireWorker, h.claim)
	s.handle(fiber.MethodPost, "/api/agents/release", Op{Summary: "Give a claimed interview back (re-offered) before joining, or end it as failed after (interview credential).", Tag: "agents", Auth: "agent", Request: agentapi.ReleaseRequest{}, Response: interview.Released{}, Unlimited: true, Errors: []int{400, 401, 403, 409, 415, 422}}, h.requireCredential, h.release)
	s.handle(fiber.MethodPost, "/api/agents/heartbeat", Op{Summary: "The agent still holds the interview (interview credential); the answer says whether the candidate asked to end it. An agent silent for INTERVIEW_AGENT_SILENCE is gone and the server finishes the interview.", Tag: "agents", Auth: "agent", Response: interview.AgentHeartbeat{}, Unlimited: true, Errors: []int{401, 403}}, h.requireCredential, h.heartbeat)
	s.handle(fiber.MethodGet, "/api/session-data/:room", Op{Summary: "The session the agent needs: candidate, job, CV text, language (interview credential for that room only).", Tag: "agents", Auth: "agent", Response: interview.SessionData{}, Unlimited: true, Errors: []int{401, 403}}, h.requireCredential, h.sessionData)
	for _, p := range []string{"/api/interviews/save-report", "/api/save-interview"} {
		s.handle(fiber.MethodPost, p, Op{Summary: "Save the interview's report (interview credential); ends it and e-mails the candidate.", Tag: "agents", Auth: "agent", Request: interview.ReportInput{}, Response: interview.SavedReport{}, Unlimited: true, Errors: []int{400, 401, 403, 409, 415, 422}}, h.requireCredential, h.saveReport)
	}
	s.handle(fiber.MethodPost, "/api/livekit/webhook", Op{Summary: "LiveKit webhooks (signed JWT with the body's sha256; replays refused).", Tag: "agents", Response: okResponse{}, Unlimited: true, Errors: []int{400, 401, 409, 413, 503}}, h.webhook)
}

type interviewHandlers struct{ iv Interviews }

type startRequest struct {
	Identity       string `json:"identity"`
	Name           string `json:"name"`
	Room           string `json:"room"`
	CVFilename     string `json:"cv_filename"`
	AnalysisID     string `json:"analysis_id"`
	JobDescription string `json:"job_description"`
	CandidateEmail string `json:"candidate_email"`
	CandidateName  string `json:"candidate_name"`
	JobTitle       string `json:"job_title"`
	Language       string `json:"language"`
}

type interviewList struct {
	Interviews []interview.Summary `json:"interviews"`
}

type reviewerList struct {
	Reviewers []interview.Invitation `json:"reviewers"`
}

type okResponse struct {
	Success bool `json:"success"`
}

type inviteRequest struct {
	Email string `json:"email"`
}

type noteRequest struct {
	Text     string `json:"text"`
	OffsetMS *int64 `json:"offset_ms"`
}

type endRequest struct {
	Reason string `json:"reason"`
}

func userOf(c *fiber.Ctx) interview.User {
	p := userFrom(c)
	return interview.User{ID: p.UserID, Name: p.Name, Email: p.Email}
}

// param is a route parameter, URL-decoded and copied out of Fiber's buffer.
func param(c *fiber.Ctx, name string) string {
	v := c.Params(name)
	if d, err := url.PathUnescape(v); err == nil {
		v = d
	}
	return strings.Clone(v)
}

func (h *interviewHandlers) start(c *fiber.Ctx) error {
	var req startRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	// The room is the server's to name: a client-chosen room could collide
	// with (or join) someone else's, so "room" is accepted and ignored.
	out, err := h.iv.Start(c.UserContext(), userOf(c), interview.StartInput{
		Identity: req.Identity, Name: req.Name, CVFilename: req.CVFilename, AnalysisID: req.AnalysisID,
		JobTitle: req.JobTitle, JobDescription: req.JobDescription, CandidateName: req.CandidateName,
		CandidateEmail: req.CandidateEmail, Language: req.Language,
	})
	if err != nil {
		return err
	}
	return c.JSON(out)
}

func (h *interviewHandlers) list(c *fiber.Ctx) error {
	out, err := h.iv.List(c.UserContext(), userOf(c))
	if err != nil {
		return err
	}
	return c.JSON(interviewList{Interviews: out})
}

func (h *interviewHandlers) byEmail(c *fiber.Ctx) error {
	out, err := h.iv.ListByEmail(c.UserContext(), userOf(c), param(c, "email"))
	if err != nil {
		return err
	}
	return c.JSON(out)
}

func (h *interviewHandlers) get(c *fiber.Ctx) error {
	out, err := h.iv.Get(c.UserContext(), userOf(c), param(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(out)
}

func (h *interviewHandlers) delete(c *fiber.Ctx) error {
	if err := h.iv.Delete(c.UserContext(), userOf(c), param(c, "id")); err != nil {
		return err
	}
	return c.JSON(okResponse{Success: true})
}

func (h *interviewHandlers) joinToken(c *fiber.Ctx) error {
	out, err := h.iv.JoinToken(c.UserContext(), userOf(c), param(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(out)
}

func (h *interviewHandlers) reviewers(c *fiber.Ctx) error {
	out, err := h.iv.Reviewers(c.UserContext(), userOf(c), param(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(reviewerList{Reviewers: out})
}

func (h *interviewHandlers) invite(c *fiber.Ctx) error {
	var req inviteRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	out, err := h.iv.Invite(c.UserContext(), userOf(c), param(c, "id"), req.Email)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(out)
}

func (h *interviewHandlers) revoke(c *fiber.Ctx) error {
	if err := h.iv.Revoke(c.UserContext(), userOf(c), param(c, "id"), param(c, "email")); err != nil {
		return err
	}
	return c.JSON(okResponse{Success: true})
}

func (h *interviewHandlers) listen(c *fiber.Ctx) error {
	out, err := h.iv.Listen(c.UserContext(), userOf(c), param(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(out)
}

func (h *interviewHandlers) note(c *fiber.Ctx) error {
	out, err := h.iv.Note(c.UserContext(), userOf(c), param(c, "id"), param(c, "note_id"))
	if err != nil {
		return err
	}
	return c.JSON(out)
}

func (h *interviewHandlers) addNote(c *fiber.Ctx) error {
	var req noteRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	out, err := h.iv.AddNote(c.UserContext(), userOf(c), param(c, "id"), req.Text, req.OffsetMS)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(out)
}

func (h *interviewHandlers) end(c *fiber.Ctx) error {
	var req endRequest
	if len(c.Body()) > 0 {
		if err := decodeJSON(c, &req); err != nil {
			return err
		}
	}
	out, err := h.iv.End(c.UserContext(), userOf(c), param(c, "id"), req.Reason)
	if err != nil {
		return err
	}
	return c.JSON(out)
}

func (h *interviewHandlers) heartbeat(c *fiber.Ctx) error {
	out, err := h.iv.Heartbeat(c.UserContext(), credentialOf(c))
	if err != nil {
		return err
	}
	return c.JSON(out)
}

func (h *interviewHandlers) shared(c *fiber.Ctx) error {
	out, err := h.iv.Shared(c.UserContext(), userOf(c))
	if err != nil {
		return err
	}
	return c.JSON(interviewList{Interviews: out})
}

// requireWorker authenticates a dispatch credential.
func (h *interviewHandlers) requireWorker(c *fiber.Ctx) error {
	w, err := h.iv.AuthenticateWorker(bearerToken(c))
	if err != nil {
		return err
	}
	c.Locals(localWorker, w)
	return c.Next()
}

// requireCredential authenticates an interview credential whose claim
// still holds its interview.
func (h *interviewHandlers) requireCredential(c *fiber.Ctx) error {
	cred, err := h.iv.AuthenticateInterview(c.UserContext(), bearerToken(c))
	if err != nil {
		return err
	}
	c.Locals(localCredential, cred)
	return c.Next()
}

func credentialOf(c *fiber.Ctx) interview.Credential {
	cred, _ := c.Locals(localCredential).(interview.Credential)
	return cred
}

func (h *interviewHandlers) workerSession(c *fiber.Ctx) error {
	secret := bearerToken(c)
	var req agentapi.WorkerRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	out, err := h.iv.OpenWorkerSession(secret, req.WorkerID)
	if err != nil {
		return err
	}
	return c.JSON(out)
}

func (h *interviewHandlers) claim(c *fiber.Ctx) error {
	var req agentapi.ClaimRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if strings.TrimSpace(req.InterviewID) == "" {
		f := fieldErrors{}
		f.add("interview_id", "is required")
		return f.err()
	}
	worker, _ := c.Locals(localWorker).(string)
	out, err := h.iv.Claim(c.UserContext(), worker, req.InterviewID)
	if err != nil {
		return err
	}
	return c.JSON(out)
}

func (h *interviewHandlers) release(c *fiber.Ctx) error {
	var req agentapi.ReleaseRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	out, err := h.iv.Release(c.UserContext(), credentialOf(c), req.Reason)
	if err != nil {
		return err
	}
	return c.JSON(out)
}

func (h *interviewHandlers) sessionData(c *fiber.Ctx) error {
	out, err := h.iv.SessionData(c.UserContext(), credentialOf(c), param(c, "room"))
	if err != nil {
		return err
	}
	return c.JSON(out)
}

func (h *interviewHandlers) saveReport(c *fiber.Ctx) error {
	var req interview.ReportInput
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	out, err := h.iv.SaveReport(c.UserContext(), credentialOf(c), req)
	if err != nil {
		return err
	}
	return c.JSON(out)
}

func (h *interviewHandlers) webhook(c *fiber.Ctx) error {
	body := append([]byte(nil), c.Body()...)
	if err := h.iv.Webhook(c.UserContext(), strings.Clone(c.Get(fiber.HeaderAuthorization)), body); err != nil {
		return err
	}
	return c.JSON(okResponse{Success: true})
}
