package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"
)

type toolPaths struct {
	prlimit, pdfinfo, pdftotext, pdftoppm, tesseract, antiword, catdoc string
}

func findTools() (toolPaths, error) {
	var t toolPaths
	var missing []string
	for _, x := range []struct {
		name string
		dst  *string
		opt  bool
	}{
		{"prlimit", &t.prlimit, false},
		{"pdfinfo", &t.pdfinfo, false},
		{"pdftotext", &t.pdftotext, false},
		{"pdftoppm", &t.pdftoppm, false},
		{"tesseract", &t.tesseract, false},
		{"antiword", &t.antiword, false},
		{"catdoc", &t.catdoc, true},
	} {
		p, err := exec.LookPath(x.name)
		if err != nil {
			if !x.opt {
				missing = append(missing, x.name)
			}
			continue
		}
		*x.dst = p
	}
	if len(missing) > 0 {
		return t, fmt.Errorf("extract: missing tools %v (Debian packages util-linux, poppler-utils, tesseract-ocr, tesseract-ocr-eng, tesseract-ocr-fra, antiword)", missing)
	}
	return t, nil
}

// workDir holds one input copy in a private (0700) temporary directory. The
// file name is fixed: nothing from the client reaches a path.
type workDir struct {
	dir  string
	path string
}

func newWorkDir(data []byte, name string) (*workDir, error) {
	dir, err := os.MkdirTemp("", "utopia-extract-*")
	if err != nil {
		return nil, fmt.Errorf("extract: temp dir: %w", err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("extract: write input: %w", err)
	}
	return &workDir{dir: dir, path: p}, nil
}

func (w *workDir) Close() { os.RemoveAll(w.dir) }

// errOutputLimit is returned when a tool writes more than allowed.
var errOutputLimit = errors.New("tool output over limit")

type cappedBuffer struct {
	buf bytes.Buffer
	max int
}

func (c *cappedBuffer) Write(p []byte) (int, error) {
	if c.buf.Len()+len(p) > c.max {
		return 0, errOutputLimit
	}
	return c.buf.Write(p)
}

// toolError describes a failed tool run.
type toolError struct {
	timedOut bool
	overOut  bool
	stderr   string
	err      error
}

func (t *toolError) Error() string {
	return fmt.Sprintf("tool failed (timeout=%v, output_limit=%v): %v: %s", t.timedOut, t.overOut, t.err, t.stderr)
}

// waitDelay is exec.Cmd.WaitDelay for tool runs.
const waitDelay = 10 * time.Second

// run executes tool with args under prlimit (address space and CPU time) and
// a wall-clock deadline, without a shell, in dir, with a minimal environment.
func (e *Extractor) run(ctx context.Context, dir string, maxOut int, tool string, args ...string) ([]byte, error) {
	return e.runWriting(ctx, dir, maxOut, 0, e.limits.Timeout, tool, args...)
}

// runWriting is run for a tool that writes files (pdftoppm's page
// images), each at most maxFile bytes (every other tool writes to stdout
// only and gets a file size limit of 0), with a wall-clock deadline of
// wall. The CPU limit is always Timeout.
func (e *Extractor) runWriting(ctx context.Context, dir string, maxOut int, maxFile int64, wall time.Duration, tool string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, wall)
	defer cancel()
	cpu := int(e.limits.Timeout/time.Second) + 1
	full := append([]string{
		"--as=" + strconv.FormatInt(e.limits.MaxMemory, 10),
		"--cpu=" + strconv.Itoa(cpu),
		"--fsize=" + strconv.FormatInt(maxFile, 10),
		"--core=0",
		"--", tool,
	}, args...)
	cmd := exec.CommandContext(ctx, e.tools.prlimit, full...)
	cmd.Dir = dir
	// OMP_THREAD_LIMIT keeps Tesseract to one thread: parallelism comes
	// from running one Tesseract per page, at most MaxOCR at once across
	// all documents, so one process per CPU is the whole budget.
	cmd.Env = []string{"PATH=/usr/bin:/bin", "LANG=C.UTF-8", "HOME=" + dir, "TMPDIR=" + dir, "OMP_THREAD_LIMIT=1"}
	out := &cappedBuffer{max: maxOut}
	errBuf := &cappedBuffer{max: 4096}
	cmd.Stdout = out
	cmd.Stderr = errBuf
	// WaitDelay bounds how long Wait drains the pipes after the tool exits
	// or is killed. The tools start no children, so the pipes close with
	// them; the delay only has to cover our copying goroutines, which on a
	// saturated machine (20 concurrent 10 MB uploads) took over a second.
	cmd.WaitDelay = waitDelay
	err := cmd.Run()
	if err != nil {
		te := &toolError{stderr: firstLine(errBuf.buf.String()), err: err}
		// A drain cut short by WaitDelay is the machine being slow, not
		// the document being bad: report it as a timeout, never as damage.
		te.timedOut = errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, exec.ErrWaitDelay)
		te.overOut = errors.Is(err, errOutputLimit)
		return out.buf.Bytes(), te
	}
	return out.buf.Bytes(), nil
}

func firstLine(s string) string {
	if i := bytes.IndexByte([]byte(s), '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 200 {
		s = s[:200]
	}
	return s
}

// toolRefusal maps a failed tool run to a refusal code.
func toolRefusal(err error, what string, limits Limits) error {
	var te *toolError
	if !errors.As(err, &te) {
		return err
	}
	switch {
	case te.timedOut:
		return refuseErr(CodeTimeout, err, "reading the %s took longer than %s; the file is too complex", what, limits.Timeout)
	case te.overOut:
		return refuseErr(CodeDecompressionBomb, err, "the %s expands to more text than allowed", what)
	}
	return refuseErr(CodeFailed, err, "the %s could not be read; it may be damaged", what)
}
