package httpapi

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/jobs/catalog"
)

// CatalogOrigins counts the catalog's postings per source (*catalog.Catalog).
type CatalogOrigins interface {
	Origins(ctx context.Context) ([]catalog.OriginCount, error)
}

// CatalogSummary is GET /api/jobs/catalog: how many postings the local
// catalog holds and where they come from, with each live board's last
// import, so the user knows how wide a search is.
type CatalogSummary struct {
	Total   int                   `json:"total"`
	Sources []catalog.OriginCount `json:"sources"`
}

func (s *Server) jobsCatalogRoute(c CatalogOrigins) {
	if c == nil {
		return
	}
	s.handle(fiber.MethodGet, "/api/jobs/catalog", Op{Summary: "How many postings the local job catalog holds, per source (import file, sample, job boards), " +
		"with each job board's last import.", Tag: "jobs", Auth: "bearer", Response: CatalogSummary{}, Errors: []int{401}},
		s.requireUser, func(ctx *fiber.Ctx) error {
			origins, err := c.Origins(ctx.UserContext())
			if err != nil {
				return err
			}
			sum := CatalogSummary{Sources: origins}
			if sum.Sources == nil {
				sum.Sources = []catalog.OriginCount{}
			}
			for _, o := range origins {
				sum.Total += o.Postings
			}
			return ctx.JSON(sum)
		})
}

// cvFilesResponse is GET /api/cv/files.
type cvFilesResponse struct {
	Files []cv.FileSummary `json:"files"`
}

// cvFilesRoute lists the caller's uploaded CVs, so the skills-gap page can
// offer one instead of asking for the PDF again (sent as cv_file_id).
func (s *Server) cvFilesRoute(d JobsDeps) {
	if d.Files == nil {
		return
	}
	s.handle(fiber.MethodGet, "/api/cv/files", Op{Summary: "The caller's uploaded CVs (newest first, 50 at most, one per identical file), to pass as cv_file_id to /api/analyze.",
		Tag: "cv", Auth: "bearer", Response: cvFilesResponse{}, Errors: []int{401}},
		s.requireUser, func(c *fiber.Ctx) error {
			files, err := d.Files.Files(c.UserContext(), userID(c), 50)
			if err != nil {
				return err
			}
			if files == nil {
				files = []cv.FileSummary{}
			}
			return c.JSON(cvFilesResponse{Files: files})
		})
}
