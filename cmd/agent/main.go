// Command agent is the voice interviewer worker: the composition root that
// reads the agent configuration, builds the Gemini clients (or rehearsal
// mode's text-to-speech), the LiveKit room joiner and the server client,
// and runs agent.Worker until told to stop.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	protologger "github.com/livekit/protocol/logger"
	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"google.golang.org/genai"

	"github.com/utopiahire/utopiahire/agent"
	"github.com/utopiahire/utopiahire/agent/lkroom"
	"github.com/utopiahire/utopiahire/internal/ai"
	"github.com/utopiahire/utopiahire/internal/config"
	"github.com/utopiahire/utopiahire/internal/logscrub"
)

func main() {
	if err := run(context.Background(), os.Getenv, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

// run starts the worker. The first SIGINT/SIGTERM stops claiming and lets
// interviews close politely; a second one, or SHUTDOWN_TIMEOUT, cuts them.
func run(parent context.Context, getenv config.Getenv, stderr io.Writer) error {
	cfg, err := config.LoadAgent(getenv)
	if err != nil {
		return fmt.Errorf("configuration:\n%w", err)
	}
	logger := newLogger(cfg, stderr)
	ctx, hard, stop := signals(parent, cfg.ShutdownTimeout, logger)
	defer stop()
	m, err := open(ctx, cfg, logger)
	if err != nil {
		return err
	}
	defer m.close()
	return m.worker.Run(ctx, hard)
}

// main is the wired agent.
type wired struct {
	worker  *agent.Worker
	metrics *http.Server
}

func open(ctx context.Context, cfg config.Agent, logger *slog.Logger) (*wired, error) {
	sdkLog, err := sdkLogger(cfg)
	if err != nil {
		return nil, err
	}
	lksdk.SetLogger(sdkLog)

	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	deps := agent.Deps{
		HubURL:      cfg.HubURL,
		Rooms:       lkroom.Joiner{Logger: logger.With("component", "livekit")},
		Metrics:     agent.NewMetrics(reg),
		Logger:      logger,
		Concurrency: cfg.Concurrency,
		MaxDuration: cfg.MaxDuration,
		StopGrace:   cfg.StopGrace,
	}
	var secretMu sync.Mutex
	secret := func() string {
		secretMu.Lock()
		defer secretMu.Unlock()
		_ = cfg.ResolveSecret()
		return cfg.AgentSecret
	}
	deps.Control = agent.NewAPIClient(cfg.APIURL, secret, cfg.WorkerID, nil)
	if cfg.GeminiEnabled() {
		aiCfg := ai.Config{
			APIKey: cfg.GeminiAPIKey, BaseURL: cfg.GeminiBaseURL,
			Model: cfg.GeminiModel, LiveModel: cfg.GeminiLiveModel, Logger: logger.With("component", "gemini"),
		}
		reports, err := ai.NewClient(ctx, aiCfg)
		if err != nil {
			return nil, err
		}
		live, err := genai.NewClient(ctx, aiCfg.LiveClientConfig())
		if err != nil {
			return nil, errors.New("create gemini live client: invalid configuration")
		}
		deps.Reports = reports
		deps.Live = &agent.LiveSettings{Connect: agent.GenaiLive(live), Model: reports.LiveModel(), Voice: cfg.Voice}
		logger.Info("interviews use Gemini Live", "model", reports.LiveModel(), "voice", cfg.Voice)
	} else {
		tts := agent.Espeak{Command: cfg.TTSCommand}
		if err := tts.Check(ctx); err != nil {
			return nil, fmt.Errorf("rehearsal mode (no GEMINI_API_KEY) needs espeak-ng: %w", err)
		}
		deps.TTS = tts
		logger.Warn("GEMINI_API_KEY unset: interviews run in rehearsal mode (local text-to-speech, unscored reports)")
	}
	w, err := agent.NewWorker(deps)
	if err != nil {
		return nil, err
	}
	m := &wired{worker: w}
	if cfg.MetricsAddr != "" {
		ln, err := net.Listen("tcp", cfg.MetricsAddr)
		if err != nil {
			return nil, fmt.Errorf("listen on AGENT_METRICS_ADDR: %w", err)
		}
		mux := http.NewServeMux()
		mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
		m.metrics = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
		go func() { _ = m.metrics.Serve(ln) }()
		logger.Info("metrics", "addr", ln.Addr().String())
	}
	return m, nil
}

func (m *wired) close() {
	if m.metrics != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = m.metrics.Shutdown(ctx)
	}
}

// signals returns ctx (ends at the first signal or when parent ends) and
// hard (ends at a second signal, or timeout after the first).
func signals(parent context.Context, timeout time.Duration, log *slog.Logger) (ctx, hard context.Context, stop func()) {
	ctx, cancel := context.WithCancel(parent)
	hard, cancelHard := context.WithCancel(context.WithoutCancel(parent))
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-ch:
			log.Info("stopping: finishing interviews in progress (signal again to cut them off)")
		case <-ctx.Done():
		case <-done:
			return
		}
		cancel()
		t := time.NewTimer(timeout)
		defer t.Stop()
		select {
		case <-ch:
		case <-t.C:
		case <-done:
		}
		cancelHard()
	}()
	return ctx, hard, func() {
		signal.Stop(ch)
		close(done)
		cancel()
		cancelHard()
	}
}

func newLogger(cfg config.Agent, w io.Writer) *slog.Logger {
	return slog.New(newHandler(cfg, w))
}

// sdkLogger is server-sdk-go's package-level logger: warnings (errors when
// LOG_LEVEL=error), on stderr, JSON when LOG_FORMAT=json. It must be
// protocol's zap logger: for any other Logger (a logr bridge to slog, say),
// protocol's pion adapter formats every pion debug message with %+v before
// the level drops it, which costs CPU on every packet event and races with
// pion filling in the track structs it prints. The zap logger checks the
// level first.
func sdkLogger(cfg config.Agent) (protologger.ZapLogger, error) {
	level := "warn"
	if cfg.LogLevel == "error" {
		level = "error"
	}
	l, err := protologger.NewZapLogger(&protologger.Config{Level: level, JSON: cfg.LogFormat == "json"})
	if err != nil {
		return nil, fmt.Errorf("livekit sdk logger: %w", err)
	}
	return l, nil
}

func newHandler(cfg config.Agent, w io.Writer) slog.Handler {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	return newHandlerLevel(cfg, w, level)
}

func newHandlerLevel(cfg config.Agent, w io.Writer, level slog.Level) slog.Handler {
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return logscrub.New(slog.NewJSONHandler(w, opts))
	}
	return logscrub.New(slog.NewTextHandler(w, opts))
}
