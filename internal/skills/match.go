package skills

import (
	"strings"
)

// hit is one alias occurrence found in a token stream.
type hit struct {
	a     *alias
	first int // token index
	last  int // inclusive
}

// techCues are words that make an ambiguous alias technical when they sit
// next to it: "Go developer", "experience with Spark", "langage R".
var techCues = map[string]bool{
	"language": true, "languages": true, "programming": true, "developer": true, "developers": true,
	"development": true, "dev": true, "engineer": true, "engineers": true, "engineering": true, "framework": true,
	"frameworks": true, "library": true, "libraries": true, "stack": true, "code": true, "coding": true,
	"experience": true, "years": true, "year": true, "yrs": true, "proficient": true, "proficiency": true, "knowledge": true,
	"skills": true, "skill": true, "expertise": true, "using": true, "written": true, "scripts": true, "scripting": true,
	"backend": true, "frontend": true, "services": true, "microservices": true, "api": true, "apis": true,
	"langage": true, "langages": true, "developpeur": true, "developpeuse": true, "developpement": true,
	"experience,": true, "ans": true, "annees": true, "maitrise": true, "competences": true, "connaissance": true,
	"connaissances": true, "ingenieur": true, "environnement": true, "outils": true, "tools": true, "tooling": true,
	"cluster": true, "clusters": true, "pipelines": true, "pipeline": true, "jobs": true, "queries": true,
	"hands": true, "familiarity": true, "version": true, "sdk": true, "platform": true, "jahre": true,
	"maitrisez": true, "maitriser": true, "logiciel": true, "logiciels": true, "advanced": true, "avance": true,
	"intermediate": true, "comfortable": true, "kenntnisse": true, "erfahrung": true, "server": true, "servers": true, "deployment": true, "apps": true,
	"app": true, "application": true, "applications": true, "modules": true, "module": true,
	"tests": true, "test": true, "testing": true, "unit": true, "written in": true,
}

// languageCues are words that make "English" or "français" a spoken-language
// skill rather than a nationality.
var languageCues = map[string]bool{
	"fluent": true, "fluency": true, "native": true, "bilingual": true, "proficiency": true, "proficient": true,
	"speaking": true, "spoken": true, "speak": true, "speaker": true, "written": true, "writing": true, "c1": true,
	"c2": true, "b1": true, "b2": true, "a1": true, "a2": true, "courant": true, "couramment": true,
	"maternelle": true, "natif": true, "native-level": true, "langue": true, "langues": true, "language": true,
	"languages": true, "notions": true, "mother": true, "tongue": true, "professional": true, "professionnel": true,
	"intermediate": true, "advanced": true, "beginner": true, "debutant": true, "intermediaire": true,
	"avance": true, "niveau": true, "level": true, "lu": true, "ecrit": true, "parle": true, "business": true,
	"working": true, "conversational": true, "technique": true, "technical": true, "toeic": true, "toefl": true,
	"ielts": true, "bilingue": true, "fliessend": true, "verhandlungssicher": true, "muttersprache": true,
	"sprachkenntnisse": true, "communication": true,
	"required": true, "plus": true, "asset": true, "mandatory": true, "souhaite": true, "exige": true, "requis": true,
	"indispensable": true, "atout": true, "apprecie": true,
}

// rejectNext are words after an ambiguous alias that show it is an ordinary
// word: "Go to", "Reporting to", "Spark joy".
var rejectNext = map[string]bool{
	"to": true, "beyond": true, "further": true, "ahead": true, "back": true, "through": true, "over": true,
	"live": true, "level": true, "suite": true, "class": true, "joy": true, "interest": true, "the": true,
}

// scan finds every alias occurrence in toks, longest match first, without
// judging ambiguity yet.
func (t *Taxonomy) scan(toks []token, st *stopper) []hit {
	var hits []hit
	for i := 0; i < len(toks); {
		if st.stop() {
			return hits
		}
		if h, ok := t.matchAt(toks, i); ok {
			hits = append(hits, h)
			i = h.last + 1
			continue
		}
		i++
	}
	return hits
}

func (t *Taxonomy) matchAt(toks []token, i int) (hit, bool) {
	return t.matchAtExcept(toks, i, -1)
}

// matchAtExcept is matchAt ignoring the aliases of skill skip.
func (t *Taxonomy) matchAtExcept(toks []token, i, skip int) (hit, bool) {
	cands := t.first[toks[i].norm]
	for _, a := range cands {
		if a.skill == skip {
			continue
		}
		if n, ok := a.matches(toks, i); ok {
			return hit{a: a, first: i, last: i + n - 1}, true
		}
	}
	// A plural form of a one-word alias: "microservices", "APIs".
	if w := toks[i].norm; len(w) > 4 && w[len(w)-1] == 's' && !toks[i].punct {
		for _, stem := range []string{w[:len(w)-1], strings.TrimSuffix(w, "es")} {
			for _, a := range t.first[stem] {
				if len(a.toks) == 1 && a.pluralOK() {
					return hit{a: a, first: i, last: i}, true
				}
			}
		}
	}
	return hit{}, false
}

// pluralOK reports whether the alias may take a plural "s": only ordinary
// lower-case words long enough not to collide ("apis" yes, "gos" no).
func (a *alias) pluralOK() bool {
	last := a.toks[len(a.toks)-1]
	return !a.exactCase && !a.ambiguous && len(last.norm) >= 3 && !last.punct && isLetters(last.norm)
}

func isLetters(s string) bool {
	for _, r := range s {
		if (r < 'a' || r > 'z') && r < 0x80 {
			return false
		}
	}
	return true
}

// matches reports whether the alias matches toks at i and how many tokens it
// covers.
func (a *alias) matches(toks []token, i int) (int, bool) {
	if i+len(a.toks) > len(toks) {
		return 0, false
	}
	for k, at := range a.toks {
		tt := toks[i+k]
		if k > 0 {
			if tt.brk {
				return 0, false
			}
			// Dots glue ("Node.js", "ASP.NET"): no space may appear around them.
			if (at.punct && at.norm == ".") || (a.toks[k-1].punct && a.toks[k-1].norm == ".") {
				if tt.space != at.space {
					return 0, false
				}
			}
		}
		if tt.norm != at.norm {
			last := k == len(a.toks)-1
			if !(last && k > 0 && a.pluralOK() && (tt.norm == at.norm+"s" || tt.norm == at.norm+"es")) {
				return 0, false
			}
		}
		if a.exactCase && tt.orig != at.orig {
			return 0, false
		}
	}
	// A word continuing past the alias through a dot ("C.V") is another word.
	end := i + len(a.toks)
	if end < len(toks) && !toks[end].space && !toks[end].brk && toks[end].punct && toks[end].norm == "." &&
		end+1 < len(toks) && !toks[end+1].space && !toks[end+1].punct {
		return 0, false
	}
	// ".NET" must not start inside a word: "abc.net" is a domain name.
	if a.toks[0].punct && i > 0 && !toks[i].space && !toks[i].brk && !toks[i-1].punct {
		return 0, false
	}
	return len(a.toks), true
}

// accept decides whether an ambiguous hit is the skill. Unambiguous hits are
// always accepted.
func (t *Taxonomy) accept(h hit, toks []token, near neighbours, sec Section) bool {
	sk := t.skills[h.a.skill]
	if negated(toks, h) || t.describesOthers(sk, h, toks) {
		return false
	}
	if sk.Category == SoftSkill && h.last+1 < len(toks) && notSoftNext[toks[h.last+1].norm] {
		return false
	}
	if !h.a.ambiguous {
		return true
	}
	if sec == SectionInterests {
		return false
	}
	if single := len(h.a.toks) == 1 && len(h.a.toks[0].norm) == 1; single {
		// "C'est", "l'R", "C-level": a letter glued to an apostrophe or
		// hyphenated word is not a language.
		if n := h.last + 1; n < len(toks) && !toks[n].space && toks[n].norm == "'" {
			return false
		}
		if h.first > 0 && !toks[h.first].space && toks[h.first-1].norm == "'" {
			return false
		}
	}
	if sk.Category == SpokenLanguage {
		if adjective(toks, h) {
			return false
		}
		return sec == SectionLanguages || nearCue(toks, h, languageCues, 4) || near.nearSpoken(h, toks)
	}
	if n := h.last + 1; n < len(toks) && !toks[n].brk && rejectNext[toks[n].norm] {
		return false
	}
	if sec == SectionSkills {
		return true
	}
	if nearCue(toks, h, techCues, 3) {
		return true
	}
	return near.nearTechnical(h, toks)
}

// nearCue reports whether one of cues is within window tokens of h, in the
// same clause.
func nearCue(toks []token, h hit, cues map[string]bool, window int) bool {
	for k := h.first - window; k <= h.last+window; k++ {
		if k < 0 || k >= len(toks) || (k >= h.first && k <= h.last) || toks[k].clause != toks[h.first].clause {
			continue
		}
		if cues[toks[k].norm] {
			return true
		}
	}
	return false
}

// neighbours records, per clause, up to two distinct token positions of
// hits that vouch for an ambiguous sibling: unambiguous technical skills
// ("Go, Python and Kubernetes") and spoken languages with their own cue
// ("English, French"). Built once per text, it keeps acceptance linear:
// asking "is another such hit in my clause" costs O(1), not O(hits).
type neighbours struct {
	tech, spoken [][2]int
}

func (t *Taxonomy) neighbours(hits []hit, toks []token) neighbours {
	clauses := 0
	if len(toks) > 0 {
		clauses = toks[len(toks)-1].clause + 1
	}
	n := neighbours{tech: make([][2]int, clauses), spoken: make([][2]int, clauses)}
	for c := range clauses {
		n.tech[c], n.spoken[c] = [2]int{-1, -1}, [2]int{-1, -1}
	}
	for _, o := range hits {
		c := toks[o.first].clause
		sk := t.skills[o.a.skill]
		if !o.a.ambiguous && (sk.Category.technical() || t.softwareDomain(o.a.skill)) {
			remember(&n.tech[c], o.first)
		}
		if sk.Category == SpokenLanguage && (!o.a.ambiguous || nearCue(toks, o, languageCues, 4)) {
			remember(&n.spoken[c], o.first)
		}
	}
	return n
}

func remember(at *[2]int, pos int) {
	switch {
	case at[0] == -1:
		at[0] = pos
	case at[0] != pos && at[1] == -1:
		at[1] = pos
	}
}

// other reports whether at holds a position other than pos.
func other(at [2]int, pos int) bool {
	return (at[0] != -1 && at[0] != pos) || at[1] != -1
}

// nearTechnical reports whether an unambiguous technical skill is named in
// the same clause: "Go, Python and Kubernetes".
func (n neighbours) nearTechnical(h hit, toks []token) bool {
	return other(n.tech[toks[h.first].clause], h.first)
}

// nearSpoken accepts "English, French" when a sibling language in the same
// clause has its own cue or is unambiguous.
func (n neighbours) nearSpoken(h hit, toks []token) bool {
	return other(n.spoken[toks[h.first].clause], h.first)
}

// negated reports "jQuery-free", "without Docker", "sans Java".
func negated(toks []token, h hit) bool {
	if n := h.last + 1; n < len(toks) && toks[n].norm == "free" && !toks[n].brk {
		return true
	}
	for k := h.first - 1; k >= 0 && k >= h.first-2; k-- {
		if toks[k].clause != toks[h.first].clause {
			break
		}
		switch toks[k].norm {
		case "without", "sans", "no", "ohne":
			return true
		}
	}
	return false
}

// othersWords follow a field name that describes people or a company rather
// than a skill: "sales team", "SaaS company", "banking app".
var othersWords = map[string]bool{
	"team": true, "teams": true, "leaders": true, "leader": true, "department": true, "departments": true,
	"org": true, "organisation": true, "organization": true, "function": true, "colleagues": true, "people": true,
	"equipe": true, "equipes": true, "company": true, "companies": true, "startup": true, "startups": true,
	"firm": true, "firms": true, "entreprise": true, "entreprises": true, "societe": true, "app": true, "apps": true,
	"platform": true, "customers": true, "clients": true, "partners": true, "domain": true,
}

var connectors = map[string]bool{"and": true, "&": true, "et": true, "or": true, "ou": true, "/": true, "und": true}

// describesOthers reports a one-word field or model name used as a modifier
// of people or a company: "for our sales and marketing leaders".
func (t *Taxonomy) describesOthers(sk Skill, h hit, toks []token) bool {
	switch {
	case sk.Category == Domain && !t.softwareDomain(t.byID[sk.ID]) && t.root(t.byID[sk.ID]) != "agile-methodologies":
	case sk.ID == "software-as-a-service" || sk.ID == "platform-as-a-service" || sk.ID == "infrastructure-as-a-service":
	default:
		return false
	}
	c := toks[h.first].clause
	for k, seen := h.last+1, 0; k < len(toks) && seen < 4 && toks[k].clause == c; k++ {
		w := toks[k].norm
		if othersWords[w] {
			return true
		}
		if connectors[w] {
			continue
		}
		seen++
		if seen > 1 {
			break
		}
	}
	return false
}

// notSoftNext are words after a soft-skill name that make it technical:
// "communication buses", "communication protocols".
var notSoftNext = map[string]bool{
	"bus": true, "buses": true, "protocol": true, "protocols": true, "layer": true, "layers": true,
	"interfaces": true, "channels": true, "stack": true, "port": true, "ports": true,
}

// softwareRoots are the top skills under which a domain skill counts as
// technical context ("BDD with Cucumber").
var softwareRoots = map[string]bool{
	"software-engineering": true, "devops": true, "cybersecurity": true, "networking": true,
	"cloud-computing": true, "data-engineering": true, "artificial-intelligence": true,
}

func (t *Taxonomy) softwareDomain(i int) bool {
	for n := 0; n < 8; n++ {
		sk := t.skills[i]
		if softwareRoots[sk.ID] {
			return true
		}
		if sk.Broader == "" {
			return false
		}
		i = t.byID[sk.Broader]
	}
	return false
}

// root follows broader links to the most general skill.
func (t *Taxonomy) root(i int) string {
	for n := 0; n < 8 && t.skills[i].Broader != ""; n++ {
		i = t.byID[t.skills[i].Broader]
	}
	return t.skills[i].ID
}

// adjective reports a nationality used as an adjective: "a French fintech".
// A language skill is followed by punctuation, a level, a connector or a
// verb, not by a plain noun.
func adjective(toks []token, h hit) bool {
	n := h.last + 1
	if n >= len(toks) || toks[n].brk || toks[n].punct || toks[n].clause != toks[h.first].clause {
		return false
	}
	w := toks[n].norm
	return !languageCues[w] && !connectors[w] && !copulas[w]
}

var copulas = map[string]bool{"is": true, "are": true, "est": true, "sont": true, "ist": true, "would": true, "will": true, "required": true}
