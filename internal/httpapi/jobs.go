package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/extract"
	"github.com/utopiahire/utopiahire/internal/jobs"
	"github.com/utopiahire/utopiahire/internal/jobsearch"
	"github.com/utopiahire/utopiahire/internal/ratelimit"
	"github.com/utopiahire/utopiahire/internal/skills"
)

// JobsDeps is what the job-search and skills-gap routes need.
type JobsDeps struct {
	// Search is *jobsearch.Service.
	Search interface {
		Search(ctx context.Context, userID string, q jobs.Query) (jobsearch.Response, error)
		Latest(ctx context.Context, userID string) (jobsearch.Response, error)
		SearchAnonymous(ctx context.Context, client string, q jobs.Query) (jobsearch.Response, error)
		LatestAnonymous(ctx context.Context, client string) (jobsearch.Response, error)
		Job(ctx context.Context, userID, id string) (jobs.Job, error)
	}
	// Analyzer is *skills.Analyzer.
	Analyzer interface {
		Analyze(ctx context.Context, r skills.Request) (skills.Report, error)
	}
	// Extractor reads the uploaded CV (*extract.Extractor).
	Extractor interface {
		Text(ctx context.Context, data []byte) (extract.Document, error)
	}
	// Files lists the CVs the user uploaded (internal/store implements it); nil: GET
	// /api/cv/files is not served.
	Files interface {
		Files(ctx context.Context, userID string, limit int) ([]cv.FileSummary, error)
	}
	// StoredCVs gives the text of a CV the user uploaded earlier from the
	// extraction stored with it (*cvjob.Service): the file is not read
	// again. nil: the cv_file_id field is refused.
	StoredCVs interface {
		FileText(ctx context.Context, userID, id string) (string, error)
	}
	// Catalog says what the local catalog holds (*catalog.Catalog); nil:
	// GET /api/jobs/catalog is not served.
	Catalog CatalogOrigins
}

func (s *Server) jobsRoutes(d JobsDeps) {
	s.jobsCatalogRoute(d.Catalog) // before /api/jobs/:id
	s.cvFilesRoute(d)
	search := ratelimit.PerMinute(20)
	analyze := ratelimit.PerMinute(10)
	// Without a token (contract, "Anonymous use"): stricter per-IP limits.
	anonSearch, anonLatest, anonAnalyze := ratelimit.PerMinute(8), ratelimit.PerMinute(30), ratelimit.PerMinute(4)
	h := &jobsHandlers{d: d}
	searchOp := func(summary string) Op {
		return Op{Summary: summary, Tag: "jobs", Auth: "optional", Request: searchRequest{}, Response: jobsearch.Response{},
			Limit: &search, Errors: []int{400, 401, 413, 415, 422, 429, 503}}
	}
	s.handle(fiber.MethodPost, "/api/jobs/search", searchOp("Search jobs (catalog and live sources, merged and deduplicated; cached per query). "+
		"location is a country or region of Europe, the Middle East or Africa; max_jobs 10, 20 or 30 (number or numeric string); "+
		"timeRange past_24h, past_week, past_month or any, or \"-1\" (any) or a number of seconds as a string (\"86400\"). "+
		"notes say how each source fared. Without a token nothing is stored for the caller."), s.optionalUser("jobs-search", anonSearch), h.search)
	s.handle(fiber.MethodPost, "/api/search-jobs", searchOp("Alias of POST /api/jobs/search."), s.optionalUser("jobs-search", anonSearch), h.search)
	s.handle(fiber.MethodGet, "/api/jobs", Op{Summary: "The caller's latest search results (empty before the first search); without a token, that client's last search while cached, else the latest public results.", Tag: "jobs", Auth: "optional",
		Response: jobsearch.Response{}, Errors: []int{401, 429}}, s.optionalUser("jobs-latest", anonLatest), h.latest)
	s.handle(fiber.MethodGet, "/api/jobs/:id", Op{Summary: "One job of the caller's latest results or of the catalog, with its full description.", Tag: "jobs", Auth: "bearer",
		Response: jobs.Job{}, Errors: []int{401, 404}}, s.requireUser, h.job)
	s.handle(fiber.MethodPost, "/api/analyze", Op{Summary: "Skills gap between a CV and a job: multipart cv_file (PDF), or cv_text, or cv_file_id (a CV uploaded with /api/upload-cv); " +
		"job_description (≤ 64 KB) and job_title. The narrative is Gemini's when configured, else the offline writer's (see generator).",
		Tag: "jobs", Auth: "optional", Multipart: []string{"cv_file", "cv_text", "cv_file_id", "job_description", "job_title"},
		Response: skills.Report{}, Limit: &analyze, Errors: []int{401, 413, 415, 422, 429}}, s.optionalUser("skills-gap", anonAnalyze), h.analyze)
}

type jobsHandlers struct{ d JobsDeps }

// searchRequest is jobs.Query as clients send it: the existing frontend
// sends max_jobs as a string ("10") and timeRange as "-1" or seconds.
type searchRequest struct {
	Keywords         string                 `json:"keywords"`
	Location         string                 `json:"location"`
	MaxJobs          json.RawMessage        `json:"max_jobs"`
	TimeRange        json.RawMessage        `json:"timeRange"`
	ExperienceLevels []jobs.ExperienceLevel `json:"experience_levels"`
}

// query reads the lenient fields; what is left to check, jobs.Query does.
func (r searchRequest) query() (jobs.Query, error) {
	q := jobs.Query{Keywords: r.Keywords, Location: r.Location, ExperienceLevels: r.ExperienceLevels}
	n, ok := numberOrString(r.MaxJobs)
	if !ok {
		return q, &jobs.ValidationError{Field: "max_jobs", Code: "invalid_max_jobs",
			Message: "max_jobs must be 10, 20 or 30, as a number or a numeric string", Valid: []string{"10", "20", "30"}}
	}
	if n != "" {
		v, err := strconv.Atoi(n)
		if err != nil || v <= 0 {
			return q, &jobs.ValidationError{Field: "max_jobs", Code: "invalid_max_jobs",
				Message: "max_jobs must be 10, 20 or 30, as a number or a numeric string", Valid: []string{"10", "20", "30"}}
		}
		q.MaxJobs = v
	}
	tr, ok := numberOrString(r.TimeRange)
	if !ok {
		return q, &jobs.ValidationError{Field: "timeRange", Code: "invalid_time_range",
			Message: "timeRange must be a string such as past_week, \"-1\" or \"86400\"", Valid: []string{"past_24h", "past_week", "past_month", "any", "-1", "86400"}}
	}
	q.TimeRange = jobs.TimeRange(tr)
	return q, nil
}

// numberOrString reads a JSON string or number as text; absent or null is
// "", anything else is not ok.
func numberOrString(raw json.RawMessage) (string, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", true
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s), true
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String(), true
	}
	return "", false
}

func (h *jobsHandlers) search(c *fiber.Ctx) error {
	var req searchRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	q, err := req.query()
	if err != nil {
		return err
	}
	var res jobsearch.Response
	if anonymous(c) {
		res, err = h.d.Search.SearchAnonymous(c.UserContext(), c.IP(), q)
	} else {
		res, err = h.d.Search.Search(c.UserContext(), userID(c), q)
	}
	if err != nil {
		return err
	}
	return c.JSON(res)
}

func (h *jobsHandlers) latest(c *fiber.Ctx) error {
	if anonymous(c) {
		res, err := h.d.Search.LatestAnonymous(c.UserContext(), c.IP())
		if err != nil {
			return err
		}
		return c.JSON(res)
	}
	res, err := h.d.Search.Latest(c.UserContext(), userID(c))
	if err != nil {
		return err
	}
	return c.JSON(res)
}

func (h *jobsHandlers) job(c *fiber.Ctx) error {
	j, err := h.d.Search.Job(c.UserContext(), userID(c), strings.Clone(c.Params("id")))
	if err != nil {
		return err
	}
	return c.JSON(j)
}

// analyze computes the skills gap. The CV comes from cv_file (a PDF, as the
// contract says), cv_text, or cv_file_id, in that order of preference.
func (h *jobsHandlers) analyze(c *fiber.Ctx) error {
	if err := requireMediaType(c, fiber.MIMEMultipartForm); err != nil {
		return err
	}
	req := skills.Request{JobDescription: c.FormValue("job_description"), JobTitle: strings.TrimSpace(c.FormValue("job_title"))}
	// Cheap checks before reading the CV: a 1 MB job description is refused
	// without extracting anything.
	if len(req.JobDescription) > skills.MaxJobDescriptionBytes {
		return skills.ErrJobDescriptionSize
	}
	if strings.TrimSpace(req.JobDescription) == "" {
		return skills.ErrEmptyJobDescription
	}
	text, err := h.cvText(c)
	if err != nil {
		return err
	}
	req.CVText = text
	// A posting's HTML (or pasted text) is read as the same clean text the
	// catalog indexes and the interviewer gets: blocks never run together.
	req.JobDescription = jobs.Text(req.JobDescription)
	req.JobTitle = strings.Clone(req.JobTitle)
	rep, err := h.d.Analyzer.Analyze(c.UserContext(), req)
	if err != nil {
		return err
	}
	return c.JSON(rep)
}

func (h *jobsHandlers) cvText(c *fiber.Ctx) (string, error) {
	_, data, err := formFile(c, "cv_file", false)
	if err != nil {
		return "", err
	}
	if data != nil {
		kind, err := extract.Detect(data)
		if err != nil {
			return "", err
		}
		if kind != extract.KindPDF {
			return "", apperr.New(apperr.UnsupportedMedia, "cv_not_pdf",
				"cv_file must be a PDF; send other formats as cv_text, or upload them with /api/upload-cv and pass cv_file_id.").
				With("type", string(kind))
		}
		doc, err := h.d.Extractor.Text(c.UserContext(), data)
		if err != nil {
			return "", err
		}
		return doc.Text, nil
	}
	if t := c.FormValue("cv_text"); strings.TrimSpace(t) != "" {
		if !utf8.ValidString(t) {
			return "", skills.ErrNotUTF8
		}
		return strings.Clone(t), nil
	}
	if id := strings.TrimSpace(c.FormValue("cv_file_id")); id != "" && anonymous(c) {
		return "", apperr.New(apperr.Unauthorized, "missing_token", "cv_file_id names an upload of your account: sign in, or send the CV as cv_file or cv_text.")
	} else if id != "" && h.d.StoredCVs != nil {
		text, err := h.d.StoredCVs.FileText(c.UserContext(), userID(c), id)
		if errors.Is(err, apperr.ErrNotFound) {
			return "", apperr.New(apperr.NotFound, "cv_file_not_found", "No such CV file among your uploads.")
		}
		if err != nil {
			return "", err
		}
		return text, nil
	}
	return "", apperr.New(apperr.Validation, "cv_missing", "Send the CV as a PDF (cv_file), as text (cv_text) or as the id of an uploaded CV (cv_file_id).").
		With("fields", map[string]string{"cv_file": "required without cv_text or cv_file_id"})
}
