package extract

import (
	"bytes"
	"cmp"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/utopiahire/utopiahire/internal/extract/extracttest"
)

// calibrationSources are text-layer CVs of the parser corpus (LaTeX and
// LibreOffice, English and French, one column, sidebar, table): their text
// layer is the truth the OCR of their degraded scans is scored against.
var calibrationSources = []string{
	"g01-latex-en-1col.pdf", "g02-latex-fr-1col.pdf", "g03-latex-en-2col.pdf",
	"g23-lo-pdf-fr-2col.pdf", "g24-lo-pdf-en-1col.pdf", "g48-latex-fr-table-hard.pdf",
}

// calibrationScans are the scan qualities measured: the resolutions,
// compressions, turns and noise of office scanners, faxes and phone photos.
var calibrationScans = []struct {
	name string
	o    extracttest.ScanOptions
}{
	{"300 dpi q90", extracttest.ScanOptions{DPI: 300, JPEGQuality: 90}},
	{"200 dpi q75", extracttest.ScanOptions{DPI: 200, JPEGQuality: 75}},
	{"150 dpi q60", extracttest.ScanOptions{DPI: 150, JPEGQuality: 60}},
	{"150 dpi q30", extracttest.ScanOptions{DPI: 150, JPEGQuality: 30}},
	{"100 dpi q60", extracttest.ScanOptions{DPI: 100, JPEGQuality: 60}},
	{"100 dpi q30", extracttest.ScanOptions{DPI: 100, JPEGQuality: 30}},
	{"150 dpi q60 +1.5°", extracttest.ScanOptions{DPI: 150, JPEGQuality: 60, Rotate: 1.5}},
	{"150 dpi q60 −2°", extracttest.ScanOptions{DPI: 150, JPEGQuality: 60, Rotate: -2}},
	{"200 dpi q50 noise 15", extracttest.ScanOptions{DPI: 200, JPEGQuality: 50, Noise: 15}},
	{"150 dpi q40 +1° noise 25", extracttest.ScanOptions{DPI: 150, JPEGQuality: 40, Rotate: 1, Noise: 25}},
	{"photo: 200 dpi q70 −1.2° light 0.5 blur 1 noise 8", extracttest.ScanOptions{DPI: 200, JPEGQuality: 70, Rotate: -1.2, Lighting: 0.5, Blur: 1, Noise: 8}},
	{"100 dpi q30 +2° noise 20", extracttest.ScanOptions{DPI: 100, JPEGQuality: 30, Rotate: 2, Noise: 20}},
}

// ocrSample is one OCR word scored against the text layer.
type ocrSample struct {
	conf    float64
	correct bool
}

// calibrationPage is one OCR'd page scored against its text layer.
type calibrationPage struct {
	scan            string
	truth, recalled int // text-layer words, and those read exactly
	samples         []ocrSample
	misread         []string
}

// TestOCRCalibration measures how Tesseract's word confidence predicts a
// misread word, on scans of text-layer CVs generated at the qualities of
// calibrationScans, through the extractor's own OCR (render, Tesseract,
// cleanOCR). It prints per quality the share of words read right, the
// error rate per confidence band, and per page the share of words under
// lowConfidence against the share misread; and it checks lowConfidence
// against the rule docs/quality.md states. Minutes of CPU: it runs only
// with OCR_CALIBRATE=1.
func TestOCRCalibration(t *testing.T) {
	if os.Getenv("OCR_CALIBRATE") == "" {
		t.Skip("set OCR_CALIBRATE=1 to measure OCR confidence against truth (minutes of CPU)")
	}
	// A loaded machine stretches Tesseract's wall time: the measure is of
	// what it reads, not how fast.
	e := newTestExtractor(t, func(l *Limits) { l.Timeout = 5 * time.Minute })
	// OCR_VARIANT="dpi=200 threshold=2" measures other settings.
	for _, kv := range strings.Fields(os.Getenv("OCR_VARIANT")) {
		k, v, _ := strings.Cut(kv, "=")
		n, err := strconv.Atoi(v)
		switch {
		case err != nil:
			t.Fatalf("OCR_VARIANT %q: %v", kv, err)
		case k == "dpi":
			e.ocrSet.dpi = n
		case k == "threshold":
			e.ocrSet.threshold = n
		default:
			t.Fatalf("OCR_VARIANT: unknown %q", k)
		}
	}
	// OCR_CALIBRATE_DEBUG=<regexp of "source scan"> logs the misread words.
	var debug *regexp.Regexp
	if d := os.Getenv("OCR_CALIBRATE_DEBUG"); d != "" {
		debug = regexp.MustCompile(d)
	}
	// OCR_CALIBRATE_SCANS=<regexp> measures the matching qualities only.
	var only *regexp.Regexp
	if d := os.Getenv("OCR_CALIBRATE_SCANS"); d != "" {
		only = regexp.MustCompile(d)
	}
	sources := calibrationSources
	if n, err := strconv.Atoi(os.Getenv("OCR_CALIBRATE_SOURCES")); err == nil && n > 0 && n < len(sources) {
		sources = sources[:n] // OCR_CALIBRATE_SOURCES=3: the first three only
	}
	ctx := context.Background()
	var mu sync.Mutex
	var pages []calibrationPage
	sem := make(chan struct{}, 2)
	var wg sync.WaitGroup
	for _, name := range sources {
		src, err := os.ReadFile("../cvparse/testdata/corpus/" + name)
		if err != nil {
			t.Fatal(err)
		}
		truth := textLayerWords(t, e, src)
		for si, sc := range calibrationScans {
			if only != nil && !only.MatchString(sc.name) {
				continue
			}
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				o := sc.o
				o.Seed = uint64(si)
				scan, err := extracttest.Scan(ctx, src, o)
				if err != nil {
					t.Error(err)
					return
				}
				got, err := ocrScan(e, scan, len(truth))
				if err != nil {
					t.Errorf("%s, %s: %v", name, sc.name, err)
					return
				}
				mu.Lock()
				defer mu.Unlock()
				for p := range got {
					// readOCR, not cleanOCR: the words stay where they are
					// on the turned page, and the text layer is turned
					// to meet them.
					cp := scorePage(truth[p], readOCR(got[p].words), o.Rotate)
					if debug != nil && debug.MatchString(name+" "+sc.name) {
						t.Logf("%s, %s: misread\n%s", name, sc.name, strings.Join(cp.misread, "\n"))
					}
					cp.scan = sc.name
					pages = append(pages, cp)
				}
			}()
		}
	}
	wg.Wait()
	if got := calibratedThreshold(pages); got != lowConfidence {
		t.Errorf("lowConfidence is %d; on these scans the rule gives %d", lowConfidence, got)
	}
	if got := calibratedShare(pages); math.Abs(got-unsureShare) > 1e-9 {
		t.Errorf("unsureShare is %.3f; on these scans the rule gives %.3f", unsureShare, got)
	}
	misread, flagged := 0, 0
	for _, p := range pages {
		if words, _, wrong := pageShares(p); wrong >= 0.10 {
			misread++
			if unsurePage(words) {
				flagged++
			}
		}
	}
	t.Logf("pages with a tenth of their words or more misread: %d, reported unsure: %d", misread, flagged)
	t.Logf("OCR of %d pages (%d sources × %d qualities), %+v\n%s\n%s\n%s", len(pages), len(sources), len(calibrationScans), e.ocrSet,
		qualityTable(pages), bandTable(pages), pageTable(pages))
}

// ocrScan reads every page of an image-only PDF through readPages.
func ocrScan(e *Extractor, pdf []byte, pages int) ([]ocrPage, error) {
	wd, err := newWorkDir(pdf, "in.pdf")
	if err != nil {
		return nil, err
	}
	defer wd.Close()
	var nums []int
	for p := 1; p <= pages; p++ {
		nums = append(nums, p)
	}
	return e.readPages(context.Background(), wd, nums)
}

// textLayerWords is every page's words of a PDF's text layer (pdftotext
// -bbox), in points from the page's top-left corner.
func textLayerWords(t *testing.T, e *Extractor, pdf []byte) [][]bbWord {
	t.Helper()
	wd, err := newWorkDir(pdf, "in.pdf")
	if err != nil {
		t.Fatal(err)
	}
	defer wd.Close()
	out, err := e.run(context.Background(), wd.dir, 16<<20, e.tools.pdftotext, "-bbox", "-enc", "UTF-8", "-q", "in.pdf", "-")
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false
	var pages [][]bbWord
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "page":
			pages = append(pages, nil)
		case "word":
			var w bbWord
			if err := dec.DecodeElement(&w, &se); err != nil {
				t.Fatal(err)
			}
			pages[len(pages)-1] = append(pages[len(pages)-1], w)
		}
	}
	return pages
}

// canon folds what OCR cannot be asked to tell apart: typographic quotes
// and dashes, and the glyph of a bullet.
func canon(s string) string {
	s = norm.NFC.String(s)
	return strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "–", "-", "—", "-", "✓", "•", "✔", "•", "·", "•", "▪", "•", "●", "•", "◦", "•").Replace(s)
}

// scorePage matches each OCR word to the text-layer word under its centre
// (the text layer turned as the scan was) and counts it correct when the
// texts are equal; a text-layer word is recalled when an OCR word matched to
// it reads exactly.
func scorePage(truth, got []bbWord, rotate float64) calibrationPage {
	const pageW, pageH = 595.28, 841.89
	sin, cos := math.Sincos(rotate * math.Pi / 180)
	type box struct{ x0, y0, x1, y1 float64 }
	boxes := make([]box, len(truth))
	for i, w := range truth {
		cx, cy := (w.XMin+w.XMax)/2-pageW/2, (w.YMin+w.YMax)/2-pageH/2
		// Degrade samples the source at R(θ)·d: a source point s lands at
		// R(−θ)·s.
		nx, ny := cos*cx+sin*cy+pageW/2, -sin*cx+cos*cy+pageH/2
		hw, hh := (w.XMax-w.XMin)/2, (w.YMax-w.YMin)/2
		boxes[i] = box{nx - hw - 1, ny - hh - 2, nx + hw + 1, ny + hh + 2}
	}
	p := calibrationPage{}
	for _, w := range truth {
		if canon(w.Text) != "•" {
			p.truth++
		}
	}
	recalled := make([]bool, len(truth))
	for _, w := range got {
		if canon(w.Text) == "•" {
			continue // a bullet, not a word: readOCR decided it
		}
		cx, cy := (w.XMin+w.XMax)/2, (w.YMin+w.YMax)/2
		match := -1
		for i, b := range boxes {
			if cx >= b.x0 && cx <= b.x1 && cy >= b.y0 && cy <= b.y1 {
				match = i
				break
			}
		}
		ok := match >= 0 && canon(w.Text) == canon(truth[match].Text)
		switch {
		case ok:
			recalled[match] = true
		case match >= 0:
			p.misread = append(p.misread, fmt.Sprintf("%q for %q (%.0f)", w.Text, truth[match].Text, w.Conf))
		default:
			p.misread = append(p.misread, fmt.Sprintf("%q for nothing (%.0f)", w.Text, w.Conf))
		}
		p.samples = append(p.samples, ocrSample{w.Conf, ok})
	}
	for _, r := range recalled {
		if r {
			p.recalled++
		}
	}
	return p
}

func qualityTable(pages []calibrationPage) string {
	var b strings.Builder
	b.WriteString("| scan | pages | text-layer words read exactly | OCR words wrong | OCR words under lowConfidence | of them wrong | pages unsure |\n|---|---|---|---|---|---|---|\n")
	for _, sc := range calibrationScans {
		var truth, recalled, n, wrong, low, lowWrong, unsure int
		np := 0
		for _, p := range pages {
			if p.scan != sc.name {
				continue
			}
			np++
			if words, _, _ := pageShares(p); unsurePage(words) {
				unsure++
			}
			truth += p.truth
			recalled += p.recalled
			for _, s := range p.samples {
				if s.conf < noiseConfidence {
					continue
				}
				n++
				if !s.correct {
					wrong++
				}
				if s.conf < lowConfidence {
					low++
					if !s.correct {
						lowWrong++
					}
				}
			}
		}
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %s | %d |\n", sc.name, np, pct(recalled, truth), pct(wrong, n), pct(low, n), pct(lowWrong, low), unsure)
	}
	return b.String()
}

func bandTable(pages []calibrationPage) string {
	const width = 10
	var n, wrong [100/width + 1]int
	for _, p := range pages {
		for _, s := range p.samples {
			i := int(s.conf) / width
			n[i]++
			if !s.correct {
				wrong[i]++
			}
		}
	}
	var b strings.Builder
	b.WriteString("| confidence | words | wrong | all words under the band's top | of them wrong |\n|---|---|---|---|---|\n")
	cn, cw := 0, 0
	for i := range n {
		cn, cw = cn+n[i], cw+wrong[i]
		if n[i] > 0 {
			fmt.Fprintf(&b, "| %d–%d | %d | %s | %d | %s |\n", i*width, min(100, i*width+width-1), n[i], pct(wrong[i], n[i]), cn, pct(cw, cn))
		}
	}
	return b.String()
}

// calibratedThreshold applies docs/quality.md's rule to the samples: the
// highest confidence (a multiple of 5) below which at least half of the
// kept words are misread.
func calibratedThreshold(pages []calibrationPage) int {
	best := 0
	for t := noiseConfidence + 5; t <= 95; t += 5 {
		n, wrong := 0, 0
		for _, p := range pages {
			for _, s := range p.samples {
				if s.conf < float64(t) {
					n++
					if !s.correct {
						wrong++
					}
				}
			}
		}
		if n > 0 && 2*wrong >= n {
			best = t
		}
	}
	return best
}

// calibratedShare applies docs/quality.md's rule for unsureShare: the
// lowest share under lowConfidence, in steps of half a percent, above that
// of every page with under 3 % of its words misread.
func calibratedShare(pages []calibrationPage) float64 {
	top := 0.0
	for _, p := range pages {
		if _, low, wrong := pageShares(p); wrong < 0.03 {
			top = math.Max(top, low)
		}
	}
	return (math.Floor(top/0.005) + 1) * 0.005
}

// pageShares are a page's kept words, and the shares of them under
// lowConfidence and misread.
func pageShares(p calibrationPage) (words []bbWord, low, wrong float64) {
	nl, nw := 0, 0
	for _, s := range p.samples {
		words = append(words, bbWord{Conf: s.conf})
		if s.conf < lowConfidence {
			nl++
		}
		if !s.correct {
			nw++
		}
	}
	if len(words) == 0 {
		return nil, 0, 1
	}
	return words, float64(nl) / float64(len(words)), float64(nw) / float64(len(words))
}

// pageTable is per page the share of kept words under lowConfidence, the
// share misread and unsurePage's verdict, by growing share under
// lowConfidence.
func pageTable(pages []calibrationPage) string {
	sorted := slices.Clone(pages)
	slices.SortStableFunc(sorted, func(a, b calibrationPage) int {
		_, la, _ := pageShares(a)
		_, lb, _ := pageShares(b)
		return cmp.Compare(la, lb)
	})
	var b strings.Builder
	b.WriteString("| scan | words | under lowConfidence | misread | unsurePage |\n|---|---|---|---|---|\n")
	for _, p := range sorted {
		words, low, wrong := pageShares(p)
		fmt.Fprintf(&b, "| %s | %d | %.1f %% | %.1f %% | %v |\n", p.scan, len(words), 100*low, 100*wrong, unsurePage(words))
	}
	return b.String()
}

func pct(a, b int) string {
	if b == 0 {
		return "–"
	}
	return strconv.FormatFloat(100*float64(a)/float64(b), 'f', 1, 64) + " %"
}
