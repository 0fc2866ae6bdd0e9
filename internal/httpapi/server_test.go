package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/gofiber/fiber/v2"
	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/ratelimit"
)

type echoRequest struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// newTestServer builds the API with a few extra routes that exercise the
// shared decoding, validation and panic paths, behind the real front.
func newTestServer(t *testing.T, d Deps) (*Server, *httptest.Server) {
	t.Helper()
	if d.Logger == nil {
		d.Logger = slog.New(slog.DiscardHandler)
	}
	if d.CORSOrigins == nil {
		d.CORSOrigins = []string{"http://localhost:3000"}
	}
	s, err := New(d)
	if err != nil {
		t.Fatal(err)
	}
	lim := ratelimit.PerMinute(3)
	s.handle(fiber.MethodPost, "/test/echo", Op{Request: echoRequest{}, Response: echoRequest{}}, func(c *fiber.Ctx) error {
		var req echoRequest
		if err := decodeJSON(c, &req); err != nil {
			return err
		}
		fe := fieldErrors{}
		if req.Name == "" {
			fe.add("name", "is required")
		}
		if req.Count < 0 {
			fe.add("count", "must not be negative")
		}
		if err := fe.err(); err != nil {
			return err
		}
		return c.JSON(req)
	})
	s.handle(fiber.MethodPost, "/test/upload", Op{Multipart: []string{"file"}, Unlimited: true}, func(c *fiber.Ctx) error {
		if err := requireMediaType(c, fiber.MIMEMultipartForm); err != nil {
			return err
		}
		fh, err := c.FormFile("file")
		if err != nil {
			return err
		}
		return c.JSON(fiber.Map{"size": fh.Size})
	})
	s.handle(fiber.MethodGet, "/test/panic", Op{}, func(c *fiber.Ctx) error { panic("boom") })
	s.handle(fiber.MethodGet, "/test/limited", Op{Limit: &lim}, func(c *fiber.Ctx) error { return c.SendString("ok") })
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	return s, srv
}

func do(t *testing.T, req *http.Request) (*http.Response, map[string]any) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var body map[string]any
	_ = json.Unmarshal(b, &body)
	return resp, body
}

func newReq(t *testing.T, method, url, contentType string, body io.Reader) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	return req
}

func TestErrorsAreJSONWithStatusAndCode(t *testing.T) {
	t.Parallel()
	_, srv := newTestServer(t, Deps{})
	big := strings.Repeat("a", MaxJSONBody+10)
	tests := []struct {
		name        string
		method      string
		path        string
		contentType string
		body        string
		status      int
		code        string
	}{
		{"unknown route", "GET", "/no/such/route", "", "", 404, "not_found"},
		{"wrong method", "DELETE", "/health", "", "", 405, "method_not_allowed"},
		{"malformed json", "POST", "/test/echo", "application/json", `{"name": "a",`, 400, "malformed_json"},
		{"syntax error", "POST", "/test/echo", "application/json", `{name: a}`, 400, "malformed_json"},
		{"not an object", "POST", "/test/echo", "application/json", `[1,2]`, 400, "malformed_json"},
		{"trailing data", "POST", "/test/echo", "application/json", `{"name":"a"} {}`, 400, "malformed_json"},
		{"empty body", "POST", "/test/echo", "application/json", ``, 400, "empty_body"},
		{"wrong content type", "POST", "/test/echo", "text/plain", `{"name":"a"}`, 415, "unsupported_media_type"},
		{"no content type", "POST", "/test/echo", "", `{"name":"a"}`, 415, "unsupported_media_type"},
		{"json to multipart route", "POST", "/test/upload", "application/json", `{}`, 415, "unsupported_media_type"},
		{"wrong field type", "POST", "/test/echo", "application/json", `{"name":"a","count":"x"}`, 422, "invalid_field_type"},
		{"validation", "POST", "/test/echo", "application/json", `{"count":-1}`, 422, "validation_failed"},
		{"oversized json", "POST", "/test/echo", "application/json", `{"name":"` + big + `"}`, 413, "body_too_large"},
		{"hostile unicode", "POST", "/test/echo", "application/json", "{\"name\":\"\\ud800\u202e<script>\"}", 200, ""},
		{"panic", "GET", "/test/panic", "", "", 500, "internal"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var body io.Reader
			if tc.body != "" {
				body = strings.NewReader(tc.body)
			}
			resp, got := do(t, newReq(t, tc.method, srv.URL+tc.path, tc.contentType, body))
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d (body %v)", resp.StatusCode, tc.status, got)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Fatalf("content type %q, want JSON", ct)
			}
			if tc.code == "" {
				return
			}
			if got["code"] != tc.code {
				t.Fatalf("code %v, want %s (body %v)", got["code"], tc.code, got)
			}
			if d, _ := got["detail"].(string); d == "" {
				t.Fatalf("no detail in %v", got)
			}
			if tc.status == 500 && strings.Contains(got["detail"].(string), "boom") {
				t.Fatalf("panic value leaked to the client: %v", got)
			}
		})
	}
}

func TestValidationNamesEachField(t *testing.T) {
	t.Parallel()
	_, srv := newTestServer(t, Deps{})
	_, got := do(t, newReq(t, "POST", srv.URL+"/test/echo", "application/json", strings.NewReader(`{"count":-1}`)))
	want := map[string]any{"name": "is required", "count": "must not be negative"}
	details, _ := got["details"].(map[string]any)
	if diff := cmp.Diff(want, details["fields"]); diff != "" {
		t.Fatalf("fields (-want +got):\n%s", diff)
	}
}

// chunkedReader hides its length so the request is sent chunked and the
// limit must be enforced while reading, not from Content-Length.
type chunkedReader struct{ r io.Reader }

func (c chunkedReader) Read(p []byte) (int, error) { return c.r.Read(p) }

func TestBodyLimits(t *testing.T) {
	t.Parallel()
	_, srv := newTestServer(t, Deps{})
	upload := func(size int, chunked bool) (*http.Response, map[string]any) {
		var buf bytes.Buffer
		buf.WriteString("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
		buf.Write(bytes.Repeat([]byte{'x'}, size))
		buf.WriteString("\r\n--B--\r\n")
		var body io.Reader = &buf
		if chunked {
			body = chunkedReader{&buf}
		}
		return do(t, newReq(t, "POST", srv.URL+"/test/upload", "multipart/form-data; boundary=B", body))
	}
	if resp, got := upload(10<<20, false); resp.StatusCode != 200 || got["size"] != float64(10<<20) {
		t.Fatalf("10 MB upload: %d %v", resp.StatusCode, got)
	}
	for _, chunked := range []bool{false, true} {
		resp, got := upload(11<<20, chunked)
		if resp.StatusCode != 413 || got["code"] != "body_too_large" {
			t.Fatalf("11 MB upload (chunked=%v): %d %v", chunked, resp.StatusCode, got)
		}
	}
	resp, got := do(t, newReq(t, "POST", srv.URL+"/test/echo", "application/json",
		chunkedReader{strings.NewReader(`{"name":"` + strings.Repeat("a", 2<<20) + `"}`)}))
	if resp.StatusCode != 413 || got["code"] != "body_too_large" {
		t.Fatalf("chunked 2 MB JSON: %d %v", resp.StatusCode, got)
	}
}

func TestHeadersOnEveryResponse(t *testing.T) {
	t.Parallel()
	_, srv := newTestServer(t, Deps{})
	for _, path := range []string{"/health", "/nope"} {
		req := newReq(t, "GET", srv.URL+path, "", nil)
		req.Header.Set("X-Request-ID", "abc-123")
		req.Header.Set("Origin", "http://localhost:3000")
		resp, _ := do(t, req)
		want := map[string]string{
			"X-Request-Id":                     "abc-123",
			"X-Content-Type-Options":           "nosniff",
			"X-Frame-Options":                  "DENY",
			"Access-Control-Allow-Origin":      "http://localhost:3000",
			"Access-Control-Allow-Credentials": "true",
		}
		for k, v := range want {
			if got := resp.Header.Get(k); got != v {
				t.Errorf("%s: %s = %q, want %q", path, k, got, v)
			}
		}
		for _, k := range []string{"Strict-Transport-Security", "Content-Security-Policy", "Referrer-Policy", "Permissions-Policy"} {
			if resp.Header.Get(k) == "" {
				t.Errorf("%s: missing %s", path, k)
			}
		}
	}
	req := newReq(t, "GET", srv.URL+"/health", "", nil)
	req.Header.Set("X-Request-ID", "bad id\"<script>")
	req.Header.Set("Origin", "http://evil.example")
	resp, _ := do(t, req)
	if id := resp.Header.Get("X-Request-Id"); id == "" || strings.ContainsAny(id, " <\"") {
		t.Errorf("hostile request id echoed: %q", id)
	}
	if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("foreign origin allowed: %q", got)
	}
}

func TestRateLimitAnswers429WithRetryAfter(t *testing.T) {
	t.Parallel()
	_, srv := newTestServer(t, Deps{Limiter: ratelimit.NewMemory()})
	for i := 0; i < 3; i++ {
		if resp, _ := do(t, newReq(t, "GET", srv.URL+"/test/limited", "", nil)); resp.StatusCode != 200 {
			t.Fatalf("request %d: %d", i, resp.StatusCode)
		}
	}
	resp, got := do(t, newReq(t, "GET", srv.URL+"/test/limited", "", nil))
	if resp.StatusCode != 429 || got["code"] != "rate_limited" || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("fourth request: %d %v Retry-After=%q", resp.StatusCode, got, resp.Header.Get("Retry-After"))
	}
	if resp, _ := do(t, newReq(t, "GET", srv.URL+"/health", "", nil)); resp.StatusCode != 200 {
		t.Fatalf("health is rate limited along with another route")
	}
}

func TestReadyNamesTheDependencyThatIsDown(t *testing.T) {
	t.Parallel()
	_, srv := newTestServer(t, Deps{Ready: []ReadyCheck{
		{Name: "postgres", Check: func(context.Context) error { return nil }},
		{Name: "redis", Check: func(context.Context) error { return errors.New("connection refused") }},
	}})
	resp, got := do(t, newReq(t, "GET", srv.URL+"/ready", "", nil))
	if resp.StatusCode != 503 || got["code"] != "dependency_down" || !strings.Contains(got["detail"].(string), "redis") {
		t.Fatalf("ready: %d %v", resp.StatusCode, got)
	}
}

func TestEveryRouteIsDocumented(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Deps{})
	doc, err := s.OpenAPI()
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("invalid OpenAPI document: %v", err)
	}
	for _, r := range s.App().GetRoutes(true) {
		if r.Method == fiber.MethodHead || r.Method == fiber.MethodOptions || strings.HasPrefix(r.Path, "/test/") || r.Path == "/" {
			continue
		}
		p, _ := openAPIPath(r.Path)
		item := doc.Paths.Value(p)
		if item == nil || item.GetOperation(r.Method) == nil {
			t.Errorf("route %s %s is missing from the OpenAPI document", r.Method, r.Path)
		}
	}
}

func TestWebSocketAndRESTShareOnePort(t *testing.T) {
	t.Parallel()
	echo := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, nil)
		if err != nil {
			return
		}
		defer c.CloseNow()
		typ, b, err := c.Read(r.Context())
		if err != nil {
			return
		}
		_ = c.Write(r.Context(), typ, b)
		c.Close(websocket.StatusNormalClosure, "")
	})
	_, srv := newTestServer(t, Deps{WS: echo})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	// Keep-alive REST before and after the upgrade on the same listener.
	for i := 0; i < 2; i++ {
		if resp, _ := do(t, newReq(t, "GET", srv.URL+"/health", "", nil)); resp.StatusCode != 200 {
			t.Fatalf("health: %d", resp.StatusCode)
		}
		c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL, "http")+"/ws", nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Write(ctx, websocket.MessageText, []byte("hello")); err != nil {
			t.Fatal(err)
		}
		_, b, err := c.Read(ctx)
		if err != nil || string(b) != "hello" {
			t.Fatalf("echo: %q %v", b, err)
		}
		c.Close(websocket.StatusNormalClosure, "")
	}
}

func TestNoHubAnswers503JSON(t *testing.T) {
	t.Parallel()
	_, srv := newTestServer(t, Deps{})
	resp, got := do(t, newReq(t, "GET", srv.URL+"/ws", "", nil))
	if resp.StatusCode != 503 || got["code"] != "hub_unavailable" {
		t.Fatalf("/ws without hub: %d %v", resp.StatusCode, got)
	}
}

// TestLargeUploadsWaitForASlot: with every large-body slot taken, a 2 MB
// upload waits (and is answered once a slot frees) or, past the wait, gets
// 503 uploads_busy; small uploads and JSON pass at once.
func TestLargeUploadsWaitForASlot(t *testing.T) {
	t.Parallel()
	s, srv := newTestServer(t, Deps{})
	s.admit.wait = 300 * time.Millisecond
	for range cap(s.admit.slots) {
		s.admit.slots <- struct{}{}
	}
	upload := func(size int) (*http.Response, map[string]any) {
		var buf bytes.Buffer
		buf.WriteString("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
		buf.Write(bytes.Repeat([]byte{'x'}, size))
		buf.WriteString("\r\n--B--\r\n")
		return do(t, newReq(t, "POST", srv.URL+"/test/upload", "multipart/form-data; boundary=B", &buf))
	}
	if resp, got := upload(100 << 10); resp.StatusCode != 200 || got["size"] != float64(100<<10) {
		t.Fatalf("100 KB upload while full: %d %v", resp.StatusCode, got)
	}
	resp, got := upload(2 << 20)
	if resp.StatusCode != 503 || got["code"] != "uploads_busy" || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("2 MB upload while full: %d %v %v", resp.StatusCode, got, resp.Header)
	}
	time.AfterFunc(100*time.Millisecond, func() { <-s.admit.slots })
	if resp, got := upload(2 << 20); resp.StatusCode != 200 || got["size"] != float64(2<<20) {
		t.Fatalf("2 MB upload once a slot frees: %d %v", resp.StatusCode, got)
	}
	if got := len(s.admit.slots); got != cap(s.admit.slots)-1 {
		t.Fatalf("slots held after the request: %d, want %d", got, cap(s.admit.slots)-1)
	}
}

// TestClientGoneCancelsTheHandlersContext: when the client closes its
// connection mid-request, the handler's context (c.UserContext(), under
// which extractions and queries run) is cancelled, so work for nobody
// stops. Fiber's own context is never cancelled; without the net/http
// request's context the handler would wait out its 20 s.
func TestClientGoneCancelsTheHandlersContext(t *testing.T) {
	t.Parallel()
	s, srv := newTestServer(t, Deps{})
	started, ended := make(chan struct{}), make(chan error, 1)
	s.handle(fiber.MethodPost, "/test/slow", Op{}, func(c *fiber.Ctx) error {
		close(started)
		select {
		case <-c.UserContext().Done():
			ended <- c.UserContext().Err()
		case <-time.After(20 * time.Second):
			ended <- errors.New("context still live 20 s after the client left")
		}
		return c.SendString("late")
	})
	conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Write([]byte("POST /test/slow HTTP/1.1\r\nHost: test\r\nContent-Length: 2\r\n\r\n{}")); err != nil {
		t.Fatal(err)
	}
	select {
	case <-started:
	case <-time.After(15 * time.Second):
		t.Fatal("handler not started")
	}
	_ = conn.Close()
	select {
	case err := <-ended:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("handler's context after the client left: %v, want context.Canceled", err)
		}
	case <-time.After(25 * time.Second):
		t.Fatal("handler did not end")
	}
}
