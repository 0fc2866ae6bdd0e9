package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"time"
)

// docxWriter renders a model as WordprocessingML the way Word templates do:
// heading styles or bold paragraphs, right tab stops for dates, real list
// numbering or typed bullet glyphs, a borderless table for two columns.
type docxWriter struct {
	body      strings.Builder
	rels      []string
	styled    bool // headings use Heading1, name uses Title
	realLists bool
	capsHeads bool
	linkRe    *regexp.Regexp
}

const docxRightTab = 9638

var reLinkish = regexp.MustCompile(`(https?://\S+|(?:www\.)?(?:linkedin|github)\.com/\S+|\S+\.(?:dev|io)\b)`)

func renderDOCX(r *rand.Rand, m model) ([]byte, error) {
	w := &docxWriter{styled: r.IntN(2) == 0, realLists: r.IntN(3) > 0, capsHeads: r.IntN(2) == 0, linkRe: reLinkish}
	for _, bl := range m.head {
		w.block(bl, docxRightTab)
	}
	if len(m.side) == 0 {
		for _, bl := range m.main {
			w.block(bl, docxRightTab)
		}
	} else {
		w.body.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="9638" w:type="dxa"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid><w:gridCol w:w="3100"/><w:gridCol w:w="6538"/></w:tblGrid><w:tr>`)
		w.body.WriteString(`<w:tc><w:tcPr><w:tcW w:w="3100" w:type="dxa"/></w:tcPr>`)
		for _, bl := range m.side {
			w.block(bl, 2900)
		}
		w.body.WriteString(`</w:tc><w:tc><w:tcPr><w:tcW w:w="6538" w:type="dxa"/></w:tcPr>`)
		for _, bl := range m.main {
			w.block(bl, 6300)
		}
		w.body.WriteString(`</w:tc></w:tr></w:tbl><w:p/>`)
	}
	if m.footer != "" {
		w.block(block{kind: "line", left: footerText(m.footer, 1)}, docxRightTab)
	}
	return w.pack()
}

func xmlEsc(s string) string {
	var b bytes.Buffer
	_ = xmlEscapeText(&b, s)
	return b.String()
}

func xmlEscapeText(b *bytes.Buffer, s string) error {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	_, err := b.WriteString(r.Replace(s))
	return err
}

func run(text string, bold, italic bool, size int) string {
	var rpr strings.Builder
	if bold {
		rpr.WriteString(`<w:b/>`)
	}
	if italic {
		rpr.WriteString(`<w:i/>`)
	}
	if size > 0 {
		fmt.Fprintf(&rpr, `<w:sz w:val="%d"/>`, size)
	}
	return fmt.Sprintf(`<w:r><w:rPr>%s</w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, rpr.String(), xmlEsc(text))
}

// linked wraps URLs of a contact line in hyperlinks, as Word does on typing.
func (w *docxWriter) linked(text string) string {
	var b strings.Builder
	last := 0
	for _, loc := range w.linkRe.FindAllStringIndex(text, -1) {
		b.WriteString(run(text[last:loc[0]], false, false, 0))
		u := text[loc[0]:loc[1]]
		target := u
		if !strings.HasPrefix(u, "http") {
			target = "https://" + u
		}
		id := fmt.Sprintf("rIdL%d", len(w.rels)+1)
		w.rels = append(w.rels, fmt.Sprintf(`<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="%s" TargetMode="External"/>`, id, xmlEsc(target)))
		fmt.Fprintf(&b, `<w:hyperlink r:id="%s">%s</w:hyperlink>`, id, run(u, false, false, 0))
		last = loc[1]
	}
	b.WriteString(run(text[last:], false, false, 0))
	return b.String()
}

func (w *docxWriter) para(ppr, runs string) {
	fmt.Fprintf(&w.body, `<w:p><w:pPr>%s</w:pPr>%s</w:p>`, ppr, runs)
}

func (w *docxWriter) block(bl block, tab int) {
	tabs := fmt.Sprintf(`<w:tabs><w:tab w:val="right" w:pos="%d"/></w:tabs>`, tab)
	switch bl.kind {
	case "name":
		if w.styled {
			w.para(`<w:pStyle w:val="Title"/>`, run(bl.left, false, false, 0))
		} else {
			w.para(``, run(bl.left, true, false, 36))
		}
	case "line":
		w.para(``, w.linked(bl.left))
	case "heading":
		text := bl.left
		if w.capsHeads {
			text = strings.ToUpper(text)
		}
		if w.styled {
			w.para(`<w:pStyle w:val="Heading1"/>`, run(text, false, false, 0))
		} else {
			w.para(`<w:spacing w:before="240" w:after="60"/>`, run(text, true, false, 26))
		}
	case "row":
		runs := run(bl.left, bl.bold, bl.italic, 0)
		if bl.right != "" {
			runs += `<w:r><w:tab/></w:r>` + run(bl.right, false, false, 0)
		}
		w.para(tabs, runs)
	case "kv":
		// Label/value rows as Word users type them: a left tab stop.
		w.para(`<w:tabs><w:tab w:val="left" w:pos="2268"/></w:tabs>`,
			run(bl.left, true, false, 0)+`<w:r><w:tab/></w:r>`+w.linked(bl.right))
	case "para":
		w.para(``, run(bl.left, false, false, 0))
	case "bullets":
		for _, it := range bl.items {
			if w.realLists {
				w.para(`<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`, run(it, false, false, 0))
			} else {
				w.para(`<w:ind w:left="284" w:hanging="284"/>`, run("•\u00a0"+it, false, false, 0))
			}
		}
	}
}

const docxStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans" w:cs="Liberation Sans"/><w:sz w:val="20"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="40"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="40"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="1F4E79"/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="360"/></w:pPr></w:style>
</w:styles>`

const docxNumbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>`

func (w *docxWriter) pack() ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	stamp := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	files := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` + strings.Join(w.rels, "") + `</Relationships>`},
		{"word/styles.xml", docxStyles},
		{"word/numbering.xml", docxNumbering},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` + w.body.String() + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>`},
	}
	for _, f := range files {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return nil, err
		}
		if _, err := fw.Write([]byte(f.body)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
