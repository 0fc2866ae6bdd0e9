package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/utopiahire/utopiahire/internal/dbtest"
)

// The existing React frontend's side of the contract
// (shared/api-contract.md): every request it makes, as it makes it (its
// origin, its X-Request-Time header on every call, its bodies, no token
// where it sends none), and every field it reads from the answers.

const frontendOrigin = "http://localhost:3000"

// frontend sends requests the way the React app does.
type frontend struct {
	t     *testing.T
	base  string
	token string // "" for the calls the frontend makes without one
}

type reply struct {
	status int
	header http.Header
	raw    []byte
	body   map[string]any
}

func (f *frontend) send(method, path, contentType string, body io.Reader) reply {
	f.t.Helper()
	req, err := http.NewRequest(method, f.base+path, body)
	if err != nil {
		f.t.Fatal(err)
	}
	req.Header.Set("Origin", frontendOrigin)
	req.Header.Set("X-Request-Time", strconv.FormatInt(time.Now().UnixMilli(), 10))
	req.Header.Set("Accept", "application/json, text/plain, */*")
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if f.token != "" {
		req.Header.Set("Authorization", "Bearer "+f.token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	r := reply{status: resp.StatusCode, header: resp.Header, raw: raw}
	_ = json.Unmarshal(raw, &r.body)
	// Every answer to the frontend's origin is readable by it.
	if got := resp.Header.Get("Access-Control-Allow-Origin"); got != frontendOrigin {
		f.t.Errorf("%s %s: Access-Control-Allow-Origin %q", method, path, got)
	}
	return r
}

func (f *frontend) json(method, path string, v any) reply {
	f.t.Helper()
	if v == nil {
		return f.send(method, path, "", nil)
	}
	b, _ := json.Marshal(v)
	return f.send(method, path, "application/json", bytes.NewReader(b))
}

func (f *frontend) form(path string, fields map[string]string, fileField, filename string, file []byte) reply {
	f.t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	if fileField != "" {
		fw, _ := w.CreateFormFile(fileField, filename)
		_, _ = fw.Write(file)
	}
	w.Close()
	return f.send("POST", path, w.FormDataContentType(), &buf)
}

func (f *frontend) signedIn(token string) *frontend {
	return &frontend{t: f.t, base: f.base, token: token}
}

// expect fails unless r has status want and every key (dotted paths into
// objects; [] steps into every element of a list) is present.
func expect(t *testing.T, what string, r reply, want int, keys ...string) {
	t.Helper()
	if r.status != want {
		t.Fatalf("%s: %d %.600s (want %d)", what, r.status, r.raw, want)
	}
	var v any
	_ = json.Unmarshal(r.raw, &v)
	for _, k := range keys {
		if missing := missingKey(v, strings.Split(k, ".")); missing != "" {
			t.Errorf("%s: no %q (%s) in %.400s", what, k, missing, r.raw)
		}
	}
}

func missingKey(v any, path []string) string {
	if len(path) == 0 {
		return ""
	}
	if path[0] == "[]" {
		list, ok := v.([]any)
		if !ok {
			return "not a list"
		}
		if len(list) == 0 {
			return "empty list"
		}
		for _, e := range list {
			if m := missingKey(e, path[1:]); m != "" {
				return m
			}
		}
		return ""
	}
	m, ok := v.(map[string]any)
	if !ok {
		return "not an object"
	}
	next, ok := m[path[0]]
	if !ok {
		return "missing"
	}
	return missingKey(next, path[1:])
}

// analysisKeys are the fields of gemini_analysis.analysis the frontend reads.
var analysisKeys = []string{
	"overall_score", "ats_score", "readability_score", "summary", "critical_issues", "quick_wins", "field_suggestions",
	"section_analysis.[].section", "section_analysis.[].status", "section_analysis.[].issues", "section_analysis.[].suggestions",
	"job_match_analysis.relevance_score", "job_match_analysis.keyword_matches", "job_match_analysis.missing_keywords",
	"job_match_analysis.recommendations",
	"top_priorities.[].priority", "top_priorities.[].action", "top_priorities.[].impact", "top_priorities.[].time_estimate",
	"top_priorities.[].category",
}

// suggestionKeys are the fields of each field suggestion the frontend reads.
var suggestionKeys = []string{
	"field_suggestions.[].suggestionId", "field_suggestions.[].targetField", "field_suggestions.[].fieldPath",
	"field_suggestions.[].fieldId", "field_suggestions.[].severity", "field_suggestions.[].issue_type",
	"field_suggestions.[].problem", "field_suggestions.[].originalValue", "field_suggestions.[].improvedValue",
	"field_suggestions.[].explanation",
}

var structuredKeys = []string{
	"structured_cv.summary", "structured_cv.contact.name", "structured_cv.contact.email", "structured_cv.contact.phone",
	"structured_cv.contact.location", "structured_cv.contact.linkedin", "structured_cv.contact.github", "structured_cv.contact.portfolio",
	"structured_cv.experience.[].id", "structured_cv.experience.[].title", "structured_cv.experience.[].company",
	"structured_cv.experience.[].startDate", "structured_cv.experience.[].endDate", "structured_cv.experience.[].bullets",
	"structured_cv.education", "structured_cv.skills.technical", "structured_cv.skills.languages", "structured_cv.skills.tools",
	"structured_cv.skills.soft_skills", "structured_cv.skills.other", "structured_cv.projects", "structured_cv.certifications",
	"structured_cv.awards", "structured_cv.publications", "structured_cv.activities", "structured_cv.volunteer", "structured_cv.other_sections",
}

var jobKeys = []string{"jobs.[].title", "jobs.[].company", "jobs.[].location", "jobs.[].job_link", "jobs.[].posted_date",
	"jobs.[].logo", "jobs.[].logo_tag", "jobs.[].time_note", "jobs.[].description", "jobs.[].experience_level"}

var gapKeys = []string{
	"job_skill_profile.[].skill", "job_skill_profile.[].proficiency_you", "job_skill_profile.[].proficiency_req",
	"job_skill_profile.[].gap", "job_skill_profile.[].is_must_have", "ai_summary", "ai_scores.coverage", "ai_scores.depth",
	"ai_scores.alignment", "quantitative_summary.overall_score", "quantitative_summary.skills_matched",
	"quantitative_summary.skills_missing", "quantitative_summary.total_required", "priority_actions.[].action",
	"priority_actions.[].time_estimate", "priority_actions.[].why", "learning_paths", "resume_edits",
}

// analysisOf checks an analysis the frontend renders: real scores, a
// summary, ranked priorities, fieldPath arrays; withSuggestions when the CV
// has fields worth rewriting.
func analysisOf(t *testing.T, what string, r reply, withSuggestions bool) map[string]any {
	t.Helper()
	keys := append([]string{"summary", "status", "original_file", "file_info", "gemini_analysis.status"}, structuredKeys...)
	for _, k := range analysisKeys {
		keys = append(keys, "gemini_analysis.analysis."+k)
	}
	if withSuggestions {
		for _, k := range suggestionKeys {
			keys = append(keys, "gemini_analysis.analysis."+k)
		}
	}
	expect(t, what, r, 200, keys...)
	a := r.body["gemini_analysis"].(map[string]any)["analysis"].(map[string]any)
	for _, k := range []string{"overall_score", "ats_score", "readability_score"} {
		if s, _ := a[k].(float64); s <= 0 || s > 100 {
			t.Errorf("%s: %s = %v, want a real score", what, k, a[k])
		}
	}
	if s, _ := a["summary"].(string); len(s) < 20 {
		t.Errorf("%s: summary %q", what, s)
	}
	for i, p := range a["top_priorities"].([]any) {
		p := p.(map[string]any)
		if p["priority"] != float64(i+1) || p["action"] == "" || !regexp.MustCompile(`^(High|Medium|Low)$`).MatchString(fmt.Sprint(p["impact"])) {
			t.Errorf("%s: top_priorities[%d] = %v", what, i, p)
		}
	}
	for _, s := range a["field_suggestions"].([]any) {
		fp, ok := s.(map[string]any)["fieldPath"].([]any)
		if !ok || len(fp) == 0 {
			t.Errorf("%s: fieldPath %v is not an array", what, s.(map[string]any)["fieldPath"])
		}
		if sev := s.(map[string]any)["severity"]; !regexp.MustCompile(`^(critical|high|medium|low)$`).MatchString(fmt.Sprint(sev)) {
			t.Errorf("%s: severity %v", what, sev)
		}
	}
	return a
}

// resolve reads the field of structured_cv an array fieldPath names.
func resolve(t *testing.T, structured any, path []any) string {
	t.Helper()
	v := structured
	for _, step := range path {
		switch s := step.(type) {
		case string:
			v = v.(map[string]any)[s]
		case float64:
			v = v.([]any)[int(s)]
		}
	}
	str, _ := v.(string)
	return str
}

// storedRows counts what requests can leave behind for a user.
func storedRows(t *testing.T, m *Main) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range []string{"cv_files", "cv_analyses", "cv_versions", "job_searches", "users"} {
		var n int
		if err := m.pool.QueryRow(context.Background(), "SELECT count(*) FROM "+table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[table] = n
	}
	return out
}

// TestFrontendCompatibility walks the "done when" the way the
// unchanged frontend does: register → verify → login → reload → CV
// analysis → apply and undo → LaTeX and PDF → job search and results →
// skills gap → start an interview.
func TestFrontendCompatibility(t *testing.T) {
	t.Parallel()
	s := startInterviewServer(t, map[string]string{"FRONTEND_URL": frontendOrigin, "CORS_ORIGINS": frontendOrigin})
	m := s.m
	fe := &frontend{t: t, base: baseURL(m)}
	pdf := readFile(t, twoPageCV)
	job := string(readFile(t, backendJob))

	// The browser's preflight: whatever headers the page asks for.
	pre, _ := http.NewRequest("OPTIONS", fe.base+"/api/auth/login", nil)
	pre.Header.Set("Origin", frontendOrigin)
	pre.Header.Set("Access-Control-Request-Method", "POST")
	pre.Header.Set("Access-Control-Request-Headers", "authorization,content-type,x-request-time")
	resp, err := http.DefaultClient.Do(pre)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 204 || resp.Header.Get("Access-Control-Allow-Origin") != frontendOrigin ||
		!strings.Contains(strings.ToLower(resp.Header.Get("Access-Control-Allow-Headers")), "x-request-time") ||
		!strings.Contains(resp.Header.Get("Access-Control-Allow-Methods"), "POST") {
		t.Fatalf("preflight: %d %v", resp.StatusCode, resp.Header)
	}
	pre.Header.Set("Origin", "http://evil.test")
	resp, err = http.DefaultClient.Do(pre)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Fatalf("a foreign origin was allowed: %v", resp.Header)
	}

	// Register, verify through the link on FRONTEND_URL, log in, reload.
	const email, password = "ada@example.com", "Str0ng!passw0rd"
	expect(t, "register", fe.json("POST", "/api/auth/register", map[string]string{"name": "Ada Lovelace", "email": email, "password": password}), 201, "message")
	var mail string
	if err := m.pool.QueryRow(context.Background(), `SELECT text_body FROM mail_outbox WHERE recipient = $1`, email).Scan(&mail); err != nil {
		t.Fatal(err)
	}
	link := regexp.MustCompile(regexp.QuoteMeta(frontendOrigin) + `/verify-email\?token=([A-Za-z0-9_-]+)`).FindStringSubmatch(mail)
	if link == nil {
		t.Fatalf("no FRONTEND_URL/verify-email?token= link in:\n%s", mail)
	}
	// Our own web app serves that page too, leaking nothing by Referer.
	page, err := http.Get(fe.base + "/verify-email?token=" + link[1])
	if err != nil {
		t.Fatal(err)
	}
	page.Body.Close()
	if page.StatusCode != 200 || page.Header.Get("Referrer-Policy") != "no-referrer" {
		t.Fatalf("verify page: %d, Referrer-Policy %q", page.StatusCode, page.Header.Get("Referrer-Policy"))
	}
	v := fe.json("POST", "/api/auth/verify-email", map[string]string{"token": link[1]})
	expect(t, "verify-email", v, 200, "token", "refreshToken", "user.id", "user.name", "user.email")
	login := fe.json("POST", "/api/auth/login", map[string]string{"email": email, "password": password})
	expect(t, "login", login, 200, "token", "refreshToken", "user.id", "user.name", "user.email")
	expect(t, "wrong password", fe.json("POST", "/api/auth/login", map[string]string{"email": email, "password": "nope"}), 400, "detail")
	user := fe.signedIn(login.body["token"].(string))
	expect(t, "me (reload)", user.json("GET", "/api/auth/me", nil), 200, "user.id", "user.name", "user.email")
	expect(t, "refresh", fe.json("POST", "/api/auth/refresh", map[string]string{"refreshToken": login.body["refreshToken"].(string)}), 200, "token", "refreshToken")

	// Anonymous: the CV pipeline, the editor, LaTeX, jobs and the skills
	// gap answer without a token and store nothing.
	before := storedRows(t, m)
	res := fe.form("/api/analyze-structured", map[string]string{"job_description": job, "use_gemini": "false"}, "cv_file", "cv.pdf", pdf)
	analysisOf(t, "anonymous analyze-structured (pdf)", res, false)
	if _, ok := res.body["analysis_id"]; ok {
		t.Errorf("an anonymous analysis has an id: %v", res.body["analysis_id"])
	}
	res = fe.form("/api/analyze-structured", map[string]string{"cv_text": cvText, "job_description": "", "use_gemini": "true"}, "", "", nil)
	a := analysisOf(t, "anonymous analyze-structured (text)", res, true)

	sugs := a["field_suggestions"].([]any)
	if len(sugs) == 0 {
		t.Fatal("no field suggestion to apply")
	}
	sg := sugs[0].(map[string]any)
	path := sg["fieldPath"].([]any)
	structured := res.body["structured_cv"]
	if got := resolve(t, structured, path); got != sg["originalValue"] {
		t.Fatalf("fieldPath %v resolves to %q, originalValue %q", path, got, sg["originalValue"])
	}
	suggestion := map[string]any{"suggestionId": sg["suggestionId"], "targetField": sg["targetField"], "fieldPath": path, "improvedValue": sg["improvedValue"]}
	applied := fe.json("POST", "/api/apply-suggestion", map[string]any{"structured_cv": structured, "suggestion": suggestion})
	expect(t, "anonymous apply", applied, 200, "status", "updated_cv", "applied_suggestion")
	updated := applied.body["updated_cv"]
	if got := resolve(t, updated, path); got != sg["improvedValue"] {
		t.Fatalf("applied: %q", got)
	}
	// Undo as the frontend does it: the same suggestion, values swapped,
	// on its current copy.
	undo := map[string]any{"suggestionId": sg["suggestionId"], "targetField": sg["targetField"], "fieldPath": path,
		"improvedValue": sg["originalValue"], "originalValue": sg["originalValue"]}
	reverted := fe.json("POST", "/api/apply-suggestion", map[string]any{"structured_cv": updated, "suggestion": undo})
	expect(t, "anonymous undo", reverted, 200, "updated_cv")
	if got := resolve(t, reverted.body["updated_cv"], path); got != sg["originalValue"] {
		t.Fatalf("undone: %q", got)
	}
	// The string form of the path is accepted too.
	strForm := map[string]any{"fieldPath": sg["field_path"], "improvedValue": sg["improvedValue"]}
	expect(t, "apply (string path)", fe.json("POST", "/api/apply-suggestion", map[string]any{"structured_cv": structured, "suggestion": strForm}), 200, "updated_cv")

	// Browser code without a token may still write "Bearer null".
	expect(t, "get-latex-code with Bearer null", (&frontend{t: t, base: fe.base, token: "null"}).json("POST", "/api/get-latex-code", map[string]any{"structured_cv": updated}), 200, "latex_code")
	latex := fe.json("POST", "/api/get-latex-code", map[string]any{"structured_cv": updated})
	expect(t, "anonymous get-latex-code", latex, 200, "status", "latex_code")
	if !strings.Contains(latex.body["latex_code"].(string), `\documentclass`) {
		t.Errorf("latex code: %.200s", latex.raw)
	}
	b, _ := json.Marshal(map[string]any{"structured_cv": updated})
	out := fe.send("POST", "/api/export-latex-pdf", "application/json", bytes.NewReader(b))
	if out.status != 200 || out.header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(out.raw, []byte("%PDF")) {
		t.Fatalf("anonymous export-latex-pdf: %d %s %.200s", out.status, out.header.Get("Content-Type"), out.raw)
	}

	// Jobs, as the search form sends them: max_jobs a string, timeRange
	// "-1" or seconds.
	for _, tr := range []string{"-1", "86400", "604800", "2592000"} {
		q := map[string]any{"keywords": "engineer", "location": "Germany", "max_jobs": "10", "timeRange": tr, "experience_levels": []string{}}
		r := fe.json("POST", "/api/jobs/search", q)
		if tr == "-1" {
			expect(t, "anonymous jobs/search", r, 200, append([]string{"message"}, jobKeys...)...)
		} else if r.status != 200 {
			t.Fatalf("timeRange %s: %d %s", tr, r.status, r.raw)
		}
	}
	last := fe.json("POST", "/api/jobs/search", map[string]any{"keywords": "engineer", "location": "Germany", "max_jobs": 20, "timeRange": "-1", "experience_levels": []string{"mid_senior"}})
	expect(t, "anonymous jobs/search (numbers)", last, 200, jobKeys...)
	latest := fe.json("GET", "/api/jobs", nil)
	expect(t, "anonymous GET /jobs", latest, 200, jobKeys...)
	if len(latest.body["jobs"].([]any)) != len(last.body["jobs"].([]any)) {
		t.Errorf("GET /jobs: %d jobs, the client's last search had %d", len(latest.body["jobs"].([]any)), len(last.body["jobs"].([]any)))
	}
	gap := fe.form("/api/analyze", map[string]string{"job_description": job, "job_title": "Backend engineer"}, "cv_file", "cv.pdf", pdf)
	expect(t, "anonymous skills gap", gap, 200, gapKeys...)

	if after := storedRows(t, m); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("anonymous requests stored rows: before %v, after %v", before, after)
	}

	// Signed in: the same calls are stored, versioned and streamed, and the
	// frontend's own undo is never refused as stale.
	res = user.form("/api/analyze-structured", map[string]string{"cv_text": cvText, "job_description": job, "use_gemini": "false"}, "", "", nil)
	a = analysisOf(t, "signed-in analyze-structured", res, true)
	if id, _ := res.body["analysis_id"].(string); id == "" {
		t.Errorf("signed-in analysis without analysis_id")
	}
	sg = a["field_suggestions"].([]any)[0].(map[string]any)
	path = sg["fieldPath"].([]any)
	suggestion = map[string]any{"suggestionId": sg["suggestionId"], "targetField": sg["targetField"], "fieldPath": path, "improvedValue": sg["improvedValue"], "originalValue": sg["originalValue"]}
	applied = user.json("POST", "/api/apply-suggestion", map[string]any{"structured_cv": res.body["structured_cv"], "suggestion": suggestion})
	expect(t, "signed-in apply", applied, 200, "status", "updated_cv", "applied_suggestion", "version")
	undo["fieldPath"], undo["improvedValue"], undo["originalValue"] = path, sg["originalValue"], sg["originalValue"]
	reverted = user.json("POST", "/api/apply-suggestion", map[string]any{"structured_cv": applied.body["updated_cv"], "suggestion": undo})
	expect(t, "signed-in undo", reverted, 200, "updated_cv", "version")
	if got := resolve(t, reverted.body["updated_cv"], path); got != sg["originalValue"] {
		t.Fatalf("signed-in undo: %q", got)
	}
	expect(t, "latest-structured-cv", user.json("GET", "/api/latest-structured-cv", nil), 200, "structured_cv.contact.name")
	expect(t, "signed-in jobs/search", user.json("POST", "/api/jobs/search", map[string]any{"keywords": "engineer", "location": "Germany", "max_jobs": "30", "timeRange": "604800"}), 200, jobKeys...)
	expect(t, "signed-in GET /jobs", user.json("GET", "/api/jobs", nil), 200, jobKeys...)

	// Start an interview with the language as the frontend names it.
	code, body := (&apiClient{t: t, base: fe.base, token: user.token}).multipart("/api/upload-cv", nil, "cv", "cv.pdf", pdf)
	if code != 201 {
		t.Fatalf("upload-cv: %d %s", code, body)
	}
	var up struct{ Filename string }
	_ = json.Unmarshal(body, &up)
	for i, lang := range []string{"English", "FRENCH", "english"} { // three: the cap on live interviews
		r := user.json("POST", "/api/start-session", map[string]any{"cv_filename": up.Filename, "job_description": job,
			"candidate_email": email, "candidate_name": "Ada Lovelace", "job_title": fmt.Sprintf("Backend engineer %d", i), "language": lang})
		expect(t, "start-session ("+lang+")", r, 200, "token", "url", "identity", "room")
	}
	bad := user.json("POST", "/api/start-session", map[string]any{"cv_filename": up.Filename, "job_title": "Backend", "language": "Klingon"})
	if bad.status != 422 || !strings.Contains(string(bad.raw), "language") {
		t.Errorf("start-session with Klingon: %d %s", bad.status, bad.raw)
	}

	// Bad input still gets clear errors, token or not.
	for _, tc := range []struct {
		what   string
		r      reply
		status int
		code   string
	}{
		{"fieldPath not a path", fe.json("POST", "/api/apply-suggestion", map[string]any{"structured_cv": structured, "suggestion": map[string]any{"fieldPath": []any{"experience", "x.y"}, "improvedValue": "x"}}), 422, "invalid_field_path"},
		{"fieldPath index first", fe.json("POST", "/api/apply-suggestion", map[string]any{"structured_cv": structured, "suggestion": map[string]any{"fieldPath": []any{0}, "improvedValue": "x"}}), 422, "invalid_field_path"},
		{"fieldPath missing", fe.json("POST", "/api/apply-suggestion", map[string]any{"structured_cv": structured, "suggestion": map[string]any{"improvedValue": "x"}}), 422, "validation_failed"},
		{"fieldPath beyond the CV", fe.json("POST", "/api/apply-suggestion", map[string]any{"structured_cv": structured, "suggestion": map[string]any{"fieldPath": []any{"experience", 99, "bullets", 0}, "improvedValue": "x"}}), 404, "field_not_found"},
		{"control characters", fe.json("POST", "/api/apply-suggestion", map[string]any{"structured_cv": structured, "suggestion": map[string]any{"fieldPath": []any{"summary"}, "improvedValue": "a\x00b"}}), 422, "invalid_value"},
		{"no CV", fe.form("/api/analyze-structured", map[string]string{"job_description": "x"}, "", "", nil), 422, "cv_missing"},
		{"not a CV", fe.form("/api/analyze-structured", nil, "cv_file", "cv.exe", []byte("MZ\x90\x00\x03\x00\x00\x00binary")), 415, ""},
		{"max_jobs word", fe.json("POST", "/api/jobs/search", map[string]any{"keywords": "go", "max_jobs": "ten"}), 422, "invalid_max_jobs"},
		{"timeRange word", fe.json("POST", "/api/jobs/search", map[string]any{"keywords": "go", "timeRange": "yesterday-ish"}), 422, "invalid_time_range"},
		{"stored upload without a token", fe.form("/api/analyze", map[string]string{"job_description": job, "cv_file_id": "00000000-0000-0000-0000-000000000000"}, "", "", nil), 401, "missing_token"},
		{"bad token", (&frontend{t: t, base: fe.base, token: "forged"}).json("POST", "/api/get-latex-code", map[string]any{"structured_cv": structured}), 401, ""},
	} {
		if tc.r.status != tc.status || (tc.code != "" && tc.r.body["code"] != tc.code) || tc.r.body["detail"] == nil {
			t.Errorf("%s: %d %s, want %d %s with a detail", tc.what, tc.r.status, tc.r.raw, tc.status, tc.code)
		}
	}
}

// TestAnonymousUseIsRateLimitedPerIP: without a token the per-IP limits
// are stricter than a signed-in user's, and say when to come back.
func TestAnonymousUseIsRateLimitedPerIP(t *testing.T) {
	t.Parallel()
	m := startMain(t, testConfig(t, dbtest.New(t), map[string]string{"CORS_ORIGINS": frontendOrigin}))
	fe := &frontend{t: t, base: baseURL(m)}
	analyze := func() reply {
		return fe.form("/api/analyze-structured", map[string]string{"cv_text": cvText}, "", "", nil)
	}
	// A burst of 4 passes (4 a minute; signed-in users get 10)...
	for i := range 4 {
		if r := analyze(); r.status != 200 {
			t.Fatalf("anonymous analysis %d: %d %s", i+1, r.status, r.raw)
		}
	}
	// ...then the next is refused, unless the bucket refilled meanwhile
	// (one every 15 s on a slow machine): a few tries, well within a minute.
	for range 3 {
		r := analyze()
		if r.status == http.StatusTooManyRequests {
			if r.header.Get("Retry-After") == "" || r.body["code"] != "rate_limited" {
				t.Fatalf("429 without Retry-After or code: %v %s", r.header, r.raw)
			}
			return
		}
	}
	t.Fatal("anonymous analyses were never limited")
}
