package extract

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestODTPageHeaderFooter checks that an ODT's page header and footer
// (master pages in styles.xml) are read as a DOCX's are: before and after
// the body, once each, and not when they repeat a body line. A CV set in
// Writer often puts its contact line in the page header.
func TestODTPageHeaderFooter(t *testing.T) {
	const ns = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"`
	styles := `<office:document-styles ` + ns + `><office:styles><style:style style:name="Standard"/></office:styles>` +
		`<office:master-styles><style:master-page style:name="Standard">` +
		`<style:header><text:p>Jane Roe · +44 7700 900123 · jane@example.com</text:p></style:header>` +
		`<style:header-first><text:p>Jane Roe · +44 7700 900123 · jane@example.com</text:p></style:header-first>` +
		`<style:footer><text:p>Jane Roe – Curriculum vitae</text:p><text:p>Experience</text:p></style:footer>` +
		`</style:master-page></office:master-styles></office:document-styles>`
	content := `<office:document-content ` + ns + `><office:body><office:text>` +
		`<text:h>Jane Roe</text:h><text:p>Experience</text:p><text:p>Data Engineer, Acme, Leeds</text:p>` +
		`</office:text></office:body></office:document-content>`
	data := zipOf(t, map[string][]byte{
		"mimetype":    []byte("application/vnd.oasis.opendocument.text"),
		"content.xml": []byte(content),
		"styles.xml":  []byte(styles),
	})
	doc, err := newTestExtractor(t, nil).Text(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range doc.Lines {
		got = append(got, l.Text)
	}
	want := []string{"Jane Roe · +44 7700 900123 · jane@example.com", "Jane Roe", "Experience", "Data Engineer, Acme, Leeds", "Jane Roe – Curriculum vitae"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
}
