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
			lines, err := docxLines(rc, e.limits.MaxTextBytes, st, parseRels(rels), &links)
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
	size                float64
}

func parseDocxStyles(data []byte) map[string]docxStyle {
	out := map[string]docxStyle{}
	if len(data) == 0 {
		return out
	}
	var doc struct {
		Styles []struct {
			ID   string `xml:"styleId,attr"`
			Name struct {
				Val string `xml:"val,attr"`
			} `xml:"name"`
			RPr struct {
				B  *onOff `xml:"b"`
				Sz *struct {
					Val string `xml:"val,attr"`
				} `xml:"sz"`
			} `xml:"rPr"`
			PPr struct {
				NumPr *struct{} `xml:"numPr"`
			} `xml:"pPr"`
		} `xml:"style"`
	}
	if xml.Unmarshal(data, &doc) != nil {
		return out
	}
	for _, s := range doc.Styles {
		name := strings.ToLower(s.Name.Val)
		ds := docxStyle{
			heading: strings.HasPrefix(name, "heading") || name == "title" || strings.HasPrefix(name, "titre"),
			bold:    s.RPr.B != nil && s.RPr.B.on(),
			list:    s.PPr.NumPr != nil || strings.HasPrefix(name, "list bullet") || strings.HasPrefix(name, "list number"),
		}
		if s.RPr.Sz != nil {
			v, _ := strconv.ParseFloat(s.RPr.Sz.Val, 64)
			ds.size = v / 2
		}
		out[s.ID] = ds
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
	style     docxStyle
	list      bool
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
func docxLines(r io.Reader, maxText int, styles map[string]docxStyle, rels map[string]string, links *linkSet) ([]Line, error) {
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
		return &docxPara{}, true
	}
	w.start = func(t xml.StartElement) {
		p := w.cur()
		switch t.Name.Local {
		case "pStyle":
			if p != nil {
				p.style = styles[attr(t, "val")]
				p.list = p.list || p.style.list
			}
		case "numPr":
			if p != nil {
				p.list = true
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
		case "tab":
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
	return p.textLines(p.style.heading, p.list, prevGap || p.spaced || p.style.heading)
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
