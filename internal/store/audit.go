package store

import (
	"context"
	"fmt"
	"net/netip"

	"github.com/jackc/pgx/v5"

	"github.com/utopiahire/utopiahire/internal/audit"
)

// Audit writes one audit entry.
func (a *Accounts) Audit(ctx context.Context, e audit.Entry) error {
	m := e.Meta.Clean()
	var ip *netip.Addr
	if addr, err := netip.ParseAddr(m.IP); err == nil {
		ip = &addr
	}
	details := e.Details
	if details == nil {
		details = map[string]any{}
	}
	_, err := a.q.Exec(ctx, `
		INSERT INTO audit_log (event, user_id, ip, user_agent, request_id, details)
		VALUES ($1, nullif($2, '')::uuid, $3, nullif($4, ''), nullif($5, ''), $6)`,
		string(e.Event), e.UserID, ip, m.UserAgent, m.RequestID, details)
	if err != nil {
		return fmt.Errorf("write audit entry %s: %w", e.Event, err)
	}
	return nil
}

// maxAuditExport bounds the audit entries of one export.
const maxAuditExport = 10000

// AuditTrail lists a user's audit entries, oldest first.
func (a *Accounts) AuditTrail(ctx context.Context, userID string) ([]audit.Record, error) {
	rows, err := a.q.Query(ctx, `
		SELECT id, at, event, coalesce(host(ip), ''), coalesce(user_agent, ''), coalesce(request_id, ''), details
		FROM audit_log WHERE user_id = $1 ORDER BY at, id LIMIT $2`, userID, maxAuditExport)
	if err != nil {
		return nil, fmt.Errorf("list audit entries: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (audit.Record, error) {
		var rec audit.Record
		var ev string
		err := r.Scan(&rec.ID, &rec.At, &ev, &rec.IP, &rec.UserAgent, &rec.RequestID, &rec.Details)
		rec.Event = audit.Event(ev)
		if len(rec.Details) == 0 {
			rec.Details = nil
		}
		return rec, err
	})
}

// ScrubAudit keeps a user's audit entries (what happened, when) but removes
// the user, IP, user agent and details.
func (a *Accounts) ScrubAudit(ctx context.Context, userID string) error {
	_, err := a.q.Exec(ctx, `
		UPDATE audit_log SET user_id = NULL, ip = NULL, user_agent = NULL, details = '{}'
		WHERE user_id = $1`, userID)
	if err != nil {
		return fmt.Errorf("scrub audit entries: %w", err)
	}
	return nil
}
