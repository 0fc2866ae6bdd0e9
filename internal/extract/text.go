package extract

import (
	"bytes"
	"strings"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func decodeUTF16(data []byte) (string, bool) {
	var enc *unicode.Endianness
	le, be := unicode.LittleEndian, unicode.BigEndian
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		enc = &le
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		enc = &be
	default:
		return "", false
	}
	out, err := unicode.UTF16(*enc, unicode.ExpectBOM).NewDecoder().Bytes(data)
	if err != nil {
		return "", false
	}
	return string(out), true
}

// decodeWindows1252 decodes single-byte text. Windows-1252 is a superset of
// the printable part of Latin-1, which is what old Western European text
// files are in practice.
func decodeWindows1252(data []byte) string {
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		out, _ = charmap.ISO8859_1.NewDecoder().Bytes(data)
	}
	return string(out)
}

// plainLines turns plain text into lines; a blank line marks a new block.
func plainLines(text string) []Line {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = strings.ReplaceAll(text, "\f", "\n\n")
	var lines []Line
	gap := true
	for _, raw := range strings.Split(text, "\n") {
		t := cleanLine(raw)
		if t == "" {
			gap = true
			continue
		}
		lines = append(lines, Line{Text: t, GapBefore: gap, Bullet: startsWithBullet(t)})
		gap = false
	}
	return lines
}

// cleanLine collapses runs of spaces but keeps a wide gap (tab or three or
// more spaces, typical of right-aligned dates) as a tab, a cue the
// structurer uses to split fields.
func cleanLine(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u00a0', '\u2007', '\u202f':
			return ' '
		case '\u00ad', '\u200b', '\ufeff':
			return -1
		}
		return r
	}, s)
	s = composeAccents(s)
	var b strings.Builder
	spaces := 0
	flush := func() {
		switch {
		case spaces >= 3:
			b.WriteByte('\t')
		case spaces > 0:
			b.WriteByte(' ')
		}
		spaces = 0
	}
	for _, r := range strings.TrimSpace(s) {
		switch r {
		case ' ':
			spaces++
		case '\t':
			spaces += 3
		default:
			flush()
			b.WriteRune(r)
		}
	}
	return b.String()
}

var bulletRunes = "•◦▪▫■□●○‣⁃∙·➢➤►▶✓✔-–—*o\uf0b7\uf0a7\uf0d8\uf076"

func startsWithBullet(s string) bool {
	for i, r := range s {
		if i > 0 {
			break
		}
		if strings.ContainsRune(bulletRunes, r) {
			rest := s[len(string(r)):]
			// "-5%" or "o" starting a word are not bullets: a bullet glyph is
			// followed by a space.
			return strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, "\t") || (r > 0x7f && r != '–' && r != '—')
		}
	}
	return false
}

func linesText(lines []Line) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			if l.GapBefore {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		b.WriteString(l.Text)
	}
	return b.String()
}

// PlainText wraps already-extracted text (for example a CV pasted into a
// form) as a Document, with the same line handling as TXT uploads.
func PlainText(s string) Document {
	lines := plainLines(s)
	return Document{Kind: KindTXT, Lines: lines, Text: linesText(lines)}
}
