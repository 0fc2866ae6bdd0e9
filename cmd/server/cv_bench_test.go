package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/utopiahire/utopiahire/internal/cvjob"
	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/internal/extract/extracttest"
)

// multipartBody is a multipart form with fields and one file part.
func multipartBody(b *testing.B, fields map[string]string, fileField, filename string, file []byte) ([]byte, string) {
	b.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	if fileField != "" {
		fw, err := w.CreateFormFile(fileField, filename)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = fw.Write(file)
	}
	_ = w.Close()
	return buf.Bytes(), w.FormDataContentType()
}

func postBody(c *http.Client, url, token, contentType string, body []byte) (int, []byte, error) {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := c.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, out, nil
}

// BenchmarkAnalyzePDFOffline is the issue's "offline analysis of a 2-page
// PDF end to end through the API": POST /api/analyze-structured with the
// 2-page PDF (internal/cvparse/testdata/bench-2page.pdf) and a job
// description, no Gemini key, one request at a time. Each request uploads,
// enqueues the River job, extracts (poppler), structures, analyzes, stores
// the version and answers. Reports p50 and p95.
func BenchmarkAnalyzePDFOffline(b *testing.B) {
	benchAnalyzeOffline(b, "../../internal/cvparse/testdata/bench-2page.pdf")
}

// BenchmarkAnalyzeScanOffline is the issue's "1-page scan to structured
// result" through the API: the same request with a one-page image-only PDF
// (g57-scan-en-1col.pdf of the parser corpus), read by OCR each time (every
// request uploads the file anew).
func BenchmarkAnalyzeScanOffline(b *testing.B) {
	benchAnalyzeOffline(b, "../../internal/cvparse/testdata/corpus/g57-scan-en-1col.pdf")
}

func benchAnalyzeOffline(b *testing.B, path string) {
	m, dbURL := benchServer(b, nil)
	token := benchUser(b, m, dbURL, "analyze@example.com")
	pdf, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	body, ct := multipartBody(b, map[string]string{"job_description": "Backend engineer: Go, PostgreSQL, Kubernetes, Kafka, AWS; 5+ years."}, "cv_file", "cv.pdf", pdf)
	c := benchHTTP(b)
	url := baseURL(m) + "/api/analyze-structured"
	if code, out, err := postBody(c, url, token, ct, body); err != nil || code != 200 || !bytes.Contains(out, []byte(`"analyzer":"offline"`)) {
		b.Fatalf("warm-up analysis: %d %v %.300s", code, err, out)
	}
	lat := make([]time.Duration, 0, b.N)
	ids := make([]string, 0, b.N)
	b.ResetTimer()
	for range b.N {
		t0 := time.Now()
		code, out, err := postBody(c, url, token, ct, body)
		lat = append(lat, time.Since(t0))
		if err != nil || code != 200 {
			b.Fatalf("analysis: %d %v %.300s", code, err, out)
		}
		var r struct {
			AnalysisID string `json:"analysis_id"`
		}
		_ = json.Unmarshal(out, &r)
		ids = append(ids, r.AnalysisID)
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(ms(lat[len(lat)/2]), "p50_ms")
	b.ReportMetric(ms(lat[len(lat)*95/100]), "p95_ms")
	// The job's own stage timings (stored with each analysis): what the
	// end-to-end time spends in the pipeline rather than in HTTP, storage
	// and the queue.
	stages := map[string][]float64{}
	for _, id := range ids {
		req, _ := http.NewRequest("GET", baseURL(m)+"/api/analyses/"+id, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := c.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		var st struct {
			Timings map[string]float64 `json:"timings"`
		}
		_ = json.NewDecoder(resp.Body).Decode(&st)
		resp.Body.Close()
		for k, v := range st.Timings {
			stages[k] = append(stages[k], v)
		}
	}
	for _, k := range []string{"extracted_ms", "structured_ms", "analyzed_ms", "total_ms"} {
		v := stages[k]
		if len(v) == 0 {
			b.Fatalf("no %s timings", k)
		}
		slices.Sort(v)
		b.ReportMetric(v[len(v)/2], "job_"+strings.TrimSuffix(k, "_ms")+"_p50_ms")
	}
	// Queue pickup: from the enqueue (in the upload's transaction) to the
	// worker starting, as River records it.
	conn, err := pgx.Connect(context.Background(), dbURL)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close(context.Background())
	var pickup50, pickup95 float64
	if err := conn.QueryRow(context.Background(), `SELECT
		percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM attempted_at - created_at) * 1000),
		percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM attempted_at - created_at) * 1000)
		FROM river_job WHERE kind = $1`, cvjob.Args{}.Kind()).Scan(&pickup50, &pickup95); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(pickup50, "queue_pickup_p50_ms")
	b.ReportMetric(pickup95, "queue_pickup_p95_ms")
}

// bigPDF is the 2-page CV PDF grown to just under the 10 MB upload limit
// with an embedded file of random bytes (qpdf --add-attachment), so it is a
// well-formed PDF that extraction accepts and that does not compress.
func bigPDF(b *testing.B, limit int) []byte {
	b.Helper()
	if _, err := exec.LookPath("qpdf"); err != nil {
		b.Skip("qpdf is not installed (scripts/deps.sh)")
	}
	dir := b.TempDir()
	base := "../../internal/cvparse/testdata/bench-2page.pdf"
	st, err := os.Stat(base)
	if err != nil {
		b.Fatal(err)
	}
	pad := make([]byte, limit-int(st.Size())-(96<<10))
	_, _ = rand.Read(pad)
	if err := os.WriteFile(filepath.Join(dir, "pad.bin"), pad, 0o600); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(dir, "big.pdf")
	if msg, err := exec.Command("qpdf", base, "--add-attachment", filepath.Join(dir, "pad.bin"), "--", out).CombinedOutput(); err != nil {
		b.Fatalf("qpdf: %v %s", err, msg)
	}
	pdf, err := os.ReadFile(out)
	if err != nil {
		b.Fatal(err)
	}
	if len(pdf) > limit-(32<<10) || len(pdf) < limit-(256<<10) {
		b.Fatalf("big PDF is %d bytes, want just under %d", len(pdf), limit)
	}
	return pdf
}

// serverProcess is cmd/server built and run as its own process, so its
// memory can be read from /proc without the benchmark's own.
type serverProcess struct {
	cmd  *exec.Cmd
	base string
	log  string
}

// logTail is the server's warnings and errors, for failure messages.
func (p *serverProcess) logTail() string {
	b, _ := os.ReadFile(p.log)
	var keep []string
	for _, line := range strings.Split(string(b), "\n") {
		if strings.Contains(line, "level=ERROR") || strings.Contains(line, "level=WARN") {
			keep = append(keep, line)
		}
	}
	out := strings.Join(keep, "\n")
	if len(out) > 4000 {
		out = out[len(out)-4000:]
	}
	return out
}

func startServerProcess(b *testing.B, env map[string]string) *serverProcess {
	b.Helper()
	dir := b.TempDir()
	bin := filepath.Join(dir, "server")
	if msg, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v %s", err, msg)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	_ = ln.Close()
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "PORT="+strconv.Itoa(port), "DATA_DIR="+dir, "APP_ENV=test", "LOG_LEVEL=info")
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	logf, err := os.Create(filepath.Join(dir, "server.log"))
	if err != nil {
		b.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	p := &serverProcess{cmd: cmd, base: fmt.Sprintf("http://127.0.0.1:%d", port), log: filepath.Join(dir, "server.log")}
	b.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
		_ = logf.Close()
	})
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(p.base + "/ready")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return p
			}
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(filepath.Join(dir, "server.log"))
			b.Fatalf("server did not become ready: %v\n%s", err, log)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// memory returns the process's current and peak resident set (VmRSS,
// VmHWM) in MB.
func (p *serverProcess) memory(b *testing.B) (rss, peak float64) {
	b.Helper()
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", p.cmd.Process.Pid))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), ":")
		kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
		switch k {
		case "VmRSS":
			rss = kb / 1024
		case "VmHWM":
			peak = kb / 1024
		}
	}
	return rss, peak
}

// BenchmarkConcurrentUploads10MB sends 20 uploads of a 10 MB PDF at once
// (each op is one such burst) to cmd/server running as its own process,
// and reports the server's peak resident memory (VmHWM) against its
// resident memory before the first burst. External tools (pdfinfo,
// pdftotext) run in child processes under their own prlimit and are not
// counted.
func BenchmarkConcurrentUploads10MB(b *testing.B) {
	dbURL := dbtest.New(b)
	pdf := bigPDF(b, 10<<20)
	env := map[string]string{"DATABASE_URL": dbURL, "RATE_LIMITS": "off", "BCRYPT_COST": "4"}
	if v := os.Getenv("BENCH_GOMEMLIMIT"); v != "" {
		env["GOMEMLIMIT"] = v
	}
	p := startServerProcess(b, env)
	token := benchUserAt(b, p.base, dbURL, "uploads@example.com")
	body, ct := multipartBody(b, nil, "cv", "big.pdf", pdf)
	c := benchHTTP(b)
	before, _ := p.memory(b)
	const concurrent = 20
	var burst []time.Duration
	b.ResetTimer()
	for range b.N {
		var wg sync.WaitGroup
		errs := make(chan string, concurrent)
		t0 := time.Now()
		for range concurrent {
			wg.Go(func() {
				code, out, err := postBody(c, p.base+"/api/upload-cv", token, ct, body)
				if err != nil || code != 201 {
					errs <- fmt.Sprintf("upload: %d %v %.300s", code, err, out)
				}
			})
		}
		wg.Wait()
		burst = append(burst, time.Since(t0))
		close(errs)
		for e := range errs {
			b.Fatalf("%s\nserver log:\n%s", e, p.logTail())
		}
	}
	b.StopTimer()
	_, peak := p.memory(b)
	slices.Sort(burst)
	b.ReportMetric(before, "rss_before_MB")
	b.ReportMetric(peak, "peak_rss_MB")
	b.ReportMetric(ms(burst[len(burst)/2]), "burst_p50_ms")
	b.ReportMetric(float64(len(pdf))/(1<<20), "file_MB")
}

// benchUserAt is benchUser against a server at base.
func benchUserAt(b *testing.B, base, dbURL, email string) string {
	b.Helper()
	c := benchHTTP(b)
	post := func(path string, body any) (int, []byte) {
		raw, _ := json.Marshal(body)
		resp, err := c.Post(base+path, "application/json", bytes.NewReader(raw))
		if err != nil {
			b.Fatal(err)
		}
		defer resp.Body.Close()
		out, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, out
	}
	if code, body := post("/api/auth/register", map[string]string{"name": "Bench User", "email": email, "password": benchPassword}); code != 201 {
		b.Fatalf("register: %d %s", code, body)
	}
	conn, err := pgx.Connect(context.Background(), dbURL)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(context.Background(), `UPDATE users SET email_verified = true WHERE email = $1`, email); err != nil {
		b.Fatal(err)
	}
	code, body := post("/api/auth/login", map[string]string{"email": email, "password": benchPassword})
	if code != 200 {
		b.Fatalf("login: %d %s", code, body)
	}
	var out struct{ Token string }
	_ = json.Unmarshal(body, &out)
	return out.Token
}

// BenchmarkAnalyzePDFAnonymousVsSignedIn compares, in one run, the
// existing frontend's anonymous analysis (pipeline in the request, nothing
// stored) with a signed-in one (stored upload, River job, progress, version)
// for the same 2-page PDF and job description, alternating the two one
// request at a time. Reports each p50 and p95 and the ratio of the p50s.
func BenchmarkAnalyzePDFAnonymousVsSignedIn(b *testing.B) {
	m, dbURL := benchServer(b, map[string]string{"RATE_LIMITS": "off"})
	token := benchUser(b, m, dbURL, "anon-vs-user@example.com")
	pdf, err := os.ReadFile("../../internal/cvparse/testdata/bench-2page.pdf")
	if err != nil {
		b.Fatal(err)
	}
	body, ct := multipartBody(b, map[string]string{"job_description": "Backend engineer: Go, PostgreSQL, Kubernetes, Kafka, AWS; 5+ years."}, "cv_file", "cv.pdf", pdf)
	c := benchHTTP(b)
	url := baseURL(m) + "/api/analyze-structured"
	for _, tok := range []string{token, ""} {
		if code, out, err := postBody(c, url, tok, ct, body); err != nil || code != 200 {
			b.Fatalf("warm-up analysis: %d %v %.300s", code, err, out)
		}
	}
	var anon, user []time.Duration
	b.ResetTimer()
	for range b.N {
		for _, tok := range []string{token, ""} {
			t0 := time.Now()
			code, out, err := postBody(c, url, tok, ct, body)
			d := time.Since(t0)
			if err != nil || code != 200 {
				b.Fatalf("analysis (token %v): %d %v %.300s", tok != "", code, err, out)
			}
			if tok == "" {
				anon = append(anon, d)
			} else {
				user = append(user, d)
			}
		}
	}
	b.StopTimer()
	slices.Sort(anon)
	slices.Sort(user)
	b.ReportMetric(ms(anon[len(anon)/2]), "anon_p50_ms")
	b.ReportMetric(ms(anon[len(anon)*95/100]), "anon_p95_ms")
	b.ReportMetric(ms(user[len(user)/2]), "user_p50_ms")
	b.ReportMetric(ms(user[len(user)*95/100]), "user_p95_ms")
	b.ReportMetric(float64(anon[len(anon)/2])/float64(user[len(user)/2]), "anon/user_p50")
}

// BenchmarkConcurrentZipBombUploads sends 20 hostile uploads at once (each
// op is one burst): DOCX and ODT files of ~100 KB whose document XML
// inflates to 95 MB (issue 14's case). Every one must be refused with a
// 4xx and nothing stored; it reports the server's peak resident memory.
func BenchmarkConcurrentZipBombUploads(b *testing.B) {
	dbURL := dbtest.New(b)
	env := map[string]string{"DATABASE_URL": dbURL, "RATE_LIMITS": "off", "BCRYPT_COST": "4"}
	p := startServerProcess(b, env)
	token := benchUserAt(b, p.base, dbURL, "bombs@example.com")
	type upload struct {
		body []byte
		ct   string
	}
	var files []upload
	for i, f := range [][]byte{extracttest.HostileDOCX(b, false, 95), extracttest.HostileODT(b, false, 95)} {
		body, ct := multipartBody(b, nil, "cv", []string{"cv.docx", "cv.odt"}[i], f)
		files = append(files, upload{body, ct})
	}
	c := benchHTTP(b)
	before, _ := p.memory(b)
	const concurrent = 20
	var burst []time.Duration
	b.ResetTimer()
	for range b.N {
		var wg sync.WaitGroup
		errs := make(chan string, concurrent)
		t0 := time.Now()
		for i := range concurrent {
			wg.Go(func() {
				u := files[i%2]
				code, out, err := postBody(c, p.base+"/api/upload-cv", token, u.ct, u.body)
				if err != nil || code < 400 || code >= 500 || !bytes.Contains(out, []byte(`"decompression_bomb"`)) {
					errs <- fmt.Sprintf("upload: %d %v %.300s", code, err, out)
				}
			})
		}
		wg.Wait()
		burst = append(burst, time.Since(t0))
		close(errs)
		for e := range errs {
			b.Fatalf("%s\nserver log:\n%s", e, p.logTail())
		}
	}
	b.StopTimer()
	_, peak := p.memory(b)
	conn, err := pgx.Connect(context.Background(), dbURL)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close(context.Background())
	var stored int
	if err := conn.QueryRow(context.Background(), `SELECT count(*) FROM cv_files`).Scan(&stored); err != nil {
		b.Fatal(err)
	}
	if stored != 0 {
		b.Fatalf("%d hostile files stored", stored)
	}
	slices.Sort(burst)
	b.ReportMetric(before, "rss_before_MB")
	b.ReportMetric(peak, "peak_rss_MB")
	b.ReportMetric(ms(burst[len(burst)/2]), "burst_p50_ms")
	b.ReportMetric(float64(len(files[0].body))/1024, "upload_KB")
}
