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
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/utopiahire/utopiahire/internal/extract/extracttest"
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

// printPDF turns a rendered PDF into what a browser's "print to PDF" of an
// online CV can give: every glyph drawn as an outline (no text layer for
// the CV itself, ghostscript -dNoOutputFonts), under the header (date and
// time, page title) and footer (address, page number) the browser adds as
// real text, some 60 letters a page. The extractor must see that the text
// layer is not the CV.
func printPDF(ctx context.Context, dir, base, name string) error {
	if err := runTool(ctx, dir, "gs", "-q", "-o", base+"-outlines.pdf", "-sDEVICE=pdfwrite", "-dNoOutputFonts", base+".pdf"); err != nil {
		return err
	}
	defer os.Remove(filepath.Join(dir, base+"-outlines.pdf"))
	// EndPage runs after each page's content: the header and footer go on
	// top in Helvetica (re-encoded as Latin-1 for accented names), as text.
	stamp := fmt.Sprintf(`/Helvetica findfont dup length dict begin { 1 index /FID ne { def } { pop pop } ifelse } forall
		/Encoding ISOLatin1Encoding def currentdict end /Helvetica-Latin1 exch definefont pop
		<< /EndPage { exch pop 0 eq { gsave /Helvetica-Latin1 findfont 8 scalefont setfont
		30 825 moveto (12/5/26, 9:14 PM) show 200 825 moveto (%s - Curriculum Vitae | Personal Website) show
		30 12 moveto (https://%s.github.io/curriculum-vitae/index.html) show 545 12 moveto (1/1) show
		grestore true } { false } ifelse } bind >> setpagedevice`, psString(name), psString(siteName(name)))
	return runTool(ctx, dir, "gs", "-q", "-o", base+".pdf", "-sDEVICE=pdfwrite", "-c", stamp, "-f", base+"-outlines.pdf")
}

// siteName is a personal site's host name for a person: "Inès da Costa" →
// "ines-da-costa".
func siteName(name string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(name)) {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case r == ' ' || r == '-':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// psString escapes s for a PostScript string literal in Latin-1.
func psString(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x80:
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, "\\%03o", r)
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// photoJPEG turns a rendered PDF's first page into a phone photo of the
// printed page: 200 pixels per inch, turned by 1.3°, lit from one corner
// (the far corner at 55 % of the near one's brightness), slightly out of
// focus, with sensor noise, saved as a JPEG at quality 80.
func photoJPEG(ctx context.Context, dir, base, _ string) error {
	pdf, err := os.ReadFile(filepath.Join(dir, base+".pdf"))
	if err != nil {
		return err
	}
	pages, err := extracttest.RenderPages(ctx, pdf, 200)
	if err != nil {
		return err
	}
	photo := extracttest.Degrade(pages[0], extracttest.ScanOptions{Rotate: -1.3, Lighting: 0.45, Blur: 1, Noise: 6, Seed: 2026})
	j, err := extracttest.JPEG(photo, 80)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, base+".jpg"), j, 0o644)
}
