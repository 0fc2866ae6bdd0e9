package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/utopiahire/utopiahire/internal/cv"
)

// Files lists the user's uploaded CVs, newest first, at most limit (and
// only one per identical content: the same PDF uploaded twice is one CV).
func (r *CVs) Files(ctx context.Context, userID string, limit int) ([]cv.FileSummary, error) {
	rows, err := r.pool.Query(ctx, `
SELECT id, filename, kind, size_bytes, created_at FROM (
	SELECT DISTINCT ON (sha256) id, filename, kind, size_bytes, created_at
	FROM cv_files WHERE user_id = $1 ORDER BY sha256, created_at DESC
) f ORDER BY created_at DESC LIMIT $2`, userID, limit)
	if err != nil {
		return nil, fmt.Errorf("list cv files: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (cv.FileSummary, error) {
		var f cv.FileSummary
		err := row.Scan(&f.ID, &f.Filename, &f.Kind, &f.Size, &f.CreatedAt)
		return f, err
	})
	if err != nil {
		return nil, fmt.Errorf("list cv files: %w", err)
	}
	return out, nil
}
