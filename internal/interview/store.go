package interview

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
)

// Store is the persistence of interviews; internal/store implements it on
// PostgreSQL. Lookups return apperr.ErrNotFound for a row that does not
// exist or is not the caller's. Queries outside InTx run on their own.
type Store interface {
	Queries
	// InTx runs fn in one transaction, committed when fn returns nil.
	InTx(ctx context.Context, fn func(tx Tx) error) error
}

// Tx is Queries inside a transaction.
type Tx interface {
	Queries
	// Pgx is the transaction itself, for writes of other packages (the mail
	// outbox, River jobs) that must commit or roll back with it.
	Pgx() pgx.Tx
}

// Queries are the operations on interviews, by aggregate.
type Queries interface {
	Lifecycle
	Timeline
	Reports
	Reviewers
	Quotas
}

// Lifecycle reads and moves interviews through their states. Reads a user
// can name take the user's id (ForOwner, Access); the unscoped reads serve
// the server's own work (agents, webhooks, sweeps).
type Lifecycle interface {
	// Create inserts an interview in state created.
	Create(ctx context.Context, n NewInterview) (Interview, error)
	// Get returns an interview by id, whoever owns it.
	Get(ctx context.Context, id string) (Interview, error)
	// ByRoom returns the interview of a LiveKit room.
	ByRoom(ctx context.Context, room string) (Interview, error)
	// ForOwner returns the user's interview by id.
	ForOwner(ctx context.Context, userID, id string) (Interview, error)
	// Access returns the interview when userID owns it ("owner") or holds an
	// unrevoked invitation for their account's e-mail address ("reviewer").
	Access(ctx context.Context, userID, id string) (Interview, string, error)
	// CV returns the interview's copy of the candidate's CV text.
	CV(ctx context.Context, id string) (string, error)
	// CountLive counts the user's interviews that have not ended.
	CountLive(ctx context.Context, userID string) (int, error)
	// Transition moves an interview to state to when it is in one of from,
	// stamping the time the state was entered (and, for ended states, the
	// reason). It returns the updated row and the state it left; ErrStateChanged
	// (with the row as it is) when its state is not in from.
	Transition(ctx context.Context, id string, from []string, to, reasonCode, reasonMessage string) (Interview, string, error)
	// Claim gives an interview that is waiting and unclaimed to an agent, in one
	// conditional update: of agents racing for it exactly one gets the row.
	// ErrStateChanged (with the row) when it is not claimable.
	Claim(ctx context.Context, id, agentID, claimID, identity string) (Interview, error)
	// Release hands a claimed interview that has not started back to the
	// dispatch queue. ErrStateChanged when the claim is no longer held or the
	// interview started.
	Release(ctx context.Context, id, claimID string) (Interview, error)
	// MarkOffered records that the interview was offered to agents now.
	MarkOffered(ctx context.Context, id string) error
	// TakeDueOffers returns the waiting, unclaimed interviews last offered more
	// than every ago (or never), marking them offered now. Servers sweeping at
	// once each get different rows.
	TakeDueOffers(ctx context.Context, every time.Duration, limit int) ([]Interview, error)
	// Joined records that a participant is in the room (clearing its left time).
	Joined(ctx context.Context, id string, who Participant, at time.Time) error
	// Left records that a participant left the room at at.
	Left(ctx context.Context, id string, who Participant, at time.Time) error
	// AgentEnding records that the agent is wrapping up (first time only); it
	// reports whether this call set it.
	AgentEnding(ctx context.Context, id string) (bool, error)
	// SetEndedBy records who ended the interview (candidate, interviewer or
	// server).
	SetEndedBy(ctx context.Context, id, by string) error
	// RequestEnd records the candidate's request to end an interview in
	// progress (the first request counts); it reports whether this call made
	// it. ErrStateChanged when the interview is not in progress.
	RequestEnd(ctx context.Context, id, reason string) (Interview, bool, error)
	// AgentSeen records the agent's heartbeat and returns the interview.
	AgentSeen(ctx context.Context, id string) (Interview, error)
	// Delete removes the user's interview and everything that hangs off it,
	// returning the row as it was.
	Delete(ctx context.Context, userID, id string) (Interview, error)
	// Overdue lists live interviews past one of the limits, with the reason
	// code of the first rule that applies (candidate_left before the others: a
	// candidate who walked out abandoned the interview whatever else happened,
	// unless they had asked to end it).
	Overdue(ctx context.Context, l OverdueLimits, limit int) ([]Overdue, error)
	// CVByFilename returns the user's newest CV file with that name and its
	// stored text (the file's extraction, else its newest analysis').
	CVByFilename(ctx context.Context, userID, filename string) (InterviewCV, error)
	// CVByAnalysis returns the CV of one of the user's analyses: its file (if
	// it had one) and the text stored with the file, extracted by the analysis
	// or given to it.
	CVByAnalysis(ctx context.Context, userID, analysisID string) (InterviewCV, error)
}

// Timeline keeps an interview's events and transcript.
type Timeline interface {
	// AddEvent appends an entry to the interview's timeline; data is JSON.
	AddEvent(ctx context.Context, id, kind string, data []byte) (InterviewEvent, error)
	// AddEventOnce appends an entry to the interview's timeline unless one with
	// the same idempotency key is there already; added says which. An empty key
	// always appends.
	AddEventOnce(ctx context.Context, id, kind, key string, data []byte) (added bool, err error)
	// CountEvents counts the interview's timeline entries.
	CountEvents(ctx context.Context, id string) (int, error)
	// Events returns the interview's timeline in order.
	Events(ctx context.Context, id string) ([]InterviewEvent, error)
	// UpsertSegment stores a transcript segment idempotently: a new seq is
	// inserted, a partial is replaced by a newer partial or its final version,
	// the same final again changes nothing, and a final segment is never
	// replaced.
	UpsertSegment(ctx context.Context, id string, s InterviewSegment) (SegmentOutcome, error)
	// Segments returns the transcript in seq order.
	Segments(ctx context.Context, id string) ([]InterviewSegment, error)
}

// Reports keeps reports and lists interviews with their scores.
type Reports interface {
	// SaveReport stores the report; ErrReportExists when there is one.
	SaveReport(ctx context.Context, rep InterviewReport) error
	// Report returns the interview's report, ErrNotFound when there is none.
	Report(ctx context.Context, id string) (InterviewReport, error)
	// ListForOwner lists the user's interviews, newest first.
	ListForOwner(ctx context.Context, userID string, limit int) ([]InterviewSummary, error)
	// SharedWith lists the interviews shared with the user's (verified)
	// address and not revoked, newest first.
	SharedWith(ctx context.Context, userID string, limit int) ([]InterviewSummary, error)
}

// Reviewers keeps invitations and reviewers' notes.
type Reviewers interface {
	// Invite records (or renews) an invitation. fresh reports that the
	// address was not already an active reviewer; mail that it should be mailed
	// now: a new invitation, or one renewed more than a day after it was last
	// mailed (invite–revoke loops mail a victim at most once a day).
	Invite(ctx context.Context, id, email, invitedBy string) (fresh, mail bool, err error)
	// CountInvitations counts the interview's invitations, revoked ones too,
	// other than to email (renewing that one adds none).
	CountInvitations(ctx context.Context, id, email string) (int, error)
	// Revoke ends an invitation; ErrNotFound when there is no active one.
	Revoke(ctx context.Context, id, email string) error
	// Reviewers lists the interview's invitations, active and revoked.
	Reviewers(ctx context.Context, id string) ([]InterviewReviewer, error)
	// UserIDsByEmail returns the account with that address, if any (at most one).
	UserIDsByEmail(ctx context.Context, email string) ([]string, error)
	// IsReviewer reports whether userID holds an active invitation.
	IsReviewer(ctx context.Context, id, userID string) (bool, error)
	// CountReviewers counts the interview's active invitations.
	CountReviewers(ctx context.Context, id string) (int, error)
	// AddNote stores a note and returns it with its author's name.
	AddNote(ctx context.Context, id, authorID, text string, offsetMS int64) (InterviewNote, error)
	// CountNotes counts the interview's notes.
	CountNotes(ctx context.Context, id string) (int, error)
	// Notes returns the interview's notes in the order written.
	Notes(ctx context.Context, id string) ([]InterviewNote, error)
	// Note returns one note of interview id; apperr.ErrNotFound when there is
	// none (noteID need not be a valid id).
	Note(ctx context.Context, id, noteID string) (InterviewNote, error)
	// NotesByAuthor returns every note the user wrote, on any interview.
	NotesByAuthor(ctx context.Context, userID string) ([]InterviewNote, error)
}

// Quotas count what an account or address did recently, for the daily limits.
type Quotas interface {
	// InvitationMailsSince counts invitation mails sent since by owner and to
	// email, across every interview.
	InvitationMailsSince(ctx context.Context, owner, email string, since time.Time) (byOwner, toEmail int, err error)
	// InterviewsSince counts the interviews created since by owner and for
	// candidate address email (across every account): each one mails a report.
	InterviewsSince(ctx context.Context, owner, email string, since time.Time) (byOwner, toEmail int, err error)
	// ReportsSince counts the reports saved since for interviews whose
	// candidate address is email, across every account.
	ReportsSince(ctx context.Context, email string, since time.Time) (int, error)
}

// Errors of the Store besides apperr.ErrNotFound.
var (
	// ErrStateChanged: the row is not in a state the update accepts.
	ErrStateChanged = errors.New("interview state changed")
	// ErrReportExists: the interview already has a report.
	ErrReportExists = errors.New("interview report exists")
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

// Participant is a side of the room whose presence is tracked.
type Participant string

// Participants.
const (
	PartCandidate Participant = "candidate"
	PartAgent     Participant = "agent"
)

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

// InterviewCV is the CV an interview is started with: the stored file (when
// there is one) and its text when it was already extracted (the extraction
// stored with the file at upload, else an analysis'). Text is nil for a
// file never read: the caller extracts it once.
type InterviewCV struct {
	FileID   *string `db:"file_id"`
	Filename *string `db:"filename"`
	Text     *string `db:"text"`
}
