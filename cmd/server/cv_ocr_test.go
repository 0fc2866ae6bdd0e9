package main

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/utopiahire/utopiahire/internal/dbtest"
)

// TestDocumentsWithoutTextLayerThroughTheAPI: a "print to PDF" whose text
// was drawn as outlines (only the browser's header and footer are text)
// and a phone photo of a printed CV are accepted on upload and analysed
// through the API like any CV: read by OCR, never refused as no_text.
func TestDocumentsWithoutTextLayerThroughTheAPI(t *testing.T) {
	t.Parallel()
	dbURL := dbtest.New(t)
	m := startMain(t, testConfig(t, dbURL, map[string]string{"RATE_LIMITS": "off"}))
	u := signIn(t, m, dbURL, "ocr")
	for _, tc := range []struct {
		file, name string
		companies  []string
	}{
		{"g88-print-en-1col.pdf", "Lucas Carter", []string{"Globex Corporation", "Shopify"}},
		{"g90-photo-en-1col.jpg", "Sarah Fischer", []string{"Vertex Health Ltd", "Blue Harbor Labs"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data := readFile(t, "../../internal/cvparse/testdata/corpus/"+tc.file)
			if code, body := u.multipart("/api/upload-cv", nil, "cv", tc.file, data); code != 201 {
				t.Fatalf("upload: %d %s", code, body)
			}
			code, body := u.multipart("/api/analyze-structured", map[string]string{"job_description": "Data engineer: Python, SQL, Kafka"}, "cv_file", tc.file, data)
			if code != 200 {
				t.Fatalf("analysis: %d %s", code, body)
			}
			var r analyzeResult
			if err := json.Unmarshal(body, &r); err != nil {
				t.Fatal(err)
			}
			if r.StructuredCV.Contact.Name != tc.name {
				t.Errorf("name %q, want %q", r.StructuredCV.Contact.Name, tc.name)
			}
			var got []string
			for _, x := range r.StructuredCV.Experience {
				got = append(got, x.Company)
			}
			if !slices.Equal(got, tc.companies) {
				t.Errorf("companies %q, want %q", got, tc.companies)
			}
		})
	}
}
