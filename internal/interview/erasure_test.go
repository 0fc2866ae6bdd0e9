package interview

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// A reviewer's notes leave the owner's timeline with their account, and no
// one but the owner sees a reviewer's address in it.
func TestDeletedReviewerLeavesNoTraceInTimeline(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	ctx := context.Background()
	iv := e.waiting(t)
	var ownerEmail, ownerName string
	if err := e.pool.QueryRow(ctx, `SELECT email, name FROM users WHERE id = $1`, e.user).Scan(&ownerEmail, &ownerName); err != nil {
		t.Fatal(err)
	}
	owner := User{ID: e.user, Name: ownerName, Email: ownerEmail}
	reviewerEmail := fmt.Sprintf("rita-%d@example.com", time.Now().UnixNano())
	var reviewerID string
	if err := e.pool.QueryRow(ctx, `INSERT INTO users (name, email, email_verified) VALUES ('Rita Reviewer', $1, true) RETURNING id`, reviewerEmail).Scan(&reviewerID); err != nil {
		t.Fatal(err)
	}
	reviewer := User{ID: reviewerID, Name: "Rita Reviewer", Email: reviewerEmail}
	if _, err := e.svc.Invite(ctx, owner, iv.ID, reviewerEmail); err != nil {
		t.Fatal(err)
	}
	const secret = "candidate seemed nervous about SQL"
	if _, err := e.svc.AddNote(ctx, reviewer, iv.ID, secret, nil); err != nil {
		t.Fatal(err)
	}
	seen, err := e.svc.Get(ctx, reviewer, iv.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range seen.Events {
		if strings.Contains(string(ev.Data), reviewerEmail) {
			t.Fatalf("a reviewer sees an address in the timeline: %s %s", ev.Type, ev.Data)
		}
	}

	if _, err := e.pool.Exec(ctx, `DELETE FROM users WHERE id = $1`, reviewerID); err != nil {
		t.Fatal(err)
	}
	d, err := e.svc.Get(ctx, owner, iv.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range d.Events {
		for _, trace := range []string{secret, "Rita", reviewerID, reviewerEmail} {
			if strings.Contains(string(ev.Data), trace) {
				t.Fatalf("deleted reviewer's %q left in the timeline: %s %s", trace, ev.Type, ev.Data)
			}
		}
	}
	if len(d.Notes) != 0 {
		t.Fatalf("deleted reviewer's notes still listed: %+v", d.Notes)
	}
}
