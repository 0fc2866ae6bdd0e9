package main

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/utopiahire/utopiahire/internal/cvjob"
	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/internal/extract/extracttest"
)

// TestConcurrentZipBombUploadsRefused sends issue 14's hostile uploads, 20 at
// once, through the server's HTTP API: DOCX and ODT files of under 1 MB
// whose document XML inflates to 95 MB, with their sizes declared honestly
// or as 4 KB. Every one must get a 422 naming what is wrong, nothing may be
// stored, and the server must still take a real CV afterwards. (Peak memory
// is measured by BenchmarkConcurrentZipBombUploads on a server process.)
func TestConcurrentZipBombUploadsRefused(t *testing.T) {
	t.Parallel()
	dbURL := dbtest.New(t)
	m := startMain(t, testConfig(t, dbURL, map[string]string{"RATE_LIMITS": "off"}))
	u := signIn(t, m, dbURL, "bombs")
	bombs := []struct {
		name, code string
		file       []byte
	}{
		{"cv.docx", "decompression_bomb", extracttest.HostileDOCX(t, false, 95)},
		{"cv.odt", "decompression_bomb", extracttest.HostileODT(t, false, 95)},
		{"cv.docx", "malformed_file", extracttest.HostileDOCX(t, true, 95)},
		{"cv.odt", "malformed_file", extracttest.HostileODT(t, true, 95)},
	}
	const concurrent = 20
	var wg sync.WaitGroup
	errs := make(chan string, concurrent)
	for i := range concurrent {
		wg.Go(func() {
			b := bombs[i%len(bombs)]
			code, body := u.multipart("/api/upload-cv", nil, "cv", b.name, b.file)
			if code != 422 || errCode(body) != b.code {
				errs <- fmt.Sprintf("upload %d (%s, want 422 %s): %d %.300s", i, b.name, b.code, code, body)
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	conn, err := pgx.Connect(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	for _, q := range []string{"SELECT count(*) FROM cv_files", "SELECT count(*) FROM cv_analyses",
		"SELECT count(*) FROM river_job WHERE kind = '" + cvjob.Args{}.Kind() + "'"} {
		var n int
		if err := conn.QueryRow(context.Background(), q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%s = %d after refused uploads", q, n)
		}
	}
	pdf := readFile(t, "../../internal/cvparse/testdata/corpus/g01-latex-en-1col.pdf")
	if code, body := u.multipart("/api/upload-cv", nil, "cv", "cv.pdf", pdf); code != 201 {
		t.Fatalf("a real CV after the bombs: %d %s", code, body)
	}
}
