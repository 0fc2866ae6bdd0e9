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
	renderer string // latex, docx, lo-pdf, lo-odt, lo-doc, lo-rtf, txt
	lang     string
	twoCol   bool
}

func plans() []plan {
	var ps []plan
	langs := []string{"en", "fr"}
	for i := 0; i < 16; i++ {
		ps = append(ps, plan{"latex", langs[i%2], i%3 == 2})
	}
	for i := 0; i < 6; i++ {
		ps = append(ps, plan{"docx", langs[i%2], i%3 == 1})
	}
	for i := 0; i < 6; i++ {
		ps = append(ps, plan{"lo-pdf", langs[(i+1)%2], i%3 == 0})
	}
	for _, r := range []string{"lo-odt", "lo-doc", "lo-rtf"} {
		ps = append(ps, plan{r, "en", false}, plan{r, "fr", r == "lo-odt"})
	}
	ps = append(ps, plan{"txt", "en", false}, plan{"txt", "fr", false})
	return ps
}

func main() {
	out := flag.String("out", "internal/cvparse/testdata/corpus", "output directory")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := generate(context.Background(), *out); err != nil {
		log.Error("generate corpus", "err", err)
		os.Exit(1)
	}
}

func generate(ctx context.Context, out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "corpusgen-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	for i, p := range plans() {
		r := rand.New(rand.NewPCG(2026, uint64(i)))
		per := newPersona(r, p.lang)
		st := newStyle(r, p.lang, p.twoCol)
		m, truth := build(per, st)
		cols := "1col"
		if p.twoCol {
			cols = "2col"
		}
		base := fmt.Sprintf("g%02d-%s-%s-%s", i+1, p.renderer, p.lang, cols)
		ext, err := render(ctx, r, p, m, work, base)
		if err != nil {
			return fmt.Errorf("%s: %w", base, err)
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
		if err := os.WriteFile(src, []byte(renderLaTeX(r, m)), 0o644); err != nil {
			return "", err
		}
		return ".pdf", runTool(ctx, dir, "xelatex", "-interaction=nonstopmode", "-no-shell-escape", "-halt-on-error", base+".tex")
	case "txt":
		return ".txt", os.WriteFile(filepath.Join(dir, base+".txt"), []byte(renderText(r, m)), 0o644)
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
