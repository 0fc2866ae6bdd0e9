package cvparse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitToolPair cuts a skill line that pairs two named tools with "and"
// or "et" ("Finacle and Microsoft Excel", "Sage et Excel"): both sides
// capitalised names of three words at most, one of them a tool we know.
// A pair naming no tool is one skill ("Research and Development",
// "Health and Safety").
func splitToolPair(item string) []string {
	for _, sep := range []string{" and ", " et "} {
		a, b, ok := strings.Cut(item, sep)
		a, b = strings.TrimSpace(a), strings.TrimSpace(b)
		if !ok || strings.Contains(b, sep) || !capitalOpen(a) || !capitalOpen(b) ||
			len(strings.Fields(a)) > 3 || len(strings.Fields(b)) > 3 || countIn(a, toolWords)+countIn(b, toolWords) == 0 {
			continue
		}
		return []string{a, b}
	}
	return []string{item}
}

// capitalOpen: s opens with a capital letter.
func capitalOpen(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
