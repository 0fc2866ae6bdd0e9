// Command server is the UtopiaHire API and real-time hub: the composition
// root that reads configuration, opens the stores, wires the services and
// serves them on one port.
//
//	server                      serve (the default)
//	server migrate up|down|status
package main

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/IBM/pgxpoolprometheus"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/redis/go-redis/v9"
	"github.com/riverqueue/river"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/internal/auth"
	"github.com/utopiahire/utopiahire/internal/config"
	"github.com/utopiahire/utopiahire/internal/cvjob"
	"github.com/utopiahire/utopiahire/internal/httpapi"
	"github.com/utopiahire/utopiahire/internal/interview"
	"github.com/utopiahire/utopiahire/internal/jobrescue"
	"github.com/utopiahire/utopiahire/internal/logscrub"
	"github.com/utopiahire/utopiahire/internal/pgserver"
	"github.com/utopiahire/utopiahire/internal/ratelimit"
	"github.com/utopiahire/utopiahire/internal/store"
	"github.com/utopiahire/utopiahire/web"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, getenv config.Getenv, stderr io.Writer) error {
	cfg, err := config.Load(getenv)
	if err != nil {
		return fmt.Errorf("configuration:\n%w", err)
	}
	logger := newLogger(cfg, stderr)
	cmd := "serve"
	if len(args) > 0 {
		cmd = args[0]
	}
	switch cmd {
	case "serve":
		return serve(ctx, cfg, logger)
	case "migrate":
		return migrate(ctx, cfg, logger, args[1:])
	case "mail":
		return mailCommand(ctx, cfg, logger, args[1:], os.Stdout)
	case "jobs":
		return jobsCommand(ctx, cfg, logger, args[1:], os.Stdin, os.Stdout)
	case "help", "-h", "--help":
		fmt.Fprintln(stderr, "usage: server [serve | migrate up|down|status | mail outbox [N] | jobs import FILE]")
		return nil
	}
	return fmt.Errorf("unknown command %q (want serve, migrate, mail or jobs)", cmd)
}

func serve(ctx context.Context, cfg config.Config, logger *slog.Logger) error {
	m := NewMain(cfg, logger)
	if err := m.Open(ctx); err != nil {
		shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
		defer cancel()
		_ = m.Close(shutdownCtx)
		return err
	}
	logger.Info("serving", "addr", m.Addr(), "url", cfg.PublicURL)
	select {
	case <-ctx.Done():
		logger.Info("shutting down")
	case err := <-m.serveErr:
		logger.Error("server stopped", "err", err)
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	return m.Close(shutdownCtx)
}

func migrate(ctx context.Context, cfg config.Config, logger *slog.Logger, args []string) error {
	if len(args) != 1 {
		return errors.New("usage: server migrate up|down|status")
	}
	m := NewMain(cfg, logger)
	defer func() {
		c, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
		defer cancel()
		_ = m.Close(c)
	}()
	if err := m.openDatabase(ctx); err != nil {
		return err
	}
	mig := store.NewMigrator(m.pool, logger)
	switch args[0] {
	case "up":
		return mig.Up(ctx)
	case "down":
		return mig.Down(ctx)
	case "status":
		st, err := mig.Status(ctx)
		if err != nil {
			return err
		}
		for _, s := range st {
			state := "pending"
			if s.Applied {
				state = "applied"
			}
			fmt.Printf("%05d  %-8s %s\n", s.Version, state, s.Name)
		}
		return nil
	}
	return fmt.Errorf("unknown migrate command %q (want up, down or status)", args[0])
}

// Main is the running server: everything it opened, in the order to close.
// Tests start it on port 0 exactly as main does.
type Main struct {
	cfg    config.Config
	logger *slog.Logger

	pgServer *pgserver.Server
	pool     *pgxpool.Pool
	redis    redis.UniversalClient
	registry *prometheus.Registry
	jobs     *river.Client[pgx.Tx]
	// periodic are the areas' periodic River jobs (openJobs adds them).
	periodic []*river.PeriodicJob
	rescuer  *jobrescue.Rescuer
	hub      *hub.Hub
	broker   hub.Broker
	cv       *cvjob.Service
	accounts *auth.Service
	// interviews is the interviews service and its sweeper (interviews.go).
	interviews       *interviewsArea
	interviewReports *interview.ReportWorker
	resetWorker      *auth.PasswordResetWorker
	api              *httpapi.Server
	http             *http.Server
	conns            *connStates
	listener         net.Listener
	serveErr         chan error
	metrics          *metricsServer
}

// NewMain returns an unopened server.
func NewMain(cfg config.Config, logger *slog.Logger) *Main {
	return &Main{cfg: cfg, logger: logger, serveErr: make(chan error, 1)}
}

// Addr is the address the server listens on, once open.
func (m *Main) Addr() string {
	if m.listener == nil {
		return ""
	}
	return m.listener.Addr().String()
}

// Open connects the stores, applies migrations, wires the services and
// starts serving in the background.
func (m *Main) Open(ctx context.Context) error {
	for _, name := range m.cfg.GeneratedSecrets {
		m.logger.Warn("generated a development secret; set it in the environment for production", "name", name, "stored_in", m.cfg.DataDir)
	}
	if err := m.openDatabase(ctx); err != nil {
		return err
	}
	if err := store.NewMigrator(m.pool, m.logger).Up(ctx); err != nil {
		return err
	}
	if err := m.openRedis(ctx); err != nil {
		return err
	}
	m.registry = newRegistry(m.pool)
	workers := river.NewWorkers()
	if err := m.addAccountWorkers(workers); err != nil {
		return err
	}
	m.addInterviewWorkers(workers)
	cvs, err := m.openCV(workers)
	if err != nil {
		return err
	}
	jobsDeps, err := m.openJobSearch(ctx, cvs, workers)
	if err != nil {
		return err
	}
	if err := m.openJobs(workers); err != nil {
		return err
	}
	m.cv.SetRiver(m.jobs)
	accounts, err := m.openAccounts()
	if err != nil {
		return err
	}
	m.accounts = accounts
	accounts.Attach(m.resetWorker)
	if err := m.openHub(ctx, accounts); err != nil {
		return err
	}
	interviews, err := m.openInterviews(cvs)
	if err != nil {
		return err
	}
	api, err := httpapi.New(httpapi.Deps{
		Logger:         m.logger,
		Version:        version(),
		CORSOrigins:    m.cfg.CORSOrigins,
		Limiter:        m.limiter(),
		Registry:       m.registry,
		Ready:          m.readyChecks(),
		Accounts:       accounts,
		WS:             m.hub,
		CV:             cvs.service,
		Jobs:           jobsDeps,
		Interviews:     interviews,
		Web:            web.Handler(),
		ConnectSources: connectOrigins(m.cfg.PublicURL, m.cfg.LiveKitURL),
		MetricsOff:     !m.cfg.PublicMetrics(),
		MetricsToken:   m.cfg.MetricsToken,
		// Cookies over https only when the public URL is https.
		SecureCookies: strings.HasPrefix(m.cfg.PublicURL, "https://"),
	})
	if err != nil {
		return fmt.Errorf("build api: %w", err)
	}
	m.api = api
	if err := m.startJobs(ctx); err != nil {
		return err
	}
	if err := m.startMetrics(); err != nil {
		return err
	}
	return m.listen()
}

func (m *Main) openDatabase(ctx context.Context) error {
	url := m.cfg.DatabaseURL
	if url == "" {
		srv, err := pgserver.Ensure(ctx, m.cfg.DataDir, m.logger)
		if err != nil {
			return err
		}
		m.pgServer, url = srv, srv.URL
	}
	pool, err := store.Open(ctx, url, store.DefaultPoolConfig())
	if err != nil {
		return err
	}
	m.pool = pool
	return nil
}

func (m *Main) openRedis(ctx context.Context) error {
	if m.cfg.RedisURL == "" {
		m.logger.Info("REDIS_URL unset: in-process hub broker and rate limits (single node)")
		return nil
	}
	if m.cfg.Redis.Mode == config.RedisSingle {
		opts, err := redis.ParseURL(m.cfg.RedisURL)
		if err != nil {
			return fmt.Errorf("parse REDIS_URL: %w", err)
		}
		// Deadlines of the caller (the rate limiter's 500 ms, /ready's 2 s)
		// bound the calls, not only go-redis's own 3 s read timeout: a
		// stalled Redis must not hold requests longer than they allow.
		opts.ContextTimeoutEnabled = true
		m.redis = redis.NewClient(opts)
	} else {
		m.redis = redis.NewUniversalClient(redisOptions(m.cfg.Redis))
	}
	m.logger.Info("redis", "mode", m.cfg.Redis.Mode, "wait_replicas", m.cfg.RedisWaitReplicas)
	pingCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := m.redis.Ping(pingCtx).Err(); err != nil {
		return fmt.Errorf("reach redis at REDIS_URL: %w", err)
	}
	return nil
}

// redisOptions turns a Sentinel or Cluster REDIS_URL into go-redis options
// (a single Redis is opened from its URL).
func redisOptions(t config.RedisTarget) *redis.UniversalOptions {
	o := &redis.UniversalOptions{
		Addrs: t.Addrs, Username: t.Username, Password: t.Password, DB: t.DB,
		MasterName: t.MasterName, IsClusterMode: t.Mode == config.RedisCluster,
		ContextTimeoutEnabled: true, // as for a single Redis (openRedis)
	}
	if t.TLS {
		o.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	return o
}

func (m *Main) limiter() httpapi.Limiter {
	if !m.cfg.RateLimits {
		m.logger.Warn("RATE_LIMITS=off: no per-client rate limits (benchmarking only)")
		return nil
	}
	if m.redis != nil {
		// Shared across servers; per server while Redis is unreachable.
		return ratelimit.NewFallback(ratelimit.NewRedis(m.redis, m.cfg.RedisPrefix+":"), ratelimit.NewMemory(), m.logger.With("component", "ratelimit"))
	}
	return ratelimit.NewMemory()
}

func (m *Main) readyChecks() []httpapi.ReadyCheck {
	checks := []httpapi.ReadyCheck{{Name: "postgres", Check: m.pool.Ping}}
	if m.redis != nil {
		checks = append(checks, httpapi.ReadyCheck{Name: "redis", Check: func(ctx context.Context) error {
			return m.redis.Ping(ctx).Err()
		}})
	}
	// Voice interviews need both; everything else works without them.
	checks = append(checks,
		httpapi.ReadyCheck{Name: "livekit", Optional: true, Check: m.liveKitReachable},
		httpapi.ReadyCheck{Name: "agent", Optional: true, Check: m.agentConnected})
	return checks
}

// liveKitReachable asks the LiveKit server's HTTP root, which answers
// without credentials.
func (m *Main) liveKitReachable(ctx context.Context) error {
	if !m.cfg.LiveKitEnabled() {
		return httpapi.ErrNotConfigured
	}
	u := strings.Replace(strings.Replace(m.cfg.LiveKitURL, "wss://", "https://", 1), "ws://", "http://", 1)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return errors.New("LiveKit server unreachable: voice interviews cannot start")
	}
	_ = resp.Body.Close()
	if resp.StatusCode >= 500 {
		return fmt.Errorf("LiveKit server answers %d: voice interviews cannot start", resp.StatusCode)
	}
	return nil
}

// agentConnected is true when an interview agent worker follows the
// dispatch channel (on any server sharing the hub).
func (m *Main) agentConnected(ctx context.Context) error {
	if !m.cfg.LiveKitEnabled() {
		return httpapi.ErrNotConfigured
	}
	clients, err := m.hub.Presence(ctx, interview.DispatchChannel)
	if err != nil {
		return fmt.Errorf("agent presence unknown: %w", err)
	}
	if len(clients) == 0 {
		return errors.New("no interview agent connected: voice interviews wait for one")
	}
	return nil
}

func (m *Main) listen() error {
	ln, err := net.Listen("tcp", fmt.Sprintf(":%d", m.cfg.Port))
	if err != nil {
		return fmt.Errorf("listen on port %d: %w", m.cfg.Port, err)
	}
	m.listener = ln
	m.conns = newConnStates()
	m.http = &http.Server{
		Handler:           m.api.Handler(),
		ConnState:         m.conns.track,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(m.logger.Handler(), slog.LevelWarn),
	}
	go func() {
		if err := m.http.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.serveErr <- err
		}
	}()
	return nil
}

// Shares of the shutdown budget (ctx's deadline, SHUTDOWN_TIMEOUT), as
// cumulative fractions: each stage ends by its mark whatever the one before
// it did, so a slow upload cannot take the job queue's time.
const (
	shareRequests  = 0.40 // stop accepting, let in-flight requests (uploads) finish
	shareJobsSoft  = 0.65 // running jobs finish
	shareJobsHard  = 0.75 // the rest are cancelled (and retried later)
	shareHub       = 0.90 // hub clients told 1001 + retry_ms, sockets closed
	defaultCloseIn = 15 * time.Second
)

// Close shuts down in stages within ctx's deadline: stop accepting and
// drain requests, drain jobs, close the hub, close the stores.
func (m *Main) Close(ctx context.Context) error {
	start := time.Now()
	budget := defaultCloseIn
	if d, ok := ctx.Deadline(); ok {
		budget = time.Until(d)
	}
	stage := func(share float64) (context.Context, context.CancelFunc) {
		return context.WithDeadline(ctx, start.Add(time.Duration(float64(budget)*share)))
	}
	var errs []error
	m.closeInterviews()

	reqCtx, cancel := stage(shareRequests)
	errs = append(errs, m.drainRequests(reqCtx), m.stopMetrics(reqCtx))
	cancel()
	m.logger.Info("shutdown: requests drained", "elapsed_ms", time.Since(start).Milliseconds())

	softCtx, cancelSoft := stage(shareJobsSoft)
	hardCtx, cancelHard := stage(shareJobsHard)
	errs = append(errs, m.stopJobs(softCtx, hardCtx))
	cancelSoft()
	cancelHard()
	m.logger.Info("shutdown: jobs drained", "elapsed_ms", time.Since(start).Milliseconds())

	hubCtx, cancel := stage(shareHub)
	errs = append(errs, m.closeHub(hubCtx))
	cancel()

	errs = append(errs, m.closeStores(ctx))
	m.logger.Info("shutdown: done", "elapsed_ms", time.Since(start).Milliseconds())
	return errors.Join(errs...)
}

// drainRequests closes the listener and waits for in-flight requests until
// ctx ends, then cuts the connections left. WebSockets are the hub's. Only
// a cut request is an error: connections that never sent one (which
// Shutdown waits on for 5 s) are closed without loss.
func (m *Main) drainRequests(ctx context.Context) error {
	if m.http == nil {
		return nil
	}
	err := m.http.Shutdown(ctx)
	if err == nil {
		return nil
	}
	serving := m.conns.serving()
	_ = m.http.Close()
	if serving == 0 {
		m.logger.Info("shutdown: closed connections that had sent no request")
		return nil
	}
	return fmt.Errorf("%d requests still running at the drain deadline were cut: %w", serving, err)
}

// closeStores closes Redis, the pool and an embedded Postgres. The pool
// waits for connections still in use (a handler cut by drainRequests may
// hold one), so it gets until ctx ends and is then left to the exit.
func (m *Main) closeStores(ctx context.Context) error {
	var errs []error
	if m.redis != nil {
		errs = append(errs, m.redis.Close())
	}
	if m.pool != nil {
		closed := make(chan struct{})
		go func() {
			m.pool.Close()
			close(closed)
		}()
		select {
		case <-closed:
		case <-ctx.Done():
			errs = append(errs, errors.New("database pool still in use at the shutdown deadline"))
		}
	}
	if m.pgServer != nil {
		errs = append(errs, m.pgServer.Stop(ctx))
	}
	return errors.Join(errs...)
}

func newRegistry(pool *pgxpool.Pool) *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		pgxpoolprometheus.NewCollector(pool, map[string]string{"db": "main"}),
	)
	return reg
}

func newLogger(cfg config.Config, w io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	opts := &slog.HandlerOptions{Level: level}
	// Every line passes logscrub: no e-mail address reaches the log.
	if cfg.LogFormat == "json" {
		return slog.New(logscrub.New(slog.NewJSONHandler(w, opts)))
	}
	return slog.New(logscrub.New(slog.NewTextHandler(w, opts)))
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}
