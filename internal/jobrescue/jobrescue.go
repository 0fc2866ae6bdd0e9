// Package jobrescue takes back River jobs whose server died while running
// them, within seconds instead of River's stuck-job timeout.
//
// Every server holds a Postgres advisory lock named after its River client
// ID on a connection of its own, for as long as it runs. Postgres drops the
// lock when that connection ends, so a server killed with SIGKILL (or whose
// host vanished: TCP keepalives, set short on the connection, notice it in
// ~25 s) loses it at once. Each server scans on start and then every few
// seconds for jobs in state running whose last attempt belongs to a client
// holding no lock, and makes them available again when two scans at least
// Grace apart agree; River then runs them on a live server.
//
// River's own rescuer (RescueStuckJobsAfter) stays as the backstop for a job
// whose server lives but hangs.
package jobrescue

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// lockClass is the first key of every liveness lock ("UH" + 1), so they are
// told apart from other advisory locks in the database.
const lockClass = 0x55480001

// Options tune the rescuer; zero values take the defaults.
type Options struct {
	// Interval between scans. Default 5s.
	Interval time.Duration
	// Grace is how long a job must stay orphaned before it is taken back: a
	// server whose lock connection broke (a Postgres restart) gets this long
	// to lock again. Default 10s.
	Grace time.Duration
}

// Rescuer holds this server's liveness lock and takes back orphaned jobs.
type Rescuer struct {
	pool   *pgxpool.Pool
	logger *slog.Logger
	id     string
	opts   Options

	mu       sync.Mutex
	lockConn *pgx.Conn
	orphans  map[int64]time.Time // job id → when first seen orphaned

	stop chan struct{}
	done chan struct{}
}

// New returns a rescuer with a fresh client ID for River (Config.ID).
func New(pool *pgxpool.Pool, logger *slog.Logger, opts Options) *Rescuer {
	if opts.Interval <= 0 {
		opts.Interval = 5 * time.Second
	}
	if opts.Grace <= 0 {
		opts.Grace = 10 * time.Second
	}
	return &Rescuer{pool: pool, logger: logger, id: newClientID(), opts: opts, orphans: map[int64]time.Time{}}
}

// newClientID is unique per process: host, pid and random bits (River's
// default, a start time in microseconds, could repeat across quick restarts).
func newClientID() string {
	host, _ := os.Hostname()
	host = strings.NewReplacer(".", "_", "-", "_").Replace(host)
	if len(host) > 40 {
		host = host[:40]
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("%s_%d_%s", host, os.Getpid(), hex.EncodeToString(b[:]))
}

// ClientID is the ID River must run under (river.Config.ID).
func (r *Rescuer) ClientID() string { return r.id }

// Start takes the liveness lock, takes back what dead servers left running
// and keeps scanning until Stop. Call it before River starts fetching.
func (r *Rescuer) Start(ctx context.Context) error {
	if err := r.lock(ctx); err != nil {
		return err
	}
	if _, err := r.Scan(ctx); err != nil {
		r.logger.Warn("orphaned job scan failed", "err", err)
	}
	r.stop, r.done = make(chan struct{}), make(chan struct{})
	go r.loop()
	return nil
}

// Stop ends the scans and releases the lock (after River stopped, so no
// job of this server is left running without it).
func (r *Rescuer) Stop(ctx context.Context) error {
	if r.stop != nil {
		close(r.stop)
		select {
		case <-r.done:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.lockConn == nil {
		return nil
	}
	err := r.lockConn.Close(ctx)
	r.lockConn = nil
	return err
}

func (r *Rescuer) loop() {
	defer close(r.done)
	t := time.NewTicker(r.opts.Interval)
	defer t.Stop()
	for {
		select {
		case <-r.stop:
			return
		case <-t.C:
		}
		ctx, cancel := context.WithTimeout(context.Background(), r.opts.Interval)
		if err := r.ensureLocked(ctx); err != nil {
			r.logger.Warn("job liveness lock lost; retrying", "err", err)
			cancel()
			continue
		}
		if _, err := r.Scan(ctx); err != nil {
			r.logger.Warn("orphaned job scan failed", "err", err)
		}
		cancel()
	}
}

// lock opens the lock connection and takes the lock. The connection's TCP
// keepalives are short so that Postgres notices a vanished host quickly.
func (r *Rescuer) lock(ctx context.Context) error {
	cfg := r.pool.Config().ConnConfig.Copy()
	cfg.RuntimeParams["application_name"] = "utopiahire_job_liveness"
	cfg.RuntimeParams["tcp_keepalives_idle"] = "10"
	cfg.RuntimeParams["tcp_keepalives_interval"] = "5"
	cfg.RuntimeParams["tcp_keepalives_count"] = "3"
	// The lock is held by an idle session: no statement timeout applies,
	// but an idle-session timeout would end it.
	cfg.RuntimeParams["idle_session_timeout"] = "0"
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return fmt.Errorf("job liveness connection: %w", err)
	}
	var ok bool
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1, hashtext($2))`, lockClass, r.id).Scan(&ok); err != nil {
		_ = conn.Close(ctx)
		return fmt.Errorf("job liveness lock: %w", err)
	}
	if !ok {
		_ = conn.Close(ctx)
		return errors.New("job liveness lock is held by another session (client ID collision)")
	}
	r.mu.Lock()
	r.lockConn = conn
	r.mu.Unlock()
	return nil
}

// ensureLocked checks the lock connection and locks again after it broke.
func (r *Rescuer) ensureLocked(ctx context.Context) error {
	r.mu.Lock()
	conn := r.lockConn
	r.mu.Unlock()
	if conn != nil {
		if err := conn.Ping(ctx); err == nil {
			return nil
		}
		_ = conn.Close(ctx)
		r.mu.Lock()
		r.lockConn = nil
		r.mu.Unlock()
	}
	return r.lock(ctx)
}

// Scan takes back the jobs that have been orphaned for at least Grace and
// returns how many it took back.
func (r *Rescuer) Scan(ctx context.Context) (int, error) {
	orphans, err := r.orphaned(ctx)
	if err != nil {
		return 0, err
	}
	now := time.Now()
	var due []int64
	r.mu.Lock()
	seen := make(map[int64]time.Time, len(orphans))
	for _, id := range orphans {
		first, ok := r.orphans[id]
		if !ok {
			first = now
		}
		seen[id] = first
		if now.Sub(first) >= r.opts.Grace {
			due = append(due, id)
		}
	}
	r.orphans = seen
	r.mu.Unlock()
	if len(due) == 0 {
		return 0, nil
	}
	rows, err := r.pool.Query(ctx, rescueSQL, lockClass, due)
	if err != nil {
		return 0, fmt.Errorf("take back orphaned jobs: %w", err)
	}
	n := 0
	for rows.Next() {
		var id int64
		var kind, owner string
		if err := rows.Scan(&id, &kind, &owner); err != nil {
			rows.Close()
			return n, err
		}
		n++
		r.logger.Info("took back a job whose server stopped", "job_id", id, "kind", kind, "dead_client", owner)
	}
	if err := rows.Err(); err != nil {
		return n, fmt.Errorf("take back orphaned jobs: %w", err)
	}
	return n, nil
}

// ownerAlive is true when the client that last attempted job j holds its liveness lock.
const ownerAlive = `EXISTS (
	SELECT 1 FROM pg_locks l
	WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
	  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
	  AND l.classid = $1::int::oid
	  AND l.objid = hashtext(j.attempted_by[array_upper(j.attempted_by, 1)])::oid)`

const orphanedSQL = `SELECT j.id FROM river_job j
WHERE j.state = 'running' AND cardinality(j.attempted_by) > 0 AND NOT ` + ownerAlive

// rescueSQL checks ownership again in the update itself, so a job whose
// server came back meanwhile stays with it.
const rescueSQL = `UPDATE river_job j SET state = 'available', scheduled_at = now(),
	errors = array_append(j.errors, jsonb_build_object(
		'at', now(), 'attempt', j.attempt,
		'error', 'taken back: server ' || j.attempted_by[array_upper(j.attempted_by, 1)] || ' stopped while running this job',
		'trace', ''))
WHERE j.id = ANY($2) AND j.state = 'running' AND NOT ` + ownerAlive + `
RETURNING j.id, j.kind, j.attempted_by[array_upper(j.attempted_by, 1)]`

func (r *Rescuer) orphaned(ctx context.Context) ([]int64, error) {
	rows, err := r.pool.Query(ctx, orphanedSQL, lockClass)
	if err != nil {
		return nil, fmt.Errorf("find orphaned jobs: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("find orphaned jobs: %w", err)
	}
	return ids, nil
}
