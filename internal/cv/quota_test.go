package cv

import (
	"fmt"
	"testing"

	"github.com/utopiahire/utopiahire/internal/apperr"
)

// A full quota reaches the client as 409 file_quota through any wrapping,
// with no translator on the way.
func TestFileQuotaErrorIsCoded(t *testing.T) {
	e, ok := apperr.From(fmt.Errorf("submit analysis: %w", ErrFileQuota))
	if !ok {
		t.Fatal("ErrFileQuota is not an apperr.Coded error")
	}
	if e.Kind != apperr.Conflict || e.Code != "file_quota" {
		t.Fatalf("kind %v code %q, want conflict file_quota", e.Kind, e.Code)
	}
	want := fmt.Sprintf("You already store %d CV files or %d MB; delete some before uploading more.", MaxFiles, MaxFileBytes>>20)
	if e.Message != want {
		t.Fatalf("message %q, want %q", e.Message, want)
	}
}
