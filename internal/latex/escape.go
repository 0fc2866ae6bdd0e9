package latex

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Escape turns user text into LaTeX that prints it literally. Every
// character with a special category code in (Xe)LaTeX is replaced by a
// command or a braced form, so no user string can open a group, start a
// command, enter math, reach a parameter or comment the rest of a line out:
// `\input{/etc/passwd}`, `\write18{…}`, `\catcode` and `^^5c` are printed.
// Brackets are braced so that text after \item or \\ is never read as an
// optional argument. Control characters, bidirectional overrides and
// invalid UTF-8 are removed; a newline becomes a space.
func Escape(s string) string {
	return escape(s, false)
}

// EscapeLines is Escape keeping line breaks: lines are joined with
// \newline, blank lines collapse, and the result never starts or ends with a
// break (which LaTeX refuses).
func EscapeLines(s string) string {
	return escape(s, true)
}

func escape(s string, keepLines bool) string {
	s = norm.NFC.String(strings.ToValidUTF8(s, ""))
	var lines []string
	for line := range strings.SplitSeq(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if e := escapeLine(line); e != "" {
			lines = append(lines, e)
		}
	}
	if keepLines {
		return strings.Join(lines, `\newline `)
	}
	return strings.Join(lines, " ")
}

// escapeLine escapes one line and collapses runs of white space.
func escapeLine(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	space := false
	for _, r := range s {
		if r == utf8.RuneError || dropped(r) {
			continue
		}
		if unicode.IsSpace(r) && r != '\u00a0' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if rep, ok := special(r); ok {
			b.WriteString(rep)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func special(r rune) (string, bool) {
	switch r {
	case '\\':
		return `\textbackslash{}`, true
	case '{':
		return `\{`, true
	case '}':
		return `\}`, true
	case '$':
		return `\$`, true
	case '&':
		return `\&`, true
	case '#':
		return `\#`, true
	case '^':
		return `\textasciicircum{}`, true
	case '_':
		return `\_`, true
	case '%':
		return `\%`, true
	case '~':
		return `\textasciitilde{}`, true
	case '[':
		return `{[}`, true
	case ']':
		return `{]}`, true
	}
	return "", false
}

// dropped reports characters that have no place in printed CV text: C0/C1
// controls (TeX would read some as end of line or as invalid), and the
// bidirectional controls that can make printed text lie about its order.
func dropped(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20, r >= 0x7f && r < 0xa0:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f:
		return true
	case r == 0xfeff, r >= 0xfff9 && r <= 0xfffb:
		return true
	}
	return false
}
