// Package pgserver provides the PostgreSQL server used when DATABASE_URL is
// unset: the local one at 127.0.0.1:5432 when it answers, else a private
// cluster started from the installed PostgreSQL binaries, its data under the
// project's data directory, stopped with the server.
package pgserver

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// DatabasePrefix starts the name of the database the server uses on a found
// or started server; DatabaseName completes it per checkout.
const DatabasePrefix = "utopiahire"

// DatabaseName is the database of the checkout whose data directory is
// dataDir: utopiahire_<checkout>_<hash of its path>. Two checkouts on one
// machine (each `make run` with DATABASE_URL unset) get their own databases
// on the shared local server, so neither's job workers take the other's
// jobs; DATABASE_URL chooses one explicitly.
func DatabaseName(dataDir string) string {
	abs, err := filepath.Abs(dataDir)
	if err != nil {
		abs = dataDir
	}
	sum := sha256.Sum256([]byte(abs))
	checkout := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r + ('a' - 'A')
		}
		return '_'
	}, filepath.Base(filepath.Dir(abs)))
	if len(checkout) > 32 {
		checkout = checkout[:32]
	}
	return DatabasePrefix + "_" + checkout + "_" + hex.EncodeToString(sum[:3])
}

// LocalURL is where the machine's own PostgreSQL answers with trust auth.
const LocalURL = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"

// Server is a PostgreSQL server the process found or started.
type Server struct {
	URL     string // the utopiahire database on it
	private *privateCluster
}

// Stop stops the private cluster if this process started it.
func (s *Server) Stop(ctx context.Context) error {
	if s.private == nil {
		return nil
	}
	return s.private.stop(ctx)
}

// Ensure finds or starts a server and makes sure the utopiahire database exists.
func Ensure(ctx context.Context, dataDir string, logger *slog.Logger) (*Server, error) {
	return ensure(ctx, LocalURL, dataDir, logger)
}

func ensure(ctx context.Context, localURL, dataDir string, logger *slog.Logger) (*Server, error) {
	db := DatabaseName(dataDir)
	if admin, ok := tryConnect(ctx, localURL); ok {
		admin.Close(ctx)
		if err := createDatabase(ctx, localURL, db); err != nil {
			return nil, err
		}
		logger.Info("using local postgres", "url", redactedHost(localURL), "database", db,
			"hint", "this checkout's own database; set DATABASE_URL to choose another")
		return &Server{URL: withDatabase(localURL, db)}, nil
	}
	pc, err := startPrivate(ctx, filepath.Join(dataDir, "postgres"), logger)
	if err != nil {
		return nil, err
	}
	if err := createDatabase(ctx, pc.adminURL(), db); err != nil {
		_ = pc.stop(context.Background())
		return nil, err
	}
	return &Server{URL: withDatabase(pc.adminURL(), db), private: pc}, nil
}

func tryConnect(ctx context.Context, url string) (*pgx.Conn, bool) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return nil, false
	}
	return conn, true
}

// createDatabase creates database name unless it exists; two servers
// racing here both succeed.
func createDatabase(ctx context.Context, adminURL, name string) error {
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return fmt.Errorf("connect to postgres: %w", err)
	}
	defer conn.Close(ctx)
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		return fmt.Errorf("look up database: %w", err)
	}
	if exists {
		return nil
	}
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize())
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && (pgErr.Code == "42P04" || pgErr.Code == "23505") {
		return nil // created by a concurrent server
	}
	if err != nil {
		return fmt.Errorf("create database %s: %w", name, err)
	}
	return nil
}

// redactedHost is url without credentials, for logs.
func redactedHost(url string) string {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return "postgres"
	}
	return fmt.Sprintf("%s:%d", cfg.Host, cfg.Port)
}

func withDatabase(url, db string) string {
	i := strings.Index(url, "/postgres?")
	if i < 0 {
		return url
	}
	return url[:i] + "/" + db + url[i+len("/postgres"):]
}

type privateCluster struct {
	dir    string
	bin    string
	port   int
	cred   *syscall.Credential
	logger *slog.Logger
}

func (p *privateCluster) adminURL() string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", p.port)
}

// startPrivate initialises (once) and starts a cluster in dir.
func startPrivate(ctx context.Context, dir string, logger *slog.Logger) (*privateCluster, error) {
	bin, err := findBinaries()
	if err != nil {
		return nil, err
	}
	p := &privateCluster{dir: dir, bin: bin, logger: logger}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create postgres data dir: %w", err)
	}
	if os.Geteuid() == 0 {
		// PostgreSQL refuses to run as root; run it as the postgres user,
		// who must be able to traverse (not list) the data directory.
		if p.cred, err = postgresCredential(); err != nil {
			return nil, err
		}
		if err := os.Chmod(filepath.Dir(dir), 0o711); err != nil {
			return nil, fmt.Errorf("open data dir to the postgres user: %w", err)
		}
	}
	if err := p.chown(); err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(dir, "PG_VERSION")); errors.Is(err, os.ErrNotExist) {
		logger.Info("initialising private postgres cluster", "dir", dir)
		if err := p.run(ctx, "initdb", "-D", dir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-instructions"); err != nil {
			return nil, fmt.Errorf("initdb: %w", err)
		}
	}
	if port, ok := p.runningPort(); ok {
		p.port = port
		logger.Info("private postgres already running", "port", port)
		return p, nil
	}
	if p.port, err = freePort(); err != nil {
		return nil, err
	}
	// No unix socket: its path length is limited and TCP on loopback is enough.
	opts := fmt.Sprintf("-p %d -c listen_addresses=127.0.0.1 -c unix_socket_directories=", p.port)
	if err := p.run(ctx, "pg_ctl", "-D", dir, "-o", opts, "-l", filepath.Join(dir, "server.log"), "-w", "-t", "60", "start"); err != nil {
		return nil, fmt.Errorf("start private postgres (see %s): %w", filepath.Join(dir, "server.log"), err)
	}
	logger.Info("started private postgres", "port", p.port, "dir", dir)
	return p, nil
}

func (p *privateCluster) stop(ctx context.Context) error {
	if err := p.run(ctx, "pg_ctl", "-D", p.dir, "-m", "fast", "-w", "stop"); err != nil {
		return fmt.Errorf("stop private postgres: %w", err)
	}
	p.logger.Info("stopped private postgres")
	return nil
}

// runningPort reads the port of a cluster left running in dir, if it answers.
func (p *privateCluster) runningPort() (int, bool) {
	f, err := os.Open(filepath.Join(p.dir, "postmaster.pid"))
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if line == 4 {
			port, err := strconv.Atoi(strings.TrimSpace(sc.Text()))
			if err != nil {
				return 0, false
			}
			c, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), time.Second)
			if err != nil {
				return 0, false
			}
			c.Close()
			return port, true
		}
	}
	return 0, false
}

func (p *privateCluster) run(ctx context.Context, tool string, args ...string) error {
	cmd := exec.CommandContext(ctx, filepath.Join(p.bin, tool), args...)
	if p.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: p.cred}
	}
	cmd.Dir = p.dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w: %s", tool, err, strings.TrimSpace(string(out)))
	}
	return nil
}

func (p *privateCluster) chown() error {
	if p.cred == nil {
		return nil
	}
	return filepath.Walk(p.dir, func(path string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(path, int(p.cred.Uid), int(p.cred.Gid))
	})
}

func postgresCredential() (*syscall.Credential, error) {
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("running as root needs the postgres system user (apt-get install -y postgresql creates it): %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}

// findBinaries returns the newest installed PostgreSQL bin directory.
func findBinaries() (string, error) {
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		dir := strings.TrimSpace(string(out))
		if _, err := os.Stat(filepath.Join(dir, "initdb")); err == nil {
			return dir, nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return versionOf(dirs[i]) > versionOf(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	return "", errors.New("no PostgreSQL server found at 127.0.0.1:5432 and no PostgreSQL binaries installed: run scripts/deps.sh (apt-get install -y postgresql) or set DATABASE_URL")
}

func versionOf(binDir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return v
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
