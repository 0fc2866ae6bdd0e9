package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/utopiahire/utopiahire/internal/interview"
)

const interviewCols = `i.id, i.user_id, i.candidate_name, i.candidate_email, i.candidate_identity, i.job_title,
	i.job_description, i.cv_file_id, i.cv_filename, i.language, i.room, i.state, i.end_reason, i.end_message,
	i.agent_id, i.claim_id, i.agent_identity, i.offered_at, i.claimed_at, i.candidate_joined_at,
	i.candidate_left_at, i.agent_joined_at, i.agent_left_at, i.agent_ending_at, i.created_at, i.waiting_at,
	i.started_at, i.ended_at, i.updated_at, i.ended_by, i.end_requested_at, i.end_request_reason, i.agent_seen_at`

// Interviews is the repository of interviews and everything hanging off
// them. Reads a user can name take the user's id (ForOwner, Access); the
// unscoped reads serve the server's own work (agents, webhooks, sweeps).
type Interviews struct {
	pool *pgxpool.Pool
	q    DBTX
}

// NewInterviews returns the repository over pool.
func NewInterviews(pool *pgxpool.Pool) *Interviews { return &Interviews{pool: pool, q: pool} }

var _ interview.Store = (*Interviews)(nil)

// interviewsTx is Interviews inside a transaction.
type interviewsTx struct {
	Interviews
	tx pgx.Tx
}

func (t *interviewsTx) Pgx() pgx.Tx { return t.tx }

// InTx runs fn with a repository bound to one transaction (and the
// transaction itself, for work of other packages such as queueing mail),
// committed when fn returns nil.
func (r *Interviews) InTx(ctx context.Context, fn func(tx interview.Tx) error) error {
	return pgx.BeginFunc(ctx, r.pool, func(tx pgx.Tx) error {
		return fn(&interviewsTx{Interviews: Interviews{pool: r.pool, q: tx}, tx: tx})
	})
}

func (r *Interviews) one(ctx context.Context, sql string, args ...any) (interview.Interview, error) {
	rows, err := r.q.Query(ctx, sql, args...)
	if err != nil {
		return interview.Interview{}, err
	}
	iv, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[interview.Interview])
	if errors.Is(err, pgx.ErrNoRows) || badInput(err) {
		return interview.Interview{}, ErrNotFound
	}
	return iv, err
}

// Create inserts an interview in state created.
func (r *Interviews) Create(ctx context.Context, n interview.NewInterview) (interview.Interview, error) {
	iv, err := r.one(ctx, `WITH new AS (SELECT gen_random_uuid() AS id)
		INSERT INTO interviews AS i (id, user_id, candidate_name, candidate_email, candidate_identity, job_title,
			job_description, cv_file_id, cv_filename, cv_text, language, room)
		SELECT new.id, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 || new.id::text FROM new
		RETURNING `+interviewCols,
		n.UserID, n.CandidateName, n.CandidateEmail, n.CandidateIdentity, n.JobTitle, n.JobDescription,
		n.CVFileID, n.CVFilename, n.CVText, n.Language, n.RoomPrefix)
	if err != nil {
		return interview.Interview{}, fmt.Errorf("insert interview: %w", err)
	}
	return iv, nil
}

// Get returns an interview by id, whoever owns it.
func (r *Interviews) Get(ctx context.Context, id string) (interview.Interview, error) {
	return r.wrap("load interview", id)(r.one(ctx, `SELECT `+interviewCols+` FROM interviews i WHERE i.id = $1`, id))
}

// ByRoom returns the interview of a LiveKit room.
func (r *Interviews) ByRoom(ctx context.Context, room string) (interview.Interview, error) {
	return r.wrap("load interview of room", room)(r.one(ctx, `SELECT `+interviewCols+` FROM interviews i WHERE i.room = $1`, room))
}

// ForOwner returns the user's interview by id.
func (r *Interviews) ForOwner(ctx context.Context, userID, id string) (interview.Interview, error) {
	return r.wrap("load interview", id)(r.one(ctx, `SELECT `+interviewCols+` FROM interviews i WHERE i.id = $1 AND i.user_id = $2`, id, userID))
}

// Access returns the interview when userID owns it ("owner") or holds an
// unrevoked invitation for their account's e-mail address ("reviewer").
func (r *Interviews) Access(ctx context.Context, userID, id string) (interview.Interview, string, error) {
	rows, err := r.q.Query(ctx, `SELECT `+interviewCols+`,
			CASE WHEN i.user_id = $2 THEN 'owner' ELSE 'reviewer' END AS role
		FROM interviews i
		WHERE i.id = $1 AND (i.user_id = $2 OR EXISTS (
			SELECT 1 FROM interview_reviewers rv JOIN users u ON u.email = rv.email
			WHERE rv.interview_id = i.id AND rv.revoked_at IS NULL AND u.id = $2 AND u.email_verified))`, id, userID)
	if err != nil {
		return interview.Interview{}, "", fmt.Errorf("load interview %s: %w", id, err)
	}
	type withRole struct {
		interview.Interview
		Role string `db:"role"`
	}
	w, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[withRole])
	if errors.Is(err, pgx.ErrNoRows) || badInput(err) {
		return interview.Interview{}, "", ErrNotFound
	}
	if err != nil {
		return interview.Interview{}, "", fmt.Errorf("load interview %s: %w", id, err)
	}
	return w.Interview, w.Role, nil
}

// CV returns the interview's copy of the candidate's CV text.
func (r *Interviews) CV(ctx context.Context, id string) (string, error) {
	var text string
	err := r.q.QueryRow(ctx, `SELECT cv_text FROM interviews WHERE id = $1`, id).Scan(&text)
	if errors.Is(err, pgx.ErrNoRows) || badInput(err) {
		return "", ErrNotFound
	}
	if err != nil {
		return "", fmt.Errorf("load cv of interview %s: %w", id, err)
	}
	return text, nil
}

// CountLive counts the user's interviews that have not ended.
func (r *Interviews) CountLive(ctx context.Context, userID string) (int, error) {
	var n int
	err := r.q.QueryRow(ctx, `SELECT count(*) FROM interviews
		WHERE user_id = $1 AND state IN ('created', 'waiting_for_agent', 'in_progress')`, userID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count live interviews: %w", err)
	}
	return n, nil
}

// Transition moves an interview to state to when it is in one of from,
// stamping the time the state was entered (and, for ended states, the
// reason). It returns the updated row and the state it left; interview.ErrStateChanged
// (with the row as it is) when its state is not in from.
func (r *Interviews) Transition(ctx context.Context, id string, from []string, to, reasonCode, reasonMessage string) (interview.Interview, string, error) {
	rows, err := r.q.Query(ctx, `WITH old AS (SELECT id, state FROM interviews WHERE id = $1 FOR UPDATE)
		UPDATE interviews i SET state = $3, updated_at = now(),
			waiting_at = CASE WHEN $3 = 'waiting_for_agent' THEN now() ELSE i.waiting_at END,
			started_at = CASE WHEN $3 = 'in_progress' THEN now() ELSE i.started_at END,
			ended_at = CASE WHEN $3 IN ('completed', 'terminated', 'failed', 'abandoned') THEN now() ELSE i.ended_at END,
			end_reason = COALESCE(NULLIF($4, ''), i.end_reason),
			end_message = COALESCE(NULLIF($5, ''), i.end_message)
		FROM old WHERE i.id = old.id AND old.state = ANY($2)
		RETURNING `+interviewCols+`, old.state AS previous`, id, from, to, reasonCode, reasonMessage)
	if err != nil {
		return interview.Interview{}, "", fmt.Errorf("transition interview %s: %w", id, err)
	}
	type moved struct {
		interview.Interview
		Previous string `db:"previous"`
	}
	m, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[moved])
	if errors.Is(err, pgx.ErrNoRows) || badInput(err) {
		cur, gerr := r.Get(ctx, id)
		if gerr != nil {
			return interview.Interview{}, "", gerr
		}
		return cur, cur.State, interview.ErrStateChanged
	}
	if err != nil {
		return interview.Interview{}, "", fmt.Errorf("transition interview %s: %w", id, err)
	}
	return m.Interview, m.Previous, nil
}

// Claim gives an interview that is waiting and unclaimed to an agent, in one
// conditional update: of agents racing for it exactly one gets the row.
// ErrStateChanged (with the row) when it is not claimable.
func (r *Interviews) Claim(ctx context.Context, id, agentID, claimID, identity string) (interview.Interview, error) {
	iv, err := r.one(ctx, `UPDATE interviews i SET agent_id = $2, claim_id = $3, agent_identity = $4,
			claimed_at = now(), updated_at = now()
		WHERE i.id = $1 AND i.state = 'waiting_for_agent' AND i.claim_id IS NULL
		RETURNING `+interviewCols, id, agentID, claimID, identity)
	if errors.Is(err, ErrNotFound) {
		cur, gerr := r.Get(ctx, id)
		if gerr != nil {
			return interview.Interview{}, gerr
		}
		return cur, interview.ErrStateChanged
	}
	if err != nil {
		return interview.Interview{}, fmt.Errorf("claim interview %s: %w", id, err)
	}
	return iv, nil
}

// Release hands a claimed interview that has not started back to the
// dispatch queue. interview.ErrStateChanged when the claim is no longer held or the
// interview started.
func (r *Interviews) Release(ctx context.Context, id, claimID string) (interview.Interview, error) {
	iv, err := r.one(ctx, `UPDATE interviews i SET agent_id = NULL, claim_id = NULL, agent_identity = NULL,
			claimed_at = NULL, offered_at = NULL, agent_joined_at = NULL, agent_left_at = NULL, updated_at = now()
		WHERE i.id = $1 AND i.claim_id = $2 AND i.state = 'waiting_for_agent'
		RETURNING `+interviewCols, id, claimID)
	if errors.Is(err, ErrNotFound) {
		return interview.Interview{}, interview.ErrStateChanged
	}
	if err != nil {
		return interview.Interview{}, fmt.Errorf("release interview %s: %w", id, err)
	}
	return iv, nil
}

// MarkOffered records that the interview was offered to agents now.
func (r *Interviews) MarkOffered(ctx context.Context, id string) error {
	if _, err := r.q.Exec(ctx, `UPDATE interviews SET offered_at = now() WHERE id = $1`, id); err != nil {
		return fmt.Errorf("mark interview %s offered: %w", id, err)
	}
	return nil
}

// TakeDueOffers returns the waiting, unclaimed interviews last offered more
// than every ago (or never), marking them offered now. Servers sweeping at
// once each get different rows.
func (r *Interviews) TakeDueOffers(ctx context.Context, every time.Duration, limit int) ([]interview.Interview, error) {
	rows, err := r.q.Query(ctx, `UPDATE interviews i SET offered_at = now()
		WHERE i.id IN (SELECT id FROM interviews
			WHERE state = 'waiting_for_agent' AND claim_id IS NULL
				AND (offered_at IS NULL OR offered_at < now() - $1::interval)
			ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
		RETURNING `+interviewCols, every, limit)
	if err != nil {
		return nil, fmt.Errorf("take due offers: %w", err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowToStructByName[interview.Interview])
	if err != nil {
		return nil, fmt.Errorf("take due offers: %w", err)
	}
	return out, nil
}

// Joined records that a participant is in the room (clearing its left time).
func (r *Interviews) Joined(ctx context.Context, id string, who interview.Participant, at time.Time) error {
	col := "candidate"
	if who == interview.PartAgent {
		col = "agent"
	}
	seen := ""
	if who == interview.PartAgent {
		// Joining counts as the agent's first heartbeat.
		seen = "agent_seen_at = GREATEST(agent_seen_at, now()), "
	}
	_, err := r.q.Exec(ctx, `UPDATE interviews SET `+col+`_joined_at = COALESCE(`+col+`_joined_at, $2),
		`+seen+col+`_left_at = NULL, updated_at = now() WHERE id = $1`, id, at)
	if err != nil {
		return fmt.Errorf("record %s joined interview %s: %w", who, id, err)
	}
	return nil
}

// Left records that a participant left the room at at.
func (r *Interviews) Left(ctx context.Context, id string, who interview.Participant, at time.Time) error {
	col := "candidate"
	if who == interview.PartAgent {
		col = "agent"
	}
	_, err := r.q.Exec(ctx, `UPDATE interviews SET `+col+`_left_at = $2, updated_at = now() WHERE id = $1`, id, at)
	if err != nil {
		return fmt.Errorf("record %s left interview %s: %w", who, id, err)
	}
	return nil
}

// AgentEnding records that the agent is wrapping up (first time only); it
// reports whether this call set it.
func (r *Interviews) AgentEnding(ctx context.Context, id string) (bool, error) {
	tag, err := r.q.Exec(ctx, `UPDATE interviews SET agent_ending_at = now(), updated_at = now()
		WHERE id = $1 AND agent_ending_at IS NULL`, id)
	if err != nil {
		return false, fmt.Errorf("record agent ending interview %s: %w", id, err)
	}
	return tag.RowsAffected() == 1, nil
}

// SetEndedBy records who ended the interview (candidate, interviewer or
// server).
func (r *Interviews) SetEndedBy(ctx context.Context, id, by string) error {
	if _, err := r.q.Exec(ctx, `UPDATE interviews SET ended_by = $2, updated_at = now() WHERE id = $1`, id, by); err != nil {
		return fmt.Errorf("record who ended interview %s: %w", id, err)
	}
	return nil
}

// RequestEnd records the candidate's request to end an interview in
// progress (the first request counts); it reports whether this call made
// it. interview.ErrStateChanged when the interview is not in progress.
func (r *Interviews) RequestEnd(ctx context.Context, id, reason string) (interview.Interview, bool, error) {
	iv, err := r.one(ctx, `UPDATE interviews i SET end_requested_at = now(), end_request_reason = NULLIF($2, ''),
			updated_at = now()
		WHERE i.id = $1 AND i.state = 'in_progress' AND i.end_requested_at IS NULL
		RETURNING `+interviewCols, id, reason)
	if err == nil {
		return iv, true, nil
	}
	if !errors.Is(err, ErrNotFound) {
		return interview.Interview{}, false, fmt.Errorf("request end of interview %s: %w", id, err)
	}
	cur, gerr := r.Get(ctx, id)
	if gerr != nil {
		return interview.Interview{}, false, gerr
	}
	if cur.State == "in_progress" {
		return cur, false, nil
	}
	return cur, false, interview.ErrStateChanged
}

// AgentSeen records the agent's heartbeat and returns the interview.
func (r *Interviews) AgentSeen(ctx context.Context, id string) (interview.Interview, error) {
	return r.wrap("record agent heartbeat", id)(r.one(ctx, `UPDATE interviews i SET agent_seen_at = now()
		WHERE i.id = $1 RETURNING `+interviewCols, id))
}

// Delete removes the user's interview and everything that hangs off it,
// returning the row as it was.
func (r *Interviews) Delete(ctx context.Context, userID, id string) (interview.Interview, error) {
	return r.wrap("delete interview", id)(r.one(ctx, `DELETE FROM interviews i WHERE i.id = $1 AND i.user_id = $2
		RETURNING `+interviewCols, id, userID))
}

// Overdue lists live interviews past one of the limits, with the reason
// code of the first rule that applies (candidate_left before the others: a
// candidate who walked out abandoned the interview whatever else happened,
// unless they had asked to end it).
func (r *Interviews) Overdue(ctx context.Context, l interview.OverdueLimits, limit int) ([]interview.Overdue, error) {
	rows, err := r.q.Query(ctx, `SELECT id, state, reason FROM (
		SELECT id, state, CASE
			WHEN candidate_left_at IS NOT NULL AND candidate_left_at < now() - $2::interval
				AND agent_ending_at IS NULL AND end_requested_at IS NULL AND state <> 'created' THEN 'candidate_left'
			WHEN state = 'created' AND created_at < now() - $1::interval THEN 'setup_failed'
			WHEN state = 'waiting_for_agent' AND claim_id IS NULL AND waiting_at < now() - $1::interval THEN 'no_interviewer'
			WHEN state = 'waiting_for_agent' AND claim_id IS NOT NULL AND claimed_at < now() - $1::interval THEN 'interviewer_did_not_join'
			WHEN state = 'in_progress' AND agent_seen_at IS NOT NULL
				AND GREATEST(agent_seen_at, $7::timestamptz) < now() - $6::interval THEN 'agent_gone'
			WHEN state = 'in_progress' AND agent_left_at IS NOT NULL AND agent_left_at < now() - $2::interval
				AND agent_ending_at IS NULL AND end_requested_at IS NULL THEN 'interviewer_disconnected'
			WHEN state = 'in_progress' AND COALESCE(agent_ending_at, end_requested_at) < now() - $3::interval THEN 'report_not_saved'
			WHEN state = 'in_progress' AND started_at < now() - $4::interval THEN 'too_long'
		END AS reason
		FROM interviews WHERE state IN ('created', 'waiting_for_agent', 'in_progress')) due
		WHERE reason IS NOT NULL LIMIT $5`, l.Claim, l.Grace, l.Report, l.MaxDuration, limit, l.AgentSilence, l.SeenSince)
	if err != nil {
		return nil, fmt.Errorf("find overdue interviews: %w", err)
	}
	return collect(rows, pgx.RowToStructByName[interview.Overdue], "overdue interviews")
}

func (r *Interviews) wrap(op, id string) func(interview.Interview, error) (interview.Interview, error) {
	return func(iv interview.Interview, err error) (interview.Interview, error) {
		if err != nil && !errors.Is(err, ErrNotFound) {
			return interview.Interview{}, fmt.Errorf("%s %s: %w", op, id, err)
		}
		return iv, err
	}
}

func collect[T any](rows pgx.Rows, fn pgx.RowToFunc[T], what string) ([]T, error) {
	out, err := pgx.CollectRows(rows, fn)
	if badInput(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", what, err)
	}
	return out, nil
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// badInput reports a parameter no row can match (a malformed uuid).
func badInput(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "22P02"
}

// CVByFilename returns the user's newest CV file with that name and its
// stored text (the file's extraction, else its newest analysis').
func (r *Interviews) CVByFilename(ctx context.Context, userID, filename string) (interview.InterviewCV, error) {
	rows, err := r.q.Query(ctx, `SELECT f.id::text AS file_id, f.filename,
			COALESCE(f.extracted->>'Text', (SELECT a.extracted_text FROM cv_analyses a
				WHERE a.cv_file_id = f.id AND a.extracted_text IS NOT NULL ORDER BY a.created_at DESC LIMIT 1)) AS text
		FROM cv_files f WHERE f.user_id = $1 AND f.filename = $2 ORDER BY f.created_at DESC LIMIT 1`, userID, filename)
	return oneCV(rows, err)
}

// CVByAnalysis returns the CV of one of the user's analyses: its file (if
// it had one) and the text stored with the file, extracted by the analysis
// or given to it.
func (r *Interviews) CVByAnalysis(ctx context.Context, userID, analysisID string) (interview.InterviewCV, error) {
	rows, err := r.q.Query(ctx, `SELECT a.cv_file_id::text AS file_id, f.filename,
			COALESCE(f.extracted->>'Text', a.extracted_text, a.input_text) AS text
		FROM cv_analyses a LEFT JOIN cv_files f ON f.id = a.cv_file_id
		WHERE a.user_id = $1 AND a.id = $2`, userID, analysisID)
	return oneCV(rows, err)
}

func oneCV(rows pgx.Rows, err error) (interview.InterviewCV, error) {
	if err != nil {
		return interview.InterviewCV{}, fmt.Errorf("load cv for interview: %w", err)
	}
	cv, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[interview.InterviewCV])
	if errors.Is(err, pgx.ErrNoRows) || badInput(err) {
		return interview.InterviewCV{}, ErrNotFound
	}
	if err != nil {
		return interview.InterviewCV{}, fmt.Errorf("load cv for interview: %w", err)
	}
	return cv, nil
}
