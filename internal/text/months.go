package text

import (
	"sort"
	"strings"
)

// monthSpellings are the English and French month names and their usual
// abbreviations, as written (the French CLDR abbreviations "janv.", "févr.",
// "juil.", "déc." and the shorter forms CVs use). Month and MonthNames also
// accept each of them without accents.
var monthSpellings = [12][]string{
	{"january", "jan", "janvier", "janv"},
	{"february", "feb", "février", "févr", "fév"},
	{"march", "mar", "mars"},
	{"april", "apr", "avril", "avr"},
	{"may", "mai"},
	{"june", "jun", "juin"},
	{"july", "jul", "juillet", "juil"},
	{"august", "aug", "août", "aoû"},
	{"september", "sep", "sept", "septembre"},
	{"october", "oct", "octobre"},
	{"november", "nov", "novembre"},
	{"december", "dec", "décembre", "déc"},
}

var monthIndex = func() map[string]int {
	m := make(map[string]int)
	for i, names := range monthSpellings {
		for _, n := range names {
			m[Fold(n)] = i + 1
		}
	}
	return m
}()

// Month returns the number (1–12) of an English or French month name or
// abbreviation, whatever its case or accents and with or without a final
// full stop: "Févr.", "AOUT", "sept", "December". ok is false otherwise.
func Month(s string) (m int, ok bool) {
	m, ok = monthIndex[strings.TrimSuffix(Fold(strings.TrimSpace(s)), ".")]
	return m, ok
}

// MonthNames lists every spelling Month accepts, lower-case, as written and
// without accents, longest first, for building patterns.
func MonthNames() []string {
	seen := make(map[string]bool)
	var out []string
	for _, names := range monthSpellings {
		for _, n := range names {
			for _, v := range []string{n, Fold(n)} {
				if !seen[v] {
					seen[v] = true
					out = append(out, v)
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}
