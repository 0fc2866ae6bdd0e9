package skills

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Proficiency levels run from 0 (no evidence) to 5 (expert) in steps of 0.5.
const (
	levelMax    = 5.0
	defaultMust = 3.0
	defaultNice = 2.0
)

// JobSkill is a skill a job asks for.
type JobSkill struct {
	Skill    Skill
	MustHave bool
	// Level is the required proficiency, 1–5.
	Level float64
	// Text is the wording the job uses, e.g. "Kubernetes".
	Text string
	// Mentions counts the requirement-part mentions; InTitle says the job
	// title names the skill. Together they say how central it is.
	Mentions int
	InTitle  bool
}

// JobProfile is what a job description asks for.
type JobProfile struct {
	Title  string
	Skills []JobSkill
}

// CVSkill is a skill a CV shows, with the evidence behind its level.
type CVSkill struct {
	Skill Skill
	// Level is the estimated proficiency, 1–5.
	Level float64
	// Years of use: stated ("5 years of Python") or summed over the
	// positions that mention the skill.
	Years float64
	// LastUsed is the end year of the latest position naming the skill, 0
	// when no dated position does.
	LastUsed int
	Current  bool // named in a current position
	Sections []Section
	Text     string // wording the CV uses, e.g. "k8s"
	// Lines are the CV lines naming the skill, for resume edits.
	Lines []int
}

// CVProfile is what a CV shows.
type CVProfile struct {
	Skills []CVSkill
	// LatestTitle is the heading line of the most recent position.
	LatestTitle string
	Lines       []string
	// SkillsLine is the index of the first line of the skills section, -1.
	SkillsLine int
}

var (
	yearsRe = regexp.MustCompile(`(?i)(\d{1,2}(?:[.,]5)?)\s*(?:\+|plus)?\s*(?:[-–àto]+\s*\d{1,2}\s*)?(?:years?|yrs?|ans|années|annees|jahre)\b`)
	yearRe  = regexp.MustCompile(`\b(19[6-9]\d|20\d\d)\b`)
	nowRe   = regexp.MustCompile(`(?i)\b(present|current|now|today|aujourd'hui|aujourd’hui|présent|actuel|actuellement|en cours|heute|ce jour)\b`)
	sinceRe = regexp.MustCompile(`(?i)\b(since|depuis|seit)\s+(?:[a-zéû]+\.?\s+)?(19[6-9]\d|20\d\d)\b`)
)

// levelWords move a level up or down when they qualify a skill.
var levelWords = map[string]float64{
	"expert": 4.5, "expertise": 4.5, "mastery": 4.5, "maitrise": 4, "deep": 4, "extensive": 4, "advanced": 4,
	"avance": 4, "avancee": 4, "excellent": 4, "excellente": 4, "strong": 4, "solid": 3.5, "solide": 3.5,
	"solides": 3.5, "thorough": 4, "approfondie": 4, "confirme": 4, "confirmee": 4, "senior": 4,
	"proficient": 3, "good": 3, "bonne": 3, "bonnes": 3, "hands": 3, "experienced": 3.5, "proven": 3.5,
	"comfortable": 3, "working": 2.5, "practical": 3,
	"basic": 1.5, "basics": 1.5, "familiarity": 1.5, "familiar": 1.5, "exposure": 1.5, "notions": 1.5,
	"initiation": 1.5, "some": 2, "beginner": 1, "debutant": 1, "debutante": 1, "awareness": 1, "scolaire": 1.5,
	// spoken languages
	"native": 5, "natif": 5, "native-level": 5, "maternelle": 5, "bilingual": 5, "bilingue": 5, "c2": 5,
	"fluent": 4, "courant": 4, "couramment": 4, "c1": 4, "b2": 3.5, "professional": 3.5,
	"professionnel": 3.5, "b1": 2.5, "intermediate": 2.5, "intermediaire": 2.5, "a2": 1.5, "a1": 1,
}

// qualifier returns the strongest level word within a few tokens before the
// mention (or right after it for languages: "English – fluent"), 0 if none.
func qualifier(toks []token, first, last int, after int) float64 {
	best := 0.0
	c := toks[first].clause
	for k := first - 4; k <= last+after; k++ {
		if k < 0 || k >= len(toks) || (k >= first && k <= last) || toks[k].clause != c {
			continue
		}
		if v, ok := levelWords[toks[k].norm]; ok && (best == 0 || v > best) {
			best = v
		}
	}
	return best
}

// yearsPhrases finds the "5+ years" / "3 ans" phrases of a clause.
func yearsPhrases(clause string) []yearsPhrase {
	var out []yearsPhrase
	for _, m := range yearsRe.FindAllStringSubmatchIndex(clause, -1) {
		n, err := strconv.ParseFloat(strings.Replace(clause[m[2]:m[3]], ",", ".", 1), 64)
		if err != nil || n <= 0 || n > 45 {
			continue
		}
		out = append(out, yearsPhrase{start: m[0], end: m[1], years: n})
	}
	return out
}

// yearsReach is how far (in bytes) a "N years" phrase may sit from the
// skill it qualifies; beyond it the number belongs to another skill.
const yearsReach = 80

// statedYears finds "5+ years of X" / "X (3 years)" in the clause of a
// mention: the number nearest to it, in years. A number separated from the
// mention by another skill belongs to that one. Only the phrases within
// yearsReach are looked at, so the cost does not grow with the clause.
func (f *clauseFacts) statedYears(relStart int) float64 {
	best, dist := 0.0, math.MaxInt
	i := sort.Search(len(f.years), func(i int) bool { return f.years[i].end >= relStart-yearsReach })
	for ; i < len(f.years) && f.years[i].start <= relStart+yearsReach; i++ {
		y := f.years[i]
		if f.mentionBetween(y.end, relStart) || f.mentionBetween(relStart, y.start) {
			continue
		}
		d := relStart - y.end
		if d < 0 {
			d = y.start - relStart
		}
		if d < 0 {
			d = -d
		}
		if d < dist && d <= yearsReach {
			best, dist = y.years, d
		}
	}
	return best
}

// mentionBetween reports a mention starting strictly between lo and hi.
func (f *clauseFacts) mentionBetween(lo, hi int) bool {
	i := sort.SearchInts(f.starts, lo+1)
	return i < len(f.starts) && f.starts[i] < hi
}

func roundHalf(v float64) float64 { return math.Round(v*2) / 2 }

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

// Job extracts what a job description asks for. title may be empty.
func (x *Extractor) Job(title, description string) JobProfile {
	return x.job(title, description, nil)
}

// job is Job stopping early, with a partial profile, when st says so.
func (x *Extractor) job(title, description string, st *stopper) JobProfile {
	text := description
	if title != "" {
		text = title + "\n" + description
	}
	d := x.parse(text, KindJob, st)
	if st.late() {
		return JobProfile{Title: strings.TrimSpace(title)}
	}
	inReq, duties := requirementLines(d, title != "")
	if duties != nil && !namesSkill(d, inReq, title != "") {
		inReq = duties
	}
	senior := hasCue(normLine(title), []string{"senior", "lead", "principal", "staff", "expert", "confirme", "confirmee"})
	byID := map[string]*JobSkill{}
	var order []string
	for _, m := range d.mentions {
		if st.stop() {
			break
		}
		if !counted(m.Section) || !inReq[m.Line] {
			continue
		}
		f := d.clause(m.clause)
		if f.optionalSubject(m.Start - f.base) {
			continue
		}
		nice, must := f.nice, f.must
		if nice && must {
			// "SQL indispensable, Python apprécié mais pas exigé": the
			// wording of the mention's own part of the clause decides.
			nice, must = f.cuesNear(m.Start - f.base)
		}
		switch {
		case nice:
			must = false
		case must:
		case m.Section == SectionNiceToHave:
			must = false
		default:
			must = true
		}
		level := defaultNice
		if must {
			level = defaultMust
			if senior {
				level += 0.5
			}
		}
		if y := f.statedYears(m.Start - f.base); y > 0 {
			level = yearsLevel(y)
		}
		if q := qualifier(d.toks, tokenAt(d.toks, m.Start), tokenAt(d.toks, m.End-1), 0); q > 0 {
			level = math.Max(level, q)
			if q < 2 {
				level = q
			}
		}
		level = clamp(roundHalf(level), 1, levelMax)
		inTitle := title != "" && m.Line == 0
		js, ok := byID[m.SkillID]
		if !ok {
			sk, _ := x.tax.Skill(m.SkillID)
			js = &JobSkill{Skill: sk, MustHave: must, Level: level, Text: m.Text, Mentions: 1, InTitle: inTitle}
			byID[m.SkillID] = js
			order = append(order, m.SkillID)
			continue
		}
		js.Mentions++
		js.InTitle = js.InTitle || inTitle
		// Named as required anywhere wins; the highest level asked wins.
		js.MustHave = js.MustHave || must
		js.Level = math.Max(js.Level, level)
	}
	p := JobProfile{Title: strings.TrimSpace(title)}
	for _, id := range order {
		p.Skills = append(p.Skills, *byID[id])
	}
	return p
}

// namesSkill reports whether a counted mention lies on a marked line other
// than the title.
func namesSkill(d *doc, lines []bool, titled bool) bool {
	for _, m := range d.mentions {
		if lines[m.Line] && counted(m.Section) && !(titled && m.Line == 0) {
			return true
		}
	}
	return false
}

func yearsLevel(y float64) float64 {
	switch {
	case y >= 8:
		return 5
	case y >= 5:
		return 4
	case y >= 3:
		return 3.5
	case y >= 2:
		return 3
	case y >= 1:
		return 2.5
	}
	return 2
}

func clauseStart(d *doc, clause int) int {
	return d.clauseSpans()[clause][0]
}

// tokenAt returns the index of the token containing byte offset off.
func tokenAt(toks []token, off int) int {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].end > off })
	if i == len(toks) {
		return len(toks) - 1
	}
	return i
}

// position is one dated entry of a CV's experience section.
type position struct {
	title      string
	from, to   float64 // fractional years
	current    bool
	firstLine  int
	lastLine   int
	endYearInt int
}

// positions finds the dated experience entries: each line of the experience
// section that carries a date range starts one.
func positions(d *doc, now time.Time, st *stopper) []position {
	nowY := float64(now.Year()) + float64(now.Month()-1)/12
	var ps []position
	for i, l := range d.lines {
		if st.stop() {
			return ps
		}
		if d.sections[i] != SectionExperience && d.sections[i] != SectionNone {
			continue
		}
		from, to, cur, ok := dateRange(l, nowY)
		if !ok {
			continue
		}
		if n := len(ps); n > 0 {
			ps[n-1].lastLine = i - 1
		}
		ps = append(ps, position{title: strings.TrimSpace(l), from: from, to: to, current: cur, firstLine: i, lastLine: len(d.lines) - 1, endYearInt: int(to)})
	}
	// A section change ends the last position.
	if n := len(ps); n > 0 {
		for i := ps[n-1].firstLine + 1; i < len(d.lines); i++ {
			if d.sections[i] != d.sections[ps[n-1].firstLine] {
				ps[n-1].lastLine = i - 1
				break
			}
		}
	}
	return ps
}

// dateRange parses "2019 – Present", "Jan 2020 - Mar 2023", "depuis 2021",
// "(2016–2020)" on one line.
func dateRange(line string, now float64) (from, to float64, current, ok bool) {
	if m := sinceRe.FindStringSubmatch(line); m != nil {
		y, _ := strconv.Atoi(m[2])
		return float64(y), now, true, true
	}
	ys := yearRe.FindAllString(line, 3)
	if len(ys) == 0 || len(line) > 160 {
		return 0, 0, false, false
	}
	y1, _ := strconv.Atoi(ys[0])
	from = float64(y1)
	switch {
	case len(ys) >= 2:
		y2, _ := strconv.Atoi(ys[1])
		to = float64(y2) + 0.5
	case nowRe.MatchString(line):
		to, current = now, true
	default:
		return 0, 0, false, false
	}
	if to < from || to > now+1 {
		return 0, 0, false, false
	}
	return from, to, current, true
}

// CV extracts what a CV shows and estimates each skill's level from years,
// recency and context. now anchors "present" and recency.
func (x *Extractor) CV(text string, now time.Time) CVProfile {
	return x.cv(text, now, nil)
}

// cv is CV stopping early, with a partial profile, when st says so.
func (x *Extractor) cv(text string, now time.Time, st *stopper) CVProfile {
	d := x.parse(text, KindCV, st)
	if st.late() {
		return CVProfile{SkillsLine: -1}
	}
	ps := positions(d, now, st)
	prof := CVProfile{Lines: d.lines, SkillsLine: -1}
	for i, s := range d.sections {
		if s == SectionSkills {
			prof.SkillsLine = i
			break
		}
	}
	if len(ps) > 0 {
		latest := ps[0]
		for _, p := range ps[1:] {
			if p.to > latest.to {
				latest = p
			}
		}
		prof.LatestTitle = latest.title
	}
	type acc struct {
		s         CVSkill
		stated    float64
		posYears  map[int]float64
		qual      float64
		secs      map[Section]bool
		lines     map[int]bool
		inPosText bool
	}
	byID := map[string]*acc{}
	var order []string
	for _, m := range d.mentions {
		if st.stop() {
			return CVProfile{SkillsLine: -1}
		}
		if !counted(m.Section) {
			continue
		}
		a, ok := byID[m.SkillID]
		if !ok {
			sk, _ := x.tax.Skill(m.SkillID)
			a = &acc{s: CVSkill{Skill: sk, Text: m.Text}, posYears: map[int]float64{}, secs: map[Section]bool{}, lines: map[int]bool{}}
			byID[m.SkillID] = a
			order = append(order, m.SkillID)
		}
		a.secs[m.Section] = true
		a.lines[m.Line] = true
		f := d.clause(m.clause)
		a.stated = math.Max(a.stated, f.statedYears(m.Start-f.base))
		a.qual = math.Max(a.qual, qualifier(d.toks, tokenAt(d.toks, m.Start), tokenAt(d.toks, m.End-1), 4))
		for pi, p := range ps {
			if m.Line >= p.firstLine && m.Line <= p.lastLine {
				a.posYears[pi] = p.to - p.from
				a.inPosText = true
				if p.endYearInt > a.s.LastUsed {
					a.s.LastUsed = p.endYearInt
				}
				a.s.Current = a.s.Current || p.current
			}
		}
	}
	for _, id := range order {
		a := byID[id]
		pos := 0.0
		for _, y := range a.posYears {
			pos += y
		}
		// What the candidate states beats what dates suggest.
		years := math.Min(pos, 20)
		if a.stated > 0 {
			years = a.stated
		}
		a.s.Years = math.Round(years*10) / 10
		a.s.Level = cvLevel(a.s, a.qual, a.secs, a.inPosText, len(a.lines), now)
		for s := range a.secs {
			a.s.Sections = append(a.s.Sections, s)
		}
		sort.Slice(a.s.Sections, func(i, j int) bool { return a.s.Sections[i] < a.s.Sections[j] })
		for l := range a.lines {
			a.s.Lines = append(a.s.Lines, l)
		}
		sort.Ints(a.s.Lines)
		prof.Skills = append(prof.Skills, a.s)
	}
	return prof
}

// cvLevel turns evidence into a level: years first, then where the skill is
// named, then qualifiers, recency and repetition.
func cvLevel(s CVSkill, qual float64, secs map[Section]bool, inPos bool, lines int, now time.Time) float64 {
	var level float64
	switch {
	case s.Skill.Category == SpokenLanguage:
		level = 3
		if qual > 0 {
			level = qual
		}
		return clamp(roundHalf(level), 1, levelMax)
	case s.Years > 0:
		level = 1 + math.Min(s.Years, 8)*0.5
	case inPos || secs[SectionExperience]:
		level = 2.5
	case secs[SectionSummary] || secs[SectionSkills] || secs[SectionNone]:
		level = 2
	case secs[SectionCertifications] && s.Skill.Category == Certification:
		level = 3
	default:
		level = 1.5
	}
	switch {
	case qual >= 4:
		level = math.Max(level, qual)
	case qual > 0 && qual < 2:
		level = math.Min(level, qual)
	}
	if s.Current {
		level += 0.5
	} else if s.LastUsed > 0 && now.Year()-s.LastUsed >= 5 {
		level--
	}
	if lines >= 3 {
		level += 0.5
	}
	return clamp(roundHalf(level), 1, levelMax)
}
