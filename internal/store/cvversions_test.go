package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

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
	const added = store.MaxCVVersions + 7
	for i := 1; i <= added; i++ {
		if _, err := cvs.AddVersion(ctx, id, "suggestion", json.RawMessage(fmt.Sprintf(`{"summary":"v%d"}`, i)), nil); err != nil {
			t.Fatal(err)
		}
	}
	var n, oldest, newest int
	mustScan(t, pool.QueryRow(ctx, `SELECT count(*), min(version), max(version) FROM cv_versions WHERE user_id = $1`, id), &n, &oldest, &newest)
	if n != store.MaxCVVersions || oldest != added-store.MaxCVVersions+1 || newest != added {
		t.Fatalf("kept %d versions %d..%d, want %d ending at %d", n, oldest, newest, store.MaxCVVersions, added)
	}
	if _, err := cvs.Version(ctx, id, 1); err != store.ErrNotFound {
		t.Fatalf("version 1: %v, want not found", err)
	}
}
