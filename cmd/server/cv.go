package main

import (
	"context"
	"fmt"
	"time"

	"github.com/riverqueue/river"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/internal/ai"
	"github.com/utopiahire/utopiahire/internal/cvanalysis"
	"github.com/utopiahire/utopiahire/internal/cvjob"
	"github.com/utopiahire/utopiahire/internal/cvservice"
	"github.com/utopiahire/utopiahire/internal/extract"
	"github.com/utopiahire/utopiahire/internal/latex"
	"github.com/utopiahire/utopiahire/internal/skills"
	"github.com/utopiahire/utopiahire/internal/store"
)

// cvParts are the CV pipeline's pieces: the service behind the CV routes,
// and the parts the job search and interviews share.
type cvParts struct {
	service   *cvservice.Service
	pipeline  *cvjob.Service
	files     *store.CVs
	extractor *extract.Extractor
}

// openCV builds the CV pipeline and registers its worker with River.
func (m *Main) openCV(workers *river.Workers) (*cvParts, error) {
	tax, err := skills.LoadTaxonomy()
	if err != nil {
		return nil, fmt.Errorf("load skills taxonomy: %w", err)
	}
	ex, err := extract.New(extract.DefaultLimits())
	if err != nil {
		return nil, fmt.Errorf("document extraction (scripts/deps.sh installs its tools): %w", err)
	}
	compiler, err := latex.NewCompiler(latex.CompilerConfig{Logger: m.logger.With("component", "latex")})
	if err != nil {
		return nil, fmt.Errorf("latex compiler (scripts/deps.sh installs texlive-xetex): %w", err)
	}
	cvs := store.NewCVs(m.pool)
	cfg := cvjob.Config{
		CVs: cvs, Extractor: ex, Offline: cvanalysis.NewOffline(tax),
		Publisher: hubPublisher{m}, Logger: m.logger.With("component", "cvjob"),
	}
	if m.cfg.GeminiAPIKey != "" {
		log := m.logger.With("component", "cv_gemini")
		// genai.NewClient does no I/O for the Gemini API backend; calls
		// take the job's context.
		client, err := ai.NewClient(context.Background(), ai.Config{
			APIKey: m.cfg.GeminiAPIKey, BaseURL: m.cfg.GeminiBaseURL, Logger: log,
			// Two 25 s attempts fit the job's Gemini budget (cvjob).
			Timeout: 25 * time.Second, MaxAttempts: 2,
		})
		if err != nil {
			return nil, fmt.Errorf("gemini client for CV analysis (GEMINI_API_KEY, GEMINI_BASE_URL): %w", err)
		}
		cfg.Gemini = cvanalysis.NewGemini(client, log)
	} else {
		m.logger.Info("GEMINI_API_KEY unset: CV analyses use the offline analyzer")
	}
	m.cv = cvjob.New(cfg)
	river.AddWorker(workers, m.cv.Worker())
	svc := cvservice.New(cvservice.Config{Pipeline: m.cv, Store: cvs, Extractor: ex, LaTeX: compiler})
	return &cvParts{service: svc, pipeline: m.cv, files: cvs, extractor: ex}, nil
}

// hubPublisher publishes through the hub once it exists: the hub needs the
// accounts service, which needs River, which needs the CV worker.
type hubPublisher struct{ m *Main }

func (p hubPublisher) Publish(ctx context.Context, channel string, data []byte) (hub.StreamPosition, error) {
	if p.m.hub == nil {
		return hub.StreamPosition{}, hub.ErrUnavailable
	}
	return p.m.hub.Publish(ctx, channel, data)
}
