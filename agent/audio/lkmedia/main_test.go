//go:build cgo

package lkmedia_test

import (
	"os"
	"testing"

	lksdk "github.com/livekit/server-sdk-go/v2"

	"github.com/utopiahire/utopiahire/internal/livekit/livekittest"
)

// server-sdk-go logs pion's WebRTC chatter through a package-level logger
// that per-room options do not reach; keep it out of test output.
func TestMain(m *testing.M) {
	lksdk.SetLogger(livekittest.QuietSDKLogger())
	os.Exit(m.Run())
}
