// Package agentapi is the wire contract between the interview agent
// (cmd/agent, package agent) and the server (internal/interview behind
// internal/httpapi): the JSON bodies of the agent's routes. Both sides use
// these types, so what one sends is what the other reads; a test checks
// them against the server's OpenAPI document.
package agentapi

import "time"

// Routes of the contract, as the server registers them.
const (
	PathSession     = "/api/agents/session"
	PathClaim       = "/api/agents/claim"
	PathRelease     = "/api/agents/release"
	PathHeartbeat   = "/api/agents/heartbeat"
	PathSessionData = "/api/session-data/{room}"
	PathSaveReport  = "/api/interviews/save-report"
)

// WorkerRequest is the body of POST /api/agents/session.
type WorkerRequest struct {
	WorkerID string `json:"worker_id"`
}

// Dispatch is the answer of POST /api/agents/session: the dispatch
// credential (hub connect token for agents:dispatch, and for claims).
type Dispatch struct {
	Token     string    `json:"token"`
	ExpiresAt time.Time `json:"expires_at"`
	Channel   string    `json:"channel"`
}

// ClaimRequest is the body of POST /api/agents/claim.
type ClaimRequest struct {
	InterviewID string `json:"interview_id"`
}

// Claim is the answer of POST /api/agents/claim: the interview and the
// credential scoped to it.
type Claim struct {
	ClaimID      string    `json:"claim_id"`
	Credential   string    `json:"credential"`
	ExpiresAt    time.Time `json:"expires_at"`
	InterviewID  string    `json:"interview_id"`
	Room         string    `json:"room"`
	Channel      string    `json:"channel"`
	LiveKitURL   string    `json:"livekit_url"`
	LiveKitToken string    `json:"livekit_token"`
	Identity     string    `json:"identity"`
}

// ReleaseRequest is the body of POST /api/agents/release.
type ReleaseRequest struct {
	Reason string `json:"reason"`
}

// Heartbeat is the answer of POST /api/agents/heartbeat.
type Heartbeat struct {
	State        string `json:"state"`
	EndRequested bool   `json:"end_requested"`
	EndReason    string `json:"end_reason,omitempty"`
}

// SessionData is the answer of GET /api/session-data/{room}: what the
// interviewer needs to run the interview.
type SessionData struct {
	InterviewID        string `json:"interview_id"`
	Room               string `json:"room"`
	CandidateName      string `json:"candidate_name"`
	CandidateEmail     string `json:"candidate_email"`
	JobTitle           string `json:"job_title"`
	JobDescription     string `json:"job_description"`
	CVText             string `json:"cv_text"`
	Language           string `json:"language"`
	MaxDurationSeconds int    `json:"max_duration_seconds"`
}

// Report is the body of POST /api/interviews/save-report: the contract's
// fields and the structured report.
type Report struct {
	CandidateEmail string `json:"candidate_email"`
	JobTitle       string `json:"job_title"`
	// InterviewScore is from 0 to 10 (the server keeps one decimal); nil
	// with an UnscoredReason when the interview could not be scored.
	InterviewScore    *float64 `json:"interview_score"`
	Conclusion        string   `json:"conclusion"`
	Strengths         []string `json:"strengths"`
	DevelopmentAreas  []string `json:"development_areas"`
	Communication     string   `json:"communication"`
	RoleFit           string   `json:"role_fit"`
	Terminated        bool     `json:"terminated"`
	TerminationReason string   `json:"termination_reason"`
	UnscoredReason    string   `json:"unscored_reason"`
	// Abandoned: the candidate walked out (the interview ends abandoned).
	Abandoned bool `json:"abandoned,omitempty"`
	// EndedBy: who ended the interview, "candidate" or "interviewer"
	// (informational; the server knows whether the candidate asked to end).
	EndedBy string `json:"ended_by,omitempty"`
}
