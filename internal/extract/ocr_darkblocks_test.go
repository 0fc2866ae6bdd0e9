package extract

import (
	"image"
	"testing"
)

// greyPage is a w×h page of grey level paper.
func greyPage(w, h int, paper uint8) *image.Gray {
	g := image.NewGray(image.Rect(0, 0, w, h))
	for i := range g.Pix {
		g.Pix[i] = paper
	}
	return g
}

// fill paints the rectangle [x0,x1)×[y0,y1) of g grey level v.
func fill(g *image.Gray, x0, y0, x1, y1 int, v uint8) {
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			g.Pix[y*g.Stride+x] = v
		}
	}
}

// textLines paints lines of "text" in the rectangle [x0,x1)×[y0,y1):
// strokes 3 px wide and 10 px high, 7 px apart, on lines 24 px apart.
func textLines(g *image.Gray, x0, y0, x1, y1 int, ink uint8) {
	for y := y0; y+10 <= y1; y += 24 {
		for x := x0; x+3 <= x1; x += 7 {
			fill(g, x, y, x+3, y+10, ink)
		}
	}
}

func TestInvertDarkBlocks(t *testing.T) {
	type probe struct {
		x, y int
		want func(uint8) bool
	}
	light := func(v uint8) bool { return v > 180 }
	dark := func(v uint8) bool { return v < 80 }
	same := func(v uint8) func(uint8) bool { return func(got uint8) bool { return got == v } }
	tests := []struct {
		name   string
		page   func() *image.Gray
		found  bool
		probes []probe
	}{
		{"a dark sidebar of light text", func() *image.Gray {
			g := greyPage(800, 1100, 230)
			fill(g, 0, 0, 250, 1100, 40)
			textLines(g, 30, 40, 220, 1000, 220)
			textLines(g, 300, 40, 760, 1000, 20)
			return g
		}, true, []probe{
			{10, 500, light},       // the sidebar's ground
			{32, 42, dark},         // its text
			{302, 42, same(20)},    // the main column's text
			{790, 1090, same(230)}, // the paper
		}},
		{"a dark header band of light text", func() *image.Gray {
			g := greyPage(800, 1100, 230)
			fill(g, 0, 0, 800, 150, 30)
			textLines(g, 40, 40, 500, 110, 235)
			textLines(g, 40, 200, 760, 1000, 20)
			return g
		}, true, []probe{{600, 20, light}, {42, 42, dark}}},
		{"a photo and bold type on a light page", func() *image.Gray {
			g := greyPage(800, 1100, 230)
			fill(g, 600, 50, 700, 170, 40) // a photo, no text in it
			fill(g, 60, 60, 100, 110, 10)  // a bold capital
			textLines(g, 40, 200, 760, 1000, 20)
			return g
		}, false, []probe{{650, 100, same(40)}, {80, 80, same(10)}}},
		{"a sheet on a desk", func() *image.Gray {
			g := greyPage(800, 1100, 100)
			fill(g, 80, 60, 720, 1040, 230)
			textLines(g, 120, 100, 680, 1000, 20)
			return g
		}, false, []probe{{20, 500, same(100)}}},
		{"a sheet filling most of a photo, its edges across cells", func() *image.Gray {
			// The cells along the sheet's edge hold desk and paper:
			// dark, with light in them, but no light ink inside the
			// desk.
			g := greyPage(800, 1100, 90)
			fill(g, 37, 27, 763, 1073, 230)
			textLines(g, 90, 80, 700, 1000, 20)
			return g
		}, false, []probe{{10, 500, same(90)}, {500, 10, same(90)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := tt.page()
			if got := invertDarkBlocks(g.Bounds().Dx(), g.Bounds().Dy(), g.Pix); got != tt.found {
				t.Errorf("invertDarkBlocks = %v, want %v", got, tt.found)
			}
			for _, p := range tt.probes {
				if v := g.Pix[p.y*g.Stride+p.x]; !p.want(v) {
					t.Errorf("pixel (%d, %d) = %d after", p.x, p.y, v)
				}
			}
		})
	}
}
