package interview_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/extract"
	"github.com/utopiahire/utopiahire/internal/interview"
	"github.com/utopiahire/utopiahire/internal/store"
)

// TestCVTextFromStoredExtraction: an interview takes a stored file's text
// from the extraction kept with it at upload, never reading the file again
// (the stored bytes here are not a readable document); a file stored
// without one (before extractions were kept) is read once and its
// extraction kept for the next reader.
func TestCVTextFromStoredExtraction(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	ctx := context.Background()
	cvs := store.NewCVs(e.pool)
	stored, err := json.Marshal(extract.PlainText("Ann Analyst\nSkills: SQL, Tableau"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cvs.InsertFile(ctx, cv.File{UserID: e.user, Filename: "kept.pdf", Kind: "pdf",
		Size: 9, SHA256: make([]byte, 32), Content: []byte("%PDF-1.4\n"), Extracted: stored}); err != nil {
		t.Fatal(err)
	}
	plain := []byte("Ann Analyst\nExperience: data analysis at Acme, 2020-2024\n")
	oldID, err := cvs.InsertFile(ctx, cv.File{UserID: e.user, Filename: "old.txt", Kind: "txt",
		Size: len(plain), SHA256: make([]byte, 32), Content: plain})
	if err != nil {
		t.Fatal(err)
	}

	var n interview.NewInterview
	if err := e.svc.AttachCVForTest(ctx, e.user, interview.StartInput{CVFilename: "kept.pdf"}, &n); err != nil {
		t.Fatalf("file with a stored extraction: %v", err)
	}
	if n.CVText != "Ann Analyst\nSkills: SQL, Tableau" {
		t.Fatalf("cv text %q, want the stored extraction's", n.CVText)
	}

	n = interview.NewInterview{}
	if err := e.svc.AttachCVForTest(ctx, e.user, interview.StartInput{CVFilename: "old.txt"}, &n); err != nil {
		t.Fatalf("file without a stored extraction: %v", err)
	}
	if n.CVText == "" || n.CVText[:11] != "Ann Analyst" {
		t.Fatalf("cv text %q, want the file's text", n.CVText)
	}
	f, err := cvs.File(ctx, e.user, oldID)
	if err != nil {
		t.Fatal(err)
	}
	if f.Extracted == nil {
		t.Fatal("the extraction made for the interview was not kept with the file")
	}
	// Read again: from the kept extraction, even if the bytes were gone.
	if _, err := e.pool.Exec(ctx, `UPDATE cv_files SET content = $2 WHERE id = $1`, oldID, []byte("\x00garbage")); err != nil {
		t.Fatal(err)
	}
	n = interview.NewInterview{}
	if err := e.svc.AttachCVForTest(ctx, e.user, interview.StartInput{CVFilename: "old.txt"}, &n); err != nil || n.CVText[:11] != "Ann Analyst" {
		t.Fatalf("second read: %q, %v", n.CVText, err)
	}
}
