package cvparse

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// Page furniture is what a page carries besides the CV: page numbers,
// running headers and footers ("Jane Roe – CV", "Page 2 of 3"), the date
// the document was last updated. None of it is an item of the CV.

var (
	rePageMarker = regexp.MustCompile(`(?i)^(?:(?:page|pg\.?|p\.)\s*\d{1,2}(?:\s*(?:of|/|sur|de)\s*\d{1,2})?|\d{1,2}\s*/\s*\d{1,2}|[-–—]\s*\d{1,2}\s*[-–—])$`)
	reUpdated    = regexp.MustCompile(`(?i)^(?:(?:last\s+)?updated(?:\s+on)?|(?:dernière\s+|derniere\s+)?mise\s+à\s+jour(?:\s+le)?|mis\s+à\s+jour(?:\s+le)?|mis\s+a\s+jour(?:\s+le)?)\s*:?\s*`)
	reYearOnly   = regexp.MustCompile(`^(?:19|20)\d{2}$`)
	// reReferences: the closing line of many CVs, no item of any section.
	reReferences = regexp.MustCompile(`(?i)^(?:references?|références?|referees?)\s+(?:are\s+)?(?:available|furnished|provided|disponibles?|fournies?|sur demande)\b[^.]*\.?$`)
	reFurnSplit  = regexp.MustCompile(`\s*(?:\||·|•|\s[-–—]\s|:)\s*`)
)

// isPageMarker: "Page 1 of 2", "2/3", "- 2 -".
func isPageMarker(t string) bool {
	m := rePageMarker.FindString(strings.TrimSpace(t))
	if m == "" {
		return false
	}
	if a, b, ok := strings.Cut(m, "/"); ok && !strings.ContainsFunc(a, unicode.IsLetter) {
		// "3/5" under a skill is a rating, not a page: a page number
		// is at most the page count.
		return atoi(a) <= atoi(b) && atoi(b) <= 20
	}
	return true
}

func atoi(s string) int {
	n := 0
	for _, r := range strings.TrimSpace(s) {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// isUpdatedLine: "Last updated March 2026", "Mis à jour le 3 mars 2026".
func isUpdatedLine(t string) bool {
	m := reUpdated.FindString(t)
	return m != "" && hasDate(t[len(m):]) && len(strings.Fields(t[len(m):])) <= 4
}

// runningTitle says whether t is made only of page furniture and a name
// ("Curriculum Vitae – Jane Roe", "Jane Roe | CV | Page 2"), and returns
// the name part, if any.
func runningTitle(t string) (name string, ok bool) {
	parts := reFurnSplit.Split(strings.TrimSpace(t), -1)
	if len(parts) < 2 {
		return "", false
	}
	furniture := false
	for _, p := range parts {
		p = strings.TrimSpace(p)
		switch {
		case p == "":
		case isDocumentTitle(p) || isPageMarker(p):
			furniture = true
		case reYearOnly.MatchString(p): // "CV – Jane Roe – 2026"
		case name == "" && nameScore(nil, p) > 0:
			name = p
		default:
			return "", false
		}
	}
	return name, furniture
}

// furniture marks the lines of a document that are page furniture: page
// numbers, "last updated" lines, running titles, and any line repeated at
// the top or bottom of two or more pages (a running header or footer). On
// the first page, a line at the top may be the person's own name and
// contact line, so it is kept there; a running title at the top keeps its
// name.
func furniture(in []extract.Line) (drop []bool, rewrite map[int]string) {
	drop = make([]bool, len(in))
	rewrite = map[int]string{}
	top := topLines(in)
	for i, l := range in {
		t := strings.TrimSpace(l.Text)
		switch {
		case t == "":
		case isPageMarker(t) || isUpdatedLine(t) || reReferences.MatchString(t):
			drop[i] = true
		default:
			if name, ok := runningTitle(t); ok {
				if top[i] && name != "" {
					rewrite[i] = name
				} else {
					drop[i] = true
				}
			}
		}
	}
	for _, i := range repeatedAtEdges(in) {
		if !(top[i] && in[i].Page <= 1) {
			drop[i] = true
		}
	}
	return drop, rewrite
}

// topLines marks the first three non-empty lines of the document.
func topLines(in []extract.Line) map[int]bool {
	top := map[int]bool{}
	for i, l := range in {
		if len(top) == 3 {
			break
		}
		if strings.TrimSpace(l.Text) != "" {
			top[i] = true
		}
	}
	return top
}

// edgeLines is how many lines at the top and at the bottom of a page a
// running header or footer may take.
const edgeLines = 2

// repeatedAtEdges returns the lines, among the first and last of each
// page, whose text (digits aside: "Page 1", "Page 2") is found at the
// edge of two or more pages.
func repeatedAtEdges(in []extract.Line) []int {
	byPage := map[int][]int{}
	for i, l := range in {
		if l.Page > 0 && strings.TrimSpace(l.Text) != "" {
			byPage[l.Page] = append(byPage[l.Page], i)
		}
	}
	if len(byPage) < 2 {
		return nil
	}
	key := func(i int) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return '#'
			}
			return r
		}, fold(in[i].Text))
	}
	pages := map[string]map[int]bool{}
	var edges []int
	for p, idx := range byPage {
		for j, i := range idx {
			if j < edgeLines || j >= len(idx)-edgeLines {
				k := key(i)
				if pages[k] == nil {
					pages[k] = map[int]bool{}
				}
				pages[k][p] = true
				edges = append(edges, i)
			}
		}
	}
	var out []int
	for _, i := range edges {
		if k := key(i); k != "" && len(pages[k]) >= 2 {
			out = append(out, i)
		}
	}
	return out
}
