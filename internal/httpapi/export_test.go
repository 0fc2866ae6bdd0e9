package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/utopiahire/utopiahire/internal/audit"
	"github.com/utopiahire/utopiahire/internal/auth"
	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/internal/store"
)

// exportEnv serves the API with the CV export section (the real store
// reader) and any extra sections.
func exportEnv(t *testing.T, logger *slog.Logger, extra ...auth.Exporter) (url string, pool *pgxpool.Pool, svc *auth.Service) {
	t.Helper()
	pool = dbtest.NewPool(t)
	ex := store.NewExport(pool)
	svc = newTestAccounts(t, pool, append([]auth.Exporter{auth.SectionWriterFunc{Section: "cvs", Func: ex.WriteCVs}}, extra...)...)
	api, err := New(Deps{Logger: logger, CORSOrigins: []string{"http://app.test"}, Accounts: svc})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.Handler())
	t.Cleanup(srv.Close)
	return srv.URL, pool, svc
}

func getExport(t *testing.T, url, token string) *http.Response {
	t.Helper()
	req, err := http.NewRequest("GET", url+"/api/auth/export", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = resp.Body.Close() })
	return resp
}

// topLevelKeys reads a JSON object token by token (never holding it whole)
// and returns its member names in order and the bytes read.
func topLevelKeys(t *testing.T, r io.Reader) ([]string, int64) {
	t.Helper()
	cr := &countingReader{r: r}
	dec := json.NewDecoder(cr)
	var keys []string
	depth, expectKey := 0, false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("export is not a whole JSON document after %d bytes: %v", cr.n, err)
		}
		d, isDelim := tok.(json.Delim)
		switch {
		case isDelim && (d == '{' || d == '['):
			depth++
			expectKey = depth == 1
		case isDelim:
			depth--
			expectKey = depth == 1
		case depth == 1 && expectKey:
			keys = append(keys, tok.(string))
			expectKey = false
		case depth == 1:
			expectKey = true
		}
	}
	if depth != 0 {
		t.Fatalf("export ended at depth %d", depth)
	}
	return keys, cr.n
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func TestExportIsStreamedWithEverySection(t *testing.T) {
	t.Parallel()
	url, pool, svc := exportEnv(t, slog.New(slog.DiscardHandler), auth.ExporterFunc{Section: "extra", Func: func(context.Context, string) (any, error) {
		return map[string]int{"n": 1}, nil
	}})
	s := signUp(t, svc, pool, "Streamer", "streamer@example.com")
	resp := getExport(t, url, s.AccessToken)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" || !strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("export: %d %v", resp.StatusCode, resp.Header)
	}
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("export is not JSON: %v\n%s", err, raw)
	}
	keys, _ := topLevelKeys(t, bytes.NewReader(raw))
	want := []string{"exported_at", "user", "oauth_identities", "sessions", "audit", "cvs", "extra"}
	if diff := cmp.Diff(want, keys); diff != "" {
		t.Fatalf("export sections (-want +got):\n%s", diff)
	}
	var cvs map[string][]any
	if err := json.Unmarshal(doc["cvs"], &cvs); err != nil || cvs["files"] == nil || cvs["analyses"] == nil || cvs["versions"] == nil {
		t.Fatalf("cvs section: %v %s", err, doc["cvs"])
	}
	if string(doc["extra"]) != `{"n":1}` {
		t.Fatalf("extra section: %s", doc["extra"])
	}
	var n int
	if err := pool.QueryRow(context.Background(), `SELECT count(*) FROM audit_log WHERE event = 'export'`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("%d export audit entries (%v), want 1", n, err)
	}
}

// TestExportOfALargeAccountIsNotHeldInMemory exports ~30 MB of CV versions
// and samples the heap while the response is read (as a stream): building
// the document in memory holds it at least once (in fact several times:
// the database row, the map, the encoded body), streaming holds a row.
// Not parallel, so other tests' allocations do not count.
func TestExportOfALargeAccountIsNotHeldInMemory(t *testing.T) {
	url, pool, svc := exportEnv(t, slog.New(slog.DiscardHandler))
	s := signUp(t, svc, pool, "Big", "big@example.com")
	const versions, each = 300, 100 << 10
	if _, err := pool.Exec(context.Background(), `
		INSERT INTO cv_versions (user_id, version, source, structured_cv)
		SELECT u.id, g, 'suggestion', jsonb_build_object('summary', repeat(md5(g::text), $2 / 32))
		FROM users u, generate_series(1, $1) g WHERE u.email = 'big@example.com'`, versions, each); err != nil {
		t.Fatal(err)
	}
	docSize := int64(versions * each)

	// A low GC target so that garbage (rows already sent) is collected
	// promptly and the samples show what is held, not what was dropped.
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var (
		mu   sync.Mutex
		peak uint64
	)
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			mu.Lock()
			peak = max(peak, m.HeapInuse)
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	resp := getExport(t, url, s.AccessToken)
	if resp.StatusCode != 200 {
		t.Fatalf("export: %d", resp.StatusCode)
	}
	keys, n := topLevelKeys(t, resp.Body)
	close(stop)
	<-sampled
	if n < docSize || len(keys) != 6 || keys[5] != "cvs" {
		t.Fatalf("export of %d bytes with sections %v, want > %d bytes ending with cvs", n, keys, docSize)
	}
	growth := int64(peak) - int64(base.HeapInuse)
	t.Logf("document %d bytes, heap in use grew by at most %d bytes", n, growth)
	if growth > n/2 {
		t.Fatalf("heap grew by %d bytes serving a %d-byte export: it is held in memory", growth, n)
	}
}

// TestExportFailingMidStreamIsBroken: a section failing after the first
// bytes are sent aborts the response (the client gets a read error, not a
// short document that ends normally); failing before any byte is sent gives
// the ordinary JSON error. Either way the failure is logged once and no
// export is recorded.
func TestExportFailingMidStreamIsBroken(t *testing.T) {
	t.Parallel()
	broken := auth.ExporterFunc{Section: "broken", Func: func(context.Context, string) (any, error) {
		return nil, errors.New("disk on fire")
	}}
	// More than the writer's buffer, so bytes reach the client first.
	filler := auth.SectionWriterFunc{Section: "filler", Func: func(_ context.Context, _ string, w io.Writer) error {
		_, err := io.WriteString(w, `"`+strings.Repeat("x", 1<<20)+`"`)
		return err
	}}
	for _, tc := range []struct {
		name      string
		sections  []auth.Exporter
		wantFirst bool
	}{
		{"after the first byte", []auth.Exporter{filler, broken}, true},
		{"before the first byte", []auth.Exporter{broken}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var logs lockedBuffer
			url, pool, svc := exportEnv(t, slog.New(slog.NewTextHandler(&logs, nil)), tc.sections...)
			s := signUp(t, svc, pool, "Unlucky", "unlucky@example.com")
			resp := getExport(t, url, s.AccessToken)
			raw, err := io.ReadAll(resp.Body)
			if tc.wantFirst {
				if resp.StatusCode != 200 || err == nil || json.Valid(raw) {
					t.Fatalf("a failed export ended like a whole one: %d, read error %v, %d bytes", resp.StatusCode, err, len(raw))
				}
			} else {
				var body errorBody
				if resp.StatusCode != 500 || err != nil || json.Unmarshal(raw, &body) != nil || body.Code != "internal" || resp.Header.Get("Content-Disposition") != "" {
					t.Fatalf("failure before the first byte: %d %v %s %v", resp.StatusCode, err, raw, resp.Header)
				}
			}
			deadline := time.Now().Add(5 * time.Second)
			for !strings.Contains(logs.String(), "export failed mid-stream") && time.Now().Before(deadline) {
				time.Sleep(10 * time.Millisecond)
			}
			time.Sleep(50 * time.Millisecond)
			if got := strings.Count(logs.String(), "level=ERROR"); got != 1 || !strings.Contains(logs.String(), "disk on fire") {
				t.Fatalf("failure logged %d times at ERROR, want once:\n%s", got, logs.String())
			}
			var n int
			if err := pool.QueryRow(context.Background(), `SELECT count(*) FROM audit_log WHERE event = 'export'`).Scan(&n); err != nil || n != 0 {
				t.Fatalf("%d export audit entries for a failed export (%v), want 0", n, err)
			}
		})
	}
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// postExport posts the web app's download form.
func postExport(t *testing.T, url, contentType, body, origin string, header ...string) *http.Response {
	t.Helper()
	req, err := http.NewRequest("POST", url+"/api/auth/export", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = resp.Body.Close() })
	return resp
}

// The web app's "download my data" posts a form with the access token in
// the body (never the URL, no cookie) and gets the same streamed document
// as an attachment; bad tokens, other media types, large bodies and other
// sites' pages are refused.
func TestExportFormDownloadsTheSameDocument(t *testing.T) {
	t.Parallel()
	url, pool, svc := exportEnv(t, slog.New(slog.DiscardHandler))
	s := signUp(t, svc, pool, "Former", "former@example.com")
	const form = "application/x-www-form-urlencoded"
	body := "access_token=" + s.AccessToken

	resp := postExport(t, url, form, body, "http://app.test")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" ||
		resp.Header.Get("Content-Disposition") != `attachment; filename="utopiahire-export.json"` || resp.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("form export: %d %v", resp.StatusCode, resp.Header)
	}
	keys, _ := topLevelKeys(t, resp.Body)
	if diff := cmp.Diff([]string{"exported_at", "user", "oauth_identities", "sessions", "audit", "cvs"}, keys); diff != "" {
		t.Fatalf("form export sections (-want +got):\n%s", diff)
	}
	// The page's own origin (no CORS origin configured for it) is fine too,
	// and so is Origin "null" (our pages' no-referrer policy) from the same
	// origin.
	if resp := postExport(t, url, form, body, url); resp.StatusCode != 200 {
		t.Fatalf("same-origin form export: %d", resp.StatusCode)
	}
	if resp := postExport(t, url, form, body, "null", "Sec-Fetch-Site", "same-origin"); resp.StatusCode != 200 {
		t.Fatalf("same-origin form export with Origin null: %d", resp.StatusCode)
	}
	if resp := postExport(t, url, form, body, "null", "Sec-Fetch-Site", "cross-site"); resp.StatusCode != 403 {
		t.Fatalf("cross-site form export with Origin null: %d, want 403", resp.StatusCode)
	}

	for _, tc := range []struct {
		name, ct, body, origin string
		status                 int
		code                   string
	}{
		{"no token", form, "", "", 401, ""},
		{"bad token", form, "access_token=not.a.jwt", "", 401, ""},
		{"refresh token as access token", form, "access_token=" + s.RefreshToken, "", 401, ""},
		{"JSON body", "application/json", `{"access_token":"` + s.AccessToken + `"}`, "", 415, "unsupported_media_type"},
		{"multipart", "multipart/form-data; boundary=x", "--x--", "", 415, "unsupported_media_type"},
		{"large body", form, body + "&pad=" + strings.Repeat("a", 5000), "", 413, "body_too_large"},
		{"another site's page", form, body, "https://evil.example", 403, "forbidden_origin"},
	} {
		resp := postExport(t, url, tc.ct, tc.body, tc.origin)
		raw, _ := io.ReadAll(resp.Body)
		var e struct{ Code string }
		_ = json.Unmarshal(raw, &e)
		if resp.StatusCode != tc.status || (tc.code != "" && e.Code != tc.code) || strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
			t.Errorf("%s: %d %s %v, want %d %s", tc.name, resp.StatusCode, raw, resp.Header.Get("Content-Disposition"), tc.status, tc.code)
		}
	}
	// The token is refused after logout-all, like a bearer token.
	if err := svc.LogoutAll(context.Background(), mustPrincipal(t, svc, s.AccessToken), audit.Meta{}); err != nil {
		t.Fatal(err)
	}
	if resp := postExport(t, url, form, body, ""); resp.StatusCode != 401 {
		t.Fatalf("form export after logout-all: %d", resp.StatusCode)
	}
}

func mustPrincipal(t *testing.T, svc *auth.Service, token string) auth.Principal {
	t.Helper()
	p, err := svc.Authenticate(context.Background(), token)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
