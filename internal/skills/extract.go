package skills

import (
	"sort"
	"strings"
)

// Kind tells the extractor what a text is; sections and cues differ.
type Kind int

// Kinds of document.
const (
	KindCV Kind = iota
	KindJob
)

// Mention is one occurrence of a skill in a text.
type Mention struct {
	SkillID string  `json:"skill_id"`
	Text    string  `json:"text"` // as written, e.g. "k8s"
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Line    int     `json:"line"`
	Section Section `json:"section"`
	clause  int
}

// Extractor finds taxonomy skills in text. Safe for concurrent use.
type Extractor struct {
	tax *Taxonomy
}

// NewExtractor returns an extractor over tax.
func NewExtractor(tax *Taxonomy) *Extractor { return &Extractor{tax: tax} }

// Taxonomy returns the taxonomy the extractor matches.
func (x *Extractor) Taxonomy() *Taxonomy { return x.tax }

// doc is a tokenised text with its per-line sections.
type doc struct {
	text     string
	toks     []token
	lines    []string
	sections []Section
	// headEnd is, per line, the byte offset (in the line) where a heading
	// line's own content starts; tokens before it are the heading words.
	headEnd  []int
	mentions []Mention
	spans    map[int][2]int
	facts    map[int]*clauseFacts
}

func (x *Extractor) parse(text string, kind Kind, st *stopper) *doc {
	d := &doc{text: text, toks: tokenize(text), lines: strings.Split(text, "\n")}
	d.sections = make([]Section, len(d.lines))
	d.headEnd = make([]int, len(d.lines))
	cur := SectionNone
	for i, l := range d.lines {
		if st.stop() {
			return d
		}
		if sec, off, ok := heading(l); ok {
			// "Languages: Go, Python" inside a skills section lists
			// programming languages.
			if !(cur == SectionSkills && sec == SectionLanguages && strings.TrimSpace(l[off:]) != "") {
				cur = sec
			}
			d.headEnd[i] = off
		}
		d.sections[i] = forKind(cur, kind)
	}
	lineStart := make([]int, len(d.lines))
	for i, off := 1, 0; i < len(d.lines); i++ {
		off += len(d.lines[i-1]) + 1
		lineStart[i] = off
	}
	// Heading words ("Soft skills", "Languages") are not mentions.
	toks := d.toks[:0:0]
	for _, tk := range d.toks {
		if tk.start-lineStart[tk.line] < d.headEnd[tk.line] {
			continue
		}
		toks = append(toks, tk)
	}
	d.toks = toks
	hits := x.tax.scan(d.toks, st)
	if st.late() {
		return d
	}
	near := x.tax.neighbours(hits, d.toks)
	perks := map[int]bool{}
	keep := func(h hit, sec Section) {
		c := d.toks[h.first].clause
		if kind == KindJob && sec != SectionBenefits {
			// "We offer stock options and private health insurance."
			p, ok := perks[c]
			if !ok {
				p = hasCue(normLine(d.clauseText(c)), perkCues)
				perks[c] = p
			}
			if p {
				sec = SectionBenefits
			}
		}
		d.add(x.tax, h, sec)
		x.nested(d, h, sec)
	}
	// An ambiguous technical name accepted in a clause vouches for its
	// ambiguous siblings: "la maîtrise de SAP et d'Excel".
	vouched := map[int]bool{}
	var pending []hit
	for _, h := range hits {
		if st.stop() {
			return d
		}
		sec := d.sections[d.toks[h.first].line]
		sk := x.tax.skills[h.a.skill]
		if !x.tax.accept(h, d.toks, near, sec) {
			if h.a.ambiguous && sk.Category.technical() && sec != SectionInterests {
				pending = append(pending, h)
			}
			continue
		}
		if h.a.ambiguous && sk.Category.technical() {
			vouched[d.toks[h.first].clause] = true
		}
		keep(h, sec)
	}
	late := false
	for _, h := range pending {
		// Accepting as if in a skills list still applies negation and
		// the other vetoes.
		if vouched[d.toks[h.first].clause] && x.tax.accept(h, d.toks, near, SectionSkills) {
			keep(h, d.sections[d.toks[h.first].line])
			late = true
		}
	}
	if late {
		sort.SliceStable(d.mentions, func(i, j int) bool { return d.mentions[i].Start < d.mentions[j].Start })
	}
	return d
}

var perkCues = []string{"we offer", "we provide", "benefits", "perks", "nous offrons", "nous proposons", "avantages", "wir bieten"}

func (d *doc) add(tax *Taxonomy, h hit, sec Section) {
	first, last := d.toks[h.first], d.toks[h.last]
	d.mentions = append(d.mentions, Mention{
		SkillID: tax.skills[h.a.skill].ID,
		Text:    d.text[first.start:last.end],
		Start:   first.start,
		End:     last.end,
		Line:    first.line,
		Section: sec,
		clause:  first.clause,
	})
}

// nested adds the technical skill inside a domain phrase: "Linux
// administration" also names Linux, "Kubernetes security" Kubernetes.
func (x *Extractor) nested(d *doc, h hit, sec Section) {
	outer := x.tax.skills[h.a.skill]
	if h.first == h.last || (outer.Category != Domain && outer.Category != SoftSkill) {
		return
	}
	span := d.toks[h.first : h.last+1]
	for i := 0; i < len(span); i++ {
		in, ok := x.tax.matchAtExcept(span, i, h.a.skill)
		if !ok || in.a.ambiguous || !x.tax.skills[in.a.skill].Category.technical() {
			continue
		}
		// "ICH-GCP" is one word: its "GCP" is not Google Cloud.
		if glued(d.text, span[in.first].start) || (in.last+1 < len(span) && d.text[span[in.last].end] == '-') {
			i = in.last
			continue
		}
		d.add(x.tax, hit{a: in.a, first: h.first + in.first, last: h.first + in.last}, sec)
		i = in.last
	}
}

// forKind maps CV-style headings found in job descriptions to requirements:
// a job's "Profile" or "Skills" lists what it asks for.
func forKind(s Section, kind Kind) Section {
	if kind != KindJob {
		return s
	}
	switch s {
	case SectionSummary, SectionSkills, SectionExperience, SectionEducation, SectionLanguages, SectionCertifications:
		return SectionRequirements
	}
	return s
}

// Find returns every skill mention in text, in order.
func (x *Extractor) Find(text string, kind Kind) []Mention {
	return x.parse(text, kind, nil).mentions
}

// counted reports whether a mention in sec says something about the
// candidate or the job: hobbies, perks and hiring steps do not.
func counted(sec Section) bool {
	switch sec {
	case SectionInterests, SectionBenefits, SectionProcess:
		return false
	}
	return true
}

// SkillIDs returns the distinct IDs of the counted mentions, sorted.
func SkillIDs(ms []Mention) []string {
	seen := map[string]bool{}
	var ids []string
	for _, m := range ms {
		if !counted(m.Section) || seen[m.SkillID] {
			continue
		}
		seen[m.SkillID] = true
		ids = append(ids, m.SkillID)
	}
	sort.Strings(ids)
	return ids
}

// clauseText returns the raw text of the clause the mention belongs to.
func (d *doc) clauseText(clause int) string {
	sp, ok := d.clauseSpans()[clause]
	if !ok {
		return ""
	}
	return d.text[sp[0]:sp[1]]
}

// clauseSpans maps each clause to its byte span, computed once.
func (d *doc) clauseSpans() map[int][2]int {
	if d.spans != nil {
		return d.spans
	}
	d.spans = map[int][2]int{}
	for _, tk := range d.toks {
		sp, ok := d.spans[tk.clause]
		if !ok {
			sp[0] = tk.start
		}
		sp[1] = tk.end
		d.spans[tk.clause] = sp
	}
	return d.spans
}

// clauseFacts is what every mention of a clause shares: computed once per
// clause, so that the work per mention is bounded and the analysis stays
// linear in the size of the text however long a clause is.
type clauseFacts struct {
	text string
	base int // byte offset of the clause in the text
	// nice and must: the clause uses an optional or compulsory wording.
	nice, must bool
	// years are the "5+ years" phrases, in order, clause-relative.
	years []yearsPhrase
	// starts are the clause-relative starts of the clause's mentions, sorted.
	starts []int
	// parts are the comma-separated parts of a clause that has both
	// optional and compulsory wording, with their own cues.
	parts []cuePart
	// fields are the clause-relative spans listing a degree's subjects
	// ("a degree in finance, economics or accounting").
	fields []degreeField
	ready  bool
}

type cuePart struct {
	end        int // clause-relative end
	nice, must bool
}

// clauseParts splits a clause at commas, semicolons and "but"/"mais".
func clauseParts(text string) []cuePart {
	var out []cuePart
	from := 0
	cut := func(end int) {
		n := normLine(text[from:end])
		out = append(out, cuePart{end: end, nice: hasCue(n, niceCues), must: hasCue(n, mustCues)})
		from = end
	}
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == ',' || text[i] == ';':
			cut(i + 1)
		case i > 0 && text[i-1] == ' ' && (strings.HasPrefix(text[i:], "but ") || strings.HasPrefix(text[i:], "mais ")):
			cut(i)
		}
	}
	cut(len(text))
	return out
}

// cuesNear returns the cues of the part of the clause holding the mention
// at rel; a part with neither falls back to the whole clause, where
// optional wording wins.
func (f *clauseFacts) cuesNear(rel int) (nice, must bool) {
	i := sort.Search(len(f.parts), func(i int) bool { return f.parts[i].end > rel })
	if i < len(f.parts) && (f.parts[i].nice || f.parts[i].must) {
		return f.parts[i].nice, f.parts[i].must && !f.parts[i].nice
	}
	return true, false
}

type yearsPhrase struct {
	start, end int
	years      float64
}

// clause returns the facts of clause c. Call it once every mention is known.
func (d *doc) clause(c int) *clauseFacts {
	if d.facts == nil {
		d.facts = map[int]*clauseFacts{}
		for _, m := range d.mentions {
			f := d.facts[m.clause]
			if f == nil {
				f = &clauseFacts{base: clauseStart(d, m.clause)}
				d.facts[m.clause] = f
			}
			f.starts = append(f.starts, m.Start-f.base)
		}
		for _, f := range d.facts {
			sort.Ints(f.starts)
		}
	}
	f := d.facts[c]
	if f == nil {
		f = &clauseFacts{base: clauseStart(d, c)}
		d.facts[c] = f
	}
	if !f.ready {
		f.text = d.clauseText(c)
		cn := normLine(f.text)
		f.nice, f.must = hasCue(cn, niceCues), hasCue(cn, mustCues)
		if f.nice && f.must {
			f.parts = clauseParts(f.text)
		}
		f.years = yearsPhrases(f.text)
		f.fields = degreeFields(f.text)
		f.ready = true
	}
	return f
}

// glued reports a hyphen right before offset off: the word there is part
// of a compound ("ICH-GCP").
func glued(text string, off int) bool {
	return off > 0 && text[off-1] == '-'
}
