package auth

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"

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

// SectionWriterFunc adapts a writing function to SectionWriter.
type SectionWriterFunc struct {
	Section string
	Func    func(ctx context.Context, userID string, w io.Writer) error
}

// ExportSection implements Exporter.
func (f SectionWriterFunc) ExportSection() string { return f.Section }

// WriteUserData implements SectionWriter.
func (f SectionWriterFunc) WriteUserData(ctx context.Context, userID string, w io.Writer) error {
	return f.Func(ctx, userID, w)
}

// ExportUserData implements Exporter for callers that want the value: it
// holds the whole section, so the export itself uses WriteUserData.
func (f SectionWriterFunc) ExportUserData(ctx context.Context, userID string) (any, error) {
	var b bytes.Buffer
	if err := f.Func(ctx, userID, &b); err != nil {
		return nil, err
	}
	return json.RawMessage(b.Bytes()), nil
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

// SectionWriter is an Exporter that writes its section's JSON value
// itself, as it reads it, so a large section (CV versions, files,
// transcripts) is never held whole in memory.
type SectionWriter interface {
	Exporter
	WriteUserData(ctx context.Context, userID string, w io.Writer) error
}

// ExportDoc is an account's data export ready to be written: the small
// account parts are already read (so their errors come before the first
// byte is sent); the registered sections are read while writing.
type ExportDoc struct {
	s      *Service
	userID string
	meta   audit.Meta
	head   []exportPart
}

type exportPart struct {
	name  string
	value any
}

// Export reads the account's own records (profile, linked providers,
// sessions, audit entries) and returns the document to write with Write.
func (s *Service) Export(ctx context.Context, p Principal, meta audit.Meta) (*ExportDoc, error) {
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
	return &ExportDoc{s: s, userID: p.UserID, meta: meta, head: []exportPart{
		{"exported_at", s.cfg.Now().UTC().Format("2006-01-02T15:04:05Z")},
		{"user", ExportedUser{
			PublicUser: publicUser(u), EmailVerified: u.EmailVerified, HasPassword: u.PasswordHash != "",
			CreatedAt: u.CreatedAt.UTC().Format("2006-01-02T15:04:05Z"),
		}},
		{"oauth_identities", nonNil(ids)},
		{"sessions", nonNil(sessions)},
		{"audit", nonNil(trail)},
	}}, nil
}

// Write writes the document as one JSON object, section by section, each
// registered section encoded as it is read; it records the export in the
// audit log once the whole document is written. On an error the output is
// left unterminated: the caller must not present it as complete.
func (d *ExportDoc) Write(ctx context.Context, w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	for i, part := range d.head {
		if err := writeKey(bw, i == 0, part.name); err != nil {
			return err
		}
		if err := enc.Encode(part.value); err != nil {
			return fmt.Errorf("export %s: %w", part.name, err)
		}
	}
	for _, e := range d.s.exporters {
		name := e.ExportSection()
		if err := writeKey(bw, false, name); err != nil {
			return err
		}
		if sw, ok := e.(SectionWriter); ok {
			if err := sw.WriteUserData(ctx, d.userID, bw); err != nil {
				return fmt.Errorf("export %s: %w", name, err)
			}
			continue
		}
		v, err := e.ExportUserData(ctx, d.userID)
		if err != nil {
			return fmt.Errorf("export %s: %w", name, err)
		}
		if err := enc.Encode(v); err != nil {
			return fmt.Errorf("export %s: %w", name, err)
		}
	}
	if _, err := bw.WriteString("}\n"); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	d.s.audit(ctx, audit.Entry{Event: audit.Export, UserID: d.userID, Meta: d.meta})
	return nil
}

// writeKey writes `{"name":` for the first member, `,"name":` after.
// Section names are validated snake_case, so they need no escaping.
func writeKey(w *bufio.Writer, first bool, name string) error {
	sep := ","
	if first {
		sep = "{"
	}
	_, err := w.WriteString(sep + `"` + name + `":`)
	return err
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
