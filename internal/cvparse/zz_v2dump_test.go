package cvparse

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/utopiahire/utopiahire/internal/extract"
)

func TestZZV2Dump(t *testing.T) {
	p := os.Getenv("V2DUMP")
	if p == "" {
		t.Skip()
	}
	ex, err := extract.New(extract.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(p)
	d, err := newExtractCache(t).text(context.Background(), ex, data)
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("V2LINES") != "" {
		for _, l := range d.Lines {
			fmt.Printf("p%d c%d x%.0f y%.0f s%.1f b%v h%v bu%v g%v | %s\n", l.Page, l.Column, l.X, l.Y, l.Size, l.Bold, l.Heading, l.Bullet, l.GapBefore, l.Text)
		}
	}
	if os.Getenv("V2SECS") != "" {
		src := respaceTracked(d.Lines)
		if d.OCR {
			src = rejoinLabelColumn(mendOCR(src))
		}
		lines := markFooterContact(europass(joinValueWraps(joinLabelLines(joinWrappedDateCells(joinCutEmails(prepare(src)))))))
		_, lines = displayName(lines, d.OCR)
		for _, s := range laterQualifications(splitSections(lines)) {
			fmt.Printf("=== %v %q\n", s.kind, s.title)
			for _, l := range s.lines {
				fmt.Printf("   x%.0f b%v | %s\n", l.x, l.bold, l.text)
			}
		}
	}
	c := Parse(d)
	b, _ := json.MarshalIndent(map[string]any{"contact": c.Contact, "exp": c.Experience, "skills": c.Skills}, "", " ")
	fmt.Println(string(b))
}
