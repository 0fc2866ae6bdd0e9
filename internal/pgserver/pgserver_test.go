package pgserver

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestStartsPrivateClusterWhenNoLocalServer points the local URL at a closed
// port, so Ensure must initialise, start, use and stop a cluster of its own.
func TestStartsPrivateClusterWhenNoLocalServer(t *testing.T) {
	if _, err := findBinaries(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL binaries required under CI=true: %v", err)
		}
		t.Skip(err)
	}
	port, err := freePort()
	if err != nil {
		t.Fatal(err)
	}
	base := t.TempDir()
	// The postgres user must be able to reach the data dir through the temp dirs.
	for d := base; d != "/" && d != os.TempDir(); d = filepath.Dir(d) {
		_ = os.Chmod(d, 0o711)
	}
	dataDir := filepath.Join(base, "data")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	logger := slog.New(slog.DiscardHandler)
	closed := "postgres://postgres@127.0.0.1:" + itoa(port) + "/postgres?sslmode=disable"

	srv, err := ensure(ctx, closed, dataDir, logger)
	if err != nil {
		t.Fatalf("ensure: %v", err)
	}
	if srv.private == nil {
		t.Fatal("used a server instead of starting a private one")
	}
	query(t, srv.URL)

	// A second start finds the cluster already initialised.
	if err := srv.Stop(ctx); err != nil {
		t.Fatalf("stop: %v", err)
	}
	if _, err := pgx.Connect(ctx, srv.URL); err == nil {
		t.Fatal("cluster still answers after Stop")
	}
	again, err := ensure(ctx, closed, dataDir, logger)
	if err != nil {
		t.Fatalf("restart: %v", err)
	}
	t.Cleanup(func() { _ = again.Stop(context.Background()) })
	query(t, again.URL)
}

func query(t *testing.T, url string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatalf("connect to %s: %v", url, err)
	}
	defer conn.Close(ctx)
	var db string
	if err := conn.QueryRow(ctx, "SELECT current_database()").Scan(&db); err != nil || !strings.HasPrefix(db, DatabasePrefix+"_") {
		t.Fatalf("current database %q, %v", db, err)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestDatabaseNameDiffersPerCheckout(t *testing.T) {
	t.Parallel()
	a := DatabaseName("/work/wt/alpha/.data")
	b := DatabaseName("/work/wt/beta/.data")
	c := DatabaseName("/home/me/Beta/.data")
	if a == b || b == c || a != DatabaseName("/work/wt/alpha/.data") {
		t.Fatalf("names %q %q %q: want one stable name per checkout", a, b, c)
	}
	for _, n := range []string{a, b, c, DatabaseName("/x/" + strings.Repeat("very-long name ", 10) + "/.data")} {
		if len(n) > 63 || !strings.HasPrefix(n, "utopiahire_") || strings.Trim(n, "abcdefghijklmnopqrstuvwxyz0123456789_") != "" {
			t.Errorf("database name %q is not a short lower-case identifier", n)
		}
	}
}
