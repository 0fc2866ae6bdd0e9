package jobs

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Text turns a job description (HTML from a board, or plain text) into
// readable structured text: one paragraph per block separated by a blank
// line, headings on their own line, list items as "- item" (or "1. item"),
// entities decoded and whitespace folded. The skills gap and the
// interviewer read this text, and the catalog indexes it, so a heading such
// as "Requirements" stays a line of its own and words from two blocks never
// run together.
func Text(description string) string {
	if !strings.ContainsAny(description, "<&") {
		return tidy(description)
	}
	w := &textWriter{}
	z := html.NewTokenizer(strings.NewReader(description))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return tidy(w.b.String())
		case html.TextToken:
			if w.skip == 0 {
				w.text(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			w.open(atom.Lookup(name), tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			w.close(atom.Lookup(name))
		}
	}
}

type textWriter struct {
	b      strings.Builder
	brk    int    // pending break before the next text: 1 newline, 2 blank line
	marker string // pending list marker
	lists  []int  // per open list: -1 unordered, else the next number
	skip   int    // inside script/style
}

func (w *textWriter) text(s string) {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	if strings.TrimSpace(s) == "" {
		if w.brk == 0 && w.b.Len() > 0 {
			w.b.WriteString(" ")
		}
		return
	}
	if w.b.Len() > 0 {
		w.b.WriteString(strings.Repeat("\n", w.brk))
	}
	w.brk = 0
	w.b.WriteString(w.marker)
	w.marker = ""
	w.b.WriteString(s)
}

// paragraph ends the current block with a blank line; line with a newline.
func (w *textWriter) paragraph() { w.brk = 2 }
func (w *textWriter) line()      { w.brk = max(w.brk, 1) }

func (w *textWriter) open(a atom.Atom, selfClosing bool) {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template:
		if !selfClosing {
			w.skip++
		}
	case atom.Br:
		w.line()
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Blockquote, atom.Pre, atom.Table, atom.Hr,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if len(w.lists) > 0 {
			w.line()
		} else {
			w.paragraph()
		}
	case atom.Tr, atom.Dt, atom.Dd:
		w.line()
	case atom.Td, atom.Th:
		w.text(" ")
	case atom.Ul:
		w.paragraph()
		w.lists = append(w.lists, -1)
	case atom.Ol:
		w.paragraph()
		w.lists = append(w.lists, 1)
	case atom.Li:
		// A paragraph inside an item does not separate items by a blank line.
		w.line()
		w.marker = "- "
		if n := len(w.lists); n > 0 && w.lists[n-1] > 0 {
			w.marker = strconv.Itoa(w.lists[n-1]) + ". "
			w.lists[n-1]++
		}
	}
}

func (w *textWriter) close(a atom.Atom) {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template:
		if w.skip > 0 {
			w.skip--
		}
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Blockquote, atom.Pre, atom.Table,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if len(w.lists) > 0 {
			w.line()
		} else {
			w.paragraph()
		}
	case atom.Ul, atom.Ol:
		if n := len(w.lists); n > 0 {
			w.lists = w.lists[:n-1]
		}
		w.paragraph()
	case atom.Li, atom.Tr:
		w.line()
	}
}

// tidy folds spaces inside lines and keeps at most one blank line between
// blocks.
func tidy(s string) string {
	var out []string
	blank := false
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		l = strings.Join(strings.Fields(strings.ReplaceAll(l, "\u00a0", " ")), " ")
		if l == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
		}
		blank = false
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
