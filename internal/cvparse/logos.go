package cvparse

import "regexp"

// reTeXLogo is the LaTeX or TeX logo as a PDF gives it back: its raised
// "A" and lowered "E" are glyphs of their own, read as letters set apart
// ("L A TEX", "LA T E X", "T E X"). Written close up ("LATEX") it may be
// a word in capitals, and stays.
var (
	reLaTeXLogo = regexp.MustCompile(`\bL ?A ?T ?E ?X\b`)
	reTeXLogo   = regexp.MustCompile(`\bT E ?X\b|\bTE X\b`)
)

// texLogos writes the logos as their names are written.
func texLogos(t string) string {
	t = reLaTeXLogo.ReplaceAllStringFunc(t, func(m string) string {
		if m == "LATEX" {
			return m
		}
		return "LaTeX"
	})
	return reTeXLogo.ReplaceAllString(t, "TeX")
}
