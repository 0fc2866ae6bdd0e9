// Package store opens the PostgreSQL pool (pgx) and applies the embedded
// migrations; beside it are the repositories that implement the store
// interfaces the domain packages declare (auth.Store, interview.Store,
// cvjob.Store, cvservice.Store, catalog.Store, jobsearch.Store,
// mail.OutboxStore, livekit.SeenStore), one file per aggregate, each with a
// compile-time assertion. Store imports the domain, never the reverse.
package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// PoolConfig bounds the pool.
type PoolConfig struct {
	MaxConns         int32
	ConnectTimeout   time.Duration
	StatementTimeout time.Duration
}

// DefaultPoolConfig suits one server on a small machine.
func DefaultPoolConfig() PoolConfig {
	return PoolConfig{MaxConns: 20, ConnectTimeout: 5 * time.Second, StatementTimeout: 30 * time.Second}
}

// Open connects a pool to url and checks it answers. pgx caches prepared
// statements per connection by default (QueryExecModeCacheStatement).
func Open(ctx context.Context, url string, pc PoolConfig) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("parse database url: %w", err)
	}
	if pc.MaxConns > 0 {
		cfg.MaxConns = pc.MaxConns
	}
	cfg.ConnConfig.ConnectTimeout = pc.ConnectTimeout
	if pc.StatementTimeout > 0 {
		cfg.ConnConfig.RuntimeParams["statement_timeout"] = fmt.Sprint(pc.StatementTimeout.Milliseconds())
	}
	cfg.ConnConfig.RuntimeParams["application_name"] = "utopiahire"
	cfg.MaxConnIdleTime = 5 * time.Minute
	cfg.HealthCheckPeriod = 30 * time.Second
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open database pool: %w", err)
	}
	pingCtx, cancel := context.WithTimeout(ctx, pc.ConnectTimeout+time.Second)
	defer cancel()
	if err := pool.Ping(pingCtx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("reach database: %w", err)
	}
	return pool, nil
}

// IsUniqueViolation reports whether err is a unique-constraint violation.
func IsUniqueViolation(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "23505"
}
