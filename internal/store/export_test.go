package store_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/internal/store"
)

// seedUser inserts a user with one of everything the export reads and
// returns the user's id.
func seedUser(t *testing.T, db store.DBTX, name string) string {
	t.Helper()
	ctx := context.Background()
	var id string
	mustScan(t, db.QueryRow(ctx, `INSERT INTO users (name, email) VALUES ($1, $1 || '@example.com') RETURNING id`, name), &id)
	var file, analysis, interview string
	mustScan(t, db.QueryRow(ctx, `INSERT INTO cv_files (user_id, filename, kind, size_bytes, sha256, content)
		VALUES ($1, $2 || '.txt', 'txt', 11, sha256(convert_to('cv of ' || $2, 'UTF8')), convert_to('cv of ' || $2, 'UTF8')) RETURNING id`, id, name), &file)
	mustScan(t, db.QueryRow(ctx, `INSERT INTO cv_analyses (user_id, cv_file_id, status, stage, percent, extracted_text, structured_cv, analysis)
		VALUES ($1, $2, 'done', 'done', 100, 'text of ' || $3, '{"contact":{"name":"x"}}', '{"general":{"overallScore":70}}') RETURNING id`, id, file, name), &analysis)
	mustExec(t, db, `INSERT INTO cv_versions (user_id, version, analysis_id, source, structured_cv) VALUES ($1, 1, $2, 'analysis', '{"summary":"v1"}')`, id, analysis)
	mustScan(t, db.QueryRow(ctx, `INSERT INTO interviews (user_id, candidate_name, candidate_email, candidate_identity, job_title, language, room, agent_id, claim_id)
		VALUES ($1, $2, $2 || '@example.com', 'cand-' || $2, 'Go engineer', 'en', 'room-' || $2, 'agent-1', gen_random_uuid()) RETURNING id`, id, name), &interview)
	mustExec(t, db, `INSERT INTO interview_events (interview_id, kind, data) VALUES ($1, 'state', '{"to":"in_progress"}')`, interview)
	mustExec(t, db, `INSERT INTO interview_segments (interview_id, seq, speaker, text, lang, start_ms, end_ms, final)
		VALUES ($1, 0, 'candidate', 'I am ' || $2, 'en', 0, 900, true)`, interview, name)
	mustExec(t, db, `INSERT INTO interview_reports (interview_id, score, conclusion, claim_id) VALUES ($1, 7.5, 'Solid answers from ' || $2, gen_random_uuid())`, interview, name)
	mustExec(t, db, `INSERT INTO interview_reviewers (interview_id, email, invited_by) VALUES ($1, 'reviewer@example.com', $2)`, interview, id)
	mustExec(t, db, `INSERT INTO job_searches (user_id, query, jobs, notes, message, cached) VALUES ($1, '{"q":"go"}', '[{"title":"Go dev"}]', '[]', 'ok', false)`, id)
	return id
}

func mustScan(t *testing.T, row interface{ Scan(...any) error }, dst ...any) {
	t.Helper()
	if err := row.Scan(dst...); err != nil {
		t.Fatal(err)
	}
}

func mustExec(t *testing.T, db store.DBTX, sql string, args ...any) {
	t.Helper()
	if _, err := db.Exec(context.Background(), sql, args...); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func decode(t *testing.T, raw json.RawMessage) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("export is not JSON: %v\n%s", err, raw)
	}
	return v
}

func TestExportHoldsOnlyTheUsersData(t *testing.T) {
	t.Parallel()
	pool := dbtest.NewPool(t)
	ctx := context.Background()
	ada, bob := seedUser(t, pool, "ada"), seedUser(t, pool, "bob")
	// Ada reviews Bob's interview: her note is hers; Bob sees it without her id.
	mustExec(t, pool, `INSERT INTO interview_notes (interview_id, author_id, text, offset_ms)
		SELECT id, $1, 'ada noted clear structure', 1500 FROM interviews WHERE user_id = $2`, ada, bob)
	ex := store.NewExport(pool)

	raw, err := ex.CVs(ctx, ada)
	if err != nil {
		t.Fatal(err)
	}
	cvs := decode(t, raw).(map[string]any)
	files := cvs["files"].([]any)
	if len(files) != 1 || len(cvs["analyses"].([]any)) != 1 || len(cvs["versions"].([]any)) != 1 {
		t.Fatalf("cvs section: %s", raw)
	}
	content, _ := base64.StdEncoding.DecodeString(files[0].(map[string]any)["content_base64"].(string))
	if string(content) != "cv of ada" || files[0].(map[string]any)["content_omitted"] != false {
		t.Fatalf("file content %q in %s", content, raw)
	}
	if a := cvs["analyses"].([]any)[0].(map[string]any); a["extracted_text"] != "text of ada" || a["analysis"].(map[string]any)["general"] == nil {
		t.Fatalf("analysis: %v", a)
	}

	raw, err = ex.Interviews(ctx, ada)
	if err != nil {
		t.Fatal(err)
	}
	ivs := decode(t, raw).([]any)
	if len(ivs) != 1 {
		t.Fatalf("interviews: %s", raw)
	}
	iv := ivs[0].(map[string]any)
	report, _ := iv["report"].(map[string]any)
	if iv["job_title"] != "Go engineer" || len(iv["events"].([]any)) != 1 || len(iv["transcript"].([]any)) != 1 ||
		report == nil || report["conclusion"] != "Solid answers from ada" || len(iv["reviewers"].([]any)) != 1 || len(iv["notes"].([]any)) != 0 {
		t.Fatalf("interview: %s", raw)
	}
	for _, leak := range []string{"claim_id", "user_id", "bob", ada} {
		if strings.Contains(string(raw), leak) {
			t.Errorf("interviews export contains %q: %s", leak, raw)
		}
	}

	raw, err = ex.ReviewerNotes(ctx, ada)
	if err != nil {
		t.Fatal(err)
	}
	if notes := decode(t, raw).([]any); len(notes) != 1 || notes[0].(map[string]any)["text"] != "ada noted clear structure" {
		t.Fatalf("reviewer notes: %s", raw)
	}
	raw, err = ex.Interviews(ctx, bob)
	if err != nil {
		t.Fatal(err)
	}
	if notes := decode(t, raw).([]any)[0].(map[string]any)["notes"].([]any); len(notes) != 1 || strings.Contains(string(raw), ada) {
		t.Fatalf("bob's interview notes: %s", raw)
	}

	raw, err = ex.JobSearch(ctx, ada)
	if err != nil {
		t.Fatal(err)
	}
	if js := decode(t, raw).(map[string]any); js["message"] != "ok" || js["user_id"] != nil {
		t.Fatalf("job search: %s", raw)
	}
}

func TestExportOfANewUserIsEmptyNotNull(t *testing.T) {
	t.Parallel()
	pool := dbtest.NewPool(t)
	ctx := context.Background()
	var id string
	mustScan(t, pool.QueryRow(ctx, `INSERT INTO users (name, email) VALUES ('new', 'new@example.com') RETURNING id`), &id)
	ex := store.NewExport(pool)
	for name, f := range map[string]func(context.Context, string) (json.RawMessage, error){
		"cvs": ex.CVs, "interviews": ex.Interviews, "reviewer_notes": ex.ReviewerNotes, "job_search": ex.JobSearch,
	} {
		raw, err := f(ctx, id)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want := map[string]any{"cvs": map[string]any{"files": []any{}, "versions": []any{}, "analyses": []any{}},
			"interviews": []any{}, "reviewer_notes": []any{}, "job_search": nil}[name]
		if diff := cmp.Diff(want, decode(t, raw)); diff != "" {
			t.Errorf("%s of a new user (-want +got):\n%s", name, diff)
		}
	}
}

func TestExportOmitsFileContentBeyondTheBudget(t *testing.T) {
	t.Parallel()
	pool := dbtest.NewPool(t)
	ctx := context.Background()
	var id string
	mustScan(t, pool.QueryRow(ctx, `INSERT INTO users (name, email) VALUES ('big', 'big@example.com') RETURNING id`), &id)
	// Sizes as recorded: two newest files fill the budget, the oldest is left out.
	for i, size := range []int{store.ExportFileBudget / 2, store.ExportFileBudget / 2, 1} {
		mustExec(t, pool, `INSERT INTO cv_files (user_id, filename, kind, size_bytes, sha256, content, created_at)
			VALUES ($1, 'f.txt', 'txt', $2, '\x00', 'x', now() - make_interval(days => $3))`, id, size, i)
	}
	raw, err := store.NewExport(pool).CVs(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	files := decode(t, raw).(map[string]any)["files"].([]any)
	var omitted []bool
	for _, f := range files {
		omitted = append(omitted, f.(map[string]any)["content_omitted"].(bool))
	}
	// Oldest first: size 1 (2 days old) is beyond the budget of the two newer ones.
	if len(omitted) != 3 || !omitted[0] || omitted[1] || omitted[2] {
		t.Fatalf("content_omitted oldest first: %v", omitted)
	}
}

// The sections written row by row hold exactly what the single aggregated
// queries they replaced produced (kept here as the reference).
func TestExportStreamedSectionsMatchTheAggregatedOnes(t *testing.T) {
	t.Parallel()
	pool := dbtest.NewPool(t)
	ctx := context.Background()
	ada := seedUser(t, pool, "ada")
	seedUser(t, pool, "bob")
	mustExec(t, pool, `INSERT INTO cv_versions (user_id, version, source, structured_cv) VALUES ($1, 2, 'suggestion', '{"summary":"v2 <b>&"}')`, ada)
	mustExec(t, pool, `INSERT INTO interviews (user_id, candidate_name, candidate_email, candidate_identity, job_title, language, room, agent_id, claim_id)
		VALUES ($1, 'ada', 'ada@example.com', 'cand-ada-2', 'SRE', 'en', 'room-ada-2', 'agent-1', gen_random_uuid())`, ada)
	const cvsBefore = `
WITH files AS (
	SELECT f.*, sum(f.size_bytes) OVER (ORDER BY f.created_at DESC, f.id) AS running
	FROM cv_files f WHERE f.user_id = $1
)
SELECT jsonb_build_object(
	'files', (SELECT coalesce(jsonb_agg(jsonb_build_object(
			'id', f.id, 'filename', f.filename, 'kind', f.kind, 'size_bytes', f.size_bytes,
			'sha256', encode(f.sha256, 'hex'), 'created_at', f.created_at,
			'content_base64', CASE WHEN f.running <= $2 THEN translate(encode(f.content, 'base64'), E'\n', '') END,
			'content_omitted', f.running > $2)
		ORDER BY f.created_at, f.id), '[]'::jsonb) FROM files f),
	'analyses', (SELECT coalesce(jsonb_agg(to_jsonb(a) - 'user_id' ORDER BY a.created_at, a.id), '[]'::jsonb)
		FROM cv_analyses a WHERE a.user_id = $1),
	'versions', (SELECT coalesce(jsonb_agg(to_jsonb(v) - 'user_id' ORDER BY v.version), '[]'::jsonb)
		FROM cv_versions v WHERE v.user_id = $1))`
	const interviewsBefore = `
SELECT coalesce(jsonb_agg(
	(to_jsonb(i) - 'user_id' - 'claim_id') || jsonb_build_object(
		'events', (SELECT coalesce(jsonb_agg(to_jsonb(ev) - 'interview_id' ORDER BY ev.id), '[]'::jsonb)
			FROM interview_events ev WHERE ev.interview_id = i.id),
		'transcript', (SELECT coalesce(jsonb_agg(to_jsonb(s) - 'interview_id' ORDER BY s.seq), '[]'::jsonb)
			FROM interview_segments s WHERE s.interview_id = i.id),
		'report', (SELECT to_jsonb(r) - 'interview_id' - 'claim_id'
			FROM interview_reports r WHERE r.interview_id = i.id),
		'notes', (SELECT coalesce(jsonb_agg(to_jsonb(n) - 'interview_id' - 'author_id' ORDER BY n.created_at, n.id), '[]'::jsonb)
			FROM interview_notes n WHERE n.interview_id = i.id),
		'reviewers', (SELECT coalesce(jsonb_agg(to_jsonb(rv) - 'interview_id' - 'invited_by' ORDER BY rv.created_at, rv.email), '[]'::jsonb)
			FROM interview_reviewers rv WHERE rv.interview_id = i.id))
	ORDER BY i.created_at, i.id), '[]'::jsonb)
FROM interviews i WHERE i.user_id = $1`
	ex := store.NewExport(pool)
	for _, tc := range []struct {
		name   string
		before string
		args   []any
		now    func(context.Context, string) (json.RawMessage, error)
	}{
		{"cvs", cvsBefore, []any{ada, store.ExportFileBudget}, ex.CVs},
		{"interviews", interviewsBefore, []any{ada}, ex.Interviews},
	} {
		var want []byte
		mustScan(t, pool.QueryRow(ctx, tc.before, tc.args...), &want)
		got, err := tc.now(ctx, ada)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(decode(t, want), decode(t, got)); diff != "" {
			t.Errorf("%s section differs from the aggregated one (-before +now):\n%s", tc.name, diff)
		}
	}
	var empty strings.Builder
	if err := ex.WriteInterviews(ctx, "00000000-0000-0000-0000-000000000000", &empty); err != nil || empty.String() != "[]" {
		t.Fatalf("interviews of a user without any: %q %v", empty.String(), err)
	}
}
