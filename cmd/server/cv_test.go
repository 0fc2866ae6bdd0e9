package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/hub/hubclient"
	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/dbtest"
)

// apiClient is a signed-in user of a running server.
type apiClient struct {
	t     *testing.T
	base  string
	token string
}

// signIn registers name@example.com, marks the address verified (the mail
// flow has its own test) and logs in through the API.
func signIn(t *testing.T, m *Main, dbURL, name string) *apiClient {
	t.Helper()
	return signInAt(t, baseURL(m), dbURL, name)
}

// userChannel is the hub channel of the signed-in user c ("user:<id>").
func userChannel(t *testing.T, c *apiClient) string {
	t.Helper()
	code, body := c.json("GET", "/api/auth/me", nil)
	var me struct{ User struct{ ID string } }
	if err := json.Unmarshal(body, &me); code != 200 || err != nil {
		t.Fatalf("me: %d %s", code, body)
	}
	return "user:" + me.User.ID
}

// signInAt is signIn against the server at base (a server process).
func signInAt(t *testing.T, base, dbURL, name string) *apiClient {
	t.Helper()
	c := &apiClient{t: t, base: base}
	email := name + "@example.com"
	if code, body := c.json("POST", "/api/auth/register", map[string]string{"name": name, "email": email, "password": "Str0ng!Passw0rd"}); code != 201 {
		t.Fatalf("register: %d %s", code, body)
	}
	conn, err := pgx.Connect(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(context.Background(), `UPDATE users SET email_verified = true WHERE email = $1`, email); err != nil {
		t.Fatal(err)
	}
	code, body := c.json("POST", "/api/auth/login", map[string]string{"email": email, "password": "Str0ng!Passw0rd"})
	if code != 200 {
		t.Fatalf("login: %d %s", code, body)
	}
	var out struct{ Token string }
	_ = json.Unmarshal(body, &out)
	c.token = out.Token
	return c
}

func (c *apiClient) do(method, path, contentType string, body io.Reader) (int, []byte, http.Header) {
	c.t.Helper()
	req, err := http.NewRequest(method, c.base+path, body)
	if err != nil {
		c.t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b, resp.Header
}

func (c *apiClient) json(method, path string, v any) (int, []byte) {
	c.t.Helper()
	b, _ := json.Marshal(v)
	code, body, _ := c.do(method, path, "application/json", bytes.NewReader(b))
	return code, body
}

// multipart sends fields and at most one file.
func (c *apiClient) multipart(path string, fields map[string]string, fileField, filename string, file []byte) (int, []byte) {
	c.t.Helper()
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
	code, body, _ := c.do("POST", path, w.FormDataContentType(), &buf)
	return code, body
}

func errCode(body []byte) string {
	var e struct{ Code string }
	_ = json.Unmarshal(body, &e)
	return e.Code
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const cvText = `Jane Doe
jane.doe@example.com | +44 20 7946 0958 | London, UK

Summary
Backend engineer with 6 years of Go and PostgreSQL.

Experience
Senior Software Engineer, Acme Ltd — Jan 2021 – Present
- Was responsible for the billing service
- Reduced p99 latency by 40% by rewriting the cache layer in Go

Education
MSc Computer Science, University of Leeds — 2014 – 2016

Skills
Go, PostgreSQL, Redis, Docker`

type analyzeResult struct {
	Status         string          `json:"status"`
	AnalysisID     string          `json:"analysis_id"`
	StructuredCV   cv.StructuredCV `json:"structured_cv"`
	GeminiAnalysis struct {
		Status   string      `json:"status"`
		Analyzer string      `json:"analyzer"`
		Analysis cv.Analysis `json:"analysis"`
	} `json:"gemini_analysis"`
}

// TestCVPipelineEndToEnd drives the CV section of the contract through the
// real server: analysis with progress watched on the hub, then apply,
// versions, LaTeX and PDF.
func TestCVPipelineEndToEnd(t *testing.T) {
	t.Parallel()
	dbURL := dbtest.New(t)
	m := startMain(t, testConfig(t, dbURL, nil))
	alice := signIn(t, m, dbURL, "alice")

	code, body := alice.multipart("/api/analyze-structured", map[string]string{"cv_text": cvText, "job_description": "Go engineer: Kubernetes, Kafka, PostgreSQL"}, "", "", nil)
	if code != 200 {
		t.Fatalf("analyze text: %d %s", code, body)
	}
	var res analyzeResult
	if err := json.Unmarshal(body, &res); err != nil {
		t.Fatal(err)
	}
	if res.Status != "success" || res.AnalysisID == "" || res.StructuredCV.Contact.Name != "Jane Doe" || res.GeminiAnalysis.Analyzer != "offline" {
		t.Fatalf("analysis result: %+v", res)
	}

	// The hub kept the progress: a late subscriber recovers it from history.
	stages := watchProgress(t, m, alice.token, res.AnalysisID)
	if want := []string{"received", "extracted", "structured", "analyzed", "done"}; strings.Join(stages, ",") != strings.Join(want, ",") {
		t.Fatalf("progress on the hub: %v, want %v", stages, want)
	}
	if code, body, _ := alice.do("GET", "/api/analyses/"+res.AnalysisID, "", nil); code != 200 || !bytes.Contains(body, []byte(`"percent":100`)) {
		t.Fatalf("poll analysis: %d %s", code, body)
	}

	// Apply a suggestion whose field path resolves; a copy read before it is
	// stale at that field; the client's own undo never is.
	var sg *cv.FieldSuggestion
	for i := range res.GeminiAnalysis.Analysis.FieldSuggestions {
		if s := res.GeminiAnalysis.Analysis.FieldSuggestions[i]; s.ImprovedValue != "" && s.ImprovedValue != s.OriginalValue {
			sg = &s
			break
		}
	}
	if sg == nil {
		t.Fatalf("no field suggestion with a rewrite in %+v", res.GeminiAnalysis.Analysis.FieldSuggestions)
	}
	apply := map[string]any{"structured_cv": res.StructuredCV, "suggestion": map[string]any{
		"suggestionId": sg.SuggestionID, "targetField": sg.TargetField, "fieldPath": sg.FieldPath,
		"improvedValue": sg.ImprovedValue, "originalValue": sg.OriginalValue}}
	code, body = alice.json("POST", "/api/apply-suggestion", apply)
	if code != 200 {
		t.Fatalf("apply: %d %s", code, body)
	}
	var applied struct {
		UpdatedCV cv.StructuredCV `json:"updated_cv"`
		Version   int             `json:"version"`
	}
	_ = json.Unmarshal(body, &applied)
	if got, _ := cv.Resolve(&applied.UpdatedCV, sg.FieldPath); got != sg.ImprovedValue || applied.Version != 2 {
		t.Fatalf("applied value %q version %d", got, applied.Version)
	}
	stale := map[string]any{"structured_cv": res.StructuredCV, "suggestion": map[string]any{
		"suggestionId": "other-tab", "targetField": sg.TargetField, "fieldPath": sg.FieldPath, "improvedValue": "Something else entirely"}}
	if code, body = alice.json("POST", "/api/apply-suggestion", stale); code != 409 || errCode(body) != "stale_value" {
		t.Fatalf("stale apply: %d %s", code, body)
	}
	undo := map[string]any{"structured_cv": applied.UpdatedCV, "suggestion": map[string]any{
		"suggestionId": sg.SuggestionID, "targetField": sg.TargetField, "fieldPath": sg.FieldPath,
		"improvedValue": sg.OriginalValue, "originalValue": sg.OriginalValue}}
	if code, body = alice.json("POST", "/api/apply-suggestion", undo); code != 200 || !bytes.Contains(body, []byte(`"version":3`)) {
		t.Fatalf("undo: %d %s", code, body)
	}
	apply["structured_cv"] = applied.UpdatedCV
	apply["suggestion"].(map[string]any)["fieldPath"] = "experience[99].bullets[0]"
	if code, _ = alice.json("POST", "/api/apply-suggestion", apply); code != 404 && code != 422 {
		t.Fatalf("unresolvable path: %d", code)
	}

	// Versions: latest is the undo; restoring version 1 makes version 4.
	code, body, _ = alice.do("GET", "/api/latest-structured-cv", "", nil)
	if code != 200 || !bytes.Contains(body, []byte(`"version":3`)) {
		t.Fatalf("latest: %d %s", code, body)
	}
	if code, body, _ = alice.do("POST", "/api/cv/versions/1/restore", "", nil); code != 200 || !bytes.Contains(body, []byte(`"version":4`)) {
		t.Fatalf("restore: %d %s", code, body)
	}
	if code, body, _ = alice.do("GET", "/api/cv/versions", "", nil); code != 200 || bytes.Count(body, []byte(`"version":`)) != 4 {
		t.Fatalf("versions: %d %s", code, body)
	}

	// LaTeX: hostile strings are printed, never run.
	hostile := res.StructuredCV
	hostile.Summary = `\input{/etc/passwd} \write18{touch /tmp/pwned} $x^2$ 100% & #1 ~ _ {}`
	code, body = alice.json("POST", "/api/get-latex-code", map[string]any{"structured_cv": hostile})
	if code != 200 || bytes.Contains(body, []byte(`\\input{/etc/passwd}`)) || bytes.Contains(body, []byte(`\\write18{`)) {
		t.Fatalf("latex code: %d %s", code, body)
	}
	if code, _ = alice.json("POST", "/api/generate-latex", map[string]any{"structured_cv": hostile}); code != 200 {
		t.Fatalf("generate-latex alias: %d", code)
	}
	b, _ := json.Marshal(map[string]any{"structured_cv": hostile})
	code, pdf, hdr := alice.do("POST", "/api/export-latex-pdf", "application/json", bytes.NewReader(b))
	if code != 200 || hdr.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatalf("pdf export: %d %s %.200s", code, hdr.Get("Content-Type"), pdf)
	}
	if code, body = alice.json("POST", "/api/export-json-resume", map[string]any{"structured_cv": res.StructuredCV}); code != 200 || !bytes.Contains(body, []byte(`"basics"`)) {
		t.Fatalf("json resume: %d %s", code, body)
	}

	// Another user sees none of it; nobody signed out sees anything.
	bob := signIn(t, m, dbURL, "bob")
	for _, path := range []string{"/api/analyses/" + res.AnalysisID, "/api/latest-structured-cv", "/api/cv/versions/1"} {
		if code, _, _ := bob.do("GET", path, "", nil); code != 404 {
			t.Errorf("bob GET %s: %d, want 404", path, code)
		}
	}
	anon := &apiClient{t: t, base: baseURL(m)}
	if code, _, _ := anon.do("GET", "/api/latest-structured-cv", "", nil); code != 401 {
		t.Errorf("anonymous: %d, want 401", code)
	}
}

// watchProgress subscribes to cv:<id> over the server's own /ws and returns
// the stages it receives (from history) up to done or failed. Every event
// must name the analysis and carry a percent and an elapsed time that never
// go back, ending at 100.
func watchProgress(t *testing.T, m *Main, token, id string) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	wsURL := "ws" + strings.TrimPrefix(baseURL(m), "http") + "/ws"
	client, err := hubclient.Dial(ctx, wsURL, hubclient.Options{Token: func(context.Context) (string, error) { return token, nil }})
	if err != nil {
		t.Fatalf("dial hub: %v", err)
	}
	defer client.Close()
	var mu sync.Mutex
	var stages, bad []string
	lastPercent, lastElapsed := -1, int64(-1)
	done := make(chan struct{})
	var once sync.Once
	_, err = client.Subscribe(ctx, "cv:"+id, hubclient.SubscribeOptions{
		Since: sinceStart(),
		OnMessage: func(msg hubclient.Message) {
			var e struct {
				Stage      string `json:"stage"`
				AnalysisID string `json:"analysis_id"`
				Percent    *int   `json:"percent"`
				ElapsedMS  *int64 `json:"elapsed_ms"`
			}
			_ = json.Unmarshal(msg.Data, &e)
			mu.Lock()
			stages = append(stages, e.Stage)
			switch {
			case e.AnalysisID != id || e.Percent == nil || e.ElapsedMS == nil:
				bad = append(bad, string(msg.Data))
			case e.Stage != "failed" && (*e.Percent <= lastPercent || *e.ElapsedMS < lastElapsed):
				bad = append(bad, string(msg.Data))
			case e.Stage == "done" && *e.Percent != 100:
				bad = append(bad, string(msg.Data))
			default:
				lastPercent, lastElapsed = *e.Percent, *e.ElapsedMS
			}
			mu.Unlock()
			if e.Stage == "done" || e.Stage == "failed" {
				once.Do(func() { close(done) })
			}
		},
	})
	if err != nil {
		t.Fatalf("subscribe: %v", err)
	}
	select {
	case <-done:
	case <-ctx.Done():
		t.Fatalf("no final stage on the hub; got %v", stages)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(bad) > 0 {
		t.Fatalf("progress events without analysis_id, or with percent/elapsed_ms missing or going back: %v", bad)
	}
	return append([]string(nil), stages...)
}

// sinceStart is a position in no epoch: the hub answers with everything its
// history still holds for the channel.
func sinceStart() *hub.StreamPosition { return &hub.StreamPosition{} }

func TestCVUploadRefusesBadFiles(t *testing.T) {
	t.Parallel()
	dbURL := dbtest.New(t)
	m := startMain(t, testConfig(t, dbURL, map[string]string{"RATE_LIMITS": "off"}))
	u := signIn(t, m, dbURL, "carol")
	pdf := readFile(t, "../../internal/cvparse/testdata/corpus/g01-latex-en-1col.pdf")
	tests := []struct {
		name   string
		file   []byte
		status int
		code   string
	}{
		{"pdf", pdf, 201, ""},
		{"docx", readFile(t, "../../internal/extract/testdata/sample.docx"), 201, ""},
		{"renamed executable", append([]byte{0x7f, 'E', 'L', 'F', 2, 1, 1}, make([]byte, 300)...), 415, "executable"},
		{"encrypted pdf", readFile(t, "../../internal/extract/testdata/encrypted.pdf"), 422, "encrypted_pdf"},
		{"empty", []byte{}, 422, "empty_file"},
		{"truncated pdf", pdf[:len(pdf)/3], 422, ""},
		{"gif", append([]byte("GIF89a"), make([]byte, 100)...), 415, "unsupported_type"},
		{"damaged png", append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 100)...), 422, "malformed_file"},
		{"over 10 MB", append([]byte("%PDF-1.7\n"), make([]byte, 10<<20)...), 413, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, body := u.multipart("/api/upload-cv", nil, "cv", "../../etc/passwd.pdf", tc.file)
			if code != tc.status || (tc.code != "" && errCode(body) != tc.code) {
				t.Fatalf("status %d body %s, want %d %s", code, body, tc.status, tc.code)
			}
			if code == 201 && (!bytes.Contains(body, []byte(`"path":"cv_files/`)) || !bytes.Contains(body, []byte(`"filename":"passwd.pdf"`))) {
				t.Fatalf("upload answer: %s", body)
			}
		})
	}
	if code, body := u.multipart("/api/upload-cv", nil, "cv", "cv\x00.pdf", pdf); code != 400 || errCode(body) != "malformed_multipart" {
		t.Fatalf("NUL in file name: %d %s", code, body)
	}
	if code, body := u.multipart("/api/upload-cv", map[string]string{"other": "x"}, "", "", nil); code != 422 || errCode(body) != "file_missing" {
		t.Fatalf("no file: %d %s", code, body)
	}
	if code, body := u.json("POST", "/api/upload-cv", map[string]string{"cv": "x"}); code != 415 {
		t.Fatalf("json to upload: %d %s", code, body)
	}
	if code, body := u.multipart("/api/analyze-structured", map[string]string{"job_description": "x"}, "", "", nil); code != 422 || errCode(body) != "cv_missing" {
		t.Fatalf("analyze without cv: %d %s", code, body)
	}
}

func TestConcurrentUploadsAndAnalyses(t *testing.T) {
	t.Parallel()
	dbURL := dbtest.New(t)
	m := startMain(t, testConfig(t, dbURL, map[string]string{"RATE_LIMITS": "off"}))
	u := signIn(t, m, dbURL, "dave")
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			text := strings.Replace(cvText, "Jane Doe", fmt.Sprintf("Jane Doe %c", 'A'+i), 1)
			code, body := u.multipart("/api/analyze-structured", map[string]string{"cv_text": text}, "", "", nil)
			if code != 200 {
				errs <- fmt.Sprintf("analysis %d: %d %s", i, code, body)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	code, body, _ := u.do("GET", "/api/cv/versions", "", nil)
	if code != 200 || bytes.Count(body, []byte(`"version":`)) != 8 {
		t.Fatalf("8 concurrent analyses made versions: %d %s", code, body)
	}
}
