package extract

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"image"
	_ "image/jpeg" // DecodeConfig of JPEG CVs
	_ "image/png"  // DecodeConfig of PNG CVs
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/sync/errgroup"
)

// StageOCR is reported to a Progress callback when a document has no usable
// text layer and is read by OCR, which takes seconds rather than
// milliseconds.
const StageOCR = "ocr"

// Progress is told the stages extraction enters that a user should see.
type Progress func(stage string)

// ocrDPI is the resolution PDF pages are rendered at for OCR: CV body text
// (9–11 pt) is 19–23 pixels high, enough for Tesseract, and a page reads in
// about 1.6 s of CPU (2.1–2.6 s at 200 dpi, for the same words on the
// scanned corpus CVs, which are 150 dpi images anyway).
const ocrDPI = 150

// maxImagePixels refuses images whose header declares more pixels than a
// scanned page at 600 dpi: decoding one would be a memory bomb.
const maxImagePixels = 40_000_000

// usableText reports whether a PDF's text layer carries the CV: scans have
// none, or only a page number or a scanner's stamp, and PDFs whose text was
// drawn as outlines or with fonts lacking a Unicode map yield few letters.
func usableText(lines []Line, pages int) bool {
	letters, other := 0, 0
	for _, l := range lines {
		for _, r := range l.Text {
			switch {
			case unicode.IsLetter(r):
				letters++
			case !unicode.IsSpace(r):
				other++
			}
		}
	}
	return letters >= 40*max(1, pages)/2 && letters >= 2*other
}

// ocrPDF renders each page (up to MaxOCRPages) with pdftoppm and reads it
// with Tesseract; the word boxes go through the same layout as a text PDF's.
// The pages are read side by side, one single-threaded Tesseract per page,
// within the Extractor's OCR bound (MaxOCR) shared with every other
// document: a 3-page scan on a free machine takes about as long as its
// slowest page rather than the sum of all three, and several scans at once
// queue for the CPUs instead of oversubscribing them.
func (e *Extractor) ocrPDF(ctx context.Context, wd *workDir, pages int) (lines []Line, unsure []int, err error) {
	n := min(pages, e.limits.ocrPages())
	for p := 1; p <= n; p++ {
		page := strconv.Itoa(p)
		// The page is written as raw 8-bit grey (PGM, ~2.2 MB for A4 at
		// 150 dpi): encoding it as PNG cost pdftoppm 0.42 s of CPU per page
		// against 0.05 s, for Tesseract to decode it again. A page box
		// inflated beyond 64 MB fails here rather than filling the disk.
		if _, err := e.runWriting(ctx, wd.dir, 1<<10, 64<<20, e.limits.Timeout, e.tools.pdftoppm, "-r", strconv.Itoa(ocrDPI), "-gray",
			"-f", page, "-l", page, "-singlefile", "in.pdf", "page"+page); err != nil {
			return nil, nil, toolRefusal(err, "scanned PDF", e.limits)
		}
	}
	type read struct {
		words []bbWord
		width float64
		low   int
	}
	reads := make([]read, n)
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(cap(e.ocr))
	for i := range n {
		g.Go(func() error {
			words, w, low, err := e.tesseract(gctx, wd, "page"+strconv.Itoa(i+1)+".pgm", 72.0/ocrDPI)
			reads[i] = read{words, w, low}
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, nil, err
	}
	for i, r := range reads {
		lines = append(lines, layoutPage(r.words, r.width, i+1)...)
		if unsurePage(len(r.words), r.low) {
			unsure = append(unsure, i+1)
		}
	}
	return lines, unsure, nil
}

// lowConfidence is the Tesseract confidence (0–100) under which a kept
// word is counted as unsure.
const lowConfidence = 60

// unsurePage: more than a quarter of the page's words are unsure, or
// Tesseract found almost nothing to read on it.
func unsurePage(words, low int) bool {
	return words < 5 || 4*low > words
}

// image reads a PNG or JPEG CV (a photo or scan of the page) by OCR. The
// page is scaled to A4 width in points, so the layout's thresholds hold
// whatever the resolution.
func (e *Extractor) image(ctx context.Context, data []byte, kind Kind, progress Progress) (Document, error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return Document{}, refuseErr(CodeMalformedFile, err, "the %s image is damaged", strings.ToUpper(string(kind)))
	}
	if cfg.Width < 200 || cfg.Height < 200 {
		return Document{}, refuse(CodeNoText, "the image is %d×%d pixels, too small to read a CV from", cfg.Width, cfg.Height)
	}
	if int64(cfg.Width)*int64(cfg.Height) > maxImagePixels {
		return Document{}, refuse(CodeDecompressionBomb, "the image is %d×%d pixels; the limit is %d megapixels", cfg.Width, cfg.Height, maxImagePixels/1_000_000)
	}
	wd, err := newWorkDir(data, "in."+string(kind))
	if err != nil {
		return Document{}, err
	}
	defer wd.Close()
	if progress != nil {
		progress(StageOCR)
	}
	words, w, low, err := e.tesseract(ctx, wd, "in."+string(kind), 595.0/float64(cfg.Width))
	if err != nil {
		return Document{}, err
	}
	doc := Document{Pages: 1, Lines: layoutPage(words, w, 1), OCR: true}
	if unsurePage(len(words), low) {
		doc.UnsurePages = []int{1}
	}
	return doc, nil
}

// tesseract runs OCR on one image in wd and returns its words with boxes
// scaled by scale (pixels → points), the page width in points and how many
// of the words Tesseract was unsure of.
func (e *Extractor) tesseract(ctx context.Context, wd *workDir, name string, scale float64) ([]bbWord, float64, int, error) {
	select {
	case e.ocr <- struct{}{}:
	case <-ctx.Done():
		return nil, 0, 0, ctx.Err()
	}
	e.countOCR()
	defer func() {
		e.ocrRunning.Add(-1)
		<-e.ocr
	}()
	// Tesseract gets the same CPU and memory limits as every tool, and
	// twice the wall-clock time: it is the one tool that runs for seconds,
	// and on a shared, loaded machine its wall time is a multiple of its
	// CPU time (1.6 s of CPU took 9.5 s at a load average of 28).
	out, err := e.runWriting(ctx, wd.dir, e.limits.MaxTextBytes*8, 0, 2*e.limits.Timeout, e.tools.tesseract,
		// tessedit_do_invert=0: CVs are dark text on a light page, so
		// Tesseract need not also try every doubtful line inverted.
		name, "-", "-l", "eng+fra", "--psm", "3", "-c", "tessedit_do_invert=0", "tsv")
	if err != nil {
		return nil, 0, 0, toolRefusal(err, "scanned page", e.limits)
	}
	words, width, low, err := parseTSV(out, scale)
	if err != nil {
		return nil, 0, 0, refuseErr(CodeFailed, err, "the scanned page could not be read")
	}
	return words, width, low, nil
}

// countOCR counts a Tesseract run starting and keeps the peak.
func (e *Extractor) countOCR() {
	n := e.ocrRunning.Add(1)
	for {
		p := e.ocrPeak.Load()
		if n <= p || e.ocrPeak.CompareAndSwap(p, n) {
			return
		}
	}
}

// bulletMisreads are what Tesseract makes of bullet and separator dots and
// check marks standing alone; none of them is a word in English or French.
var bulletMisreads = map[string]bool{"e": true, "¢": true, "«": true, "»": true, "©": true, "°": true, "®": true, "*": true, "+": true, "•": true, "«»": true,
	// check marks ("✓ Go ✓ SQL")
	"v": true, "V": true, "¥": true, "✓": true, "✔": true}

// parseTSV reads Tesseract's TSV: level 1 rows give the page size, level 5
// rows the words. Words recognised with very low confidence are noise
// (specks, rules, photo texture) more often than text; low counts the kept
// words under lowConfidence.
func parseTSV(out []byte, scale float64) (words []bbWord, width float64, low int, err error) {
	lineTop, lineH := 0.0, 0.0
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 12 || f[0] == "level" {
			continue
		}
		var n [5]float64
		for i, s := range []string{f[6], f[7], f[8], f[9], f[10]} {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return nil, 0, 0, fmt.Errorf("tesseract tsv: %q: %w", sc.Text(), err)
			}
			n[i] = v
		}
		left, top, w, h, conf := n[0], n[1], n[2], n[3], n[4]
		switch f[0] {
		case "1":
			width = w * scale
		case "4":
			lineTop, lineH = top, h
		case "5":
			text := strings.TrimSpace(f[11])
			if text == "" || conf < 20 || h <= 0 {
				continue
			}
			// A word's box is its ink: "were" is half as high as "Lyon".
			// The line's box gives every word the same height, as a PDF
			// text layer does, so sizes and gaps compare across words.
			if lineH > 0 && top >= lineTop-2 && top+h <= lineTop+lineH+2 {
				top, h = lineTop, lineH
			}
			if bulletMisreads[text] {
				text = "•" // a bullet or separator dot read as a letter
			} else if conf < lowConfidence {
				low++
			}
			words = append(words, bbWord{XMin: left * scale, YMin: top * scale, XMax: (left + w) * scale, YMax: (top + h) * scale, Text: text})
		}
	}
	return words, width, low, sc.Err()
}
