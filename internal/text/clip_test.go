package text

import (
	"strings"
	"testing"
)

func TestClipKeepsUTF8(t *testing.T) {
	s := Clip(strings.Repeat("é", 10), 5)
	if !strings.HasSuffix(s, " […]") || strings.ContainsRune(s, '\uFFFD') {
		t.Errorf("Clip = %q", s)
	}
	if got := Clip("  short  ", 10); got != "short" {
		t.Errorf("Clip(short) = %q, want %q", got, "short")
	}
}
