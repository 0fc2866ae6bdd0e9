package cvanalysis

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/skills"
	"github.com/utopiahire/utopiahire/internal/text"
)

// keywordIndex finds taxonomy skills in text by their aliases, so that
// synonyms ("k8s", "Kubernetes") and spellings ("Node.js", "NodeJS") meet.
type keywordIndex struct {
	byFirst map[string][]alias // first folded token → aliases starting with it
	skills  map[string]skills.Skill
	stop    map[string]bool
	jobs    map[string]bool
}

type alias struct {
	tokens    []string // folded
	exact     string   // original spelling, for case-sensitive aliases ("=ML")
	ambiguous bool     // counts only beside other skills ("?=Go")
	id        string
}

func newKeywordIndex(tax *skills.Taxonomy) *keywordIndex {
	k := &keywordIndex{byFirst: map[string][]alias{}, skills: map[string]skills.Skill{}, stop: stopwords(), jobs: jobWords()}
	if tax == nil {
		return k
	}
	for _, s := range tax.Skills() {
		k.skills[s.ID] = s
		names := append([]string{s.Label}, s.Aliases...)
		if s.LabelFR != "" {
			names = append(names, s.LabelFR)
		}
		for _, n := range names {
			k.add(n, s.ID)
		}
	}
	// Longest aliases first, so that "google cloud platform" wins over "google cloud".
	for f := range k.byFirst {
		sort.SliceStable(k.byFirst[f], func(i, j int) bool { return len(k.byFirst[f][i].tokens) > len(k.byFirst[f][j].tokens) })
	}
	return k
}

func (k *keywordIndex) add(name, id string) {
	a := alias{id: id}
	for len(name) > 0 && (name[0] == '=' || name[0] == '?') {
		if name[0] == '=' {
			a.exact = name[1:]
		} else {
			a.ambiguous = true
		}
		name = name[1:]
	}
	if a.exact != "" {
		a.exact = strings.TrimLeft(a.exact, "=?")
	}
	a.tokens = foldedTokens(name)
	if len(a.tokens) == 0 {
		return
	}
	k.byFirst[a.tokens[0]] = append(k.byFirst[a.tokens[0]], a)
}

// token is one word of text: its folded form for matching and its original
// spelling for case-sensitive aliases.
type token struct{ folded, raw string }

func tokenize(s string) []token {
	var out []token
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '+' || r == '#' || r == '.' || r == '/' || r == '-' || r == '\'' || r == '’')
	}) {
		w = strings.Trim(w, ".-/'’")
		if w == "" {
			continue
		}
		// "d'expérience" → "expérience"; "l'équipe" → "équipe".
		if i := strings.IndexAny(w, "'’"); i > 0 && i <= 2 {
			w = strings.TrimLeft(w[i:], "'’")
		}
		out = append(out, token{folded: text.Fold(w), raw: w})
		// "CI/CD" also matches as one token, "React/Redux" as two words.
		if strings.Contains(w, "/") {
			for _, part := range strings.Split(w, "/") {
				if part != "" {
					out = append(out, token{folded: text.Fold(part), raw: part})
				}
			}
		}
	}
	return out
}

func foldedTokens(s string) []string {
	var out []string
	for _, t := range tokenize(s) {
		out = append(out, t.folded)
	}
	return out
}

// match returns the ids of the skills named in text, in order of first
// appearance. An ambiguous alias ("Go", "R") counts only in text that names
// at least two other skills.
func (k *keywordIndex) match(text string) []string {
	return k.matchWith(text, false)
}

// matchWith is match; ambiguousOK counts ambiguous aliases whatever the
// context (the caller has checked it on a larger text).
func (k *keywordIndex) matchWith(text string, ambiguousOK bool) []string {
	toks := tokenize(text)
	var order, ambiguousOrder []string
	found := map[string]bool{}
	ambiguous := map[string]bool{}
	for i := 0; i < len(toks); i++ {
		for _, a := range k.byFirst[toks[i].folded] {
			if !a.matchesAt(toks, i) {
				continue
			}
			switch {
			case a.ambiguous && !ambiguous[a.id]:
				ambiguous[a.id] = true
				ambiguousOrder = append(ambiguousOrder, a.id)
			case !a.ambiguous && !found[a.id]:
				found[a.id] = true
				order = append(order, a.id)
			}
			i += len(a.tokens) - 1
			break
		}
	}
	// An ambiguous alias ("Go", "R") counts only in text that names other
	// skills too.
	if len(order) >= 2 || ambiguousOK {
		for _, id := range ambiguousOrder {
			if !found[id] {
				order = append(order, id)
			}
		}
	}
	return order
}

func (a alias) matchesAt(toks []token, i int) bool {
	if i+len(a.tokens) > len(toks) {
		return false
	}
	for j, t := range a.tokens {
		if toks[i+j].folded != t {
			return false
		}
	}
	if a.exact != "" && len(a.tokens) == 1 && toks[i].raw != a.exact {
		return false
	}
	return true
}

// keyword is one term of the job description with its weight.
type keyword struct {
	id, label string // id is "" for a plain word
	weight    int
}

// jobKeywords extracts what the job description asks for: taxonomy skills
// (weight 2, 3 when the sentence says required) and frequent content words
// that are not skills (weight 1).
func (k *keywordIndex) jobKeywords(jd, lang string) []keyword {
	var out []keyword
	seen := map[string]bool{}
	index := map[string]int{}
	for _, id := range k.match(jd) {
		seen[id] = true
		index[id] = len(out)
		out = append(out, keyword{id: id, label: k.label(id, lang), weight: 2})
	}
	for _, sentence := range splitJobSentences(jd) {
		if !requiredSentence(sentence) {
			continue
		}
		for _, id := range k.matchWith(sentence, true) {
			if seen[id] {
				out[index[id]].weight = 3
			}
		}
	}
	out = append(out, k.frequentTerms(jd, seen)...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].weight > out[j].weight })
	return firstNKeywords(out, 30)
}

func firstNKeywords(list []keyword, n int) []keyword {
	if len(list) > n {
		return list[:n]
	}
	return list
}

func splitJobSentences(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '.' || r == ';' || r == '•' })
}

func requiredSentence(s string) bool {
	f := text.Fold(s)
	for _, w := range []string{"must", "required", "requirement", "mandatory", "essential", "requis", "obligatoire", "indispensable", "exige", "impératif", "imperatif"} {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// frequentTerms are content words used at least twice in the job
// description that no skill alias covers.
func (k *keywordIndex) frequentTerms(jd string, skillsSeen map[string]bool) []keyword {
	covered := map[string]bool{}
	for id := range skillsSeen { // order does not matter: only fills a set
		for _, n := range append([]string{k.skills[id].Label}, k.skills[id].Aliases...) {
			for _, t := range foldedTokens(strings.TrimLeft(n, "=?")) {
				covered[t] = true
			}
		}
	}
	counts := map[string]int{}
	first := map[string]string{}
	var order []string
	for _, t := range tokenize(jd) {
		w := singular(t.folded)
		if len([]rune(w)) < 4 || k.stop[t.folded] || k.jobs[t.folded] || k.jobs[w] || covered[t.folded] || !alphabetic(w) {
			continue
		}
		if counts[w] == 0 {
			order = append(order, w)
			first[w] = strings.ToLower(t.raw)
		}
		counts[w]++
	}
	var out []keyword
	for _, w := range order {
		if counts[w] >= 2 {
			out = append(out, keyword{label: first[w], weight: 1})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return counts[singular(text.Fold(out[i].label))] > counts[singular(text.Fold(out[j].label))]
	})
	return firstNKeywords(out, 10)
}

func alphabetic(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return true
}

// singular strips a plural ending so that "databases" meets "database".
func singular(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

func (k *keywordIndex) label(id, lang string) string {
	s := k.skills[id]
	if lang == cv.French && s.LabelFR != "" {
		return s.LabelFR
	}
	return s.Label
}

// cvSkills returns the skills a CV shows, with every broader skill they
// imply ("GKE" shows "Kubernetes").
func (k *keywordIndex) cvSkills(text string) map[string]bool {
	have := map[string]bool{}
	for _, id := range k.match(text) {
		for depth := 0; id != "" && depth < 5 && !have[id]; depth++ {
			have[id] = true
			id = k.skills[id].Broader
		}
	}
	return have
}

// cvText is every field of the CV and its raw text, for keyword matching.
func cvText(c *cv.StructuredCV, raw string) string {
	var b strings.Builder
	for f := range cv.Fields(c) {
		b.WriteString(f.Value)
		b.WriteString("\n")
	}
	b.WriteString(raw)
	return b.String()
}

// ats compares the CV with the job description, or measures how readable
// the CV is to a tracking system when there is none.
func (r *review) ats(jd string) cv.ATSAnalysis {
	if strings.TrimSpace(jd) == "" {
		return r.atsReadiness()
	}
	k := r.o.kw
	kws := k.jobKeywords(jd, r.lang)
	if len(kws) == 0 {
		return r.atsReadiness()
	}
	cvt := cvText(r.c, r.text)
	have := k.cvSkills(cvt)
	words := map[string]bool{}
	for _, t := range tokenize(cvt) {
		words[singular(t.folded)] = true
	}
	var a cv.ATSAnalysis
	total, got := 0, 0
	var missing []string
	for _, kw := range kws {
		total += kw.weight
		if (kw.id != "" && have[kw.id]) || (kw.id == "" && words[singular(text.Fold(kw.label))]) {
			got += kw.weight
			a.KeywordMatches = append(a.KeywordMatches, kw.label)
			continue
		}
		missing = append(missing, kw.label)
	}
	a.MissingKeywords = missing
	a.RelevanceScore = clamp(int(math.Round(95*ratio(got, total))), 0, 95)
	if len(missing) > 0 {
		a.Recommendations = append(a.Recommendations, r.t.f("ats.add_keywords", strings.Join(firstN(missing, 8), ", ")))
		a.Recommendations = append(a.Recommendations, r.t.f("ats.add_missing", missing[0]))
		a.Recommendations = append(a.Recommendations, r.t.f("ats.mirror"))
	} else {
		a.Recommendations = append(a.Recommendations, r.t.f("ats.good"))
	}
	if r.skillCount() == 0 {
		a.Recommendations = append(a.Recommendations, r.t.f("ats.skills_section"))
	}
	return a
}

func (r *review) atsReadiness() cv.ATSAnalysis {
	score := 100
	var recs []string
	// A section not found may be in a part that could not be read: not
	// scored as missing (the analysis names the parts).
	unread := r.unreadMayHold()
	if len(r.c.Experience) == 0 && !unread {
		score -= 15
	}
	if len(r.c.Education) == 0 && !unread {
		score -= 10
	}
	if n := r.skillCount(); n == 0 && !unread {
		score -= 20
		recs = append(recs, r.t.f("ats.skills_section"))
	} else if n > 0 && n < 5 {
		score -= 10
	}
	if !validEmail(strings.TrimSpace(r.c.Contact.Email)) {
		score -= 15
	}
	if strings.TrimSpace(r.c.Contact.Phone) == "" {
		score -= 5
	}
	score -= min(3*r.dates.unreadable, 15)
	if len(r.c.Experience) == 0 || len(r.c.Education) == 0 {
		recs = append(recs, r.t.f("ats.standard"))
	}
	recs = append([]string{r.t.f("ats.no_jd"), r.t.f("ats.paste_jd")}, recs...)
	return cv.ATSAnalysis{RelevanceScore: clamp(score, 0, 85), Recommendations: recs}
}
