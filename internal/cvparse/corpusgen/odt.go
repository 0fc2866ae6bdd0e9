package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// odtWriter renders a model as OpenDocument text the way LibreOffice Writer
// saves a CV typed by hand: headings as text:h (outline level 1) or as
// bold paragraphs, dates after a right tab stop, lists or typed bullet
// glyphs, label/value rows on a left tab stop, and a borderless two-column
// table for a sidebar. An ODT is a zip whose first entry is the stored
// mimetype, with content.xml, styles.xml and a manifest.
type odtWriter struct {
	body      strings.Builder
	styledH   bool // headings are text:h, otherwise bold paragraphs
	realLists bool
	capsHeads bool
}

func renderODT(r *rand.Rand, m model) ([]byte, error) {
	w := &odtWriter{styledH: r.IntN(2) == 0, realLists: r.IntN(3) > 0, capsHeads: r.IntN(2) == 0}
	for _, bl := range m.head {
		w.block(bl, "P_tab")
	}
	if len(m.side) == 0 {
		for _, bl := range m.main {
			w.block(bl, "P_tab")
		}
	} else {
		w.body.WriteString(`<table:table table:name="Layout" table:style-name="T_layout"><table:table-column table:style-name="T_side"/><table:table-column table:style-name="T_main"/><table:table-row><table:table-cell office:value-type="string">`)
		for _, bl := range m.side {
			w.block(bl, "P_tab_side")
		}
		w.body.WriteString(`</table:table-cell><table:table-cell office:value-type="string">`)
		for _, bl := range m.main {
			w.block(bl, "P_tab_main")
		}
		w.body.WriteString(`</table:table-cell></table:table-row></table:table><text:p/>`)
	}
	if m.footer != "" {
		w.block(block{kind: "line", left: footerText(m.footer, 1)}, "P_tab")
	}
	return w.pack()
}

func odtSpan(text string, style string) string {
	if style == "" {
		return odtText(text)
	}
	return fmt.Sprintf(`<text:span text:style-name="%s">%s</text:span>`, style, odtText(text))
}

// odtText escapes text and writes runs of spaces as text:s, as Writer does.
func odtText(s string) string {
	e := xmlEsc(s)
	for strings.Contains(e, "  ") {
		e = strings.Replace(e, "  ", ` <text:s/>`, 1)
	}
	return e
}

// linked wraps URLs of a contact line in text:a, as Writer does on typing.
func (w *odtWriter) linked(text string) string {
	var b strings.Builder
	last := 0
	for _, loc := range reLinkish.FindAllStringIndex(text, -1) {
		b.WriteString(odtText(text[last:loc[0]]))
		u := text[loc[0]:loc[1]]
		target := u
		if !strings.HasPrefix(u, "http") {
			target = "https://" + u
		}
		fmt.Fprintf(&b, `<text:a xlink:type="simple" xlink:href="%s">%s</text:a>`, xmlEsc(target), odtText(u))
		last = loc[1]
	}
	b.WriteString(odtText(text[last:]))
	return b.String()
}

func (w *odtWriter) para(style, inner string) {
	if style == "" {
		fmt.Fprintf(&w.body, `<text:p>%s</text:p>`, inner)
		return
	}
	fmt.Fprintf(&w.body, `<text:p text:style-name="%s">%s</text:p>`, style, inner)
}

func (w *odtWriter) block(bl block, tabStyle string) {
	switch bl.kind {
	case "name":
		w.para("P_name", odtText(bl.left))
	case "line":
		w.para("", w.linked(bl.left))
	case "heading":
		text := bl.left
		if w.capsHeads {
			text = strings.ToUpper(text)
		}
		if w.styledH {
			fmt.Fprintf(&w.body, `<text:h text:style-name="Heading_20_1" text:outline-level="1">%s</text:h>`, odtText(text))
		} else {
			w.para("P_head", odtText(text))
		}
	case "row":
		style := ""
		switch {
		case bl.bold:
			style = "T_bold"
		case bl.italic:
			style = "T_italic"
		}
		inner := odtSpan(bl.left, style)
		if bl.right != "" {
			inner += `<text:tab/>` + odtText(bl.right)
		}
		w.para(tabStyle, inner)
	case "kv":
		w.para("P_kv", odtSpan(bl.left, "T_bold")+`<text:tab/>`+w.linked(bl.right))
	case "para":
		w.para("", odtText(bl.left))
	case "bullets":
		if w.realLists {
			w.body.WriteString(`<text:list text:style-name="L_bullet">`)
			for _, it := range bl.items {
				w.body.WriteString(`<text:list-item>`)
				w.para("P_list", odtText(it))
				w.body.WriteString(`</text:list-item>`)
			}
			w.body.WriteString(`</text:list>`)
			return
		}
		for _, it := range bl.items {
			w.para("P_list", odtText("•\u00a0"+it))
		}
	}
}

const odtNS = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3"`

// tabStop is a paragraph style with one tab stop at pos (cm).
func tabStop(name, kind, pos string) string {
	return fmt.Sprintf(`<style:style style:name="%s" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties><style:tab-stops><style:tab-stop style:position="%s" style:type="%s"/></style:tab-stops></style:paragraph-properties></style:style>`, name, pos, kind)
}

var odtAutoStyles = `<office:automatic-styles>` +
	`<style:style style:name="P_name" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="18pt" fo:font-weight="bold"/></style:style>` +
	`<style:style style:name="P_head" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.1cm"/><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>` +
	tabStop("P_tab", "right", "17cm") + tabStop("P_tab_side", "right", "5.1cm") + tabStop("P_tab_main", "right", "11.1cm") +
	tabStop("P_kv", "left", "4cm") +
	`<style:style style:name="P_list" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="0.5cm"/></style:style>` +
	`<style:style style:name="T_bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>` +
	`<style:style style:name="T_italic" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>` +
	`<style:style style:name="T_layout" style:family="table"><style:table-properties style:width="17cm" table:align="left"/></style:style>` +
	`<style:style style:name="T_side" style:family="table-column"><style:table-column-properties style:column-width="5.5cm"/></style:style>` +
	`<style:style style:name="T_main" style:family="table-column"><style:table-column-properties style:column-width="11.5cm"/></style:style>` +
	`<text:list-style style:name="L_bullet"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.4cm" fo:margin-left="0.8cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>` +
	`</office:automatic-styles>`

const odtStylesXML = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ` + odtNS + `><office:styles>` +
	`<style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Sans" fo:font-size="10pt"/></style:default-style>` +
	`<style:style style:name="Standard" style:family="paragraph" style:class="text"/>` +
	`<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1" style:class="text"><style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.14cm"/><style:text-properties fo:font-size="13pt" fo:font-weight="bold" fo:color="#1f4e79"/></style:style>` +
	`</office:styles></office:document-styles>`

const odtManifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`

func (w *odtWriter) pack() ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	stamp := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	content := `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ` + odtNS + `>` + odtAutoStyles + `<office:body><office:text>` + w.body.String() + `</office:text></office:body></office:document-content>`
	files := []struct {
		name, body string
		method     uint16
	}{
		// The mimetype comes first and uncompressed, so tools can sniff it.
		{"mimetype", "application/vnd.oasis.opendocument.text", zip.Store},
		{"META-INF/manifest.xml", odtManifest, zip.Deflate},
		{"styles.xml", odtStylesXML, zip.Deflate},
		{"content.xml", content, zip.Deflate},
	}
	for _, f := range files {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: f.method, Modified: stamp})
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
