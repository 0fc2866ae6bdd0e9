package logscrub_test

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/utopiahire/utopiahire/internal/logscrub"
)

func TestMasksAddressesEverywhere(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	log := slog.New(logscrub.New(slog.NewJSONHandler(&buf, nil))).With("user", "ann.lee+cv@example.co.uk")
	log.Info("mail to bob@example.com failed",
		"err", errors.New("550 5.1.1 <carol_d@mail.example.org>: user unknown"),
		slog.Group("rcpt", "to", "dave@example.net"),
		"count", 3, "handle", "@someone", "note", "no address here")
	out := buf.String()
	for _, leaked := range []string{"ann.lee", "bob@", "carol_d", "dave@"} {
		if strings.Contains(out, leaked) {
			t.Errorf("log leaks %q: %s", leaked, out)
		}
	}
	for _, kept := range []string{"<redacted>@example.com", "<redacted>@mail.example.org", "@someone", `"count":3`, "no address here", "550 5.1.1"} {
		if !strings.Contains(out, kept) {
			t.Errorf("log lost %q: %s", kept, out)
		}
	}
}
