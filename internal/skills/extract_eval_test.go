package skills

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

type labelled struct {
	id, kind, lang string
	must, nice     []string // jobs
	skills         []string // CVs; for jobs must ∪ nice
	text           string
}

func readLabelled(t testing.TB, tax *Taxonomy) []labelled {
	t.Helper()
	f, err := os.Open("testdata/labelled.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	var cur *labelled
	inText := false
	var body strings.Builder
	flush := func() {
		if cur != nil {
			cur.text = strings.TrimSpace(body.String())
			out = append(out, *cur)
		}
		body.Reset()
	}
	ids := func(list string) []string {
		var r []string
		for _, l := range strings.Split(list, ",") {
			l = strings.TrimSpace(l)
			if l == "" {
				continue
			}
			id := slug(l)
			if _, ok := tax.Skill(id); !ok {
				t.Fatalf("%s: label %q is not a taxonomy skill", cur.id, l)
			}
			r = append(r, id)
		}
		return r
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "=== "):
			flush()
			f := strings.Fields(line[4:])
			cur = &labelled{id: f[0], kind: f[1], lang: f[2]}
			inText = false
		case cur == nil:
		case inText:
			body.WriteString(line + "\n")
		case line == "---":
			inText = true
		case strings.HasPrefix(line, "must:"):
			cur.must = ids(line[5:])
		case strings.HasPrefix(line, "nice:"):
			cur.nice = ids(line[5:])
		case strings.HasPrefix(line, "skills:"):
			cur.skills = ids(line[7:])
		}
	}
	flush()
	for i := range out {
		if out[i].kind == "job" {
			out[i].skills = append(append([]string{}, out[i].must...), out[i].nice...)
		}
	}
	return out
}

type prf struct{ tp, fp, fn int }

func (p prf) precision() float64 { return ratio(p.tp, p.tp+p.fp) }
func (p prf) recall() float64    { return ratio(p.tp, p.tp+p.fn) }
func (p prf) f1() float64 {
	pr, rc := p.precision(), p.recall()
	if pr+rc == 0 {
		return 0
	}
	return 2 * pr * rc / (pr + rc)
}
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// TestExtractionAccuracy measures extraction against the hand-labelled set
// and fails below F1 0.85. Run with -v to see the table and every error.
func TestExtractionAccuracy(t *testing.T) {
	tax := loadTaxonomy(t)
	x := NewExtractor(tax)
	docs := readLabelled(t, tax)
	if len(docs) < 40 {
		t.Fatalf("labelled set has %d documents, want at least 40", len(docs))
	}
	groups := map[string]*prf{}
	all := &prf{}
	for _, d := range docs {
		kind := KindCV
		if d.kind == "job" {
			kind = KindJob
		}
		got := SkillIDs(x.Find(d.text, kind))
		want := map[string]bool{}
		for _, s := range d.skills {
			want[s] = true
		}
		g := groups[d.kind+"/"+d.lang]
		if g == nil {
			g = &prf{}
			groups[d.kind+"/"+d.lang] = g
		}
		var fps, fns []string
		for _, s := range got {
			if want[s] {
				g.tp++
				all.tp++
				delete(want, s)
			} else {
				g.fp++
				all.fp++
				fps = append(fps, s)
			}
		}
		for s := range want {
			g.fn++
			all.fn++
			fns = append(fns, s)
		}
		sort.Strings(fns)
		if len(fps)+len(fns) > 0 {
			t.Logf("%s: false+ %v, missed %v", d.id, fps, fns)
		}
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "\n| set | docs | precision | recall | F1 |\n|---|---|---|---|---|\n")
	for _, k := range keys {
		g := groups[k]
		n := 0
		for _, d := range docs {
			if d.kind+"/"+d.lang == k {
				n++
			}
		}
		fmt.Fprintf(&b, "| %s | %d | %.3f | %.3f | %.3f |\n", k, n, g.precision(), g.recall(), g.f1())
	}
	fmt.Fprintf(&b, "| all | %d | %.3f | %.3f | %.3f |\n", len(docs), all.precision(), all.recall(), all.f1())
	t.Log(b.String())
	if all.f1() < 0.85 {
		t.Errorf("extraction F1 = %.3f, want >= 0.85", all.f1())
	}
}
