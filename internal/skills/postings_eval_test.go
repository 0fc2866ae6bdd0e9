package skills

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/utopiahire/utopiahire/internal/jobs"
)

// posting is one labelled job posting of testdata/postings (format in its
// README.md).
type posting struct {
	id, sector, lang, title, format string
	must, nice                      []string
	// text is the posting as the API reads it: jobs.Text of the body.
	text string
	// parts maps a part name (about, req, benefits…) to its text.
	parts map[string][]string
}

// blurbParts are the parts that describe the company or what it offers:
// nothing named only there may become a must-have.
var blurbParts = map[string]bool{"about": true, "benefits": true, "eeo": true}

func readPostings(t testing.TB, tax *Taxonomy) []posting {
	t.Helper()
	files, err := filepath.Glob("testdata/postings/*.*")
	if err != nil {
		t.Fatal(err)
	}
	var out []posting
	seen := map[string]bool{}
	for _, f := range files {
		ext := filepath.Ext(f)
		if ext != ".txt" && ext != ".html" {
			continue
		}
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		head, body, ok := strings.Cut(string(raw), "\n---\n")
		if !ok {
			t.Fatalf("%s: no --- line after the header", f)
		}
		p := posting{format: ext[1:], parts: map[string][]string{}}
		labels := func(list string) []string {
			var ids []string
			for _, l := range strings.Split(list, ",") {
				if l = strings.TrimSpace(l); l == "" {
					continue
				}
				id := slug(l)
				if _, ok := tax.Skill(id); !ok {
					t.Fatalf("%s: label %q is not a taxonomy skill", f, l)
				}
				ids = append(ids, id)
			}
			return ids
		}
		for _, line := range strings.Split(head, "\n") {
			k, v, _ := strings.Cut(line, ":")
			v = strings.TrimSpace(v)
			switch k {
			case "id":
				p.id = v
			case "sector":
				p.sector = v
			case "lang":
				p.lang = v
			case "title":
				p.title = v
			case "must":
				p.must = labels(v)
			case "nice":
				p.nice = labels(v)
			}
		}
		if p.id == "" || p.sector == "" || (p.lang != "en" && p.lang != "fr") || len(p.must) == 0 || seen[p.id] {
			t.Fatalf("%s: incomplete or duplicate header %+v", f, p)
		}
		seen[p.id] = true
		var all strings.Builder
		part, cur := "", &strings.Builder{}
		flush := func() {
			if part != "" {
				p.parts[part] = append(p.parts[part], jobs.Text(cur.String()))
			}
			cur.Reset()
		}
		for _, line := range strings.Split(body, "\n") {
			if name, ok := strings.CutPrefix(line, "@@ "); ok {
				flush()
				part = strings.TrimSpace(name)
				continue
			}
			cur.WriteString(line + "\n")
			all.WriteString(line + "\n")
		}
		flush()
		p.text = jobs.Text(all.String())
		out = append(out, p)
	}
	return out
}

// mentioned is the set of skills named anywhere in texts, whatever the
// section: what a reader of that text could take for a requirement.
func mentioned(x *Extractor, texts ...string) map[string]bool {
	ids := map[string]bool{}
	for _, s := range texts {
		for _, m := range x.Find(s, KindCV) {
			ids[m.SkillID] = true
		}
	}
	return ids
}

// TestPostingMustHaves measures must-have extraction (Extractor.Job, as
// /api/analyze reads a posting) on the labelled postings and fails below
// precision 0.90 or recall 0.80, and when a skill named only in a posting's
// company description, benefits or equal-opportunity text is a must-have.
// -v prints the per-sector and per-language table (docs/quality.md) and
// every error.
func TestPostingMustHaves(t *testing.T) {
	tax := loadTaxonomy(t)
	x := NewExtractor(tax)
	ps := readPostings(t, tax)
	langs, sectors := map[string]int{}, map[string]int{}
	for _, p := range ps {
		langs[p.lang]++
		sectors[p.sector]++
	}
	if len(ps) < 40 || langs["en"] < 15 || langs["fr"] < 15 || len(sectors) < 7 {
		t.Fatalf("labelled postings: %d (%v, %d sectors), want at least 40, 15 per language and 7 sectors", len(ps), langs, len(sectors))
	}
	groups := map[string]*prf{}
	docs := map[string]int{}
	nice := &prf{}
	all := &prf{}
	for _, p := range ps {
		job := x.Job(p.title, p.text)
		got := map[string]bool{}
		gotNice := map[string]bool{}
		for _, s := range job.Skills {
			if s.MustHave {
				got[s.Skill.ID] = true
			} else {
				gotNice[s.Skill.ID] = true
			}
		}
		want := map[string]bool{}
		for _, id := range p.must {
			want[id] = true
		}
		var r prf
		var fps, fns []string
		for id := range got {
			if want[id] {
				r.tp++
			} else {
				r.fp++
				fps = append(fps, id)
			}
		}
		for id := range want {
			if !got[id] {
				r.fn++
				fns = append(fns, id)
			}
		}
		for _, id := range p.nice {
			if gotNice[id] {
				nice.tp++
			} else {
				nice.fn++
			}
		}
		for id := range gotNice {
			if !slicesContains(p.nice, id) {
				nice.fp++
			}
		}
		for _, k := range []string{"sector " + p.sector, "lang " + p.lang, "format " + p.format} {
			if groups[k] == nil {
				groups[k] = &prf{}
			}
			groups[k].tp += r.tp
			groups[k].fp += r.fp
			groups[k].fn += r.fn
			docs[k]++
		}
		all.tp += r.tp
		all.fp += r.fp
		all.fn += r.fn
		sort.Strings(fps)
		sort.Strings(fns)
		if len(fps)+len(fns) > 0 {
			t.Logf("%s: false must-haves %v, missed %v", p.id, fps, fns)
		}

		// Company description, benefits and equal-opportunity text.
		var blurb, rest []string
		for name, texts := range p.parts {
			if blurbParts[name] {
				blurb = append(blurb, texts...)
			} else {
				rest = append(rest, texts...)
			}
		}
		elsewhere := mentioned(x, append(rest, p.title)...)
		for id := range mentioned(x, blurb...) {
			if got[id] && !elsewhere[id] {
				t.Errorf("%s: %s is named only in the company description or benefits, yet is a must-have", p.id, id)
			}
		}
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "\n| group | postings | TP | FP | FN | precision | recall |\n|---|---|---|---|---|---|---|\n")
	row := func(name string, n int, g *prf) {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %.3f | %.3f |\n", name, n, g.tp, g.fp, g.fn, g.precision(), g.recall())
	}
	for _, k := range keys {
		row(k, docs[k], groups[k])
	}
	row("**all must-haves**", len(ps), all)
	row("nice-to-haves (all)", len(ps), nice)
	t.Log(b.String())
	if all.precision() < 0.90 {
		t.Errorf("must-have precision = %.3f, want >= 0.90", all.precision())
	}
	if all.recall() < 0.80 {
		t.Errorf("must-have recall = %.3f, want >= 0.80", all.recall())
	}
}

func slicesContains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
