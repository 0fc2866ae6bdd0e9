package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/internal/store"
)

// Only the last MaxCVVersions versions are kept: applying suggestions
// without end cannot grow the table without end.
func TestCVVersionsKeepTheLast50(t *testing.T) {
	t.Parallel()
	pool := dbtest.NewPool(t)
	ctx := context.Background()
	var id string
	mustScan(t, pool.QueryRow(ctx, `INSERT INTO users (name, email) VALUES ('v', 'versions@example.com') RETURNING id`), &id)
	cvs := store.NewCVs(pool)
	const added = cv.MaxVersions + 7
	for i := 1; i <= added; i++ {
		if _, err := cvs.AddVersion(ctx, id, "suggestion", json.RawMessage(fmt.Sprintf(`{"summary":"v%d"}`, i)), nil); err != nil {
			t.Fatal(err)
		}
	}
	var n, oldest, newest int
	mustScan(t, pool.QueryRow(ctx, `SELECT count(*), min(version), max(version) FROM cv_versions WHERE user_id = $1`, id), &n, &oldest, &newest)
	if n != cv.MaxVersions || oldest != added-cv.MaxVersions+1 || newest != added {
		t.Fatalf("kept %d versions %d..%d, want %d ending at %d", n, oldest, newest, cv.MaxVersions, added)
	}
	if _, err := cvs.Version(ctx, id, 1); err != store.ErrNotFound {
		t.Fatalf("version 1: %v, want not found", err)
	}
}

// A user stores at most MaxCVFiles files.
func TestCVFileQuota(t *testing.T) {
	t.Parallel()
	pool := dbtest.NewPool(t)
	ctx := context.Background()
	var id string
	mustScan(t, pool.QueryRow(ctx, `INSERT INTO users (name, email) VALUES ('q', 'quota@example.com') RETURNING id`), &id)
	cvs := store.NewCVs(pool)
	file := func(i int) cv.File {
		return cv.File{UserID: id, Filename: fmt.Sprintf("cv%d.txt", i), Kind: "txt", Size: 2, SHA256: make([]byte, 32), Content: []byte("cv")}
	}
	mustExec(t, pool, `INSERT INTO cv_files (user_id, filename, kind, size_bytes, sha256, content)
		SELECT $1, 'cv' || i || '.txt', 'txt', 2, sha256('x'::bytea), 'cv'::bytea FROM generate_series(1, $2 - 1) i`, id, cv.MaxFiles)
	if _, err := cvs.InsertFile(ctx, file(0)); err != nil {
		t.Fatalf("file %d: %v", cv.MaxFiles, err)
	}
	if _, err := cvs.InsertFile(ctx, file(1)); err != cv.ErrFileQuota {
		t.Fatalf("file %d: %v, want ErrFileQuota", cv.MaxFiles+1, err)
	}
	big := file(2)
	big.Size = cv.MaxFileBytes
	var other string
	mustScan(t, pool.QueryRow(ctx, `INSERT INTO users (name, email) VALUES ('b', 'bytes@example.com') RETURNING id`), &other)
	big.UserID = other
	mustExec(t, pool, `INSERT INTO cv_files (user_id, filename, kind, size_bytes, sha256, content) VALUES ($1, 'a.txt', 'txt', 10, sha256('x'::bytea), 'x'::bytea)`, other)
	if _, err := cvs.InsertFile(ctx, big); err != cv.ErrFileQuota {
		t.Fatalf("file past the byte quota: %v, want ErrFileQuota", err)
	}
}
