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
	doc, err := h.d.Extractor.Text(c.UserContext(), data)
	if err != nil {
		return err
	}
	uid := userID(c)
	kind, _ := extract.Detect(data)
	// The extraction is stored with the file: analyses of it never read
	// (or OCR) it again.
	id, err := h.d.Jobs.StoreFile(c.UserContext(), uid, name, data, &doc)
	if err != nil {
		return err
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
	if anonymous(c) {
		// Stateless: the pipeline runs here, in the document slot, and
		// only the response carries the result.
		res, err := h.d.Jobs.AnalyzeStateless(c.UserContext(), in)
		if err != nil {
			return err
		}
		return c.JSON(res)
	}
	id, err := h.d.Jobs.Submit(c.UserContext(), in)
	if err != nil {
		return err
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

func toVersionResponse(v cv.Version) versionResponse {
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

func (h *cvHandlers) versionParam(c *fiber.Ctx) (cv.Version, error) {
	n, err := strconv.Atoi(c.Params("version"))
	if err != nil || n < 1 {
		return cv.Version{}, apperr.New(apperr.NotFound, "version_not_found", "No such version.")
	}
	v, err := h.d.Store.Version(c.UserContext(), userID(c), n)
	if errors.Is(err, store.ErrNotFound) {
		return cv.Version{}, apperr.New(apperr.NotFound, "version_not_found", "No such version.")
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

// appliedSuggestion echoes the suggestion with its path in both forms.
type appliedSuggestion struct {
	SuggestionID  string `json:"suggestionId"`
	TargetField   string `json:"targetField"`
	FieldPath     []any  `json:"fieldPath"`
	FieldPathText string `json:"field_path"`
	OriginalValue string `json:"originalValue"`
	ImprovedValue string `json:"improvedValue"`
}

type applyResponse struct {
	Status            string            `json:"status"`
	UpdatedCV         cv.StructuredCV   `json:"updated_cv"`
	AppliedSuggestion appliedSuggestion `json:"applied_suggestion"`
	// Version is the stored version made (signed-in clients only).
	Version int `json:"version,omitempty"`
}

// applySuggestion applies one field suggestion to the CV the client holds.
// The client's copy is the authority on the field's current value, so its
// own undo (improvedValue back to the value before) always applies. Signed
// in, the result becomes the user's newest version, refused as stale only
// when the stored CV changed at that field since the client's copy (another
// tab or device edited it); anonymous, nothing is stored or checked.
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
	sg := *req.Suggestion
	current, err := cv.Resolve(req.StructuredCV, path)
	if err != nil {
		return err
	}
	updated, err := cv.Apply(req.StructuredCV, path, current, sg.ImprovedValue)
	if err != nil {
		return err
	}
	elems, _ := cv.PathElements(path)
	out := applyResponse{Status: "success", UpdatedCV: updated, AppliedSuggestion: appliedSuggestion{
		SuggestionID: sg.SuggestionID, TargetField: sg.TargetField, FieldPath: elems, FieldPathText: path,
		OriginalValue: current, ImprovedValue: sg.ImprovedValue,
	}}
	if anonymous(c) {
		return c.JSON(out)
	}
	if err := h.checkStale(c, req, path, current); err != nil {
		return err
	}
	body, err := json.Marshal(updated)
	if err != nil {
		return err
	}
	meta, _ := json.Marshal(out.AppliedSuggestion)
	if out.Version, err = h.d.Store.AddVersion(c.UserContext(), userID(c), "suggestion", body, meta); err != nil {
		return err
	}
	return c.JSON(out)
}

// checkStale refuses an edit when the user's newest stored CV holds, at
// path, something else than the client's copy: the field was changed
// elsewhere since the client read it. A client that names its copy's
// version, still the newest, is never refused.
func (h *cvHandlers) checkStale(c *fiber.Ctx, req applyRequest, path, clientValue string) error {
	latest, err := h.d.Store.LatestVersion(c.UserContext(), userID(c))
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if req.Version != nil && *req.Version == latest.Version {
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
	return c.JSON(cv.ToJSONResume(*req.StructuredCV))
}
