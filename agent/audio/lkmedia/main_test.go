//go:build cgo

package lkmedia_test

import (
	"os"
	"testing"

	"github.com/livekit/protocol/logger"
	lksdk "github.com/livekit/server-sdk-go/v2"
)

// server-sdk-go logs pion's WebRTC chatter through a package-level logger
// that per-room options do not reach; keep it out of test output.
func TestMain(m *testing.M) {
	lksdk.SetLogger(logger.GetDiscardLogger())
	os.Exit(m.Run())
}
