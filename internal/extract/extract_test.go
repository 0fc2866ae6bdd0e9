package extract

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
)

func newTestExtractor(t *testing.T, mod func(*Limits)) *Extractor {
	t.Helper()
	l := DefaultLimits()
	if mod != nil {
		mod(&l)
	}
	e, err := New(l)
	if err != nil {
		t.Fatalf("New: %v (apt-get install poppler-utils antiword catdoc)", err)
	}
	return e
}

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestAcceptedFormats(t *testing.T) {
	e := newTestExtractor(t, nil)
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "Jane Doe\nEngineer\n" {
		utf16 = append(utf16, byte(r), 0)
	}
	tests := []struct {
		name string
		data []byte
		kind Kind
		want []string
	}{
		{"pdf", readTestdata(t, "sample.pdf"), KindPDF, []string{"Emily Murphy", "EDUCATION"}},
		{"docx", readTestdata(t, "sample.docx"), KindDOCX, []string{"Emily Fischer"}},
		{"doc", readTestdata(t, "sample.doc"), KindDOC, []string{"Grace O'Brien", "Employment History"}},
		{"odt", readTestdata(t, "sample.odt"), KindODT, []string{"Hannah Ben Salem"}},
		{"rtf", readTestdata(t, "sample.rtf"), KindRTF, []string{"Michael Kim", "Employment History"}},
		{"txt utf8", []byte("Émilie Roux\nIngénieure\n"), KindTXT, []string{"Émilie Roux"}},
		{"txt latin1", []byte("Jos\xe9 Dupont\nIng\xe9nieur\n"), KindTXT, []string{"José Dupont", "Ingénieur"}},
		{"txt utf16", utf16, KindTXT, []string{"Jane Doe"}},
		{"rtf unicode", []byte(`{\rtf1\ansi\ansicpg1252\uc1{\fonttbl{\f0 Arial;}}{\b Jos\'e9 Dupont}\par Ing\u233?nieur \u8212? Paris\par}`), KindRTF, []string{"José Dupont", "Ingénieur — Paris"}},
		{"pdf with junk before header", append([]byte("junk\n"), readTestdata(t, "sample.pdf")...), KindPDF, []string{"Emily Murphy", "EDUCATION"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := e.Text(context.Background(), tt.data)
			if err != nil {
				t.Fatalf("Text: %v", err)
			}
			if doc.Kind != tt.kind {
				t.Errorf("kind = %s, want %s", doc.Kind, tt.kind)
			}
			for _, w := range tt.want {
				if !strings.Contains(doc.Text, w) {
					t.Errorf("text lacks %q:\n%s", w, doc.Text)
				}
			}
		})
	}
}

// TestTwoColumnReadingOrder checks that the sidebar and the main column of a
// two-column PDF come out one after the other, not interleaved line by line
// (which is what poppler's own reading order does on this file).
func TestTwoColumnReadingOrder(t *testing.T) {
	e := newTestExtractor(t, nil)
	doc, err := e.Text(context.Background(), readTestdata(t, "twocol.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	order := []string{"CONTACT DETAILS", "Phone:", "CORE COMPETENCIES", "LANGUAGES", "Spanish (C1)", "SUMMARY",
		"Analytical professional", "focused on customer impact", "EMPLOYMENT HISTORY", "EDUCATION"}
	last := -1
	for _, w := range order {
		i := strings.Index(doc.Text, w)
		if i < 0 || i < last {
			t.Fatalf("%q at %d, after previous at %d; text:\n%s", w, i, last, doc.Text)
		}
		last = i
	}
	// A main-column entry's title and its right-aligned dates stay on one line.
	if !strings.Contains(doc.Text, "BSc in Computer Science\t09/2019 – 06/2021") {
		t.Errorf("title and dates split:\n%s", doc.Text)
	}
}

func TestRefusals(t *testing.T) {
	pdf := readTestdata(t, "sample.pdf")
	docx := readTestdata(t, "sample.docx")
	doc := readTestdata(t, "sample.doc")
	rtf := readTestdata(t, "sample.rtf")
	small := func(l *Limits) { l.MaxDecompressed = 1 << 20 }
	tests := []struct {
		name   string
		data   []byte
		limits func(*Limits)
		code   Code
	}{
		{"empty", nil, nil, CodeEmptyFile},
		{"whitespace only", []byte(" \n\t\n"), nil, CodeEmptyFile},
		{"too large", bytes.Repeat([]byte("a"), 10<<20+1), nil, CodeTooLarge},
		{"ELF renamed .pdf", append([]byte("\x7fELF\x02\x01\x01\x00"), make([]byte, 120)...), nil, CodeExecutable},
		{"PE renamed .docx", append([]byte("MZ\x90\x00\x03\x00\x00\x00"), make([]byte, 120)...), nil, CodeExecutable},
		{"Mach-O", append([]byte{0xCF, 0xFA, 0xED, 0xFE}, make([]byte, 60)...), nil, CodeExecutable},
		{"shebang script", []byte("#!/bin/sh\necho pwned\n"), nil, CodeExecutable},
		{"damaged PNG image", append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 60)...), nil, CodeMalformedFile},
		{"GIF image", append([]byte("GIF89a"), make([]byte, 60)...), nil, CodeUnsupportedType},
		{"binary garbage", bytes.Repeat([]byte{0x00, 0x01, 0xFE, 0x02}, 64), nil, CodeUnsupportedType},
		{"html page", []byte("<!DOCTYPE html><html><script>alert(1)</script></html>"), nil, CodeUnsupportedType},
		{"xlsx", zipOf(t, map[string][]byte{"[Content_Types].xml": []byte("<Types/>"), "xl/workbook.xml": []byte("<workbook/>")}), nil, CodeUnsupportedType},
		{"plain zip", zipOf(t, map[string][]byte{"a.txt": []byte("hello")}), nil, CodeUnsupportedType},
		{"truncated pdf", pdf[:len(pdf)/2], nil, CodeTruncatedFile},
		{"truncated docx", docx[:len(docx)-40], nil, CodeTruncatedFile},
		{"truncated doc", doc[:len(doc)/2], nil, CodeTruncatedFile},
		{"truncated rtf", rtf[:len(rtf)/2], nil, CodeTruncatedFile},
		{"encrypted pdf", readTestdata(t, "encrypted.pdf"), nil, CodeEncryptedPDF},
		{"encrypted pdf, empty user password", readTestdata(t, "encrypted-noupw.pdf"), nil, CodeEncryptedPDF},
		{"pdf declaring 100000 pages", minimalPDF(t, 100000, nil), nil, CodeTooManyPages},
		{"pdf flate bomb", minimalPDF(t, 1, bytes.Repeat([]byte{0}, 8<<20)), small, CodeDecompressionBomb},
		{"pdf without text", minimalPDF(t, 1, []byte("0 0 m 10 10 l S")), nil, CodeNoText},
		{"docx zip bomb", zipOf(t, map[string][]byte{"word/document.xml": []byte("<w:document/>"), "word/media/bomb.bin": make([]byte, 8<<20)}), small, CodeDecompressionBomb},
		{"docx too many entries", manyEntries(t, 2100), nil, CodeDecompressionBomb},
		{"docx without text", zipOf(t, map[string][]byte{"word/document.xml": []byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>`)}), nil, CodeNoText},
		{"docx malformed xml", zipOf(t, map[string][]byte{"word/document.xml": []byte(`<w:document><w:body><w:p>`)}), nil, CodeMalformedFile},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newTestExtractor(t, tt.limits)
			_, err := e.Text(context.Background(), tt.data)
			if got := CodeOf(err); got != tt.code {
				t.Fatalf("code = %q (%v), want %q", got, err, tt.code)
			}
			var msg string
			if xe, ok := err.(*Error); ok {
				msg = xe.Message
			}
			if msg == "" || strings.Contains(msg, os.TempDir()+"/utopia-extract") {
				t.Errorf("message %q must name the problem and no server path", msg)
			}
		})
	}
}

func TestConcurrentExtraction(t *testing.T) {
	e := newTestExtractor(t, nil)
	pdf := readTestdata(t, "sample.pdf")
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		go func() {
			_, err := e.Text(context.Background(), pdf)
			errs <- err
		}()
	}
	for i := 0; i < 8; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestCancelledContext(t *testing.T) {
	e := newTestExtractor(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := e.Text(ctx, readTestdata(t, "sample.pdf")); err != context.Canceled {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func zipOf(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func manyEntries(t *testing.T, n int) []byte {
	files := map[string][]byte{"word/document.xml": []byte("<w:document/>")}
	for i := 0; i < n; i++ {
		files[fmt.Sprintf("word/x%d.xml", i)] = nil
	}
	return zipOf(t, files)
}

// minimalPDF writes a one-page PDF whose page tree declares count pages and
// whose content stream is content, Flate-compressed.
func minimalPDF(t *testing.T, count int, content []byte) []byte {
	t.Helper()
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(content)
	zw.Close()
	var b bytes.Buffer
	var offs []int
	obj := func(s string) {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offs), s)
	}
	b.WriteString("%PDF-1.4\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj(fmt.Sprintf("<< /Type /Pages /Kids [3 0 R] /Count %d >>", count))
	obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>")
	obj(fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.Bytes()))
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	return b.Bytes()
}
