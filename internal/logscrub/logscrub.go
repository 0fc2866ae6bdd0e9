// Package logscrub provides a slog.Handler that masks e-mail addresses in
// every record before it is written: in the message, in string values and in
// the text of errors (an SMTP refusal quotes its recipient, a driver error
// may quote a row). Call sites already leave addresses out; this is the net
// under them.
package logscrub

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
)

// email matches what mail servers and our own errors quote as an address.
var email = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`)

// Mask is what an address is replaced with: the domain stays, which is
// enough to tell one provider's outage from another's.
func Mask(s string) string {
	if !strings.Contains(s, "@") {
		return s
	}
	return email.ReplaceAllStringFunc(s, func(addr string) string {
		_, domain, _ := strings.Cut(addr, "@")
		return "<redacted>@" + domain
	})
}

// Handler masks addresses, then passes records to the next handler.
type Handler struct{ next slog.Handler }

var _ slog.Handler = Handler{}

// New wraps next.
func New(next slog.Handler) Handler { return Handler{next: next} }

// Enabled implements slog.Handler.
func (h Handler) Enabled(ctx context.Context, l slog.Level) bool { return h.next.Enabled(ctx, l) }

// Handle implements slog.Handler.
func (h Handler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, Mask(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(scrub(a))
		return true
	})
	return h.next.Handle(ctx, out)
}

// WithAttrs implements slog.Handler.
func (h Handler) WithAttrs(attrs []slog.Attr) slog.Handler {
	scrubbed := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		scrubbed[i] = scrub(a)
	}
	return Handler{next: h.next.WithAttrs(scrubbed)}
}

// WithGroup implements slog.Handler.
func (h Handler) WithGroup(name string) slog.Handler { return Handler{next: h.next.WithGroup(name)} }

func scrub(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		if s := v.String(); strings.Contains(s, "@") {
			return slog.String(a.Key, Mask(s))
		}
	case slog.KindGroup:
		attrs := v.Group()
		out := make([]any, len(attrs))
		for i, g := range attrs {
			out[i] = scrub(g)
		}
		return slog.Group(a.Key, out...)
	case slog.KindAny:
		switch x := v.Any().(type) {
		case error:
			if s := x.Error(); strings.Contains(s, "@") {
				return slog.String(a.Key, Mask(s))
			}
		case fmt.Stringer:
			if s := x.String(); strings.Contains(s, "@") {
				return slog.String(a.Key, Mask(s))
			}
		}
	}
	return slog.Attr{Key: a.Key, Value: v}
}
