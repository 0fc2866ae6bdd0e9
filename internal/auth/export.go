package auth

import (
	"context"
	"fmt"

	"github.com/utopiahire/utopiahire/internal/audit"
)

// Exporter contributes one section of a user's data export (GDPR access).
// Each area that stores user data (CVs, analyses, interviews, reports, ...)
// implements it and is registered in cmd/server; the section's value must
// marshal to JSON and hold everything the area keeps about the user.
type Exporter interface {
	// ExportSection is the section's key in the document: snake_case,
	// unique, not one of "exported_at", "user", "oauth_identities",
	// "sessions" or "audit".
	ExportSection() string
	ExportUserData(ctx context.Context, userID string) (any, error)
}

// ExporterFunc adapts a function to Exporter.
type ExporterFunc struct {
	Section string
	Func    func(ctx context.Context, userID string) (any, error)
}

// ExportSection implements Exporter.
func (f ExporterFunc) ExportSection() string { return f.Section }

// ExportUserData implements Exporter.
func (f ExporterFunc) ExportUserData(ctx context.Context, userID string) (any, error) {
	return f.Func(ctx, userID)
}

func (s *Service) setExporters(es []Exporter) error {
	seen := map[string]bool{"exported_at": true, "user": true, "oauth_identities": true, "sessions": true, "audit": true}
	for _, e := range es {
		name := e.ExportSection()
		if !validSection(name) || seen[name] {
			return fmt.Errorf("auth: export section %q is invalid, reserved or registered twice", name)
		}
		seen[name] = true
	}
	s.exporters = es
	return nil
}

// validSection accepts snake_case names of 1–63 characters.
func validSection(name string) bool {
	if len(name) == 0 || len(name) > 63 || name[0] < 'a' || name[0] > 'z' {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// ExportedUser is the profile part of the export.
type ExportedUser struct {
	PublicUser
	EmailVerified bool   `json:"email_verified"`
	HasPassword   bool   `json:"has_password"`
	CreatedAt     string `json:"created_at"`
}

// Export gathers everything stored about the principal's account into one
// document: the profile, linked providers, sessions, audit entries and each
// registered Exporter's section.
func (s *Service) Export(ctx context.Context, p Principal, meta audit.Meta) (map[string]any, error) {
	u, err := s.store.UserByID(ctx, p.UserID)
	if err != nil {
		return nil, fmt.Errorf("export user: %w", err)
	}
	ids, err := s.store.Identities(ctx, p.UserID)
	if err != nil {
		return nil, fmt.Errorf("export identities: %w", err)
	}
	sessions, err := s.store.Sessions(ctx, p.UserID)
	if err != nil {
		return nil, fmt.Errorf("export sessions: %w", err)
	}
	trail, err := s.store.AuditTrail(ctx, p.UserID)
	if err != nil {
		return nil, fmt.Errorf("export audit: %w", err)
	}
	doc := map[string]any{
		"exported_at": s.cfg.Now().UTC().Format("2006-01-02T15:04:05Z"),
		"user": ExportedUser{
			PublicUser: publicUser(u), EmailVerified: u.EmailVerified, HasPassword: u.PasswordHash != "",
			CreatedAt: u.CreatedAt.UTC().Format("2006-01-02T15:04:05Z"),
		},
		"oauth_identities": nonNil(ids),
		"sessions":         nonNil(sessions),
		"audit":            nonNil(trail),
	}
	for _, e := range s.exporters {
		v, err := e.ExportUserData(ctx, p.UserID)
		if err != nil {
			return nil, fmt.Errorf("export %s: %w", e.ExportSection(), err)
		}
		doc[e.ExportSection()] = v
	}
	s.audit(ctx, audit.Entry{Event: audit.Export, UserID: p.UserID, Meta: meta})
	return doc, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
