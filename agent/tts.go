package agent

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"

	"github.com/utopiahire/utopiahire/agent/audio"
	"github.com/utopiahire/utopiahire/internal/text"
)

// TTS turns text into speech for rehearsal mode.
type TTS interface {
	// Synthesize returns mono PCM and its sample rate.
	Synthesize(ctx context.Context, text, lang string) ([]int16, int, error)
}

// Espeak is TTS with the espeak-ng command line (Debian's espeak-ng).
type Espeak struct {
	Command string // default "espeak-ng"
}

var _ TTS = Espeak{}

// Synthesize implements TTS. The text goes through stdin, so nothing in it
// can be taken for an option.
func (e Espeak) Synthesize(ctx context.Context, speech, lang string) ([]int16, int, error) {
	cmd := e.Command
	if cmd == "" {
		cmd = "espeak-ng"
	}
	voice := map[string]string{LangEN: "en-us", LangFR: "fr-fr"}[normLang(lang)]
	c := exec.CommandContext(ctx, cmd, "--stdin", "--stdout", "-v", voice, "-s", "160")
	c.Stdin = strings.NewReader(speech)
	var out, errb bytes.Buffer
	c.Stdout, c.Stderr = &out, &errb
	if err := c.Run(); err != nil {
		return nil, 0, fmt.Errorf("espeak-ng: %w: %s", err, text.Clip(errb.String(), 200))
	}
	pcm, rate, err := audio.DecodeWAV(&out)
	if err != nil {
		return nil, 0, fmt.Errorf("espeak-ng output: %w", err)
	}
	return pcm, rate, nil
}

// Check runs the engine once, so a missing binary is found at start-up.
func (e Espeak) Check(ctx context.Context) error {
	_, _, err := e.Synthesize(ctx, "ok", LangEN)
	return err
}
