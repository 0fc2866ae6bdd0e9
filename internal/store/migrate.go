package store

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/utopiahire/utopiahire/migrations"
)

// migrationLockKey is the advisory lock every migrating server takes, so two
// servers starting together on an empty database apply each step once.
const migrationLockKey = 0x7574_6f70_6961 // "utopia"

// MigrationStatus is one line of `server migrate status`.
type MigrationStatus struct {
	Version int64
	Name    string
	Applied bool
}

// Migrator applies the project's migrations and River's.
type Migrator struct {
	pool   *pgxpool.Pool
	logger *slog.Logger
}

// NewMigrator returns a migrator over pool.
func NewMigrator(pool *pgxpool.Pool, logger *slog.Logger) *Migrator {
	return &Migrator{pool: pool, logger: logger}
}

// Up applies every pending migration under the advisory lock.
func (m *Migrator) Up(ctx context.Context) error {
	return m.locked(ctx, func(p *goose.Provider) error {
		results, err := p.Up(ctx)
		for _, r := range results {
			m.logger.Info("migration applied", "version", r.Source.Version, "duration_ms", r.Duration.Milliseconds())
		}
		if err != nil {
			return fmt.Errorf("apply migrations: %w", err)
		}
		river, err := rivermigrate.New(riverpgxv5.New(m.pool), &rivermigrate.Config{Logger: m.logger})
		if err != nil {
			return fmt.Errorf("river migrator: %w", err)
		}
		if _, err := river.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
			return fmt.Errorf("apply river migrations: %w", err)
		}
		return nil
	})
}

// Down rolls back the most recent project migration.
func (m *Migrator) Down(ctx context.Context) error {
	return m.locked(ctx, func(p *goose.Provider) error {
		r, err := p.Down(ctx)
		if err != nil {
			return fmt.Errorf("roll back migration: %w", err)
		}
		m.logger.Info("migration rolled back", "version", r.Source.Version)
		return nil
	})
}

// Status lists every project migration and whether it is applied.
func (m *Migrator) Status(ctx context.Context) ([]MigrationStatus, error) {
	var out []MigrationStatus
	err := m.withProvider(func(p *goose.Provider) error {
		st, err := p.Status(ctx)
		if err != nil {
			return fmt.Errorf("migration status: %w", err)
		}
		for _, s := range st {
			out = append(out, MigrationStatus{Version: s.Source.Version, Name: s.Source.Path, Applied: s.State == goose.StateApplied})
		}
		return nil
	})
	return out, err
}

func (m *Migrator) locked(ctx context.Context, fn func(*goose.Provider) error) error {
	conn, err := m.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("acquire migration connection: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", migrationLockKey); err != nil {
		return fmt.Errorf("take migration lock: %w", err)
	}
	defer func() {
		// A fresh context: the lock must be released even when ctx is done.
		_, _ = conn.Exec(context.Background(), "SELECT pg_advisory_unlock($1)", migrationLockKey)
	}()
	return m.withProvider(fn)
}

func (m *Migrator) withProvider(fn func(*goose.Provider) error) error {
	db := stdlib.OpenDBFromPool(m.pool)
	defer db.Close()
	p, err := newProvider(db)
	if err != nil {
		return err
	}
	return fn(p)
}

func newProvider(db *sql.DB) (*goose.Provider, error) {
	p, err := goose.NewProvider(goose.DialectPostgres, db, migrations.FS,
		goose.WithAllowOutofOrder(true),
		goose.WithDisableGlobalRegistry(true),
		goose.WithLogger(goose.NopLogger()),
	)
	if err != nil {
		return nil, fmt.Errorf("load migrations: %w", err)
	}
	return p, nil
}
