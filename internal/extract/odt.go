package extract

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
)

func (e *Extractor) odt(data []byte) (Document, error) {
	z, err := e.openZip(data, "ODT document")
	if err != nil {
		return Document{}, err
	}
	if z.files["content.xml"] == nil {
		return Document{}, refuse(CodeMalformedFile, "the ODT document has no content part")
	}
	st := odtStyles{}
	// content.xml is streamed twice: once for its automatic styles (which
	// precede the body; the walk stops there) and once for the text.
	for _, name := range []string{"styles.xml", "content.xml"} {
		rc, err := z.open(name)
		if err != nil {
			return Document{}, err
		}
		if rc == nil {
			continue
		}
		err = st.parse(rc)
		rc.Close()
		if err != nil {
			return Document{}, err
		}
	}
	var links linkSet
	var head, body, foot []Line
	// The page header and footer (master pages in styles.xml) frame the
	// body as a DOCX's do; a CV set in Writer often puts its contact line
	// there.
	for _, part := range []struct {
		name, region string
		dst          *[]Line
	}{{"styles.xml", "header", &head}, {"content.xml", "body", &body}, {"styles.xml", "footer", &foot}} {
		rc, err := z.open(part.name)
		if err != nil {
			return Document{}, err
		}
		if rc == nil {
			continue
		}
		lines, err := odtLines(rc, e.limits.MaxTextBytes, st, &links, part.region)
		rc.Close()
		if err != nil {
			return Document{}, partError(err, "the ODT document's text is not well-formed XML")
		}
		*part.dst = lines
	}
	lines := append(dedupeFrame(head, body), body...)
	lines = append(lines, dedupeFrame(foot, lines)...)
	return Document{Lines: lines, Links: links.list}, nil
}

type odtStyle struct {
	parent  string
	bold    *bool
	size    float64
	heading bool
}

type odtStyles map[string]odtStyle

// parse reads style definitions; it stops at the document body. Damaged
// style XML only loses styles, but a refusal raised by the part reader
// (bomb) is returned.
func (s odtStyles) parse(r io.Reader) error {
	dec := xml.NewDecoder(r)
	var name string
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			var xe *Error
			if errors.As(err, &xe) {
				return xe
			}
			return nil
		}
		if _, ok := tok.(xml.EndElement); ok {
			depth--
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if depth++; depth > maxXMLDepth {
			return refuse(CodeMalformedFile, "the ODT document nests elements more than %d deep", maxXMLDepth)
		}
		switch se.Name.Local {
		case "body":
			return nil
		case "style":
			name = attr(se, "name")
			st := s[name]
			st.parent = attr(se, "parent-style-name")
			lname := strings.ToLower(name + " " + attr(se, "display-name"))
			st.heading = strings.Contains(lname, "heading") || strings.HasPrefix(lname, "title")
			s[name] = st
		case "text-properties":
			if name == "" {
				continue
			}
			st := s[name]
			if w := attr(se, "font-weight"); w != "" {
				b := w == "bold" || w >= "600"
				st.bold = &b
			}
			if fs := attr(se, "font-size"); strings.HasSuffix(fs, "pt") {
				st.size, _ = strconv.ParseFloat(strings.TrimSuffix(fs, "pt"), 64)
			}
			s[name] = st
		}
	}
}

// resolve follows parent styles (bounded, as style chains may loop).
func (s odtStyles) resolve(name string) (bold bool, size float64, heading bool) {
	var boldSet bool
	for i := 0; name != "" && i < 16; i++ {
		st, ok := s[name]
		if !ok {
			break
		}
		if st.bold != nil && !boldSet {
			bold, boldSet = *st.bold, true
		}
		if size == 0 {
			size = st.size
		}
		heading = heading || st.heading
		name = st.parent
	}
	return bold, size, heading
}

type odtPara struct {
	paraText
	heading   bool
	list      bool
	paraBold  bool
	spanBold  []bool
	boldChars int
	textChars int
}

// odtLines walks a part as a stream and keeps the text of one region:
// "body" (office:body in content.xml), "header" or "footer" (a master
// page's style:header, style:footer and their -left and -first variants
// in styles.xml). It stops early, keeping what it has, once the text
// reaches maxText.
func odtLines(r io.Reader, maxText int, styles odtStyles, links *linkSet, region string) ([]Line, error) {
	var (
		listDepth int
		inBody    bool
		inRegion  int // depth inside the region's elements
	)
	regionStart := func(name string) bool {
		if region == "body" {
			return name == "body"
		}
		return name == region || name == region+"-left" || name == region+"-first"
	}
	w := &paraWalk[*odtPara]{
		format: "ODT",
		skip: func(name string) bool {
			return name == "annotation" || name == "tracked-changes" || name == "note-citation"
		},
		closes: func(name string) bool { return name == "p" || name == "h" },
		row:    "table-row",
		cell:   "table-cell",
	}
	w.open = func(t xml.StartElement) (*odtPara, bool) {
		if t.Name.Local != "p" && t.Name.Local != "h" {
			return nil, false
		}
		np := &odtPara{heading: t.Name.Local == "h", list: listDepth > 0}
		b, sz, h := styles.resolve(attr(t, "style-name"))
		np.paraBold, np.size, np.heading = b, sz, np.heading || h
		return np, true
	}
	w.start = func(t xml.StartElement) {
		p := w.cur()
		if regionStart(t.Name.Local) {
			inRegion++
			inBody = true
		}
		switch t.Name.Local {
		case "list-item":
			listDepth++
		case "span":
			if p != nil {
				b, sz, _ := styles.resolve(attr(t, "style-name"))
				if attr(t, "style-name") == "" {
					b = p.paraBold
				}
				p.spanBold = append(p.spanBold, b)
				p.size = max(p.size, sz)
			}
		case "s":
			if p != nil {
				n, err := strconv.Atoi(attr(t, "c"))
				if err != nil || n < 1 {
					n = 1
				}
				p.b.WriteString(strings.Repeat(" ", min(n, 16)))
			}
		case "tab":
			if p != nil {
				p.b.WriteByte('\t')
			}
		case "line-break":
			if p != nil {
				p.lineBreak()
			}
		case "a":
			links.add(attr(t, "href"))
		}
	}
	w.end = func(t xml.EndElement) {
		p := w.cur()
		if regionStart(t.Name.Local) && inRegion > 0 {
			if inRegion--; inRegion == 0 {
				inBody = false
			}
		}
		switch t.Name.Local {
		case "list-item":
			listDepth--
		case "span":
			if p != nil && len(p.spanBold) > 0 {
				p.spanBold = p.spanBold[:len(p.spanBold)-1]
			}
		}
	}
	w.text = func(t xml.CharData) {
		if !inBody {
			return
		}
		p := w.cur()
		p.b.Write(t)
		n := len(bytes.TrimSpace(t))
		p.textChars += n
		bold := p.paraBold
		if len(p.spanBold) > 0 {
			bold = p.spanBold[len(p.spanBold)-1]
		}
		if bold {
			p.boldChars += n
		}
		if p.textChars == n && n > 0 {
			p.firstBold = bold
		}
	}
	return w.lines(r, maxText)
}

func (p *odtPara) lines(prevGap bool) []Line {
	return p.textLines(p.heading, p.list, prevGap || p.heading)
}
