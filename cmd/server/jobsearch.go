package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/riverqueue/river"

	"github.com/utopiahire/utopiahire/internal/ai"
	"github.com/utopiahire/utopiahire/internal/config"
	"github.com/utopiahire/utopiahire/internal/httpapi"
	"github.com/utopiahire/utopiahire/internal/jobs"
	"github.com/utopiahire/utopiahire/internal/jobs/catalog"
	"github.com/utopiahire/utopiahire/internal/jobs/jobboard"
	"github.com/utopiahire/utopiahire/internal/jobs/linkedin"
	"github.com/utopiahire/utopiahire/internal/jobsearch"
	"github.com/utopiahire/utopiahire/internal/skills"
	"github.com/utopiahire/utopiahire/internal/store"
)

// narrativeTimeout bounds Gemini's part of one /api/analyze; past it the
// offline writer answers instead.
const narrativeTimeout = 25 * time.Second

// openJobSearch wires the job search (catalog, seeded at first start, plus
// LinkedIn when enabled) and the skills-gap analyzer (Gemini narrative when
// a key is set). The CV routes' extractor and files are reused.
func (m *Main) openJobSearch(ctx context.Context, cvs *cvParts, workers *river.Workers) (*httpapi.JobsDeps, error) {
	log := m.logger.With("component", "jobs")
	cat := catalog.New(store.NewJobCatalog(m.pool), nil)
	if err := m.addCatalogRefresh(cat, workers, log); err != nil {
		return nil, err
	}
	if m.cfg.Jobs.Seed {
		rep, seeded, err := cat.Seed(ctx)
		if err != nil {
			return nil, err
		}
		if seeded {
			log.Info("seeded the empty job catalog with the shipped sample", "inserted", rep.Inserted, "skipped", len(rep.Skipped))
		}
	}
	var sources []jobs.Source
	details := map[string]jobsearch.Details{}
	if m.cfg.Jobs.LinkedIn {
		n := m.cfg.Jobs.LinkedInDetails
		if n == 0 {
			n = -1 // linkedin.Config: -1 fetches no description during a search
		}
		li, err := linkedin.New(linkedin.Config{BaseURL: m.cfg.Jobs.LinkedInBaseURL, Details: n, Logger: log.With("source", "linkedin")})
		if err != nil {
			return nil, fmt.Errorf("LINKEDIN_BASE_URL: %w", err)
		}
		// Live results first: they are fresher; the catalog completes them.
		sources = append(sources, li)
		details[li.Name()] = li
	}
	sources = append(sources, cat)
	svc := jobsearch.New(jobsearch.Config{
		Searcher: jobs.NewAggregator(log, m.cfg.Jobs.SourceTimeout, sources...),
		Store:    store.NewJobSearches(m.pool), Catalog: cat, Details: details,
		CacheTTL: m.cfg.Jobs.CacheTTL, DetailTimeout: m.cfg.Jobs.SourceTimeout, Logger: log,
	})
	analyzer, err := m.skillsAnalyzer(ctx)
	if err != nil {
		return nil, err
	}
	return &httpapi.JobsDeps{Search: svc, Analyzer: analyzer, Extractor: cvs.extractor, Files: cvs.files, StoredCVs: cvs.pipeline, Catalog: cat}, nil
}

// addCatalogRefresh registers the periodic import from the job boards of
// JOBS_SOURCES into the catalog (none when the list is empty).
func (m *Main) addCatalogRefresh(cat *catalog.Catalog, workers *river.Workers, log *slog.Logger) error {
	cfg := m.cfg.Jobs
	if len(cfg.Boards) == 0 {
		return nil
	}
	feeds := make([]catalog.Feed, 0, len(cfg.Boards))
	for _, name := range cfg.Boards {
		b, err := jobboard.New(name, jobboard.Config{
			BaseURL: cfg.BoardsBaseURL, Timeout: 30 * time.Second, Logger: log.With("source", name),
			// A feed is fetched once per import; a shorter cache would refetch nothing.
			CacheTTL: min(cfg.ImportInterval/2, time.Hour),
		})
		if err != nil {
			return fmt.Errorf("JOBS_SOURCES: %w", err)
		}
		feeds = append(feeds, b)
	}
	r := catalog.NewRefresher(cat, feeds, cfg.MaxAge, func(err error) bool {
		return errors.Is(err, jobboard.ErrUnreachable) || errors.Is(err, context.DeadlineExceeded)
	}, log)
	cat.SetLive(r.Sources())
	river.AddWorker(workers, catalog.NewRefreshWorker(r))
	m.periodic = append(m.periodic, catalog.RefreshPeriodically(cfg.ImportInterval))
	return nil
}

// skillsAnalyzer is the skills-gap analyzer: Gemini writes the narrative
// when GEMINI_API_KEY is set, falling back to the offline writer.
func (m *Main) skillsAnalyzer(ctx context.Context) (*skills.Analyzer, error) {
	tax, err := skills.LoadTaxonomy()
	if err != nil {
		return nil, fmt.Errorf("load skills taxonomy: %w", err)
	}
	var w skills.Writer = skills.OfflineWriter{}
	if m.cfg.GeminiAPIKey != "" {
		log := m.logger.With("component", "skills")
		client, err := ai.NewClient(ctx, ai.Config{APIKey: m.cfg.GeminiAPIKey, BaseURL: m.cfg.GeminiBaseURL, Logger: log})
		if err != nil {
			return nil, fmt.Errorf("gemini client: %w", err)
		}
		w = &skills.FallbackWriter{Primary: skills.NewGeminiWriter(client, client.Model(), log),
			Fallback: skills.OfflineWriter{}, Timeout: narrativeTimeout, Logger: log}
	}
	return skills.NewAnalyzer(skills.NewExtractor(tax), w, time.Now), nil
}

// jobsCommand is `server jobs import FILE|-`: it imports postings (a JSON
// array of jobs, or a search response) into the catalog and prints the
// report as JSON.
func jobsCommand(ctx context.Context, cfg config.Config, logger *slog.Logger, args []string, stdin io.Reader, w io.Writer) error {
	if len(args) != 2 || args[0] != "import" {
		return fmt.Errorf("usage: server jobs import FILE (a JSON array of jobs; - reads standard input)")
	}
	in := stdin
	if args[1] != "-" {
		f, err := os.Open(args[1])
		if err != nil {
			return fmt.Errorf("open %s: %w", args[1], err)
		}
		defer f.Close()
		in = f
	}
	m := NewMain(cfg, logger)
	defer func() { _ = m.Close(context.WithoutCancel(ctx)) }()
	if err := m.openDatabase(ctx); err != nil {
		return err
	}
	if err := store.NewMigrator(m.pool, logger).Up(ctx); err != nil {
		return err
	}
	rep, err := catalog.New(store.NewJobCatalog(m.pool), nil).Import(ctx, in)
	if err != nil {
		return fmt.Errorf("import %s: %w", args[1], err)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}
