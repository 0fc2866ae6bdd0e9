package extract

import "testing"

// TestInvertDarkBands: a heading printed light on a dark bar is turned
// negative (bar to paper, letters dark) before Sauvola thresholding;
// dark text on paper, a thin rule and the desk around a photographed
// page are left as they are.
func TestInvertDarkBands(t *testing.T) {
	const w, h, paper, ink = 600, 300, 230, 50
	type px struct{ x, y int }
	fill := func(pix []byte, x0, y0, x1, y1 int, v byte) {
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				pix[y*w+x] = v
			}
		}
	}
	// strokes draws letter-like vertical strokes, 4 pixels wide every
	// step pixels, in rows y0–y1 between x0 and x1.
	strokes := func(pix []byte, x0, y0, x1, y1, step int, v byte) {
		for x := x0; x+4 <= x1; x += step {
			fill(pix, x, y0, x+4, y1, v)
		}
	}
	tests := []struct {
		name    string
		draw    func(pix []byte)
		changed bool
		light   []px // pixels that must end up paper-light (> 180)
		dark    []px // pixels that must end up dark (< 120)
	}{
		{"light heading on a dark bar", func(pix []byte) {
			fill(pix, 60, 100, 540, 130, ink)
			strokes(pix, 80, 106, 400, 124, 14, paper)
		}, true, []px{{70, 102}, {90, 115}, {530, 128}}, []px{{81, 115}, {95, 115}}},
		{"bold dark text on paper", func(pix []byte) {
			strokes(pix, 60, 100, 540, 130, 9, ink)
		}, false, []px{{66, 115}}, []px{{61, 115}}},
		{"a rule under a heading", func(pix []byte) {
			fill(pix, 60, 100, 540, 102, ink)
		}, false, []px{{60, 105}}, []px{{100, 101}}},
		{"the desk beside a photographed page", func(pix []byte) {
			fill(pix, 0, 0, 40, h, ink)
			fill(pix, 0, 100, 300, 130, ink) // a bar reaching the desk
		}, false, nil, []px{{10, 50}, {100, 115}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pix := make([]byte, w*h)
			fill(pix, 0, 0, w, h, paper)
			tt.draw(pix)
			if got := invertDarkBands(w, h, pix); got != tt.changed {
				t.Errorf("invertDarkBands = %v, want %v", got, tt.changed)
			}
			for _, p := range tt.light {
				if v := pix[p.y*w+p.x]; v <= 180 {
					t.Errorf("pixel %v = %d, want light", p, v)
				}
			}
			for _, p := range tt.dark {
				if v := pix[p.y*w+p.x]; v >= 120 {
					t.Errorf("pixel %v = %d, want dark", p, v)
				}
			}
		})
	}
}
