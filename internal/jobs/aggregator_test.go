package jobs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"
)

// sliceSource answers from a fixed list, as the catalog will.
type sliceSource struct {
	name  string
	jobs  []Job
	err   error
	delay time.Duration
	panic bool
}

func (s sliceSource) Name() string { return s.name }

func (s sliceSource) Search(ctx context.Context, q Query) ([]Job, error) {
	if s.panic {
		panic("adapter bug")
	}
	if s.delay > 0 {
		select {
		case <-time.After(s.delay):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if s.err != nil {
		return nil, s.err
	}
	if len(s.jobs) > q.MaxJobs {
		return s.jobs[:q.MaxJobs], nil
	}
	return s.jobs, nil
}

func job(company, title, loc, src string) Job {
	return Job{Company: company, Title: title, Location: loc, Source: src, JobLink: "https://example.com/" + title}
}

func TestAggregatorMergesAndDedups(t *testing.T) {
	live := sliceSource{name: "linkedin", jobs: []Job{
		job("Finly", "Backend Engineer (m/f/d)", "Berlin, Germany", "linkedin"),
		job("Retailly", "Data Engineer", "Paris, France", "linkedin"),
	}}
	catalogJob := job("finly", "Backend Engineer", "Berlin Germany", "catalog")
	catalogJob.Description = "<p>From the catalog</p>"
	catalog := sliceSource{name: "catalog", jobs: []Job{catalogJob, job("CareApp", "Product Manager", "Lisbon, Portugal", "catalog")}}
	a := NewAggregator(slog.New(slog.DiscardHandler), time.Second, live, catalog)
	res, err := a.Search(context.Background(), Query{Keywords: "engineer"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Jobs) != 3 {
		t.Fatalf("got %d jobs, want 3 after dedup: %+v", len(res.Jobs), res.Jobs)
	}
	first := res.Jobs[0]
	if first.Source != "linkedin" || first.Description != "<p>From the catalog</p>" || first.ID == "" {
		t.Errorf("kept job %+v, want linkedin's copy completed from the catalog", first)
	}
	for _, n := range res.Notes {
		if n.Status != "ok" {
			t.Errorf("note %+v", n)
		}
	}
}

func TestAggregatorPartialFailure(t *testing.T) {
	catalog := sliceSource{name: "catalog", jobs: []Job{job("CareApp", "Product Manager", "Lisbon, Portugal", "catalog")}}
	tests := []struct {
		name   string
		failed Source
		status string
		msg    string
	}{
		{"parse", sliceSource{name: "linkedin", err: fmt.Errorf("page 0: %w", ErrParse)}, "error", "linkedin: parse failure (the page markup changed), results from catalog only"},
		{"blocked", sliceSource{name: "linkedin", err: ErrBlocked}, "error", "blocked"},
		{"rate limited", sliceSource{name: "linkedin", err: ErrRateLimited}, "error", "HTTP 429"},
		{"timeout", sliceSource{name: "linkedin", delay: time.Minute}, "timeout", "no answer within 50ms"},
		{"panic", sliceSource{name: "linkedin", panic: true}, "error", "unavailable"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := NewAggregator(slog.New(slog.DiscardHandler), 50*time.Millisecond, tc.failed, catalog)
			start := time.Now()
			res, err := a.Search(context.Background(), Query{Keywords: "manager"})
			if err != nil {
				t.Fatal(err)
			}
			if time.Since(start) > 5*time.Second {
				t.Error("a slow source held the search past its timeout")
			}
			if len(res.Jobs) != 1 || res.Jobs[0].Source != "catalog" {
				t.Errorf("jobs %+v, want the catalog's", res.Jobs)
			}
			n := res.Notes[0]
			if n.Status != tc.status || !strings.Contains(n.Message, tc.msg) || !strings.HasSuffix(n.Message, "results from catalog only") {
				t.Errorf("note %+v, want status %s and message containing %q", n, tc.status, tc.msg)
			}
		})
	}
}

func TestAggregatorAllFail(t *testing.T) {
	a := NewAggregator(slog.New(slog.DiscardHandler), time.Second, sliceSource{name: "linkedin", err: ErrBlocked})
	res, err := a.Search(context.Background(), Query{Keywords: "go"})
	if !errors.Is(err, ErrNoSource) || len(res.Notes) != 1 {
		t.Fatalf("err = %v, notes %+v", err, res.Notes)
	}
}

func TestAggregatorValidates(t *testing.T) {
	a := NewAggregator(slog.New(slog.DiscardHandler), time.Second, sliceSource{name: "catalog"})
	var ve *ValidationError
	if _, err := a.Search(context.Background(), Query{Keywords: "go", Location: "Mars"}); !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a validation error", err)
	}
}

func TestMergeCapsAtMax(t *testing.T) {
	var many []Job
	for i := range 40 {
		many = append(many, job("C", fmt.Sprintf("Job %d", i), "Berlin", "x"))
	}
	if got := Merge(30, many); len(got) != 30 {
		t.Errorf("Merge returned %d, want 30", len(got))
	}
}
