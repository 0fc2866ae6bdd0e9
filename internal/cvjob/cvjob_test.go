package cvjob_test

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertest"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/cvanalysis"
	"github.com/utopiahire/utopiahire/internal/cvjob"
	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/internal/extract"
	"github.com/utopiahire/utopiahire/internal/extract/extracttest"
	"github.com/utopiahire/utopiahire/internal/skills"
	"github.com/utopiahire/utopiahire/internal/store"
)

// recorder is a Publisher that keeps what was published, per channel.
type recorder struct {
	mu     sync.Mutex
	events map[string][]cvjob.Event
}

func (r *recorder) Publish(_ context.Context, channel string, data []byte) (hub.StreamPosition, error) {
	var e cvjob.Event
	if err := json.Unmarshal(data, &e); err != nil {
		return hub.StreamPosition{}, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events[channel] = append(r.events[channel], e)
	return hub.StreamPosition{}, nil
}

func (r *recorder) stages(channel string) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, e := range r.events[channel] {
		out = append(out, e.Stage)
	}
	return out
}

// finalStages returns the stages published on channel once the last one
// is published: the worker records the end in Postgres before it publishes,
// so a waiter can see the analysis done before the event is out.
func (r *recorder) finalStages(t *testing.T, channel, last string) []string {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		got := r.stages(channel)
		if (len(got) > 0 && got[len(got)-1] == last) || time.Now().After(deadline) {
			return got
		}
		time.Sleep(10 * time.Millisecond)
	}
}

type fixture struct {
	pool *pgxpool.Pool
	svc  *cvjob.Service
	pub  *recorder
}

func newFixture(t *testing.T, start bool) *fixture {
	t.Helper()
	pool := dbtest.NewPool(t)
	tax, err := skills.LoadTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	ex, err := extract.New(extract.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{pool: pool, pub: &recorder{events: map[string][]cvjob.Event{}}}
	f.svc = cvjob.New(cvjob.Config{CVs: store.NewCVs(pool), Extractor: ex, Offline: cvanalysis.NewOffline(tax),
		Publisher: f.pub, Logger: slog.New(slog.DiscardHandler)})
	client := f.riverClient(t, 0)
	f.svc.SetRiver(client)
	if start {
		f.start(t, client)
	}
	return f
}

func (f *fixture) riverClient(t *testing.T, rescueAfter time.Duration) *river.Client[pgx.Tx] {
	t.Helper()
	workers := river.NewWorkers()
	river.AddWorker(workers, f.svc.Worker())
	cfg := &river.Config{
		Queues:        map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: 4}},
		Workers:       workers,
		FetchCooldown: 5 * time.Millisecond, FetchPollInterval: 50 * time.Millisecond,
		Logger: slog.New(slog.DiscardHandler),
	}
	if rescueAfter > 0 {
		cfg.RescueStuckJobsAfter = rescueAfter
	}
	c, err := river.NewClient(riverpgxv5.New(f.pool), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (f *fixture) start(t *testing.T, c *river.Client[pgx.Tx]) {
	t.Helper()
	if err := c.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = c.Stop(ctx)
	})
}

func (f *fixture) user(t *testing.T, email string) string {
	t.Helper()
	var id string
	err := f.pool.QueryRow(context.Background(),
		`INSERT INTO users (name, email, email_verified) VALUES ('Test User', $1, true) RETURNING id`, email).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func wait(t *testing.T, f *fixture, userID, id string) cvjob.Analysis {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	a, err := f.svc.Wait(ctx, userID, id)
	if err != nil {
		t.Fatalf("wait for analysis: %v", err)
	}
	return a
}

const sampleText = `Jane Doe
jane.doe@example.com | +44 20 7946 0958 | London, UK

Summary
Backend engineer with 6 years of Go and PostgreSQL.

Experience
Senior Software Engineer, Acme Ltd — Jan 2021 – Present
- Was responsible for the billing service
- Reduced p99 latency by 40% by rewriting the cache layer in Go

Education
MSc Computer Science, University of Leeds — 2014 – 2016

Skills
Go, PostgreSQL, Redis, Docker, Kubernetes`

func TestTextAnalysisRunsEveryStageAndStoresAVersion(t *testing.T) {
	t.Parallel()
	f := newFixture(t, true)
	uid := f.user(t, "jane@example.com")
	id, err := f.svc.Submit(context.Background(), cvjob.Input{UserID: uid, Text: sampleText, JobDescription: "Go developer with Kubernetes and Kafka"})
	if err != nil {
		t.Fatal(err)
	}
	a := wait(t, f, uid, id)
	if a.Status != "done" || a.Percent != 100 {
		t.Fatalf("analysis %s at %d%%: %v", a.Status, a.Percent, a.Error)
	}
	var c cv.StructuredCV
	if err := json.Unmarshal(a.StructuredCV, &c); err != nil || c.Contact.Email != "jane.doe@example.com" {
		t.Fatalf("structured cv: %+v %v", c.Contact, err)
	}
	res := cvjob.BuildResult(a)
	if res.Analyzer != "offline" || res.Status != "success" || res.AnalysisID != id {
		t.Fatalf("result: %+v", res)
	}
	want := []string{cvjob.StageReceived, cvjob.StageExtracted, cvjob.StageStructured, cvjob.StageAnalyzed, cvjob.StageDone}
	if got := f.pub.finalStages(t, cvjob.Channel(id), cvjob.StageDone); !equal(got, want) {
		t.Fatalf("published stages %v, want %v", got, want)
	}
	for _, k := range []string{"extracted_ms", "structured_ms", "analyzed_ms", "total_ms"} {
		if _, ok := a.Timings[k]; !ok {
			t.Errorf("timing %s missing from %v", k, a.Timings)
		}
	}
	v, err := store.NewCVs(f.pool).LatestVersion(context.Background(), uid)
	if err != nil || v.Version != 1 || v.Source != "analysis" {
		t.Fatalf("latest version: %+v %v", v, err)
	}
}

func TestPDFFromCorpusIsStructured(t *testing.T) {
	t.Parallel()
	f := newFixture(t, true)
	uid := f.user(t, "pdf@example.com")
	pdf, err := os.ReadFile("../cvparse/testdata/corpus/g01-latex-en-1col.pdf")
	if err != nil {
		t.Fatal(err)
	}
	id, err := f.svc.Submit(context.Background(), cvjob.Input{UserID: uid, Filename: "cv.pdf", File: pdf})
	if err != nil {
		t.Fatal(err)
	}
	a := wait(t, f, uid, id)
	var c cv.StructuredCV
	_ = json.Unmarshal(a.StructuredCV, &c)
	if a.Status != "done" || c.Contact.Name == "" || len(c.Experience) == 0 {
		t.Fatalf("pdf analysis %s: name %q, %d positions", a.Status, c.Contact.Name, len(c.Experience))
	}
	if cvjob.BuildResult(a).OriginalFile != "cv.pdf" {
		t.Fatalf("original file: %+v", cvjob.BuildResult(a))
	}
}

func TestHostileFilesAreRefusedOrFailCleanly(t *testing.T) {
	t.Parallel()
	f := newFixture(t, true)
	uid := f.user(t, "hostile@example.com")
	ctx := context.Background()

	elf := append([]byte{0x7f, 'E', 'L', 'F', 2, 1, 1}, make([]byte, 200)...)
	_, err := f.svc.Submit(ctx, cvjob.Input{UserID: uid, Filename: "cv.pdf", File: elf})
	if extract.CodeOf(err) != extract.CodeExecutable {
		t.Fatalf("renamed executable: %v", err)
	}
	var files int
	_ = f.pool.QueryRow(ctx, `SELECT count(*) FROM cv_files`).Scan(&files)
	if files != 0 {
		t.Fatalf("refused file was stored")
	}

	enc, err := os.ReadFile("../extract/testdata/encrypted.pdf")
	if err != nil {
		t.Fatal(err)
	}
	id, err := f.svc.Submit(ctx, cvjob.Input{UserID: uid, Filename: "locked.pdf", File: enc})
	if err != nil {
		t.Fatal(err)
	}
	a := wait(t, f, uid, id)
	if a.Status != "failed" || a.ErrorCode == nil || *a.ErrorCode != string(extract.CodeEncryptedPDF) {
		t.Fatalf("encrypted pdf: %s %v", a.Status, a.ErrorCode)
	}
	stages := f.pub.finalStages(t, cvjob.Channel(id), cvjob.StageFailed)
	if len(stages) == 0 || stages[len(stages)-1] != cvjob.StageFailed {
		t.Fatalf("failure not published: %v", stages)
	}
}

func TestAnotherUserCannotReadAnAnalysis(t *testing.T) {
	t.Parallel()
	f := newFixture(t, true)
	owner, other := f.user(t, "owner@example.com"), f.user(t, "other@example.com")
	id, err := f.svc.Submit(context.Background(), cvjob.Input{UserID: owner, Text: sampleText})
	if err != nil {
		t.Fatal(err)
	}
	for _, probe := range []string{id, "not-a-uuid", "00000000-0000-0000-0000-000000000000"} {
		if _, err := f.svc.Analysis(context.Background(), other, probe); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("other user reading %q: %v", probe, err)
		}
	}
}

// TestJobOfAKilledServerFinishesAfterRestart leaves a job as a server killed
// mid-analysis leaves it (running, never finished) and starts a new client:
// River's rescuer must hand it back and the pipeline finish it.
func TestJobOfAKilledServerFinishesAfterRestart(t *testing.T) {
	t.Parallel()
	f := newFixture(t, false)
	uid := f.user(t, "crash@example.com")
	ctx := context.Background()
	id, err := f.svc.Submit(ctx, cvjob.Input{UserID: uid, Text: sampleText})
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.pool.Exec(ctx, `UPDATE river_job SET state = 'running', attempt = 1,
		attempted_at = now() - interval '10 minutes', attempted_by = ARRAY['killed-node'] WHERE kind = $1`, cvjob.Args{}.Kind())
	if err != nil {
		t.Fatal(err)
	}
	_, _ = f.pool.Exec(ctx, `UPDATE cv_analyses SET status = 'running', stage = 'extracted', percent = 35 WHERE id = $1`, id)

	restarted := f.riverClient(t, time.Minute)
	f.svc.SetRiver(restarted)
	f.start(t, restarted)
	a := wait(t, f, uid, id)
	if a.Status != "done" {
		t.Fatalf("rescued analysis ended %s", a.Status)
	}
}

// TestJobQueuedUnderTheOldKindRuns: an analysis queued before the job kind
// became cv.analysis (stored as cv_analysis) is still worked.
func TestJobQueuedUnderTheOldKindRuns(t *testing.T) {
	t.Parallel()
	f := newFixture(t, false)
	uid := f.user(t, "old-kind@example.com")
	ctx := context.Background()
	id, err := f.svc.Submit(ctx, cvjob.Input{UserID: uid, Text: sampleText})
	if err != nil {
		t.Fatal(err)
	}
	job := rivertest.RequireInserted(ctx, t, riverpgxv5.New(f.pool), cvjob.Args{}, &rivertest.RequireInsertedOpts{MaxAttempts: 3})
	if job.Args.AnalysisID != id || job.Kind != "cv.analysis" {
		t.Fatalf("queued %s for %q, want cv.analysis for %q", job.Kind, job.Args.AnalysisID, id)
	}
	if _, err := f.pool.Exec(ctx, `UPDATE river_job SET kind = 'cv_analysis' WHERE id = $1`, job.ID); err != nil {
		t.Fatal(err)
	}
	c := f.riverClient(t, 0)
	f.svc.SetRiver(c)
	f.start(t, c)
	if a := wait(t, f, uid, id); a.Status != "done" {
		t.Fatalf("analysis queued under the old kind ended %s", a.Status)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestScannedPDFReportsOCR: a PDF without a text layer is read by OCR, and
// the channel says so between "received" and "extracted".
func TestScannedPDFReportsOCR(t *testing.T) {
	f := newFixture(t, true)
	uid := f.user(t, "scan@example.com")
	scan, err := os.ReadFile("../cvparse/testdata/corpus/g57-scan-en-1col.pdf")
	if err != nil {
		t.Fatal(err)
	}
	id, err := f.svc.Submit(context.Background(), cvjob.Input{UserID: uid, Filename: "scan.pdf", File: scan})
	if err != nil {
		t.Fatal(err)
	}
	a := wait(t, f, uid, id)
	if a.Status != "done" {
		t.Fatalf("status %s (%v)", a.Status, a.Error)
	}
	got := f.pub.finalStages(t, cvjob.Channel(id), cvjob.StageDone)
	want := []string{cvjob.StageReceived, cvjob.StageOCR, cvjob.StageExtracted, cvjob.StageStructured, cvjob.StageAnalyzed, cvjob.StageDone}
	if !slices.Equal(got, want) {
		t.Errorf("stages %v, want %v", got, want)
	}
	if a.ExtractedText == nil || !strings.Contains(*a.ExtractedText, "Priya Thompson") {
		t.Errorf("OCR text: %v", a.ExtractedText)
	}
}

// TestStoredExtractionIsReused: a file stored with its extraction (as the
// upload endpoint does) is analysed from it, never read again; a file
// stored without one gets it from its first analysis.
func TestStoredExtractionIsReused(t *testing.T) {
	f := newFixture(t, true)
	uid := f.user(t, "stored@example.com")
	// The stored extraction differs from the bytes on purpose: the analysis
	// shows which one it read.
	stored := extract.PlainText("Zed Quux\nzed@example.com\n\nExperience\nEngineer, Monzo\t2021 – Present\n")
	fileID, err := f.svc.StoreFile(context.Background(), uid, "cv.txt", []byte(sampleText), &stored)
	if err != nil {
		t.Fatal(err)
	}
	id, err := f.svc.Submit(context.Background(), cvjob.Input{UserID: uid, FileID: fileID})
	if err != nil {
		t.Fatal(err)
	}
	a := wait(t, f, uid, id)
	if a.Status != "done" || a.ExtractedText == nil || !strings.Contains(*a.ExtractedText, "Zed Quux") {
		t.Fatalf("status %s, text %v: the stored extraction was not used", a.Status, a.ExtractedText)
	}

	fileID, err = f.svc.StoreFile(context.Background(), uid, "cv2.txt", []byte(sampleText), nil)
	if err != nil {
		t.Fatal(err)
	}
	id, err = f.svc.Submit(context.Background(), cvjob.Input{UserID: uid, FileID: fileID})
	if err != nil {
		t.Fatal(err)
	}
	if a := wait(t, f, uid, id); a.Status != "done" {
		t.Fatalf("status %s", a.Status)
	}
	file, err := store.NewCVs(f.pool).File(context.Background(), uid, fileID)
	if err != nil {
		t.Fatal(err)
	}
	var doc extract.Document
	if err := json.Unmarshal(file.Extracted, &doc); err != nil || !strings.Contains(doc.Text, "Jane Doe") {
		t.Errorf("extraction not stored after the first analysis: %v %.100q", err, file.Extracted)
	}
}

// TestUnreadPartsReachTheResult: text the parser could not place is named in
// the stored analysis and in the result the client gets (unread_parts), for
// a stored analysis and an anonymous one alike; a CV read whole has none.
func TestUnreadPartsReachTheResult(t *testing.T) {
	t.Parallel()
	f := newFixture(t, true)
	uid := f.user(t, "unread@example.com")
	text := "Jane Doe\nOpen to relocation\nDriving licence B\njane.doe@example.com\n\n" + sampleText[strings.Index(sampleText, "Experience"):]
	unreadOf := func(res cvjob.Result) []cv.UnreadPart {
		var a cv.Analysis
		if err := json.Unmarshal(res.GeminiAnalysis.Analysis, &a); err != nil {
			t.Fatal(err)
		}
		return a.UnreadParts
	}
	id, err := f.svc.Submit(context.Background(), cvjob.Input{UserID: uid, Text: text})
	if err != nil {
		t.Fatal(err)
	}
	a := wait(t, f, uid, id)
	if a.Status != "done" {
		t.Fatalf("analysis %s: %v", a.Status, a.Error)
	}
	got := unreadOf(cvjob.BuildResult(a))
	if len(got) != 1 || got[0].Reason != cv.UnreadUnplaced || !strings.Contains(got[0].Text, "Open to relocation") {
		t.Errorf("stored analysis: unread parts %+v, want the unplaced header lines", got)
	}
	res, err := f.svc.AnalyzeStateless(context.Background(), cvjob.Input{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if got := unreadOf(res); len(got) != 1 || got[0].Reason != cv.UnreadUnplaced {
		t.Errorf("anonymous analysis: unread parts %+v", got)
	}
	res, err = f.svc.AnalyzeStateless(context.Background(), cvjob.Input{Text: sampleText})
	if err != nil {
		t.Fatal(err)
	}
	if got := unreadOf(res); len(got) != 0 {
		t.Errorf("a CV read whole: unread parts %+v", got)
	}
}

// TestDegradedScanReportsUnsureOCR: a CV scanned badly (100 dpi, JPEG
// quality 20, turned 2°, noisy) is analysed with its page named among the
// unread parts as read unsure by OCR, so its misread words are not scored
// as missing; a clean scan of the same CV (300 dpi, quality 90) is not.
func TestDegradedScanReportsUnsureOCR(t *testing.T) {
	t.Parallel()
	f := newFixture(t, false)
	src, err := os.ReadFile("../cvparse/testdata/corpus/g24-lo-pdf-en-1col.pdf")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		scan   extracttest.ScanOptions
		unsure bool
	}{
		{"clean", extracttest.ScanOptions{DPI: 300, JPEGQuality: 90}, false},
		{"degraded", extracttest.ScanOptions{DPI: 100, JPEGQuality: 20, Rotate: 2, Noise: 30, Seed: 1}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			scan, err := extracttest.Scan(context.Background(), src, tc.scan)
			if err != nil {
				t.Fatal(err)
			}
			res, err := f.svc.AnalyzeStateless(context.Background(), cvjob.Input{Filename: "scan.pdf", File: scan})
			if err != nil {
				t.Fatal(err)
			}
			var a cv.Analysis
			if err := json.Unmarshal(res.GeminiAnalysis.Analysis, &a); err != nil {
				t.Fatal(err)
			}
			unsure := slices.ContainsFunc(a.UnreadParts, func(p cv.UnreadPart) bool { return p.Reason == cv.UnreadUnsureOCR && p.Page == 1 })
			if unsure != tc.unsure {
				t.Errorf("page 1 reported unsure: %v, want %v (unread parts %+v)", unsure, tc.unsure, a.UnreadParts)
			}
		})
	}
}
