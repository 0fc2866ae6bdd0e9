package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"golang.org/x/crypto/bcrypt"

	"github.com/utopiahire/utopiahire/internal/config"
	"github.com/utopiahire/utopiahire/internal/dbtest"
)

// Benchmarks of the accounts and CV endpoints through a real server on
// real Postgres (docs/benchmarks.md, sections Accounts and CV pipeline).

const benchPassword = "Str0ng!Passw0rd"

// benchServer starts a Main on a fresh database with rate limits off.
func benchServer(b *testing.B, extra map[string]string) (*Main, string) {
	b.Helper()
	dbURL := dbtest.New(b)
	env := map[string]string{"APP_ENV": "test", "PORT": "0", "DATA_DIR": b.TempDir(), "DATABASE_URL": dbURL, "RATE_LIMITS": "off", "BCRYPT_COST": "4"}
	for k, v := range extra {
		env[k] = v
	}
	cfg, err := config.Load(func(k string) string { return env[k] })
	if err != nil {
		b.Fatal(err)
	}
	m := NewMain(cfg, slog.New(slog.DiscardHandler))
	if err := m.Open(context.Background()); err != nil {
		_ = m.Close(context.Background())
		b.Fatal(err)
	}
	b.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		_ = m.Close(ctx)
	})
	return m, dbURL
}

// benchHTTP is a client that keeps enough idle connections for the load.
func benchHTTP(b *testing.B) *http.Client {
	tr := &http.Transport{MaxIdleConns: 256, MaxIdleConnsPerHost: 256}
	b.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr, Timeout: 2 * time.Minute}
}

// benchUser registers a verified user and returns an access token.
func benchUser(b *testing.B, m *Main, dbURL, email string) string {
	b.Helper()
	return benchUserAt(b, baseURL(m), dbURL, email)
}

// BenchmarkLogin compares POST /api/auth/login at BCRYPT_COST 12 (the
// default) with bcrypt.CompareHashAndPassword alone on the stored hash, both
// with GOMAXPROCS concurrent callers; ns/op of each is wall time per
// operation, so 1e9/ns/op is throughput and login/bcrypt is the overhead.
// The two alternate in rounds of roundOps so machine load hits both alike.
func BenchmarkLogin(b *testing.B) {
	m, dbURL := benchServer(b, map[string]string{"BCRYPT_COST": "12"})
	benchUser(b, m, dbURL, "login@example.com")
	var hash []byte
	conn, err := pgx.Connect(context.Background(), dbURL)
	if err != nil {
		b.Fatal(err)
	}
	err = conn.QueryRow(context.Background(), `SELECT password_hash FROM users WHERE email = 'login@example.com'`).Scan(&hash)
	_ = conn.Close(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	if cost, _ := bcrypt.Cost(hash); cost != 12 {
		b.Fatalf("stored hash has cost %d", cost)
	}
	client := benchHTTP(b)
	body, _ := json.Marshal(map[string]string{"email": "login@example.com", "password": benchPassword})
	login := func() error {
		resp, err := client.Post(baseURL(m)+"/api/auth/login", "application/json", bytes.NewReader(body))
		if err != nil {
			return err
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			return fmt.Errorf("login: %d", resp.StatusCode)
		}
		return nil
	}
	compare := func() error { return bcrypt.CompareHashAndPassword(hash, []byte(benchPassword)) }

	const workers, roundOps = 2, 8
	var loginTime, bcryptTime time.Duration
	var loginOps, bcryptOps int
	run := func(fn func() error, n int) time.Duration {
		start := time.Now()
		var wg sync.WaitGroup
		errs := make(chan error, n)
		jobs := make(chan struct{}, n)
		for range n {
			jobs <- struct{}{}
		}
		close(jobs)
		for range workers {
			wg.Go(func() {
				for range jobs {
					if err := fn(); err != nil {
						errs <- err
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	b.ResetTimer()
	for done := 0; done < b.N; done += roundOps {
		loginTime += run(login, roundOps)
		loginOps += roundOps
		bcryptTime += run(compare, roundOps)
		bcryptOps += roundOps
	}
	b.StopTimer()
	perLogin := loginTime.Seconds() / float64(loginOps)
	perBcrypt := bcryptTime.Seconds() / float64(bcryptOps)
	b.ReportMetric(1/perLogin, "logins/s")
	b.ReportMetric(1/perBcrypt, "bcrypts/s")
	b.ReportMetric(perLogin/perBcrypt, "login/bcrypt")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkMe measures GET /api/auth/me (Bearer JWT verified, token version
// checked against the user row) under 32 concurrent clients, next to GET
// /health on the same server and run (no auth, no database) as the
// baseline. Reports requests/s, p50 and p99.
func BenchmarkMe(b *testing.B) {
	m, dbURL := benchServer(b, nil)
	token := benchUser(b, m, dbURL, "me@example.com")
	client := benchHTTP(b)
	for _, path := range []string{"/api/auth/me", "/health"} {
		b.Run(path[1:], func(b *testing.B) {
			const clients = 32
			lat := make([][]time.Duration, clients)
			var next sync.Mutex
			left := b.N
			take := func() bool {
				next.Lock()
				defer next.Unlock()
				left--
				return left >= 0
			}
			var wg sync.WaitGroup
			var failed sync.Once
			b.ResetTimer()
			start := time.Now()
			for w := range clients {
				wg.Go(func() {
					for take() {
						req, _ := http.NewRequest("GET", baseURL(m)+path, nil)
						req.Header.Set("Authorization", "Bearer "+token)
						t0 := time.Now()
						resp, err := client.Do(req)
						if err == nil {
							_, _ = io.Copy(io.Discard, resp.Body)
							resp.Body.Close()
						}
						lat[w] = append(lat[w], time.Since(t0))
						if err != nil || resp.StatusCode != 200 {
							failed.Do(func() { b.Errorf("GET %s: %v %v", path, err, resp) })
						}
					}
				})
			}
			wg.Wait()
			elapsed := time.Since(start)
			b.StopTimer()
			all := slices.Concat(lat...)
			slices.Sort(all)
			b.ReportMetric(float64(len(all))/elapsed.Seconds(), "req/s")
			b.ReportMetric(ms(all[len(all)/2]), "p50_ms")
			b.ReportMetric(ms(all[len(all)*99/100]), "p99_ms")
		})
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
