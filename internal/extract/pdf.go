package extract

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
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
	lines, err := parseBBox(out)
	if err != nil {
		return Document{}, refuseErr(CodeFailed, err, "the PDF's text could not be read")
	}
	if usableText(lines, pages) {
		return Document{Pages: pages, Lines: lines}, nil
	}
	if progress != nil {
		progress(StageOCR)
	}
	lines, unsure, err := e.ocrPDF(ctx, wd, pages)
	if err != nil {
		return Document{}, err
	}
	return Document{Pages: pages, Lines: lines, OCR: true, UnsurePages: unsure}, nil
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

// parseBBox reads pdftotext -bbox-layout output. It uses only the word
// boxes: poppler's own flow order interleaves sidebar and main column on
// two-column CVs (measured on the corpus), so layout() rebuilds lines and
// reading order itself.
func parseBBox(out []byte) ([]Line, error) {
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false
	var lines []Line
	pageNo := 0
	gutter := 0.0 // where the page before split into columns
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
		pageNo++
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
		var pl []Line
		pl, gutter = layoutPageAfter(words, p.Width, pageNo, gutter)
		lines = append(lines, pl...)
	}
	return lines, nil
}
