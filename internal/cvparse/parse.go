// Package cvparse structures extracted CV text into the contract's
// structured CV without any AI: headings (English and French, plus layout
// cues) split sections; contact fields, experience and education entries,
// dates, bullets and skills are recognised with patterns and a small
// feature-scoring system in the spirit of open-resume's parser. Text it
// cannot map goes to other_sections, so nothing is lost. Item ids are
// derived from content and position, so re-parsing gives the same ids.
package cvparse

import (
	"regexp"
	"strings"

	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/extract"
)

// line is a document line with its layout cues.
type line struct {
	text      string
	bold      bool
	heading   bool
	bullet    bool
	gapBefore bool
	size      float64
	x         float64
	page      int
}

type section struct {
	kind  sectionKind
	title string
	lines []line
}

var reRule = regexp.MustCompile(`^[\s\-=_*~.·•─━]+$`)

// Parse structures an extracted document.
func Parse(doc extract.Document) cv.StructuredCV {
	lines := prepare(doc.Lines)
	secs := splitSections(lines)
	out := emptyCV()
	b := builder{out: &out, links: doc.Links}
	for _, s := range secs {
		b.add(s)
	}
	b.finishContact(lines)
	b.finishAdditional()
	return out
}

// ParseText structures plain text (a pasted CV).
func ParseText(text string) cv.StructuredCV { return Parse(extract.PlainText(text)) }

func emptyCV() cv.StructuredCV {
	return cv.StructuredCV{
		Experience: []cv.Experience{}, Education: []cv.Education{},
		Skills:   cv.Skills{Technical: []string{}, Languages: []string{}, Tools: []string{}, SoftSkills: []string{}, Other: []string{}},
		Projects: []cv.Item{}, Certifications: []cv.Item{}, Awards: []cv.Item{}, Publications: []cv.Item{},
		Activities: []cv.Item{}, Volunteer: []cv.Item{}, OtherSections: []cv.Section{},
	}
}

func prepare(in []extract.Line) []line {
	out := make([]line, 0, len(in))
	gap := false
	for _, l := range in {
		t := strings.TrimSpace(l.Text)
		if t == "" || reRule.MatchString(t) {
			gap = true
			continue
		}
		bullet := l.Bullet
		if stripped, ok := stripBullet(t); ok {
			t, bullet = stripped, true
		}
		out = append(out, line{text: t, bold: l.Bold, heading: l.Heading, bullet: bullet,
			gapBefore: l.GapBefore || gap, size: l.Size, x: l.X, page: l.Page})
		gap = false
	}
	return out
}

const bulletGlyphs = "•◦▪▫■□●○‣⁃∙·➢➤►▶✓✔-–—*\uf0b7\uf0a7\uf0d8\uf076"

func stripBullet(t string) (string, bool) {
	for _, g := range bulletGlyphs {
		gs := string(g)
		if strings.HasPrefix(t, gs) {
			rest := t[len(gs):]
			if rest != "" && (rest[0] == ' ' || rest[0] == '\t' || g > 0x7f && g != '–' && g != '—') {
				return strings.TrimSpace(rest), true
			}
		}
	}
	return t, false
}

// bodySize is the most common text size: the yardstick for "bigger".
func bodySize(lines []line) float64 {
	counts := map[int]int{}
	best, bestN := 0, 0
	for _, l := range lines {
		k := int(l.size*2 + 0.5)
		counts[k]++
		if counts[k] > bestN {
			best, bestN = k, counts[k]
		}
	}
	return float64(best) / 2
}

func splitSections(lines []line) []section {
	body := bodySize(lines)
	cur := section{kind: secHeader}
	var out []section
	seenKnown := false
	for _, l := range lines {
		kind, known := headingKind(l.text)
		if !known && !l.bullet && headingCue(l, body) {
			kind, known = keywordHeading(l.text)
		}
		isHead := known && !l.bullet
		if !isHead && seenKnown && looksLikeUnknownHeading(l, body) {
			isHead, kind = true, secOther
		}
		if !isHead {
			cur.lines = append(cur.lines, l)
			continue
		}
		seenKnown = seenKnown || known
		out = append(out, cur)
		cur = section{kind: kind, title: strings.TrimRight(strings.TrimSpace(l.text), ":： ")}
	}
	return append(out, cur)
}
