package main

import (
	"context"
	"fmt"
	"net/url"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/internal/auth"
	"github.com/utopiahire/utopiahire/internal/channels"
	"github.com/utopiahire/utopiahire/internal/config"
)

// openHub starts the real-time hub: over Redis when REDIS_URL is set (every
// server sharing it delivers each other's publishes), in process otherwise.
func (m *Main) openHub(ctx context.Context, accounts *auth.Service) error {
	var broker hub.Broker
	if m.cfg.RedisURL != "" {
		bc := hub.RedisBrokerConfig{
			URL: m.cfg.RedisURL, Prefix: m.cfg.RedisPrefix + ":hub", WaitReplicas: m.cfg.RedisWaitReplicas,
			Logger: m.logger.With("component", "hub_broker"),
		}
		if m.cfg.Redis.Mode != config.RedisSingle {
			bc.Options = redisOptions(m.cfg.Redis)
		}
		rb, err := hub.NewRedisBroker(ctx, bc)
		if err != nil {
			return fmt.Errorf("hub redis broker: %w", err)
		}
		broker = rb
	} else {
		broker = hub.NewMemoryBroker()
	}
	h, err := hub.New(hub.Config{
		Namespaces:     m.hubNamespaces(channels.Namespaces(m.pool)),
		OnPublish:      m.onHubPublish,
		Metrics:        m.registry,
		OriginPatterns: originHosts(m.cfg.CORSOrigins),
	}, broker, channels.NewAuthenticator(accounts), m.logger.With("component", "hub"))
	if err != nil {
		return fmt.Errorf("start hub: %w", err)
	}
	m.hub, m.broker = h, broker
	accounts.OnRevoke(channels.Revocations(h, m.logger.With("component", "hub")))
	return nil
}

// closeHub tells clients to go away (with a reconnect hint) and stops the broker.
func (m *Main) closeHub(ctx context.Context) error {
	if m.hub == nil {
		return nil
	}
	if err := m.hub.Shutdown(ctx); err != nil {
		return fmt.Errorf("hub shutdown: %w", err)
	}
	return m.broker.Close(ctx)
}

// originHosts turns CORS origins into the host patterns the hub accepts.
func originHosts(origins []string) []string {
	var hosts []string
	for _, o := range origins {
		if u, err := url.Parse(o); err == nil && u.Host != "" {
			hosts = append(hosts, u.Host)
		}
	}
	return hosts
}

// connectOrigins are the origins the pages' browser code talks to besides
// their own: the server's public URL (its WebSocket form, for /ws when 'self'
// does not cover ws:) and the LiveKit server, each in WebSocket and HTTP form.
func connectOrigins(urls ...string) []string {
	var out []string
	for _, raw := range urls {
		u, err := url.Parse(raw)
		if err != nil || u.Host == "" {
			continue
		}
		ws, web := "ws", "http"
		if u.Scheme == "wss" || u.Scheme == "https" {
			ws, web = "wss", "https"
		}
		out = append(out, ws+"://"+u.Host, web+"://"+u.Host)
	}
	return out
}
