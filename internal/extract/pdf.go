package extract

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

func (e *Extractor) pdf(ctx context.Context, data []byte, progress Progress) (Document, error) {
	if err := e.prescanPDF(data); err != nil {
		return Document{}, err
	}
	wd, err := newWorkDir(data, "in.pdf")
	if err != nil {
		return Document{}, err
	}
	defer wd.Close()
	// pdfinfo (encryption, page count) and pdftotext run side by side:
	// each is mostly process and font setup, so on a CV this halves the
	// extraction's wall time. pdfinfo's verdict wins; when it refuses the
	// file, pdftotext (already bounded by -l, the time and memory limits)
	// is cancelled and its result dropped.
	tctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type textResult struct {
		out []byte
		err error
	}
	text := make(chan textResult, 1)
	go func() {
		out, err := e.run(tctx, wd.dir, e.limits.MaxTextBytes*20, e.tools.pdftotext,
			"-bbox-layout", "-enc", "UTF-8", "-q", "-l", strconv.Itoa(e.limits.MaxPages), "in.pdf", "-")
		text <- textResult{out, err}
	}()
	pages, err := e.pdfInfo(ctx, wd)
	if err != nil {
		cancel()
		<-text // the tool has exited before the work directory goes
		return Document{}, err
	}
	tr := <-text
	out, err := tr.out, tr.err
	if err != nil {
		return Document{}, toolRefusal(err, "PDF", e.limits)
	}
	layer, err := parseBBox(out)
	if err != nil {
		return Document{}, refuseErr(CodeFailed, err, "the PDF's text could not be read")
	}
	read, err := e.pagesToOCR(ctx, wd, layer)
	if err != nil {
		return Document{}, err
	}
	doc := Document{Pages: pages}
	var ocr map[int][]Line
	if len(read) > 0 {
		if progress != nil {
			progress(StageOCR)
		}
		lines, unsure, err := e.ocrPDF(ctx, wd, read)
		if err != nil {
			return Document{}, err
		}
		ocr = map[int][]Line{}
		for _, l := range lines {
			ocr[l.Page] = append(ocr[l.Page], l)
		}
		doc.OCR, doc.UnsurePages = true, unsure
	}
	var gutter pageSplit // where the page before split
	for i, p := range layer {
		if slices.Contains(read, i+1) {
			doc.Lines = append(doc.Lines, ocr[i+1]...)
			gutter = pageSplit{}
			continue
		}
		var lines []Line
		lines, gutter = layoutPageAfter(p.words, p.width, i+1, gutter)
		doc.Lines = append(doc.Lines, lines...)
	}
	return doc, nil
}

// pagesToOCR picks the pages (at most MaxOCRPages, 1-based) whose text layer
// does not carry what the page shows, so OCR must read them: a page whose
// text layer holds the CV is read from it. A page with little or garbled
// text (a scan has none, or a scanner's stamp; a browser's "print to PDF"
// of a page whose text was drawn as outlines keeps only the header and
// footer it adds) is read by OCR when it has ink the text layer does not
// account for; an almost blank page is left alone.
func (e *Extractor) pagesToOCR(ctx context.Context, wd *workDir, text []textPage) ([]int, error) {
	var read []int
	for i, p := range text {
		if len(read) == e.limits.ocrPages() {
			break
		}
		if !thinText(p.words) {
			continue
		}
		ink, err := e.untextedInk(ctx, wd, i+1, p)
		if err != nil {
			return nil, err
		}
		if ink >= minUntextedInk {
			read = append(read, i+1)
		}
	}
	return read, nil
}

// thinText reports whether a page's text layer is too little to be a CV
// page read from it: under 200 letters (a CV page has well over a
// thousand, and a last page of a few lines a few hundred), or more
// symbols than half its letters (fonts without a Unicode map).
func thinText(words []bbWord) bool {
	letters, other := 0, 0
	for _, w := range words {
		for _, r := range w.Text {
			switch {
			case unicode.IsLetter(r):
				letters++
			case !unicode.IsSpace(r):
				other++
			}
		}
	}
	return letters < 200 || letters < 2*other
}

// inkDPI is the resolution a page is rendered at to look for ink outside
// its text layer: body text shows as grey bands, at a few milliseconds of
// pdftoppm.
const inkDPI = 36

// inkGrey is the grey level (0 black, 255 white) under which a pixel at
// inkDPI is ink: body text averaged over a pixel's area is mid-grey, not
// black (at 36 dpi, 2.5–3 % of a scanned CV page is darker than 160, 5–7 %
// darker than 192; blank paper, scanned or not, is lighter).
const inkGrey = 192

// minUntextedInk is the share of a page's pixels that must be ink outside
// the text layer's words for OCR to read it: about two lines of body text
// at inkDPI (a scanned CV page has 5–7 %, a page of outlined text 8–10 %).
// A rule, an icon or a small logo stay under it.
const minUntextedInk = 0.01

// untextedInk renders page p at inkDPI and returns the share of its pixels
// that are ink (darker than inkGrey) and lie outside every word box of its
// text layer.
func (e *Extractor) untextedInk(ctx context.Context, wd *workDir, p int, tp textPage) (float64, error) {
	page := strconv.Itoa(p)
	name := "ink" + page
	if _, err := e.runWriting(ctx, wd.dir, 1<<10, 8<<20, e.limits.Timeout, e.tools.pdftoppm, "-r", strconv.Itoa(inkDPI), "-gray",
		"-f", page, "-l", page, "-singlefile", "in.pdf", name); err != nil {
		return 0, toolRefusal(err, "PDF", e.limits)
	}
	data, err := os.ReadFile(filepath.Join(wd.dir, name+".pgm"))
	if err != nil {
		return 0, refuseErr(CodeFailed, err, "the PDF page could not be rendered")
	}
	w, h, pix, err := parsePGM(data)
	if err != nil {
		return 0, refuseErr(CodeFailed, err, "the PDF page could not be rendered")
	}
	covered := make([]bool, w*h)
	scale := float64(inkDPI) / 72
	for _, word := range tp.words {
		// A pixel of margin: anti-aliasing spreads a glyph's grey beyond
		// its box.
		x0, y0 := max(0, int(word.XMin*scale)-1), max(0, int(word.YMin*scale)-1)
		x1, y1 := min(w-1, int(word.XMax*scale)+1), min(h-1, int(word.YMax*scale)+1)
		for y := y0; y <= y1; y++ {
			for x := x0; x <= x1; x++ {
				covered[y*w+x] = true
			}
		}
	}
	ink := 0
	for i, v := range pix {
		if v < inkGrey && !covered[i] {
			ink++
		}
	}
	return float64(ink) / float64(max(1, w*h)), nil
}

// parsePGM reads a binary 8-bit PGM (P5) as pdftoppm -gray writes it.
func parsePGM(b []byte) (w, h int, pix []byte, err error) {
	var magic string
	var maxv int
	r := bytes.NewReader(b)
	if _, err := fmt.Fscan(r, &magic, &w, &h, &maxv); err != nil {
		return 0, 0, nil, fmt.Errorf("pgm header: %w", err)
	}
	if magic != "P5" || maxv != 255 || w <= 0 || h <= 0 || r.Len() == 0 {
		return 0, 0, nil, fmt.Errorf("pgm: %dx%d, max %d", w, h, maxv)
	}
	body := b[len(b)-r.Len()+1:] // one whitespace byte ends the header
	if len(body) < w*h {
		return 0, 0, nil, fmt.Errorf("pgm: %d bytes for %dx%d", len(body), w, h)
	}
	return w, h, body[:w*h], nil
}

var (
	reCount   = regexp.MustCompile(`/Count\s+(\d{1,12})`)
	reFlate   = regexp.MustCompile(`/FlateDecode|/Fl\b`)
	reStream  = regexp.MustCompile(`stream\r?\n`)
	reXrefPos = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF`)
)

// prescanPDF refuses bombs before any tool runs: page counts over the limit
// in page-tree nodes, and Flate streams whose total inflated size exceeds
// MaxDecompressed (each inflation stops at the remaining budget, so the
// check itself is bounded).
func (e *Extractor) prescanPDF(data []byte) error {
	if m := reXrefPos.FindAllSubmatch(data[max(0, len(data)-4096):], -1); len(m) > 0 {
		off, _ := strconv.ParseInt(string(m[len(m)-1][1]), 10, 64)
		if off <= 0 || off >= int64(len(data)) {
			return refuse(CodeTruncatedFile, "the PDF's cross-reference table points past the end of the file; it is truncated or damaged")
		}
	}
	for _, m := range reCount.FindAllSubmatch(data, -1) {
		n, _ := strconv.ParseInt(string(m[1]), 10, 64)
		if n > int64(e.limits.MaxPages) {
			return refuse(CodeTooManyPages, "the PDF declares %d pages; the limit is %d", n, e.limits.MaxPages)
		}
	}
	budget := e.limits.MaxDecompressed
	for _, loc := range reStream.FindAllIndex(data, -1) {
		if loc[0] > 0 && isIdentByte(data[loc[0]-1]) { // "endstream"
			continue
		}
		dictStart := max(0, loc[0]-2048)
		dict := data[dictStart:loc[0]]
		if i := bytes.LastIndex(dict, []byte("obj")); i >= 0 {
			dict = dict[i:]
		}
		if !reFlate.Match(dict) {
			continue
		}
		zr, err := zlib.NewReader(bytes.NewReader(data[loc[1]:]))
		if err != nil {
			continue // damaged stream: poppler decides whether the page is readable
		}
		n, _ := io.Copy(io.Discard, io.LimitReader(zr, budget+1))
		zr.Close()
		if budget -= n; budget < 0 {
			return refuse(CodeDecompressionBomb, "the PDF's compressed streams expand beyond %s; it looks like a decompression bomb", humanBytes(e.limits.MaxDecompressed))
		}
	}
	return nil
}

func isIdentByte(c byte) bool { return isASCIILetter(c) }

func (e *Extractor) pdfInfo(ctx context.Context, wd *workDir) (int, error) {
	out, err := e.run(ctx, wd.dir, 64<<10, e.tools.pdfinfo, "in.pdf")
	if err != nil {
		var te *toolError
		if errors.As(err, &te) && strings.Contains(strings.ToLower(te.stderr), "password") {
			return 0, refuse(CodeEncryptedPDF, "the PDF is password-protected; export an unprotected copy and upload that")
		}
		if errors.As(err, &te) && !te.timedOut {
			return 0, refuseErr(CodeMalformedFile, err, "the PDF is damaged and cannot be opened")
		}
		return 0, toolRefusal(err, "PDF", e.limits)
	}
	pages := 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch k {
		case "Pages":
			pages, _ = strconv.Atoi(v)
		case "Encrypted":
			if strings.HasPrefix(v, "yes") {
				return 0, refuse(CodeEncryptedPDF, "the PDF is encrypted; export an unprotected copy and upload that")
			}
		}
	}
	if pages > e.limits.MaxPages {
		return 0, refuse(CodeTooManyPages, "the PDF has %d pages; the limit is %d", pages, e.limits.MaxPages)
	}
	if pages == 0 {
		return 0, refuse(CodeMalformedFile, "the PDF has no pages")
	}
	return pages, nil
}

type bbWord struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
	// Conf is Tesseract's confidence in an OCR word (0–100); 0 for words
	// of a text layer.
	Conf float64 `xml:"-"`
	// par and line number an OCR word's paragraph and line on its page
	// (Tesseract's own).
	par, line int
	// tagBefore says that the gap before this word parts two tags set
	// side by side (markTagGaps).
	tagBefore bool
}

type bbLine struct {
	Words []bbWord `xml:"word"`
}

type bbBlock struct {
	Lines []bbLine `xml:"line"`
}

type bbFlow struct {
	Blocks []bbBlock `xml:"block"`
}

type bbPage struct {
	Width  float64  `xml:"width,attr"`
	Height float64  `xml:"height,attr"`
	Flows  []bbFlow `xml:"flow"`
}

// textPage is one page of a PDF's text layer: its words and width.
type textPage struct {
	words []bbWord
	width float64
}

// parseBBox reads pdftotext -bbox-layout output. It keeps only the word
// boxes: poppler's own flow order interleaves sidebar and main column on
// two-column CVs (measured on the corpus), so layoutPage rebuilds lines and
// reading order itself.
func parseBBox(out []byte) ([]textPage, error) {
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false
	var pages []textPage
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "page" {
			continue
		}
		var p bbPage
		if err := dec.DecodeElement(&p, &se); err != nil {
			return nil, err
		}
		var words []bbWord
		for _, f := range p.Flows {
			for _, b := range f.Blocks {
				for _, l := range b.Lines {
					for _, w := range l.Words {
						if strings.TrimSpace(w.Text) != "" && w.YMax > w.YMin {
							words = append(words, w)
						}
					}
				}
			}
		}
		pages = append(pages, textPage{words, p.Width})
	}
	return pages, nil
}
