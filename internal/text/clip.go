package text

import (
	"strings"
	"unicode/utf8"
)

// Clip trims s and, when it is longer than n bytes, cuts it there (never
// inside a UTF-8 sequence) and marks the cut with " […]": prompts and
// reports quote CVs, job descriptions and tool output at a bounded length.
func Clip(s string, n int) string {
	s = strings.TrimSpace(s)
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for !utf8.ValidString(s) && len(s) > 0 {
		s = s[:len(s)-1]
	}
	return s + " […]"
}
