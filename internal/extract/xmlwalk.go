package extract

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// paragraph is a DOCX or ODT paragraph being read: its lines once closed.
type paragraph interface {
	comparable
	lines(prevGap bool) []Line
}

// paraWalk is the one stream walk of the DOCX and ODT text parts: it bounds
// the nesting depth, drops the subtrees skip names (their text duplicates or
// annotates the body), keeps the stack of open paragraphs, and collects a
// closed paragraph's lines until the text reaches the limit. What is
// particular to a format is in its hooks.
type paraWalk[P paragraph] struct {
	format string // "DOCX", "ODT": names the format in a refusal
	// skip names the elements whose whole subtree is left out.
	skip func(name string) bool
	// open returns a new paragraph when t starts one.
	open func(t xml.StartElement) (P, bool)
	// closes reports whether an element of this name ends the open paragraph.
	closes func(name string) bool
	// start, end and text see every other token outside skipped subtrees;
	// text only within a paragraph.
	start func(t xml.StartElement)
	end   func(t xml.EndElement)
	text  func(t xml.CharData)

	stack []P
}

// cur is the innermost open paragraph, the zero P (nil) when there is none.
func (w *paraWalk[P]) cur() P {
	var p P
	if len(w.stack) > 0 {
		p = w.stack[len(w.stack)-1]
	}
	return p
}

// lines walks r; it stops early, keeping what it has, once the text
// reaches maxText.
func (w *paraWalk[P]) lines(r io.Reader, maxText int) ([]Line, error) {
	dec := xml.NewDecoder(r)
	var (
		zero    P
		depth   int
		text    int
		skip    int
		lines   []Line
		prevGap = true
	)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return lines, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxXMLDepth {
				return nil, refuse(CodeMalformedFile, "the %s document nests elements more than %d deep", w.format, maxXMLDepth)
			}
			if skip > 0 || w.skip(t.Name.Local) {
				skip++
				continue
			}
			if p, ok := w.open(t); ok {
				w.stack = append(w.stack, p)
				continue
			}
			w.start(t)
		case xml.EndElement:
			depth--
			if skip > 0 {
				skip--
				continue
			}
			if !w.closes(t.Name.Local) {
				w.end(t)
				continue
			}
			p := w.cur()
			if p == zero {
				continue
			}
			w.stack = w.stack[:len(w.stack)-1]
			out := p.lines(prevGap)
			if len(out) == 0 {
				prevGap = true
				continue
			}
			lines = append(lines, out...)
			prevGap = false
			for _, l := range out {
				text += len(l.Text) + 1
			}
			if text > maxText {
				return lines, nil
			}
		case xml.CharData:
			if skip > 0 || w.cur() == zero {
				continue
			}
			w.text(t)
		}
	}
}

// paraText is what DOCX and ODT paragraphs share: the text since the last
// break, the lines breaks ended, and the look of the first text.
type paraText struct {
	b         strings.Builder
	breaks    []Line // lines ended by a line break inside the paragraph
	firstBold bool
	size      float64
}

// lineBreak ends a line inside the paragraph.
func (p *paraText) lineBreak() {
	p.breaks = append(p.breaks, Line{Text: cleanLine(p.b.String())})
	p.b.Reset()
}

// textLines are the paragraph's non-empty lines; gap says whether the
// first follows a gap.
func (p *paraText) textLines(heading, list, gap bool) []Line {
	all := append(p.breaks, Line{Text: cleanLine(p.b.String())})
	var out []Line
	for _, l := range all {
		if l.Text == "" {
			continue
		}
		l.Bold = p.firstBold
		l.Size = p.size
		l.Heading = heading
		l.Bullet = list || startsWithBullet(l.Text)
		l.GapBefore = len(out) == 0 && gap
		out = append(out, l)
	}
	return out
}
