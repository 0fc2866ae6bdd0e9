package cvservice_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/cvservice"
	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/internal/store"
)

// newService is the service over a fresh database (no pipeline: these tests
// keep to versions) and a user of it.
func newService(t *testing.T) (*cvservice.Service, *pgxpool.Pool, string) {
	t.Helper()
	pool := dbtest.NewPool(t)
	var user string
	err := pool.QueryRow(context.Background(), `INSERT INTO users (name, email) VALUES ('Ann', $1) RETURNING id`,
		fmt.Sprintf("ann-%d@example.com", time.Now().UnixNano())).Scan(&user)
	if err != nil {
		t.Fatal(err)
	}
	return cvservice.New(cvservice.Config{Store: store.NewCVs(pool)}), pool, user
}

func addVersion(t *testing.T, pool *pgxpool.Pool, user, summary string) int {
	t.Helper()
	body, err := json.Marshal(cv.StructuredCV{Summary: summary})
	if err != nil {
		t.Fatal(err)
	}
	n, err := store.NewCVs(pool).AddVersion(context.Background(), user, "analysis", body, nil)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func summaryOf(t *testing.T, v cv.Version) string {
	t.Helper()
	var c cv.StructuredCV
	if err := json.Unmarshal(v.StructuredCV, &c); err != nil {
		t.Fatal(err)
	}
	return c.Summary
}

func code(err error) string {
	var c apperr.Coded
	if errors.As(err, &c) {
		return c.ErrorCode()
	}
	return fmt.Sprint(err)
}

func TestVersionsAndRestore(t *testing.T) {
	t.Parallel()
	svc, pool, user := newService(t)
	ctx := context.Background()
	if _, err := svc.Latest(ctx, user); code(err) != "cv_not_found" {
		t.Fatalf("latest of a user without a CV: %v", err)
	}
	addVersion(t, pool, user, "first")
	addVersion(t, pool, user, "second")

	v, err := svc.Restore(ctx, user, 1)
	if err != nil {
		t.Fatal(err)
	}
	if v.Version != 3 || v.Source != "restore" || summaryOf(t, v) != "first" {
		t.Fatalf("restored: version %d source %s summary %q", v.Version, v.Source, summaryOf(t, v))
	}
	var from map[string]int
	if err := json.Unmarshal(v.Suggestion, &from); err != nil || from["restored_from"] != 1 {
		t.Fatalf("restore records %s (%v), want restored_from 1", v.Suggestion, err)
	}
	latest, err := svc.Latest(ctx, user)
	if err != nil || latest.Version != 3 {
		t.Fatalf("latest after restore: %d %v", latest.Version, err)
	}
	list, err := svc.Versions(ctx, user)
	if err != nil || len(list) != 3 || list[0].Version != 3 {
		t.Fatalf("versions: %+v %v", list, err)
	}
	for _, n := range []int{0, -1, 4, 99} {
		if _, err := svc.Version(ctx, user, n); code(err) != "version_not_found" {
			t.Errorf("version %d: %v", n, err)
		}
		if _, err := svc.Restore(ctx, user, n); code(err) != "version_not_found" {
			t.Errorf("restore %d: %v", n, err)
		}
	}
	// Another user's versions are not found.
	_, _, other := newService(t)
	if _, err := svc.Version(ctx, other, 1); code(err) != "version_not_found" {
		t.Errorf("someone else's version: %v", err)
	}
}

func TestApplySuggestion(t *testing.T) {
	t.Parallel()
	svc, pool, user := newService(t)
	ctx := context.Background()
	client := cv.StructuredCV{Summary: "first"}
	sg := cvservice.Suggestion{ID: "s1", TargetField: "summary", Path: "summary", ImprovedValue: "better"}

	// Anonymous: applied, nothing stored.
	got, err := svc.ApplySuggestion(ctx, "", &client, sg, nil)
	if err != nil || got.Version != 0 || got.CV.Summary != "better" || got.Suggestion.OriginalValue != "first" {
		t.Fatalf("anonymous apply: %+v %v", got, err)
	}
	if n, err := svc.Versions(ctx, user); err != nil || len(n) != 0 {
		t.Fatalf("anonymous apply stored %d versions (%v)", len(n), err)
	}

	// Signed in: stored as the newest version, the suggestion kept with it.
	base := addVersion(t, pool, user, "first")
	got, err = svc.ApplySuggestion(ctx, user, &client, sg, nil)
	if err != nil || got.Version != base+1 {
		t.Fatalf("apply: %+v %v", got, err)
	}
	v, err := svc.Version(ctx, user, got.Version)
	if err != nil || summaryOf(t, v) != "better" || v.Source != "suggestion" {
		t.Fatalf("stored version: %+v %v", v, err)
	}
	var meta cvservice.AppliedSuggestion
	if err := json.Unmarshal(v.Suggestion, &meta); err != nil || meta.SuggestionID != "s1" || meta.FieldPathText != "summary" {
		t.Fatalf("stored suggestion %s (%v)", v.Suggestion, err)
	}

	// The stored field changed elsewhere ("better") since the client's copy
	// ("first"): refused, unless the client names the newest version.
	stale := cvservice.Suggestion{ID: "s2", Path: "summary", ImprovedValue: "best"}
	if _, err := svc.ApplySuggestion(ctx, user, &client, stale, nil); code(err) != string(cv.CodeStaleValue) {
		t.Fatalf("stale apply: %v", err)
	}
	if _, err := svc.ApplySuggestion(ctx, user, &client, stale, &got.Version); err != nil {
		t.Fatalf("apply on the newest version: %v", err)
	}
	// A path the CV does not have is refused before anything is stored.
	if _, err := svc.ApplySuggestion(ctx, user, &client, cvservice.Suggestion{Path: "experience[7].title", ImprovedValue: "x"}, nil); err == nil {
		t.Fatal("apply at a missing path accepted")
	}
}
