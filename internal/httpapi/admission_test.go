package httpapi

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/auth"
)

// tokenAccounts signs in the Bearer token "good" and nothing else.
type tokenAccounts struct{ Accounts }

func (tokenAccounts) Authenticate(_ context.Context, token string) (auth.Principal, error) {
	if token != "good" {
		return auth.Principal{}, apperr.New(apperr.Unauthorized, "invalid_token", "Sign in first.")
	}
	return auth.Principal{UserID: "u1"}, nil
}

// newUploadServer adds /test/signed-upload, an upload route for signed-in
// users, with a short grace and a measurable minimum rate.
func newUploadServer(t *testing.T) (*Server, string) {
	t.Helper()
	s, srv := newTestServer(t, Deps{Accounts: tokenAccounts{}})
	s.handle(fiber.MethodPost, "/test/signed-upload", Op{Auth: "bearer", Multipart: []string{"file"}, Unlimited: true}, s.requireUser, func(c *fiber.Ctx) error {
		fh, err := c.FormFile("file")
		if err != nil {
			return err
		}
		return c.JSON(fiber.Map{"size": fh.Size})
	})
	s.admit.grace = 300 * time.Millisecond
	s.admit.minRate = 64 << 10
	s.admit.wait = 2 * time.Second
	return s, srv.URL
}

// trickle opens a raw connection announcing a 5 MB multipart body and sends
// its first bytes; the rest never comes unless the caller writes it.
func trickle(t *testing.T, base, path, token string) (net.Conn, *bufio.Reader) {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	head := fmt.Sprintf("POST %s HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=B\r\nContent-Length: %d\r\n", path, 5<<20)
	if token != "" {
		head += "Authorization: Bearer " + token + "\r\n"
	}
	head += "\r\n--B\r\n"
	if _, err := conn.Write([]byte(head)); err != nil {
		t.Fatal(err)
	}
	return conn, bufio.NewReader(conn)
}

// answer reads the response on a raw connection within d.
func answer(t *testing.T, conn net.Conn, br *bufio.Reader, d time.Duration) (int, string) {
	t.Helper()
	_ = conn.SetReadDeadline(time.Now().Add(d))
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatalf("no answer within %s: %v", d, err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	_, _ = b.ReadFrom(resp.Body)
	return resp.StatusCode, b.String()
}

func signedUpload(t *testing.T, base string, size int) (*http.Response, map[string]any) {
	t.Helper()
	var buf bytes.Buffer
	buf.WriteString("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
	buf.Write(bytes.Repeat([]byte{'x'}, size))
	buf.WriteString("\r\n--B--\r\n")
	req := newReq(t, "POST", base+"/test/signed-upload", "multipart/form-data; boundary=B", &buf)
	req.Header.Set("Authorization", "Bearer good")
	return do(t, req)
}

// Slow anonymous bodies, however many, take no upload slot: they are
// refused before their body is read, and a signed-in upload goes through.
func TestSlowAnonymousBodiesCannotStarveSignedInUpload(t *testing.T) {
	t.Parallel()
	s, base := newUploadServer(t)
	for i := range 2 * cap(s.admit.slots) {
		conn, br := trickle(t, base, "/test/signed-upload", "")
		code, body := answer(t, conn, br, 2*time.Second)
		if code != 401 || !strings.Contains(body, "invalid_token") {
			t.Fatalf("anonymous slow body %d: %d %s, want 401 before reading", i, code, body)
		}
	}
	if got := len(s.admit.slots); got != 0 {
		t.Fatalf("%d slots taken by anonymous requests", got)
	}
	start := time.Now()
	resp, got := signedUpload(t, base, 2<<20)
	if resp.StatusCode != 200 || got["size"] != float64(2<<20) {
		t.Fatalf("signed-in 2 MB upload: %d %v", resp.StatusCode, got)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Fatalf("signed-in upload took %s", d)
	}
}

// A large multipart body to a route that takes no uploads is refused at the
// JSON limit without waiting for a slot.
func TestLargeBodiesOnlyForUploadRoutes(t *testing.T) {
	t.Parallel()
	s, base := newUploadServer(t)
	for range cap(s.admit.slots) {
		s.admit.slots <- struct{}{}
	}
	conn, br := trickle(t, base, "/test/echo", "good")
	if code, body := answer(t, conn, br, 2*time.Second); code != 413 || !strings.Contains(body, "body_too_large") {
		t.Fatalf("5 MB multipart to a JSON route: %d %s", code, body)
	}
}

// A signed-in client trickling its body is cut off once it falls behind the
// minimum rate, and gives its slot back; one address holds at most its
// share of the slots.
func TestSlowSignedInBodyIsCutAndSlotsShared(t *testing.T) {
	t.Parallel()
	s, base := newUploadServer(t)
	s.admit.perIP = 1
	s.admit.grace = 3 * time.Second // long enough for the second upload to meet the first
	conn, br := trickle(t, base, "/test/signed-upload", "good")
	// The slow upload holds this address's one slot: a second one is refused at once.
	deadline := time.Now().Add(2 * time.Second)
	for len(s.admit.slots) == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if len(s.admit.slots) == 0 {
		t.Fatal("the trickled upload took no slot")
	}
	resp, got := signedUpload(t, base, 2<<20)
	if resp.StatusCode != 429 || got["code"] != "uploads_busy_for_client" {
		t.Fatalf("second upload from the same address: %d %v", resp.StatusCode, got)
	}
	code, body := answer(t, conn, br, 10*time.Second)
	if code != 408 || !strings.Contains(body, "body_too_slow") {
		t.Fatalf("trickled upload: %d %s, want 408 body_too_slow", code, body)
	}
	deadline = time.Now().Add(2 * time.Second)
	for len(s.admit.slots) != 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if resp, got := signedUpload(t, base, 2<<20); resp.StatusCode != 200 {
		t.Fatalf("upload after the slow one was cut: %d %v", resp.StatusCode, got)
	}
}
