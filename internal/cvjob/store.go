package cvjob

import (
	"context"
	"encoding/json"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/utopiahire/utopiahire/internal/cv"
)

// Analysis is one run of the CV pipeline, as stored: its input, stage and
// results.
type Analysis struct {
	ID             string
	UserID         string
	CVFileID       *string
	InputText      *string
	JobDescription string
	UseGemini      bool
	Status         string
	Stage          string
	Percent        int
	ErrorCode      *string
	Error          *string
	ExtractedText  *string
	StructuredCV   json.RawMessage
	Analysis       json.RawMessage
	FileInfo       json.RawMessage
	Timings        map[string]int64
	CreatedAt      time.Time
	UpdatedAt      time.Time
	FinishedAt     *time.Time
}

// Store keeps CV files and analyses; internal/store implements it. Reads
// that a user can name take the user's id, so another user's row is
// apperr.ErrNotFound.
type Store interface {
	// SubmitAnalysis stores file (when not nil; its id becomes the
	// analysis's CVFileID) and the queued analysis a, and calls enqueue with
	// the new analysis id, all in one transaction: nothing is kept unless
	// enqueue succeeds. It returns cv.ErrFileQuota, unwrapped, when the
	// user's file quota is full.
	SubmitAnalysis(ctx context.Context, file *cv.File, a Analysis, enqueue func(ctx context.Context, tx pgx.Tx, analysisID string) error) (string, error)
	// InsertFile stores an uploaded file and returns its id, or
	// cv.ErrFileQuota.
	InsertFile(ctx context.Context, f cv.File) (string, error)
	File(ctx context.Context, userID, id string) (cv.File, error)
	// SetExtracted stores the extraction of a file that had none.
	SetExtracted(ctx context.Context, fileID string, extracted []byte) error
	Analysis(ctx context.Context, userID, id string) (Analysis, error)
	// AnalysisForJob reads an analysis by id alone, for the worker that runs it.
	AnalysisForJob(ctx context.Context, id string) (Analysis, error)
	// Progress moves a queued or running analysis to a stage.
	Progress(ctx context.Context, id, stage string, percent int, stageMillis int64) error
	// Complete stores a finished analysis's results and adds its structured
	// CV as the user's newest version, in one transaction; a finished one is
	// left alone.
	Complete(ctx context.Context, a Analysis) error
	// Fail marks a queued or running analysis failed.
	Fail(ctx context.Context, id, code, message string) error
}
