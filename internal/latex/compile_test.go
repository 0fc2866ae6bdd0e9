package latex_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/cvparse"
	"github.com/utopiahire/utopiahire/internal/extract"
	"github.com/utopiahire/utopiahire/internal/latex"
)

// newCompiler returns a compiler with cfg, failing the test when xelatex is
// missing under CI (where scripts/apt-packages.txt installs it) and skipping
// it on a developer machine without it.
func newCompiler(t testing.TB, cfg latex.CompilerConfig) *latex.Compiler {
	t.Helper()
	if cfg.TempDir == "" {
		cfg.TempDir = t.TempDir()
	}
	c, err := latex.NewCompiler(cfg)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("NewCompiler: %v", err)
		}
		t.Skipf("no LaTeX here: %v", err)
	}
	return c
}

// pdfText extracts the text of a PDF with pdftotext (poppler-utils).
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext missing (apt-get install poppler-utils)")
		}
		t.Skip("pdftotext missing")
	}
	f := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(f, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// flat joins a PDF's text into single-spaced words, since lines wrap.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestCompileFixtures(t *testing.T) {
	comp := newCompiler(t, latex.CompilerConfig{})
	for _, name := range []string{"en_engineer.json", "fr_marketing.json"} {
		t.Run(name, func(t *testing.T) {
			c := loadCV(t, name)
			tex, err := latex.Render(c, latex.Options{})
			if err != nil {
				t.Fatal(err)
			}
			pdf, err := comp.PDF(context.Background(), tex)
			if err != nil {
				t.Fatalf("PDF: %v", err)
			}
			if !strings.HasPrefix(string(pdf), "%PDF-") {
				t.Fatalf("not a PDF: %.20q", pdf)
			}
			text := flat(pdfText(t, pdf))
			for _, want := range []string{c.Contact.Name, c.Experience[0].Title, c.Experience[0].Bullets[0], c.Education[0].Institution} {
				if !strings.Contains(text, flat(want)) {
					t.Errorf("PDF text lacks %q", want)
				}
			}
			if n := pageCount(t, pdf); n != 1 {
				t.Errorf("fixture CV took %d pages, want 1", n)
			}
		})
	}
}

// hostile are strings that would run, read or break something if they
// reached TeX unescaped.
var hostile = []string{
	`\input{/etc/passwd}`,
	`\immediate\write18{touch /tmp/pwned-by-cv}`,
	`\catcode` + "`" + `\@=11 \def\x{}`,
	`^^5cinput^^7b/etc/hostname^^7d`,
	`^^^^005c`,
	`$x^2_1$ & 100% #1 ~home {brace} }unbalanced{`,
	`\end{document}`,
	`\makeatletter\@@end`,
	`[2pt] starts with a bracket`,
	`\\ \newline \par \relax`,
	"line one\nline two\r\n\n\nline three",
	"ctrl\x00\x07\x1b[31m chars \u202Ereversed\u202C",
	"Ünïcödé — “quotes” Ærø ß ł ő 東京",
}

// TestHostileCVIsPrinted fills every field of a CV with each hostile string
// and checks that the PDF prints it rather than acting on it.
func TestHostileCVIsPrinted(t *testing.T) {
	comp := newCompiler(t, latex.CompilerConfig{})
	marker := "/tmp/pwned-by-cv"
	os.Remove(marker)
	c := loadCV(t, "en_engineer.json")
	var paths []string
	for f := range cv.Fields(&c) {
		paths = append(paths, f.Path)
	}
	i := 0
	for _, p := range paths {
		v, _ := cv.Resolve(&c, p)
		next, err := cv.Apply(&c, p, v, hostile[i%len(hostile)]+" "+strings.Repeat("z", i%3))
		switch {
		case err == nil:
			c = next
		case cv.CodeOf(err) != cv.CodeInvalidValue:
			t.Fatal(err)
		}
		i++
	}
	for _, h := range hostile {
		// Control characters are refused by Apply; use them directly.
		c.OtherSections = append(c.OtherSections, cv.Section{Title: h, Content: h, Items: []string{h}})
	}
	tex, err := latex.Render(c, latex.Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := comp.PDF(context.Background(), tex)
	if err != nil {
		var le *latex.Error
		errors.As(err, &le)
		t.Fatalf("hostile CV did not compile: %v\n%s", err, le.Log)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("\\write18 ran")
	}
	text := flat(pdfText(t, pdf))
	for _, want := range []string{`\input{/etc/passwd}`, `\immediate\write18{touch /tmp/pwned-by-cv}`, `^^5cinput^^7b/etc/hostname^^7d`, `$x^2_1$ & 100% #1 ~home {brace} }unbalanced{`, `\end{document}`, `[2pt] starts with a bracket`} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF does not print %q", want)
		}
	}
	if strings.Contains(text, "root:") {
		t.Error("PDF contains /etc/passwd")
	}
	host, _ := os.ReadFile("/etc/hostname")
	if h := strings.TrimSpace(string(host)); h != "" && strings.Contains(text, " "+h+" ") {
		t.Error("PDF contains /etc/hostname")
	}
}

// TestSandbox feeds raw LaTeX to the compiler: even a document we did not
// generate cannot run commands or read and write outside its directory.
func TestSandbox(t *testing.T) {
	comp := newCompiler(t, latex.CompilerConfig{Timeout: 20 * time.Second})
	dir := t.TempDir()
	marker := filepath.Join(dir, "shell-ran")
	outside := filepath.Join(dir, "written")
	doc := func(body string) string {
		return "\\documentclass{article}\\begin{document}\n" + body + "\n\\end{document}\n"
	}
	tests := []struct {
		name, tex string
		wantErr   bool
	}{
		{"write18", doc(`\immediate\write18{touch ` + marker + `}ok`), false},
		{"pipe input", doc(`\input{|"touch ` + marker + `"}`), true},
		{"absolute input", doc(`\input{/etc/passwd}`), true},
		{"parent input", doc(`\input{../../../../../../etc/passwd}`), true},
		{"absolute openout", doc(`\immediate\openout5=` + outside + `\immediate\write5{x}\immediate\closeout5 ok`), true},
		{"parent openout", doc(`\immediate\openout5=../escaped.tex\immediate\write5{x}\immediate\closeout5 ok`), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := comp.PDF(context.Background(), tt.tex)
			if tt.wantErr && latex.CodeOf(err) != latex.CodeFailed {
				t.Errorf("err = %v, want %s", err, latex.CodeFailed)
			}
			if !tt.wantErr && err != nil {
				t.Errorf("err = %v", err)
			}
			for _, f := range []string{marker, outside} {
				if _, err := os.Stat(f); err == nil {
					t.Fatalf("%s exists: the sandbox leaked", f)
				}
			}
		})
	}
}

func TestCompileErrorHasLog(t *testing.T) {
	comp := newCompiler(t, latex.CompilerConfig{})
	_, err := comp.PDF(context.Background(), "\\documentclass{article}\\begin{document}\\nosuchmacro\\end{document}")
	var le *latex.Error
	if !errors.As(err, &le) || le.Code != latex.CodeFailed {
		t.Fatalf("err = %v, want latex_failed", err)
	}
	if !strings.Contains(le.Log, "Undefined control sequence") || !strings.Contains(le.Message, "Undefined control sequence") {
		t.Errorf("message %q / log %q do not name the error", le.Message, le.Log)
	}
	if strings.Contains(le.Error(), "nosuchmacro") {
		t.Errorf("Error() quotes the document: %q", le.Error())
	}
}

func TestLimits(t *testing.T) {
	c := loadCV(t, "en_engineer.json")
	tex, err := latex.Render(c, latex.Options{})
	if err != nil {
		t.Fatal(err)
	}
	loop := "\\documentclass{article}\\begin{document}\\def\\x{\\x}\\x\\end{document}"
	tests := []struct {
		name string
		cfg  latex.CompilerConfig
		tex  string
		code latex.Code
	}{
		{"timeout", latex.CompilerConfig{Timeout: 1500 * time.Millisecond}, loop, latex.CodeTimeout},
		{"memory", latex.CompilerConfig{MemoryBytes: 48 << 20}, tex, latex.CodeFailed},
		{"output size", latex.CompilerConfig{MaxPDFBytes: 4 << 10}, tex, latex.CodeFailed},
		{"input size", latex.CompilerConfig{MaxTeXBytes: 1000}, tex, latex.CodeTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			comp := newCompiler(t, tt.cfg)
			start := time.Now()
			_, err := comp.PDF(context.Background(), tt.tex)
			if got := latex.CodeOf(err); got != tt.code {
				t.Fatalf("err = %v, want %s", err, tt.code)
			}
			if time.Since(start) > 15*time.Second {
				t.Errorf("took %s to fail", time.Since(start))
			}
		})
	}
}

func TestWorkDirRemoved(t *testing.T) {
	tmp := t.TempDir()
	comp := newCompiler(t, latex.CompilerConfig{TempDir: tmp})
	if _, err := comp.PDF(context.Background(), "\\documentclass{article}\\begin{document}x\\end{document}"); err != nil {
		t.Fatal(err)
	}
	_, _ = comp.PDF(context.Background(), "\\documentclass{article}\\begin{document}\\bad\\end{document}")
	entries, _ := os.ReadDir(tmp)
	if len(entries) != 0 {
		t.Errorf("work dirs left behind: %v", entries)
	}
}

// TestConcurrencyLimit holds the only slot with a slow compilation and
// checks each way a second caller is turned away.
func TestConcurrencyLimit(t *testing.T) {
	slow := "\\documentclass{article}\\begin{document}\\def\\x{\\x}\\x\\end{document}"
	quick := "\\documentclass{article}\\begin{document}x\\end{document}"
	tests := []struct {
		name  string
		cfg   latex.CompilerConfig
		ctx   func() (context.Context, context.CancelFunc)
		check func(t *testing.T, err error, waited time.Duration)
	}{
		{"no waiting allowed", latex.CompilerConfig{MaxWaiting: -1}, background,
			func(t *testing.T, err error, waited time.Duration) {
				if latex.CodeOf(err) != latex.CodeBusy || waited > time.Second {
					t.Errorf("err = %v after %s, want busy at once", err, waited)
				}
			}},
		{"wait bounded", latex.CompilerConfig{MaxWait: 300 * time.Millisecond}, background,
			func(t *testing.T, err error, waited time.Duration) {
				if latex.CodeOf(err) != latex.CodeBusy || waited < 250*time.Millisecond {
					t.Errorf("err = %v after %s, want busy after MaxWait", err, waited)
				}
			}},
		{"caller gives up", latex.CompilerConfig{}, func() (context.Context, context.CancelFunc) {
			return context.WithTimeout(context.Background(), 200*time.Millisecond)
		}, func(t *testing.T, err error, waited time.Duration) {
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("err = %v, want deadline exceeded", err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := tt.cfg
			cfg.Concurrency, cfg.Timeout = 1, 4*time.Second
			comp := newCompiler(t, cfg)
			holding := make(chan struct{})
			var wg sync.WaitGroup
			wg.Add(1)
			go func() {
				defer wg.Done()
				close(holding)
				_, _ = comp.PDF(context.Background(), slow)
			}()
			t.Cleanup(wg.Wait)
			<-holding
			time.Sleep(200 * time.Millisecond) // let the slow one take the slot
			ctx, cancel := tt.ctx()
			defer cancel()
			start := time.Now()
			_, err := comp.PDF(ctx, quick)
			tt.check(t, err, time.Since(start))
		})
	}
}

func background() (context.Context, context.CancelFunc) {
	return context.WithCancel(context.Background())
}

func TestConcurrentCompiles(t *testing.T) {
	comp := newCompiler(t, latex.CompilerConfig{Concurrency: 2, MaxWait: time.Minute})
	tex, err := latex.Render(loadCV(t, "fr_marketing.json"), latex.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() {
			pdf, err := comp.PDF(context.Background(), tex)
			if err == nil && !strings.HasPrefix(string(pdf), "%PDF-") {
				err = errors.New("not a PDF")
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

// TestCorpusCompiles reads every document of the parser's labelled corpus
// as a user's upload would be (extract, then parse), renders what the
// parser made of it and compiles the batch: each must compile, print its
// name, fit on at most two pages, and carry no invented or duplicated
// section (issue 14: a "Headline" placeholder, sections printed twice).
func TestCorpusCompiles(t *testing.T) {
	files, err := filepath.Glob("../cvparse/testdata/corpus/*.json")
	if err != nil || len(files) < 30 {
		t.Fatalf("parser corpus: %d files, %v", len(files), err)
	}
	if testing.Short() {
		files = files[:4]
	}
	ex, err := extract.New(extract.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	comp := newCompiler(t, latex.CompilerConfig{Concurrency: 2, MaxWaiting: len(files), MaxWait: 5 * time.Minute})
	var wg sync.WaitGroup
	n := 0
	for _, f := range files {
		base := strings.TrimSuffix(f, ".json")
		docs, _ := filepath.Glob(base + ".*")
		var data []byte
		for _, d := range docs {
			if !strings.HasSuffix(d, ".json") {
				data, err = os.ReadFile(d)
				if err != nil {
					t.Fatal(err)
				}
			}
		}
		doc, err := ex.Text(context.Background(), data)
		if err != nil {
			t.Fatalf("%s: %v", base, err)
		}
		c := cvparse.Parse(doc)
		tex, err := latex.Render(c, latex.Options{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		name := filepath.Base(base)
		checkSections(t, name, c, tex)
		// Every CV is checked in its LaTeX source and in the text of the
		// PDF it exports: a section printed twice (on page 2 of a 2-page
		// CV, say) or a title the structured CV does not have shows there.
		n++
		wg.Go(func() {
			pdf, err := comp.PDF(context.Background(), tex)
			if err != nil {
				t.Errorf("%s: %v", name, err)
				return
			}
			if n := pageCount(t, pdf); n < 1 || n > 2 {
				t.Errorf("%s: %d pages", name, n)
			}
			checkPDFSections(t, name, tex, pdfText(t, pdf))
		})
	}
	wg.Wait()
}

var reSectionTitle = regexp.MustCompile(`\\section\*\{([^}]*)\}`)

// texUnescape undoes latex.Escape for the characters section titles use.
var texUnescape = strings.NewReplacer(`\&`, "&", `\%`, "%", `\$`, "$", `\#`, "#", `\_`, "_", `\{`, "{", `\}`, "}")

// pdfLine is a line of PDF text or a title as compared: single spaces, and
// the apostrophe LaTeX typesets as ’ written '.
func pdfLine(s string) string {
	return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "’", "'")
}

// checkPDFSections fails when a section title of the LaTeX source is not
// printed exactly once as a line of the PDF's text, or when the PDF prints
// a placeholder title.
func checkPDFSections(t *testing.T, name, tex, text string) {
	t.Helper()
	lines := map[string]int{}
	for _, l := range strings.Split(text, "\n") {
		lines[pdfLine(l)]++
	}
	for _, m := range reSectionTitle.FindAllStringSubmatch(tex, -1) {
		title := pdfLine(texUnescape.Replace(m[1]))
		if got := lines[title]; got != 1 {
			t.Errorf("%s: section %q printed %d times in the exported PDF, once expected", name, title, got)
		}
	}
	for _, p := range []string{"Headline", "Other"} {
		if lines[p] > 0 {
			t.Errorf("%s: placeholder section %q in the exported PDF", name, p)
		}
	}
}

// checkSections fails on a section title printed twice, on a placeholder
// title, and on a section's text printed twice (its content and, again,
// its items).
func checkSections(t *testing.T, name string, c cv.StructuredCV, tex string) {
	t.Helper()
	seen := map[string]bool{}
	for _, m := range reSectionTitle.FindAllStringSubmatch(tex, -1) {
		title := m[1]
		if seen[title] {
			t.Errorf("%s: section %q printed twice", name, title)
		}
		seen[title] = true
		if title == "Headline" || title == "Other" {
			t.Errorf("%s: placeholder section %q", name, title)
		}
	}
	want := map[string]int{}
	for _, o := range c.OtherSections {
		for _, it := range o.Items {
			want[latex.Escape(it)]++
		}
	}
	for it, n := range want {
		if got := strings.Count(tex, it); len(it) > 12 && got > n {
			t.Errorf("%s: %q printed %d times, once expected", name, it, got)
		}
	}
}

func loadCorpusCV(t *testing.T, path string) cv.StructuredCV {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var c cv.StructuredCV
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return c
}

// pageCount asks pdfinfo (poppler-utils) how many pages pdf has; xdvipdfmx
// compresses the page tree, so the bytes cannot simply be searched.
func pageCount(t *testing.T, pdf []byte) int {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdfinfo missing (apt-get install poppler-utils)")
		}
		t.Skip("pdfinfo missing")
	}
	f := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(f, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", f).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo gave no page count:\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}
