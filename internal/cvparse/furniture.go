package cvparse

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// Page furniture is what a page carries besides the CV: page numbers,
// running headers and footers ("Jane Roe – CV", "Page 2 of 3"), the date
// the document was last updated. None of it is an item of the CV.

var (
	rePageMarker = regexp.MustCompile(`(?i)^(?:(?:page|pg\.?|p\.)\s*\d{1,2}(?:\s*(?:of|/|sur|de)\s*\d{1,2})?|\d{1,2}\s*/\s*\d{1,2}|[-–—]\s*\d{1,2}\s*[-–—])$`)
	reUpdated    = regexp.MustCompile(`(?i)^(?:(?:last\s+)?updated(?:\s+on)?|(?:dernière\s+|derniere\s+)?mise\s+à\s+jour(?:\s+le)?|mis\s+à\s+jour(?:\s+le)?|mis\s+a\s+jour(?:\s+le)?)\s*:?\s*`)
	reYearOnly   = regexp.MustCompile(`^(?:19|20)\d{2}$`)
	// reReferences: the closing line of many CVs, no item of any section.
	reReferences = regexp.MustCompile(`(?i)^(?:references?|références?|referees?)\s+(?:are\s+)?(?:available|furnished|provided|disponibles?|fournies?|sur demande)\b[^.]*\.?$`)
	reFurnSplit  = regexp.MustCompile(`\s*(?:\||·|•|\s[-–—]\s|:|\t)\s*`)
	// reConfidential marks a page as not to be passed on ("Confidential",
	// "Private & Confidential", "Strictly confidential"), as a running
	// header beside the name does.
	reConfidential = regexp.MustCompile(`(?i)^(?:(?:private|strictly|personal)\s*(?:&|and|et)?\s*)?(?:confidential|confidentiel(?:le)?|strictement\s+confidentiel(?:le)?)$`)
)

// isPageMarker: "Page 1 of 2", "2/3", "- 2 -".
func isPageMarker(t string) bool {
	m := rePageMarker.FindString(strings.TrimSpace(t))
	if m == "" {
		return false
	}
	if a, b, ok := strings.Cut(m, "/"); ok && !strings.ContainsFunc(a, unicode.IsLetter) {
		// "3/5" under a skill is a rating, not a page: a page number
		// is at most the page count.
		return atoi(a) <= atoi(b) && atoi(b) <= 20
	}
	return true
}

// reCopyright opens a copyright notice: "© European Union, 2002-2024",
// "(c) 2024 cvmaker.example.com", "Copyright © 2025 Jane Roe"; not a list
// item "(c) Designed …" nor "Copyright law".
var reCopyright = regexp.MustCompile(`(?i)^(?:©|\(c\)\s*(?:19|20)\d{2}\b|copyright\s+(?:©\s*)?(?:19|20)\d{2}\b)`)

// isCopyrightLine: a form's or a CV builder's copyright notice, alone or
// beside the page number; its years date nothing of the CV.
func isCopyrightLine(t string) bool {
	notice := false
	for _, c := range strings.Split(t, "\t") {
		c = strings.TrimSpace(c)
		switch {
		case c == "":
		case reCopyright.MatchString(c) && len(strings.Fields(c)) <= 12:
			notice = true
		case isPageMarker(c):
		default:
			return false
		}
	}
	return notice
}

func atoi(s string) int {
	n := 0
	for _, r := range strings.TrimSpace(s) {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// isUpdatedLine: "Last updated March 2026", "Mis à jour le 3 mars 2026".
func isUpdatedLine(t string) bool {
	m := reUpdated.FindString(t)
	return m != "" && hasDate(t[len(m):]) && len(strings.Fields(t[len(m):])) <= 4
}

// runningTitle says whether t is made only of page furniture and a name
// ("Curriculum Vitae – Jane Roe", "Jane Roe | CV | Page 2", "Jane Roe · CV
// · updated 03/2026"), and returns
// the name part, if any.
func runningTitle(t string) (name string, ok bool) {
	parts := reFurnSplit.Split(strings.TrimSpace(t), -1)
	if len(parts) < 2 {
		return "", false
	}
	furniture := false
	for _, p := range parts {
		p = strings.TrimSpace(p)
		switch {
		case p == "":
		case isDocumentTitle(p) || isPageMarker(p) || isUpdatedLine(p) || reConfidential.MatchString(p):
			// "Jane Roe — Curriculum Vitae — last updated March 2026"
			furniture = true
		case reYearOnly.MatchString(p): // "CV – Jane Roe – 2026"
		case name == "" && nameScore(nil, p) > 0:
			name = p
		default:
			return "", false
		}
	}
	return name, furniture
}

// furniture marks the lines of a document that are page furniture: page
// numbers, "last updated" lines, running titles, and any line repeated at
// the top or bottom of two or more pages (a running header or footer). On
// the first page, a line at the top may be the person's own name and
// contact line, so it is kept there; a running title at the top keeps its
// name.
func furniture(in []extract.Line) (drop []bool, rewrite map[int]string) {
	drop = make([]bool, len(in))
	rewrite = map[int]string{}
	top := topLines(in)
	for i, l := range in {
		t := strings.TrimSpace(l.Text)
		switch {
		case t == "":
		case isPageMarker(t) || isUpdatedLine(t) || reReferences.MatchString(t) || isBrowserFooter(t) || isCopyrightLine(t):
			drop[i] = true
		default:
			if name, ok := runningTitle(t); ok {
				if top[i] && name != "" {
					rewrite[i] = name
				} else {
					drop[i] = true
				}
			}
		}
	}
	emailWrapper(in, drop)
	if i, ok := titleAtop(in); ok {
		drop[i] = true
	}
	edges := repeatedAtEdges(in)
	kept := map[string]bool{}
	for _, i := range edges {
		// A footer giving the person's e-mail on every page (a LaTeX
		// class's contact footer), written nowhere else, is their contact
		// line: read it once.
		if k := fold(in[i].Text); footerContact(in, edges, i) && !kept[k] {
			kept[k] = true
			continue
		}
		if !(top[i] && in[i].Page <= 1) {
			drop[i] = true
		}
	}
	return drop, rewrite
}

// footerContact says whether edge line i gives contact data (an e-mail,
// a phone number, a profile's handle) that no line but the repeated
// edges gives.
func footerContact(in []extract.Line, edges []int, i int) bool {
	for _, item := range contactData(in[i].Text) {
		elsewhere := false
		for j, l := range in {
			if !slices.Contains(edges, j) && strings.Contains(strings.ToLower(l.Text), strings.ToLower(item)) {
				elsewhere = true
				break
			}
		}
		if !elsewhere {
			return true
		}
	}
	return false
}

// contactData lists the e-mail addresses, phone numbers and profile
// handles ("in jane-roe", moderncv's social line without its icons) a
// line gives.
func contactData(t string) []string {
	var out []string
	for _, p := range reSplitter.Split(strings.TrimSpace(t), -1) {
		p = strings.TrimSpace(reLabel.ReplaceAllString(p, ""))
		switch {
		case reEmail.MatchString(p):
			out = append(out, reEmail.FindString(p))
		case isPhone(p):
			out = append(out, strings.TrimSpace(rePhone.FindString(p)))
		case reSocialHandle.MatchString(p):
			out = append(out, reSocialHandle.FindStringSubmatch(p)[2])
		}
	}
	return out
}

// titleAtop finds a document title alone on the first line ("RESUME",
// "Curriculum Vitae") with contact data under it: a title, not the French
// "Résumé" heading a summary.
func titleAtop(in []extract.Line) (int, bool) {
	first, seen := -1, 0
	for i, l := range in {
		t := strings.TrimSpace(l.Text)
		if t == "" {
			continue
		}
		if first < 0 {
			if !isDocumentTitle(cleanHeading(t)) {
				return 0, false
			}
			first = i
			continue
		}
		if seen++; seen > 4 {
			break
		}
		for _, p := range reSplitter.Split(reLabel.ReplaceAllString(t, ""), -1) {
			if reEmail.MatchString(p) || isPhone(p) {
				return first, true
			}
		}
	}
	return 0, false
}

// topLines marks the first three non-empty lines of the document.
func topLines(in []extract.Line) map[int]bool {
	top := map[int]bool{}
	for i, l := range in {
		if len(top) == 3 {
			break
		}
		if strings.TrimSpace(l.Text) != "" {
			top[i] = true
		}
	}
	return top
}

// edgeLines is how many lines at the top and at the bottom of a page a
// running header or footer may take.
const edgeLines = 2

// repeatedAtEdges returns the lines, among the first and last of each
// page, whose text (page numbers aside: "Page 1", "Page 2") is found at
// the edge of two or more pages.
func repeatedAtEdges(in []extract.Line) []int {
	byPage := map[int][]int{}
	for i, l := range in {
		if l.Page > 0 && strings.TrimSpace(l.Text) != "" {
			byPage[l.Page] = append(byPage[l.Page], i)
		}
	}
	if len(byPage) < 2 {
		return nil
	}
	key := func(i int) string { return edgeKey(in[i].Text) }
	pages := map[string]map[int]bool{}
	var edges []int
	for p, idx := range byPage {
		for j, i := range idx {
			if j < edgeLines || j >= len(idx)-edgeLines {
				k := key(i)
				if pages[k] == nil {
					pages[k] = map[int]bool{}
				}
				pages[k][p] = true
				edges = append(edges, i)
			}
		}
	}
	var out []int
	for _, i := range edges {
		if k := key(i); k != "" && len(pages[k]) >= 2 {
			out = append(out, i)
		}
	}
	// In document order, whatever order the pages came out of the map:
	// furniture keeps the first of a repeated contact footer.
	slices.Sort(out)
	return out
}

// reEdgeYear is a year in a line at a page's edge.
var reEdgeYear = regexp.MustCompile(`\b(?:19|20)\d{2}\b`)

// edgeKey is the text by which lines at the pages' edges are matched: its
// digits masked, since a running header or footer changes only its page
// number from page to page, but its years kept. A footer's year is the
// same on every page ("© 2002-2024", "updated March 2026"), while a
// table's rows cut by the page break can be one label with other years
// ("Dates<tab>2009 – 2010" at the foot of one page, "Dates<tab>2004 –
// 2008" at the head of the next): entries, not furniture.
func edgeKey(t string) string {
	t = fold(t)
	years := reEdgeYear.FindAllStringIndex(t, -1)
	var b strings.Builder
	for i, r := range t {
		if unicode.IsDigit(r) && !slices.ContainsFunc(years, func(y []int) bool { return i >= y[0] && i < y[1] }) {
			r = '#'
		}
		b.WriteRune(r)
	}
	return b.String()
}

var (
	// reGreeting opens a message a CV was pasted into ("Hi Rachel,",
	// "Dear hiring team,", "Bonjour Madame,").
	reGreeting = regexp.MustCompile(`(?i)^(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening)|greetings|bonjour|bonsoir|salut|cher|chère|madame|monsieur|to\s+whom\s+it\s+may\s+concern)\b[^.!?]{0,60}[,!:]?$`)
	// reSignOff closes the message before the CV starts.
	reSignOff = regexp.MustCompile(`(?i)^(?:(?:best|kind|warm|many)?\s*(?:regards|wishes)|thanks?(?:\s+you)?(?:\s+in\s+advance)?|many\s+thanks|cheers|sincerely|yours(?:\s+sincerely|\s+faithfully)?|all\s+the\s+best|best|cordialement|bien\s+(?:à\s+vous|cordialement)|merci(?:\s+d'avance)?|sincères\s+salutations|bonne\s+(?:journée|réception)|salutations)[,.!]*$`)
	// reSentFrom is a mail client's own line under a message.
	reSentFrom = regexp.MustCompile(`(?i)^(?:sent\s+from\s+my|envoyé\s+(?:de|depuis)\s+mon|get\s+outlook\s+for)\b`)
)

// maxPreamble bounds the lines of a message before a pasted CV, and
// maxSignature those of the signature after it.
const (
	maxPreamble  = 15
	maxSignature = 6
)

// emailWrapper marks the message around a CV pasted into an e-mail: a
// greeting at the top down to its sign-off and the first name under it (or
// down to a rule drawn before the CV), and a signature after a "--" line at
// the end, or a mail client's "Sent from my phone".
func emailWrapper(in []extract.Line, drop []bool) {
	var idx []int
	for i, l := range in {
		if strings.TrimSpace(l.Text) != "" && !drop[i] {
			idx = append(idx, i)
		}
	}
	text := func(k int) string { return strings.TrimSpace(in[idx[k]].Text) }
	if len(idx) > 3 && reGreeting.MatchString(text(0)) && len(strings.Fields(text(0))) <= 8 {
		end := -1
		for k := 1; k < len(idx) && k < maxPreamble; k++ {
			t := text(k)
			if reSignOff.MatchString(t) {
				end = k
				// The first name signed under it.
				if k+1 < len(idx) && len(strings.Fields(text(k+1))) == 1 && !reRule.MatchString(text(k+1)) {
					end = k + 1
				}
				break
			}
			if reRule.MatchString(t) && len(t) >= 3 {
				end = k
				break
			}
		}
		for k := 0; k <= end; k++ {
			drop[idx[k]] = true
		}
	}
	for k, i := range idx {
		t := text(k)
		if reSentFrom.MatchString(t) {
			drop[i] = true
		}
		if t == "--" && len(idx)-k-1 <= maxSignature && k > len(idx)/2 {
			rest := idx[k:]
			heading := false
			for _, j := range rest[1:] {
				_, h := headingKind(in[j].Text)
				heading = heading || h
			}
			if !heading {
				for _, j := range rest {
					drop[j] = true
				}
			}
		}
	}
}

// reDocAddress is the address of the printed page itself: a local file, or
// a web page (its scheme's colon sometimes lost: "https///…").
var reDocAddress = regexp.MustCompile(`(?i)^(?:file:/{2,3}\S+|https?:?/{2,3}\S+\.(?:html?|php|aspx?|pdf)(?:[?#]\S*)?)$`)

// isBrowserFooter: the footer a browser prints under each page, the
// page's own address with or without its page number ("file:///C:/cv.html
// 1/2", "https://jane.dev/cv/index.html").
func isBrowserFooter(t string) bool {
	fs := strings.Fields(t)
	if len(fs) == 0 || len(fs) > 2 {
		return false
	}
	addr := 0
	for _, f := range fs {
		switch {
		case reDocAddress.MatchString(f):
			addr++
		case isPageMarker(f):
		default:
			return false
		}
	}
	return addr == 1
}
