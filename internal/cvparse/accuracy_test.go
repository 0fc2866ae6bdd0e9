package cvparse

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/extract"
)

// counts are field-level true/false positives and false negatives.
type counts struct{ tp, fp, fn int }

func (c counts) prf() (p, r, f float64) {
	if c.tp+c.fp > 0 {
		p = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn > 0 {
		r = float64(c.tp) / float64(c.tp+c.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// scored are the fields the issue names; "location" and "gpa" are reported
// but kept out of the overall figure.
var scoredFields = []string{"name", "email", "phone", "links", "exp.title", "exp.company", "exp.start", "exp.end",
	"edu.degree", "edu.institution", "edu.start", "edu.end", "skills"}
var extraFields = []string{"location", "exp.location", "edu.gpa"}

type scorer struct {
	by   map[string]*counts
	miss []string // human-readable misses for -v
}

func newScorer() *scorer {
	s := &scorer{by: map[string]*counts{}}
	for _, f := range append(append([]string{}, scoredFields...), extraFields...) {
		s.by[f] = &counts{}
	}
	return s
}

// scalar scores one value: a wrong prediction is both a false positive and
// a false negative.
func (s *scorer) scalar(doc, field, truth, pred string, eq func(a, b string) bool) {
	c := s.by[field]
	switch {
	case truth == "" && pred == "":
	case truth == "":
		c.fp++
		s.miss = append(s.miss, fmt.Sprintf("%s %s: unexpected %q", doc, field, pred))
	case pred == "":
		c.fn++
		s.miss = append(s.miss, fmt.Sprintf("%s %s: missing %q", doc, field, truth))
	case eq(truth, pred):
		c.tp++
	default:
		c.fp++
		c.fn++
		s.miss = append(s.miss, fmt.Sprintf("%s %s: got %q want %q", doc, field, pred, truth))
	}
}

func (s *scorer) set(doc, field string, truth, pred []string) {
	c := s.by[field]
	want := map[string]bool{}
	for _, t := range truth {
		want[t] = true
	}
	got := map[string]bool{}
	for _, p := range pred {
		got[p] = true
	}
	for p := range got {
		if want[p] {
			c.tp++
		} else {
			c.fp++
			s.miss = append(s.miss, fmt.Sprintf("%s %s: unexpected %q", doc, field, p))
		}
	}
	for t := range want {
		if !got[t] {
			c.fn++
			s.miss = append(s.miss, fmt.Sprintf("%s %s: missing %q", doc, field, t))
		}
	}
}

func eqText(a, b string) bool { return fold(a) == fold(b) }

func eqDate(a, b string) bool {
	na, oka := NormalizeDate(a)
	nb, okb := NormalizeDate(b)
	return oka && okb && na == nb
}

func eqPhone(a, b string) bool { return digits(a) == digits(b) }

func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

var reSkillLevel = regexp.MustCompile(`\s*(?:\(.*\)|\s[-–—:]\s.*)$`)

func normSkill(s string) string { return fold(reSkillLevel.ReplaceAllString(s, "")) }

func skillSet(s cv.Skills) []string {
	var out []string
	for _, g := range [][]string{s.Technical, s.Tools, s.SoftSkills, s.Languages, s.Other} {
		for _, x := range g {
			out = append(out, normSkill(x))
		}
	}
	return out
}

// checkSkillSet fails t unless the skills read, as skillSet gives them, are
// want in any order; unplaced sections are shown to explain a miss.
func checkSkillSet(t *testing.T, got cv.StructuredCV, want []string) {
	t.Helper()
	s := skillSet(got.Skills)
	slices.Sort(s)
	want = slices.Clone(want)
	slices.Sort(want)
	if !slices.Equal(s, want) {
		t.Errorf("skills = %q, want %q (other %+v)", s, want, got.OtherSections)
	}
}

// linkSet gives each link as the profile or site it names. A LinkedIn or
// GitHub profile is its handle: truths write it as printed, and the
// documents print "linkedin.com/in/jane-roe", "in/jane-roe" or, beside
// the network's icon (moderncv), "jane-roe" alone; all name one profile.
func linkSet(c cv.Contact) []string {
	var out []string
	for i, u := range []string{c.LinkedIn, c.GitHub, c.Portfolio} {
		if u == "" {
			continue
		}
		u = normURL(u)
		switch i {
		case 0:
			u = "linkedin:" + strings.TrimPrefix(u, "linkedin.com/in/")
		case 1:
			u = "github:" + strings.TrimPrefix(u, "github.com/")
		}
		out = append(out, u)
	}
	return out
}

func (s *scorer) score(doc string, truth, pred cv.StructuredCV) {
	s.scalar(doc, "name", truth.Contact.Name, pred.Contact.Name, eqText)
	s.scalar(doc, "email", truth.Contact.Email, pred.Contact.Email, strings.EqualFold)
	s.scalar(doc, "phone", truth.Contact.Phone, pred.Contact.Phone, eqPhone)
	s.scalar(doc, "location", truth.Contact.Location, pred.Contact.Location, eqText)
	s.set(doc, "links", linkSet(truth.Contact), linkSet(pred.Contact))
	s.set(doc, "skills", skillSet(truth.Skills), skillSet(pred.Skills))
	var te, pe, tu, pu [][][2]string
	for _, x := range truth.Experience {
		te = append(te, expFields(x))
	}
	for _, x := range pred.Experience {
		pe = append(pe, expFields(x))
	}
	for _, x := range truth.Education {
		tu = append(tu, eduFields(x))
	}
	for _, x := range pred.Education {
		pu = append(pu, eduFields(x))
	}
	s.entries(doc, "exp", te, pe)
	s.entries(doc, "edu", tu, pu)
}

func expFields(x cv.Experience) [][2]string {
	return [][2]string{{"title", x.Title}, {"company", x.Company}, {"start", x.StartDate}, {"end", x.EndDate}, {"location", x.Location}}
}

func eduFields(x cv.Education) [][2]string {
	return [][2]string{{"degree", x.Degree}, {"institution", x.Institution}, {"start", x.StartDate}, {"end", x.EndDate}, {"gpa", x.GPA}}
}

func eqField(name, a, b string) bool {
	if name == "start" || name == "end" {
		return eqDate(a, b)
	}
	return eqText(a, b)
}

// entries aligns predicted entries with true ones (greedy on the number of
// equal fields), then scores field by field; unmatched entries count all
// their fields as misses.
func (s *scorer) entries(doc, prefix string, truth, pred [][][2]string) {
	type pair struct{ i, j, score int }
	var pairs []pair
	for i, t := range truth {
		for j, p := range pred {
			sc := 0
			for k := range t {
				if t[k][1] != "" && eqField(t[k][0], t[k][1], p[k][1]) {
					sc++
				}
			}
			pairs = append(pairs, pair{i, j, sc})
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool {
		if pairs[a].score != pairs[b].score {
			return pairs[a].score > pairs[b].score
		}
		return abs(pairs[a].i-pairs[a].j) < abs(pairs[b].i-pairs[b].j)
	})
	ti, pj := map[int]bool{}, map[int]bool{}
	for _, p := range pairs {
		if p.score == 0 || ti[p.i] || pj[p.j] {
			continue
		}
		ti[p.i], pj[p.j] = true, true
		for k, f := range truth[p.i] {
			name := f[0]
			s.scalar(fmt.Sprintf("%s[%d]", doc, p.i), prefix+"."+name, f[1], pred[p.j][k][1], func(a, b string) bool { return eqField(name, a, b) })
		}
	}
	for i, t := range truth {
		if !ti[i] {
			for _, f := range t {
				s.scalar(fmt.Sprintf("%s[%d]", doc, i), prefix+"."+f[0], f[1], "", eqText)
			}
		}
	}
	for j, p := range pred {
		if !pj[j] {
			for _, f := range p {
				s.scalar(fmt.Sprintf("%s[pred %d]", doc, j), prefix+"."+f[0], "", f[1], eqText)
			}
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func (s *scorer) table() (string, float64) {
	var b strings.Builder
	var all counts
	fmt.Fprintf(&b, "| field | TP | FP | FN | precision | recall | F1 |\n|---|---|---|---|---|---|---|\n")
	row := func(name string, c counts) {
		p, r, f := c.prf()
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %.3f | %.3f | %.3f |\n", name, c.tp, c.fp, c.fn, p, r, f)
	}
	for _, f := range scoredFields {
		c := *s.by[f]
		row(f, c)
		all.tp, all.fp, all.fn = all.tp+c.tp, all.fp+c.fp, all.fn+c.fn
	}
	row("**overall (micro)**", all)
	for _, f := range extraFields {
		row(f+" (not in overall)", *s.by[f])
	}
	_, _, f1 := all.prf()
	return b.String(), f1
}

// group sums several fields into one figure (the issue's "experiences",
// "education").
func (s *scorer) group(fields ...string) counts {
	var c counts
	for _, f := range fields {
		x := s.by[f]
		c.tp, c.fp, c.fn = c.tp+x.tp, c.fp+x.fp, c.fn+x.fn
	}
	return c
}

var (
	expGroup = []string{"exp.title", "exp.company", "exp.start", "exp.end"}
	eduGroup = []string{"edu.degree", "edu.institution", "edu.start", "edu.end"}
)

func (s *scorer) overall() float64 {
	_, _, f := s.group(scoredFields...).prf()
	return f
}

// reCorpusName reads renderer, language and layout from a corpus file name
// (g47-latex-en-table.pdf, g59-scan-en-2col-hard.pdf, h01-hand-en.txt,
// b12-outline-en-1col.pdf, x10-writer-docx-en-1col.docx, y03-chrome-fr-2col.pdf,
// v07-photo-fr-1col.jpg, w11-moderncv-en-1col.pdf, u03-lo-docx-fr-1col.docx).
var reCorpusName = regexp.MustCompile(`^[a-z]\d+-(.+?)-(en|fr)(?:-(1col|2col|table|labels))?(-hard)?\.\w+$`)

// layoutOf names the layout group a corpus document is reported under.
func layoutOf(name string) (layout, lang string) {
	m := reCorpusName.FindStringSubmatch(name)
	if m == nil {
		return "other", "other"
	}
	switch {
	case m[1] == "scan" || m[1] == "outline" || m[1] == "print" || m[1] == "photo":
		// No text layer for the CV (scans, outlines, "print to PDF" of
		// outlined text, phone photos): read by OCR.
		layout = "scanned (OCR)"
	case m[3] == "2col":
		layout = "sidebar"
	case m[3] == "table":
		layout = "table"
	case m[3] == "labels":
		layout = "label/value"
	default:
		layout = "one column"
	}
	return layout, m[2]
}

// corpusScore is a labelled set scored over all, per layout and per
// language.
type corpusScore struct {
	all              *scorer
	byLayout, byLang map[string]*scorer
	count            map[string]int // documents per layout and per language
}

// add sums another set's counts into s, for a figure over several sets.
func (s *scorer) add(o *scorer) {
	for f, c := range o.by {
		x := s.by[f]
		x.tp, x.fp, x.fn = x.tp+c.tp, x.fp+c.fp, x.fn+c.fn
	}
}

// merge sums several scored sets into one.
func merge(sets ...corpusScore) corpusScore {
	res := corpusScore{all: newScorer(), byLayout: map[string]*scorer{}, byLang: map[string]*scorer{}, count: map[string]int{}}
	for _, set := range sets {
		res.all.add(set.all)
		for _, m := range []struct{ from, to map[string]*scorer }{{set.byLayout, res.byLayout}, {set.byLang, res.byLang}} {
			for k, sc := range m.from {
				if m.to[k] == nil {
					m.to[k] = newScorer()
				}
				m.to[k].add(sc)
			}
		}
		for k, n := range set.count {
			res.count[k] += n
		}
	}
	return res
}

// log writes the set's tables to the test log.
func (res corpusScore) log(t *testing.T, title string) {
	t.Helper()
	tab, _ := res.all.table()
	t.Logf("%s\n%s\n%s", title, tab, groupTable(res.byLayout, res.byLang, res.count))
}

// scoreCorpus parses every labelled CV in dir (a document next to its truth
// JSON) through the real extractor, scores it against the truth and logs the
// tables (each miss too with CORPUS_MISSES=1 or -v). It fails the test on a
// set smaller than minDocs, an unreadable truth file or an extraction error,
// never on the figures.
func scoreCorpus(t *testing.T, dir string, minDocs int) corpusScore {
	t.Helper()
	ex, err := extract.New(extract.DefaultLimits())
	if err != nil {
		t.Fatalf("extractor: %v (install poppler-utils antiword tesseract-ocr)", err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) < minDocs {
		t.Fatalf("%s: %d truth files (want >= %d), %v", dir, len(files), minDocs, err)
	}
	type doc struct {
		name  string
		truth cv.StructuredCV
		data  []byte
	}
	docs := make([]doc, len(files))
	for i, tf := range files {
		path := findDoc(t, strings.TrimSuffix(tf, ".json"))
		raw, err := os.ReadFile(tf)
		if err != nil {
			t.Fatal(err)
		}
		docs[i].name = filepath.Base(path)
		if err := json.Unmarshal(raw, &docs[i].truth); err != nil {
			t.Fatalf("%s: %v", tf, err)
		}
		checkTruthDates(t, tf, docs[i].truth)
		if docs[i].data, err = os.ReadFile(path); err != nil {
			t.Fatal(err)
		}
	}
	// Two documents at a time: extraction is mostly external tools
	// (pdftotext, tesseract), and the machine is shared.
	parsed := make([]cv.StructuredCV, len(docs))
	errs := make([]error, len(docs))
	cache := newExtractCache(t)
	sem := make(chan struct{}, 2)
	var wg sync.WaitGroup
	for i := range docs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			d, err := cache.text(context.Background(), ex, docs[i].data)
			if err != nil {
				errs[i] = err
				return
			}
			parsed[i] = Parse(d)
		}()
	}
	wg.Wait()
	res := corpusScore{all: newScorer(), byLayout: map[string]*scorer{}, byLang: map[string]*scorer{}, count: map[string]int{}}
	for i, d := range docs {
		if errs[i] != nil {
			t.Errorf("%s: extract: %v", d.name, errs[i])
			continue
		}
		layout, lang := layoutOf(d.name)
		for _, m := range []struct {
			set map[string]*scorer
			key string
		}{{res.byLayout, layout}, {res.byLang, lang}} {
			if m.set[m.key] == nil {
				m.set[m.key] = newScorer()
			}
			m.set[m.key].score(d.name, d.truth, parsed[i])
		}
		res.count[layout]++
		res.count[lang]++
		res.all.score(d.name, d.truth, parsed[i])
	}
	res.log(t, fmt.Sprintf("%s: %d CVs", dir, len(docs)))
	return res
}

// logMisses lists every miss of a set that may be fixed against (-v or
// CORPUS_MISSES=1). Held-out sets never call it: their misses stay unread.
func logMisses(t *testing.T, res corpusScore) {
	t.Helper()
	if testing.Verbose() || os.Getenv("CORPUS_MISSES") != "" {
		for _, m := range res.all.miss {
			t.Log(m)
		}
	}
}

// scoreFixSet scores a set that fixes are made against, lists its misses
// and holds it to its targets or floors.
func scoreFixSet(t *testing.T, dir string, minDocs int, targets []target, maxLangGap float64) {
	t.Helper()
	res := scoreCorpus(t, dir, minDocs)
	logMisses(t, res)
	checkTargets(t, res, targets, maxLangGap)
}

// checkTruthDates fails on a truth date the scorer cannot compare: such a
// date would count as a miss whatever the parser read.
func checkTruthDates(t *testing.T, file string, truth cv.StructuredCV) {
	t.Helper()
	var dates []string
	for _, x := range truth.Experience {
		dates = append(dates, x.StartDate, x.EndDate)
	}
	for _, x := range truth.Education {
		dates = append(dates, x.StartDate, x.EndDate)
	}
	for _, d := range dates {
		if _, ok := NormalizeDate(d); d != "" && !ok {
			t.Errorf("%s: truth date %q is not a date NormalizeDate reads", file, d)
		}
	}
}

// issueTargets are issue 14's targets: overall, per field, per layout.
var issueTargets = []target{
	{"overall", nil, 0.93},
	{"name", []string{"name"}, 0.95},
	{"email", []string{"email"}, 0.99},
	{"phone", []string{"phone"}, 0.95},
	{"experiences", expGroup, 0.90},
	{"education", eduGroup, 0.95},
	{"skills", []string{"skills"}, 0.95},
	{"sidebar experiences", expGroup, 0.85},
	{"table experiences", expGroup, 0.85},
}

// issueLangGap is the issue's bound on French against English overall.
const issueLangGap = 0.03

// blind2Floors hold the second blind set to what the parser reads of it
// now, less 0.01 for the noise of OCR on its two image-only documents
// (TestBlind2Accuracy); raise them with every fix.
var blind2Floors = []target{
	{"overall", nil, 0.992}, // moderncv's grade field: 0.993, education 0.995
	{"name", []string{"name"}, 0.99},
	{"phone", []string{"phone"}, 0.99},
	{"experiences", expGroup, 0.982},
	{"education", eduGroup, 0.994},
	{"skills", []string{"skills"}, 0.989},
}

// blind3Floors hold the third blind set to what the parser reads of it
// now, less 0.01 (TestBlind3Accuracy); raise them with every fix.
// After what a degree's line holds kept with it ("(Distinction)" closing
// the line, "(cum laude)", "(B. Ing.)", "– Chemistry with Science") and a
// study mode after a dash cut off: overall 0.985, education 0.989.
var blind3Floors = []target{
	{"overall", nil, 0.984},
	{"name", []string{"name"}, 0.97},
	{"phone", []string{"phone"}, 0.995},
	{"experiences", expGroup, 0.967},
	{"education", eduGroup, 0.988},
	{"skills", []string{"skills"}, 0.98},
}

// blind3LangGap bounds French against English on the third blind set.
const blind3LangGap = 0.05

// blind4Floors hold the fourth blind set to what the parser reads of it
// now, less 0.01 (TestBlind4Accuracy); raise them with every fix. Scored
// untouched on the parser of c9f7926: overall 0.903. After a bracket's
// words and dates closing a sentence dating no job: overall 0.982,
// experiences 0.982. After service headings ("Service", "Outreach")
// heading no jobs: overall 0.986, experiences 0.992. After the Spanish and
// Italian school words ("Ateneo de …", "Scuola …"): overall 0.987,
// education 0.962.
// After a dated "Dean's list" line read as the entry's note, no entry: overall 0.989, education 0.970.
// After what a degree's line holds kept with it ("(Distinction)" closing
// the line, "(cum laude)", "(B. Ing.)", "– Chemistry with Science") and a
// study mode after a dash cut off: overall 0.988, education 0.966.
var blind4Floors = []target{
	{"overall", nil, 0.988},
	{"name", []string{"name"}, 1.000},
	{"phone", []string{"phone"}, 1.0},
	{"experiences", expGroup, 0.991},
	{"education", eduGroup, 0.969},
	{"skills", []string{"skills"}, 0.995},
}

// blind5Floors hold the fifth blind set to what the parser reads of it,
// less 0.01 (TestBlind5Accuracy); raise them with every fix.
// After study modes ("(en alternance)", ", evening program") cut off
// schools and degrees: overall 0.976, education 0.946.
// After a kind of school without a name ("Senior High School – STEM
// strand") beside a named school read as the stage studied: overall
// 0.982, education 0.953.
// After a school's line closing on "· completed 2012" kept as its entry's date: overall 0.985, education 0.964.
// After a candidate's rank in brackets after the school ("(admise au rang
// 212)") cut to the notes: overall 0.986, education 0.968.
// After a school's line left open on a participle ("… Chartered
// Certified" / "Accountants"): overall 0.987, education 0.972.
var blind5Floors = []target{
	{"overall", nil, 0.986},
	{"name", []string{"name"}, 1.0},
	{"phone", []string{"phone"}, 1.0},
	{"experiences", expGroup, 0.975},
	{"education", eduGroup, 0.971},
	{"skills", []string{"skills"}, 0.984},
}

// blind6Floors hold the sixth blind set (experience layouts) to what the
// parser reads of it, less 0.01; raise them with every fix. Scored
// untouched on the parser of 5461b4f: overall 0.933. After a range amid
// a sentence that goes on in lower case dating no job: overall 0.993,
// experiences 0.989.
var blind6Floors = []target{
	{"overall", nil, 0.993},
	{"name", []string{"name"}, 0.990},
	{"phone", []string{"phone"}, 1.0},
	{"experiences", expGroup, 0.989},
	{"education", eduGroup, 0.979},
	{"skills", []string{"skills"}, 0.994},
}

// blind7Floors hold the seventh blind set (contact, education and skills)
// the same way. Scored untouched on the parser of 5461b4f: overall 0.920.
// After a field word closing a name after the title's comma ("Ebano
// Software") naming the employer: overall 0.994, experiences 0.995.
// After an award named for a career's stage ("Early Career") opening no
// experience section: overall 0.995, experiences 1.000.
// After a link after a letter standing for its icon ("W site.io") read
// as the portfolio (v2): overall 0.995 → 0.996.
var blind7Floors = []target{
	{"overall", nil, 0.995},
	{"name", []string{"name"}, 1.000},
	{"phone", []string{"phone"}, 1.000},
	{"experiences", expGroup, 0.948},
	{"education", eduGroup, 0.996},
	{"skills", []string{"skills"}, 0.990},
}

// blind8Floors hold the eighth blind set (skills and section headings)
// the same way. Scored untouched on the parser of 5461b4f: overall 0.915
// (skills 0.876); 0.921 on e360617, before any fix aimed at it.
var blind8Floors = []target{
	{"overall", nil, 0.985},
	{"name", []string{"name"}, 1.0},
	{"phone", []string{"phone"}, 1.000},
	{"experiences", expGroup, 0.994},
	{"education", eduGroup, 0.966},
	{"skills", []string{"skills"}, 0.983},
}

// blind9Floors hold the ninth blind set (the first held-out set, opened
// for fixing on 7eda252, where it read 0.904) the same way; 0.920 after
// the contact and skills rules of its first round; 0.936 after skill tags
// beside a list at the foot of a one-column page were read block by block;
// 0.951 with the experience site and district rules and the styled
// diplomas; 0.961 after its education rules (education 0.907 -> 0.957);
// 0.969 after the skills layout rules (skills 0.957 -> 0.968); skills
// 0.979 after group names over wrapped lists; overall 0.974 after
// addresses cut at a sidebar's edge.
// Raised after registration headings: overall 0.978, name 0.958, phone
// 1.000, experiences 0.965, education 0.994, skills 0.979.
// After a unit between the title and the employer on one line kept in
// the title: overall 0.981 (title 0.964).
// After department phrases ("Language Services") kept with the title:
// overall 0.986, experiences 0.977.
var blind9Floors = []target{
	{"overall", nil, 0.985},
	{"name", []string{"name"}, 0.958},
	{"phone", []string{"phone"}, 1.000},
	{"experiences", expGroup, 0.976},
	{"education", eduGroup, 0.994},
	{"skills", []string{"skills"}, 0.982},
}

// blind9LangGap bounds French against English on blind9 (French read
// 0.074 under English when it was opened).
const blind9LangGap = 0.09

// blind10Floors hold the tenth blind set the same way. Scored untouched on
// the parser of cf5bf22: overall 0.905 (experiences 0.885, education
// 0.896, skills 0.911; sidebar experiences 0.714); after the label/value
// form rules 0.919 (experiences 0.909, education 0.918, skills 0.912);
// after the sidebar rules 0.963 (experiences 0.975, education 0.936,
// skills 0.962; sidebar experiences 0.985); with the trades, gap-cut
// entries, multi-site and business-word team rules 0.974 (experiences
// 0.991, education 0.958). Raised after the skills layout rules: overall
// 0.985, skills 0.991; with the education acronym and grade rules
// overall 0.989, education 0.983. After an elided capital ("d'Ivoire")
// leaving a name capitalised: overall 0.996, education 0.986.
// After study modes ("(en alternance)", ", evening program") cut off
// schools and degrees: overall 0.997, education 0.991.
// After a class after a dash on the degree's line kept in the degree:
// overall 0.998, education 0.995.
var blind10Floors = []target{
	{"overall", nil, 0.997},
	{"name", []string{"name"}, 0.969},
	{"phone", []string{"phone"}, 0.99},
	{"experiences", expGroup, 1.0},
	{"education", eduGroup, 0.994},
	{"skills", []string{"skills"}, 0.998},
	{"sidebar experiences", expGroup, 0.975},
}

// blind10LangGap bounds French against English on blind10 (French read
// 0.029 under English untouched).
const blind10LangGap = 0.05

// blind11Floors hold the eleventh blind set the same way. Scored untouched
// on the parser of cf5bf22: overall 0.910 (experiences 0.916, education
// 0.871, skills 0.912; label/value education 0.286). Raised after the
// plain-text job bullets and date-named schools: overall 0.922
// (experiences 0.940, education 0.885, skills 0.913, phone 1.000). Raised
// after the form rules (colon label columns, wrapped form values, long
// form rows, degree class rows, Europass dates column): overall 0.954
// (experiences 0.971, education 0.940, skills 0.940; label/value 1.000).
// Raised after skill columns, school qualifications and employers with a
// comma: overall 0.968 (experiences 0.990, education 0.954, skills 0.953;
// French 0.973, English 0.964). Raised after the education acronym,
// grade and exchange rules: overall 0.975 (education 0.984). Raised after
// the skills heading words ("Research methods"): skills 0.962; after
// labelled lists in two columns: skills 0.972.
// After a degree set alone above its dated school, under an entry whole on one line: education 0.986.
// After a link after a letter standing for its icon ("W site.io") read as
// the portfolio (v2): overall 0.984 → 0.985.
var blind11Floors = []target{
	{"overall", nil, 0.984},
	{"name", []string{"name"}, 0.99},
	{"phone", []string{"phone"}, 0.99},
	{"experiences", expGroup, 0.980},
	{"education", eduGroup, 0.985},
	{"skills", []string{"skills"}, 0.975},
}

// blind12Floors hold the twelfth blind set (written blind, unthemed, for
// fixing) to what the parser reads of it. Scored untouched on the parser
// of 4be296e: overall 0.917 (name 0.870, experiences 0.927 with company
// 0.810, education 0.866, skills 0.929; French 0.939, English 0.907).
// Raised after the skills layout rules: overall 0.922, skills 0.944.
// Raised after wrapped school names: overall 0.929, education 0.881.
// After the skills heading words and language pairs: skills 0.970.
// After entries closed by their dates: education 0.901; after foreign
// grade scales and degree words: education 0.906.
// Raised after bold job headers under bullets, notes in the dates' bracket,
// work rates and agency notes: overall 0.951, phone 1.000, experiences
// 0.957.
// Raised after bold job headers under bullets, notes in the dates' bracket,
// work rates and agency notes: overall 0.952, phone 1.000, experiences
// 0.957. After CPD headings and honours lines under a degree: overall
// 0.959, education 0.924. After framework levels ("EQF level 4") cut off
// degrees and "Upper secondary" read as no class: overall 0.971,
// education 0.930. After Spanish and Portuguese honours ("Distinción
// Máxima") read as grades: overall 0.972, education 0.935. After Europass
// skills lines short of the edge and labelled groups a line: overall 0.974,
// skills 0.989. After Europass language certificates and skill sentences:
// overall 0.975, skills 0.991.
// After study modes ("(en alternance)", ", evening program") cut off
// schools and degrees: education 0.940.
// After single-year entries at a school named with its town kept in
// education ("Maturité gymnasiale" / "Gymnase de …, Town") and long
// worded degree names kept as the degree: overall 0.978, education 0.948.
// After a course of study named by its kind ("Apprenticeship", "Training Program") read as the degree: overall 0.979, education 0.953.
// After a school's district before its city ("…, Ijanikin, Lagos") read
// as its place: overall 0.980, education 0.958.
var blind12Floors = []target{
	{"overall", nil, 0.979},
	{"name", []string{"name"}, 1.0},
	{"phone", []string{"phone"}, 1.000},
	{"experiences", expGroup, 0.979},
	{"education", eduGroup, 0.957},
	{"skills", []string{"skills"}, 0.990},
}

// blind12LangGap bounds French against English on blind12 (French read
// better than English untouched).
const blind12LangGap = 0.06

// blind13Floors hold the thirteenth blind set (written blind, unthemed,
// for fixing) to what the parser reads of it. Scored untouched on the
// parser of 4be296e: overall 0.907 (experiences 0.900 with title 0.836,
// education 0.898 with institution 0.767, skills 0.899; French 0.935,
// English 0.892). Raised after the skills layout rules: overall 0.911,
// skills 0.911; after the education grade and acronym rules overall
// 0.918, education 0.915; after the column edge left of indented
// entries (extract) experiences 0.929; after the sea service form rules
// (rows cut where their own first label repeats, days before a range's
// month) overall 0.934, experiences 0.944.
// After the skills heading words and language pairs: skills 0.924; after
// seminars headings and a pastimes cell in a skills grid: 0.952.
// After a name's tail wrapped at a column's edge: education 0.933.
// Raised after bold job headers under bullets, notes in the dates' bracket,
// work rates and agency notes: overall 0.954, phone 0.958, experiences
// 0.959, skills 0.955. After CPD headings and honours lines under a
// degree: overall 0.959; after grade lines dated by their year: overall
// 0.961, education 0.953.
// After a university's school known by its acronym ("Aarhus BSS, Aarhus
// University"): overall 0.975, education 0.962.
// After a bracket's facts and dates closing a sentence ("(steel EBF,
// 2019–2021).") dating no job: overall 0.981, experiences 0.989; after
// "Activités associatives" read as an activities heading: overall 0.983,
// experiences 0.993.
// After a languages row read as one more row of a personal-details form
// (the address and phone under it kept): overall 0.985, phone 1.000,
// skills 0.975. After Europass language certificates and skill sentences:
// skills 0.977. After a town closed by the acronym its school spells with
// it ("College of Engineering, Pune (COEP)"): overall 0.986, education
// 0.980.
// After a season-dated course ("Summer 2014") dated to its year at both
// ends: overall 0.987, education 0.983.
// After a saint's or a mount's town after a school's dash ("— Mt. Hope")
// read as the place: overall 0.989, education 0.991.
var blind13Floors = []target{
	{"overall", nil, 0.988},
	{"name", []string{"name"}, 1.0},
	{"phone", []string{"phone"}, 1.0},
	{"experiences", expGroup, 0.993},
	{"education", eduGroup, 0.990},
	{"skills", []string{"skills"}, 0.976},
}

// blind13LangGap bounds French against English on blind13 (French read
// better than English untouched).
const blind13LangGap = 0.06

// blind14Floors hold the fourteenth blind set (written blind, unthemed,
// for fixing) to what the parser reads of it. Scored untouched on the
// parser of 4be296e: overall 0.909 (experiences 0.958, education 0.836,
// skills 0.879; OCR 0.783, table 0.808; French 0.922, English 0.904).
// Raised after the skills layout rules (language form rows, Europass
// skills rows, item grids, items cut inside a line): overall 0.925,
// skills 0.935. Raised after wrapped school names: overall 0.930,
// education 0.852; after entries closed by their dates and online
// specializations: overall 0.932, education 0.864; after foreign grade
// scales and degree words: overall 0.939, education 0.889.
// Raised after school stage rows and ranked trades: overall 0.940, phone
// 1.000, experiences 0.961. After school acronyms that spell a town (with
// others' rules landed between): overall 0.948, education 0.899.
// After a bio-data form's training blocks read as certificates ("Training
// Summary"): overall 0.966, education 0.929.
// After department phrases ("Corporate Services, …") kept with the
// title: overall 0.968, experiences 0.988.
// After single-year entries at a school named with its town kept in
// education ("Maturité gymnasiale" / "Gymnase de …, Town") and long
// worded degree names kept as the degree: overall 0.970, education 0.937.
// After a campus in brackets keeping the town before it in the school's
// name ("University of Education, Winneba (Kumasi Campus)"): overall
// 0.971, education 0.941.
// After a class after a dash on the degree's line kept in the degree:
// overall 0.972, education 0.946.
// After a count of credits after a certificate's dash ("– 8 credits") read
// as its result, not its school: overall 0.973, education 0.948.
// After a job dated by a single month ending in it ("Summer Trainee …
// August 2022"): experiences 0.989.
// After a labelled note after the degree's dash ("– Principal subjects:
// …") sent to the description: overall 0.974, education 0.953.
// After a course of study named by its kind ("Apprenticeship", "Training Program") read as the degree: overall 0.976, education 0.958.
// After a school's name set apart in Education heading an entry, not a
// section: education 0.960.
// After a line dating what it names in brackets and going on in lower
// case to its full stop read as a note, no entry: overall 0.978,
// education 0.969.
var blind14Floors = []target{
	{"overall", nil, 0.977},
	{"name", []string{"name"}, 1.0},
	{"phone", []string{"phone"}, 1.000},
	{"experiences", expGroup, 0.988},
	{"education", eduGroup, 0.968},
	{"skills", []string{"skills"}, 0.965},
}

// blind15Floors hold the fifteenth blind set (written blind, for fixing,
// themed on tables and forms) to what the parser reads of it. Scored
// untouched on the parser of 2b37436: overall 0.834 (experiences 0.779,
// education 0.826, skills 0.875; table 0.721 with table experiences
// 0.556, OCR 0.476; French 0.878, English 0.814).
// After framework levels ("EQF level 7") cut off degrees: overall 0.837,
// education 0.836. After years amid body lines, "since" dates told in a
// sentence and employer cells ended by an abbreviation: overall 0.842
// (title 0.762, start 0.851, end 0.835). After form name fields ("Nom,
// prénom", "Other names", numbered rows, cell bars) and form parts
// ("SECTION B: …" headings, registration parts as certifications): overall
// 0.861, name 0.979, phone 0.958, experiences 0.822, skills 0.887, table
// experiences 0.655. After a Europass heading read into the label cell
// beside a row ("Driving licence ADDITIONAL INFORMATION"), with the form
// fields above: overall 0.885, experiences 0.886, skills 0.891, table
// experiences 0.818. After a lettered cell beside the phone ("2x2" photo
// box) kept out of it: phone 1.000. After "From To" dates over two cells,
// "Institution attended" columns and paired headings ("… QUALIFICATIONS /
// REGISTRATION"): overall 0.893, education 0.871. After Europass skills
// lines short of the edge: overall 0.888, skills 0.898. After a
// letter-spaced name cut into the document's words ("T H A N D I W E M O
// KO E N A"): name 1.000. After Europass language certificates, grid
// headings and skill sentences: overall 0.906, skills 0.929. After a
// heading keyword inside brackets ("TNI (SMART Board)") read as an item:
// overall 0.908, skills 0.939. After skills ended by a declaration and by
// "Non-related referees": overall 0.914, skills 0.961. After a legal form
// with inner full stops after the name's comma ("Siemens, S.A. de
// C.V."): overall 0.917, experiences 0.895.
// After a town set after a dash before the country ("… (LAU) — Byblos,
// Lebanon") read as the place: education 0.876. After bio-data form
// blocks (an exam's "Group" kept out of its name, "Training Summary"
// blocks as certificates) and "Languages spoken" rows: overall 0.923,
// education 0.882. After table rows read whole (a duties column met by
// its rows, licence rows no headed blocks, cells wrapped in narrow
// columns joined): overall 0.936, table experiences 0.896. After job
// table headings of forms and sea service ("From" / "To", "Designation /
// Job Group", "Rank", "Company / Manning", unknown columns as notes):
// overall 0.945, experiences 0.945, table experiences 0.962. After the
// place after a dash under "Employer and station": overall 0.946,
// experiences 0.949, table experiences 0.971.
// After single-year entries at a school named with its town kept in
// education ("Maturité gymnasiale" / "Gymnase de …, Town") and long
// worded degree names kept as the degree: overall 0.948, education 0.905.
// After a line opening with its year set off by a colon ("2007 :
// Baccalauréat …, Lycée …, Oran.") heading its entry however long:
// overall 0.950, education 0.913.
// After a class after a dash on the degree's line kept in the degree:
// overall 0.951, education 0.918.
// After the Spanish and Italian school words ("Tecnológico de …"): overall
// 0.953, education 0.923.
// After "Teaching" and "Teaching and supervision" read as activities, not education: overall 0.955, education 0.932.
// After what a degree's line holds kept with it ("(Distinction)" closing
// the line, "(cum laude)", "(B. Ing.)", "– Chemistry with Science") and a
// study mode after a dash cut off: overall 0.956, education 0.937.
// After a photographed table's cells read whole (a rule read as a bar
// before a cell, a cell left open wrapped under it): overall 0.960,
// education 0.952.
// After a town between a school and the grade cut from the grade and a
// name cut at the typesetter's hyphen mended whole ("Con-" / "cepción"):
// overall 0.961, education 0.957.
// After a school's name wrapped at the column's edge after the degree's
// comma ("…, National and Kapodistrian" / "University of Athens"):
// overall 0.964, education 0.967.
// After a scan's date column, read by OCR before the content column, set
// back beside the lines level with it: overall 0.974, experiences 0.960,
// education 0.978, skills 0.979.
// After a grade of membership ("Associate Member (ACA)") listed among the
// degrees read as a certification: overall 0.975, education 0.985.
// After a photo's sheet scaled without its desk, its perspective lean
// taken out and OCR line boxes held to their words' height (e07's second
// job no longer read as a school under a cell taken for a heading):
// overall 0.975 → 0.977 (0.9754 → 0.9767), experiences 0.959 → 0.963.
var blind15Floors = []target{
	{"overall", nil, 0.976},
	{"name", []string{"name"}, 1.0},
	{"phone", []string{"phone"}, 1.0},
	{"experiences", expGroup, 0.962},
	{"education", eduGroup, 0.984},
	{"skills", []string{"skills"}, 0.978},
	{"table experiences", expGroup, 0.970},
}

// blind15LangGap bounds French against English on blind15 (French read
// better than English untouched).
const blind15LangGap = 0.06

// blind16Floors hold the sixteenth blind set (written blind, unthemed,
// for fixing) to what the parser reads of it. Scored untouched on the
// parser of 2b37436: overall 0.916 (experiences 0.877, company 0.709,
// education 0.923, skills 0.939; table 0.731; French 0.938, English
// 0.905). After an elided capital ("Institut Pasteur de Côte d'Ivoire")
// leaving a name capitalised: overall 0.918, experiences 0.882. After a
// town before its state's code ("Moranbah, QLD", "Québec (Qc)") read as
// the place: overall 0.924, experiences 0.896. After a year wrapped from
// its month in a sentence dating no entry: overall 0.928, experiences
// 0.906. After years amid body lines and "since" dates told in a sentence:
// overall 0.929. After the Swiss "Nom, prénom" field read given name first:
// name 1.000. After a Europass heading read into the label cell beside a
// row: overall 0.940, experiences 0.935, skills 0.941. After a sentence
// wrapped before a name going on to its full stop (no employer over the
// positions below): overall 0.943, experiences 0.943. After Europass skills
// lines short of the edge: overall 0.941, skills 0.946. After a town's
// names joined by particles ("Mülheim an der Ruhr") shaped like a town:
// overall 0.945, experiences 0.946. After Europass skill sentences: overall
// 0.950, skills 0.954.
// After title tails kept as units under employers: overall 0.953. After
// "Personal" inside a skills list read as a group: overall 0.955, skills
// 0.959.
// After study modes ("(en alternance)", ", evening program") cut off
// schools and degrees: education 0.928. After a sentence-case "Languages:"
// line set apart in another section read as the languages: overall 0.957,
// skills 0.963.
// After single-year entries at a school named with its town kept in
// education ("Maturité gymnasiale" / "Gymnase de …, Town") and long
// worded degree names kept as the degree: overall 0.959, education 0.935.
// After a long degree name with its level in brackets ("(Level 4)") kept as a header: overall 0.960, education 0.941.
// After the Spanish and Italian school words ("Scuola del Design", "Scuola
// Normale Superiore"): overall 0.963, education 0.952.
// After schools named in Romanian, Italian and other languages' words
// ("Colegiul Tehnic …", "Universitatea …") and a school's name
// read onto the end of the degree's line cut off: overall 0.966,
// education 0.965.
// After "Teaching and supervision" read as activities, not education: overall 0.970, education 0.980.
// After what a degree's line holds kept with it ("(Distinction)" closing
// the line, "(cum laude)", "(B. Ing.)", "– Chemistry with Science") and a
// study mode after a dash cut off: overall 0.971, education 0.985.
// After a school certificate's count of subjects after a middle dot kept
// in its name ("CSEC · 7 subjects"): overall 0.972, education 0.989.
// After "CWA:"/"WAM:" read as a grade's label and a class in brackets
// closing a degree's name kept with it: overall 0.973, education 0.993.
// After a branch office after the employer's dash ("… – agence de
// Rennes") read as where the job was: overall 0.973 → 0.975, experiences
// 0.962 → 0.967.
var blind16Floors = []target{
	{"overall", nil, 0.974},
	{"name", []string{"name"}, 1.0},
	{"phone", []string{"phone"}, 1.0},
	{"experiences", expGroup, 0.966},
	{"education", eduGroup, 0.992},
	{"skills", []string{"skills"}, 0.962},
}

// blind17Floors hold the seventeenth blind set (written blind, leaning on
// education, for fixing) to what the parser reads of it. Scored untouched
// on the parser of d929e19: overall 0.889 (experiences 0.879, company
// 0.800, education 0.829, degree 0.655, institution 0.817, skills 0.926;
// OCR 0.771; French 0.874, English 0.897).
// After a list of fields kept in a school's name ("Faculté des sciences
// économiques, sociales et des territoires") and a faculty after the dash
// kept with its school: overall 0.890, education 0.832. After Spanish,
// Portuguese and Swiss qualification words (técnico, bachillerato, CAS,
// CFC) and school acronyms (IES, CIFP, CFA): overall 0.891, education 0.834.
// After a school's centre after a dash ("IFAPME - Centre de Namur"):
// overall 0.892, education 0.841 (institution 0.859).
// After seasons joined by "and"/"et" ("Étés 2021 et 2022"), a town and its
// district after the employer's dash, dates in a bracket opened by "d'",
// a town's island in brackets and a pupil count after the employer:
// overall 0.895, experiences 0.889 (company 0.827, end 0.920).
// After column headings telling how the field was had ("Qualification
// Attained") and an exam's "Board" row beside its "Institute" row naming
// no new entry: overall 0.901, education 0.859.
// After the lines under an education entry (honours lines dated by terms,
// "Classement : …", "Graduated with First Class Honours", a degree name
// joined by "with"): overall 0.906, education 0.876.
// After a department or research group kept with its university after a
// comma ("Department of Civil Engineering, KNUST"): overall 0.908,
// experiences 0.896.
// After what a degree's line holds kept with it ("(Distinction)" closing
// the line, "(cum laude)", "(B. Ing.)", "– Chemistry with Science") and a
// study mode after a dash cut off: overall 0.909, education 0.885.
// After a paragraph of sentences under a degree read as its notes and
// integrated masters (MChem, MPhys) read as degrees: overall 0.913,
// education 0.894.
// After a course of study named by its kind ("Apprenticeship", "Training Program") read as the degree: overall 0.915, education 0.901.
// After a header line's closing full stop taken off its last part:
// experiences 0.897.
// After a season-dated course ("Fall 2023", "Summer 2014") dated to its
// year at both ends: overall 0.917, education 0.904.
// After a "Non-degree coursework:" label read as the degree of a school
// naming none: overall 0.917, education 0.906.
// After moderncv's grade field cut from the degree under a school-and-town
// line ("MSc …, Distinction<tab>2016–2017"): overall 0.920, education 0.916.
// After schools and qualifications written as two lists paired, and
// qualifications dated on their own lines under one school: overall
// 0.930, education 0.951.
// After a sidebar's wrapped honour ("Dean's Commendation for Academic" /
// "Excellence, 2018") read as the degree's note, no heading: overall
// 0.933, education 0.959.
// After "Positions of Responsibility" and "Activités extra-professionnelles"
// read as activities, not jobs: overall 0.936.
// After a grade under a school's name that filled the sidebar ("…
// (HEPL)" / "Grande distinction") kept apart from the name: overall
// 0.937, education 0.960.
// After two headings of one kind joined by "&" ("PROFESSIONAL
// QUALIFICATIONS & SHORT COURSES") read as that kind: overall 0.938,
// education 0.967.
// After a programme and the bare credential after its dash ("… –
// Ontario College Advanced Diploma") read as one degree: overall 0.939,
// education 0.970.
// After a short dash a phone photo blurs read as a dash, not a middle dot
// (k22's "Title — Company, Town" line): overall 0.942, experiences 0.918.
// After a referee's name after an honorific ("Engr. …") heads no list of
// skills under the references (v2): overall 0.942 → 0.947, skills 0.926 →
// 0.939.
var blind17Floors = []target{
	{"overall", nil, 0.946},
	{"name", []string{"name"}, 0.957},
	{"phone", []string{"phone"}, 1.0},
	{"experiences", expGroup, 0.917},
	{"education", eduGroup, 0.969},
	{"skills", []string{"skills"}, 0.938},
}

// blind17LangGap bounds French against English on blind17.
const blind17LangGap = 0.06

// blind18Floors hold the eighteenth blind set (written blind, leaning on
// education, for fixing) to what the parser reads of it. Scored untouched
// on the parser of d929e19: overall 0.897 (experiences 0.883, company
// 0.765, education 0.845, degree 0.785, institution 0.718, skills 0.940;
// table 0.817; French 0.924, English 0.884).
// After a list of fields kept in a school's name ("School of Arts, Design
// and Architecture"): overall 0.899, education 0.851 (institution 0.740).
// After Spanish, Portuguese and Swiss qualification words and school
// acronyms: overall 0.906, education 0.874.
// After schools named in German and other languages' words ("Gewerbliche
// Berufsschule …"): overall 0.908, education 0.878.
// After a town with its university's number after a dash ("– Blida 1")
// and "(enseignement à distance)" read as a study mode: overall 0.911,
// education 0.887 (institution 0.831).
// After seasons joined by "and" ("Summers 2021 and 2022"), a town and its
// district after the employer's dash ("Koree Digital SARL – Douala,
// Akwa"), dates in a bracket opened by "d'" ("(d'août 2017 à ce jour)")
// and a town's island in brackets ("Cala d'Or (Mallorca)"): overall
// 0.922, experiences 0.921 (company 0.846, end 0.953).
// After the lines under an education entry ("Erasmus+ semester at …" a
// note, a school named with Italian particles heading its entry): overall
// 0.924, education 0.894.
// After the Philippine data sheet's "Level" and "Name of School & Address"
// columns: overall 0.926, education 0.900.
// After a department kept with its university's initials ("…, NUS"):
// overall 0.927, experiences 0.924. After a job dated by a single month
// ending in it ("Période : Juillet 2020"): experiences 0.924 (end 0.954).
// After letter-grade counts ("9A 1B") read as the grade: overall 0.931,
// education 0.914.
// After a course of study named by its kind ("Apprenticeship", "Training Program") read as the degree: overall 0.932, education 0.917.
// After a school line's closing full stop, "im." as an abbreviation,
// "Liceum" and a laboratory after a dash kept in the school's name:
// overall 0.935, education 0.927 (institution 0.905).
// After a degree's line left open on its honours mark or a field's first
// word ("… in Computer" / "Systems and Networks"): overall 0.938,
// education 0.935.
// After a mark wrapped under its label ("…, note" / "5,5") kept with it:
// overall 0.940, education 0.940.
// After a school's name set apart in a sidebar's Education heading an
// entry, not a section of jobs ("Universiti …" / "Foundation in
// Engineering" / "2008 – 2009"): overall 0.944, education 0.948.
// After a worded grade with its number ("very good (5.0)") read as the
// grade after the school's town: overall 0.945, education 0.951.
// After "Activités extra-professionnelles" read as activities, not jobs:
// overall 0.946.
// After a degree's title wrapped in its cell beside the framework level,
// in the title's larger type: overall 0.947, education 0.954.
// After "Training & Certification" read as certificates, no degrees:
// overall 0.949, education 0.961.
// After a town and its region in a cell beside the school (moderncv's
// "School<tab>Changsha, Hunan") read as the place: overall 0.952,
// education 0.964.
// After a school on its own line heading the qualifications listed after
// its first one (CAPE, then CSEC): overall 0.953, education 0.966.
// After "Industrial Attachment" and other placement headings read as jobs:
// overall 0.954, experiences 0.937.
var blind18Floors = []target{
	{"overall", nil, 0.953},
	{"name", []string{"name"}, 1.0},
	{"phone", []string{"phone"}, 0.957},
	{"experiences", expGroup, 0.936},
	{"education", eduGroup, 0.965},
	{"skills", []string{"skills"}, 0.939},
}

// blind18LangGap bounds French against English on blind18.
const blind18LangGap = 0.06

// blind19Floors hold the nineteenth blind set (written blind: education in
// unusual layouts, for fixing) to what the parser reads of it. Scored
// untouched on the parser of bf19a9a: overall 0.919 (experiences 0.948,
// education 0.827, degree 0.742, institution 0.753, end 0.908, skills
// 0.960; OCR 0.794, table 0.870; French 0.930, English 0.915). Raised as
// fixes land: torn education tables sewn back, "Formation initiale et
// continue" heads degrees (overall 0.934, education 0.877); table cells
// wrapped under their column, sidebar entries closed by their grade
// (0.940, 0.897); one-column education (unfinished and online notes,
// double degrees, course kinds, plain-text table cells, credentials and
// Training beside degrees as certifications) (0.957, 0.951); an OCR bar
// read as "I" in a heading, "Degree at School" wrapped before the school
// word (m08) (0.968, 0.967); a campus ("Sede …") kept in the school, a
// grade in words after a pipe (0.969, 0.971); a line of dates with its
// town and note closes a sidebar entry, "…, série" / "Sciences" goes on
// (0.972, 0.981); an endorsement in brackets stays in the certificate's
// name (0.973, 0.984); jobs under a summary's heading ("CAREER SUMMARY",
// m24) read as experience (0.982, experiences 0.978).
var blind19Floors = []target{
	{"overall", nil, 0.981},
	{"name", []string{"name"}, 1.0},
	{"phone", []string{"phone"}, 0.978},
	{"experiences", expGroup, 0.977},
	{"education", eduGroup, 0.983},
	{"skills", []string{"skills"}, 0.959},
}

// blind19LangGap bounds French against English on blind19.
const blind19LangGap = 0.06

// blind20Floors hold the twentieth blind set (written blind, unthemed, for
// fixing) to what the parser reads of it. Scored untouched on the parser of
// 5120448: overall 0.971 (name 0.957, experiences 0.989, education 0.955,
// institution 0.854, skills 0.961; French 0.979, English 0.967).
// After a school's bracket telling how the degree was had, "études à temps
// partiel", "Sta." towns, examining boards, colleges of a federal
// university, "ACR – Town, Name" schools and the Swiss maturité: overall
// 0.981, education 1.000.
// After a credential the post-nominals do not list after a comma ("…,
// CRHA") and a name in capitals woven by OCR into the address beside it:
// overall 0.982, name 1.000.
// After the Europass "Foreign language(s)" label and lists with middle dots
// wrapped at a sidebar's edge: overall 0.990, skills 0.985.
// After a range inside a sentence before a bracketed note ("2022-2027
// (TUAC …) sans …") and "Speaking & Writing" read as talks: overall 0.996.
// After a LinkedIn address wrapped at a hyphen before an icon: overall
// 0.997. After a photo's caption with a middle dot read as no heading:
// overall 0.997 (one false title fewer), experiences 0.997.
// After an institute named before its field kept with its university
// ("University of Groningen, Groningen Institute for …"): overall 0.998,
// experiences 1.000.
// After spoken languages found in a row of labelled personal details
// (several label/value fields on one row) and more languages known:
// overall 0.998 → 1.000, skills 0.995 → 1.000.
var blind20Floors = []target{
	{"overall", nil, 0.999},
	{"name", []string{"name"}, 1.0},
	{"phone", []string{"phone"}, 1.0},
	{"experiences", expGroup, 0.999},
	{"education", eduGroup, 0.999},
	{"skills", []string{"skills"}, 0.999},
}

// blind20LangGap bounds French against English on blind20.
const blind20LangGap = 0.06

// blind21Floors hold the twenty-first blind set (formerly heldout4, held out
// from 2026-12-06 to 2026-12-07) to what the parser reads of it. Scored on
// b5b38d5 when it was opened for fixing: see testdata/blind21/README.md.
// After placement headings ("On-the-Job Training") read as jobs, a "Dean's
// Lister" line kept as an honour, a senior-high strand over a school named
// without a school's word, courses dated to the day and a form's
// "Formation :" rows sent to certifications, and a town in brackets kept
// in the school's name: overall 0.912 → 0.927, education 0.878 → 0.927,
// experiences 0.898 → 0.906.
// Then US day dates ("March 15, 2014"), a job portal's career-length line,
// a region cut short after the town ("Guadalajara, Jal."), the Europass
// name beside the logo and its "City: | Country:" places, moderncv's
// two-colour name and a describing bracket that no longer blocks the
// title's comma: overall 0.927 → 0.950, name 0.913 → 1.0, experiences
// 0.906 → 0.963.
// Then a dates column read row by row above sections whose lines run
// across the page (f03, read whole), a short dash a phone photo blurs read
// as a dash (f08's class and stream stay in the degree), a scanned grid
// cell's second line without descenders joined to its cell (f20), trade
// tests kept in education whole and "Grade 12" read as a school year, no
// grade (f12): overall 0.950 → 0.963, education 0.927 → 0.968,
// experiences 0.963 → 0.973.
// Then letter-spaced headings broken into fragments joined ("COMP É TEN
// CES", f02's skills), "Reference (s)" and a referee's bold "Organization:"
// rows heading nothing (f22), "Extra-Curricular" and "Habilitation :"
// heads (f10, f07), a part ending on "skills" parting a one-a-line item
// (f15), a lower-case tool set a skill bar apart (f16), "Dactylographie :
// 60 mots/min" read as the skill and its level (f17) and "School
// Practice" read as a placement's title (f20): overall 0.963 → 0.978,
// skills 0.941 → 0.984, experiences 0.973 → 0.980.
// Then a link after a letter standing for its icon ("W site.io") read as
// the portfolio (v2): overall 0.978 → 0.979.
var blind21Floors = []target{
	{"overall", nil, 0.978},
	{"name", []string{"name"}, 0.999},
	{"phone", []string{"phone"}, 0.999},
	{"experiences", expGroup, 0.979},
	{"education", eduGroup, 0.966},
	{"skills", []string{"skills"}, 0.983},
}

// blind21LangGap bounds French against English on blind21.
const blind21LangGap = 0.06

// blind23Floors hold the twenty-third blind set (unthemed, full education
// histories, written blind for fixing) to what the parser reads of it.
// Attestation headings, a programme's length after its dates, a
// district after a dash before the city and a state-coded town before a
// study mode, qualifications told as phrases ("B.Tech from <school>,
// <town>, in 2015 with 72.4%."), a long qualification's line over its
// school and dates, "Grade 7 Certificate", "Post-Graduation" a degree
// (v1): overall 0.909 → 0.923, education 0.924 → 0.968. A main column
// whose lines start at a few indents read apart from its right sidebar,
// jobs told as sentences ("Working as … in … from … to till date."), a
// project's "Responsibilities:" no section of jobs, a bold head over its
// dates line opening its entry, a year ending a bracketed note no job's
// date, joined side-list headings and "Areas of Practice" (v2): overall
// 0.922 → 0.959, experiences 0.900 → 0.955, skills 0.892 → 0.939,
// education 0.964 → 0.982 (the sidebar CV's). A subject/grade results
// grid read as notes (v1): overall 0.960 → 0.960 (one false positive
// fewer), education 0.986 → 0.988. A labelled list of subjects run to
// the column's edge joined to its rest, "9 passes" kept with the
// certificate (v1): overall 0.960 → 0.961, education 0.988 → 0.991.
// Ligatures spelled out, a "+91-" phone's ten digits kept, a southern
// "Summer 2014/15", a declaration's "Place : …" row and a referee's
// honorific name no skills' heading (v2): overall 0.960 → 0.965, skills
// 0.939 → 0.948, phone 0.917 → 0.958. A field then the class after the
// degree's dash kept in the degree (v1): overall 0.966 → 0.967,
// education 0.991 → 0.994. A ward ("Service des urgences") between the
// title and the employer kept in the title, "CURRICULUM VIT E" (OCR lost a
// letter) no name (v2): overall 0.967 → 0.970, experiences 0.958 → 0.964,
// name 0.958 → 1.000. "Niveau moyen" read as a level (v2): overall 0.970
// → 0.971, skills 0.948 → 0.951. Armed forces an employer (v2): overall
// 0.971 → 0.973, experiences 0.964 → 0.969. A comma before "including"
// kept inside its skill (v2): overall 0.973 → 0.975, skills 0.951 → 0.961.
// A link after a letter standing for its icon (v221's "W …github.io")
// read as the portfolio (v2): overall 0.975 → 0.976.
var blind23Floors = []target{
	{"overall", nil, 0.975},
	{"name", []string{"name"}, 0.999},
	{"phone", []string{"phone"}, 0.957},
	{"experiences", expGroup, 0.968},
	{"education", eduGroup, 0.992},
	{"skills", []string{"skills"}, 0.960},
}

// blind23LangGap bounds French against English on blind23.
const blind23LangGap = 0.06

// blind22Floors hold the twenty-second blind set (every document read by
// OCR: phone photos and outlined PDFs, written blind for fixing) to what the
// parser reads of it. Untouched: overall 0.760.
// Light headings on dark bars turned negative before Sauvola thresholding
// (s215's sections came back), a job's "Achievements:" label kept in the
// job, a range whose dash OCR lost ("May 2021 Present"), "CURRICUL M
// VITAE" no name, "Depuis janvier 2017Infirmière" cut, an acronym's
// bracket read as a comma closed, and a contact line without its
// separators split: overall 0.760 → 0.789, experiences 0.808 → 0.854,
// education 0.794 → 0.814, name 0.756 → 0.844, phone 0.857 → 0.884.
// Then a Europass grid's "language(s)" cell read as the heading it is
// (its "(s)" plural mark read, blind21's round), no skill: overall 0.789
// → 0.789 (0.7889 → 0.7893), skills 0.682 → 0.683.
// Then a phone or e-mail label inside a contact line parted from the item
// before it ("…, Accra-North Tel: 024 …"): overall 0.789 → 0.790
// (0.7893 → 0.7900), phone 0.884 → 0.909.
// Then an outlined PDF's dark sidebar turned dark text on light before
// OCR, a sidebar's bullets hanging left of its headings' edge, a sidebar
// the layout read as a page column no label column, an initials avatar
// no name: overall 0.790 → 0.811 (0.7900 → 0.8108), skills 0.683 →
// 0.723, education 0.814 → 0.834, experiences 0.854 → 0.861, phone
// 0.909 → 0.933.
// Then Europass rows read through OCR (a label OCR set in one cell with
// its value, a long label misread by a letter or two, dated entries under
// a heading band OCR lost read as jobs, rows cut by a page break at the
// same label kept, the employer's street left out of the job's place, a
// grid heading with one word misread): overall 0.811 → 0.828 (0.8108 →
// 0.8283), experiences 0.861 → 0.887, education 0.834 → 0.848, name
// 0.844 → 0.870, skills 0.723 → 0.734.
// Then a photo's sheet scaled to A4 without the desk around it, its
// columns' perspective lean taken out (their lines start at one x again:
// sidebars found), an OCR line's box held to its words' height (a word
// run into a rule or an underline, or words stepping with leftover tilt,
// no larger type), and a heading whose spaced capitals OCR broke anywhere
// ("PROFESSIONAL CERT IFICATE") read: overall 0.828 → 0.860 (0.8283 →
// 0.8602), skills 0.734 → 0.797, name 0.870 → 0.894, phone 0.933 →
// 0.957, experiences 0.887 → 0.907, education 0.848 → 0.862.
// Then a photo's dark sidebar or band of light text turned dark on light
// before OCR, as a scanned page's is (light ink counted inside a block
// only, so the desk around the sheet stays): overall 0.860 → 0.872
// (0.8602 → 0.8724), skills 0.797 → 0.828, name 0.894 → 0.917, phone
// 0.957 → 0.979.
// Then a note closing on its year in brackets under a degree whose dates
// stand in a cell of their own kept as that degree's note (no entry
// taking the next school), two sections set side by side under headings
// on one line ("SKILLS<tab>LANGUAGES", "Skills<tab>Seminars") read column
// by column, and a skill's bracket of commas ("SAP (MM, SD)") no list
// wrapped onto the next line: overall 0.872 → 0.885 (0.8724 → 0.8846),
// skills 0.828 → 0.857, education 0.862 → 0.873.
// Then spoken languages read in a row of labelled personal details
// ("Citizenship: … · Languages: English, Filipino"), and languages of
// Nigeria and Java known as spoken ones: overall 0.885 → 0.888 (0.8846 →
// 0.8881), skills 0.857 → 0.868.
// Then a comma list written as one item of a bulleted list cut at its
// last "and" ("• Microsoft Word, Excel and PowerPoint"): overall 0.888 →
// 0.890 (0.8881 → 0.8897), skills 0.868 → 0.873.
// Then "Kolej" and "Maktab" known as school words (the Malay college under
// its programme no longer read into the programme's name): overall 0.890
// → 0.891 (0.8897 → 0.8913), education 0.873 → 0.879.
// Then a skills grid's first-column item wrapped in its cell given its
// lower-case rest from the next row ("Contractor & consultant" /
// "approvals"): overall 0.891 → 0.893 (0.8913 → 0.8934), skills 0.873 →
// 0.880.
// Then a row of languages each given its level after a spaced dash with
// nothing between the pairs cut before each language ("English — Fluent
// Kiswahili — Fluent"): overall 0.893 → 0.894 (0.8934 → 0.8940), skills
// 0.880 → 0.882.
// Then a Congolese form's "Post-nom" read after the family name ("Prénom"
// + "Nom" + "Post-nom"): overall 0.894 → 0.895 (0.8940 → 0.8951), name
// 0.917 → 0.958.
// Then a range whose dash a photo lost between two months with their
// years read ("Mars 2015 Décembre 2018"): overall 0.895 → 0.896 (0.8951
// → 0.8961), experiences 0.907 → 0.911.
// Then a second job title after the title's dash kept in the title when
// the employer heads the next line ("Stagiaire - Assistante
// administrative" / "Port Autonome de …"): overall 0.896 → 0.897 (0.8961
// → 0.8972), experiences 0.911 → 0.914.
// Then a branch office after the employer's dash ("… (BFM) - Agence
// Analakely") read as the job's location, before its town: overall
// 0.897 → 0.898 (0.8972 → 0.8982), experiences 0.914 → 0.917.
// Then a count of marks set apart after an examination's name ("KCPE -
// 381 marks") read as its grade: overall 0.898 → 0.899 (0.8982 →
// 0.8993), education 0.879 → 0.883.
// Then a labelled row's list that ran out of its cell mid-item, no comma
// at the line's end, joined to its rest in the value column ("…, MS" /
// "Project, MS Office"): overall 0.899 → 0.901 (0.8993 → 0.9008), skills
// 0.882 → 0.886.
var blind22Floors = []target{
	{"overall", nil, 0.899},
	{"name", []string{"name"}, 0.957},
	{"phone", []string{"phone"}, 0.978},
	{"experiences", expGroup, 0.916},
	{"education", eduGroup, 0.882},
	{"skills", []string{"skills"}, 0.885},
}

// blind22LangGap bounds French against English on blind22.
const blind22LangGap = 0.5

// blind16LangGap bounds French against English on blind16 (French read
// better than English untouched).
const blind16LangGap = 0.06

// blind14LangGap bounds French against English on blind14 (French read
// better than English untouched).
const blind14LangGap = 0.06

// blind11LangGap bounds French against English on blind11 (French read
// 0.039 under English untouched).
const blind11LangGap = 0.06

// blind8LangGap bounds French against English on blind8 (French reads
// better than English on it).
const blind8LangGap = 0.05

// blind6LangGap and blind7LangGap bound French against English (French
// read 0.051 under English on blind7 untouched).
const (
	blind6LangGap = 0.05
	blind7LangGap = 0.06
)

// blind5LangGap bounds French against English on the fifth blind set.
const blind5LangGap = 0.05

// blind4LangGap bounds French against English on the fourth blind set
// (French reads better than English on it).
const blind4LangGap = 0.05

// blind2LangGap bounds French against English on the second blind set.
const blind2LangGap = 0.10

// target is a minimum F1 over a group of fields, over all documents or,
// when its name starts with a layout, over that layout's documents.
type target struct {
	name   string
	fields []string
	min    float64
}

// checkTargets fails the test for every target the score misses, and when
// French is more than maxLangGap below English overall.
func checkTargets(t *testing.T, res corpusScore, targets []target, maxLangGap float64) {
	t.Helper()
	for _, tg := range targets {
		s, fields := res.all, tg.fields
		for _, layout := range []string{"sidebar", "table"} {
			if strings.HasPrefix(tg.name, layout+" ") {
				s = res.byLayout[layout]
			}
		}
		if fields == nil {
			fields = scoredFields
		}
		if s == nil {
			t.Errorf("%s: no documents of that layout", tg.name)
			continue
		}
		if _, _, f := s.group(fields...).prf(); f < tg.min {
			t.Errorf("%s: F1 %.3f < %.2f", tg.name, f, tg.min)
		}
	}
	if en, fr := res.byLang["en"].overall(), res.byLang["fr"].overall(); fr < en-maxLangGap {
		t.Errorf("French overall F1 %.3f is more than %.2f below English %.3f", fr, maxLangGap, en)
	}
}

// TestCorpusAccuracy scores our own labelled corpus (testdata/corpus)
// against issue 14's targets.
func TestCorpusAccuracy(t *testing.T) {
	scoreFixSet(t, "testdata/corpus", 60, issueTargets, issueLangGap)
}

// TestBlindAccuracy scores the blind set (testdata/blind: CVs written by
// hand, without looking at the parser, through Chromium, LibreOffice,
// LaTeX classes, plain text and outlined PDFs; see testdata/blind/README.md)
// the same way and holds it to the same targets. Its documents b21–b30 were
// never looked at while the parser was fixed (docs/quality.md reports them
// apart as the honest estimate), so a rule tuned to b01–b20 that breaks
// elsewhere shows there first.
func TestBlindAccuracy(t *testing.T) {
	scoreFixSet(t, "testdata/blind", 30, issueTargets, issueLangGap)
}

// TestBlind2Accuracy scores the second blind set (testdata/blind2: 24 CVs
// written by two more people who never read the parser). It was held out
// until it had been scored once (overall 0.785 on the parser of 2026-12-05,
// against 0.907 for the first blind set's unseen part), then opened for
// fixing; testdata/heldout took its place. Far from the issue's targets
// yet, it is held to floors just under what the parser scores on it now,
// raised as fixes land, so that no fix elsewhere loses what it reads.
func TestBlind2Accuracy(t *testing.T) {
	scoreFixSet(t, "testdata/blind2", 24, blind2Floors, blind2LangGap)
}

// TestBlind3Accuracy scores the third blind set (testdata/blind3: 24 CVs
// written blind on 2026-12-06 and fixed against at once) and holds it to
// floors just under what the parser reads of it, raised as fixes land.
func TestBlind3Accuracy(t *testing.T) {
	scoreFixSet(t, "testdata/blind3", 24, blind3Floors, blind3LangGap)
}

// TestBlind4Accuracy scores the fourth blind set (testdata/blind4: 24 CVs,
// half of them French, written blind on 2026-12-06, scored once untouched
// and then fixed against) and holds it to floors raised as fixes land.
func TestBlind4Accuracy(t *testing.T) {
	scoreFixSet(t, "testdata/blind4", 24, blind4Floors, blind4LangGap)
}

// TestBlind5Accuracy scores the fifth blind set (testdata/blind5: 24 CVs
// written blind on 2026-12-06 with extra care for education and skills,
// scored untouched on the parser of c9f7926 at 0.873 and on 12450a6 at
// 0.882, then fixed against)
// and holds it to floors raised as fixes land.
func TestBlind5Accuracy(t *testing.T) {
	scoreFixSet(t, "testdata/blind5", 24, blind5Floors, blind5LangGap)
}

// TestBlind6Accuracy scores the sixth blind set (testdata/blind6: 24 CVs
// written blind on 2026-12-06 around experience layouts: tables, title and
// company orders, departments, dates in words), fixed against once scored.
func TestBlind6Accuracy(t *testing.T) {
	scoreFixSet(t, "testdata/blind6", 24, blind6Floors, blind6LangGap)
}

// TestBlind7Accuracy scores the seventh blind set (testdata/blind7: contact,
// education and skills as people write them), fixed against once scored.
func TestBlind7Accuracy(t *testing.T) {
	scoreFixSet(t, "testdata/blind7", 24, blind7Floors, blind7LangGap)
}

// TestBlind8Accuracy scores the eighth blind set (testdata/blind8: skills
// and section headings as people write them, across professions), fixed
// against once scored.
func TestBlind8Accuracy(t *testing.T) {
	scoreFixSet(t, "testdata/blind8", 24, blind8Floors, blind8LangGap)
}

// TestBlind9Accuracy scores the ninth blind set (testdata/blind9: the
// first held-out set, 24 CVs written unthemed like real ones; held out
// from 2026-12-05 until it read 0.904 on 7eda252, then opened for fixing)
// and holds it to floors raised as fixes land.
func TestBlind9Accuracy(t *testing.T) {
	scoreFixSet(t, "testdata/blind9", 24, blind9Floors, blind9LangGap)
}

// TestBlind10Accuracy scores the tenth blind set (testdata/blind10: 24
// unthemed CVs written blind on 2026-12-06 for fixing, scored untouched
// first) and holds it to floors raised as fixes land.
func TestBlind10Accuracy(t *testing.T) {
	scoreFixSet(t, "testdata/blind10", 24, blind10Floors, blind10LangGap)
}

// TestBlind11Accuracy scores the eleventh blind set (testdata/blind11: 24
// unthemed CVs, half French, written blind on 2026-12-06 for fixing,
// scored untouched first) and holds it to floors raised as fixes land.
func TestBlind11Accuracy(t *testing.T) {
	scoreFixSet(t, "testdata/blind11", 24, blind11Floors, blind11LangGap)
}

func TestBlind12Accuracy(t *testing.T) {
	scoreFixSet(t, "testdata/blind12", 24, blind12Floors, blind12LangGap)
}

func TestBlind13Accuracy(t *testing.T) {
	scoreFixSet(t, "testdata/blind13", 24, blind13Floors, blind13LangGap)
}

func TestBlind14Accuracy(t *testing.T) {
	scoreFixSet(t, "testdata/blind14", 24, blind14Floors, blind14LangGap)
}

func TestBlind15Accuracy(t *testing.T) {
	scoreFixSet(t, "testdata/blind15", 24, blind15Floors, blind15LangGap)
}

func TestBlind16Accuracy(t *testing.T) {
	scoreFixSet(t, "testdata/blind16", 24, blind16Floors, blind16LangGap)
}

func TestBlind17Accuracy(t *testing.T) {
	scoreFixSet(t, "testdata/blind17", 24, blind17Floors, blind17LangGap)
}

func TestBlind18Accuracy(t *testing.T) {
	scoreFixSet(t, "testdata/blind18", 24, blind18Floors, blind18LangGap)
}

func TestBlind19Accuracy(t *testing.T) {
	scoreFixSet(t, "testdata/blind19", 24, blind19Floors, blind19LangGap)
}

func TestBlind20Accuracy(t *testing.T) {
	scoreFixSet(t, "testdata/blind20", 24, blind20Floors, blind20LangGap)
}

func TestBlind21Accuracy(t *testing.T) {
	scoreFixSet(t, "testdata/blind21", 24, blind21Floors, blind21LangGap)
}

func TestBlind23Accuracy(t *testing.T) {
	scoreFixSet(t, "testdata/blind23", 24, blind23Floors, blind23LangGap)
}

func TestBlind22Accuracy(t *testing.T) {
	scoreFixSet(t, "testdata/blind22", 24, blind22Floors, blind22LangGap)
}

// TestHeldoutAccuracy scores the held-out sets (testdata/heldout2,
// heldout3, heldout5, heldout6, heldout7 and heldout8; heldout4 became blind21: each
// written by two people who saw neither the parser nor the other sets). Nobody fixing the parser opens them or reads their
// misses; they are scored before and after a round of fixes as the honest
// estimate of how the parser does on CVs it has never met
// (docs/quality.md). They are not held to the issue's targets or to
// floors, which would invite tuning to them, and their misses are never
// listed, even with -v: the test fails on an extraction error or a truth
// file the scorer cannot read. Each set runs as a subtest so that
// -skip TestHeldoutAccuracy leaves all of them out.
func TestHeldoutAccuracy(t *testing.T) {
	var sets []corpusScore
	for _, set := range []struct {
		dir  string
		docs int
	}{{"heldout2", 24}, {"heldout3", 24}, {"heldout5", 24}, {"heldout6", 24}, {"heldout7", 24}, {"heldout8", 24}} {
		t.Run(set.dir, func(t *testing.T) { sets = append(sets, scoreCorpus(t, "testdata/"+set.dir, set.docs)) })
	}
	merge(sets...).log(t, "all held-out sets")
}

// groupTable reports the issue's figures per layout and per language.
func groupTable(byLayout, byLang map[string]*scorer, count map[string]int) string {
	var b strings.Builder
	b.WriteString("| group | CVs | name | email | phone | experiences | education | skills | overall |\n|---|---|---|---|---|---|---|---|---|\n")
	row := func(name string, s *scorer) {
		f := func(c counts) string {
			if c.tp+c.fp+c.fn == 0 {
				return "–"
			}
			_, _, x := c.prf()
			return fmt.Sprintf("%.3f", x)
		}
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %s | %s | %s | %s |\n", name, count[name],
			f(*s.by["name"]), f(*s.by["email"]), f(*s.by["phone"]), f(s.group(expGroup...)),
			f(s.group(eduGroup...)), f(*s.by["skills"]), f(s.group(scoredFields...)))
	}
	for _, set := range []map[string]*scorer{byLayout, byLang} {
		keys := make([]string, 0, len(set))
		for k := range set {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			row(k, set[k])
		}
	}
	return b.String()
}

func findDoc(t *testing.T, base string) string {
	t.Helper()
	for _, ext := range []string{".pdf", ".docx", ".doc", ".odt", ".rtf", ".txt", ".jpg", ".png"} {
		if _, err := os.Stat(base + ext); err == nil {
			return base + ext
		}
	}
	t.Fatalf("no document for %s", base)
	return ""
}

// extractCache keeps extracted text across runs when EXTRACT_CACHE names a
// directory, so that changing the parser and re-scoring the fix sets takes
// seconds, not minutes of pdftotext and Tesseract. An entry is keyed by the
// document and by every source file of internal/extract: any change to the
// extractor reads every document afresh. Unset (as in CI), nothing is kept.
type extractCache struct {
	dir string
	src []byte // hash of internal/extract's sources
}

func newExtractCache(t *testing.T) extractCache {
	t.Helper()
	dir := os.Getenv("EXTRACT_CACHE")
	if dir == "" {
		return extractCache{}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("../extract/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("EXTRACT_CACHE: extractor sources: %d files, %v", len(files), err)
	}
	h := sha256.New()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%s %d\n", f, len(b))
		h.Write(b)
	}
	return extractCache{dir: dir, src: h.Sum(nil)}
}

func (c extractCache) text(ctx context.Context, ex *extract.Extractor, data []byte) (extract.Document, error) {
	if c.dir == "" {
		return ex.Text(ctx, data)
	}
	h := sha256.New()
	h.Write(c.src)
	h.Write(data)
	path := filepath.Join(c.dir, hex.EncodeToString(h.Sum(nil))+".json")
	var doc extract.Document
	if b, err := os.ReadFile(path); err == nil && json.Unmarshal(b, &doc) == nil {
		return doc, nil
	}
	doc, err := ex.Text(ctx, data)
	if err != nil {
		return doc, err
	}
	// Written aside and renamed: two test processes may fill the cache at
	// once, and neither may read the other's half-written entry.
	if b, err := json.Marshal(doc); err == nil {
		tmp := fmt.Sprintf("%s.%d", path, os.Getpid())
		if os.WriteFile(tmp, b, 0o600) == nil {
			os.Rename(tmp, path)
		}
	}
	return doc, nil
}
