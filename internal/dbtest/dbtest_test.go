package dbtest

import (
	"context"
	"testing"
)

func TestNewGivesIsolatedMigratedDatabases(t *testing.T) {
	t.Parallel()
	a, b := NewPool(t), NewPool(t)
	ctx := context.Background()
	if _, err := a.Exec(ctx, "CREATE TABLE only_in_a (x int)"); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := b.QueryRow(ctx, "SELECT count(*) FROM pg_tables WHERE tablename='only_in_a'").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatalf("table created in one test database is visible in another")
	}
	if err := a.QueryRow(ctx, "SELECT count(*) FROM goose_db_version WHERE version_id > 0").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatalf("template has no applied migrations")
	}
	if err := a.QueryRow(ctx, "SELECT count(*) FROM river_migration").Scan(&n); err != nil || n == 0 {
		t.Fatalf("river migrations missing: n=%d err=%v", n, err)
	}
}

func TestReplaceDatabase(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable", "postgres://postgres@127.0.0.1:5432/x?sslmode=disable"},
		{"postgres://u:p@h/db", "postgres://u:p@h/x"},
		{"postgres://h:5432", "postgres://h:5432/x"},
	} {
		if got := replaceDatabase(tc.in, "x"); got != tc.want {
			t.Errorf("replaceDatabase(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
