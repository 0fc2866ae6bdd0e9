package cvparse

import (
	"slices"
	"strings"

	"github.com/utopiahire/utopiahire/internal/cv"
)

// maxFooterLines bounds the lines of a contact block at a page's foot.
const maxFooterLines = 4

// markFooterContact marks the contact block some templates set at the
// foot of the page instead of under the name (moderncv's casual style:
// address, phone and e-mail, profiles): the last lines of a page, set
// apart from the text above, made of contact data only, one of them an
// e-mail address or a phone number, in a CV whose first lines give
// neither. Read where they stand, they would end the last section (an
// address read as languages or skills); they are the header's. The block
// repeated at the foot of later pages (what a running footer left of it)
// is dropped, and so are the page numbers set in it.
func markFooterContact(lines []line) []line {
	if headerContact(lines) {
		return lines
	}
	feet := pageFeet(lines)
	footer := map[string]bool{}
	drop := map[int]bool{}
	for _, block := range feet {
		only, reach := contactBlock(lines, block)
		switch {
		case only && reach && len(footer) == 0:
			for _, i := range block {
				footer[lines[i].text] = true
				lines[i].footer = true
				lines[i].text = withoutPageMarker(lines[i].text)
			}
		case only && slices.ContainsFunc(block, func(i int) bool { return footer[lines[i].text] }):
			for _, i := range block {
				drop[i] = true
			}
		}
	}
	if len(drop) == 0 {
		return lines
	}
	out := make([]line, 0, len(lines))
	for i, l := range lines {
		if !drop[i] {
			out = append(out, l)
		}
	}
	return out
}

// withoutPageMarker drops the page number set in a cell of a footer line
// ("in jane-roe<tab>1/2").
func withoutPageMarker(t string) string {
	cells := strings.Split(t, "\t")
	kept := cells[:0]
	for _, c := range cells {
		if !isPageMarker(c) {
			kept = append(kept, c)
		}
	}
	return strings.Join(kept, "\t")
}

// headerContact says whether the first lines of the CV give an e-mail
// address or a phone number.
func headerContact(lines []line) bool {
	for _, l := range lines[:min(len(lines), 8)] {
		if len(contactData(l.text)) > 0 {
			return true
		}
	}
	return false
}

// pageFeet returns, for each page of a PDF read as one column there, its
// last lines from the last one set apart by space, when they are few.
func pageFeet(lines []line) [][]int {
	var out [][]int
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && lines[j].page == lines[i].page {
			j++
		}
		start := j - 1
		for start > i && !lines[start].gapBefore {
			start--
		}
		if lines[i].page > 0 && start > i && j-start <= maxFooterLines {
			var block []int
			for k := start; k < j; k++ {
				if lines[k].column == 0 {
					block = append(block, k)
				}
			}
			if len(block) == j-start {
				out = append(out, block)
			}
		}
		i = j
	}
	return out
}

// contactBlock says whether the lines of block hold contact data only
// (page numbers aside), and whether an e-mail address or a phone number
// is among it.
func contactBlock(lines []line, block []int) (only, reach bool) {
	var c cv.Contact
	f := contactFinder{c: &c}
	for _, i := range block {
		for _, rest := range strings.Split(f.take(lines[i].text), " · ") {
			if rest = strings.TrimSpace(rest); rest != "" && !isPageMarker(rest) {
				return false, false
			}
		}
	}
	return true, c.Email != "" || c.Phone != ""
}
