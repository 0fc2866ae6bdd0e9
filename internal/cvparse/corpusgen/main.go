// Command corpusgen writes the labelled CV corpus that the cvparse accuracy
// test scores: personas generated from fixed seeds, laid out in varied
// styles, rendered through xelatex, a DOCX writer, LibreOffice (PDF, ODT,
// DOC, RTF from that DOCX) and plain text, each next to its truth JSON.
//
// It needs xelatex (texlive-xetex) and soffice (libreoffice-writer-nogui);
// CI does not run it, it only parses the committed output:
//
//	go run ./internal/cvparse/corpusgen -out internal/cvparse/testdata/corpus
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

type plan struct {
	renderer string // latex, docx, odt, lo-pdf, lo-odt, lo-doc, lo-rtf, txt
	lang     string
	twoCol   bool
	// variant "hard" draws the issue-14 patterns (hard.go); layout "table"
	// or "labels" lays entries out as a table or label/value rows.
	hard   bool
	layout string
	// scan turns the rendered PDF into an image-only one (scan.go).
	scan bool
	// print turns the rendered PDF's text into outlines and adds a
	// browser's header and footer as text, as a browser's "print to PDF"
	// of some pages does (scan.go); photo turns it into a phone photo of
	// the printed page, a JPEG (scan.go).
	print, photo bool
	// otherLabels: a label/value layout with label words outside the
	// parser's vocabulary (model.go, otherLabels).
	otherLabels bool
	// vary draws, on top of the hard patterns, their variations
	// (hard.go, vary): other cities and separators, headlines beside the
	// name, headings without a known word, ratings and group names in
	// skills, running footers.
	vary bool
}

func plans() []plan {
	var ps []plan
	langs := []string{"en", "fr"}
	for i := 0; i < 16; i++ {
		ps = append(ps, plan{renderer: "latex", lang: langs[i%2], twoCol: i%3 == 2})
	}
	for i := 0; i < 6; i++ {
		ps = append(ps, plan{renderer: "docx", lang: langs[i%2], twoCol: i%3 == 1})
	}
	for i := 0; i < 6; i++ {
		ps = append(ps, plan{renderer: "lo-pdf", lang: langs[(i+1)%2], twoCol: i%3 == 0})
	}
	for _, r := range []string{"lo-odt", "lo-doc", "lo-rtf"} {
		ps = append(ps, plan{renderer: r, lang: "en"}, plan{renderer: r, lang: "fr", twoCol: r == "lo-odt"})
	}
	ps = append(ps, plan{renderer: "txt", lang: "en"}, plan{renderer: "txt", lang: "fr"})
	// Issue 14: the layouts and patterns a held-out set found misread.
	for i := 0; i < 4; i++ {
		ps = append(ps, plan{renderer: "latex", lang: langs[i%2], hard: true})
	}
	for i := 0; i < 6; i++ {
		ps = append(ps, plan{renderer: "latex", lang: langs[i%2], twoCol: true, hard: i%3 != 2})
	}
	for i := 0; i < 6; i++ {
		ps = append(ps, plan{renderer: "latex", lang: langs[i%2], layout: "table", hard: i%2 == 1})
	}
	for i := 0; i < 4; i++ {
		ps = append(ps, plan{renderer: "latex", lang: langs[i%2], layout: "labels", hard: i >= 2})
	}
	ps = append(ps,
		plan{renderer: "latex", lang: "en", scan: true}, plan{renderer: "latex", lang: "fr", scan: true, hard: true},
		plan{renderer: "latex", lang: "en", twoCol: true, scan: true, hard: true}, plan{renderer: "latex", lang: "fr", layout: "table", scan: true},
		plan{renderer: "docx", lang: "en", hard: true}, plan{renderer: "docx", lang: "fr", hard: true},
		plan{renderer: "docx", lang: "en", layout: "labels", hard: true}, plan{renderer: "docx", lang: "fr", twoCol: true, hard: true},
		plan{renderer: "txt", lang: "en", hard: true}, plan{renderer: "txt", lang: "fr", hard: true},
		plan{renderer: "txt", lang: "fr", layout: "labels"},
	)
	// ODT written by our own writer (LibreOffice is not needed): one
	// column, sidebar table, label/value rows, EN and FR, plain and hard.
	ps = append(ps,
		plan{renderer: "odt", lang: "en"}, plan{renderer: "odt", lang: "fr", hard: true},
		plan{renderer: "odt", lang: "en", twoCol: true, hard: true}, plan{renderer: "odt", lang: "fr", twoCol: true},
		plan{renderer: "odt", lang: "en", layout: "labels", hard: true}, plan{renderer: "odt", lang: "fr", layout: "labels"},
	)
	// Label/value CVs whose label words the parser has no entry for: read
	// by the layout's shape.
	ps = append(ps,
		plan{renderer: "odt", lang: "en", layout: "labels", otherLabels: true}, plan{renderer: "odt", lang: "fr", layout: "labels", otherLabels: true, hard: true},
		plan{renderer: "docx", lang: "en", layout: "labels", otherLabels: true, hard: true}, plan{renderer: "docx", lang: "fr", layout: "labels", otherLabels: true},
		plan{renderer: "txt", lang: "en", layout: "labels", otherLabels: true}, plan{renderer: "txt", lang: "fr", layout: "labels", otherLabels: true},
	)
	// Variations of the hard patterns (issue 14): written in the file
	// names as "hard" too.
	ps = append(ps,
		plan{renderer: "latex", lang: "en", hard: true, vary: true}, plan{renderer: "latex", lang: "fr", hard: true, vary: true},
		plan{renderer: "latex", lang: "en", twoCol: true, hard: true, vary: true}, plan{renderer: "latex", lang: "fr", twoCol: true, hard: true, vary: true},
		plan{renderer: "docx", lang: "en", hard: true, vary: true}, plan{renderer: "odt", lang: "fr", hard: true, vary: true},
		plan{renderer: "txt", lang: "en", hard: true, vary: true}, plan{renderer: "txt", lang: "fr", hard: true, vary: true},
	)
	// Issue 14: text drawn as outlines under a browser's header and footer,
	// and a phone photo of a printed CV; both read by OCR.
	ps = append(ps,
		plan{renderer: "latex", lang: "en", print: true}, plan{renderer: "latex", lang: "fr", twoCol: true, hard: true, print: true},
		plan{renderer: "latex", lang: "en", photo: true},
	)
	return ps
}

// layoutName is the layout part of a corpus file name.
func (p plan) layoutName() string {
	name := "1col"
	switch {
	case p.layout != "":
		name = p.layout
	case p.twoCol:
		name = "2col"
	}
	if p.hard {
		name += "-hard"
	}
	return name
}

func main() {
	out := flag.String("out", "internal/cvparse/testdata/corpus", "output directory")
	from := flag.Int("from", 1, "first plan to write (1-based); earlier ones are left as they are")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := generate(context.Background(), *out, *from); err != nil {
		log.Error("generate corpus", "err", err)
		os.Exit(1)
	}
}

func generate(ctx context.Context, out string, from int) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "corpusgen-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	for i, p := range plans() {
		if i+1 < from {
			continue
		}
		r := rand.New(rand.NewPCG(2026, uint64(i)))
		per := newPersona(r, p.lang)
		st := newStyle(r, p.lang, p.twoCol)
		st.layout = p.layout
		if p.hard {
			harden(r, &per, &st)
		}
		if p.vary {
			vary(r, &per, &st)
		}
		if p.otherLabels {
			st.pickOtherLabels(r)
		}
		m, truth := build(per, st)
		renderer := p.renderer
		switch {
		case p.scan:
			renderer = "scan"
		case p.print:
			renderer = "print"
		case p.photo:
			renderer = "photo"
		}
		base := fmt.Sprintf("g%02d-%s-%s-%s", i+1, renderer, p.lang, p.layoutName())
		ext, err := render(ctx, r, p, m, work, base)
		if err != nil {
			return fmt.Errorf("%s: %w", base, err)
		}
		var finish func(context.Context, string, string, string) error
		switch {
		case p.scan:
			finish = func(ctx context.Context, dir, base, _ string) error { return scanPDF(ctx, dir, base) }
		case p.print:
			finish = printPDF
		case p.photo:
			finish, ext = photoJPEG, ".jpg"
		}
		if finish != nil {
			if err := finish(ctx, work, base, truth.Contact.Name); err != nil {
				return fmt.Errorf("%s: %w", base, err)
			}
		}
		if err := copyFile(filepath.Join(work, base+ext), filepath.Join(out, base+ext)); err != nil {
			return err
		}
		tj, err := json.MarshalIndent(truth, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, base+".json"), append(tj, '\n'), 0o644); err != nil {
			return err
		}
		fmt.Println(base + ext)
	}
	return nil
}

func render(ctx context.Context, r *rand.Rand, p plan, m model, dir, base string) (string, error) {
	switch p.renderer {
	case "latex":
		src := filepath.Join(dir, base+".tex")
		if err := os.WriteFile(src, []byte(renderLaTeX(r, m, p.layout)), 0o644); err != nil {
			return "", err
		}
		return ".pdf", runTool(ctx, dir, "xelatex", "-interaction=nonstopmode", "-no-shell-escape", "-halt-on-error", base+".tex")
	case "txt":
		return ".txt", os.WriteFile(filepath.Join(dir, base+".txt"), []byte(renderText(r, m)), 0o644)
	case "odt":
		data, err := renderODT(r, m)
		if err != nil {
			return "", err
		}
		return ".odt", os.WriteFile(filepath.Join(dir, base+".odt"), data, 0o644)
	}
	data, err := renderDOCX(r, m)
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, base+".docx"), data, 0o644); err != nil {
		return "", err
	}
	target := map[string]string{"lo-pdf": "pdf", "lo-odt": "odt", "lo-doc": "doc:MS Word 97", "lo-rtf": "rtf"}[p.renderer]
	if target == "" {
		return ".docx", nil
	}
	profile := "-env:UserInstallation=file://" + filepath.Join(dir, "lo-profile")
	if err := runTool(ctx, dir, "soffice", profile, "--headless", "--convert-to", target, "--outdir", dir, base+".docx"); err != nil {
		return "", err
	}
	return "." + map[string]string{"lo-pdf": "pdf", "lo-odt": "odt", "lo-doc": "doc", "lo-rtf": "rtf"}[p.renderer], nil
}

func runTool(ctx context.Context, dir, name string, args ...string) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1735689600", "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		tail := out[max(0, len(out)-1500):]
		return fmt.Errorf("%s: %w\n%s", name, err, tail)
	}
	return nil
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}
