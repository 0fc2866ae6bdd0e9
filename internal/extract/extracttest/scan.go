package extracttest

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
)

// ScanOptions describe how a rendered page is degraded into what a scanner
// or a phone camera gives: the resolution it is sampled at, the JPEG
// compression, a page not laid straight, sensor noise and uneven light.
type ScanOptions struct {
	// DPI is the resolution the page is rasterised at; 0 means 150.
	DPI int
	// JPEGQuality is the compression quality (1–100); 0 means 75.
	JPEGQuality int
	// Rotate turns the page by this many degrees (counter-clockwise).
	Rotate float64
	// Noise is the standard deviation of Gaussian grey noise, in grey
	// levels (0–255).
	Noise float64
	// Lighting (0–1) darkens the page away from one corner, as a lamp or
	// a window lights a photographed page: the far corner's paper is
	// (1-Lighting) as bright as the near one's.
	Lighting float64
	// Blur is a box blur radius in pixels (a photo slightly out of focus).
	Blur int
	// Seed makes the noise reproducible.
	Seed uint64
}

func (o ScanOptions) dpi() int {
	if o.DPI > 0 {
		return o.DPI
	}
	return 150
}

func (o ScanOptions) quality() int {
	if o.JPEGQuality > 0 {
		return o.JPEGQuality
	}
	return 75
}

// RenderPages rasterises every page of pdf in grey at dpi with pdftoppm.
func RenderPages(ctx context.Context, pdf []byte, dpi int) ([]*image.Gray, error) {
	dir, err := os.MkdirTemp("", "extracttest-scan-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, "in.pdf"), pdf, 0o600); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, "pdftoppm", "-r", fmt.Sprint(dpi), "-gray", "-png", "in.pdf", "page")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("pdftoppm: %w: %s", err, out)
	}
	names, err := filepath.Glob(filepath.Join(dir, "page-*.png"))
	if err != nil || len(names) == 0 {
		return nil, fmt.Errorf("pdftoppm wrote no pages: %v", err)
	}
	sort.Strings(names)
	var pages []*image.Gray
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			return nil, err
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Base(n), err)
		}
		g := image.NewGray(img.Bounds())
		draw.Draw(g, g.Bounds(), img, img.Bounds().Min, draw.Src)
		pages = append(pages, g)
	}
	return pages, nil
}

// Degrade returns page turned, lit unevenly, blurred and noised as o says
// (the page itself is left as it is). The corners uncovered by the turn are
// paper.
func Degrade(page *image.Gray, o ScanOptions) *image.Gray {
	b := page.Bounds()
	w, h := b.Dx(), b.Dy()
	out := image.NewGray(image.Rect(0, 0, w, h))
	sin, cos := math.Sincos(o.Rotate * math.Pi / 180)
	cx, cy := float64(w)/2, float64(h)/2
	r := rand.New(rand.NewPCG(o.Seed, 0x5ca7))
	diag := math.Hypot(float64(w), float64(h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			// Inverse rotation: which source pixel lands here.
			dx, dy := float64(x)-cx, float64(y)-cy
			sx := cos*dx - sin*dy + cx
			sy := sin*dx + cos*dy + cy
			v := bilinear(page, b, sx, sy)
			if o.Lighting > 0 {
				v *= 1 - o.Lighting*math.Hypot(float64(x), float64(y))/diag
			}
			out.Pix[y*out.Stride+x] = clampGrey(v)
		}
	}
	if o.Blur > 0 {
		out = boxBlur(out, o.Blur)
	}
	if o.Noise > 0 {
		for i, p := range out.Pix {
			out.Pix[i] = clampGrey(float64(p) + r.NormFloat64()*o.Noise)
		}
	}
	return out
}

// bilinear samples page at (x, y) relative to b.Min; outside is paper.
func bilinear(page *image.Gray, b image.Rectangle, x, y float64) float64 {
	x0, y0 := math.Floor(x), math.Floor(y)
	fx, fy := x-x0, y-y0
	at := func(px, py int) float64 {
		if px < 0 || py < 0 || px >= b.Dx() || py >= b.Dy() {
			return 255
		}
		return float64(page.Pix[py*page.Stride+px])
	}
	ix, iy := int(x0), int(y0)
	top := at(ix, iy)*(1-fx) + at(ix+1, iy)*fx
	bottom := at(ix, iy+1)*(1-fx) + at(ix+1, iy+1)*fx
	return top*(1-fy) + bottom*fy
}

func boxBlur(img *image.Gray, radius int) *image.Gray {
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	pass := func(src *image.Gray, horizontal bool) *image.Gray {
		dst := image.NewGray(src.Bounds())
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				sum, n := 0, 0
				for k := -radius; k <= radius; k++ {
					px, py := x, y
					if horizontal {
						px += k
					} else {
						py += k
					}
					if px < 0 || py < 0 || px >= w || py >= h {
						continue
					}
					sum += int(src.Pix[py*src.Stride+px])
					n++
				}
				dst.Pix[y*dst.Stride+x] = uint8(sum / n)
			}
		}
		return dst
	}
	return pass(pass(img, true), false)
}

func clampGrey(v float64) uint8 {
	return uint8(math.Max(0, math.Min(255, math.Round(v))))
}

// JPEG encodes a grey page at quality q.
func JPEG(page *image.Gray, q int) ([]byte, error) {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, page, &jpeg.Options{Quality: q}); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Scan turns a PDF with a text layer into an image-only one, as a scanner
// does: every page rasterised at o.DPI, degraded (Degrade), JPEG-compressed
// at o.JPEGQuality and placed full-page on an A4 page with no text.
func Scan(ctx context.Context, pdf []byte, o ScanOptions) ([]byte, error) {
	pages, err := RenderPages(ctx, pdf, o.dpi())
	if err != nil {
		return nil, err
	}
	var jpegs [][]byte
	for i, p := range pages {
		o := o
		o.Seed += uint64(i)
		j, err := JPEG(Degrade(p, o), o.quality())
		if err != nil {
			return nil, err
		}
		jpegs = append(jpegs, j)
	}
	return ImagePDF(jpegs, o.dpi())
}

// ImagePDF writes a PDF with one page per JPEG, sized for the image at dpi,
// each image covering its page and no text layer.
func ImagePDF(jpegs [][]byte, dpi int) ([]byte, error) {
	var b bytes.Buffer
	var offsets []int
	obj := func(body string, stream []byte) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\n", len(offsets), body)
		if stream != nil {
			b.WriteString("stream\n")
			b.Write(stream)
			b.WriteString("\nendstream\n")
		}
		b.WriteString("endobj\n")
	}
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	kids := ""
	for i := range jpegs {
		kids += fmt.Sprintf("%d 0 R ", 3+3*i)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>", nil)
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, len(jpegs)), nil)
	for i, j := range jpegs {
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(j))
		if err != nil {
			return nil, err
		}
		cs := "/DeviceRGB"
		if cfg.ColorModel == color.GrayModel {
			cs = "/DeviceGray"
		}
		content, img := 4+3*i, 5+3*i
		pw, ph := float64(cfg.Width)*72/float64(dpi), float64(cfg.Height)*72/float64(dpi)
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>", pw, ph, img, content), nil)
		draw := fmt.Appendf(nil, "q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q", pw, ph)
		obj(fmt.Sprintf("<< /Length %d >>", len(draw)), draw)
		obj(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>",
			cfg.Width, cfg.Height, cs, len(j)), j)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes(), nil
}
