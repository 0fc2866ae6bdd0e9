package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metricsServer serves /metrics on METRICS_ADDR, a private address kept off
// the public port (production exposes metrics publicly only with a token).
type metricsServer struct {
	srv *http.Server
	ln  net.Listener
}

// startMetrics listens on METRICS_ADDR when it is set.
func (m *Main) startMetrics() error {
	if m.cfg.MetricsAddr == "" {
		if !m.cfg.PublicMetrics() {
			m.logger.Warn("/metrics is not served: set METRICS_ADDR (a private address) or METRICS_TOKEN in production")
		}
		return nil
	}
	ln, err := net.Listen("tcp", m.cfg.MetricsAddr)
	if err != nil {
		return fmt.Errorf("listen on METRICS_ADDR %s: %w", m.cfg.MetricsAddr, err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{}))
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(m.logger.Handler(), slog.LevelWarn),
	}
	m.metrics = &metricsServer{srv: srv, ln: ln}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.logger.Error("metrics server stopped", "err", err)
		}
	}()
	m.logger.Info("serving metrics", "addr", ln.Addr().String())
	return nil
}

// MetricsAddr is the address of the separate metrics listener, if any.
func (m *Main) MetricsAddr() string {
	if m.metrics == nil {
		return ""
	}
	return m.metrics.ln.Addr().String()
}

func (m *Main) stopMetrics(ctx context.Context) error {
	if m.metrics == nil {
		return nil
	}
	if err := m.metrics.srv.Shutdown(ctx); err != nil {
		return fmt.Errorf("metrics shutdown: %w", err)
	}
	return nil
}
