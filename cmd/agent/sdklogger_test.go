package main

import (
	"sync/atomic"
	"testing"

	"github.com/livekit/protocol/logger/pionlogger"

	"github.com/utopiahire/utopiahire/internal/config"
)

// formatCounter counts how often it is formatted: pion passes its track
// structs to Debugf, and formatting them while pion fills them in races.
type formatCounter struct{ n *atomic.Int32 }

func (f formatCounter) String() string { f.n.Add(1); return "formatted" }

// The SDK's logger must drop pion's debug messages before formatting their
// arguments; a logr/slog bridge (what the agent used to install) formats
// every one of them first.
func TestSDKLoggerDropsPionDebugUnformatted(t *testing.T) {
	for _, level := range []string{"debug", "info", "warn", "error"} {
		t.Run(level, func(t *testing.T) {
			l, err := sdkLogger(config.Agent{LogLevel: level, LogFormat: "text"})
			if err != nil {
				t.Fatal(err)
			}
			var n atomic.Int32
			pion := pionlogger.NewLoggerFactory(l).NewLogger("ice")
			pion.Debugf("track %v", formatCounter{&n})
			pion.Tracef("track %v", formatCounter{&n})
			pion.Infof("track %v", formatCounter{&n})
			if got := n.Load(); got != 0 {
				t.Fatalf("LOG_LEVEL=%s: pion debug/trace/info arguments formatted %d times, want 0", level, got)
			}
		})
	}
}
