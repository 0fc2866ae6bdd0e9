package main

import (
	"encoding/json"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/internal/livekit/livekittest"
)

type readyBody struct {
	Status   string            `json:"status"`
	Code     string            `json:"code"`
	Checks   map[string]string `json:"checks"`
	Degraded map[string]string `json:"degraded"`
}

func getReady(t *testing.T, base string) (int, readyBody) {
	t.Helper()
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Get(base + "/ready")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var r readyBody
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("/ready body %q: %v", b, err)
	}
	return resp.StatusCode, r
}

// waitReadyState polls /ready until it answers 200 with status and checks,
// and returns how long that took; every answer meanwhile must be 200 (an
// optional dependency never fails readiness).
func waitReadyState(t *testing.T, base, status string, checks map[string]string) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		code, r := getReady(t, base)
		if code != 200 {
			t.Fatalf("/ready answered %d %+v: LiveKit and the agent are optional", code, r)
		}
		diff := cmp.Diff(checks, r.Checks)
		if r.Status == status && diff == "" {
			for name, state := range checks {
				if state == "degraded" && r.Degraded[name] == "" {
					t.Errorf("/ready: %s degraded without a reason: %+v", name, r)
				}
			}
			return time.Since(start)
		}
		if time.Since(start) > 30*time.Second {
			t.Fatalf("/ready after 30 s: status %q (want %q), checks (-want +got):\n%s", r.Status, status, diff)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestReadyReportsLiveKitAndAgent: with LiveKit configured, /ready stays 200
// whatever LiveKit and the agent do, and says "degraded" (with a reason) for
// a stopped livekit-server or when no agent worker follows the dispatch
// channel; "ok" once both are there again, without a restart.
func TestReadyReportsLiveKitAndAgent(t *testing.T) {
	t.Parallel()
	lk := livekittest.Start(t)
	_, agentBin := binaries(t)
	m := startMain(t, testConfig(t, dbtest.New(t), map[string]string{
		"LIVEKIT_URL": lk.URL, "LIVEKIT_API_KEY": lk.APIKey, "LIVEKIT_API_SECRET": lk.APISecret,
		"AGENT_SECRET": testAgentSecret, "JWT_SECRET": testJWTSecret,
	}))
	base := baseURL(m)

	waitReadyState(t, base, "degraded", map[string]string{"postgres": "ok", "livekit": "ok", "agent": "degraded"})

	agentProc := startProc(t, agentBin, "agent.log", agentEnv(t, base, "ready-agent"))
	d := waitReadyState(t, base, "ok", map[string]string{"postgres": "ok", "livekit": "ok", "agent": "ok"})
	t.Logf("agent present %s after its process started", d.Round(time.Millisecond))

	lk.Stop()
	d = waitReadyState(t, base, "degraded", map[string]string{"postgres": "ok", "livekit": "degraded", "agent": "ok"})
	t.Logf("livekit degraded %s after livekit-server stopped", d.Round(time.Millisecond))

	lk.Restart(t)
	d = waitReadyState(t, base, "ok", map[string]string{"postgres": "ok", "livekit": "ok", "agent": "ok"})
	t.Logf("livekit ok %s after livekit-server answered again", d.Round(time.Millisecond))

	agentProc.kill(t)
	d = waitReadyState(t, base, "degraded", map[string]string{"postgres": "ok", "livekit": "ok", "agent": "degraded"})
	t.Logf("agent degraded %s after its process was killed", d.Round(time.Millisecond))
}
