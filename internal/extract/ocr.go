package extract

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"image"
	"image/draw"
	_ "image/jpeg" // JPEG CVs
	_ "image/png"  // PNG CVs
	"math"
	"os"
	"path/filepath"
	"slices"
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

// ocrSettings are how pages are rendered and read for OCR.
type ocrSettings struct {
	// dpi is the resolution PDF pages are rendered at.
	dpi int
	// threshold is Tesseract's thresholding_method: 0 Otsu (one global
	// threshold), 2 Sauvola (local, for uneven light), or thresholdAuto
	// (preparePage chooses per page).
	threshold int
}

// defaultOCR: pages rendered at 200 dpi (CV body text, 9–11 pt, is 25–30
// pixels high) read 0.5–1.2 % more of their words right than at 150 dpi on
// scans of every quality measured (5.6 % more on a phone photo), for about
// 5 % more CPU: Tesseract upsamples small glyphs worse than pdftoppm
// renders them, so accents and check marks survive ("Français", not
// "Frangais"). docs/quality.md has the measurement.
var defaultOCR = ocrSettings{dpi: 200, threshold: thresholdAuto}

// maxImagePixels refuses images whose header declares more pixels than a
// scanned page at 600 dpi: decoding one would be a memory bomb.
const maxImagePixels = 40_000_000

// ocrPage is what Tesseract read on one page: its words, boxes in points,
// each with its confidence, and the page width in points.
type ocrPage struct {
	words []bbWord
	width float64
}

// ocrPDF reads the given pages (1-based) by OCR (readPages) and lays each
// out like a text PDF's page; unsure lists the pages unsurePage flags.
func (e *Extractor) ocrPDF(ctx context.Context, wd *workDir, pages []int) (lines []Line, unsure []int, err error) {
	reads, err := e.readPages(ctx, wd, pages)
	if err != nil {
		return nil, nil, err
	}
	for i, r := range reads {
		words := cleanOCR(r.words)
		lines = append(lines, layoutPage(words, r.width, pages[i])...)
		if unsurePage(words) {
			unsure = append(unsure, pages[i])
		}
	}
	return lines, unsure, nil
}

// readPages renders each page with pdftoppm and reads it with Tesseract
// (every word it returns, noise included: see cleanOCR).
// The pages are read side by side, one single-threaded Tesseract per page,
// within the Extractor's OCR bound (MaxOCR) shared with every other
// document: a 3-page scan on a free machine takes about as long as its
// slowest page rather than the sum of all three, and several scans at once
// queue for the CPUs instead of oversubscribing them.
func (e *Extractor) readPages(ctx context.Context, wd *workDir, pages []int) ([]ocrPage, error) {
	for _, p := range pages {
		page := strconv.Itoa(p)
		// The page is written as raw 8-bit grey (PGM, ~3.9 MB for A4 at
		// 200 dpi): encoding it as PNG cost pdftoppm 0.42 s of CPU per page
		// against 0.05 s, for Tesseract to decode it again. A page box
		// inflated beyond 64 MB fails here rather than filling the disk.
		if _, err := e.runWriting(ctx, wd.dir, 1<<10, 64<<20, e.limits.Timeout, e.tools.pdftoppm, "-r", strconv.Itoa(e.ocrSet.dpi), "-gray",
			"-f", page, "-l", page, "-singlefile", "in.pdf", "page"+page); err != nil {
			return nil, toolRefusal(err, "scanned PDF", e.limits)
		}
	}
	reads := make([]ocrPage, len(pages))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(cap(e.ocr))
	for i, p := range pages {
		g.Go(func() error {
			name := "page" + strconv.Itoa(p) + ".pgm"
			threshold, err := e.preparePageFile(wd, name)
			if err != nil {
				return err
			}
			reads[i], err = e.tesseract(gctx, wd, name, 72.0/float64(e.ocrSet.dpi), threshold)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return reads, nil
}

// lowConfidence is the Tesseract confidence (0–100) under which a kept
// word is counted as unsure: on scans of every quality measured (docs/
// quality.md, TestOCRCalibration), at least half of the words under it are
// misread, and the words above it much less often.
const lowConfidence = 55

// unsureShare is the share of a page's words under lowConfidence from
// which the page is reported unsure: the lowest share (in steps of half a
// percent) above every page read nearly right (under 3 % of its words
// wrong) on the measured scans. It flags most pages with a tenth of their
// words wrong; the others had no word under lowConfidence (Tesseract sure
// of its misreads), which no confidence rule can see.
const unsureShare = 0.025

// unsurePage: Tesseract was unsure of enough of the page's words that
// many are likely wrong, or found almost nothing to read on it.
func unsurePage(words []bbWord) bool {
	low := 0
	for _, w := range words {
		if w.Conf < lowConfidence {
			low++
		}
	}
	return len(words) < 5 || float64(low) >= unsureShare*float64(len(words))
}

// image reads a PNG or JPEG CV (a photo or scan of the page) by OCR. The
// sheet (the paper, without the desk a photo shows around it: sheetSpan)
// is scaled to A4 width in points, so the layout's thresholds hold
// whatever the resolution and however much of the photo the sheet fills.
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
	if progress != nil {
		progress(StageOCR)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return Document{}, refuseErr(CodeMalformedFile, err, "the %s image is damaged", strings.ToUpper(string(kind)))
	}
	page := shrinkGrey(img, maxImageWidth)
	x0, x1 := sheetSpan(page)
	threshold, _ := e.preparePage(page.Bounds().Dx(), page.Bounds().Dy(), page.Pix)
	wd, err := newWorkDir(pgm(page), "page1.pgm")
	if err != nil {
		return Document{}, err
	}
	defer wd.Close()
	scale := a4Width / float64(x1-x0)
	read, err := e.tesseract(ctx, wd, "page1.pgm", scale, threshold)
	if err != nil {
		return Document{}, err
	}
	shiftWords(read.words, float64(x0)*scale)
	read.width = a4Width
	words := cleanOCR(read.words)
	// Only a photo's sheet stands in perspective: a PDF's scanned page
	// is read flat, and a lean found on it would be a false one.
	unshear(words)
	doc := Document{Pages: 1, Lines: layoutPage(words, read.width, 1), OCR: true}
	if unsurePage(words) {
		doc.UnsurePages = []int{1}
	}
	return doc, nil
}

// maxImageWidth is the width a photo or scan uploaded as an image is
// shrunk to: an A4 page at 300 dpi. A phone's 4000-pixel-wide photo
// gives Tesseract nothing more to read, for several times the CPU.
const maxImageWidth = 2480

// shrinkGrey returns img in grey, shrunk by a whole factor (averaging each
// block of pixels) to at most maxW pixels wide.
func shrinkGrey(img image.Image, maxW int) *image.Gray {
	b := img.Bounds()
	grey := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(grey, grey.Bounds(), img, b.Min, draw.Src)
	k := (b.Dx() + maxW - 1) / maxW
	if k <= 1 {
		return grey
	}
	w, h := b.Dx()/k, b.Dy()/k
	out := image.NewGray(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			sum := 0
			for dy := range k {
				row := (y*k+dy)*grey.Stride + x*k
				for dx := range k {
					sum += int(grey.Pix[row+dx])
				}
			}
			out.Pix[y*out.Stride+x] = uint8(sum / (k * k))
		}
	}
	return out
}

// pgm encodes a grey image as binary PGM, which Tesseract reads with no
// decoding cost.
func pgm(g *image.Gray) []byte {
	w, h := g.Bounds().Dx(), g.Bounds().Dy()
	out := fmt.Appendf(nil, "P5\n%d %d\n255\n", w, h)
	for y := range h {
		out = append(out, g.Pix[y*g.Stride:y*g.Stride+w]...)
	}
	return out
}

// thresholdAuto lets preparePage choose Tesseract's thresholding per page.
const thresholdAuto = -1

// preparePage readies a grey page image w×h for Tesseract, in place, and
// returns the thresholding_method to read it with and whether it changed
// the pixels. Dark blocks of light text (a sidebar, a header band) are
// turned dark on light first (invertDarkBlocks). The method is Sauvola's
// local threshold (2) when the page's paper is unevenly lit, as on a phone
// photo, where Otsu's one global threshold (0) loses the darker part of
// the page (measured: 67 % of the words of a photo lit from one corner
// read right with Otsu, 92 % with Sauvola); Otsu otherwise, where Sauvola
// reads low-resolution, noisy scans worse (94.9 % against 96.4 % at 100
// dpi, JPEG quality 30). docs/quality.md has the measurement. A page read
// with Sauvola has its dark bands turned negative too (invertDarkBands).
func (e *Extractor) preparePage(w, h int, pix []byte) (threshold int, changed bool) {
	changed = invertDarkBlocks(w, h, pix)
	if e.ocrSet.threshold != thresholdAuto {
		return e.ocrSet.threshold, changed
	}
	if !unevenLight(w, h, pix) {
		return 0, changed
	}
	return 2, invertDarkBands(w, h, pix) || changed
}

// preparePageFile applies preparePage to the PGM page image name in wd (a
// PDF page without a text layer), read once and rewritten only when it
// changed.
func (e *Extractor) preparePageFile(wd *workDir, name string) (int, error) {
	path := filepath.Join(wd.dir, name)
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, fmt.Errorf("extract: read page image: %w", err)
	}
	w, h, pix, err := parsePGM(data)
	if err != nil {
		return 0, refuseErr(CodeFailed, err, "the scanned page could not be read")
	}
	threshold, changed := e.preparePage(w, h, pix)
	if changed {
		if err := os.WriteFile(path, data, 0o600); err != nil {
			return 0, fmt.Errorf("extract: write page image: %w", err)
		}
	}
	return threshold, nil
}

// unevenLight reports whether a page's paper is lit unevenly: the page is
// cut into 8×8 cells, the paper's brightness in each is its 90th
// percentile grey (most of a cell is paper, even in a paragraph), and the
// dimmest tenth of the cells have paper under 80 % as bright as the
// brightest. A scanner lights the page evenly (cells within a few
// percent), a photo lit from one side or corner does not; a dark photo or
// block on the page takes a few cells, not a tenth of them.
func unevenLight(w, h int, pix []byte) bool {
	const cells = 8
	if w < cells || h < cells {
		return false
	}
	var paper []int
	for cy := range cells {
		for cx := range cells {
			var hist [256]int
			n := 0
			for y := cy * h / cells; y < (cy+1)*h/cells; y++ {
				for x := cx * w / cells; x < (cx+1)*w/cells; x++ {
					hist[pix[y*w+x]]++
					n++
				}
			}
			paper = append(paper, int(percentile(&hist, n, 90)))
		}
	}
	slices.Sort(paper)
	return float64(paper[len(paper)/10]) < 0.8*float64(paper[len(paper)-1])
}

// tesseract runs OCR on one image in wd with the given thresholding_method
// and returns its words with boxes scaled by scale (pixels → points) and
// the page width in points.
func (e *Extractor) tesseract(ctx context.Context, wd *workDir, name string, scale float64, threshold int) (ocrPage, error) {
	select {
	case e.ocr <- struct{}{}:
	case <-ctx.Done():
		return ocrPage{}, ctx.Err()
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
		name, "-", "-l", "eng+fra", "--psm", "3", "-c", "tessedit_do_invert=0",
		"-c", "thresholding_method="+strconv.Itoa(threshold), "tsv")
	if err != nil {
		return ocrPage{}, toolRefusal(err, "scanned page", e.limits)
	}
	words, width, err := parseTSV(out, scale)
	if err != nil {
		return ocrPage{}, refuseErr(CodeFailed, err, "the scanned page could not be read")
	}
	return ocrPage{words, width}, nil
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

// noiseConfidence is the Tesseract confidence (0–100) under which a word is
// dropped: specks, rules and photo texture read as letters are more often
// below it than real text is.
const noiseConfidence = 20

// bulletMisreads are what Tesseract makes of bullet and separator dots
// standing alone; none of them is a word in English or French.
var bulletMisreads = map[string]bool{"e": true, "¢": true, "«": true, "»": true, "©": true, "°": true, "®": true, "*": true, "+": true, "•": true, "«»": true}

// bulletPair reports whether t is two of the glyphs a bullet dot is misread
// as ("«+", "e¢"): a bullet seen as two marks, at least one of them no
// letter.
func bulletPair(t string) bool {
	const marks = "¢«»©°®*+•"
	r := []rune(t)
	return len(r) == 2 && strings.ContainsRune(marks+"e", r[0]) && strings.ContainsRune(marks+"e", r[1]) &&
		(strings.ContainsRune(marks, r[0]) || strings.ContainsRune(marks, r[1]))
}

// checkMark reports whether t is what Tesseract makes of a check mark (✓)
// standing alone: one or two of v, V, ÿ, Ÿ, ¥, √ ("v", "Vv", "v¥"); none
// is a word in English or French.
func checkMark(t string) bool {
	r := []rune(t)
	return (len(r) == 1 || len(r) == 2) && strings.ContainsRune(checkGlyphs, r[0]) && strings.ContainsRune(checkGlyphs, r[len(r)-1])
}

const checkGlyphs = "vVÿŸ¥√✓✔"

// letterMark reports whether t, read as a check mark, is also a word: a
// lone "V" is a Roman numeral in "Université Mohammed V" or "Charles V".
// It is taken for a mark where it opens a line, or in a paragraph whose
// items other marks separate.
func letterMark(t string) bool { return t == "v" || t == "V" }

// cleanOCR is what Tesseract's words of a page go through before layout:
// readOCR, then the page straightened (straighten) and each line's words
// given the line's height (lineBoxes).
func cleanOCR(words []bbWord) []bbWord {
	out := readOCR(words)
	straighten(out)
	lineBoxes(out)
	return out
}

// readOCR drops noise words, turns separators Tesseract read as letters
// or punctuation back into what they are, and rejoins a word it cut in two.
//
//   - A lone bullet misread ("e", "«", "°") is a bullet (•).
//   - A lone punctuation mark whose ink is a dot, as small and about as
//     wide as it is high, is a separating middle dot (·): Tesseract reads
//     "Go · SQL" as "Go : SQL" or "Go - SQL", but a colon's ink is tall and
//     a dash's wide (see maxDotWidth).
//   - A lone check mark misread ("v", "Vv", "¥") is a check mark (✓), as
//     a text layer gives it, for the parser to read both alike. In a
//     paragraph whose items check marks separate, so are a lone "y" or "Y"
//     (a word only in French prose, "il y a", which has none), the blank
//     Tesseract writes for a glyph it could not read before the word it
//     glued it to ("✓ Microservices" read as " Microservices"), and a gap
//     between two words as wide as a mark and its spaces where the mark
//     was lost.
//   - Two words of a line whose ink overlaps are one ("NumP" "y)": the
//     descender's box overlaps the letters before it).
//   - A piece of a horizontal rule read as letters is dropped
//     (ruleFragment).
func readOCR(words []bbWord) []bbWord {
	type lineStats struct {
		top, bottom float64
		gaps        []float64
	}
	lines := map[int]*lineStats{}
	checked := map[int]bool{}
	var heights []float64
	for _, w := range words {
		heights = append(heights, w.YMax-w.YMin)
	}
	slices.Sort(heights)
	var kept []bbWord
	for _, w := range words {
		if w.Conf < noiseConfidence || len(heights) > 0 && ruleFragment(w, heights[len(heights)/2]) {
			continue
		}
		kept = append(kept, w)
		l := lines[w.line]
		if l == nil {
			l = &lineStats{top: w.YMin, bottom: w.YMax}
			lines[w.line] = l
		}
		l.top, l.bottom = math.Min(l.top, w.YMin), math.Max(l.bottom, w.YMax)
		if t := strings.TrimSpace(w.Text); checkMark(t) && (!letterMark(t) || len(kept) == 1 || kept[len(kept)-2].line != w.line) {
			checked[w.par] = true
		}
	}
	for i := 1; i < len(kept); i++ {
		if kept[i].line == kept[i-1].line {
			l := lines[kept[i].line]
			l.gaps = append(l.gaps, kept[i].XMin-kept[i-1].XMax)
		}
	}
	medianGap := func(l *lineStats) float64 {
		g := slices.Clone(l.gaps)
		slices.Sort(g)
		return g[len(g)/2]
	}
	out := make([]bbWord, 0, len(kept))
	mark := func(w bbWord, x0, x1 float64) bbWord {
		w.Text, w.Conf, w.XMin, w.XMax = "✓", 100, x0, x1
		return w
	}
	for _, w := range kept {
		text := strings.TrimSpace(w.Text)
		l := lines[w.line]
		lineH := l.bottom - l.top
		var prev *bbWord
		if n := len(out); n > 0 && out[n-1].line == w.line {
			prev = &out[n-1]
		}
		if prev != nil && !isMark(prev.Text) && !isMark(text) && w.XMin < prev.XMax-0.25*math.Min(prev.XMax-prev.XMin, w.XMax-w.XMin) {
			prev.Text += text
			prev.XMax, prev.YMin, prev.YMax = math.Max(prev.XMax, w.XMax), math.Min(prev.YMin, w.YMin), math.Max(prev.YMax, w.YMax)
			prev.Conf = math.Min(prev.Conf, w.Conf)
			continue
		}
		if prev != nil && checked[w.par] && prev.Text != "✓" && len(l.gaps) >= 3 {
			if gap := w.XMin - prev.XMax; gap > 2.5*medianGap(l) && gap > 0.8*lineH && gap < 3*lineH {
				out = append(out, mark(w, prev.XMax+gap/3, w.XMin-gap/3))
			}
		}
		bw, bh := w.XMax-w.XMin, w.YMax-w.YMin
		switch {
		case bulletMisreads[text] || bulletPair(text):
			w.Text, w.Conf = "•", 100
		case dotMisreads[text] && math.Max(bw, bh) <= 0.25*lineH && bw <= maxDotWidth*bh && bh <= 2.5*bw:
			w.Text, w.Conf = "·", 100
		case checkMark(text) && (!letterMark(text) || prev == nil || checked[w.par]) || checked[w.par] && (text == "y" || text == "Y"):
			w.Text, w.Conf = "✓", 100
		case checked[w.par] && text != w.Text && strings.TrimLeftFunc(w.Text, unicode.IsSpace) == text:
			// The glyph takes about a line's height of the box's left.
			m := mark(w, w.XMin, math.Min(w.XMax, w.XMin+0.8*lineH))
			out = append(out, m)
			w.Text, w.XMin = text, m.XMax
		default:
			w.Text = text
		}
		out = append(out, w)
	}
	return out
}

// ruleFragment reports whether w is a piece of a rule read as text: a
// horizontal one ("ee", "_", "=" under a heading of a photographed page),
// whose ink is long and under a third of the page's usual word height,
// which no letter, digit or sign is (a dash is, and is kept); or a table's
// vertical border read as "|", half as high again as the page's words.
func ruleFragment(w bbWord, medianH float64) bool {
	h, wd := w.YMax-w.YMin, w.XMax-w.XMin
	if t := strings.TrimSpace(w.Text); (t == "|" || t == "||") && h > 1.5*medianH {
		// A table's cell border: a bar typed as a separator is as
		// high as the letters beside it.
		return true
	}
	if h >= medianH/3 || wd < 2*h {
		return false
	}
	return strings.TrimFunc(w.Text, func(r rune) bool { return r == '-' || r == '–' || r == '—' || unicode.IsSpace(r) }) != ""
}

// maxDotWidth bounds, as a multiple of its height, the ink of a middle dot
// read as a mark: a phone photo blurs a dot to at most one and a half
// times as wide as high, where a dash, even short and blurred, stays twice
// as wide as high or more ("Degree – Second Class", "2013 – 2017").
const maxDotWidth = 1.75

// isMark reports whether t is, or stands for, a separator glyph.
func isMark(t string) bool {
	return t == "•" || t == "·" || bulletMisreads[t] || checkMark(t) || dotMisreads[t]
}

// dotMisreads are what Tesseract makes of a lone middle dot; readOCR tells
// a dot from a real colon or dash by its ink.
var dotMisreads = map[string]bool{".": true, ":": true, "-": true, "·": true, "•": true, ",": true, "'": true, "°": true, "*": true}

// straighten turns the words of a page photographed or scanned askew back
// level. Tesseract reads a tilted line as one line but gives its words'
// boxes where they are on the image: at 1.5° the end of a 16 cm line sits
// 4 mm (most of a line) below its start, and rows rebuilt from the boxes
// would mix neighbouring lines. The tilt is the median slope of the lines
// Tesseract found with several words across a good part of the page.
func straighten(words []bbWord) {
	type fit struct{ n, sx, sy, sxx, sxy, x0, x1 float64 }
	lines := map[int]*fit{}
	xMax, yMax := 0.0, 0.0
	for _, w := range words {
		xMax, yMax = math.Max(xMax, w.XMax), math.Max(yMax, w.YMax)
		// The line is fitted through its baseline: the bottom of the
		// words without a descender. Ink centres would tilt every line
		// that starts with a capital ("Infirmière cheffe…" is higher on
		// the left), and a level page would be turned.
		if strings.ContainsAny(w.Text, descenders) {
			continue
		}
		f := lines[w.line]
		if f == nil {
			f = &fit{x0: math.Inf(1), x1: math.Inf(-1)}
			lines[w.line] = f
		}
		x, y := (w.XMin+w.XMax)/2, w.YMax
		f.n++
		f.sx, f.sy, f.sxx, f.sxy = f.sx+x, f.sy+y, f.sxx+x*x, f.sxy+x*y
		f.x0, f.x1 = math.Min(f.x0, x), math.Max(f.x1, x)
	}
	var slopes []float64
	for _, f := range lines {
		d := f.n*f.sxx - f.sx*f.sx
		if f.n < 4 || f.x1-f.x0 < 0.25*xMax || d <= 0 {
			continue
		}
		slopes = append(slopes, (f.n*f.sxy-f.sx*f.sy)/d)
	}
	if len(slopes) < 3 {
		return
	}
	slices.Sort(slopes)
	slope := slopes[len(slopes)/2]
	// Under 0.15° a line's drift stays near a point over a page width.
	if math.Abs(slope) < math.Tan(0.15*math.Pi/180) {
		return
	}
	angle := math.Atan(slope)
	sin, cos := math.Sincos(-angle)
	cx, cy := xMax/2, yMax/2
	for i := range words {
		w := &words[i]
		hw, hh := (w.XMax-w.XMin)/2, (w.YMax-w.YMin)/2
		x, y := (w.XMin+w.XMax)/2-cx, (w.YMin+w.YMax)/2-cy
		nx, ny := cos*x-sin*y+cx, sin*x+cos*y+cy
		w.XMin, w.XMax, w.YMin, w.YMax = nx-hw, nx+hw, ny-hh, ny+hh
	}
}

// descenders are the characters whose ink goes below the baseline, in
// the Latin alphabets of English and French CVs.
const descenders = "gjpqyçQ,;()[]{}|/@$µ"

// lineBoxes gives every word its line's top and bottom. A word's box is
// its ink: "were" is half as high as "Lyon"; with the line's box every word
// has the same height, as in a PDF text layer, so sizes and gaps compare
// across words. The line's box is no taller than a quarter over its
// words' median height: a word touching a table's rule or an underline, or
// words stepping with the tilt a photo keeps after straightening, would
// make the box over all of them read as a larger type than the line's.
func lineBoxes(words []bbWord) {
	type span struct {
		top, bottom float64
		heights     []float64
	}
	lines := map[int]*span{}
	for _, w := range words {
		s := lines[w.line]
		if s == nil {
			s = &span{top: w.YMin, bottom: w.YMax}
			lines[w.line] = s
		}
		s.top, s.bottom = math.Min(s.top, w.YMin), math.Max(s.bottom, w.YMax)
		s.heights = append(s.heights, w.YMax-w.YMin)
	}
	for _, s := range lines {
		slices.Sort(s.heights)
		if h := s.heights[len(s.heights)/2] * maxLineSpan; s.bottom-s.top > h {
			mid := (s.top + s.bottom) / 2
			s.top, s.bottom = mid-h/2, mid+h/2
		}
	}
	for i := range words {
		s := lines[words[i].line]
		words[i].YMin, words[i].YMax = s.top, s.bottom
	}
}

// maxLineSpan bounds a line's box, in its words' median heights: a
// capital beside a descender spans a little more than either word.
const maxLineSpan = 1.25

// parseTSV reads Tesseract's TSV: level 1 rows give the page size, level 4
// rows the lines, level 5 rows the words, each kept with its ink box, its
// confidence and its line.
func parseTSV(out []byte, scale float64) (words []bbWord, width float64, err error) {
	par, line := 0, 0
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
				return nil, 0, fmt.Errorf("tesseract tsv: %q: %w", sc.Text(), err)
			}
			n[i] = v
		}
		left, top, w, h, conf := n[0], n[1], n[2], n[3], n[4]
		switch f[0] {
		case "1":
			width = w * scale
		case "3":
			par++
		case "4":
			line++
		case "5":
			// The text is kept as Tesseract wrote it (readOCR trims it): a
			// leading blank is a glyph it could not read.
			text := f[11]
			if strings.TrimSpace(text) == "" || h <= 0 {
				continue
			}
			words = append(words, bbWord{XMin: left * scale, YMin: top * scale, XMax: (left + w) * scale, YMax: (top + h) * scale,
				Text: text, Conf: conf, par: par, line: line})
		}
	}
	return words, width, sc.Err()
}
