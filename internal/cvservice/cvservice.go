// Package cvservice is the CV capability behind the API, as one service:
// upload, analyses, versions of the structured CV, applying a suggestion,
// restoring a version, and export (LaTeX, PDF, JSON Resume). It composes the
// packages that each do one part of it: cv (the shapes and field paths),
// cvjob (the durable analysis pipeline), extract (reading documents) and
// latex (rendering and compiling). It is a package of its own, not part of
// cv, because cv is imported by every one of those and so cannot import them.
package cvservice

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/cvjob"
	"github.com/utopiahire/utopiahire/internal/extract"
	"github.com/utopiahire/utopiahire/internal/latex"
)

// How many analyses and versions the lists return.
const (
	maxListedAnalyses = 100
	maxListedVersions = 200
)

// Pipeline stores uploads and runs analyses; *cvjob.Service implements it.
type Pipeline interface {
	StoreFile(ctx context.Context, userID, filename string, data []byte, doc *extract.Document) (string, error)
	Submit(ctx context.Context, in cvjob.Input) (string, error)
	Wait(ctx context.Context, userID, id string) (cvjob.Analysis, error)
	Analysis(ctx context.Context, userID, id string) (cvjob.Analysis, error)
	AnalyzeStateless(ctx context.Context, in cvjob.Input) (cvjob.Result, error)
}

// Store reads analyses and keeps the versions of each user's structured CV;
// internal/store implements it. Lookups return apperr.ErrNotFound.
type Store interface {
	Analyses(ctx context.Context, userID string, limit int) ([]cvjob.Analysis, error)
	LatestVersion(ctx context.Context, userID string) (cv.Version, error)
	Version(ctx context.Context, userID string, version int) (cv.Version, error)
	Versions(ctx context.Context, userID string, limit int) ([]cv.Version, error)
	// AddVersion stores a new version (keeping the newest cv.MaxVersions)
	// and returns its number.
	AddVersion(ctx context.Context, userID, source string, structured, suggestion json.RawMessage) (int, error)
}

// Extractor reads a document's text; *extract.Extractor implements it.
type Extractor interface {
	Text(ctx context.Context, data []byte) (extract.Document, error)
}

// Compiler turns LaTeX into PDF; *latex.Compiler implements it.
type Compiler interface {
	PDF(ctx context.Context, tex string) ([]byte, error)
}

// Config wires a Service.
type Config struct {
	Pipeline  Pipeline
	Store     Store
	Extractor Extractor
	LaTeX     Compiler
}

// Service is the CV capability. Safe for concurrent use.
type Service struct{ c Config }

// New returns the service.
func New(c Config) *Service { return &Service{c: c} }

// Errors a client can act on.
var (
	ErrNoCV             = apperr.New(apperr.NotFound, "cv_not_found", "You have no structured CV yet; analyze one first.")
	ErrVersionNotFound  = apperr.New(apperr.NotFound, "version_not_found", "No such version.")
	ErrAnalysisNotFound = apperr.New(apperr.NotFound, "analysis_not_found", "No such analysis.")
)

// Upload is a stored CV file.
type Upload struct {
	FileID string
	Kind   extract.Kind
	Size   int
}

// Upload stores a CV after checking it can be read, so a hostile or broken
// file is refused now rather than failing an analysis later. The extraction
// is stored with the file: analyses of it never read (or OCR) it again.
func (s *Service) Upload(ctx context.Context, userID, filename string, data []byte) (Upload, error) {
	doc, err := s.c.Extractor.Text(ctx, data)
	if err != nil {
		return Upload{}, err
	}
	kind, _ := extract.Detect(data)
	id, err := s.c.Pipeline.StoreFile(ctx, userID, filename, data, &doc)
	if err != nil {
		return Upload{}, err
	}
	return Upload{FileID: id, Kind: kind, Size: len(data)}, nil
}

// Submit stores a signed-in user's CV and queues its analysis.
func (s *Service) Submit(ctx context.Context, in cvjob.Input) (string, error) {
	return s.c.Pipeline.Submit(ctx, in)
}

// AnalyzeStateless runs the pipeline for an anonymous client without
// storing anything.
func (s *Service) AnalyzeStateless(ctx context.Context, in cvjob.Input) (cvjob.Result, error) {
	return s.c.Pipeline.AnalyzeStateless(ctx, in)
}

// Result waits for a submitted analysis until ctx ends and returns its
// result: analysis_pending (with the id to follow) when ctx's deadline
// passed first, and the analysis's own code when it failed.
func (s *Service) Result(ctx context.Context, userID, id string) (cvjob.Result, error) {
	a, err := s.c.Pipeline.Wait(ctx, userID, id)
	if errors.Is(err, context.DeadlineExceeded) {
		return cvjob.Result{}, apperr.New(apperr.Unavailable, "analysis_pending", "The analysis is taking longer than usual; follow it at /api/analyses/"+id+".").With("analysis_id", id)
	}
	if err != nil {
		return cvjob.Result{}, err
	}
	if a.Status == "failed" {
		return cvjob.Result{}, analysisFailure(a)
	}
	return cvjob.BuildResult(a), nil
}

func analysisFailure(a cvjob.Analysis) error {
	code, msg := "analysis_failed", "The analysis failed."
	if a.ErrorCode != nil {
		code = *a.ErrorCode
	}
	if a.Error != nil {
		msg = *a.Error
	}
	kind := apperr.Validation
	if code == "analysis_failed" || code == "analysis_timeout" {
		kind = apperr.Internal
	}
	return apperr.New(kind, code, msg).With("analysis_id", a.ID)
}

// Analyses lists the user's analyses, newest first, without their results.
func (s *Service) Analyses(ctx context.Context, userID string) ([]cvjob.Status, error) {
	list, err := s.c.Store.Analyses(ctx, userID, maxListedAnalyses)
	if err != nil {
		return nil, err
	}
	out := make([]cvjob.Status, 0, len(list))
	for _, a := range list {
		out = append(out, cvjob.StatusOf(a, false))
	}
	return out, nil
}

// Analysis returns one of the user's analyses with its result when done.
func (s *Service) Analysis(ctx context.Context, userID, id string) (cvjob.Status, error) {
	a, err := s.c.Pipeline.Analysis(ctx, userID, id)
	if errors.Is(err, apperr.ErrNotFound) {
		return cvjob.Status{}, ErrAnalysisNotFound
	}
	if err != nil {
		return cvjob.Status{}, err
	}
	return cvjob.StatusOf(a, true), nil
}

// Latest returns the user's current structured CV.
func (s *Service) Latest(ctx context.Context, userID string) (cv.Version, error) {
	v, err := s.c.Store.LatestVersion(ctx, userID)
	if errors.Is(err, apperr.ErrNotFound) {
		return cv.Version{}, ErrNoCV
	}
	return v, err
}

// Versions lists the user's versions, newest first, without their content.
func (s *Service) Versions(ctx context.Context, userID string) ([]cv.Version, error) {
	return s.c.Store.Versions(ctx, userID, maxListedVersions)
}

// Version returns one version of the user's structured CV.
func (s *Service) Version(ctx context.Context, userID string, n int) (cv.Version, error) {
	if n < 1 {
		return cv.Version{}, ErrVersionNotFound
	}
	v, err := s.c.Store.Version(ctx, userID, n)
	if errors.Is(err, apperr.ErrNotFound) {
		return cv.Version{}, ErrVersionNotFound
	}
	return v, err
}

// Restore makes version n current again, as a new version that records
// which one it restored.
func (s *Service) Restore(ctx context.Context, userID string, n int) (cv.Version, error) {
	v, err := s.Version(ctx, userID, n)
	if err != nil {
		return cv.Version{}, err
	}
	from, _ := json.Marshal(map[string]int{"restored_from": v.Version})
	added, err := s.c.Store.AddVersion(ctx, userID, "restore", v.StructuredCV, from)
	if err != nil {
		return cv.Version{}, err
	}
	return s.c.Store.Version(ctx, userID, added)
}

// Suggestion is a field suggestion to apply: its path in string form
// (cv.ParsePathJSON) and the value to put there.
type Suggestion struct {
	ID            string
	TargetField   string
	Path          string
	ImprovedValue string
}

// AppliedSuggestion is what an applied suggestion did, with its path in
// both forms; it is stored with the version it made.
type AppliedSuggestion struct {
	SuggestionID  string `json:"suggestionId"`
	TargetField   string `json:"targetField"`
	FieldPath     []any  `json:"fieldPath"`
	FieldPathText string `json:"field_path"`
	OriginalValue string `json:"originalValue"`
	ImprovedValue string `json:"improvedValue"`
}

// Applied is the outcome of ApplySuggestion.
type Applied struct {
	CV         cv.StructuredCV
	Suggestion AppliedSuggestion
	// Version is the stored version made; 0 for an anonymous client.
	Version int
}

// ApplySuggestion applies one field suggestion to the CV the client holds.
// The client's copy is the authority on the field's current value, so its
// own undo (improvedValue back to the value before) always applies. For a
// signed-in user (userID not empty) the result becomes the newest version,
// refused as stale only when the stored CV changed at that field since the
// client's copy (another tab or device edited it); baseVersion is the
// stored version the client's copy came from, if it says. Anonymous,
// nothing is stored or checked.
func (s *Service) ApplySuggestion(ctx context.Context, userID string, c *cv.StructuredCV, sg Suggestion, baseVersion *int) (Applied, error) {
	current, err := cv.Resolve(c, sg.Path)
	if err != nil {
		return Applied{}, err
	}
	updated, err := cv.Apply(c, sg.Path, current, sg.ImprovedValue)
	if err != nil {
		return Applied{}, err
	}
	elems, _ := cv.PathElements(sg.Path)
	out := Applied{CV: updated, Suggestion: AppliedSuggestion{
		SuggestionID: sg.ID, TargetField: sg.TargetField, FieldPath: elems, FieldPathText: sg.Path,
		OriginalValue: current, ImprovedValue: sg.ImprovedValue,
	}}
	if userID == "" {
		return out, nil
	}
	if err := s.checkStale(ctx, userID, baseVersion, sg.Path, current); err != nil {
		return Applied{}, err
	}
	body, err := json.Marshal(updated)
	if err != nil {
		return Applied{}, err
	}
	meta, _ := json.Marshal(out.Suggestion)
	if out.Version, err = s.c.Store.AddVersion(ctx, userID, "suggestion", body, meta); err != nil {
		return Applied{}, err
	}
	return out, nil
}

// checkStale refuses an edit when the user's newest stored CV holds, at
// path, something else than the client's copy: the field was changed
// elsewhere since the client read it. A client that names its copy's
// version, still the newest, is never refused.
func (s *Service) checkStale(ctx context.Context, userID string, baseVersion *int, path, clientValue string) error {
	latest, err := s.c.Store.LatestVersion(ctx, userID)
	if errors.Is(err, apperr.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if baseVersion != nil && *baseVersion == latest.Version {
		return nil
	}
	var stored cv.StructuredCV
	if err := json.Unmarshal(latest.StructuredCV, &stored); err != nil {
		return fmt.Errorf("decode cv version %d: %w", latest.Version, err)
	}
	storedValue, err := cv.Resolve(&stored, path)
	if err != nil || sameValue(storedValue, clientValue) {
		// A field the stored CV lacks was added by this client's copy.
		return nil
	}
	return apperr.New(apperr.Conflict, string(cv.CodeStaleValue),
		"This field was changed elsewhere since your copy of the CV was loaded; reload it and try again.").
		With("version", latest.Version)
}

func sameValue(a, b string) bool {
	norm := func(s string) string { return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n")) }
	return norm(a) == norm(b)
}

// LaTeX renders the CV as LaTeX source (every user string escaped).
func (s *Service) LaTeX(c cv.StructuredCV, opts latex.Options) (string, error) {
	tex, err := latex.Render(c, opts)
	if err != nil {
		return "", apperr.Wrap(err, apperr.Validation, "latex_render_failed", "The CV could not be turned into LaTeX.")
	}
	return tex, nil
}

// PDF renders the CV and compiles it with xelatex.
func (s *Service) PDF(ctx context.Context, c cv.StructuredCV, opts latex.Options) ([]byte, error) {
	tex, err := s.LaTeX(c, opts)
	if err != nil {
		return nil, err
	}
	return s.c.LaTeX.PDF(ctx, tex)
}

// JSONResume is the CV in the JSON Resume schema.
func (s *Service) JSONResume(c cv.StructuredCV) cv.JSONResume { return cv.ToJSONResume(c) }
