package catalog

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
)

// seed is a real sample of LinkedIn results (the shared fixture
// linkedin_jobs.json), shipped so that a new installation answers searches
// before anyone imports a catalog.
//
//go:embed seed.json
var seed []byte

// SampleOrigin is the source of the shipped sample's postings.
const SampleOrigin = "sample"

// Seed imports the shipped sample when the catalog is empty and says
// whether it did. Two servers seeding at once import the same rows, which
// the upsert makes harmless.
func (c *Catalog) Seed(ctx context.Context) (Report, bool, error) {
	n, err := c.st.Count(ctx)
	if err != nil {
		return Report{}, false, err
	}
	if n > 0 {
		return Report{}, false, nil
	}
	rep, err := c.importFrom(ctx, bytes.NewReader(seed), SampleOrigin)
	if err != nil {
		return rep, false, fmt.Errorf("seed the job catalog: %w", err)
	}
	return rep, true, nil
}
