package main

// Disk full through the HTTP path (issue 16): the database lives in a
// tablespace on a tmpfs of a few MB, which the test fills.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// asRoot runs a command as root: directly when the test is root, else by
// sudo without a password prompt.
func asRoot(ctx context.Context, args ...string) error {
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	if os.Geteuid() != 0 {
		cmd = exec.CommandContext(ctx, "sudo", append([]string{"-n"}, args...)...)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w: %s", strings.Join(args, " "), err, bytes.TrimSpace(out))
	}
	return nil
}

// smallFS mounts a tmpfs of size bytes, owned by uid:gid, and returns its
// path. Call it before starting what uses it: it is unmounted at cleanup,
// after that has stopped. Mounting needs root (or sudo -n): elsewhere the
// test is skipped, and under CI=true it fails.
func smallFS(t *testing.T, size int, uid, gid int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "small")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := asRoot(ctx, "mount", "-t", "tmpfs", "-o", fmt.Sprintf("size=%d,mode=0700,uid=%d,gid=%d", size, uid, gid), "tmpfs", dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the disk-full test mounts a small tmpfs (root or passwordless sudo) and could not: %v", err)
		}
		t.Skipf("cannot mount a small filesystem (needs root or passwordless sudo): %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		// Lazy: a PostgreSQL that failed to stop must not leave the mount behind.
		if err := asRoot(ctx, "umount", "-l", dir); err != nil {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
	// The PostgreSQL user must be able to reach the mount point.
	for d := filepath.Dir(dir); d != "/" && d != "."; d = filepath.Dir(d) {
		if fi, err := os.Stat(d); err == nil && fi.Mode().Perm()&0o001 == 0 {
			_ = os.Chmod(d, fi.Mode().Perm()|0o711)
		}
	}
	return dir
}

// fill writes a file in dir until the filesystem refuses more and returns
// its path; removing it frees the space.
func fill(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "filler")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, chunk := range []int{1 << 20, 4 << 10} {
		buf := make([]byte, chunk)
		for {
			if _, err := f.Write(buf); err != nil {
				if !errors.Is(err, syscall.ENOSPC) {
					t.Fatalf("fill %s: %v", dir, err)
				}
				break
			}
		}
	}
	return path
}

// uploadCV posts data to /api/upload-cv as cv.txt and returns the status,
// the Retry-After header and the error code.
func uploadCV(c *apiClient, data []byte) (int, string, string) {
	c.t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	fw, _ := w.CreateFormFile("cv", "cv.txt")
	_, _ = fw.Write(data)
	_ = w.Close()
	code, body, header := c.do("POST", "/api/upload-cv", w.FormDataContentType(), &buf)
	return code, header.Get("Retry-After"), errCode(body)
}

// register posts a registration and returns the status, Retry-After and code.
func register(base, email string) (int, string, string, error) {
	b := fmt.Sprintf(`{"name":"Disk Full","email":%q,"password":"Str0ng!Passw0rd"}`, email)
	resp, err := (&http.Client{Timeout: 30 * time.Second}).Post(base+"/api/auth/register", "application/json", strings.NewReader(b))
	if err != nil {
		return 0, "", "", err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Retry-After"), errCode(body), nil
}

// incompressibleCV is a plain-text CV padded with random project codes to
// about size bytes: stored, it needs new pages (TOAST barely compresses it).
func incompressibleCV(seed uint64, size int) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	var b bytes.Buffer
	b.WriteString(cvText)
	b.WriteString("\n\nProjects\n")
	const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	for b.Len() < size {
		b.WriteString("- Project ")
		for range 60 {
			b.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func countRows(t *testing.T, db, query string, args ...any) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestDiskFullAnswers503AndRecovers: with the database's tablespace full
// (SQLSTATE 53100), uploads and registrations answer 503
// database_unavailable with Retry-After, never 500, and store nothing of the
// refused request; once space is freed the same requests succeed without a
// restart.
func TestDiskFullAnswers503AndRecovers(t *testing.T) {
	t.Parallel()
	uid, gid := os.Getuid(), os.Getgid()
	if os.Geteuid() == 0 {
		// startPrivatePG runs PostgreSQL as the postgres user when root.
		u, g, err := postgresUser()
		if err != nil {
			t.Fatal(err)
		}
		uid, gid = u, g
	}
	small := smallFS(t, 40<<20, uid, gid)
	pg := startPrivatePG(t)
	serverBin, _ := binaries(t)

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	admin, err := pgx.Connect(ctx, pg.url())
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		fmt.Sprintf(`CREATE TABLESPACE small LOCATION '%s'`, small),
		`CREATE DATABASE utopiahire TABLESPACE small`,
	} {
		if _, err := admin.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	admin.Close(ctx)
	db := strings.Replace(pg.url(), "/postgres?", "/utopiahire?", 1)

	port := freePort(t)
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	startProc(t, serverBin, "server.log", faultServerEnv(t, port, db, map[string]string{"RATE_LIMITS": "off"}))
	waitHTTP(t, base, 90*time.Second)
	olga := signInAt(t, base, db, "olga")
	if code, _, errc := uploadCV(olga, incompressibleCV(1, 64<<10)); code != 201 {
		t.Fatalf("upload before the disk filled: %d %s", code, errc)
	}

	filler := fill(t, small)
	files := countRows(t, db, `SELECT count(*) FROM cv_files`)

	// An upload of 512 KB needs new pages: refused as unavailable, nothing stored.
	for i := range 3 {
		code, retry, errc := uploadCV(olga, incompressibleCV(uint64(10+i), 512<<10))
		if code != 503 || errc != "database_unavailable" || retry == "" {
			t.Fatalf("upload %d with the disk full: %d %q (Retry-After %q), want 503 database_unavailable with Retry-After", i, code, errc, retry)
		}
	}
	if n := countRows(t, db, `SELECT count(*) FROM cv_files`); n != files {
		t.Fatalf("cv_files rows %d after refused uploads, want %d", n, files)
	}

	// Registrations fit in the users table's last page until it is full;
	// then they are refused the same way, and none is half stored.
	refused, stored := 0, 0
	for i := 0; refused < 3; i++ {
		if i == 300 {
			t.Fatalf("300 registrations with the disk full and only %d refused", refused)
		}
		email := fmt.Sprintf("full-%d@example.com", i)
		code, retry, errc, err := register(base, email)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case code == 201:
			stored++
		case code == 503 && errc == "database_unavailable" && retry != "":
			refused++
			if n := countRows(t, db, `SELECT count(*) FROM users WHERE email = $1`, email); n != 0 {
				t.Fatalf("refused registration of %s left %d users rows", email, n)
			}
		default:
			t.Fatalf("registration %d with the disk full: %d %q (Retry-After %q), want 201 or 503 database_unavailable with Retry-After", i, code, errc, retry)
		}
	}
	t.Logf("with the disk full: %d registrations fitted in existing pages, %d refused", stored, refused)
	// The refusals were PostgreSQL's disk-full errors, not something else.
	if b, err := os.ReadFile(filepath.Join(filepath.Dir(pg.dir), "pg.log")); err != nil || !bytes.Contains(b, []byte("No space left on device")) {
		t.Fatalf("PostgreSQL's log does not show the full disk (%v)", err)
	}
	if n := countRows(t, db, `SELECT count(*) FROM users u WHERE NOT EXISTS (SELECT 1 FROM mail_outbox o WHERE o.user_id = u.id) AND u.email LIKE 'full-%'`); n != 0 {
		t.Fatalf("%d registered users without their verification mail", n)
	}

	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	freed := time.Now()
	for i := 0; ; i++ {
		code, _, errc := uploadCV(olga, incompressibleCV(uint64(100+i), 512<<10))
		if code == 201 {
			break
		}
		if code != 503 || time.Since(freed) > 30*time.Second {
			t.Fatalf("upload %s after space was freed: %d %s", time.Since(freed).Round(time.Millisecond), code, errc)
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Logf("upload stored again %s after space was freed (no restart)", time.Since(freed).Round(time.Millisecond))
	if code, _, errc, err := register(base, "after-full@example.com"); err != nil || code != 201 {
		t.Fatalf("registration after space was freed: %d %s %v", code, errc, err)
	}
}
