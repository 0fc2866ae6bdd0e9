package extract

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/jpeg"
	"math"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/utopiahire/utopiahire/internal/extract/extracttest"
)

// smallScan is an image-only PDF of pages pages, each the top band of a
// page of the 2-page corpus CV at 150 dpi: real text for Tesseract, in a
// fraction of a full page's time.
func smallScan(t *testing.T, pages int) []byte {
	t.Helper()
	src, err := os.ReadFile("../cvparse/testdata/bench-2page.pdf")
	if err != nil {
		t.Fatal(err)
	}
	imgs, err := extracttest.RenderPages(context.Background(), src, 150)
	if err != nil {
		t.Fatal(err)
	}
	var jpegs [][]byte
	for i := range pages {
		page := imgs[i%len(imgs)]
		band := page.SubImage(image.Rect(0, 0, page.Bounds().Dx(), 360)).(*image.Gray)
		j, err := extracttest.JPEG(band, 80)
		if err != nil {
			t.Fatal(err)
		}
		jpegs = append(jpegs, j)
	}
	pdf, err := extracttest.ImagePDF(jpegs, 150)
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

// TestOCRBoundSharedByDocuments: scans read at once, each with pages read
// side by side, never run more Tesseract processes together than MaxOCR,
// whatever the number of documents admitted.
func TestOCRBoundSharedByDocuments(t *testing.T) {
	const docs, pages, bound = 4, 2, 2
	e := newTestExtractor(t, func(l *Limits) { l.MaxConcurrent, l.MaxOCR = docs, bound })
	scan := smallScan(t, pages)
	var wg sync.WaitGroup
	for range docs {
		wg.Go(func() {
			doc, err := e.Text(context.Background(), scan)
			if err != nil || !doc.OCR || doc.Pages != pages {
				t.Errorf("scan: ocr=%v pages=%d err=%v", doc.OCR, doc.Pages, err)
			}
		})
	}
	wg.Wait()
	if peak := e.ocrPeak.Load(); peak > bound || peak < 1 {
		t.Fatalf("%d Tesseract processes ran at once; the bound is %d", peak, bound)
	}
	if n := e.ocrRunning.Load(); n != 0 {
		t.Fatalf("%d Tesseract runs still counted after every document returned", n)
	}
}

// TestReadOCRSeparators: bullets and check marks Tesseract read as letters
// become bullets; the same letters in prose stay words.
func TestReadOCRSeparators(t *testing.T) {
	// w is a word of paragraph par at x with Tesseract's text.
	w := func(par int, x float64, text string) bbWord {
		return bbWord{XMin: x, XMax: x + 40, YMin: 100, YMax: 110, Text: text, Conf: 90, par: par, line: par}
	}
	// box is a word of paragraph par with an ink box of its own.
	box := func(par int, x, width, y, height float64, text string) bbWord {
		return bbWord{XMin: x, XMax: x + width, YMin: y, YMax: y + height, Text: text, Conf: 90, par: par, line: par}
	}
	tests := []struct {
		name  string
		words []bbWord
		want  string
	}{
		{"check marks read as v, Vv, ¥ and v¥", []bbWord{w(1, 0, "v"), w(1, 50, "Django"), w(1, 100, "Vv"), w(1, 150, "GCP"), w(1, 200, "¥"), w(1, 250, "Jira"), w(1, 300, "v¥"), w(1, 350, "Git")},
			"✓ Django ✓ GCP ✓ Jira ✓ Git"},
		{"a Y among check marks", []bbWord{w(1, 0, "v"), w(1, 50, "Hibernate)"), w(1, 100, "Y"), w(1, 150, "SQL")},
			"✓ Hibernate) ✓ SQL"},
		{"a check mark glued to the next word as a blank", []bbWord{w(1, 0, "v"), w(1, 50, "Django"), w(1, 100, " Microservices")},
			"✓ Django ✓ Microservices"},
		{"French y in prose", []bbWord{w(1, 0, "il"), w(1, 50, "y"), w(1, 100, "a")},
			"il y a"},
		{"Y Combinator beside a checked list", []bbWord{w(1, 0, "v"), w(1, 50, "Go"), w(2, 0, "Y"), w(2, 50, "Combinator")},
			"✓ Go Y Combinator"},
		{"bullet dot read as two marks", []bbWord{w(1, 0, "«+"), w(1, 50, "Designed"), w(2, 0, "e¢"), w(2, 50, "Encadrement"), w(3, 0, "ee"), w(3, 50, "x")},
			"• Designed • Encadrement ee x"},
		{"bullet dot read as e", []bbWord{w(1, 0, "e"), w(1, 50, "Led"), w(1, 100, "a"), w(1, 150, "team")},
			"• Led a team"},
		{"middle dots read as colon and hyphen", []bbWord{w(1, 0, "GraphQL"), box(1, 44, 1.5, 104, 1.5, ":"), w(1, 50, "TensorFlow"), box(1, 94, 1.5, 104, 1.5, "-"), w(1, 100, "Python")},
			"GraphQL · TensorFlow · Python"},
		{"a real colon and a real dash", []bbWord{w(1, 0, "Langues"), box(1, 44, 1.5, 102, 6, ":"), w(1, 50, "Anglais"), box(1, 94, 4, 105, 1, "-"), w(1, 100, "B2")},
			"Langues : Anglais - B2"},
		{"a short dash blurred on a photo, twice as wide as high", []bbWord{box(1, 0, 40, 96, 16, "Degree"), box(1, 44, 3.5, 104, 1.7, "-"), box(1, 50, 40, 96, 16, "Distinction")},
			"Degree - Distinction"},
		{"a word cut where its ink overlaps", []bbWord{w(1, 0, "NumP"), box(1, 30, 8, 98, 15, "y)"), w(1, 60, "Java")},
			"NumPy) Java"},
		{"a check mark lost between two items", []bbWord{w(1, 0, "v"), w(1, 45, "Django"), w(1, 90, "Microservices"), w(1, 155, "SQL"), w(1, 200, "v"), w(1, 245, "GCP")},
			"✓ Django Microservices ✓ SQL ✓ GCP"},
		{"a rule under a heading read as letters", []bbWord{w(1, 0, "Education"), box(1, 300, 40, 108, 1.5, "ee"), box(1, 350, 8, 108, 1.5, "_"), box(1, 370, 8, 104, 1, "—"),
			w(2, 0, "Imperial"), w(2, 50, "College"), w(2, 100, "London")},
			"Education — Imperial College London"},
		{"a table border read as a bar, a typed bar kept", []bbWord{w(1, 0, "Year"), box(1, 45, 1, 95, 20, "|"), w(1, 50, "Score"),
			w(2, 0, "London"), box(2, 45, 1, 100, 10, "|"), w(2, 50, "Paris")},
			"Year Score London | Paris"},
		{"a Roman numeral V inside a name", []bbWord{w(1, 0, "Université"), w(1, 50, "Mohammed"), w(1, 100, "V"), w(1, 150, "de"), w(1, 200, "Rabat")},
			"Université Mohammed V de Rabat"},
		{"a V opening a line of items is a mark", []bbWord{w(1, 0, "V"), w(1, 50, "Excel"), w(1, 100, "V"), w(1, 150, "Power"), w(1, 200, "BI")},
			"✓ Excel ✓ Power BI"},
		{"noise under the confidence floor", []bbWord{w(1, 0, "Go"), {XMin: 60, XMax: 70, YMin: 100, YMax: 110, Text: "~", Conf: 5, par: 1, line: 1}},
			"Go"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, x := range readOCR(tt.words) {
				got = append(got, x.Text)
			}
			if s := strings.Join(got, " "); s != tt.want {
				t.Errorf("got %q, want %q", s, tt.want)
			}
		})
	}
}

// TestStraightenLevelsATiltedPage: the words of lines photographed at 1.5°
// come back to one row per line; a level page whose lines start with a
// capital (ink higher on the left) is left as it is.
func TestStraightenLevelsATiltedPage(t *testing.T) {
	// page is 6 lines of 8 words tilted by deg, each line opening with a
	// capitalised word whose ink rises 3 pt above the others'.
	page := func(deg float64) []bbWord {
		slope := math.Tan(deg * math.Pi / 180)
		var words []bbWord
		for line := range 6 {
			for i := range 8 {
				x := 50 + float64(i)*60
				y := 100 + float64(line)*14 + x*slope
				top := y
				if i == 0 {
					top -= 3
				}
				words = append(words, bbWord{XMin: x, XMax: x + 50, YMin: top, YMax: y + 10, Text: "word", Conf: 90, line: line + 1})
			}
		}
		return words
	}
	level := page(0)
	want := slices.Clone(level)
	straighten(level)
	if !slices.Equal(level, want) {
		t.Errorf("a level page was moved")
	}
	words := page(1.5)
	straighten(words)
	for line := range 6 {
		top, bottom := math.Inf(1), math.Inf(-1)
		for _, w := range words[line*8 : line*8+8] {
			top, bottom = math.Min(top, w.YMax), math.Max(bottom, w.YMax)
		}
		if bottom-top > 0.5 {
			t.Errorf("line %d's baseline spans %.1f pt after straightening, want one level", line+1, bottom-top)
		}
	}
}

// textPDF is a one-page A4 PDF whose text layer is lines in Helvetica
// (top-down from y), drawn over img (a JPEG covering the page) when img
// is not nil.
func textPDF(t *testing.T, lines []string, img []byte) []byte {
	t.Helper()
	var content strings.Builder
	if img != nil {
		content.WriteString("q 595.28 0 0 841.89 0 0 cm /Im0 Do Q\n")
	}
	content.WriteString("BT /F1 8 Tf 30 825 Td 10 TL\n")
	for _, l := range lines {
		fmt.Fprintf(&content, "(%s) Tj T*\n", l)
	}
	content.WriteString("ET")
	var b bytes.Buffer
	var offs []int
	obj := func(s string, stream []byte) {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\n", len(offs), s)
		if stream != nil {
			fmt.Fprintf(&b, "stream\n%s\nendstream\n", stream)
		}
		b.WriteString("endobj\n")
	}
	b.WriteString("%PDF-1.4\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>", nil)
	obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>", nil)
	obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << /Font << /F1 5 0 R >> /XObject << /Im0 6 0 R >> >> /Contents 4 0 R >>", nil)
	obj(fmt.Sprintf("<< /Length %d >>", content.Len()), []byte(content.String()))
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", nil)
	if img != nil {
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(img))
		if err != nil {
			t.Fatal(err)
		}
		obj(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>",
			cfg.Width, cfg.Height, len(img)), img)
	} else {
		obj("<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Length 0 >>", []byte{})
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	return b.Bytes()
}

// TestPagesWithoutTheirTextAreReadByOCR: a page whose text layer holds only
// a browser's header and footer while the CV itself is ink (outlined text,
// an image) is read by OCR; a page whose text layer is all it shows is
// read from it, however short, with no OCR.
func TestPagesWithoutTheirTextAreReadByOCR(t *testing.T) {
	e := newTestExtractor(t, nil)
	// A browser's header and footer: some 60 letters of text layer.
	header := []string{"12/5/26, 9:14 PM   Hannah Walker - Curriculum Vitae | Personal Website", "https://hannah-walker.github.io/curriculum-vitae/index.html   1/1"}
	src, err := os.ReadFile("../cvparse/testdata/corpus/g01-latex-en-1col.pdf")
	if err != nil {
		t.Fatal(err)
	}
	pages, err := extracttest.RenderPages(context.Background(), src, 150)
	if err != nil {
		t.Fatal(err)
	}
	img, err := extracttest.JPEG(pages[0], 75)
	if err != nil {
		t.Fatal(err)
	}
	outlined, err := os.ReadFile("../cvparse/testdata/corpus/g88-print-en-1col.pdf")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		pdf  []byte
		ocr  bool
		want []string
	}{
		{"browser header over an image of the CV", textPDF(t, header, img), true, []string{"Brightwave Solutions", "Northwind Traders", "Personal Website"}},
		{"outlined text under a browser header (ghostscript -dNoOutputFonts)", outlined, true, []string{"Lucas Carter", "Globex Corporation", "Core Competencies"}},
		{"a short text layer and nothing else", textPDF(t, []string{"Jane Doe", "jane@example.com"}, nil), false, []string{"Jane Doe", "jane@example.com"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := e.Text(context.Background(), tt.pdf)
			if err != nil {
				t.Fatal(err)
			}
			if doc.OCR != tt.ocr {
				t.Errorf("OCR = %v, want %v", doc.OCR, tt.ocr)
			}
			for _, w := range tt.want {
				if !strings.Contains(doc.Text, w) {
					t.Errorf("text lacks %q:\n%s", w, doc.Text)
				}
			}
		})
	}
}

// TestPhotoOfACVIsRead: a phone photo of a printed CV (JPEG, turned 1.3°,
// lit from one corner, slightly blurred, noisy; corpusgen's photoJPEG) is
// read whole: the dimmer side too (Otsu's global threshold loses its
// right-aligned dates), each line on one row.
func TestPhotoOfACVIsRead(t *testing.T) {
	e := newTestExtractor(t, nil)
	photo, err := os.ReadFile("../cvparse/testdata/corpus/g90-photo-en-1col.jpg")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := e.Text(context.Background(), photo)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Kind != KindJPEG || !doc.OCR {
		t.Fatalf("kind %s, OCR %v", doc.Kind, doc.OCR)
	}
	for _, w := range []string{
		"Sarah Fischer",
		"www.linkedin.com/in/sarah-fischer",   // the end of the line, turned furthest
		"Machine Learning Engineer\tOct 2023", // a title and its date on one row
		"Apr 2022",                            // the dimmer right-hand side
		"Tools: Terraform, Tableau, Kafka, Figma, AWS",
	} {
		if !strings.Contains(doc.Text, w) {
			t.Errorf("text lacks %q:\n%s", w, doc.Text)
		}
	}
}

// TestUnevenLight: a page lit from one corner (a phone photo) is told from
// an evenly lit one (a scanner), including a scan with a dark block on it.
func TestUnevenLight(t *testing.T) {
	src, err := os.ReadFile("../cvparse/testdata/corpus/g01-latex-en-1col.pdf")
	if err != nil {
		t.Fatal(err)
	}
	pages, err := extracttest.RenderPages(context.Background(), src, 100)
	if err != nil {
		t.Fatal(err)
	}
	page := pages[0]
	block := extracttest.Degrade(page, extracttest.ScanOptions{})
	for y := 100; y < 300; y++ {
		for x := 50; x < 200; x++ {
			block.Pix[y*block.Stride+x] = 40 // a dark photo or sidebar
		}
	}
	tests := []struct {
		name   string
		page   *image.Gray
		uneven bool
	}{
		{"scanner", page, false},
		{"scanner, noise and a turn", extracttest.Degrade(page, extracttest.ScanOptions{Rotate: 2, Noise: 20}), false},
		{"scanner, a dark block", block, false},
		{"photo lit from one corner", extracttest.Degrade(page, extracttest.ScanOptions{Lighting: 0.45, Noise: 6}), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, h := tt.page.Bounds().Dx(), tt.page.Bounds().Dy()
			if got := unevenLight(w, h, pgmPix(tt.page)); got != tt.uneven {
				t.Errorf("unevenLight = %v, want %v", got, tt.uneven)
			}
		})
	}
}

func pgmPix(g *image.Gray) []byte {
	_, _, pix, err := parsePGM(pgm(g))
	if err != nil {
		panic(err)
	}
	return pix
}
