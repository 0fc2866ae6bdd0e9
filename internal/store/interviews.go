package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Interview is one voice interview as stored. CVText is loaded only by
// InterviewCV: it can be large and most reads do not need it.
type Interview struct {
	ID                string     `db:"id"`
	UserID            string     `db:"user_id"`
	CandidateName     string     `db:"candidate_name"`
	CandidateEmail    string     `db:"candidate_email"`
	CandidateIdentity string     `db:"candidate_identity"`
	JobTitle          string     `db:"job_title"`
	JobDescription    string     `db:"job_description"`
	CVFileID          *string    `db:"cv_file_id"`
	CVFilename        *string    `db:"cv_filename"`
	Language          string     `db:"language"`
	Room              string     `db:"room"`
	State             string     `db:"state"`
	EndReason         *string    `db:"end_reason"`
	EndMessage        *string    `db:"end_message"`
	AgentID           *string    `db:"agent_id"`
	ClaimID           *string    `db:"claim_id"`
	AgentIdentity     *string    `db:"agent_identity"`
	OfferedAt         *time.Time `db:"offered_at"`
	ClaimedAt         *time.Time `db:"claimed_at"`
	CandidateJoinedAt *time.Time `db:"candidate_joined_at"`
	CandidateLeftAt   *time.Time `db:"candidate_left_at"`
	AgentJoinedAt     *time.Time `db:"agent_joined_at"`
	AgentLeftAt       *time.Time `db:"agent_left_at"`
	AgentEndingAt     *time.Time `db:"agent_ending_at"`
	CreatedAt         time.Time  `db:"created_at"`
	WaitingAt         *time.Time `db:"waiting_at"`
	StartedAt         *time.Time `db:"started_at"`
	EndedAt           *time.Time `db:"ended_at"`
	UpdatedAt         time.Time  `db:"updated_at"`
	// EndedBy is who ended it: candidate, interviewer or server.
	EndedBy *string `db:"ended_by"`
	// EndRequestedAt: the candidate asked to end early (the agent closes
	// and reports); EndRequestReason is what they said, if anything.
	EndRequestedAt   *time.Time `db:"end_requested_at"`
	EndRequestReason *string    `db:"end_request_reason"`
	// AgentSeenAt is the agent's last heartbeat.
	AgentSeenAt *time.Time `db:"agent_seen_at"`
}

const interviewCols = `i.id, i.user_id, i.candidate_name, i.candidate_email, i.candidate_identity, i.job_title,
	i.job_description, i.cv_file_id, i.cv_filename, i.language, i.room, i.state, i.end_reason, i.end_message,
	i.agent_id, i.claim_id, i.agent_identity, i.offered_at, i.claimed_at, i.candidate_joined_at,
	i.candidate_left_at, i.agent_joined_at, i.agent_left_at, i.agent_ending_at, i.created_at, i.waiting_at,
	i.started_at, i.ended_at, i.updated_at, i.ended_by, i.end_requested_at, i.end_request_reason, i.agent_seen_at`

// NewInterview is an interview to create (state created).
type NewInterview struct {
	UserID            string
	CandidateName     string
	CandidateEmail    string
	CandidateIdentity string
	JobTitle          string
	JobDescription    string
	CVFileID          *string
	CVFilename        *string
	CVText            string
	Language          string
	// Room is built from the id: "<RoomPrefix><id>".
	RoomPrefix string
}

// InterviewEvent is one entry of an interview's timeline.
type InterviewEvent struct {
	ID          int64     `db:"id"`
	InterviewID string    `db:"interview_id"`
	Kind        string    `db:"kind"`
	Data        []byte    `db:"data"`
	CreatedAt   time.Time `db:"created_at"`
}

// InterviewSegment is one transcript segment.
type InterviewSegment struct {
	Seq     int    `db:"seq"`
	Speaker string `db:"speaker"`
	Text    string `db:"text"`
	Lang    string `db:"lang"`
	StartMS int    `db:"start_ms"`
	EndMS   int    `db:"end_ms"`
	Final   bool   `db:"final"`
}

// SegmentOutcome is what storing a segment did.
type SegmentOutcome int

// Outcomes of UpsertSegment.
const (
	SegmentStored    SegmentOutcome = iota + 1 // new, or a newer version of a partial
	SegmentUnchanged                           // the same final segment again
	SegmentFinalized                           // a different segment for a seq already final: refused
)

// InterviewReport is the agent's report.
type InterviewReport struct {
	InterviewID       string   `db:"interview_id"`
	Score             *float64 `db:"score"`
	UnscoredReason    *string  `db:"unscored_reason"`
	Strengths         []string `db:"strengths"`
	DevelopmentAreas  []string `db:"development_areas"`
	Communication     string   `db:"communication"`
	RoleFit           string   `db:"role_fit"`
	Conclusion        string   `db:"conclusion"`
	Terminated        bool     `db:"terminated"`
	TerminationReason *string  `db:"termination_reason"`
	// ClaimID is the claim of the agent that wrote it; nil when the server
	// wrote it (WrittenBy "server").
	ClaimID   *string   `db:"claim_id"`
	WrittenBy string    `db:"written_by"`
	CreatedAt time.Time `db:"created_at"`
}

// InterviewSummary is a row of an interview list.
type InterviewSummary struct {
	ID         string     `db:"id"`
	UserID     string     `db:"user_id"`
	OwnerName  string     `db:"owner_name"`
	JobTitle   string     `db:"job_title"`
	State      string     `db:"state"`
	Score      *float64   `db:"score"`
	Conclusion *string    `db:"conclusion"`
	CreatedAt  time.Time  `db:"created_at"`
	StartedAt  *time.Time `db:"started_at"`
	EndedAt    *time.Time `db:"ended_at"`
}

// InterviewReviewer is an invitation.
type InterviewReviewer struct {
	Email     string     `db:"email"`
	CreatedAt time.Time  `db:"created_at"`
	RevokedAt *time.Time `db:"revoked_at"`
}

// InterviewNote is a reviewer's note.
type InterviewNote struct {
	ID          string    `db:"id"`
	InterviewID string    `db:"interview_id"`
	AuthorID    string    `db:"author_id"`
	AuthorName  string    `db:"author_name"`
	Text        string    `db:"text"`
	OffsetMS    int64     `db:"offset_ms"`
	CreatedAt   time.Time `db:"created_at"`
}

// Errors of the interviews repository besides ErrNotFound.
var (
	// ErrStateChanged: the row is not in a state the update accepts.
	ErrStateChanged = errors.New("interview state changed")
	// ErrReportExists: the interview already has a report.
	ErrReportExists = errors.New("interview report exists")
)

// Interviews is the repository of interviews and everything hanging off
// them. Reads a user can name take the user's id (ForOwner, Access); the
// unscoped reads serve the server's own work (agents, webhooks, sweeps).
type Interviews struct {
	pool *pgxpool.Pool
	q    DBTX
}

// NewInterviews returns the repository over pool.
func NewInterviews(pool *pgxpool.Pool) *Interviews { return &Interviews{pool: pool, q: pool} }

// InTx runs fn with a repository bound to one transaction (and the
// transaction itself, for work of other packages such as queueing mail),
// committed when fn returns nil.
func (r *Interviews) InTx(ctx context.Context, fn func(tx *Interviews, ptx pgx.Tx) error) error {
	return pgx.BeginFunc(ctx, r.pool, func(ptx pgx.Tx) error {
		return fn(&Interviews{pool: r.pool, q: ptx}, ptx)
	})
}

func (r *Interviews) one(ctx context.Context, sql string, args ...any) (Interview, error) {
	rows, err := r.q.Query(ctx, sql, args...)
	if err != nil {
		return Interview{}, err
	}
	iv, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[Interview])
	if errors.Is(err, pgx.ErrNoRows) || badInput(err) {
		return Interview{}, ErrNotFound
	}
	return iv, err
}

// Create inserts an interview in state created.
func (r *Interviews) Create(ctx context.Context, n NewInterview) (Interview, error) {
	iv, err := r.one(ctx, `WITH new AS (SELECT gen_random_uuid() AS id)
		INSERT INTO interviews AS i (id, user_id, candidate_name, candidate_email, candidate_identity, job_title,
			job_description, cv_file_id, cv_filename, cv_text, language, room)
		SELECT new.id, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 || new.id::text FROM new
		RETURNING `+interviewCols,
		n.UserID, n.CandidateName, n.CandidateEmail, n.CandidateIdentity, n.JobTitle, n.JobDescription,
		n.CVFileID, n.CVFilename, n.CVText, n.Language, n.RoomPrefix)
	if err != nil {
		return Interview{}, fmt.Errorf("insert interview: %w", err)
	}
	return iv, nil
}

// Get returns an interview by id, whoever owns it.
func (r *Interviews) Get(ctx context.Context, id string) (Interview, error) {
	return r.wrap("load interview", id)(r.one(ctx, `SELECT `+interviewCols+` FROM interviews i WHERE i.id = $1`, id))
}

// ByRoom returns the interview of a LiveKit room.
func (r *Interviews) ByRoom(ctx context.Context, room string) (Interview, error) {
	return r.wrap("load interview of room", room)(r.one(ctx, `SELECT `+interviewCols+` FROM interviews i WHERE i.room = $1`, room))
}

// ForOwner returns the user's interview by id.
func (r *Interviews) ForOwner(ctx context.Context, userID, id string) (Interview, error) {
	return r.wrap("load interview", id)(r.one(ctx, `SELECT `+interviewCols+` FROM interviews i WHERE i.id = $1 AND i.user_id = $2`, id, userID))
}

// Access returns the interview when userID owns it ("owner") or holds an
// unrevoked invitation for their account's e-mail address ("reviewer").
func (r *Interviews) Access(ctx context.Context, userID, id string) (Interview, string, error) {
	rows, err := r.q.Query(ctx, `SELECT `+interviewCols+`,
			CASE WHEN i.user_id = $2 THEN 'owner' ELSE 'reviewer' END AS role
		FROM interviews i
		WHERE i.id = $1 AND (i.user_id = $2 OR EXISTS (
			SELECT 1 FROM interview_reviewers rv JOIN users u ON u.email = rv.email
			WHERE rv.interview_id = i.id AND rv.revoked_at IS NULL AND u.id = $2 AND u.email_verified))`, id, userID)
	if err != nil {
		return Interview{}, "", fmt.Errorf("load interview %s: %w", id, err)
	}
	type withRole struct {
		Interview
		Role string `db:"role"`
	}
	w, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[withRole])
	if errors.Is(err, pgx.ErrNoRows) || badInput(err) {
		return Interview{}, "", ErrNotFound
	}
	if err != nil {
		return Interview{}, "", fmt.Errorf("load interview %s: %w", id, err)
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
// reason). It returns the updated row and the state it left; ErrStateChanged
// (with the row as it is) when its state is not in from.
func (r *Interviews) Transition(ctx context.Context, id string, from []string, to, reasonCode, reasonMessage string) (Interview, string, error) {
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
		return Interview{}, "", fmt.Errorf("transition interview %s: %w", id, err)
	}
	type moved struct {
		Interview
		Previous string `db:"previous"`
	}
	m, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[moved])
	if errors.Is(err, pgx.ErrNoRows) || badInput(err) {
		cur, gerr := r.Get(ctx, id)
		if gerr != nil {
			return Interview{}, "", gerr
		}
		return cur, cur.State, ErrStateChanged
	}
	if err != nil {
		return Interview{}, "", fmt.Errorf("transition interview %s: %w", id, err)
	}
	return m.Interview, m.Previous, nil
}

// Claim gives an interview that is waiting and unclaimed to an agent, in one
// conditional update: of agents racing for it exactly one gets the row.
// ErrStateChanged (with the row) when it is not claimable.
func (r *Interviews) Claim(ctx context.Context, id, agentID, claimID, identity string) (Interview, error) {
	iv, err := r.one(ctx, `UPDATE interviews i SET agent_id = $2, claim_id = $3, agent_identity = $4,
			claimed_at = now(), updated_at = now()
		WHERE i.id = $1 AND i.state = 'waiting_for_agent' AND i.claim_id IS NULL
		RETURNING `+interviewCols, id, agentID, claimID, identity)
	if errors.Is(err, ErrNotFound) {
		cur, gerr := r.Get(ctx, id)
		if gerr != nil {
			return Interview{}, gerr
		}
		return cur, ErrStateChanged
	}
	if err != nil {
		return Interview{}, fmt.Errorf("claim interview %s: %w", id, err)
	}
	return iv, nil
}

// Release hands a claimed interview that has not started back to the
// dispatch queue. ErrStateChanged when the claim is no longer held or the
// interview started.
func (r *Interviews) Release(ctx context.Context, id, claimID string) (Interview, error) {
	iv, err := r.one(ctx, `UPDATE interviews i SET agent_id = NULL, claim_id = NULL, agent_identity = NULL,
			claimed_at = NULL, offered_at = NULL, agent_joined_at = NULL, agent_left_at = NULL, updated_at = now()
		WHERE i.id = $1 AND i.claim_id = $2 AND i.state = 'waiting_for_agent'
		RETURNING `+interviewCols, id, claimID)
	if errors.Is(err, ErrNotFound) {
		return Interview{}, ErrStateChanged
	}
	if err != nil {
		return Interview{}, fmt.Errorf("release interview %s: %w", id, err)
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
func (r *Interviews) TakeDueOffers(ctx context.Context, every time.Duration, limit int) ([]Interview, error) {
	rows, err := r.q.Query(ctx, `UPDATE interviews i SET offered_at = now()
		WHERE i.id IN (SELECT id FROM interviews
			WHERE state = 'waiting_for_agent' AND claim_id IS NULL
				AND (offered_at IS NULL OR offered_at < now() - $1::interval)
			ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
		RETURNING `+interviewCols, every, limit)
	if err != nil {
		return nil, fmt.Errorf("take due offers: %w", err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowToStructByName[Interview])
	if err != nil {
		return nil, fmt.Errorf("take due offers: %w", err)
	}
	return out, nil
}

// Participant is a side of the room whose presence is tracked.
type Participant string

// Participants.
const (
	PartCandidate Participant = "candidate"
	PartAgent     Participant = "agent"
)

// Joined records that a participant is in the room (clearing its left time).
func (r *Interviews) Joined(ctx context.Context, id string, who Participant, at time.Time) error {
	col := "candidate"
	if who == PartAgent {
		col = "agent"
	}
	seen := ""
	if who == PartAgent {
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
func (r *Interviews) Left(ctx context.Context, id string, who Participant, at time.Time) error {
	col := "candidate"
	if who == PartAgent {
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
// it. ErrStateChanged when the interview is not in progress.
func (r *Interviews) RequestEnd(ctx context.Context, id, reason string) (Interview, bool, error) {
	iv, err := r.one(ctx, `UPDATE interviews i SET end_requested_at = now(), end_request_reason = NULLIF($2, ''),
			updated_at = now()
		WHERE i.id = $1 AND i.state = 'in_progress' AND i.end_requested_at IS NULL
		RETURNING `+interviewCols, id, reason)
	if err == nil {
		return iv, true, nil
	}
	if !errors.Is(err, ErrNotFound) {
		return Interview{}, false, fmt.Errorf("request end of interview %s: %w", id, err)
	}
	cur, gerr := r.Get(ctx, id)
	if gerr != nil {
		return Interview{}, false, gerr
	}
	if cur.State == "in_progress" {
		return cur, false, nil
	}
	return cur, false, ErrStateChanged
}

// AgentSeen records the agent's heartbeat and returns the interview.
func (r *Interviews) AgentSeen(ctx context.Context, id string) (Interview, error) {
	return r.wrap("record agent heartbeat", id)(r.one(ctx, `UPDATE interviews i SET agent_seen_at = now()
		WHERE i.id = $1 RETURNING `+interviewCols, id))
}

// AddEvent appends an entry to the interview's timeline; data is JSON.
func (r *Interviews) AddEvent(ctx context.Context, id, kind string, data []byte) (InterviewEvent, error) {
	if len(data) == 0 {
		data = []byte("{}")
	}
	rows, err := r.q.Query(ctx, `INSERT INTO interview_events (interview_id, kind, data) VALUES ($1, $2, $3)
		RETURNING id, interview_id, kind, data, created_at`, id, kind, data)
	if err != nil {
		return InterviewEvent{}, fmt.Errorf("add %s event to interview %s: %w", kind, id, err)
	}
	ev, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[InterviewEvent])
	if err != nil {
		return InterviewEvent{}, fmt.Errorf("add %s event to interview %s: %w", kind, id, err)
	}
	return ev, nil
}

// AddEventOnce appends an entry to the interview's timeline unless one with
// the same idempotency key is there already; added says which. An empty key
// always appends.
func (r *Interviews) AddEventOnce(ctx context.Context, id, kind, key string, data []byte) (added bool, err error) {
	if key == "" {
		_, err := r.AddEvent(ctx, id, kind, data)
		return err == nil, err
	}
	if len(data) == 0 {
		data = []byte("{}")
	}
	tag, err := r.q.Exec(ctx, `INSERT INTO interview_events (interview_id, kind, data, idem_key) VALUES ($1, $2, $3, $4)
		ON CONFLICT (interview_id, idem_key) WHERE idem_key IS NOT NULL DO NOTHING`, id, kind, data, key)
	if err != nil {
		return false, fmt.Errorf("add %s event to interview %s: %w", kind, id, err)
	}
	return tag.RowsAffected() == 1, nil
}

// CountEvents counts the interview's timeline entries.
func (r *Interviews) CountEvents(ctx context.Context, id string) (int, error) {
	var n int
	if err := r.q.QueryRow(ctx, `SELECT count(*) FROM interview_events WHERE interview_id = $1`, id).Scan(&n); err != nil {
		return 0, fmt.Errorf("count events of interview %s: %w", id, err)
	}
	return n, nil
}

// Events returns the interview's timeline in order.
func (r *Interviews) Events(ctx context.Context, id string) ([]InterviewEvent, error) {
	rows, err := r.q.Query(ctx, `SELECT id, interview_id, kind, data, created_at FROM interview_events
		WHERE interview_id = $1 ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("load events of interview %s: %w", id, err)
	}
	return collect(rows, pgx.RowToStructByName[InterviewEvent], "events of interview "+id)
}

// UpsertSegment stores a transcript segment idempotently: a new seq is
// inserted, a partial is replaced by a newer partial or its final version,
// the same final again changes nothing, and a final segment is never
// replaced.
func (r *Interviews) UpsertSegment(ctx context.Context, id string, s InterviewSegment) (SegmentOutcome, error) {
	var stored bool
	err := r.q.QueryRow(ctx, `INSERT INTO interview_segments AS g
			(interview_id, seq, speaker, text, lang, start_ms, end_ms, final)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (interview_id, seq) DO UPDATE SET speaker = EXCLUDED.speaker, text = EXCLUDED.text,
			lang = EXCLUDED.lang, start_ms = EXCLUDED.start_ms, end_ms = EXCLUDED.end_ms,
			final = EXCLUDED.final, updated_at = now()
		WHERE NOT g.final
		RETURNING true`, id, s.Seq, s.Speaker, s.Text, s.Lang, s.StartMS, s.EndMS, s.Final).Scan(&stored)
	if err == nil {
		return SegmentStored, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return 0, fmt.Errorf("store segment %d of interview %s: %w", s.Seq, id, err)
	}
	var cur InterviewSegment
	err = r.q.QueryRow(ctx, `SELECT speaker, text, lang, start_ms, end_ms, final FROM interview_segments
		WHERE interview_id = $1 AND seq = $2`, id, s.Seq).
		Scan(&cur.Speaker, &cur.Text, &cur.Lang, &cur.StartMS, &cur.EndMS, &cur.Final)
	if err != nil {
		return 0, fmt.Errorf("load segment %d of interview %s: %w", s.Seq, id, err)
	}
	cur.Seq = s.Seq
	if cur == s {
		return SegmentUnchanged, nil
	}
	return SegmentFinalized, nil
}

// Segments returns the transcript in seq order.
func (r *Interviews) Segments(ctx context.Context, id string) ([]InterviewSegment, error) {
	rows, err := r.q.Query(ctx, `SELECT seq, speaker, text, lang, start_ms, end_ms, final FROM interview_segments
		WHERE interview_id = $1 ORDER BY seq`, id)
	if err != nil {
		return nil, fmt.Errorf("load transcript of interview %s: %w", id, err)
	}
	return collect(rows, pgx.RowToStructByName[InterviewSegment], "transcript of interview "+id)
}

// SaveReport stores the report; ErrReportExists when there is one.
func (r *Interviews) SaveReport(ctx context.Context, rep InterviewReport) error {
	_, err := r.q.Exec(ctx, `INSERT INTO interview_reports (interview_id, score, unscored_reason, strengths,
			development_areas, communication, role_fit, conclusion, terminated, termination_reason, claim_id, written_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, COALESCE(NULLIF($12, ''), 'agent'))`,
		rep.InterviewID, rep.Score, rep.UnscoredReason, nonNilStrings(rep.Strengths), nonNilStrings(rep.DevelopmentAreas),
		rep.Communication, rep.RoleFit, rep.Conclusion, rep.Terminated, rep.TerminationReason, rep.ClaimID, rep.WrittenBy)
	if IsUniqueViolation(err) {
		return ErrReportExists
	}
	if err != nil {
		return fmt.Errorf("save report of interview %s: %w", rep.InterviewID, err)
	}
	return nil
}

// Report returns the interview's report, ErrNotFound when there is none.
func (r *Interviews) Report(ctx context.Context, id string) (InterviewReport, error) {
	rows, err := r.q.Query(ctx, `SELECT interview_id, score::float8 AS score, unscored_reason, strengths,
			development_areas, communication, role_fit, conclusion, terminated, termination_reason, claim_id, written_by, created_at
		FROM interview_reports WHERE interview_id = $1`, id)
	if err != nil {
		return InterviewReport{}, fmt.Errorf("load report of interview %s: %w", id, err)
	}
	rep, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[InterviewReport])
	if errors.Is(err, pgx.ErrNoRows) || badInput(err) {
		return InterviewReport{}, ErrNotFound
	}
	if err != nil {
		return InterviewReport{}, fmt.Errorf("load report of interview %s: %w", id, err)
	}
	return rep, nil
}

const summaryCols = `i.id, i.user_id, u.name AS owner_name, i.job_title, i.state, rp.score::float8 AS score,
	rp.conclusion, i.created_at, i.started_at, i.ended_at`

// ListForOwner lists the user's interviews, newest first.
func (r *Interviews) ListForOwner(ctx context.Context, userID string, limit int) ([]InterviewSummary, error) {
	rows, err := r.q.Query(ctx, `SELECT `+summaryCols+` FROM interviews i
		JOIN users u ON u.id = i.user_id
		LEFT JOIN interview_reports rp ON rp.interview_id = i.id
		WHERE i.user_id = $1 ORDER BY i.created_at DESC, i.id LIMIT $2`, userID, limit)
	if err != nil {
		return nil, fmt.Errorf("list interviews: %w", err)
	}
	return collect(rows, pgx.RowToStructByName[InterviewSummary], "interviews")
}

// SharedWith lists the interviews shared with the user's (verified)
// address and not revoked, newest first.
func (r *Interviews) SharedWith(ctx context.Context, userID string, limit int) ([]InterviewSummary, error) {
	rows, err := r.q.Query(ctx, `SELECT `+summaryCols+` FROM interview_reviewers rv
		JOIN users me ON me.email = rv.email AND me.id = $1 AND me.email_verified
		JOIN interviews i ON i.id = rv.interview_id
		JOIN users u ON u.id = i.user_id
		LEFT JOIN interview_reports rp ON rp.interview_id = i.id
		WHERE rv.revoked_at IS NULL AND i.user_id <> $1
		ORDER BY i.created_at DESC, i.id LIMIT $2`, userID, limit)
	if err != nil {
		return nil, fmt.Errorf("list shared interviews: %w", err)
	}
	return collect(rows, pgx.RowToStructByName[InterviewSummary], "shared interviews")
}

// Invite records (or renews) an invitation. fresh reports that the
// address was not already an active reviewer; mail that it should be mailed
// now: a new invitation, or one renewed more than a day after it was last
// mailed (invite–revoke loops mail a victim at most once a day).
func (r *Interviews) Invite(ctx context.Context, id, email, invitedBy string) (fresh, mail bool, err error) {
	err = r.q.QueryRow(ctx, `INSERT INTO interview_reviewers AS rv (interview_id, email, invited_by, mailed_at) VALUES ($1, $2, $3, now())
		ON CONFLICT (interview_id, email) DO UPDATE SET revoked_at = NULL, invited_by = EXCLUDED.invited_by,
			created_at = CASE WHEN rv.revoked_at IS NULL THEN rv.created_at ELSE now() END,
			mailed_at = CASE WHEN rv.revoked_at IS NOT NULL AND (rv.mailed_at IS NULL OR rv.mailed_at < now() - interval '1 day')
				THEN now() ELSE rv.mailed_at END
		RETURNING (xmax = 0 OR created_at = now()), mailed_at = now()`, id, email, invitedBy).Scan(&fresh, &mail)
	if err != nil {
		return false, false, fmt.Errorf("invite reviewer to interview %s: %w", id, err)
	}
	return fresh, mail, nil
}

// CountInvitations counts the interview's invitations, revoked ones too,
// other than to email (renewing that one adds none).
func (r *Interviews) CountInvitations(ctx context.Context, id, email string) (int, error) {
	var n int
	err := r.q.QueryRow(ctx, `SELECT count(*) FROM interview_reviewers WHERE interview_id = $1 AND email <> $2`, id, email).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count invitations of interview %s: %w", id, err)
	}
	return n, nil
}

// InvitationMailsSince counts invitation mails sent since by owner and to
// email, across every interview.
func (r *Interviews) InvitationMailsSince(ctx context.Context, owner, email string, since time.Time) (byOwner, toEmail int, err error) {
	err = r.q.QueryRow(ctx, `SELECT
			(SELECT count(*) FROM interview_reviewers WHERE invited_by = $1 AND mailed_at > $3),
			(SELECT count(*) FROM interview_reviewers WHERE email = $2 AND mailed_at > $3)`, owner, email, since).Scan(&byOwner, &toEmail)
	if err != nil {
		return 0, 0, fmt.Errorf("count invitation mails: %w", err)
	}
	return byOwner, toEmail, nil
}

// InterviewsSince counts the interviews created since by owner and for
// candidate address email (across every account): each one mails a report.
func (r *Interviews) InterviewsSince(ctx context.Context, owner, email string, since time.Time) (byOwner, toEmail int, err error) {
	err = r.q.QueryRow(ctx, `SELECT
			(SELECT count(*) FROM interviews WHERE user_id = $1 AND created_at > $3),
			(SELECT count(*) FROM interviews WHERE candidate_email = $2 AND created_at > $3)`, owner, email, since).Scan(&byOwner, &toEmail)
	if err != nil {
		return 0, 0, fmt.Errorf("count interviews since: %w", err)
	}
	return byOwner, toEmail, nil
}

// ReportsSince counts the reports saved since for interviews whose
// candidate address is email, across every account.
func (r *Interviews) ReportsSince(ctx context.Context, email string, since time.Time) (int, error) {
	var n int
	err := r.q.QueryRow(ctx, `SELECT count(*) FROM interview_reports rp JOIN interviews iv ON iv.id = rp.interview_id
		WHERE iv.candidate_email = $1 AND rp.created_at > $2`, email, since).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count reports since: %w", err)
	}
	return n, nil
}

// CountReviewers counts the interview's active invitations.
func (r *Interviews) CountReviewers(ctx context.Context, id string) (int, error) {
	var n int
	err := r.q.QueryRow(ctx, `SELECT count(*) FROM interview_reviewers WHERE interview_id = $1 AND revoked_at IS NULL`, id).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count reviewers of interview %s: %w", id, err)
	}
	return n, nil
}

// Revoke ends an invitation; ErrNotFound when there is no active one.
func (r *Interviews) Revoke(ctx context.Context, id, email string) error {
	tag, err := r.q.Exec(ctx, `UPDATE interview_reviewers SET revoked_at = now()
		WHERE interview_id = $1 AND email = $2 AND revoked_at IS NULL`, id, email)
	if err != nil {
		return fmt.Errorf("revoke reviewer of interview %s: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return ErrNotFound
	}
	return nil
}

// Reviewers lists the interview's invitations, active and revoked.
func (r *Interviews) Reviewers(ctx context.Context, id string) ([]InterviewReviewer, error) {
	rows, err := r.q.Query(ctx, `SELECT email, created_at, revoked_at FROM interview_reviewers
		WHERE interview_id = $1 ORDER BY created_at, email`, id)
	if err != nil {
		return nil, fmt.Errorf("list reviewers of interview %s: %w", id, err)
	}
	return collect(rows, pgx.RowToStructByName[InterviewReviewer], "reviewers of interview "+id)
}

// UserIDsByEmail returns the account with that address, if any (at most one).
func (r *Interviews) UserIDsByEmail(ctx context.Context, email string) ([]string, error) {
	rows, err := r.q.Query(ctx, `SELECT id::text FROM users WHERE email = $1`, email)
	if err != nil {
		return nil, fmt.Errorf("find account by email: %w", err)
	}
	return collect(rows, pgx.RowTo[string], "accounts by email")
}

// IsReviewer reports whether userID holds an active invitation.
func (r *Interviews) IsReviewer(ctx context.Context, id, userID string) (bool, error) {
	var ok bool
	err := r.q.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM interview_reviewers rv JOIN users u ON u.email = rv.email
		WHERE rv.interview_id = $1 AND rv.revoked_at IS NULL AND u.id = $2 AND u.email_verified)`, id, userID).Scan(&ok)
	if badInput(err) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("check reviewer of interview %s: %w", id, err)
	}
	return ok, nil
}

// AddNote stores a note and returns it with its author's name.
func (r *Interviews) AddNote(ctx context.Context, id, authorID, text string, offsetMS int64) (InterviewNote, error) {
	rows, err := r.q.Query(ctx, `WITH n AS (INSERT INTO interview_notes (interview_id, author_id, text, offset_ms)
			VALUES ($1, $2, $3, $4) RETURNING *)
		SELECT n.id, n.interview_id, n.author_id, u.name AS author_name, n.text, n.offset_ms, n.created_at
		FROM n JOIN users u ON u.id = n.author_id`, id, authorID, text, offsetMS)
	if err != nil {
		return InterviewNote{}, fmt.Errorf("add note to interview %s: %w", id, err)
	}
	n, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[InterviewNote])
	if err != nil {
		return InterviewNote{}, fmt.Errorf("add note to interview %s: %w", id, err)
	}
	return n, nil
}

// CountNotes counts the interview's notes.
func (r *Interviews) CountNotes(ctx context.Context, id string) (int, error) {
	var n int
	if err := r.q.QueryRow(ctx, `SELECT count(*) FROM interview_notes WHERE interview_id = $1`, id).Scan(&n); err != nil {
		return 0, fmt.Errorf("count notes of interview %s: %w", id, err)
	}
	return n, nil
}

const noteCols = `n.id, n.interview_id, n.author_id, u.name AS author_name, n.text, n.offset_ms, n.created_at`

// Notes returns the interview's notes in the order written.
func (r *Interviews) Notes(ctx context.Context, id string) ([]InterviewNote, error) {
	rows, err := r.q.Query(ctx, `SELECT `+noteCols+` FROM interview_notes n JOIN users u ON u.id = n.author_id
		WHERE n.interview_id = $1 ORDER BY n.created_at, n.id`, id)
	if err != nil {
		return nil, fmt.Errorf("load notes of interview %s: %w", id, err)
	}
	return collect(rows, pgx.RowToStructByName[InterviewNote], "notes of interview "+id)
}

// Note returns one note of interview id; ErrNotFound when there is none
// (noteID need not be a valid id).
func (r *Interviews) Note(ctx context.Context, id, noteID string) (InterviewNote, error) {
	if _, err := uuid.Parse(noteID); err != nil {
		return InterviewNote{}, ErrNotFound
	}
	rows, err := r.q.Query(ctx, `SELECT `+noteCols+` FROM interview_notes n JOIN users u ON u.id = n.author_id
		WHERE n.interview_id = $1 AND n.id = $2`, id, noteID)
	if err != nil {
		return InterviewNote{}, fmt.Errorf("load note of interview %s: %w", id, err)
	}
	n, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[InterviewNote])
	if errors.Is(err, pgx.ErrNoRows) {
		return InterviewNote{}, ErrNotFound
	}
	if err != nil {
		return InterviewNote{}, fmt.Errorf("load note of interview %s: %w", id, err)
	}
	return n, nil
}

// NotesByAuthor returns every note the user wrote, on any interview.
func (r *Interviews) NotesByAuthor(ctx context.Context, userID string) ([]InterviewNote, error) {
	rows, err := r.q.Query(ctx, `SELECT `+noteCols+` FROM interview_notes n JOIN users u ON u.id = n.author_id
		WHERE n.author_id = $1 ORDER BY n.created_at, n.id`, userID)
	if err != nil {
		return nil, fmt.Errorf("load notes by author: %w", err)
	}
	return collect(rows, pgx.RowToStructByName[InterviewNote], "notes by author")
}

// Delete removes the user's interview and everything that hangs off it,
// returning the row as it was.
func (r *Interviews) Delete(ctx context.Context, userID, id string) (Interview, error) {
	return r.wrap("delete interview", id)(r.one(ctx, `DELETE FROM interviews i WHERE i.id = $1 AND i.user_id = $2
		RETURNING `+interviewCols, id, userID))
}

// Overdue is an interview the sweeper must end, and why.
type Overdue struct {
	ID     string `db:"id"`
	State  string `db:"state"`
	Reason string `db:"reason"`
}

// OverdueLimits are the timeouts the sweeper applies.
type OverdueLimits struct {
	Claim       time.Duration // offer → claim, and claim → agent in the room
	Grace       time.Duration // a participant may be out of the room this long
	Report      time.Duration // agent said it is ending (or the candidate asked to end) → report saved
	MaxDuration time.Duration // in progress at most this long
	// AgentSilence: an agent whose last heartbeat is older is gone.
	AgentSilence time.Duration
	// SeenSince is when this server started watching heartbeats: a
	// heartbeat missed while no server was up does not count against an
	// agent until AgentSilence after it.
	SeenSince time.Time
}

// Overdue lists live interviews past one of the limits, with the reason
// code of the first rule that applies (candidate_left before the others: a
// candidate who walked out abandoned the interview whatever else happened,
// unless they had asked to end it).
func (r *Interviews) Overdue(ctx context.Context, l OverdueLimits, limit int) ([]Overdue, error) {
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
	return collect(rows, pgx.RowToStructByName[Overdue], "overdue interviews")
}

// InterviewExport is everything kept about one of a user's interviews.
type InterviewExport struct {
	Interview  Interview           `json:"interview"`
	CVText     string              `json:"cv_text"`
	Events     []InterviewEvent    `json:"events"`
	Transcript []InterviewSegment  `json:"transcript"`
	Report     *InterviewReport    `json:"report"`
	Reviewers  []InterviewReviewer `json:"reviewers"`
	Notes      []InterviewNote     `json:"notes"`
}

// OwnedIDs lists the ids of the user's interviews, oldest first.
func (r *Interviews) OwnedIDs(ctx context.Context, userID string) ([]string, error) {
	rows, err := r.q.Query(ctx, `SELECT id::text FROM interviews WHERE user_id = $1 ORDER BY created_at, id`, userID)
	if err != nil {
		return nil, fmt.Errorf("list interview ids: %w", err)
	}
	return collect(rows, pgx.RowTo[string], "interview ids")
}

func (r *Interviews) wrap(op, id string) func(Interview, error) (Interview, error) {
	return func(iv Interview, err error) (Interview, error) {
		if err != nil && !errors.Is(err, ErrNotFound) {
			return Interview{}, fmt.Errorf("%s %s: %w", op, id, err)
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

// InterviewCV is the CV an interview is started with: the stored file (when
// there is one) and its text when it was already extracted (the extraction
// stored with the file at upload, else an analysis'). Text is nil for a
// file never read: the caller extracts it once.
type InterviewCV struct {
	FileID   *string `db:"file_id"`
	Filename *string `db:"filename"`
	Text     *string `db:"text"`
}

// CVByFilename returns the user's newest CV file with that name and its
// stored text (the file's extraction, else its newest analysis').
func (r *Interviews) CVByFilename(ctx context.Context, userID, filename string) (InterviewCV, error) {
	rows, err := r.q.Query(ctx, `SELECT f.id::text AS file_id, f.filename,
			COALESCE(f.extracted->>'Text', (SELECT a.extracted_text FROM cv_analyses a
				WHERE a.cv_file_id = f.id AND a.extracted_text IS NOT NULL ORDER BY a.created_at DESC LIMIT 1)) AS text
		FROM cv_files f WHERE f.user_id = $1 AND f.filename = $2 ORDER BY f.created_at DESC LIMIT 1`, userID, filename)
	return oneCV(rows, err)
}

// CVByAnalysis returns the CV of one of the user's analyses: its file (if
// it had one) and the text stored with the file, extracted by the analysis
// or given to it.
func (r *Interviews) CVByAnalysis(ctx context.Context, userID, analysisID string) (InterviewCV, error) {
	rows, err := r.q.Query(ctx, `SELECT a.cv_file_id::text AS file_id, f.filename,
			COALESCE(f.extracted->>'Text', a.extracted_text, a.input_text) AS text
		FROM cv_analyses a LEFT JOIN cv_files f ON f.id = a.cv_file_id
		WHERE a.user_id = $1 AND a.id = $2`, userID, analysisID)
	return oneCV(rows, err)
}

func oneCV(rows pgx.Rows, err error) (InterviewCV, error) {
	if err != nil {
		return InterviewCV{}, fmt.Errorf("load cv for interview: %w", err)
	}
	cv, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[InterviewCV])
	if errors.Is(err, pgx.ErrNoRows) || badInput(err) {
		return InterviewCV{}, ErrNotFound
	}
	if err != nil {
		return InterviewCV{}, fmt.Errorf("load cv for interview: %w", err)
	}
	return cv, nil
}

// Contact is a user's name and e-mail address.
type Contact struct {
	Name  string `db:"name"`
	Email string `db:"email"`
}

// ContactOf returns the name and address of an account.
func (r *Interviews) ContactOf(ctx context.Context, userID string) (Contact, error) {
	rows, err := r.q.Query(ctx, `SELECT name, email::text AS email FROM users WHERE id = $1`, userID)
	if err != nil {
		return Contact{}, fmt.Errorf("load contact: %w", err)
	}
	c, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[Contact])
	if errors.Is(err, pgx.ErrNoRows) || badInput(err) {
		return Contact{}, ErrNotFound
	}
	if err != nil {
		return Contact{}, fmt.Errorf("load contact: %w", err)
	}
	return c, nil
}
