// Package cvjob runs the CV pipeline (extract → structure → analyze) as a
// durable River job. Each stage is recorded in Postgres and published on hub
// channel cv:<analysis-id>, so a browser watches it live and a poller reads
// the same progress; a server killed mid-analysis finishes it after restart.
package cvjob

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/extract"
)

// Stages of an analysis with the percent reached when each one is done.
const (
	StageReceived = "received"
	// StageOCR is published when the document has no text layer and is
	// read by OCR (a scan, a photo): extraction then takes seconds.
	StageOCR        = "ocr"
	StageExtracted  = "extracted"
	StageStructured = "structured"
	StageAnalyzed   = "analyzed"
	StageDone       = "done"
	StageFailed     = "failed"
)

var stagePercent = map[string]int{
	StageReceived: 5, StageOCR: 10, StageExtracted: 35, StageStructured: 55, StageAnalyzed: 90, StageDone: 100,
}

// Analyzer scores a structured CV; internal/cvanalysis implements it.
type Analyzer interface {
	Analyze(ctx context.Context, c cv.StructuredCV, text, jobDescription string, unread ...cv.UnreadPart) (cv.Analysis, error)
}

// Publisher sends a message on a hub channel; *hub.Hub implements it.
type Publisher interface {
	Publish(ctx context.Context, channel string, data []byte) (hub.StreamPosition, error)
}

// Extractor turns document bytes into text, telling progress which slow
// stage it enters; internal/extract implements it.
type Extractor interface {
	TextProgress(ctx context.Context, data []byte, progress extract.Progress) (extract.Document, error)
}

// Args is the River job: which analysis to run.
type Args struct {
	AnalysisID string `json:"analysis_id"`
}

// Kind names the job in River, "<area>.<job>" like every job kind.
func (Args) Kind() string { return "cv.analysis" }

// KindAliases keeps analyses queued before the rename to cv.analysis
// (kind cv_analysis) running. It can go one release later: a job lives at
// most three attempts, minutes apart.
func (Args) KindAliases() []string { return []string{"cv_analysis"} }

// InsertOpts retries a failed pipeline a few times; most failures are the
// document's and final, and the worker records them without retrying.
func (Args) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 3, Queue: river.QueueDefault}
}

// Input is what a user submits.
type Input struct {
	UserID         string
	Filename       string // display name of an uploaded file
	File           []byte // document bytes, or nil with Text
	FileID         string // an already stored file, instead of File
	Text           string
	JobDescription string
	UseGemini      bool
	doc            *extract.Document // the file's extraction, when already done
}

// Service submits analyses and reads them back.
type Service struct {
	cvs       Store
	extractor Extractor
	offline   Analyzer
	gemini    Analyzer // nil without a key
	pub       Publisher
	logger    *slog.Logger
	river     *river.Client[pgx.Tx]
	waiters   waiters
}

// Config wires a Service.
type Config struct {
	CVs       Store
	Extractor Extractor
	Offline   Analyzer
	Gemini    Analyzer
	Publisher Publisher
	Logger    *slog.Logger
}

// New returns a Service; SetRiver must be called before Submit.
func New(c Config) *Service {
	return &Service{cvs: c.CVs, extractor: c.Extractor, offline: c.Offline, gemini: c.Gemini,
		pub: c.Publisher, logger: c.Logger, waiters: waiters{m: map[string][]chan struct{}{}}}
}

// SetRiver gives the service the client it enqueues with. The client needs
// the worker, and the worker the service, so the two are joined after both exist.
func (s *Service) SetRiver(c *river.Client[pgx.Tx]) { s.river = c }

// Worker is the River worker of Args.
func (s *Service) Worker() river.Worker[Args] { return &worker{svc: s} }

// Submit stores the upload and the queued analysis and enqueues the job, all
// in one transaction, and returns the analysis id.
func (s *Service) Submit(ctx context.Context, in Input) (string, error) {
	a := Analysis{UserID: in.UserID, JobDescription: in.JobDescription, UseGemini: in.UseGemini}
	var file *cv.File
	switch {
	case in.File != nil:
		f, info, err := newFile(in)
		if err != nil {
			return "", fmt.Errorf("submit analysis: %w", err)
		}
		file, a.FileInfo = &f, info
	case in.FileID != "":
		a.CVFileID = &in.FileID
	default:
		a.InputText = &in.Text
	}
	id, err := s.cvs.SubmitAnalysis(ctx, file, a, func(ctx context.Context, tx pgx.Tx, id string) error {
		if _, err := s.river.InsertTx(ctx, tx, Args{AnalysisID: id}, nil); err != nil {
			return err
		}
		// Published before the commit: no worker can see the job (and publish
		// a later stage) until then, so "received" always comes first on
		// the channel. Should the commit fail, the event names an analysis
		// that does not exist and that nobody is allowed to subscribe to.
		s.publish(ctx, id, progressEvent(id, StageReceived, 0))
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("submit analysis: %w", err)
	}
	return id, nil
}

// StoreFile keeps an uploaded CV for later use (analyses, interviews) and
// returns its id; the bytes are checked by content first. doc, when not
// nil, is the file's extraction, stored with it so that analyses of the
// file use it instead of extracting again.
func (s *Service) StoreFile(ctx context.Context, userID, filename string, data []byte, doc *extract.Document) (string, error) {
	f, _, err := newFile(Input{UserID: userID, Filename: filename, File: data, doc: doc})
	if err != nil {
		return "", err
	}
	return s.cvs.InsertFile(ctx, f)
}

// FileInfo describes an uploaded file in responses.
type FileInfo struct {
	Filename  string `json:"filename"`
	Size      int    `json:"size"`
	Type      string `json:"type"`
	MediaType string `json:"media_type"`
	SHA256    string `json:"sha256"`
}

// newFile checks an upload by content and returns the file to store and
// its description for responses.
func newFile(in Input) (cv.File, json.RawMessage, error) {
	kind, err := extract.Detect(in.File)
	if err != nil {
		return cv.File{}, nil, err
	}
	sum := sha256.Sum256(in.File)
	var extracted []byte
	if in.doc != nil {
		if extracted, err = json.Marshal(in.doc); err != nil {
			return cv.File{}, nil, err
		}
	}
	f := cv.File{UserID: in.UserID, Filename: in.Filename,
		Kind: string(kind), Size: len(in.File), SHA256: sum[:], Content: in.File, Extracted: extracted}
	info, _ := json.Marshal(FileInfo{Filename: in.Filename, Size: len(in.File), Type: string(kind),
		MediaType: kind.MediaType(), SHA256: fmt.Sprintf("%x", sum)})
	return f, info, nil
}

// Wait blocks until the analysis is done or failed, or ctx ends. It wakes
// at once when this node runs the job and polls for jobs run elsewhere.
func (s *Service) Wait(ctx context.Context, userID, id string) (Analysis, error) {
	ch := s.waiters.add(id)
	defer s.waiters.remove(id, ch)
	poll := time.NewTicker(250 * time.Millisecond)
	defer poll.Stop()
	for {
		a, err := s.cvs.Analysis(ctx, userID, id)
		if err != nil {
			return Analysis{}, err
		}
		if a.Status == "done" || a.Status == "failed" {
			return a, nil
		}
		select {
		case <-ctx.Done():
			return a, ctx.Err()
		case <-ch:
		case <-poll.C:
		}
	}
}

// Analysis returns one of the user's analyses.
func (s *Service) Analysis(ctx context.Context, userID, id string) (Analysis, error) {
	return s.cvs.Analysis(ctx, userID, id)
}

// waiters wakes the requests waiting on an analysis when this node finishes it.
type waiters struct {
	mu sync.Mutex
	m  map[string][]chan struct{}
}

func (w *waiters) add(id string) chan struct{} {
	ch := make(chan struct{}, 1)
	w.mu.Lock()
	w.m[id] = append(w.m[id], ch)
	w.mu.Unlock()
	return ch
}

func (w *waiters) remove(id string, ch chan struct{}) {
	w.mu.Lock()
	defer w.mu.Unlock()
	list := w.m[id]
	for i, c := range list {
		if c == ch {
			list = append(list[:i], list[i+1:]...)
			break
		}
	}
	if len(list) == 0 {
		delete(w.m, id)
	} else {
		w.m[id] = list
	}
}

func (w *waiters) wake(id string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, ch := range w.m[id] {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

// Event is a message on cv:<analysis-id>.
type Event struct {
	Type       string          `json:"type"` // progress, done, failed
	AnalysisID string          `json:"analysis_id"`
	Stage      string          `json:"stage"`
	Percent    int             `json:"percent"`
	ElapsedMS  int64           `json:"elapsed_ms"`
	Error      *EventError     `json:"error,omitempty"`
	Result     json.RawMessage `json:"result,omitempty"`
}

// EventError is the failure of an analysis, safe to show.
type EventError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func progressEvent(id, stage string, elapsed time.Duration) Event {
	return Event{Type: "progress", AnalysisID: id, Stage: stage, Percent: stagePercent[stage], ElapsedMS: elapsed.Milliseconds()}
}

// Channel is the hub channel of an analysis.
func Channel(id string) string { return "cv:" + id }

// progressPublishTimeout bounds one progress publish. Progress is stored in
// PostgreSQL as well; a stalled Redis must not hold an analysis (or the
// submitting transaction) for the hub's broker timeout at every stage.
const progressPublishTimeout = time.Second

func (s *Service) publish(ctx context.Context, id string, e Event) {
	if s.pub == nil {
		return
	}
	b, err := json.Marshal(e)
	if err != nil {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, progressPublishTimeout)
	defer cancel()
	// Progress is also in Postgres; a hub hiccup must not fail the analysis.
	if _, err := s.pub.Publish(ctx, Channel(id), b); err != nil {
		s.logger.Warn("publish analysis progress", "analysis_id", id, "stage", e.Stage, "err", err)
	}
}

// errorCode is the stable code and safe message of a pipeline failure.
func errorCode(err error) (string, string) {
	var xe *extract.Error
	if errors.As(err, &xe) {
		return string(xe.Code), xe.Message
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "analysis_timeout", "The analysis took too long and was stopped."
	}
	return "analysis_failed", "The analysis failed on our side; try again."
}
