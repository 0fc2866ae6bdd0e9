package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/cvjob"
	"github.com/utopiahire/utopiahire/internal/extract"
	"github.com/utopiahire/utopiahire/internal/latex"
	"github.com/utopiahire/utopiahire/internal/ratelimit"
	"github.com/utopiahire/utopiahire/internal/store"
)

// MaxUploadBytes is the largest CV file accepted.
const MaxUploadBytes = 10 << 20

// analyzeTimeout bounds how long /api/analyze-structured waits for its job;
// the job goes on, and its progress stays readable, after a timeout.
const analyzeTimeout = 60 * time.Second

// docSlotWait bounds how long an upload waits for a document slot before
// it is refused as busy (the client retries; nothing was stored).
const docSlotWait = 30 * time.Second

// CVDeps is what the CV routes need.
type CVDeps struct {
	Jobs      *cvjob.Service
	Store     *store.CVs
	Extractor interface {
		Text(ctx context.Context, data []byte) (extract.Document, error)
	}
	LaTeX *latex.Compiler
}

func (s *Server) cvRoutes(d CVDeps) {
	upload := ratelimit.PerMinute(10)
	// Reading a 10 MB upload holds ~50 MB while it is parsed, checked and
	// stored (multipart buffer, our copy, pgx's bind encoding); one slot per
	// core keeps 20 concurrent uploads under the 500 MB budget
	// (docs/benchmarks.md, "CV pipeline through the API") at no cost in
	// throughput, as extraction is CPU-bound.
	h := &cvHandlers{d: d, docSlots: make(slots, max(2, runtime.GOMAXPROCS(0)))}
	s.handle(fiber.MethodPost, "/api/upload-cv", Op{Summary: "Upload a CV (pdf, docx, doc, odt, rtf, txt; ≤ 10 MB), recognised by content.", Tag: "cv", Auth: "bearer", Multipart: []string{"cv"}, Response: uploadResponse{}, Limit: &upload, Errors: []int{401, 413, 415, 422, 503}}, s.requireUser, h.upload)
	s.handle(fiber.MethodPost, "/api/analyze-structured", Op{Summary: "Structure and analyze a CV (multipart cv_file or cv_text, job_description, use_gemini); progress streams on hub channel cv:<analysis_id>.", Tag: "cv", Auth: "bearer", Multipart: []string{"cv_file", "cv_text", "job_description", "use_gemini"}, Response: cvjob.Result{}, Limit: &upload, Errors: []int{401, 413, 415, 422, 503, 504}}, s.requireUser, h.analyzeStructured)
	s.handle(fiber.MethodGet, "/api/analyses", Op{Summary: "The user's analyses, newest first.", Tag: "cv", Auth: "bearer", Response: analysesResponse{}, Errors: []int{401}}, s.requireUser, h.listAnalyses)
	s.handle(fiber.MethodGet, "/api/analyses/:id", Op{Summary: "One analysis: status, stage, percent, error, result.", Tag: "cv", Auth: "bearer", Response: cvjob.Status{}, Errors: []int{401, 404}}, s.requireUser, h.getAnalysis)
	s.handle(fiber.MethodGet, "/api/latest-structured-cv", Op{Summary: "The user's current structured CV.", Tag: "cv", Auth: "bearer", Response: versionResponse{}, Errors: []int{401, 404}}, s.requireUser, h.latest)
	s.handle(fiber.MethodPost, "/api/apply-suggestion", Op{Summary: "Apply a field suggestion; 409 when the field changed since.", Tag: "cv", Auth: "bearer", Request: applyRequest{}, Response: applyResponse{}, Errors: []int{400, 401, 409, 415, 422}}, s.requireUser, h.applySuggestion)
	s.handle(fiber.MethodGet, "/api/cv/versions", Op{Summary: "Previous versions of the user's structured CV.", Tag: "cv", Auth: "bearer", Response: versionsResponse{}, Errors: []int{401}}, s.requireUser, h.versions)
	s.handle(fiber.MethodGet, "/api/cv/versions/:version", Op{Summary: "One version of the user's structured CV.", Tag: "cv", Auth: "bearer", Response: versionResponse{}, Errors: []int{401, 404}}, s.requireUser, h.version)
	s.handle(fiber.MethodPost, "/api/cv/versions/:version/restore", Op{Summary: "Make an earlier version current again (as a new version).", Tag: "cv", Auth: "bearer", Response: versionResponse{}, Errors: []int{401, 404}}, s.requireUser, h.restore)
	s.handle(fiber.MethodPost, "/api/get-latex-code", Op{Summary: "LaTeX source of the CV (every user string escaped).", Tag: "cv", Auth: "bearer", Request: cvRequest{}, Response: latexResponse{}, Errors: []int{400, 401, 415, 422}}, s.requireUser, h.latexCode)
	s.handle(fiber.MethodPost, "/api/generate-latex", Op{Summary: "Alias of /api/get-latex-code.", Tag: "cv", Auth: "bearer", Request: cvRequest{}, Response: latexResponse{}, Errors: []int{400, 401, 415, 422}}, s.requireUser, h.latexCode)
	s.handle(fiber.MethodPost, "/api/export-latex-pdf", Op{Summary: "The CV as PDF, compiled with xelatex (no shell escape, bounded).", Tag: "cv", Auth: "bearer", Request: cvRequest{}, Produces: "application/pdf", Errors: []int{400, 401, 415, 422, 503}}, s.requireUser, h.latexPDF)
	s.handle(fiber.MethodPost, "/api/export-json-resume", Op{Summary: "The CV in the JSON Resume schema.", Tag: "cv", Auth: "bearer", Request: cvRequest{}, Response: cv.JSONResume{}, Errors: []int{400, 401, 415}}, s.requireUser, h.jsonResume)
}

type cvHandlers struct {
	d CVDeps
	// docSlots bounds the uploads being parsed, extracted and stored at once.
	docSlots slots
}

// acquireDoc takes a document slot, waiting up to docSlotWait; the caller
// must call the returned release once the upload's bytes are stored.
func (h *cvHandlers) acquireDoc(c *fiber.Ctx) (release func(), err error) {
	release, ok := h.docSlots.take(c.UserContext(), docSlotWait)
	if !ok {
		return nil, apperr.New(apperr.Unavailable, "uploads_busy", "Too many CVs are being processed right now; try again in a minute.")
	}
	return release, nil
}

type uploadResponse struct {
	Success  bool   `json:"success"`
	Message  string `json:"message"`
	Filename string `json:"filename"`
	Path     string `json:"path"`
	FileID   string `json:"file_id"`
	Type     string `json:"type"`
	Size     int    `json:"size"`
}

// upload stores a CV after checking it can be read, so a hostile or broken
// file is refused now rather than failing an analysis later.
func (h *cvHandlers) upload(c *fiber.Ctx) error {
	if err := requireMediaType(c, fiber.MIMEMultipartForm); err != nil {
		return err
	}
	release, err := h.acquireDoc(c)
	if err != nil {
		return err
	}
	defer release()
	name, data, err := formFile(c, "cv", true)
	if err != nil {
		return err
	}
	if _, err := h.d.Extractor.Text(c.UserContext(), data); err != nil {
		return documentError(err)
	}
	uid := userID(c)
	kind, _ := extract.Detect(data)
	id, err := h.d.Jobs.StoreFile(c.UserContext(), uid, name, data)
	if err != nil {
		return documentError(err)
	}
	return c.Status(fiber.StatusCreated).JSON(uploadResponse{Success: true, Message: "CV uploaded.",
		Filename: name, Path: "cv_files/" + id, FileID: id, Type: string(kind), Size: len(data)})
}

func (h *cvHandlers) analyzeStructured(c *fiber.Ctx) error {
	if err := requireMediaType(c, fiber.MIMEMultipartForm); err != nil {
		return err
	}
	// The slot is taken before the first form read, which parses the
	// whole multipart body, and given back once the upload is stored.
	release, err := h.acquireDoc(c)
	if err != nil {
		return err
	}
	defer release()
	in := cvjob.Input{UserID: userID(c), JobDescription: strings.TrimSpace(c.FormValue("job_description"))}
	in.UseGemini, _ = strconv.ParseBool(c.FormValue("use_gemini"))
	if len(in.JobDescription) > 64<<10 {
		return apperr.New(apperr.Validation, "job_description_too_long", "job_description is longer than 64 KB.")
	}
	name, data, err := formFile(c, "cv_file", false)
	if err != nil {
		return err
	}
	switch {
	case data != nil:
		in.Filename, in.File = name, data
	case strings.TrimSpace(c.FormValue("cv_text")) != "":
		in.Text = string([]byte(c.FormValue("cv_text")))
		if len(in.Text) > 200<<10 {
			return apperr.New(apperr.Validation, "cv_text_too_long", "cv_text is longer than 200 KB.")
		}
	default:
		return apperr.New(apperr.Validation, "cv_missing", "Send the CV as a file (cv_file) or as text (cv_text).").
			With("fields", map[string]string{"cv_file": "required without cv_text"})
	}
	in.JobDescription = string([]byte(in.JobDescription))
	id, err := h.d.Jobs.Submit(c.UserContext(), in)
	if err != nil {
		return documentError(err)
	}
	// Stored: drop the parsed form and our copy before waiting on the job.
	in.File = nil
	c.Request().RemoveMultipartFormFiles()
	release()
	ctx, cancel := context.WithTimeout(c.UserContext(), analyzeTimeout)
	defer cancel()
	a, err := h.d.Jobs.Wait(ctx, in.UserID, id)
	if errors.Is(err, context.DeadlineExceeded) {
		return apperr.New(apperr.Unavailable, "analysis_pending", "The analysis is taking longer than usual; follow it at /api/analyses/"+id+".").With("analysis_id", id)
	}
	if err != nil {
		return err
	}
	if a.Status == "failed" {
		return analysisFailure(a)
	}
	return c.JSON(cvjob.BuildResult(a))
}

// formFile reads one uploaded file, within the upload limit; required says
// whether its absence is an error (else nil data is returned).
func formFile(c *fiber.Ctx, field string, required bool) (string, []byte, error) {
	if err := requireMediaType(c, fiber.MIMEMultipartForm); err != nil {
		return "", nil, err
	}
	fh, err := c.FormFile(field)
	if err != nil {
		missing := errors.Is(err, fasthttp.ErrMissingFile)
		if missing && !required {
			return "", nil, nil
		}
		if missing {
			return "", nil, apperr.New(apperr.Validation, "file_missing", fmt.Sprintf("Attach the CV as multipart field %q.", field)).
				With("fields", map[string]string{field: "required"})
		}
		return "", nil, apperr.Wrap(err, apperr.Invalid, "malformed_multipart", "The multipart body could not be read.")
	}
	if fh.Size > MaxUploadBytes {
		return "", nil, apperr.New(apperr.TooLarge, "file_too_large", "The CV is larger than 10 MB.")
	}
	f, err := fh.Open()
	if err != nil {
		return "", nil, apperr.Wrap(err, apperr.Invalid, "malformed_multipart", "The uploaded file could not be read.")
	}
	defer f.Close()
	// One allocation of the part's known size (at most MaxUploadBytes, checked
	// above): io.ReadAll's doubling would churn ~2x that per upload.
	data := make([]byte, fh.Size)
	if _, err := io.ReadFull(f, data); err != nil {
		return "", nil, apperr.Wrap(err, apperr.Invalid, "malformed_multipart", "The uploaded file could not be read.")
	}
	return displayName(fh.Filename), data, nil
}

// displayName keeps a client file name as display text only: the base name,
// printable, at most 120 runes. It never becomes a path.
func displayName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	var b strings.Builder
	n := 0
	for _, r := range name {
		if n == 120 {
			break
		}
		if unicode.IsPrint(r) && r != '/' {
			b.WriteRune(r)
			n++
		}
	}
	if s := strings.TrimSpace(b.String()); s != "" && s != "." && s != ".." {
		return s
	}
	return "cv"
}

// documentError maps the extractor's refusals to statuses.
func documentError(err error) error {
	var xe *extract.Error
	if !errors.As(err, &xe) {
		return err
	}
	kind := apperr.Validation
	switch xe.Code {
	case extract.CodeTooLarge:
		kind = apperr.TooLarge
	case extract.CodeUnsupportedType, extract.CodeExecutable:
		kind = apperr.UnsupportedMedia
	}
	return apperr.Wrap(err, kind, string(xe.Code), xe.Message)
}

func analysisFailure(a store.CVAnalysis) error {
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

type analysesResponse struct {
	Analyses []cvjob.Status `json:"analyses"`
}

func (h *cvHandlers) listAnalyses(c *fiber.Ctx) error {
	list, err := h.d.Store.Analyses(c.UserContext(), userID(c), 100)
	if err != nil {
		return err
	}
	out := analysesResponse{Analyses: make([]cvjob.Status, 0, len(list))}
	for _, a := range list {
		out.Analyses = append(out.Analyses, cvjob.StatusOf(a, false))
	}
	return c.JSON(out)
}

func (h *cvHandlers) getAnalysis(c *fiber.Ctx) error {
	a, err := h.d.Jobs.Analysis(c.UserContext(), userID(c), c.Params("id"))
	if errors.Is(err, store.ErrNotFound) {
		return apperr.New(apperr.NotFound, "analysis_not_found", "No such analysis.")
	}
	if err != nil {
		return err
	}
	return c.JSON(cvjob.StatusOf(a, true))
}

type versionResponse struct {
	StructuredCV json.RawMessage `json:"structured_cv"`
	Version      int             `json:"version"`
	Source       string          `json:"source"`
	AnalysisID   *string         `json:"analysis_id,omitempty"`
	CreatedAt    time.Time       `json:"created_at"`
}

func toVersionResponse(v store.CVVersion) versionResponse {
	return versionResponse{StructuredCV: v.StructuredCV, Version: v.Version, Source: v.Source, AnalysisID: v.AnalysisID, CreatedAt: v.CreatedAt}
}

var errNoCV = apperr.New(apperr.NotFound, "cv_not_found", "You have no structured CV yet; analyze one first.")

func (h *cvHandlers) latest(c *fiber.Ctx) error {
	v, err := h.d.Store.LatestVersion(c.UserContext(), userID(c))
	if errors.Is(err, store.ErrNotFound) {
		return errNoCV
	}
	if err != nil {
		return err
	}
	return c.JSON(toVersionResponse(v))
}

type versionsResponse struct {
	Versions []versionResponse `json:"versions"`
}

func (h *cvHandlers) versions(c *fiber.Ctx) error {
	list, err := h.d.Store.Versions(c.UserContext(), userID(c), 200)
	if err != nil {
		return err
	}
	out := versionsResponse{Versions: make([]versionResponse, 0, len(list))}
	for _, v := range list {
		out.Versions = append(out.Versions, toVersionResponse(v))
	}
	return c.JSON(out)
}

func (h *cvHandlers) versionParam(c *fiber.Ctx) (store.CVVersion, error) {
	n, err := strconv.Atoi(c.Params("version"))
	if err != nil || n < 1 {
		return store.CVVersion{}, apperr.New(apperr.NotFound, "version_not_found", "No such version.")
	}
	v, err := h.d.Store.Version(c.UserContext(), userID(c), n)
	if errors.Is(err, store.ErrNotFound) {
		return store.CVVersion{}, apperr.New(apperr.NotFound, "version_not_found", "No such version.")
	}
	return v, err
}

func (h *cvHandlers) version(c *fiber.Ctx) error {
	v, err := h.versionParam(c)
	if err != nil {
		return err
	}
	return c.JSON(toVersionResponse(v))
}

func (h *cvHandlers) restore(c *fiber.Ctx) error {
	v, err := h.versionParam(c)
	if err != nil {
		return err
	}
	from, _ := json.Marshal(map[string]int{"restored_from": v.Version})
	n, err := h.d.Store.AddVersion(c.UserContext(), userID(c), "restore", v.StructuredCV, from)
	if err != nil {
		return err
	}
	latest, err := h.d.Store.Version(c.UserContext(), userID(c), n)
	if err != nil {
		return err
	}
	return c.JSON(toVersionResponse(latest))
}

type suggestion struct {
	SuggestionID  string  `json:"suggestionId"`
	TargetField   string  `json:"targetField"`
	FieldPath     string  `json:"fieldPath"`
	ImprovedValue string  `json:"improvedValue"`
	OriginalValue *string `json:"originalValue,omitempty"`
}

type applyRequest struct {
	StructuredCV *cv.StructuredCV `json:"structured_cv"`
	Suggestion   *suggestion      `json:"suggestion"`
}

type applyResponse struct {
	Status            string          `json:"status"`
	UpdatedCV         cv.StructuredCV `json:"updated_cv"`
	AppliedSuggestion suggestion      `json:"applied_suggestion"`
	Version           int             `json:"version"`
}

// applySuggestion applies one field suggestion to the CV the client holds
// and keeps the result as the user's newest version.
func (h *cvHandlers) applySuggestion(c *fiber.Ctx) error {
	var req applyRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	fe := fieldErrors{}
	if req.StructuredCV == nil {
		fe.add("structured_cv", "is required")
	}
	if req.Suggestion == nil {
		fe.add("suggestion", "is required")
	} else if req.Suggestion.FieldPath == "" {
		fe.add("suggestion.fieldPath", "is required")
	}
	if err := fe.err(); err != nil {
		return err
	}
	sg := *req.Suggestion
	original, err := cv.Resolve(req.StructuredCV, sg.FieldPath)
	if err != nil {
		return cvFieldError(err)
	}
	if sg.OriginalValue != nil {
		original = *sg.OriginalValue
	}
	updated, err := cv.Apply(req.StructuredCV, sg.FieldPath, original, sg.ImprovedValue)
	if err != nil {
		return cvFieldError(err)
	}
	body, err := json.Marshal(updated)
	if err != nil {
		return err
	}
	meta, _ := json.Marshal(sg)
	v, err := h.d.Store.AddVersion(c.UserContext(), userID(c), "suggestion", body, meta)
	if err != nil {
		return err
	}
	return c.JSON(applyResponse{Status: "success", UpdatedCV: updated, AppliedSuggestion: sg, Version: v})
}

func cvFieldError(err error) error {
	var ce *cv.Error
	if !errors.As(err, &ce) {
		return err
	}
	kind := apperr.Validation
	switch ce.Code {
	case cv.CodeStaleValue:
		kind = apperr.Conflict
	case cv.CodeFieldNotFound:
		kind = apperr.NotFound
	}
	return apperr.Wrap(err, kind, string(ce.Code), ce.Message)
}

type cvRequest struct {
	StructuredCV *cv.StructuredCV `json:"structured_cv"`
	Lang         string           `json:"lang,omitempty"`
	Paper        string           `json:"paper,omitempty"`
}

func decodeCV(c *fiber.Ctx) (cvRequest, error) {
	var req cvRequest
	if err := decodeJSON(c, &req); err != nil {
		return req, err
	}
	fe := fieldErrors{}
	if req.StructuredCV == nil {
		fe.add("structured_cv", "is required")
	}
	if req.Lang != "" && req.Lang != "en" && req.Lang != "fr" {
		fe.add("lang", "must be en or fr")
	}
	if req.Paper != "" && req.Paper != "a4" && req.Paper != "letter" {
		fe.add("paper", "must be a4 or letter")
	}
	return req, fe.err()
}

type latexResponse struct {
	Status    string `json:"status"`
	LatexCode string `json:"latex_code"`
}

func (h *cvHandlers) render(c *fiber.Ctx) (string, error) {
	req, err := decodeCV(c)
	if err != nil {
		return "", err
	}
	tex, err := latex.Render(*req.StructuredCV, latex.Options{Lang: req.Lang, Paper: req.Paper})
	if err != nil {
		return "", apperr.Wrap(err, apperr.Validation, "latex_render_failed", "The CV could not be turned into LaTeX.")
	}
	return tex, nil
}

func (h *cvHandlers) latexCode(c *fiber.Ctx) error {
	tex, err := h.render(c)
	if err != nil {
		return err
	}
	return c.JSON(latexResponse{Status: "success", LatexCode: tex})
}

func (h *cvHandlers) latexPDF(c *fiber.Ctx) error {
	tex, err := h.render(c)
	if err != nil {
		return err
	}
	pdf, err := h.d.LaTeX.PDF(c.UserContext(), tex)
	if err != nil {
		return latexError(err)
	}
	c.Set(fiber.HeaderContentType, "application/pdf")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="cv.pdf"`)
	return c.Send(pdf)
}

func latexError(err error) error {
	var le *latex.Error
	if !errors.As(err, &le) {
		return err
	}
	kind := apperr.Validation
	switch le.Code {
	case latex.CodeBusy, latex.CodeUnavailable, latex.CodeTimeout:
		kind = apperr.Unavailable
	}
	e := apperr.Wrap(err, kind, string(le.Code), le.Message)
	if le.Log != "" {
		e = e.With("log", le.Log)
	}
	if le.Code == latex.CodeBusy {
		e.RetryAfter = 5 * time.Second
	}
	return e
}

func (h *cvHandlers) jsonResume(c *fiber.Ctx) error {
	req, err := decodeCV(c)
	if err != nil {
		return err
	}
	return c.JSON(cv.ToJSONResume(*req.StructuredCV))
}
