package skills

import (
	"unicode"
	"unicode/utf8"

	"github.com/utopiahire/utopiahire/internal/text"
)

// token is one word or significant punctuation mark of a text.
type token struct {
	norm  string // lower case, accents folded
	orig  string // as written
	start int    // byte offsets into the source text
	end   int
	// space is true when whitespace, a hyphen or an underscore separates
	// this token from the previous one: "machine-learning" and "machine
	// learning" tokenise alike, "Node.js" keeps its glue.
	space bool
	// brk is true when hard punctuation (comma, bracket, line break, …)
	// separates this token from the previous one; aliases never span it.
	brk bool
	// clause numbers the sentence or list item the token belongs to.
	clause int
	line   int
	punct  bool
}

// significantPunct are the marks that belong to skill names: "CI/CD", "R&D",
// ".NET", "d'équipe", "@testing-library".
func significantPunct(r rune) bool {
	switch r {
	case '.', '/', '&', '\'', '’', '@', '+', '#':
		return true
	}
	return false
}

// clauseEnd reports whether r closes a sentence or list item.
func clauseEnd(r rune) bool {
	switch r {
	case '\n', ';', '!', '?', '•', '●', '▪', '◦', '·', '|':
		return true
	}
	return false
}

// tokenize splits text into tokens. It never fails; unknown runes separate.
func tokenize(src string) []token {
	toks := make([]token, 0, len(src)/5)
	space, brk := false, true
	clause, line := 0, 0
	i := 0
	for i < len(src) {
		r, size := utf8.DecodeRuneInString(src[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + size
			for j < len(src) {
				r2, s2 := utf8.DecodeRuneInString(src[j:])
				if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) && !unicode.Is(unicode.Mn, r2) {
					break
				}
				j += s2
			}
			// "C++", "C#", "F#", "Notepad++": trailing marks glue to the word.
			for j < len(src) && (src[j] == '+' || src[j] == '#') {
				j++
			}
			toks = append(toks, token{orig: src[i:j], start: i, end: j, space: space, brk: brk, clause: clause, line: line})
			space, brk = false, false
			i = j
			continue
		case r == '.':
			// A full stop followed by a space or the end closes a clause;
			// inside "Node.js" or before ".NET" it is part of a name.
			next, _ := utf8.DecodeRuneInString(src[i+size:])
			if i+size >= len(src) || unicode.IsSpace(next) {
				clause++
				brk = true
				space = true
			} else {
				toks = append(toks, token{orig: ".", norm: ".", start: i, end: i + size, space: space, brk: brk, clause: clause, line: line, punct: true})
				space, brk = false, false
			}
		case significantPunct(r):
			n := string(r)
			if r == '’' {
				n = "'"
			}
			toks = append(toks, token{orig: src[i : i+size], norm: n, start: i, end: i + size, space: space, brk: brk, clause: clause, line: line, punct: true})
			space, brk = false, false
		case r == '\n':
			line++
			clause++
			space, brk = true, true
		case clauseEnd(r):
			clause++
			space, brk = true, true
		case r == '-' || r == '_' || unicode.IsSpace(r):
			space = true
		default:
			// Commas, brackets, colons, quotes, dashes and symbols.
			space, brk = true, true
			if r == ':' || r == '–' || r == '—' {
				// "Skills: Go" keeps one clause; only list boundaries matter.
				break
			}
		}
		i += size
	}
	for k := range toks {
		if toks[k].norm == "" {
			toks[k].norm = text.Fold(toks[k].orig)
		}
	}
	return toks
}
