package extract

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDocxNumberingWithoutMark checks that a paragraph numbered by a list
// whose level shows no mark is no bullet. LibreOffice writes its heading
// outline as a numbering of format "none" attached to the Heading styles:
// the headings of every DOCX it saves carry a numPr, and a reader who sees
// them shows plain headings.
func TestDocxNumberingWithoutMark(t *testing.T) {
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	styles := `<w:styles ` + ns + `>` +
		`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="Heading 1"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Puce"><w:name w:val="Puce"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Plain"><w:name w:val="Plain"/></w:style>` +
		`</w:styles>`
	numbering := `<w:numbering ` + ns + `>` +
		`<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:numFmt w:val="none"/><w:lvlText w:val=""/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>` +
		`<w:num w:numId="2"><w:abstractNumId w:val="8"/></w:num>` +
		`</w:numbering>`
	para := func(ppr, text string) string {
		return `<w:p><w:pPr>` + ppr + `</w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
	}
	doc := `<w:document ` + ns + `><w:body>` +
		para(`<w:pStyle w:val="Heading1"/>`, "WORK EXPERIENCE") +
		para(`<w:pStyle w:val="Puce"/>`, "Led a team of six") +
		para(`<w:pStyle w:val="Plain"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>`, "Cut costs by 10%") +
		para(`<w:pStyle w:val="Plain"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`, "FORMATION") +
		para(`<w:pStyle w:val="Plain"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>`, "Master de droit") +
		// numId 0 takes a style's numbering off the paragraph.
		para(`<w:pStyle w:val="Puce"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>`, "Acme Ltd, Leeds") +
		// A numbering the document does not define is taken at its word.
		para(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr>`, "Kept as a bullet") +
		`</w:body></w:document>`
	data := zipOf(t, map[string][]byte{
		"[Content_Types].xml": []byte("<Types/>"),
		"word/document.xml":   []byte(doc),
		"word/styles.xml":     []byte(styles),
		"word/numbering.xml":  []byte(numbering),
	})
	got, err := newTestExtractor(t, nil).Text(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Text            string
		Heading, Bullet bool
	}
	var rows []row
	for _, l := range got.Lines {
		rows = append(rows, row{l.Text, l.Heading, l.Bullet})
	}
	want := []row{
		{"WORK EXPERIENCE", true, false},
		{"Led a team of six", false, true},
		{"Cut costs by 10%", false, true},
		{"FORMATION", false, false},
		{"Master de droit", false, true},
		{"Acme Ltd, Leeds", false, false},
		{"Kept as a bullet", false, true},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
}

// TestDocxStyleInheritance checks that a paragraph's size and weight come
// from its style's chain (basedOn) and the document's defaults when its
// runs say nothing: a word processor declares the body's size once, and a
// CV whose lines all read as size 0 has no "bigger" name or heading.
func TestDocxStyleInheritance(t *testing.T) {
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	styles := `<w:styles ` + ns + `>` +
		`<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="20"/></w:rPr></w:rPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:sz w:val="21"/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Poste"><w:name w:val="Poste"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Dates"><w:name w:val="Dates"/><w:basedOn w:val="Poste"/><w:rPr><w:b w:val="0"/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Name"><w:name w:val="Name"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="44"/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Bare"><w:name w:val="Bare"/></w:style>` +
		`</w:styles>`
	para := func(style, text string) string {
		ppr := ""
		if style != "" {
			ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
		}
		return `<w:p>` + ppr + `<w:r><w:t>` + text + `</w:t></w:r></w:p>`
	}
	doc := `<w:document ` + ns + `><w:body>` +
		para("Name", "Jane Roe") + para("", "Lyon, France") + para("Poste", "Data Engineer") +
		para("Dates", "2019 – 2023") + para("Loop", "Acme") + para("Bare", "Go, SQL") +
		`<w:p><w:pPr><w:pStyle w:val="Poste"/></w:pPr><w:r><w:rPr><w:sz w:val="30"/></w:rPr><w:t>Big</w:t></w:r></w:p>` +
		`</w:body></w:document>`
	data := zipOf(t, map[string][]byte{
		"[Content_Types].xml": []byte("<Types/>"),
		"word/document.xml":   []byte(doc),
		"word/styles.xml":     []byte(styles),
	})
	got, err := newTestExtractor(t, nil).Text(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Text string
		Size float64
		Bold bool
	}
	var rows []row
	for _, l := range got.Lines {
		rows = append(rows, row{l.Text, l.Size, l.Bold})
	}
	want := []row{
		{"Jane Roe", 22, false},
		{"Lyon, France", 10.5, false},
		{"Data Engineer", 10.5, true},
		{"2019 – 2023", 10.5, false},
		{"Acme", 10, false},
		{"Go, SQL", 10, false},
		{"Big", 15, true},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
}

// TestDocxCharacterStyleBold checks that a run made bold by a character
// style ("Strong", "StrongEmphasis" in LibreOffice) reads as bold, as one
// with its own <w:b/> does; a direct <w:b w:val="0"/> still wins.
func TestDocxCharacterStyleBold(t *testing.T) {
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	styles := `<w:styles ` + ns + `>` +
		`<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>` +
		`<w:style w:type="character" w:styleId="Emph"><w:name w:val="Emphasis"/><w:rPr><w:i/></w:rPr></w:style>` +
		`</w:styles>`
	run := func(rpr, text string) string { return `<w:r><w:rPr>` + rpr + `</w:rPr><w:t>` + text + `</w:t></w:r>` }
	doc := `<w:document ` + ns + `><w:body>` +
		`<w:p>` + run(`<w:rStyle w:val="Strong"/>`, "Data Engineer") + `</w:p>` +
		`<w:p>` + run(`<w:rStyle w:val="Emph"/>`, "Acme, Leeds") + `</w:p>` +
		`<w:p>` + run(`<w:rStyle w:val="Strong"/><w:b w:val="0"/>`, "2019 – 2023") + `</w:p>` +
		`</w:body></w:document>`
	data := zipOf(t, map[string][]byte{
		"[Content_Types].xml": []byte("<Types/>"),
		"word/document.xml":   []byte(doc),
		"word/styles.xml":     []byte(styles),
	})
	got, err := newTestExtractor(t, nil).Text(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	var bold []bool
	for _, l := range got.Lines {
		bold = append(bold, l.Bold)
	}
	if diff := cmp.Diff([]bool{true, false, false}, bold); diff != "" {
		t.Errorf("bold (-want +got):\n%s", diff)
	}
}

// TestDocxPositionalTab checks that Word's alignment tab (w:ptab, which
// sets dates against the right margin without a tab stop) separates like
// a tab: "Data Engineer<ptab>2019 – 2023" is two cells, not one word.
func TestDocxPositionalTab(t *testing.T) {
	doc := `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		`<w:p><w:r><w:t>Data Engineer</w:t></w:r><w:r><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t>2019 – 2023</w:t></w:r></w:p>` +
		`</w:body></w:document>`
	data := zipOf(t, map[string][]byte{"[Content_Types].xml": []byte("<Types/>"), "word/document.xml": []byte(doc)})
	got, err := newTestExtractor(t, nil).Text(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Lines) != 1 || got.Lines[0].Text != "Data Engineer\t2019 – 2023" {
		t.Errorf("lines = %+v", got.Lines)
	}
}
