package extract

import (
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strconv"
	"strings"
)

func (e *Extractor) docx(data []byte) (Document, error) {
	z, err := e.openZip(data, "DOCX document")
	if err != nil {
		return Document{}, err
	}
	styles, err := z.read("word/styles.xml")
	if err != nil {
		return Document{}, err
	}
	st := parseDocxStyles(styles)
	numbering, err := z.read("word/numbering.xml")
	if err != nil {
		return Document{}, err
	}
	marks := parseDocxNumbering(numbering)
	var links linkSet
	var frame, body, foot []Line
	for _, part := range []struct {
		prefix string
		dst    *[]Line
	}{{"word/header", &frame}, {"word/document", &body}, {"word/footer", &foot}} {
		for _, name := range z.names(part.prefix, ".xml") {
			if strings.Contains(name[len(part.prefix):], "/") {
				continue
			}
			rels, err := z.read("word/_rels/" + name[len("word/"):] + ".rels")
			if err != nil {
				return Document{}, err
			}
			rc, err := z.open(name)
			if err != nil {
				return Document{}, err
			}
			lines, err := docxLines(rc, e.limits.MaxTextBytes, docxLook{st, marks}, parseRels(rels), &links)
			rc.Close()
			if err != nil {
				return Document{}, partError(err, "the DOCX document's text is not well-formed XML")
			}
			*part.dst = append(*part.dst, lines...)
		}
	}
	lines := append(dedupeFrame(frame, body), body...)
	lines = append(lines, dedupeFrame(foot, lines)...)
	return Document{Lines: lines, Links: links.list}, nil
}

type docxStyle struct {
	heading, bold, list bool
	// boldSet says the style's chain sets bold one way or the other (a
	// character style applies only what it sets).
	boldSet bool
	size    float64
	// num is the numbering the style attaches to its paragraphs, if any.
	num docxNum
}

// docxNum is a paragraph's numbering reference: which list, which level.
type docxNum struct {
	id, level string
}

// docxLook is what a part's paragraphs look like beyond their own XML:
// their styles and the numberings they refer to.
type docxLook struct {
	styles map[string]docxStyle
	marks  docxMarks
}

// docxMarks says, for each numbering and level the document defines,
// whether it draws a mark (bullet, number) before the paragraph.
type docxMarks map[docxNum]bool

// marked says whether a paragraph numbered n shows a mark. numId 0 takes
// numbering off; a numbering the document does not define is taken at its
// word, as the list it says it is.
func (m docxMarks) marked(n docxNum) bool {
	if n.id == "0" {
		return false
	}
	if n.level == "" {
		n.level = "0"
	}
	shown, ok := m[n]
	return shown || !ok
}

// parseDocxNumbering reads word/numbering.xml: a level whose format is
// "none" with no text draws nothing. LibreOffice attaches such a
// numbering (its chapter outline) to every Heading style, so without this
// every heading it saves would read as a bullet.
func parseDocxNumbering(data []byte) docxMarks {
	out := docxMarks{}
	if len(data) == 0 {
		return out
	}
	type val struct {
		Val string `xml:"val,attr"`
	}
	var doc struct {
		Abstract []struct {
			ID     string `xml:"abstractNumId,attr"`
			Levels []struct {
				Level  string `xml:"ilvl,attr"`
				Format *val   `xml:"numFmt"`
				Text   *val   `xml:"lvlText"`
			} `xml:"lvl"`
		} `xml:"abstractNum"`
		Nums []struct {
			ID       string `xml:"numId,attr"`
			Abstract val    `xml:"abstractNumId"`
		} `xml:"num"`
	}
	if xml.Unmarshal(data, &doc) != nil {
		return out
	}
	levels := map[string]map[string]bool{}
	for _, a := range doc.Abstract {
		lv := map[string]bool{}
		for _, l := range a.Levels {
			lv[l.Level] = l.Format == nil || l.Format.Val != "none" || l.Text != nil && l.Text.Val != ""
		}
		levels[a.ID] = lv
	}
	for _, n := range doc.Nums {
		for level, shown := range levels[n.Abstract.Val] {
			out[docxNum{n.ID, level}] = shown
		}
	}
	return out
}

// parseDocxStyles reads word/styles.xml. A style gets what it does not set
// itself (bold, size, numbering) from the style it is based on, and the
// size from the document's defaults last: a word processor declares the
// body's size once, on "Normal" or in docDefaults, and most paragraphs and
// runs say nothing of it. The paragraph style marked default is also kept
// under the empty id, for paragraphs that name none.
func parseDocxStyles(data []byte) map[string]docxStyle {
	out := map[string]docxStyle{}
	if len(data) == 0 {
		return out
	}
	type val struct {
		Val string `xml:"val,attr"`
	}
	type rPr struct {
		B  *onOff `xml:"b"`
		Sz *val   `xml:"sz"`
	}
	type raw struct {
		ID      string `xml:"styleId,attr"`
		Type    string `xml:"type,attr"`
		Default string `xml:"default,attr"`
		Name    val    `xml:"name"`
		BasedOn *val   `xml:"basedOn"`
		RPr     rPr    `xml:"rPr"`
		PPr     struct {
			NumPr *struct {
				Level val `xml:"ilvl"`
				ID    val `xml:"numId"`
			} `xml:"numPr"`
		} `xml:"pPr"`
	}
	var doc struct {
		Defaults struct {
			RPr rPr `xml:"rPrDefault>rPr"`
		} `xml:"docDefaults"`
		Styles []raw `xml:"style"`
	}
	if xml.Unmarshal(data, &doc) != nil {
		return out
	}
	halfPoints := func(v *val) float64 {
		if v == nil {
			return 0
		}
		f, _ := strconv.ParseFloat(v.Val, 64)
		return f / 2
	}
	byID := make(map[string]raw, len(doc.Styles))
	for _, s := range doc.Styles {
		byID[s.ID] = s
	}
	for _, s := range doc.Styles {
		name := strings.ToLower(s.Name.Val)
		ds := docxStyle{
			heading: strings.HasPrefix(name, "heading") || name == "title" || strings.HasPrefix(name, "titre"),
			list:    strings.HasPrefix(name, "list bullet") || strings.HasPrefix(name, "list number"),
		}
		var numSet bool
		// Style chains may loop: follow a bounded number of links.
		for at, i := s, 0; i < 16; i++ {
			if at.RPr.B != nil && !ds.boldSet {
				ds.bold, ds.boldSet = at.RPr.B.on(), true
			}
			if ds.size == 0 {
				ds.size = halfPoints(at.RPr.Sz)
			}
			if n := at.PPr.NumPr; n != nil && !numSet {
				ds.num, numSet = docxNum{n.ID.Val, n.Level.Val}, true
			}
			if at.BasedOn == nil {
				break
			}
			next, ok := byID[at.BasedOn.Val]
			if !ok {
				break
			}
			at = next
		}
		if ds.size == 0 {
			ds.size = halfPoints(doc.Defaults.RPr.Sz)
		}
		out[s.ID] = ds
		if s.Type == "paragraph" && (&onOff{Val: s.Default}).on() && s.Default != "" {
			out[""] = ds
		}
	}
	if _, ok := out[""]; !ok {
		out[""] = docxStyle{size: halfPoints(doc.Defaults.RPr.Sz)}
	}
	return out
}

type onOff struct {
	Val string `xml:"val,attr"`
}

func (o *onOff) on() bool { return o.Val == "" || o.Val == "1" || o.Val == "true" || o.Val == "on" }

func parseRels(data []byte) map[string]string {
	out := map[string]string{}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if len(data) == 0 || xml.Unmarshal(data, &rels) != nil {
		return out
	}
	for _, r := range rels.Rel {
		if r.Mode == "External" {
			out[r.ID] = r.Target
		}
	}
	return out
}

var reHyperlinkField = regexp.MustCompile(`HYPERLINK\s+"([^"]+)"`)

// docxPara accumulates one paragraph; paragraphs nest (text boxes sit inside
// a run of their anchor paragraph), so the walker keeps a stack.
type docxPara struct {
	paraText
	style docxStyle
	// num is the paragraph's own numbering (numPr), which overrides its
	// style's; numbered says it has one.
	num       docxNum
	numbered  bool
	marks     docxMarks
	spaced    bool
	boldRuns  int
	textRuns  int
	runBold   bool
	runSize   float64
	inRun     bool
	runHasTxt bool
}

// docxLines walks one part's XML as a stream; it stops early, keeping what
// it has, once the text reaches maxText.
func docxLines(r io.Reader, maxText int, look docxLook, rels map[string]string, links *linkSet) ([]Line, error) {
	var inText, inInstr bool
	w := &paraWalk[*docxPara]{
		format: "DOCX",
		// mc:Fallback's content duplicates mc:Choice.
		skip:   func(name string) bool { return name == "Fallback" },
		closes: func(name string) bool { return name == "p" },
		row:    "tr",
		cell:   "tc",
	}
	w.open = func(t xml.StartElement) (*docxPara, bool) {
		if t.Name.Local != "p" {
			return nil, false
		}
		return &docxPara{style: look.styles[""], marks: look.marks}, true
	}
	w.start = func(t xml.StartElement) {
		p := w.cur()
		switch t.Name.Local {
		case "pStyle":
			if p != nil {
				p.style = look.styles[attr(t, "val")]
			}
		case "numPr":
			if p != nil {
				p.numbered = true
			}
		case "numId":
			if p != nil {
				p.num.id = attr(t, "val")
			}
		case "ilvl":
			if p != nil {
				p.num.level = attr(t, "val")
			}
		case "spacing":
			if p != nil {
				before, _ := strconv.Atoi(attr(t, "before"))
				p.spaced = before >= 120
			}
		case "r":
			if p != nil {
				p.inRun, p.runBold, p.runSize, p.runHasTxt = true, p.style.bold, p.style.size, false
			}
		case "rStyle":
			// "Strong": a character style that makes the run bold.
			if st, ok := look.styles[attr(t, "val")]; p != nil && p.inRun && ok && st.boldSet {
				p.runBold = st.bold
			}
		case "b":
			if p != nil && p.inRun {
				p.runBold = (&onOff{Val: attr(t, "val")}).on()
			}
		case "sz":
			if p != nil && p.inRun {
				v, _ := strconv.ParseFloat(attr(t, "val"), 64)
				p.runSize = v / 2
			}
		case "t":
			inText = true
		case "instrText":
			inInstr = true
		case "tab", "ptab": // ptab: Word's alignment tab, dates set against the margin
			if p != nil && p.inRun {
				p.b.WriteByte('\t')
			}
		case "br", "cr":
			if p != nil && attr(t, "type") != "page" {
				p.lineBreak()
			}
		case "noBreakHyphen":
			if p != nil {
				p.b.WriteByte('-')
			}
		case "hyperlink":
			if target := rels[attr(t, "id")]; target != "" {
				links.add(target)
			}
		case "fldSimple":
			if m := reHyperlinkField.FindStringSubmatch(attr(t, "instr")); m != nil {
				links.add(m[1])
			}
		}
	}
	w.end = func(t xml.EndElement) {
		p := w.cur()
		switch t.Name.Local {
		case "t":
			inText = false
		case "instrText":
			inInstr = false
		case "r":
			if p != nil {
				p.inRun = false
				if p.runHasTxt {
					if p.textRuns == 0 {
						p.firstBold = p.runBold
					}
					p.textRuns++
					if p.runBold {
						p.boldRuns++
					}
					p.size = max(p.size, p.runSize)
				}
			}
		}
	}
	w.text = func(t xml.CharData) {
		p := w.cur()
		if inInstr {
			if m := reHyperlinkField.FindSubmatch(t); m != nil {
				links.add(string(m[1]))
			}
			return
		}
		if inText {
			p.b.Write(t)
			if len(bytes.TrimSpace(t)) > 0 {
				p.runHasTxt = true
			}
		}
	}
	return w.lines(r, maxText)
}

func (p *docxPara) lines(prevGap bool) []Line {
	list := p.style.list
	switch {
	case p.numbered:
		list = list && p.num.id != "0" || p.marks.marked(p.num)
	case p.style.num.id != "":
		list = list || p.marks.marked(p.style.num)
	}
	return p.textLines(p.style.heading, list, prevGap || p.spaced || p.style.heading)
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
