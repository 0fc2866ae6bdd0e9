// Package extract recognises CV documents by content and turns them into text
// in reading order, with the layout cues (font size, bold, headings, bullets,
// position) that structuring uses. It refuses hostile or unusable files
// (executables, bombs, encrypted, truncated, empty) with typed errors that
// carry stable codes.
//
// PDF text comes from poppler-utils (pdfinfo, pdftotext -bbox-layout) and
// DOC text from antiword (catdoc as fallback), each run without a shell,
// under a time and an address-space limit, on a copy of the input in a
// private temporary directory. DOCX, ODT, RTF and plain text are read in
// process with bounded readers.
package extract

import (
	"context"
	"fmt"
	"runtime"
	"sync/atomic"
	"time"
)

// Limits bound the work done for one document.
type Limits struct {
	// MaxBytes is the largest accepted input.
	MaxBytes int64
	// MaxPages is the largest accepted PDF page count.
	MaxPages int
	// MaxDecompressed bounds the total size of decompressed streams (PDF
	// Flate streams, ZIP entries read).
	MaxDecompressed int64
	// MaxZipEntries bounds the entry count of a DOCX/ODT container.
	MaxZipEntries int
	// MaxPartBytes bounds the inflated size of one DOCX/ODT part (the
	// document XML is streamed, never held whole); 0 means 10 MB.
	MaxPartBytes int64
	// MaxTextBytes bounds the text produced.
	MaxTextBytes int
	// Timeout bounds each external tool run.
	Timeout time.Duration
	// MaxMemory bounds the address space of each external tool, in bytes.
	MaxMemory int64
	// MaxOCRPages bounds the pages of a scanned PDF read by OCR (each takes
	// seconds); 0 means 3.
	MaxOCRPages int
	// MaxConcurrent bounds the documents extracted at once by one
	// Extractor, whichever path asks (upload, analysis job, interview, skills
	// gap); 0 means one per CPU. Extraction is CPU-bound: more at once only
	// multiplies memory.
	MaxConcurrent int
	// MaxWait bounds how long a document waits for its turn before it is
	// refused as busy; 0 means 30 s.
	MaxWait time.Duration
	// MaxOCR bounds the Tesseract processes running at once for all the
	// documents of one Extractor; 0 means one per CPU. A scan's pages are
	// read side by side, so without one bound shared by every document,
	// MaxConcurrent scans would each start a Tesseract per page and
	// oversubscribe the CPUs.
	MaxOCR int
}

// DefaultLimits suit CVs: 10 MB, 30 pages, 100 MB decompressed.
func DefaultLimits() Limits {
	return Limits{
		MaxBytes:        10 << 20,
		MaxPages:        30,
		MaxDecompressed: 100 << 20,
		MaxZipEntries:   2000,
		MaxPartBytes:    10 << 20,
		MaxTextBytes:    2 << 20,
		Timeout:         20 * time.Second,
		MaxMemory:       768 << 20,
		MaxOCRPages:     3,
	}
}

// Document is the text of one document in reading order.
type Document struct {
	Kind Kind
	// Text is the document's text, one line per Line, with a blank line
	// between blocks.
	Text string
	// Pages is the page count for PDF; 0 for formats without pages.
	Pages int
	Lines []Line
	// Links are hyperlink targets found in the document (DOCX, ODT, RTF,
	// PDF link annotations are not read), in document order, deduplicated.
	Links []string
	// OCR is true when the text was read from page images (a scanned PDF,
	// a PNG or JPEG CV): words may be misread.
	OCR bool
	// UnsurePages are the pages read by OCR where Tesseract was unsure of
	// many words (see unsurePage): what they say may be wrong or missing.
	UnsurePages []int `json:",omitempty"`
}

// Line is one line of text with the layout cues the format gives.
type Line struct {
	Text string
	// Page is 1-based for PDF, 0 otherwise.
	Page int
	// X, Y are the top-left corner in points from the page's top-left (PDF).
	X, Y float64
	// Size is the text height in points (PDF: glyph box height; DOCX/ODT:
	// font size when declared); 0 when unknown.
	Size float64
	// Bold is true when the line starts with bold text (DOCX, ODT, RTF).
	Bold bool
	// Heading is true when the author styled the paragraph as a heading.
	Heading bool
	// Bullet is true for list items and lines starting with a bullet glyph.
	Bullet bool
	// GapBefore is true when the line starts a new block (blank line,
	// paragraph or column change).
	GapBefore bool
	// Column is 1 for a line of a page's left column and 2 for its right
	// column when the page is read as two columns (PDF); 0 for a line
	// spanning the page (header, footer) or a page of one column. A
	// column's text continues on the next page's column of the same side.
	Column int `json:",omitempty"`
	// Full is true when the line runs to its block's right edge: the next
	// line, set at the same x in the same type, opens with a word that
	// would not have fitted after it, as a line the typesetter wrapped
	// does (PDF). A line set apart on purpose can be as full by chance:
	// the parser weighs it with what the lines say.
	Full bool `json:",omitempty"`
}

// Extractor extracts text under fixed limits. It is safe for concurrent use.
type Extractor struct {
	limits Limits
	tools  toolPaths
	slots  chan struct{} // admission: one token per document being extracted
	ocr    chan struct{} // one token per Tesseract process running
	ocrSet ocrSettings
	// ocrRunning and ocrPeak count the Tesseract processes running now and
	// at most so far: what a test observes of the OCR bound.
	ocrRunning, ocrPeak atomic.Int64
}

// New returns an Extractor; it fails when a required Debian tool (pdftotext,
// pdfinfo, antiword, prlimit) is missing.
func New(limits Limits) (*Extractor, error) {
	tools, err := findTools()
	if err != nil {
		return nil, err
	}
	n := limits.MaxConcurrent
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	o := limits.MaxOCR
	if o <= 0 {
		o = runtime.GOMAXPROCS(0)
	}
	return &Extractor{limits: limits, tools: tools, slots: make(chan struct{}, n), ocr: make(chan struct{}, o), ocrSet: defaultOCR}, nil
}

// admit waits for an extraction slot: until ctx ends or MaxWait passes,
// then the document is refused as busy (nothing was done; try again).
func (e *Extractor) admit(ctx context.Context) (release func(), err error) {
	wait := e.limits.MaxWait
	if wait <= 0 {
		wait = 30 * time.Second
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case e.slots <- struct{}{}:
		return func() { <-e.slots }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-t.C:
		return nil, refuse(CodeBusy, "too many documents are being read right now; try again in a minute")
	}
}

// Limits returns the limits the extractor enforces.
func (e *Extractor) Limits() Limits { return e.limits }

// Text detects the document's kind and extracts its text. Refusals are
// *Error values (see CodeOf); a cancelled ctx returns ctx.Err().
func (e *Extractor) Text(ctx context.Context, data []byte) (Document, error) {
	return e.TextProgress(ctx, data, nil)
}

// TextProgress is Text telling progress (when not nil) which slow stage
// (StageOCR) it enters.
func (e *Extractor) TextProgress(ctx context.Context, data []byte, progress Progress) (Document, error) {
	if int64(len(data)) > e.limits.MaxBytes {
		return Document{}, refuse(CodeTooLarge, "the file is %s; the limit is %s", humanBytes(int64(len(data))), humanBytes(e.limits.MaxBytes))
	}
	kind, err := Detect(data)
	if err != nil {
		return Document{}, err
	}
	release, err := e.admit(ctx)
	if err != nil {
		return Document{}, err
	}
	defer release()
	doc, err := e.extract(ctx, kind, data, progress)
	if err != nil {
		if ctx.Err() != nil {
			return Document{}, ctx.Err()
		}
		return Document{}, err
	}
	doc.Kind = kind
	doc.Lines = capLines(doc.Lines, e.limits.MaxTextBytes)
	doc.Text = linesText(doc.Lines)
	if len(doc.Lines) == 0 {
		return Document{}, refuse(CodeNoText, "no text could be read from the %s, not even by OCR; upload a sharper scan or a version with selectable text", kind)
	}
	return doc, nil
}

func (e *Extractor) extract(ctx context.Context, kind Kind, data []byte, progress Progress) (Document, error) {
	switch kind {
	case KindPDF:
		return e.pdf(ctx, data, progress)
	case KindPNG, KindJPEG:
		return e.image(ctx, data, kind, progress)
	case KindDOCX:
		return e.docx(data)
	case KindODT:
		return e.odt(data)
	case KindDOC:
		return e.doc(ctx, data)
	case KindRTF:
		return Document{Lines: rtfText(data)}, nil
	case KindTXT:
		s, _ := decodeText(data)
		return Document{Lines: plainLines(s)}, nil
	}
	return Document{}, fmt.Errorf("extract: unhandled kind %q", kind)
}

func (l Limits) partCap() int64 {
	if l.MaxPartBytes > 0 {
		return l.MaxPartBytes
	}
	return 10 << 20
}

func (l Limits) ocrPages() int {
	if l.MaxOCRPages > 0 {
		return l.MaxOCRPages
	}
	return 3
}

func capLines(lines []Line, max int) []Line {
	total := 0
	for i, l := range lines {
		total += len(l.Text) + 1
		if total > max {
			return lines[:i]
		}
	}
	return lines
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
