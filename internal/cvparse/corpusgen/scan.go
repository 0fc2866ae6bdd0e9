package main

import (
	"bytes"
	"context"
	"fmt"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"sort"
)

// scanPDF turns a rendered PDF into an image-only one, as a scanner or a
// "print as image" export does: each page rasterised at 150 dpi in grey,
// JPEG-compressed (quality 60, the artefacts included), and placed full-page
// in a PDF with no text layer. The extractor must read it by OCR.
func scanPDF(ctx context.Context, dir, base string) error {
	if err := runTool(ctx, dir, "pdftoppm", "-r", "150", "-gray", "-jpeg", "-jpegopt", "quality=60", base+".pdf", "scan"); err != nil {
		return err
	}
	pages, err := filepath.Glob(filepath.Join(dir, "scan-*.jpg"))
	if err != nil || len(pages) == 0 {
		return fmt.Errorf("pdftoppm wrote no pages: %v", err)
	}
	sort.Strings(pages)
	var imgs [][]byte
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		imgs = append(imgs, b)
		os.Remove(p)
	}
	pdf, err := imagePDF(imgs)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, base+".pdf"), pdf, 0o644)
}

// imagePDF writes a PDF with one A4 page per JPEG.
func imagePDF(jpegs [][]byte) ([]byte, error) {
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
	n := len(jpegs)
	kids := ""
	for i := 0; i < n; i++ {
		kids += fmt.Sprintf("%d 0 R ", 3+3*i)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>", nil)
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, n), nil)
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
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>", img, content), nil)
		draw := []byte("q 595.28 0 0 841.89 0 0 cm /Im0 Do Q")
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
