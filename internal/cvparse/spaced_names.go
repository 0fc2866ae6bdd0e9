package cvparse

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// respaceTracked gives back the word breaks of a line set with wide
// letter-spacing whose word gaps the PDF lost ("T H A N D I W E M O KO E
// N A C A ( S A )"): its letters are closed up and cut into the words
// the rest of the document spells them with (a browser's title line,
// the e-mail's local part, a LinkedIn handle), so "THANDIWE MOKOENA
// CA(SA)" comes back. A line whose letters the document's words do not
// cover is left as it was.
func respaceTracked(in []extract.Line) []extract.Line {
	var vocab map[string]bool
	for i, l := range in {
		letters, ok := trackedLetters(l.Text)
		if !ok {
			continue
		}
		if vocab == nil {
			vocab = docWords(in)
		}
		if words, ok := segmentLetters(letters, vocab); ok {
			in[i].Text = words
		}
	}
	return in
}

// trackedLetters says whether t is letter-spaced with no wider gap
// between its words: six or more fields, three in four of them a single
// character, none longer than two (kerning glues a pair now and then),
// and returns its characters closed up.
func trackedLetters(t string) (string, bool) {
	if reWordGap.MatchString(strings.TrimSpace(t)) {
		return "", false
	}
	fs := strings.Fields(t)
	if len(fs) < 6 {
		return "", false
	}
	single, letters := 0, 0
	for _, f := range fs {
		r := []rune(f)
		if len(r) > 2 {
			return "", false
		}
		if len(r) == 1 {
			single++
		}
		for _, c := range r {
			if unicode.IsLetter(c) {
				letters++
			}
		}
	}
	if single*4 < len(fs)*3 || letters*2 < len(fs) {
		return "", false
	}
	return strings.Join(fs, ""), true
}

// reWordBreak parts a document's text into the words a tracked line may
// be made of; brackets stay with their word ("CA(SA)").
var reWordBreak = regexp.MustCompile(`[\s.,;:|/@_\-–—·•<>"“”'’+=*#!?0-9]+`)

// docWords are the words of the whole document, lower case, two
// characters or more, but for the tracked lines' own glued pairs.
func docWords(in []extract.Line) map[string]bool {
	m := map[string]bool{}
	for _, l := range in {
		if _, tracked := trackedLetters(l.Text); tracked {
			continue
		}
		for _, w := range reWordBreak.Split(strings.ToLower(l.Text), -1) {
			if len([]rune(w)) >= 2 {
				m[w] = true
			}
		}
	}
	return m
}

// segmentLetters cuts letters into the fewest known words. Every
// character must fall in a known word, save a bracketed tail
// ("(SA)") glued to the word before it.
func segmentLetters(letters string, vocab map[string]bool) (string, bool) {
	rs := []rune(letters)
	low := []rune(strings.ToLower(letters))
	if len(low) != len(rs) {
		return "", false
	}
	n := len(rs)
	const inf = 1 << 30
	cost := make([]int, n+1)
	from := make([]int, n+1)
	for i := 1; i <= n; i++ {
		cost[i] = inf
		for j := max(0, i-30); j < i; j++ {
			if cost[j] == inf || i-j < 2 || !vocab[string(low[j:i])] {
				continue
			}
			if c := cost[j] + 1; c < cost[i] {
				cost[i], from[i] = c, j
			}
		}
	}
	if cost[n] == inf || cost[n] < 2 {
		return "", false
	}
	var words []string
	for i := n; i > 0; i = from[i] {
		words = append([]string{string(rs[from[i]:i])}, words...)
	}
	return strings.Join(words, " "), true
}
