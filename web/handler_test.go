package web

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func get(t *testing.T, method, path string, hdr map[string]string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, r *http.Response) []byte {
	t.Helper()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func assetPaths(t *testing.T) []string {
	t.Helper()
	index, err := fs.ReadFile(Assets(), "index.html")
	if err != nil {
		t.Fatalf("embedded bundle has no index.html: %v", err)
	}
	m := regexp.MustCompile(`(?:src|href)="(/assets/[^"]+)"`).FindAllStringSubmatch(string(index), -1)
	if len(m) < 2 {
		t.Fatalf("index.html references %d assets, want the script and the stylesheet:\n%s", len(m), index)
	}
	var out []string
	for _, x := range m {
		out = append(out, x[1])
	}
	return out
}

func TestEntryPathsServeIndex(t *testing.T) {
	for _, p := range []string{"/", "/index.html", "/verify-email", "/oauth/callback"} {
		t.Run(p, func(t *testing.T) {
			r := get(t, http.MethodGet, p, nil)
			b := body(t, r)
			if r.StatusCode != 200 || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
				t.Fatalf("status %d type %q", r.StatusCode, r.Header.Get("Content-Type"))
			}
			if got := r.Header.Get("Cache-Control"); got != "no-cache" {
				t.Errorf("Cache-Control %q, want no-cache (index must pick up new asset names)", got)
			}
			if !bytes.Contains(b, []byte(`<div id="app">`)) {
				t.Errorf("not the app's index.html: %s", b)
			}
		})
	}
}

func TestAssetsAreImmutableAndGzipped(t *testing.T) {
	for _, p := range assetPaths(t) {
		t.Run(p, func(t *testing.T) {
			plain := get(t, http.MethodGet, p, nil)
			raw := body(t, plain)
			if plain.StatusCode != 200 || plain.Header.Get("Content-Encoding") != "" {
				t.Fatalf("plain: status %d encoding %q", plain.StatusCode, plain.Header.Get("Content-Encoding"))
			}
			if !strings.Contains(plain.Header.Get("Cache-Control"), "immutable") {
				t.Errorf("Cache-Control %q", plain.Header.Get("Cache-Control"))
			}
			wantType := map[bool]string{true: "text/javascript", false: "text/css"}[strings.HasSuffix(p, ".js")]
			if !strings.HasPrefix(plain.Header.Get("Content-Type"), wantType) {
				t.Errorf("Content-Type %q, want %s", plain.Header.Get("Content-Type"), wantType)
			}
			gz := get(t, http.MethodGet, p, map[string]string{"Accept-Encoding": "br, gzip;q=0.8"})
			if gz.Header.Get("Content-Encoding") != "gzip" {
				t.Fatalf("gzip not used: %v", gz.Header)
			}
			zr, err := gzip.NewReader(bytes.NewReader(body(t, gz)))
			if err != nil {
				t.Fatal(err)
			}
			unz, err := io.ReadAll(zr)
			if err != nil || !bytes.Equal(unz, raw) {
				t.Fatalf("gzip twin does not match the file (err %v)", err)
			}
			refused := get(t, http.MethodGet, p, map[string]string{"Accept-Encoding": "gzip;q=0"})
			if refused.Header.Get("Content-Encoding") != "" {
				t.Errorf("gzip sent although q=0")
			}
		})
	}
}

func TestRefusals(t *testing.T) {
	tests := []struct {
		name, method, path string
		status             int
		code               string
	}{
		{"unknown file", http.MethodGet, "/nope.js", 404, "not_found"},
		{"gz twin directly", http.MethodGet, "/index.html.gz", 404, "not_found"},
		{"traversal", http.MethodGet, "/assets/../../embed.go", 404, "not_found"},
		{"directory", http.MethodGet, "/assets", 404, "not_found"},
		{"post", http.MethodPost, "/", 405, "method_not_allowed"},
		{"api path is not the app", http.MethodGet, "/api/unknown", 404, "not_found"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := get(t, tc.method, tc.path, nil)
			var e struct{ Detail, Code string }
			if err := json.Unmarshal(body(t, r), &e); err != nil {
				t.Fatalf("error body is not JSON: %v", err)
			}
			if r.StatusCode != tc.status || e.Code != tc.code || e.Detail == "" {
				t.Fatalf("got %d %+v, want %d %s", r.StatusCode, e, tc.status, tc.code)
			}
		})
	}
}

func TestHeadHasNoBody(t *testing.T) {
	r := get(t, http.MethodHead, "/", nil)
	if r.StatusCode != 200 || len(body(t, r)) != 0 {
		t.Fatalf("HEAD: %d", r.StatusCode)
	}
}
