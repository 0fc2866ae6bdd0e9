package interview_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/interview"
)

func newInterviewFor(user string, i int) interview.NewInterview {
	return interview.NewInterview{
		UserID: user, CandidateName: "Ann", CandidateEmail: "ann@example.com", CandidateIdentity: fmt.Sprintf("candidate-ann-%d", i),
		JobTitle: "Analyst", Language: "en", RoomPrefix: interview.RoomPrefix, CVText: "Ann's CV",
	}
}

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
	owner := interview.User{ID: e.user, Name: ownerName, Email: ownerEmail}
	reviewerEmail := fmt.Sprintf("rita-%d@example.com", time.Now().UnixNano())
	var reviewerID string
	if err := e.pool.QueryRow(ctx, `INSERT INTO users (name, email, email_verified) VALUES ('Rita Reviewer', $1, true) RETURNING id`, reviewerEmail).Scan(&reviewerID); err != nil {
		t.Fatal(err)
	}
	reviewer := interview.User{ID: reviewerID, Name: "Rita Reviewer", Email: reviewerEmail}
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

func countMails(t *testing.T, e *env, to string) int {
	t.Helper()
	var n int
	if err := e.pool.QueryRow(context.Background(), `SELECT count(*) FROM mail_outbox WHERE recipient = $1`, to).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Invite + revoke in a loop mails the victim once a day, revoked
// invitations count against the cap, and daily per-address and per-owner
// limits stop a spray across interviews.
func TestInvitationLoopMailsOnce(t *testing.T) {
	t.Parallel()
	e := newEnv(t, func(c *interview.Config) {
		c.MaxReviewers = 3
		c.MaxInvitesPerRecipientPerDay = 2
		c.MaxInvitesPerOwnerPerDay = 4
	})
	ctx := context.Background()
	var email, name string
	if err := e.pool.QueryRow(ctx, `SELECT email, name FROM users WHERE id = $1`, e.user).Scan(&email, &name); err != nil {
		t.Fatal(err)
	}
	owner := interview.User{ID: e.user, Name: name, Email: email}
	iv := e.waiting(t)
	victim := fmt.Sprintf("victim-%d@example.com", time.Now().UnixNano())
	for range 10 {
		if _, err := e.svc.Invite(ctx, owner, iv.ID, victim); err != nil {
			t.Fatal(err)
		}
		if err := e.svc.Revoke(ctx, owner, iv.ID, victim); err != nil {
			t.Fatal(err)
		}
	}
	if n := countMails(t, e, victim); n != 1 {
		t.Fatalf("10 invite–revoke loops mailed the victim %d times, want 1", n)
	}
	// Revoked invitations count: two more addresses reach the cap of 3.
	for i := range 2 {
		other := fmt.Sprintf("other-%d-%d@example.com", i, time.Now().UnixNano())
		if _, err := e.svc.Invite(ctx, owner, iv.ID, other); err != nil {
			t.Fatal(err)
		}
		if err := e.svc.Revoke(ctx, owner, iv.ID, other); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.svc.Invite(ctx, owner, iv.ID, "fourth@example.com"); err == nil || !strings.Contains(err.Error(), "at most 3 invitations") {
		t.Fatalf("fourth address on a full interview: %v", err)
	}
	// The same victim from other interviews: the per-address limit (2 a day).
	for i := range 2 {
		other, err := e.svc.CreateForTest(ctx, newInterviewFor(e.user, i))
		if err != nil {
			t.Fatal(err)
		}
		_, err = e.svc.Invite(ctx, owner, other.ID, victim)
		if i == 0 && err != nil {
			t.Fatalf("second interview: %v", err)
		}
		if i == 1 && (err == nil || !strings.Contains(err.Error(), "limited")) {
			t.Fatalf("third mail to one address in a day: %v", err)
		}
	}
	if n := countMails(t, e, victim); n != 2 {
		t.Fatalf("victim mailed %d times, want 2", n)
	}
}

// startedFor creates, claims and starts an interview of owner with
// candidate address ann@example.com and returns its credential.
func (e *env) startedFor(t *testing.T, owner string, i int) interview.Credential {
	t.Helper()
	ctx := context.Background()
	iv, err := e.svc.CreateForTest(ctx, newInterviewFor(owner, i))
	if err != nil {
		t.Fatal(err)
	}
	if iv, err = e.svc.Transition(ctx, iv.ID, interview.WaitingForAgent, nil); err != nil {
		t.Fatal(err)
	}
	cl, err := e.svc.Claim(ctx, "w", iv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.svc.HandlePublish(ctx, hub.Principal{}, interview.Channel(iv.ID), []byte(`{"type":"agent","event":"joined"}`), "joined"); err != nil {
		t.Fatal(err)
	}
	return e.cred(t, cl.Credential)
}

// One address gets at most MaxReportMailsPerDay report e-mails a day,
// whichever accounts started the interviews: start-session refuses with
// report_mail_limit, and a report past the limit is kept but not mailed.
func TestReportMailsLimitedPerAddress(t *testing.T) {
	t.Parallel()
	e := newEnv(t, func(c *interview.Config) {
		c.MaxReportMailsPerDay = 2
		c.MaxLivePerUser = 10
	})
	ctx := context.Background()
	var other string
	if err := e.pool.QueryRow(ctx, `INSERT INTO users (name, email, email_verified) VALUES ('Bob', $1, true) RETURNING id`,
		fmt.Sprintf("bob-%d@example.com", time.Now().UnixNano())).Scan(&other); err != nil {
		t.Fatal(err)
	}
	// Three interviews for ann@example.com by two accounts, each reported.
	for i, owner := range []string{e.user, other, e.user} {
		cred := e.startedFor(t, owner, i)
		if _, err := e.svc.SaveReport(ctx, cred, report(cred.Interview)); err != nil {
			t.Fatalf("report %d: %v", i, err)
		}
	}
	if n := countMails(t, e, "ann@example.com"); n != 2 {
		t.Fatalf("3 reports for one address mailed it %d times, want 2 (the daily limit)", n)
	}
	var stored int
	if err := e.pool.QueryRow(ctx, `SELECT count(*) FROM interview_reports`).Scan(&stored); err != nil || stored != 3 {
		t.Fatalf("%d reports stored (%v), want all 3", stored, err)
	}
	// A third account using the address cannot start another today.
	_, err := e.svc.Start(ctx, interview.User{ID: other, Name: "Ann", Email: "ann@example.com"}, interview.StartInput{JobTitle: "Analyst", CVFilename: "cv.pdf"})
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Code != interview.CodeReportMailLimit || ae.Kind != apperr.RateLimited || ae.RetryAfter <= 0 {
		t.Fatalf("start-session past the address's daily report mails: %v, want 429 %s with Retry-After", err, interview.CodeReportMailLimit)
	}
}

// The hub's history of interview:<id> (kept for hours, replayed to every
// new subscriber that recovers) never holds a note's text or author: note
// messages carry the note's id, and the note itself leaves with its
// author's account.
func TestDeletedReviewerLeavesNoTraceInChannelHistory(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	ctx := context.Background()
	iv := e.waiting(t)
	var ownerEmail string
	if err := e.pool.QueryRow(ctx, `SELECT email FROM users WHERE id = $1`, e.user).Scan(&ownerEmail); err != nil {
		t.Fatal(err)
	}
	owner := interview.User{ID: e.user, Name: "Ann", Email: ownerEmail}
	reviewerEmail := fmt.Sprintf("rita-%d@example.com", time.Now().UnixNano())
	var reviewerID string
	if err := e.pool.QueryRow(ctx, `INSERT INTO users (name, email, email_verified) VALUES ('Rita Reviewer', $1, true) RETURNING id`, reviewerEmail).Scan(&reviewerID); err != nil {
		t.Fatal(err)
	}
	reviewer := interview.User{ID: reviewerID, Name: "Rita Reviewer", Email: reviewerEmail}
	if _, err := e.svc.Invite(ctx, owner, iv.ID, reviewerEmail); err != nil {
		t.Fatal(err)
	}
	const secret = "candidate seemed nervous about SQL"
	note, err := e.svc.AddNote(ctx, reviewer, iv.ID, secret, nil)
	if err != nil {
		t.Fatal(err)
	}
	// While the note exists, its readers get it by the id the channel names.
	got, err := e.svc.Note(ctx, owner, iv.ID, note.ID)
	if err != nil || got.Text != secret || got.AuthorName != "Rita Reviewer" {
		t.Fatalf("note by id = %+v, %v", got, err)
	}
	if _, err := e.svc.Note(ctx, interview.User{ID: reviewerID}, iv.ID, "not-an-id"); apperr.CodeOf(err) != interview.CodeNoteNotFound {
		t.Fatalf("bad note id: %v, want %s", err, interview.CodeNoteNotFound)
	}

	if _, err := e.pool.Exec(ctx, `DELETE FROM users WHERE id = $1`, reviewerID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Note(ctx, owner, iv.ID, note.ID); apperr.CodeOf(err) != interview.CodeNoteNotFound {
		t.Fatalf("erased note by id: %v, want %s", err, interview.CodeNoteNotFound)
	}
	// A new subscriber recovering from the start gets this history.
	top, err := e.broker.History(ctx, interview.Channel(iv.ID), hub.HistoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	hist, err := e.broker.History(ctx, interview.Channel(iv.ID), hub.HistoryQuery{Since: &hub.StreamPosition{Epoch: top.Top.Epoch}})
	if err != nil {
		t.Fatal(err)
	}
	notes := 0
	for _, p := range hist.Publications {
		for _, trace := range []string{secret, "Rita", reviewerID, reviewerEmail} {
			if strings.Contains(string(p.Data), trace) {
				t.Fatalf("deleted reviewer's %q left in the channel's history: %s", trace, p.Data)
			}
		}
		if strings.Contains(string(p.Data), note.ID) {
			notes++
		}
	}
	if notes != 1 {
		t.Fatalf("history has %d messages naming the note, want 1 (of %d)", notes, len(hist.Publications))
	}
}
