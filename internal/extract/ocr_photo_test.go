package extract

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
)

func TestSheetSpan(t *testing.T) {
	tests := []struct {
		name   string
		page   func() *image.Gray
		x0, x1 int
	}{
		{"a photo of a sheet on a desk", func() *image.Gray {
			g := greyPage(1000, 1400, 100)
			fill(g, 80, 50, 930, 1360, 230)
			textLines(g, 150, 100, 860, 1300, 30)
			return g
		}, 80, 930},
		{"a sheet with a dark sidebar on a desk", func() *image.Gray {
			g := greyPage(1000, 1400, 100)
			fill(g, 80, 50, 930, 1360, 230)
			fill(g, 80, 50, 330, 1360, 40)
			textLines(g, 400, 100, 860, 1300, 30)
			return g
		}, 80, 930},
		{"a scan", func() *image.Gray {
			g := greyPage(1000, 1400, 235)
			textLines(g, 100, 100, 900, 1300, 30)
			return g
		}, 0, 1000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x0, x1 := sheetSpan(tt.page())
			if abs(x0-tt.x0) > 2 || abs(x1-tt.x1) > 2 {
				t.Errorf("sheetSpan = %d, %d; want %d, %d", x0, x1, tt.x0, tt.x1)
			}
		})
	}
}

func abs(n int) int { return max(n, -n) }

func TestUnshearSetsColumnsUpright(t *testing.T) {
	// page is a sidebar (x=40) and a main column (x=220) of 20 lines
	// each, their left edges leaning by lean points a point down.
	page := func(lean float64) []bbWord {
		var words []bbWord
		for i := range 20 {
			y := 60 + float64(i)*16
			for c, x := range []float64{40, 220} {
				x += lean * y
				words = append(words, bbWord{XMin: x, XMax: x + 40, YMin: y, YMax: y + 10, Text: "word", line: 2*i + c},
					bbWord{XMin: x + 45, XMax: x + 90, YMin: y, YMax: y + 10, Text: "word", line: 2*i + c})
			}
		}
		return words
	}
	upright := page(0)
	want := slices.Clone(upright)
	unshear(upright)
	if !slices.Equal(upright, want) {
		t.Errorf("an upright page was moved")
	}
	for _, lean := range []float64{0.012, -0.025} {
		words := page(lean)
		unshear(words)
		starts := map[int]float64{}
		for _, w := range words {
			if s, ok := starts[w.line]; !ok || w.XMin < s {
				starts[w.line] = w.XMin
			}
		}
		for c := range 2 {
			lo, hi := math.Inf(1), math.Inf(-1)
			for line, x := range starts {
				if line%2 == c {
					lo, hi = math.Min(lo, x), math.Max(hi, x)
				}
			}
			if hi-lo > 1 {
				t.Errorf("lean %.3f: column %d's lines start across %.1f pt after, want one edge", lean, c+1, hi-lo)
			}
		}
	}
}

func TestLineBoxesNoTallerThanTheirWords(t *testing.T) {
	// word is a word of a line, its ink from top to bottom.
	word := func(line int, x, top, bottom float64) bbWord {
		return bbWord{XMin: x, XMax: x + 40, YMin: top, YMax: bottom, Text: "word", line: line}
	}
	tests := []struct {
		name             string
		words            []bbWord
		top, bottom, tol float64
	}{
		{"words on one baseline, one with a descender", []bbWord{
			word(1, 40, 100, 110), word(1, 85, 100, 112.5), word(1, 130, 102.5, 110),
		}, 100, 112.5, 0.01},
		{"words stepping down with a tilt left after straightening", []bbWord{
			word(1, 40, 100, 110), word(1, 85, 102, 112), word(1, 130, 104, 114), word(1, 175, 106, 116), word(1, 220, 108, 118),
		}, 102.75, 115.25, 0.01},
		{"one word run into a table's rule", []bbWord{
			word(1, 40, 100, 110), word(1, 85, 100, 119), word(1, 130, 100, 110),
		}, 103.25, 115.75, 0.01},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lineBoxes(tt.words)
			for _, w := range tt.words {
				if math.Abs(w.YMin-tt.top) > tt.tol || math.Abs(w.YMax-tt.bottom) > tt.tol {
					t.Errorf("word box %.2f–%.2f, want %.2f–%.2f", w.YMin, w.YMax, tt.top, tt.bottom)
				}
			}
		})
	}
}

// A photographed CV whose header is printed light on a dark band: the
// band is turned dark on light before OCR, as a scanned PDF page's is,
// and its name and contact line read.
func TestPhotoDarkBandIsRead(t *testing.T) {
	e := newTestExtractor(t, nil)
	photo, err := os.ReadFile("../cvparse/testdata/corpus/g90-photo-en-1col.jpg")
	if err != nil {
		t.Fatal(err)
	}
	img, _, err := image.Decode(bytes.NewReader(photo))
	if err != nil {
		t.Fatal(err)
	}
	g := shrinkGrey(img, maxImageWidth)
	w, h := g.Bounds().Dx(), g.Bounds().Dy()
	for y := range h * 2 / 13 {
		for x := range w {
			g.Pix[y*g.Stride+x] = 255 - g.Pix[y*g.Stride+x]
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, g, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	doc, err := e.Text(context.Background(), buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Sarah Fi", "sarah.fischer@yahoo.fr"} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, doc.Text)
		}
	}
}
