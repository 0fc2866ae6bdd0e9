package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tableDocs are the same table in DOCX and ODT: rows of cells, each cell
// of paragraphs.
func tableDocs(t *testing.T, rows [][][]string) map[string][]byte {
	t.Helper()
	var dx, od strings.Builder
	dx.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Jane Roe</w:t></w:r></w:p><w:tbl>`)
	od.WriteString(`<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:text><text:p>Jane Roe</text:p><table:table>`)
	for _, r := range rows {
		dx.WriteString("<w:tr>")
		od.WriteString("<table:table-row>")
		for _, c := range r {
			dx.WriteString("<w:tc>")
			od.WriteString("<table:table-cell>")
			for _, p := range c {
				dx.WriteString("<w:p><w:r><w:t>" + p + "</w:t></w:r></w:p>")
				od.WriteString("<text:p>" + p + "</text:p>")
			}
			if len(c) == 0 {
				dx.WriteString("<w:p/>")
				od.WriteString("<text:p/>")
			}
			dx.WriteString("</w:tc>")
			od.WriteString("</table:table-cell>")
		}
		dx.WriteString("</w:tr>")
		od.WriteString("</table:table-row>")
	}
	dx.WriteString(`</w:tbl></w:body></w:document>`)
	od.WriteString(`</table:table></office:text></office:body></office:document-content>`)
	return map[string][]byte{
		"docx": zipOf(t, map[string][]byte{"[Content_Types].xml": []byte("<Types/>"), "word/document.xml": []byte(dx.String())}),
		"odt":  zipOf(t, map[string][]byte{"mimetype": []byte("application/vnd.oasis.opendocument.text"), "content.xml": []byte(od.String())}),
	}
}

func TestTableRowsReadAcross(t *testing.T) {
	rows := [][][]string{
		{{"Occupation or position held"}, {"Senior Quality Engineer"}},
		{{"Dates"}, {"03.2021 - present"}},
		{{"English"}, {"C1"}, {"B2"}, {"C1"}},
		{{"Photo"}, {}},
		{{"Main activities"}, {"Design verification", "Supplier audits"}},
		// A page laid out as a table: a sidebar cell beside the main column.
		{{"CONTACT", "jane@example.com", "SKILLS", "Go"}, {"EXPERIENCE", "Staff Engineer, Acme"}},
	}
	want := []string{"Jane Roe", "Occupation or position held\tSenior Quality Engineer", "Dates\t03.2021 - present",
		"English\tC1\tB2\tC1", "Photo", "Main activities\tDesign verification", "Supplier audits",
		"CONTACT", "jane@example.com", "SKILLS", "Go", "EXPERIENCE", "Staff Engineer, Acme"}
	e := newTestExtractor(t, nil)
	for kind, data := range tableDocs(t, rows) {
		doc, err := e.Text(context.Background(), data)
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		var got []string
		for _, l := range doc.Lines {
			got = append(got, l.Text)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s lines (-want +got):\n%s", kind, diff)
		}
	}
}

func TestTextBoxAfterItsAnchor(t *testing.T) {
	// A word processor anchors a sidebar's frame in a paragraph (here the
	// name's); the frame's paragraphs close first but are read after the
	// anchor's own text.
	docx := `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		`<w:p><w:r><w:t>Jane Roe</w:t></w:r><w:r><w:drawing><w:txbxContent>` +
		`<w:p><w:r><w:t>CONTACT</w:t></w:r></w:p><w:p><w:r><w:t>jane@example.com</w:t></w:r></w:p>` +
		`</w:txbxContent></w:drawing></w:r></w:p><w:p><w:r><w:t>EXPERIENCE</w:t></w:r></w:p></w:body></w:document>`
	odt := `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"><office:body><office:text>` +
		`<text:p>Jane Roe<draw:frame><draw:text-box><text:p>CONTACT</text:p><text:p>jane@example.com</text:p></draw:text-box></draw:frame></text:p>` +
		`<text:p>EXPERIENCE</text:p></office:text></office:body></office:document-content>`
	docs := map[string][]byte{
		"docx": zipOf(t, map[string][]byte{"[Content_Types].xml": []byte("<Types/>"), "word/document.xml": []byte(docx)}),
		"odt":  zipOf(t, map[string][]byte{"mimetype": []byte("application/vnd.oasis.opendocument.text"), "content.xml": []byte(odt)}),
	}
	e := newTestExtractor(t, nil)
	for kind, data := range docs {
		doc, err := e.Text(context.Background(), data)
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		var got []string
		for _, l := range doc.Lines {
			got = append(got, l.Text)
		}
		if diff := cmp.Diff([]string{"Jane Roe", "CONTACT", "jane@example.com", "EXPERIENCE"}, got); diff != "" {
			t.Errorf("%s lines (-want +got):\n%s", kind, diff)
		}
	}
}
