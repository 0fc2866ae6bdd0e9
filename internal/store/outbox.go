package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/utopiahire/utopiahire/internal/mail"
)

// Outbox is the mail_outbox table; it implements mail.OutboxStore.
type Outbox struct{ pool *pgxpool.Pool }

var _ mail.OutboxStore = (*Outbox)(nil)

// NewOutbox returns the outbox store over pool.
func NewOutbox(pool *pgxpool.Pool) *Outbox { return &Outbox{pool: pool} }

// InsertOutbox writes a queued message in tx.
func (o *Outbox) InsertOutbox(ctx context.Context, tx pgx.Tx, m mail.Message) (int64, error) {
	var id int64
	err := tx.QueryRow(ctx, `
		INSERT INTO mail_outbox (user_id, recipient, subject, text_body, html_body)
		VALUES (nullif($1, '')::uuid, $2, $3, $4, $5) RETURNING id`,
		m.UserID, m.To, m.Subject, m.Text, m.HTML).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("insert outbox message: %w", err)
	}
	return id, nil
}

const outboxColumns = `id, coalesce(user_id::text, ''), recipient, subject, coalesce(text_body, ''), coalesce(html_body, ''),
	status, attempts, coalesce(last_error, ''), created_at, sent_at`

func scanStored(r pgx.Row) (mail.Stored, error) {
	var s mail.Stored
	err := r.Scan(&s.ID, &s.UserID, &s.To, &s.Subject, &s.Text, &s.HTML, &s.Status, &s.Attempts, &s.LastError, &s.CreatedAt, &s.SentAt)
	return s, err
}

// OutboxMessage reads one message.
func (o *Outbox) OutboxMessage(ctx context.Context, id int64) (mail.Stored, error) {
	s, err := scanStored(o.pool.QueryRow(ctx, `SELECT `+outboxColumns+` FROM mail_outbox WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return s, mail.ErrNoMessage
	}
	return s, err
}

// MarkOutbox records a delivery attempt. A sent message loses its bodies:
// they may carry single-use tokens and are no longer needed.
func (o *Outbox) MarkOutbox(ctx context.Context, id int64, status, lastError string) error {
	_, err := o.pool.Exec(ctx, `
		UPDATE mail_outbox SET
			status = $2,
			attempts = attempts + CASE WHEN $2 = 'logged' THEN 0 ELSE 1 END,
			last_error = nullif($3, ''),
			sent_at = CASE WHEN $2 IN ('sent', 'logged') THEN now() ELSE sent_at END,
			text_body = CASE WHEN $2 = 'sent' THEN NULL ELSE text_body END,
			html_body = CASE WHEN $2 = 'sent' THEN NULL ELSE html_body END
		WHERE id = $1`, id, status, truncate(lastError, 1000))
	if err != nil {
		return fmt.Errorf("mark outbox message %d: %w", id, err)
	}
	return nil
}

// UserOutbox lists a user's messages without bodies, newest first.
func (o *Outbox) UserOutbox(ctx context.Context, userID string) ([]mail.Stored, error) {
	return o.list(ctx, `SELECT `+outboxColumns+` FROM mail_outbox WHERE user_id = $1 ORDER BY id DESC LIMIT 1000`, userID)
}

// Recent lists the latest n messages with their bodies, newest first (the
// local outbox reader, `server mail outbox`).
func (o *Outbox) Recent(ctx context.Context, n int) ([]mail.Stored, error) {
	return o.list(ctx, `SELECT `+outboxColumns+` FROM mail_outbox ORDER BY id DESC LIMIT $1`, n)
}

func (o *Outbox) list(ctx context.Context, sql string, args ...any) ([]mail.Stored, error) {
	rows, err := o.pool.Query(ctx, sql, args...)
	if err != nil {
		return nil, fmt.Errorf("list outbox: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (mail.Stored, error) { return scanStored(r) })
	if err != nil {
		return nil, fmt.Errorf("list outbox: %w", err)
	}
	return out, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}
