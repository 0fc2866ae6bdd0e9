package agent

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/utopiahire/utopiahire/internal/agentapi"
)

// ControlPlane is the UtopiaHire server as the agent sees it: dispatch
// sessions, claims, session data, reports. APIClient implements it over
// HTTP; tests may serve the same endpoints locally.
type ControlPlane interface {
	// OpenDispatch authenticates the worker with AGENT_SECRET and returns a
	// dispatch token (hub connect token and claim credential).
	OpenDispatch(ctx context.Context) (Dispatch, error)
	// Claim takes an offered interview; ErrClaimLost when another worker won
	// or it is no longer waiting.
	Claim(ctx context.Context, dispatchToken, interviewID string) (Claim, error)
	SessionData(ctx context.Context, credential, room string) (SessionData, error)
	SaveReport(ctx context.Context, credential string, r Report) error
	// Release hands back an interview not yet joined (or fails it).
	Release(ctx context.Context, credential, reason string) error
	// Heartbeat tells the server the agent still holds the interview (an
	// interview whose agent falls silent is finished by the server) and
	// learns whether the candidate asked to end it.
	Heartbeat(ctx context.Context, credential string) (Heartbeat, error)
}

// Heartbeat is the answer of POST /api/agents/heartbeat.
type Heartbeat = agentapi.Heartbeat

// Dispatch is the answer of POST /api/agents/session.
type Dispatch = agentapi.Dispatch

// Claim is the answer of POST /api/agents/claim: the interview and the
// credential scoped to it.
type Claim = agentapi.Claim

// SessionData is what the interviewer knows about the interview.
type SessionData = agentapi.SessionData

// ErrNoSecret means AGENT_SECRET is not known yet (in development the
// server writes it on its first start); the worker waits for it.
var ErrNoSecret = errors.New("AGENT_SECRET is not available yet (start the server once, or set AGENT_SECRET)")

// ErrClaimLost means the interview went to another worker or is no longer
// waiting for one.
var ErrClaimLost = errors.New("interview claim lost")

// APIError is a non-2xx answer of the server.
type APIError struct {
	Op     string
	Status int
	Code   string
	Detail string
}

func (e *APIError) Error() string {
	return fmt.Sprintf("%s: HTTP %d %s: %s", e.Op, e.Status, e.Code, e.Detail)
}

// APIClient is the ControlPlane over the server's REST API.
type APIClient struct {
	base     string
	secret   func() string
	workerID string
	http     *http.Client
}

var _ ControlPlane = (*APIClient)(nil)

// NewAPIClient talks to the server at baseURL (http://host:port). secret
// returns AGENT_SECRET (it may be read late, when the server writes it).
func NewAPIClient(baseURL string, secret func() string, workerID string, hc *http.Client) *APIClient {
	if hc == nil {
		hc = &http.Client{Timeout: 30 * time.Second}
	}
	return &APIClient{base: strings.TrimRight(baseURL, "/"), secret: secret, workerID: workerID, http: hc}
}

// maxResponseBytes bounds a server answer (session data carries the CV).
const maxResponseBytes = 4 << 20

func (c *APIClient) do(ctx context.Context, op, method, path, bearer string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Authorization", "Bearer "+bearer)
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes+1))
	if err != nil {
		return fmt.Errorf("%s: read answer: %w", op, err)
	}
	if len(data) > maxResponseBytes {
		return fmt.Errorf("%s: answer over %d bytes", op, maxResponseBytes)
	}
	if resp.StatusCode/100 != 2 {
		var e struct {
			Detail string `json:"detail"`
			Code   string `json:"code"`
		}
		_ = json.Unmarshal(data, &e)
		return &APIError{Op: op, Status: resp.StatusCode, Code: e.Code, Detail: e.Detail}
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			return fmt.Errorf("%s: decode answer: %w", op, err)
		}
	}
	return nil
}

// OpenDispatch implements ControlPlane.
func (c *APIClient) OpenDispatch(ctx context.Context) (Dispatch, error) {
	secret := c.secret()
	if secret == "" {
		return Dispatch{}, ErrNoSecret
	}
	var d Dispatch
	err := c.do(ctx, "open agent session", http.MethodPost, agentapi.PathSession, secret,
		agentapi.WorkerRequest{WorkerID: c.workerID}, &d)
	if err == nil && d.Token == "" {
		err = errors.New("open agent session: empty token")
	}
	return d, err
}

// Claim implements ControlPlane.
func (c *APIClient) Claim(ctx context.Context, dispatchToken, interviewID string) (Claim, error) {
	var cl Claim
	err := c.do(ctx, "claim interview", http.MethodPost, agentapi.PathClaim, dispatchToken,
		agentapi.ClaimRequest{InterviewID: interviewID}, &cl)
	var ae *APIError
	if errors.As(err, &ae) && ae.Status == http.StatusConflict {
		return Claim{}, fmt.Errorf("%w: %s", ErrClaimLost, ae.Code)
	}
	if err == nil && (cl.Credential == "" || cl.InterviewID != interviewID) {
		err = errors.New("claim interview: incomplete answer")
	}
	return cl, err
}

// SessionData implements ControlPlane.
func (c *APIClient) SessionData(ctx context.Context, credential, room string) (SessionData, error) {
	var sd SessionData
	err := c.do(ctx, "get session data", http.MethodGet, "/api/session-data/"+url.PathEscape(room), credential, nil, &sd)
	return sd, err
}

// SaveReport implements ControlPlane.
func (c *APIClient) SaveReport(ctx context.Context, credential string, r Report) error {
	return c.do(ctx, "save report", http.MethodPost, agentapi.PathSaveReport, credential, r, nil)
}

// Release implements ControlPlane.
func (c *APIClient) Release(ctx context.Context, credential, reason string) error {
	return c.do(ctx, "release interview", http.MethodPost, agentapi.PathRelease, credential,
		agentapi.ReleaseRequest{Reason: reason}, nil)
}

// Heartbeat implements ControlPlane.
func (c *APIClient) Heartbeat(ctx context.Context, credential string) (Heartbeat, error) {
	var hb Heartbeat
	err := c.do(ctx, "heartbeat", http.MethodPost, agentapi.PathHeartbeat, credential, struct{}{}, &hb)
	return hb, err
}
