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
	"github.com/utopiahire/utopiahire/internal/cvservice"
	"github.com/utopiahire/utopiahire/internal/latex"
	"github.com/utopiahire/utopiahire/internal/ratelimit"
)

// MaxUploadBytes is the largest CV file accepted.
const MaxUploadBytes = 10 << 20

// analyzeTimeout bounds how long /api/analyze-structured waits for its job;
// the job goes on, and its progress stays readable, after a timeout.
const analyzeTimeout = 60 * time.Second

// docSlotWait bounds how long an upload waits for a document slot before
// it is refused as busy (the client retries; nothing was stored).
const docSlotWait = 30 * time.Second

// CVs is what the CV routes need of internal/cvservice.
type CVs interface {
	Upload(ctx context.Context, userID, filename string, data []byte) (cvservice.Upload, error)
	Submit(ctx context.Context, in cvjob.Input) (string, error)
	AnalyzeStateless(ctx context.Context, in cvjob.Input) (cvjob.Result, error)
	Result(ctx context.Context, userID, id string) (cvjob.Result, error)
	Analyses(ctx context.Context, userID string) ([]cvjob.Status, error)
	Analysis(ctx context.Context, userID, id string) (cvjob.Status, error)
	Latest(ctx context.Context, userID string) (cv.Version, error)
	Versions(ctx context.Context, userID string) ([]cv.Version, error)
	Version(ctx context.Context, userID string, n int) (cv.Version, error)
	Restore(ctx context.Context, userID string, n int) (cv.Version, error)
	ApplySuggestion(ctx context.Context, userID string, c *cv.StructuredCV, sg cvservice.Suggestion, baseVersion *int) (cvservice.Applied, error)
	LaTeX(c cv.StructuredCV, opts latex.Options) (string, error)
	PDF(ctx context.Context, c cv.StructuredCV, opts latex.Options) ([]byte, error)
	JSONResume(c cv.StructuredCV) cv.JSONResume
}

var _ CVs = (*cvservice.Service)(nil)

func (s *Server) cvRoutes(d CVs) {
	upload := ratelimit.PerMinute(10)
	// Reading a 10 MB upload holds ~50 MB while it is parsed, checked and
	// stored (multipart buffer, our copy, pgx's bind encoding); one slot per
	// core keeps 20 concurrent uploads under the 500 MB budget
	// (docs/benchmarks.md, "CV pipeline through the API") at no cost in
	// throughput, as extraction is CPU-bound.
	h := &cvHandlers{cvs: d, docSlots: make(slots, max(2, runtime.GOMAXPROCS(0)))}
	// Without a token (contract, "Anonymous use") the same routes run
	// statelessly under stricter per-IP limits: an anonymous analysis runs
	// in the request, so it is limited harder than a queued one.
	anonAnalyze, anonEdit, anonPDF := ratelimit.PerMinute(4), ratelimit.PerMinute(30), ratelimit.PerMinute(6)
	s.handle(fiber.MethodPost, "/api/upload-cv", Op{Summary: "Upload a CV (pdf, docx, doc, odt, rtf, txt, png, jpeg; ≤ 10 MB), recognised by content; scans are read by OCR.", Tag: "cv", Auth: "bearer", Multipart: []string{"cv"}, Response: uploadResponse{}, Limit: &upload, Errors: []int{401, 413, 415, 422, 503}}, s.requireUser, h.upload)
	s.handle(fiber.MethodPost, "/api/analyze-structured", Op{Summary: "Structure and analyze a CV (multipart cv_file or cv_text, job_description, use_gemini); signed in, it is stored and its progress streams on hub channel cv:<analysis_id>; without a token nothing is stored (no analysis_id).", Tag: "cv", Auth: "optional", Multipart: []string{"cv_file", "cv_text", "job_description", "use_gemini"}, Response: cvjob.Result{}, Limit: &upload, Errors: []int{401, 413, 415, 422, 429, 503, 504}}, s.optionalUser("analyze-structured", anonAnalyze), h.analyzeStructured)
	s.handle(fiber.MethodGet, "/api/analyses", Op{Summary: "The user's analyses, newest first.", Tag: "cv", Auth: "bearer", Response: analysesResponse{}, Errors: []int{401}}, s.requireUser, h.listAnalyses)
	s.handle(fiber.MethodGet, "/api/analyses/:id", Op{Summary: "One analysis: status, stage, percent, error, result.", Tag: "cv", Auth: "bearer", Response: cvjob.Status{}, Errors: []int{401, 404}}, s.requireUser, h.getAnalysis)
	s.handle(fiber.MethodGet, "/api/latest-structured-cv", Op{Summary: "The user's current structured CV.", Tag: "cv", Auth: "bearer", Response: versionResponse{}, Errors: []int{401, 404}}, s.requireUser, h.latest)
	s.handle(fiber.MethodPost, "/api/apply-suggestion", Op{Summary: "Apply a field suggestion (fieldPath as an array of keys and indexes, or a string) to the CV sent. Signed in, the result is stored as a new version; 409 only when the stored CV changed at that field since the client's copy. Without a token nothing is stored.", Tag: "cv", Auth: "optional", Request: applyRequest{}, Response: applyResponse{}, Errors: []int{400, 401, 409, 415, 422, 429}}, s.optionalUser("apply-suggestion", anonEdit), h.applySuggestion)
	s.handle(fiber.MethodGet, "/api/cv/versions", Op{Summary: "Previous versions of the user's structured CV (the last 50 are kept).", Tag: "cv", Auth: "bearer", Response: versionsResponse{}, Errors: []int{401}}, s.requireUser, h.versions)
	s.handle(fiber.MethodGet, "/api/cv/versions/:version", Op{Summary: "One version of the user's structured CV.", Tag: "cv", Auth: "bearer", Response: versionResponse{}, Errors: []int{401, 404}}, s.requireUser, h.version)
	s.handle(fiber.MethodPost, "/api/cv/versions/:version/restore", Op{Summary: "Make an earlier version current again (as a new version).", Tag: "cv", Auth: "bearer", Response: versionResponse{}, Errors: []int{401, 404}}, s.requireUser, h.restore)
	s.handle(fiber.MethodPost, "/api/get-latex-code", Op{Summary: "LaTeX source of the CV (every user string escaped); with or without a token.", Tag: "cv", Auth: "optional", Request: cvRequest{}, Response: latexResponse{}, Errors: []int{400, 401, 415, 422, 429}}, s.optionalUser("latex", anonEdit), h.latexCode)
	s.handle(fiber.MethodPost, "/api/generate-latex", Op{Summary: "Alias of /api/get-latex-code.", Tag: "cv", Auth: "optional", Request: cvRequest{}, Response: latexResponse{}, Errors: []int{400, 401, 415, 422, 429}}, s.optionalUser("latex", anonEdit), h.latexCode)
	s.handle(fiber.MethodPost, "/api/export-latex-pdf", Op{Summary: "The CV as PDF, compiled with xelatex (no shell escape, bounded); with or without a token.", Tag: "cv", Auth: "optional", Request: cvRequest{}, Produces: "application/pdf", Errors: []int{400, 401, 415, 422, 429, 503}}, s.optionalUser("pdf", anonPDF), h.latexPDF)
	s.handle(fiber.MethodPost, "/api/export-json-resume", Op{Summary: "The CV in the JSON Resume schema.", Tag: "cv", Auth: "bearer", Request: cvRequest{}, Response: cv.JSONResume{}, Errors: []int{400, 401, 415}}, s.requireUser, h.jsonResume)
}

type cvHandlers struct {
	cvs CVs
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

// upload stores a CV (cvservice.Service.Upload checks it can be read).
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
	up, err := h.cvs.Upload(c.UserContext(), userID(c), name, data)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(uploadResponse{Success: true, Message: "CV uploaded.",
		Filename: name, Path: "cv_files/" + up.FileID, FileID: up.FileID, Type: string(up.Kind), Size: up.Size})
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
	if anonymous(c) {
		// Stateless: the pipeline runs here, in the document slot, and
		// only the response carries the result.
		res, err := h.cvs.AnalyzeStateless(c.UserContext(), in)
		if err != nil {
			return err
		}
		return c.JSON(res)
	}
	id, err := h.cvs.Submit(c.UserContext(), in)
	if err != nil {
		return err
	}
	// Stored: drop the parsed form and our copy before waiting on the job.
	in.File = nil
	c.Request().RemoveMultipartFormFiles()
	release()
	ctx, cancel := context.WithTimeout(c.UserContext(), analyzeTimeout)
	defer cancel()
	res, err := h.cvs.Result(ctx, in.UserID, id)
	if err != nil {
		return err
	}
	return c.JSON(res)
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

type analysesResponse struct {
	Analyses []cvjob.Status `json:"analyses"`
}

func (h *cvHandlers) listAnalyses(c *fiber.Ctx) error {
	list, err := h.cvs.Analyses(c.UserContext(), userID(c))
	if err != nil {
		return err
	}
	return c.JSON(analysesResponse{Analyses: list})
}

func (h *cvHandlers) getAnalysis(c *fiber.Ctx) error {
	st, err := h.cvs.Analysis(c.UserContext(), userID(c), c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(st)
}

type versionResponse struct {
	StructuredCV json.RawMessage `json:"structured_cv"`
	Version      int             `json:"version"`
	Source       string          `json:"source"`
	AnalysisID   *string         `json:"analysis_id,omitempty"`
	CreatedAt    time.Time       `json:"created_at"`
}

func toVersionResponse(v cv.Version) versionResponse {
	return versionResponse{StructuredCV: v.StructuredCV, Version: v.Version, Source: v.Source, AnalysisID: v.AnalysisID, CreatedAt: v.CreatedAt}
}

func (h *cvHandlers) latest(c *fiber.Ctx) error {
	v, err := h.cvs.Latest(c.UserContext(), userID(c))
	if err != nil {
		return err
	}
	return c.JSON(toVersionResponse(v))
}

type versionsResponse struct {
	Versions []versionResponse `json:"versions"`
}

func (h *cvHandlers) versions(c *fiber.Ctx) error {
	list, err := h.cvs.Versions(c.UserContext(), userID(c))
	if err != nil {
		return err
	}
	out := versionsResponse{Versions: make([]versionResponse, 0, len(list))}
	for _, v := range list {
		out.Versions = append(out.Versions, toVersionResponse(v))
	}
	return c.JSON(out)
}

// versionParam is the :version of the path; a number no version can have is
// not found.
func versionParam(c *fiber.Ctx) (int, error) {
	n, err := strconv.Atoi(c.Params("version"))
	if err != nil || n < 1 {
		return 0, cvservice.ErrVersionNotFound
	}
	return n, nil
}

func (h *cvHandlers) version(c *fiber.Ctx) error {
	n, err := versionParam(c)
	if err != nil {
		return err
	}
	v, err := h.cvs.Version(c.UserContext(), userID(c), n)
	if err != nil {
		return err
	}
	return c.JSON(toVersionResponse(v))
}

func (h *cvHandlers) restore(c *fiber.Ctx) error {
	n, err := versionParam(c)
	if err != nil {
		return err
	}
	v, err := h.cvs.Restore(c.UserContext(), userID(c), n)
	if err != nil {
		return err
	}
	return c.JSON(toVersionResponse(v))
}

// suggestion is a field suggestion as clients send it back: fieldPath is
// the contract's array (["experience", 1, "bullets", 0]) or its string form.
type suggestion struct {
	SuggestionID  string          `json:"suggestionId"`
	TargetField   string          `json:"targetField"`
	FieldPath     json.RawMessage `json:"fieldPath"`
	ImprovedValue string          `json:"improvedValue"`
	OriginalValue *string         `json:"originalValue,omitempty"`
}

type applyRequest struct {
	StructuredCV *cv.StructuredCV `json:"structured_cv"`
	Suggestion   *suggestion      `json:"suggestion"`
	// Version is the stored version the client's copy came from (ours,
	// optional): when it is still the newest, nothing is ever stale.
	Version *int `json:"version,omitempty"`
}

type applyResponse struct {
	Status            string                      `json:"status"`
	UpdatedCV         cv.StructuredCV             `json:"updated_cv"`
	AppliedSuggestion cvservice.AppliedSuggestion `json:"applied_suggestion"`
	// Version is the stored version made (signed-in clients only).
	Version int `json:"version,omitempty"`
}

// applySuggestion applies one field suggestion to the CV the client holds
// (cvservice.Service.ApplySuggestion); signed in, the result is stored.
func (h *cvHandlers) applySuggestion(c *fiber.Ctx) error {
	var req applyRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	fe := fieldErrors{}
	if req.StructuredCV == nil {
		fe.add("structured_cv", "is required")
	}
	var path string
	if req.Suggestion == nil {
		fe.add("suggestion", "is required")
	} else if p, err := cv.ParsePathJSON(req.Suggestion.FieldPath); err != nil {
		if len(req.Suggestion.FieldPath) == 0 || string(req.Suggestion.FieldPath) == "null" {
			fe.add("suggestion.fieldPath", "is required")
		} else {
			return err
		}
	} else {
		path = p
	}
	if err := fe.err(); err != nil {
		return err
	}
	sg := req.Suggestion
	uid := ""
	if !anonymous(c) {
		uid = userID(c)
	}
	applied, err := h.cvs.ApplySuggestion(c.UserContext(), uid, req.StructuredCV,
		cvservice.Suggestion{ID: sg.SuggestionID, TargetField: sg.TargetField, Path: path, ImprovedValue: sg.ImprovedValue}, req.Version)
	if err != nil {
		return err
	}
	return c.JSON(applyResponse{Status: "success", UpdatedCV: applied.CV, AppliedSuggestion: applied.Suggestion, Version: applied.Version})
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

func (h *cvHandlers) latexCode(c *fiber.Ctx) error {
	req, err := decodeCV(c)
	if err != nil {
		return err
	}
	tex, err := h.cvs.LaTeX(*req.StructuredCV, latex.Options{Lang: req.Lang, Paper: req.Paper})
	if err != nil {
		return err
	}
	return c.JSON(latexResponse{Status: "success", LatexCode: tex})
}

func (h *cvHandlers) latexPDF(c *fiber.Ctx) error {
	req, err := decodeCV(c)
	if err != nil {
		return err
	}
	pdf, err := h.cvs.PDF(c.UserContext(), *req.StructuredCV, latex.Options{Lang: req.Lang, Paper: req.Paper})
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "application/pdf")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="cv.pdf"`)
	return c.Send(pdf)
}

func (h *cvHandlers) jsonResume(c *fiber.Ctx) error {
	req, err := decodeCV(c)
	if err != nil {
		return err
	}
	return c.JSON(h.cvs.JSONResume(*req.StructuredCV))
}
