package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode/utf8"
)

// renderText writes a plain-text CV the way people type them: padded or
// piped rows, underlined or upper-case headings, dash or star bullets.
func renderText(r *rand.Rand, m model) string {
	var b strings.Builder
	under := r.IntN(2) == 0
	bullet := pick(r, []string{"- ", "* ", "• "})
	pad := r.IntN(2) == 0
	blocks := append(append(append([]block{}, m.head...), m.main...), m.side...)
	for _, bl := range blocks {
		switch bl.kind {
		case "name", "line", "para":
			b.WriteString(bl.left + "\n")
			if bl.kind == "name" {
				b.WriteString("\n")
			}
		case "heading":
			if under {
				b.WriteString("\n" + bl.left + "\n" + strings.Repeat("-", utf8.RuneCountInString(bl.left)) + "\n")
			} else {
				b.WriteString("\n" + strings.ToUpper(bl.left) + "\n")
			}
		case "row":
			switch {
			case bl.right == "":
				b.WriteString(bl.left + "\n")
			case pad:
				n := max(4, 72-utf8.RuneCountInString(bl.left)-utf8.RuneCountInString(bl.right))
				b.WriteString(bl.left + strings.Repeat(" ", n) + bl.right + "\n")
			default:
				b.WriteString(bl.left + " | " + bl.right + "\n")
			}
		case "kv":
			if pad {
				b.WriteString(bl.left + ":" + strings.Repeat(" ", max(2, 16-utf8.RuneCountInString(bl.left))) + bl.right + "\n")
			} else {
				b.WriteString(bl.left + ": " + bl.right + "\n")
			}
		case "bullets":
			for _, it := range bl.items {
				b.WriteString(bullet + it + "\n")
			}
			b.WriteString("\n")
		}
	}
	if m.footer != "" {
		b.WriteString("\n" + footerText(m.footer, 1) + "\n")
	}
	return b.String()
}

// footerText is a running footer with its page number.
func footerText(f string, page int) string {
	if strings.Contains(f, "%s") {
		return fmt.Sprintf(f, fmt.Sprint(page))
	}
	return f
}
