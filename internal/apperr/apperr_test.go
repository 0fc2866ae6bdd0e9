package apperr_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/apperr"
)

// leaf is a package's own error type implementing apperr.Coded.
type leaf struct {
	kind       apperr.Kind
	code, msg  string
	details    map[string]any
	retry      time.Duration
	withExtras bool
}

func (l *leaf) Error() string          { return apperr.Format(l.code, l.msg, nil) }
func (l *leaf) ErrorKind() apperr.Kind { return l.kind }
func (l *leaf) ErrorCode() string      { return l.code }
func (l *leaf) SafeMessage() string    { return l.msg }

type richLeaf struct{ leaf }

func (l *richLeaf) ErrorDetails() map[string]any  { return l.details }
func (l *richLeaf) RetryAfterHint() time.Duration { return l.retry }

func TestFrom(t *testing.T) {
	domain := apperr.New(apperr.Conflict, "taken", "Taken.")
	plain := &leaf{kind: apperr.Validation, code: "bad_thing", msg: "Bad thing."}
	rich := &richLeaf{leaf{kind: apperr.Unavailable, code: "busy", msg: "Busy.", details: map[string]any{"log": "x"}, retry: 5 * time.Second}}
	internal := &leaf{kind: apperr.Internal, code: "secret_failure", msg: "path /etc/x failed"}
	type want struct {
		Kind       apperr.Kind
		Code, Msg  string
		Details    map[string]any
		RetryAfter time.Duration
	}
	tests := []struct {
		name string
		err  error
		ok   bool
		want want
	}{
		{"domain error as is", fmt.Errorf("ctx: %w", domain), true, want{apperr.Conflict, "taken", "Taken.", nil, 0}},
		{"leaf error", fmt.Errorf("ctx: %w", plain), true, want{apperr.Validation, "bad_thing", "Bad thing.", nil, 0}},
		{"leaf with details and retry", rich, true, want{apperr.Unavailable, "busy", "Busy.", map[string]any{"log": "x"}, 5 * time.Second}},
		{"internal leaf is not shown", internal, true, want{apperr.Internal, "internal", apperr.InternalMessage, nil, 0}},
		{"outermost wins", apperr.Wrap(plain, apperr.NotFound, "gone", "Gone."), true, want{apperr.NotFound, "gone", "Gone.", nil, 0}},
		{"plain error", errors.New("boom"), false, want{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := apperr.From(tt.err)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			got := want{e.Kind, e.Code, e.Message, e.Details, e.RetryAfter}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("From (-want +got):\n%s", diff)
			}
			var c apperr.Coded
			if errors.As(tt.err, &c) && !errors.Is(e, c) {
				t.Errorf("the result does not keep %v in its chain", c)
			}
		})
	}
}

func TestCodeAs(t *testing.T) {
	err := fmt.Errorf("wrapped: %w", &leaf{code: "c1"})
	if got := apperr.CodeAs[*leaf](err); got != "c1" {
		t.Errorf("CodeAs = %q, want c1", got)
	}
	if got := apperr.CodeAs[*leaf](errors.New("x")); got != "" {
		t.Errorf("CodeAs of a foreign error = %q, want empty", got)
	}
}
