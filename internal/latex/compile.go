package latex

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/utopiahire/utopiahire/internal/apperr"
)

// Code is a stable, machine-readable reason why a compilation failed.
type Code string

// Failure codes; ErrorKind says which kind (and so HTTP status) each is:
// CodeFailed (Log says why) and CodeTooLarge are validation failures,
// CodeBusy (with a retry hint), CodeUnavailable and CodeTimeout unavailable.
const (
	CodeFailed      Code = "latex_failed"
	CodeTimeout     Code = "latex_timeout"
	CodeTooLarge    Code = "latex_too_large"
	CodeBusy        Code = "busy"
	CodeUnavailable Code = "latex_unavailable"
)

// Error is a failed compilation. Message is safe to show and to log. Log is
// an excerpt of the LaTeX log for the user who sent the document; it may
// quote their text, so it is never part of Error() and must not be logged.
type Error struct {
	Code    Code
	Message string
	Log     string
	Err     error // cause, for logs
}

var _ apperr.Coded = (*Error)(nil)

func (e *Error) Error() string { return apperr.Format(string(e.Code), e.Message, e.Err) }

func (e *Error) Unwrap() error { return e.Err }

// ErrorKind implements apperr.Coded: a full house, a missing toolchain and a
// timeout are unavailable (retry later), the rest validation failures of the
// document.
func (e *Error) ErrorKind() apperr.Kind {
	switch e.Code {
	case CodeBusy, CodeUnavailable, CodeTimeout:
		return apperr.Unavailable
	}
	return apperr.Validation
}

// ErrorCode implements apperr.Coded.
func (e *Error) ErrorCode() string { return string(e.Code) }

// SafeMessage implements apperr.Coded.
func (e *Error) SafeMessage() string { return e.Message }

// ErrorDetails gives the user who sent the document the log excerpt.
func (e *Error) ErrorDetails() map[string]any {
	if e.Log == "" {
		return nil
	}
	return map[string]any{"log": e.Log}
}

// RetryAfterHint is how long a client refused as busy should wait.
func (e *Error) RetryAfterHint() time.Duration {
	if e.Code == CodeBusy {
		return 5 * time.Second
	}
	return 0
}

// CodeOf returns the failure code carried by err, or "" when err is not a
// compilation failure (for example a cancelled context).
func CodeOf(err error) Code { return Code(apperr.CodeAs[*Error](err)) }

// CompilerConfig bounds what one compilation may use. Zero fields take the
// defaults documented on each.
type CompilerConfig struct {
	// XeLaTeX is the xelatex binary (default: found on PATH).
	XeLaTeX string
	// Prlimit is util-linux prlimit, used to set the child's resource limits
	// before it runs (default: found on PATH).
	Prlimit string
	// Timeout bounds one compilation's wall time (default 30 s).
	Timeout time.Duration
	// MemoryBytes bounds the address space of xelatex and its children
	// (default 1 GiB; xelatex with our template maps about 300 MB).
	MemoryBytes uint64
	// MaxTeXBytes bounds the input (default 1 MiB).
	MaxTeXBytes int
	// MaxPDFBytes bounds any file xelatex writes, so the PDF too (default 20 MiB).
	MaxPDFBytes int64
	// Concurrency is how many compilations run at once (default 2).
	Concurrency int
	// MaxWaiting is how many callers may wait for a slot; more fail at once
	// with CodeBusy (default 8).
	MaxWaiting int
	// MaxWait bounds how long a caller waits for a slot before CodeBusy
	// (default 10 s; the caller's context may end the wait sooner).
	MaxWait time.Duration
	// TempDir is where private work directories are made (default os.TempDir()).
	TempDir string
	Logger  *slog.Logger
}

// Compiler turns LaTeX into PDF with xelatex. It is safe for concurrent use.
type Compiler struct {
	cfg     CompilerConfig
	slots   chan struct{}
	waiting atomic.Int64
	log     *slog.Logger
}

// NewCompiler checks that xelatex and prlimit are installed and returns a
// compiler with cfg's limits.
func NewCompiler(cfg CompilerConfig) (*Compiler, error) {
	var err error
	if cfg.XeLaTeX == "" {
		if cfg.XeLaTeX, err = exec.LookPath("xelatex"); err != nil {
			return nil, &Error{Code: CodeUnavailable, Message: "xelatex is not installed (apt-get install texlive-xetex)", Err: err}
		}
	}
	if cfg.Prlimit == "" {
		if cfg.Prlimit, err = exec.LookPath("prlimit"); err != nil {
			return nil, &Error{Code: CodeUnavailable, Message: "prlimit is not installed (util-linux)", Err: err}
		}
	}
	setDefaults(&cfg)
	return &Compiler{cfg: cfg, slots: make(chan struct{}, cfg.Concurrency), log: cfg.Logger}, nil
}

func setDefaults(cfg *CompilerConfig) {
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	if cfg.MemoryBytes == 0 {
		cfg.MemoryBytes = 1 << 30
	}
	if cfg.MaxTeXBytes <= 0 {
		cfg.MaxTeXBytes = 1 << 20
	}
	if cfg.MaxPDFBytes <= 0 {
		cfg.MaxPDFBytes = 20 << 20
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = 2
	}
	if cfg.MaxWaiting < 0 {
		cfg.MaxWaiting = 0
	} else if cfg.MaxWaiting == 0 {
		cfg.MaxWaiting = 8
	}
	if cfg.MaxWait <= 0 {
		cfg.MaxWait = 10 * time.Second
	}
	if cfg.TempDir == "" {
		cfg.TempDir = os.TempDir()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
}

// PDF compiles tex (a complete document) and returns the PDF. It waits for
// a free slot (CodeBusy when too many are waiting or the wait is too long),
// then runs xelatex once in a private directory that is removed afterwards.
func (c *Compiler) PDF(ctx context.Context, tex string) ([]byte, error) {
	if len(tex) > c.cfg.MaxTeXBytes {
		return nil, &Error{Code: CodeTooLarge, Message: fmt.Sprintf("the LaTeX document is larger than %d bytes", c.cfg.MaxTeXBytes)}
	}
	release, err := c.acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	start := time.Now()
	pdf, err := c.run(ctx, tex)
	c.log.DebugContext(ctx, "latex compile", slog.Duration("elapsed", time.Since(start)), slog.Int("tex_bytes", len(tex)), slog.Int("pdf_bytes", len(pdf)), slog.String("code", string(CodeOf(err))))
	return pdf, err
}

func (c *Compiler) acquire(ctx context.Context) (func(), error) {
	release := func() { <-c.slots }
	select {
	case c.slots <- struct{}{}:
		return release, nil
	default:
	}
	if c.waiting.Add(1) > int64(c.cfg.MaxWaiting) {
		c.waiting.Add(-1)
		return nil, &Error{Code: CodeBusy, Message: "too many PDF exports are waiting; try again shortly"}
	}
	defer c.waiting.Add(-1)
	timer := time.NewTimer(c.cfg.MaxWait)
	defer timer.Stop()
	select {
	case c.slots <- struct{}{}:
		return release, nil
	case <-timer.C:
		return nil, &Error{Code: CodeBusy, Message: "PDF export is busy; try again shortly"}
	case <-ctx.Done():
		return nil, fmt.Errorf("latex: wait for a compile slot: %w", ctx.Err())
	}
}

func (c *Compiler) run(ctx context.Context, tex string) ([]byte, error) {
	dir, err := os.MkdirTemp(c.cfg.TempDir, "latex-")
	if err != nil {
		return nil, fmt.Errorf("latex: make work dir: %w", err)
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, "cv.tex"), []byte(tex), 0o600); err != nil {
		return nil, fmt.Errorf("latex: write source: %w", err)
	}
	runCtx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	cmd := c.command(runCtx, dir)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	runErr := cmd.Run()
	if ctx.Err() != nil {
		return nil, fmt.Errorf("latex: compile: %w", ctx.Err())
	}
	if runCtx.Err() != nil {
		return nil, &Error{Code: CodeTimeout, Message: fmt.Sprintf("LaTeX did not finish within %s", c.cfg.Timeout), Log: logExcerpt(dir, out.Bytes()), Err: runErr}
	}
	if runErr != nil {
		return nil, c.failure(dir, out.Bytes(), runErr)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "cv.pdf"))
	if err != nil {
		return nil, &Error{Code: CodeFailed, Message: "LaTeX produced no PDF", Log: logExcerpt(dir, out.Bytes()), Err: err}
	}
	return pdf, nil
}

// command runs xelatex under prlimit, in its own process group so that a
// timeout kills xdvipdfmx too, with an environment that forbids reading or
// writing outside the work directory.
func (c *Compiler) command(ctx context.Context, dir string) *exec.Cmd {
	cpu := strconv.Itoa(int(c.cfg.Timeout/time.Second) + 1)
	args := []string{
		"--as=" + strconv.FormatUint(c.cfg.MemoryBytes, 10),
		"--fsize=" + strconv.FormatInt(c.cfg.MaxPDFBytes, 10),
		"--cpu=" + cpu,
		"--core=0",
		"--", c.cfg.XeLaTeX,
		"-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error",
		"-file-line-error", "cv.tex",
	}
	cmd := exec.CommandContext(ctx, c.cfg.Prlimit, args...)
	cmd.Dir = dir
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + dir,
		"TEXMFOUTPUT=" + dir,
		"openin_any=p",
		"openout_any=p",
		"shell_escape=f",
		"LANG=C.UTF-8",
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		// Negative pid: the whole group (xelatex and xdvipdfmx).
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
	cmd.WaitDelay = 2 * time.Second
	return cmd
}

func (c *Compiler) failure(dir string, out []byte, runErr error) error {
	excerpt := logExcerpt(dir, out)
	msg := "the LaTeX document did not compile"
	if first := firstError(excerpt); first != "" {
		msg += ": " + first
	}
	var exitErr *exec.ExitError
	if errors.As(runErr, &exitErr) {
		if ws, ok := exitErr.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			msg = fmt.Sprintf("LaTeX was stopped by signal %s (memory, file-size or CPU limit)", ws.Signal())
		}
	}
	return &Error{Code: CodeFailed, Message: msg, Log: excerpt, Err: runErr}
}

// logExcerpt returns the part of cv.log from the first error ("! …" or
// "file:line: …") on, or the tail of the output when there is no log.
func logExcerpt(dir string, out []byte) string {
	const maxExcerpt = 4000
	log, err := os.ReadFile(filepath.Join(dir, "cv.log"))
	if err != nil || len(log) == 0 {
		log = out
	}
	lines := strings.Split(strings.ToValidUTF8(string(log), "?"), "\n")
	from := max(len(lines)-25, 0)
	for i, l := range lines {
		if strings.HasPrefix(l, "!") || strings.HasPrefix(l, "./cv.tex:") || strings.HasPrefix(l, "cv.tex:") {
			from = i
			break
		}
	}
	excerpt := strings.Join(lines[from:min(from+25, len(lines))], "\n")
	excerpt = strings.ReplaceAll(excerpt, dir, ".")
	if len(excerpt) > maxExcerpt {
		excerpt = strings.ToValidUTF8(excerpt[:maxExcerpt], "")
	}
	return strings.TrimSpace(excerpt)
}

// firstError is the error message of an excerpt without the document text
// that follows it, so that it is safe to log: "Undefined control sequence."
func firstError(excerpt string) string {
	line, _, _ := strings.Cut(excerpt, "\n")
	msg := ""
	if strings.HasPrefix(line, "!") {
		msg = strings.TrimSpace(strings.TrimPrefix(line, "!"))
	} else if _, rest, ok := strings.Cut(line, ".tex:"); ok {
		// -file-line-error form: ./cv.tex:12: Undefined control sequence.
		_, msg, _ = strings.Cut(rest, ": ")
	}
	if r := []rune(strings.TrimSpace(msg)); len(r) > 120 {
		return string(r[:120]) + "…"
	}
	return strings.TrimSpace(msg)
}
