//go:build cgo

package agent_test

import (
	"context"
	"fmt"
	"math"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"google.golang.org/genai"

	"github.com/utopiahire/utopiahire/agent"
	"github.com/utopiahire/utopiahire/agent/audio"
	"github.com/utopiahire/utopiahire/internal/ai"
	"github.com/utopiahire/utopiahire/internal/ai/geminifake"
	"github.com/utopiahire/utopiahire/internal/livekit/livekittest"
)

// pingPong is a fake model that answers every user turn at once with a
// short burst, recording when the user's speech reached it and when its
// answer left, per session (keyed by the candidate's name in the prompt).
type pingPong struct {
	mu    sync.Mutex
	in    map[string][]time.Time // first voiced window received
	out   map[string][]time.Time // answer's first chunk sent
	burst []int16
}

func (p *pingPong) handler() geminifake.LiveHandler {
	return func(ctx context.Context, s *geminifake.LiveSession) error {
		name := s.Setup.SystemInstruction
		if i := strings.Index(name, "interviewing "); i >= 0 {
			name = strings.Fields(name[i+len("interviewing "):])[0]
		}
		for {
			e, err := s.Next(ctx)
			if err != nil {
				return err
			}
			switch e.Kind {
			case "speech_start":
				p.mu.Lock()
				p.in[name] = append(p.in[name], e.Start)
				p.mu.Unlock()
				continue
			case "text", "user_turn":
			default:
				continue
			}
			p.mu.Lock()
			p.out[name] = append(p.out[name], time.Now())
			p.mu.Unlock()
			if err := s.Speak(ctx, "ok", p.burst, time.Second); err != nil && err != geminifake.ErrInterrupted {
				return err
			}
			if err := s.TurnComplete(ctx); err != nil {
				return err
			}
		}
	}
}

// BenchmarkVoiceAgent runs sessions interviews at once through a real
// livekit-server and the fake Gemini Live; each op is one turn in every
// session: the candidate speaks a 300 ms burst, the model answers with a
// 300 ms burst. Reported per direction, end to end (candidate frame written
// → model input; model output sent → candidate decoded frame, both through
// LiveKit and the agent) and the agent's own part (bridge_in: decoded frame
// → sent to the model; bridge_out: model audio received → queued on the
// track), p50/p95; and this process's CPU (agent + candidates + fake).
//
//	go test -run '^$' -bench VoiceAgent -benchtime 60x ./agent/
//
// With -cpuprofile, `go tool pprof -tags` gives each side's share of the
// CPU (goroutines carry a side label: agent, candidate, model, control).
func BenchmarkVoiceAgent(b *testing.B) {
	for _, sessions := range []int{1, 10, 20, 40} {
		b.Run(fmt.Sprintf("sessions=%d", sessions), func(b *testing.B) { benchSessions(b, sessions) })
	}
}

func benchSessions(b *testing.B, sessions int) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	lk := livekittest.Start(b)
	var cp *controlPlane
	side("control", func() { cp = newControlPlane(b, "bench-secret") })
	pp := &pingPong{in: map[string][]time.Time{}, out: map[string][]time.Time{},
		burst: burst(audio.ModelOutputRate, 300*time.Millisecond)}
	var gem *geminifake.Server
	side("model", func() { gem = geminifake.NewServer(b, geminifake.Options{Live: pp.handler()}) })
	aiCfg := ai.Config{APIKey: "k", BaseURL: gem.URL()}
	live, err := genai.NewClient(ctx, aiCfg.LiveClientConfig())
	if err != nil {
		b.Fatal(err)
	}
	reports, err := ai.NewClient(ctx, aiCfg)
	if err != nil {
		b.Fatal(err)
	}
	var metrics *agent.Metrics
	side("agent", func() {
		metrics = startWorker(b, ctx, cp, agent.Deps{
			Live:        &agent.LiveSettings{Connect: agent.GenaiLive(live), Model: "m", Voice: "Charon", SilenceDuration: 200 * time.Millisecond},
			Reports:     reports,
			Concurrency: sessions,
		})
	})
	cands := make([]*candidate, sessions)
	for i := range cands {
		id, room := fmt.Sprintf("bench-%d", i), fmt.Sprintf("bench-room-%d", i)
		side("candidate", func() { cands[i] = joinCandidate(b, ctx, lk, room) })
		cp.addInterview(ctx, agent.SessionData{InterviewID: id, Room: room, CandidateName: fmt.Sprintf("cand%d", i),
			CandidateEmail: "b@example.com", JobTitle: "Engineer", Language: "en", MaxDurationSeconds: 3600},
			lk.URL, agentToken(b, lk, id, room))
	}
	// Each candidate first hears the greeting.
	for i, c := range cands {
		waitHeard(b, c, time.Time{}, 60*time.Second, i)
	}
	time.Sleep(time.Second)
	speech := burst(audio.ModelInputRate, 300*time.Millisecond)
	sent := make([][]time.Time, sessions)
	heard := make([][]time.Time, sessions)
	cpu0, wall0 := cpuTime(), time.Now()
	b.ResetTimer()
	var wg sync.WaitGroup
	for i, c := range cands {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range b.N {
				t0 := time.Now()
				c.say(b, ctx, speech)
				h := waitHeard(b, c, t0.Add(300*time.Millisecond), 20*time.Second, i)
				sent[i], heard[i] = append(sent[i], t0), append(heard[i], h)
				time.Sleep(700 * time.Millisecond) // the answer plays out
			}
		}()
	}
	wg.Wait()
	b.StopTimer()
	cpu := 100 * float64(cpuTime()-cpu0) / float64(time.Since(wall0))

	var in, out []time.Duration
	pp.mu.Lock()
	for i := range cands {
		name := fmt.Sprintf("cand%d", i)
		ins, outs := pp.in[name], pp.out[name]
		for k, t0 := range sent[i] {
			// The first speech start the model saw after the burst left,
			// and the last answer it sent before the candidate heard one.
			if j, ok := slices.BinarySearchFunc(ins, t0, func(a, b time.Time) int { return a.Compare(b) }); ok || j < len(ins) {
				if d := ins[j].Sub(t0); d < time.Second {
					in = append(in, d)
				}
			}
			h := heard[i][k]
			if j, _ := slices.BinarySearchFunc(outs, h, func(a, b time.Time) int { return a.Compare(b) }); j > 0 {
				out = append(out, h.Sub(outs[j-1]))
			}
		}
	}
	pp.mu.Unlock()
	var bin, bout []time.Duration
	for _, t := range metrics.Turns() {
		bin, bout = append(bin, t.BridgeIn), append(bout, t.BridgeOut)
	}
	report := func(name string, d []time.Duration) {
		if len(d) == 0 {
			b.Fatalf("no %s samples", name)
		}
		b.ReportMetric(quantile(d, 0.5), name+"_p50_ms")
		b.ReportMetric(quantile(d, 0.95), name+"_p95_ms")
	}
	report("in", in)
	report("out", out)
	report("bridge_in", bin)
	report("bridge_out", bout)
	b.ReportMetric(cpu/float64(sessions), "cpu_%/session")
	b.ReportMetric(float64(len(in)), "turns")
	b.ReportMetric(float64(sessions*b.N-len(in)), "missed")
}

// side runs f with the pprof label side=name, which every goroutine f
// starts inherits: with -cpuprofile, `go tool pprof -tags` splits the
// process's CPU into the agent, the candidates, the fake model and the
// control plane.
func side(name string, f func()) {
	pprof.Do(context.Background(), pprof.Labels("side", name), func(context.Context) { f() })
}

// waitHeard returns when candidate i first hears loud audio after from.
func waitHeard(b testing.TB, c *candidate, from time.Time, timeout time.Duration, i int) time.Time {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		c.rec.mu.Lock()
		for ; c.scan < len(c.rec.at); c.scan++ {
			if k := c.scan; c.rec.loud[k] && c.rec.at[k].After(from) {
				c.rec.mu.Unlock()
				return c.rec.at[k]
			}
		}
		c.rec.mu.Unlock()
		time.Sleep(2 * time.Millisecond)
	}
	b.Fatalf("candidate %d heard nothing within %s", i, timeout)
	return time.Time{}
}

// burst is a speech-level 220 Hz tone with 10 ms ramps.
func burst(rate int, d time.Duration) []int16 {
	n := int(d * time.Duration(rate) / time.Second)
	ramp := rate / 100
	out := make([]int16, n)
	for i := range out {
		g := math.Min(1, math.Min(float64(i), float64(n-1-i))/float64(ramp))
		out[i] = int16(0.3 * 32767 * g * math.Sin(2*math.Pi*220*float64(i)/float64(rate)))
	}
	return out
}

func quantile(d []time.Duration, q float64) float64 {
	s := slices.Clone(d)
	slices.Sort(s)
	i := max(int(math.Ceil(q*float64(len(s))))-1, 0)
	return float64(s[i]) / float64(time.Millisecond)
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
