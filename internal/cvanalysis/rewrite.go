package cvanalysis

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/utopiahire/utopiahire/internal/cv"
)

// Issue types of field suggestions (issue_type in the contract).
const (
	IssueWeakVerb      = "weak_verb"
	IssuePassiveVoice  = "passive_voice"
	IssueFirstPerson   = "first_person"
	IssueBuzzword      = "buzzword"
	IssueTooLong       = "too_long"
	IssueWordiness     = "wordiness"
	IssueMissingMetric = "missing_metric"
	IssueDateFormat    = "date_format"
	IssueMissingField  = "missing_content"
)

// finding is one problem seen in a piece of text.
type finding struct {
	kind   string
	detail string // the offending words, quoted in messages
}

// lexicon holds the word lists and compiled patterns of both languages. It
// is built once per analyzer and only read afterwards.
type lexicon struct {
	strongEN, strongFR, baseEN, doubled, stop, jobWords map[string]bool
	nominalEN, nominalFR, irregular                     map[string]string
	buzzEN, buzzFR                                      []*regexp.Regexp
	buzzWordsEN, buzzWordsFR                            []string

	pronounEN, pronounFR, firstPersonEN, firstPersonFR *regexp.Regexp
	passiveEN, passiveFR                               *regexp.Regexp
	nominalPhraseEN, nominalPairEN, frObjectPhrase     *regexp.Regexp
	byMe, byAgent, frFixedPhrase                       *regexp.Regexp
	metric                                             *regexp.Regexp
	gerundJoin, passionEN, passionFR, passionAny       *regexp.Regexp
	nounGerund, commonFirst                            map[string]bool
	enumEN, enumFR, enumSplitEN, enumSplitFR           *regexp.Regexp
	ruleEN, ruleFR                                     []rule
	fillerEN, fillerFR                                 []replacement
	cleanup                                            []replacement
	article                                            *regexp.Regexp
}

// rule rewrites a weak opening: when re matches the start of a bullet,
// fix gets the submatches and returns the rewrite, or false when it cannot
// rewrite with confidence (the weakness is still reported).
type rule struct {
	re  *regexp.Regexp
	fix func(lx *lexicon, m []string) (string, bool)
}

type replacement struct {
	re   *regexp.Regexp
	with string
	// needle, when set, is a lower-case substring the pattern cannot match
	// without; checking it first skips most regexp runs.
	needle string
}

func newLexicon() *lexicon {
	lx := &lexicon{
		strongEN: strongVerbsEN(), strongFR: strongOpenersFR(), baseEN: baseVerbsEN(), doubled: doubledFinal(),
		stop: stopwords(), jobWords: jobWords(), nominalEN: enNominals(), nominalFR: frNominals(),
		irregular: irregularPast(), buzzWordsEN: buzzwordsEN(), buzzWordsFR: buzzwordsFR(),
	}
	lx.buzzEN = wordPatterns(lx.buzzWordsEN)
	lx.buzzFR = wordPatterns(lx.buzzWordsFR)
	lx.pronounEN = regexp.MustCompile(`^(?:I|We)(?:'ve|’ve|\s+have|\s+had)?\s+`)
	lx.pronounFR = regexp.MustCompile(`(?i)^(?:j['’]ai|nous avons|je suis|j['’]étais|nous étions)\s+`)
	lx.firstPersonEN = regexp.MustCompile(`(?:^|[^\p{L}'’/])(I|I['’]m|I['’]ve|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)(?:[^\p{L}'’/]|$)`)
	lx.firstPersonFR = regexp.MustCompile(`(?i)(?:^|[^\p{L}])((?:je|moi|mon|ma|mes|me)(?:[^\p{L}]|$)|[jm]['’]\p{L})`)
	participle := `(?:[a-z]+ed|built|written|led|run|made|done|taken|given|set up|shown|grown|chosen|driven|drawn|begun|sold|held|brought|taught|spent|sent|kept|found|won|rewritten|rebuilt|overseen|undertaken|paid|laid)`
	lx.passiveEN = regexp.MustCompile(`^([A-Za-z][^,;:]{2,80}?)\s+(?:was|were|has been|have been|had been|is being|are being)\s+(` + participle + `(?:\s+and\s+` + participle + `)?)\b\s*(.*)$`)
	lx.passiveFR = regexp.MustCompile(`(?i)^([\p{L}][^,;:]{2,80}?)\s+(?:a|ont|avait|avaient)\s+été\s+(\p{L}+(?:é|ée|és|ées|u|ue|us|ues|is|ise|ises|it|ite|its|ites))(?:\s+(.*))?$`)
	lx.nominalPhraseEN = regexp.MustCompile(`(?i)^(?:(?:the|a|an)\s+)?([a-z-]+)\s+of\s+(.+)$`)
	lx.nominalPairEN = regexp.MustCompile(`(?i)^(?:the\s+)?([a-z-]+)\s+and\s+(?:the\s+)?([a-z-]+)\s+of\s+(.+)$`)
	lx.byMe = regexp.MustCompile(`(?i)\s+(?:by me|by myself|par moi(?:-même)?)\b`)
	lx.byAgent = regexp.MustCompile(`(?i)(?:^|\s)(?:by|par)\s`)
	lx.frFixedPhrase = regexp.MustCompile(`(?i)^(en place|en œuvre|en oeuvre|à jour|en production|en ligne)\b\s*(.*)$`)
	lx.frObjectPhrase = regexp.MustCompile(`(?i)^(?:(?:la|le|les|l['’]|une|un)\s*)?(mise en place|[\p{L}-]+)\s+((?:de la|de l['’]|du|des|d['’]un|d['’]une)\s*.+)$`)
	lx.metric = regexp.MustCompile(`(?i)\d|%|€|\$|£|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|doubled|tripled|halved|deux|trois|quatre|cinq|sept|huit|neuf|dix|douze|quinze|vingt|trente|cinquante|cents?|mille|milliards?|dizaines?|centaines?|doublé|triplé|moitié)\b`)
	lx.enumEN = regexp.MustCompile(`^(.*?)(,?\s+(?:covering\s+(?:topics\s+)?)?such as\s+|,\s+including\s+|,\s+e\.g\.\s+)(.+?)([.!]?)$`)
	lx.enumFR = regexp.MustCompile(`^(.*?)(,?\s+(?:tel(?:le)?s que|comme|notamment)\s+)(.+?)([.!]?)$`)
	lx.enumSplitEN = regexp.MustCompile(`\s*,\s*(?:and\s+)?|\s+and\s+`)
	lx.enumSplitFR = regexp.MustCompile(`\s*,\s*(?:et\s+)?|\s+et\s+`)
	lx.gerundJoin = regexp.MustCompile(`^(\s*,\s*|\s+and\s+)([A-Za-z]+ing)\b(.*)$`)
	lx.passionEN = regexp.MustCompile(`(?i)\bpassionate about\b`)
	lx.passionFR = regexp.MustCompile(`(?i)(^|[^\p{L}])passionn(é|ée|és|ées)\s+par([^\p{L}]|$)`)
	lx.passionAny = regexp.MustCompile(`(?i)passionate about|passionn\p{L}*\s+par`)
	lx.nounGerund = nounGerunds()
	lx.commonFirst = commonFirstWords()
	lx.ruleEN = rulesEN()
	lx.ruleFR = rulesFR()
	lx.fillerEN = withNeedles(replacements(
		`(?i)\bin order to\b`, "to",
		`(?i)\bwas able to\s+`, "",
		`(?i)\bsuccessfully\s+`, "",
		`(?i)\ba number of\b`, "several",
		`(?i)\ba variety of\b`, "various",
		`(?i)\bdue to the fact that\b`, "because",
		`(?i)\bon a (daily|weekly|monthly) basis\b`, "$1",
		`(?i)\butili[sz]ed\b`, "used",
		`(?i)\butili[sz]e\b`, "use",
		`(?i)\bvarious different\b`, "various",
	), "in order to", "was able to", "successfully", "a number of", "a variety of", "due to the fact", " basis", "utili", "utili", "various different")
	lx.fillerFR = withNeedles(replacements(
		`(?i)\bafin d['’]`, "pour ",
		`(?i)\bafin de\b`, "pour",
		`(?i)\s*\bavec succès\b`, "",
		`(?i)\bde manière efficace\b`, "efficacement",
	), "afin d", "afin de", "avec succès", "de manière efficace")
	lx.cleanup = replacements(
		`\s+`, " ",
		`\s+([,.;:!?)])`, "$1",
		`\(\s+`, "(",
		`,\s*([,.;])`, "$1",
		`(?i)\b(and|et|or|ou)\s*([,.;]|$)`, "$2",
		`(?i)\b(and|et)\s+(and|et)\b`, "$1",
		`(?i)^\s*(?:and|et|or|ou|,|;)\s+`, "",
		`(?i),\s*(and|et)\s*,`, ",",
		`(?i)\b(an?|the|un|une|le|la|les|des)\s*,\s*`, "$1 ",
		`(?i)\b(?:and|et)\s+(with|avec|in|en|for|pour|at|chez|who|qui|dont)\b`, "$1",
		`^[,;:\s]+`, "",
	)
	lx.article = regexp.MustCompile(`\b([Aa])(n?)\s+([A-Za-z])`)
	return lx
}

func withNeedles(reps []replacement, needles ...string) []replacement {
	for i := range reps {
		reps[i].needle = needles[i]
	}
	return reps
}

func replacements(pairs ...string) []replacement {
	var out []replacement
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, replacement{re: regexp.MustCompile(pairs[i]), with: pairs[i+1]})
	}
	return out
}

// wordPatterns matches each phrase as whole words, case-insensitively.
func wordPatterns(phrases []string) []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(phrases))
	for i, p := range phrases {
		out[i] = regexp.MustCompile(`(?i)(^|[^\p{L}-])` + regexp.QuoteMeta(p) + `([^\p{L}-]|$)`)
	}
	return out
}

func rulesEN() []rule {
	generic := func(opener string) func(lx *lexicon, m []string) (string, bool) {
		return func(lx *lexicon, m []string) (string, bool) {
			if s, ok := lx.actionPhraseEN(m[1]); ok {
				return s, true
			}
			if opener == "" {
				return "", false
			}
			return opener + " " + m[1], true
		}
	}
	return []rule{
		{regexp.MustCompile(`(?i)^(?:my\s+)?(?:duties|responsibilities)\s+(?:included|include|were)\s*:?\s+(.+)$`), generic("")},
		{regexp.MustCompile(`(?i)^(?:was\s+|am\s+)?(?:responsible|in charge)\s+(?:for|of)\s+(.+)$`), generic("Owned")},
		{regexp.MustCompile(`(?i)^(?:was\s+)?tasked\s+with\s+(.+)$`), generic("Executed")},
		{regexp.MustCompile(`(?i)^work(?:ed|ing)\s+on\s+(.+)$`), generic("Delivered")},
		{regexp.MustCompile(`(?i)^work(?:ed|ing)\s+with\s+(.+)$`), func(_ *lexicon, m []string) (string, bool) { return "Collaborated with " + m[1], true }},
		{regexp.MustCompile(`(?i)^(?:participated|was involved|involved|took part)\s+in\s+(.+)$`), generic("Contributed to")},
		{regexp.MustCompile(`(?i)^(?:helped|assisted|aided)(?:\s+(to|in|with))?\s+(.+)$`), func(lx *lexicon, m []string) (string, bool) {
			if s, ok := lx.actionPhraseEN(m[2]); ok {
				return s, true
			}
			first, rest := splitWord(m[2])
			if lx.baseEN[strings.ToLower(first)] {
				return capitalise(lx.pastOfBase(strings.ToLower(first))) + rest, true
			}
			if strings.EqualFold(m[1], "with") {
				return "Supported " + m[2], true
			}
			return "", false
		}},
		{regexp.MustCompile(`(?i)^handled\s+(.+)$`), func(_ *lexicon, m []string) (string, bool) { return "Managed " + m[1], true }},
		{regexp.MustCompile(`(?i)^did\s+(.+)$`), func(_ *lexicon, m []string) (string, bool) { return "Performed " + m[1], true }},
		{regexp.MustCompile(`(?i)^made\s+(.+)$`), func(_ *lexicon, m []string) (string, bool) { return "Created " + m[1], true }},
	}
}

func rulesFR() []rule {
	return []rule{
		{regexp.MustCompile(`(?i)^(?:responsable|charg[ée]e?s?|en charge)\s+((?:de la|de l['’]|du|des|d['’]|de)\s*.+)$`), func(lx *lexicon, m []string) (string, bool) {
			if s, ok := lx.actionPhraseFR(m[1], true); ok {
				return s, true
			}
			if obj, ok := objectFromDe(m[1]); ok {
				return "Piloté " + obj, true
			}
			return "", false
		}},
		{regexp.MustCompile(`(?i)^(?:travaill[ée]|travaille)\s+sur\s+(.+)$`), func(lx *lexicon, m []string) (string, bool) {
			if s, ok := lx.actionPhraseFR(m[1], false); ok {
				return s, true
			}
			return "Contribué " + surToA(m[1]), true
		}},
		{regexp.MustCompile(`(?i)^(?:participation|particip[ée]|contribution)\s+((?:à|a|au|aux)\s+.+)$`), func(_ *lexicon, m []string) (string, bool) {
			if strings.HasPrefix(m[1], "a ") {
				return "Contribué à " + m[1][2:], true
			}
			return "Contribué " + m[1], true
		}},
		{regexp.MustCompile(`(?i)^(?:aide|aid[ée]|assist[ée]|soutien)\s+((?:à la|à l['’]|au|aux)\s*.+)$`), func(lx *lexicon, m []string) (string, bool) {
			if s, ok := lx.actionPhraseFR(deToA(m[1]), true); ok {
				return s, true
			}
			return "Contribué " + m[1], true
		}},
		{regexp.MustCompile(`(?i)^(?:aid[ée]|assist[ée])\s+(?:à|a)\s+(\p{L}+)(.*)$`), func(_ *lexicon, m []string) (string, bool) {
			if p, ok := participleOfInfinitive(m[1]); ok {
				return capitalise(p) + m[2], true
			}
			return "", false
		}},
	}
}

// actionPhraseEN turns "managing X", "the migration of X" or "designing and
// building X" into "Managed X", "Migrated X", "Designed and built X".
func (lx *lexicon) actionPhraseEN(s string) (string, bool) {
	if m := lx.nominalPairEN.FindStringSubmatch(s); m != nil {
		v1, ok1 := lx.nominalEN[strings.ToLower(m[1])]
		v2, ok2 := lx.nominalEN[strings.ToLower(m[2])]
		if ok1 && ok2 {
			return v1 + " and " + strings.ToLower(v2) + " " + m[3], true
		}
	}
	if m := lx.nominalPhraseEN.FindStringSubmatch(s); m != nil {
		if v, ok := lx.nominalEN[strings.ToLower(m[1])]; ok {
			return v + " " + m[2], true
		}
	}
	first, rest := splitWord(s)
	past, ok := lx.pastOfGerund(strings.ToLower(first))
	if !ok {
		return "", false
	}
	// A second gerund joined by "and" or a comma takes the past tense too.
	if m := lx.gerundJoin.FindStringSubmatch(rest); m != nil {
		if p2, ok := lx.pastOfGerund(strings.ToLower(m[2])); ok {
			rest = m[1] + p2 + m[3]
		}
	}
	return capitalise(past) + rest, true
}

// actionPhraseFR turns "la gestion des X" into "Géré les X". withDe says
// the phrase still starts with its "de" ("de la gestion des X").
func (lx *lexicon) actionPhraseFR(s string, withDe bool) (string, bool) {
	if withDe {
		var ok bool
		if s, ok = objectFromDe(s); !ok {
			return "", false
		}
	}
	m := lx.frObjectPhrase.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	verb, ok := lx.nominalFR[strings.ToLower(m[1])]
	if !ok {
		return "", false
	}
	obj, ok := objectFromDe(m[2])
	if !ok {
		return "", false
	}
	return verb + " " + obj, true
}

// objectFromDe turns a "de" complement into a direct object: "de la X" →
// "la X", "du X" → "le X", "des X" → "les X", "d'un X" → "un X".
func objectFromDe(s string) (string, bool) {
	s = strings.TrimSpace(s)
	lower := strings.ToLower(s)
	for _, p := range []struct{ from, to string }{
		{"de la ", "la "}, {"de l'", "l'"}, {"de l’", "l’"}, {"du ", "le "}, {"des ", "les "},
		{"d'un ", "un "}, {"d’un ", "un "}, {"d'une ", "une "}, {"d’une ", "une "},
	} {
		if strings.HasPrefix(lower, p.from) {
			return p.to + s[len(p.from):], true
		}
	}
	return "", false
}

// deToA rewrites the "à" complement after "aide" as the nominal phrase:
// "à la rédaction des X" → "de la rédaction des X" is not French; instead
// strip the preposition: "à la X" → "la X", "au X" → "le X".
func deToA(s string) string {
	lower := strings.ToLower(s)
	for _, p := range []struct{ from, to string }{
		{"à la ", "de la "}, {"à l'", "de l'"}, {"à l’", "de l’"}, {"au ", "du "}, {"aux ", "des "},
	} {
		if strings.HasPrefix(lower, p.from) {
			return p.to + s[len(p.from):]
		}
	}
	return s
}

// surToA turns "sur le X" into "au X" after "Contribué".
func surToA(s string) string {
	lower := strings.ToLower(s)
	for _, p := range []struct{ from, to string }{
		{"le ", "au "}, {"les ", "aux "}, {"la ", "à la "}, {"l'", "à l'"}, {"l’", "à l’"},
		{"un ", "à un "}, {"une ", "à une "}, {"des ", "à des "},
	} {
		if strings.HasPrefix(lower, p.from) {
			return p.to + s[len(p.from):]
		}
	}
	return "à " + s
}

// participleOfInfinitive gives the participle of a regular French verb:
// "rédiger" → "rédigé", "finir" → "fini".
func participleOfInfinitive(v string) (string, bool) {
	switch {
	case strings.HasSuffix(v, "er") && utf8.RuneCountInString(v) > 3:
		return strings.TrimSuffix(v, "er") + "é", true
	case strings.HasSuffix(v, "ir") && utf8.RuneCountInString(v) > 4:
		return strings.TrimSuffix(v, "r"), true
	}
	return "", false
}

// masculineParticiple strips agreement: "lancée" → "lancé", "conçues" →
// "conçu", "mise" → "mis".
func masculineParticiple(p string) string {
	for _, suf := range []struct{ from, to string }{
		{"ées", "é"}, {"ée", "é"}, {"és", "é"}, {"ues", "u"}, {"ue", "u"}, {"us", "u"},
		{"ises", "is"}, {"ise", "is"}, {"ites", "it"}, {"ite", "it"}, {"its", "it"},
	} {
		if strings.HasSuffix(p, suf.from) {
			return strings.TrimSuffix(p, suf.from) + suf.to
		}
	}
	return p
}

// nounGerunds are -ing words that name a field rather than an action.
func nounGerunds() map[string]bool {
	return setOf("engineering", "marketing", "accounting", "banking", "pricing", "hosting", "networking", "funding",
		"branding", "billing", "ticketing", "logging", "clustering", "financing", "advertising", "publishing",
		"consulting", "catering", "nursing", "housing", "outsourcing", "packaging", "something", "everything",
		"nothing", "anything", "spring", "string", "ring", "king", "thing", "bring", "during", "morning", "evening")
}

// pastOfGerund turns "managing" into "managed", "leading" into "led",
// "planning" into "planned".
func (lx *lexicon) pastOfGerund(w string) (string, bool) {
	if !strings.HasSuffix(w, "ing") || len(w) < 5 || lx.nounGerund[w] {
		return "", false
	}
	stem := strings.TrimSuffix(w, "ing")
	for _, base := range []string{stem, stem + "e", dedouble(stem)} {
		if p, ok := lx.irregular[base]; ok {
			return p, true
		}
	}
	if len(stem) >= 2 && stem[len(stem)-1] == 'y' && !isVowel(stem[len(stem)-2]) {
		return stem[:len(stem)-1] + "ied", true
	}
	if strings.HasSuffix(stem, "e") {
		return stem + "d", true
	}
	return stem + "ed", true
}

func dedouble(s string) string {
	if n := len(s); n >= 2 && s[n-1] == s[n-2] {
		return s[:n-1]
	}
	return s
}

// pastOfBase turns "build" into "built", "plan" into "planned".
func (lx *lexicon) pastOfBase(w string) string {
	if p, ok := lx.irregular[w]; ok {
		return p
	}
	switch {
	case lx.doubled[w]:
		return w + w[len(w)-1:] + "ed"
	case strings.HasSuffix(w, "e"):
		return w + "d"
	case len(w) >= 2 && w[len(w)-1] == 'y' && !isVowel(w[len(w)-2]):
		return w[:len(w)-1] + "ied"
	}
	return w + "ed"
}

// pastOfParticiple turns a passive participle into the simple past:
// "written" → "wrote", "automated" → "automated".
func (lx *lexicon) pastOfParticiple(p string) string {
	words := strings.Fields(p)
	for i, w := range words {
		if v, ok := lx.irregular[strings.ToLower(w)]; ok {
			words[i] = v
		}
	}
	return strings.Join(words, " ")
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

// splitWord returns the first word of s and the rest, with its leading
// separator.
func splitWord(s string) (string, string) {
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	if i < 0 {
		return s, ""
	}
	return s[:i], s[i:]
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func (lx *lexicon) lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	// Keep acronyms and proper nouns: "API gateway" stays, "The" lowers.
	if n < len(s) {
		r2, _ := utf8.DecodeRuneInString(s[n:])
		if unicode.IsUpper(r2) {
			return s
		}
	}
	first, _ := splitWord(s)
	if lw := strings.ToLower(first); !lx.commonFirst[lw] && !adjectiveEnding(lw) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// commonFirstWords are lower-cased when they move from the start of a
// sentence to its middle; other words may be names and keep their case
// unless they have the ending of an adjective or adverb.
func commonFirstWords() map[string]bool {
	return setOf("the", "a", "an", "our", "all", "new", "several", "each", "this", "these", "their", "its",
		"both", "key", "legacy", "existing", "multiple", "various", "critical", "customer", "customers", "user",
		"users", "client", "clients", "team", "teams", "project", "projects", "product", "products", "report",
		"reports", "test", "tests", "code", "process", "processes", "system", "systems", "service", "services",
		"application", "applications", "feature", "features", "website", "site", "campaign", "campaigns", "data",
		"sales", "budget", "budgets", "documentation", "training", "internal", "weekly", "monthly", "daily",
		"la", "le", "les", "l", "une", "un", "des", "de", "du", "notre", "nos", "plusieurs", "chaque", "cette", "ce", "ces")
}

func adjectiveEnding(w string) bool {
	for _, suf := range []string{"ly", "al", "ive", "ous", "ic", "ful", "less", "able", "ible", "ary"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// bulletRewrite is the result of reviewing one piece of text.
type bulletRewrite struct {
	improved string
	findings []finding
	// hasMetric tells whether the text states a number.
	hasMetric bool
	strong    bool // opens with a strong action verb (after the rewrite)
	weak      bool // opened with a weak phrase
}

// reviewBullet checks one bullet (or one-line description) and rewrites it
// where a rule applies with confidence.
func (lx *lexicon) reviewBullet(text, lang string) bulletRewrite {
	s := strings.TrimSpace(text)
	var r bulletRewrite
	end := trailingPunct(s)
	s = strings.TrimRight(s, ".;")
	s = lx.fixPronoun(s, lang, &r)
	s = lx.fixOpener(s, lang, &r)
	if !r.weak {
		s = lx.fixPassive(s, lang, &r)
	}
	s = lx.fixFiller(s, lang, &r)
	s = lx.fixBuzzwords(s, lang, &r)
	s = lx.fixLength(s, lang, &r)
	s = capitalise(strings.TrimSpace(s)) + end
	r.improved = s
	r.hasMetric = lx.metric.MatchString(text)
	first, _ := splitWord(s)
	first = strings.ToLower(first)
	r.strong = lx.strongEN[first] || lx.strongFR[first]
	if !r.hasMetric {
		r.findings = append(r.findings, finding{kind: IssueMissingMetric})
	}
	return r
}

func trailingPunct(s string) string {
	if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "..") {
		return "."
	}
	return ""
}

func (lx *lexicon) fixPronoun(s, lang string, r *bulletRewrite) string {
	re, any := lx.pronounEN, lx.firstPersonEN
	if lang == cv.French {
		re, any = lx.pronounFR, lx.firstPersonFR
	}
	if m := re.FindString(s); m != "" {
		r.findings = append(r.findings, finding{kind: IssueFirstPerson, detail: strings.TrimSpace(m)})
		return capitalise(s[len(m):])
	}
	if m := any.FindStringSubmatch(s); m != nil {
		r.findings = append(r.findings, finding{kind: IssueFirstPerson, detail: m[1]})
	}
	return s
}

func (lx *lexicon) fixOpener(s, lang string, r *bulletRewrite) string {
	rules := lx.ruleEN
	if lang == cv.French {
		rules = lx.ruleFR
	}
	for _, ru := range rules {
		m := ru.re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		r.weak = true
		opener := strings.TrimSpace(s[:len(s)-len(m[len(m)-1])])
		r.findings = append(r.findings, finding{kind: IssueWeakVerb, detail: opener})
		if out, ok := ru.fix(lx, m); ok {
			return out
		}
		return s
	}
	return s
}

func (lx *lexicon) fixPassive(s, lang string, r *bulletRewrite) string {
	if lang == cv.French {
		m := lx.passiveFR.FindStringSubmatch(s)
		if m == nil || !lx.plainSubject(m[1]) {
			return s
		}
		r.findings = append(r.findings, finding{kind: IssuePassiveVoice, detail: strings.TrimSpace(m[0][len(m[1]) : len(m[0])-len(m[3])])})
		rest := lx.byMe.ReplaceAllString(m[3], "")
		if lx.byAgent.MatchString(rest) {
			return s // done by someone named: not the candidate's own action
		}
		verb := capitalise(masculineParticiple(strings.ToLower(m[2])))
		if f := lx.frFixedPhrase.FindStringSubmatch(rest); f != nil {
			// "mise en place" stays together: "Mis en place une procédure".
			verb, rest = verb+" "+f[1], f[2]
		}
		return strings.TrimSpace(verb + " " + lx.lowerFirst(m[1]) + " " + rest)
	}
	m := lx.passiveEN.FindStringSubmatch(s)
	if m == nil || !lx.plainSubject(m[1]) {
		return s
	}
	r.findings = append(r.findings, finding{kind: IssuePassiveVoice, detail: strings.TrimSpace(m[0][len(m[1]) : len(m[0])-len(m[3])])})
	rest := strings.TrimSpace(lx.byMe.ReplaceAllString(" "+m[3], ""))
	if lx.byAgent.MatchString(rest) {
		return s // done by someone named: not the candidate's own action
	}
	return strings.TrimSpace(capitalise(lx.pastOfParticiple(m[2])) + " " + lx.lowerFirst(m[1]) + " " + rest)
}

// plainSubject tells whether the words before a passive verb are a plain
// noun phrase (so the sentence can be turned around), not a clause such as
// "Reduced costs which were …".
func (lx *lexicon) plainSubject(subj string) bool {
	words := strings.Fields(strings.ToLower(subj))
	if len(words) == 0 || len(words) > 10 {
		return false
	}
	if first := words[0]; lx.strongEN[first] || lx.strongFR[first] || strings.HasSuffix(first, "ed") {
		return false
	}
	for _, w := range words {
		switch w {
		case "which", "that", "who", "where", "when", "qui", "que", "dont", "où", "lorsque":
			return false
		}
	}
	return true
}

func (lx *lexicon) fixFiller(s, lang string, r *bulletRewrite) string {
	reps := lx.fillerEN
	if lang == cv.French {
		reps = lx.fillerFR
	}
	out := s
	lower := strings.ToLower(s)
	for _, rep := range reps {
		if rep.needle == "" || strings.Contains(lower, rep.needle) {
			out = rep.re.ReplaceAllString(out, rep.with)
		}
	}
	if out != s {
		r.findings = append(r.findings, finding{kind: IssueWordiness})
		return lx.clean(out, lang)
	}
	return s
}

// fixBuzzwords removes empty self-descriptions and tidies what is left; when
// nothing of substance would be left it only reports them.
func (lx *lexicon) fixBuzzwords(s, lang string, r *bulletRewrite) string {
	out, found := lx.removeBuzzwords(s, lang)
	if len(found) == 0 {
		return s
	}
	r.findings = append(r.findings, finding{kind: IssueBuzzword, detail: strings.Join(found, ", ")})
	if !lx.wellFormed(out) {
		return s
	}
	return out
}

// removeBuzzwords returns s without its buzzwords, and the buzzwords found.
func (lx *lexicon) removeBuzzwords(s, lang string) (string, []string) {
	pats, words := lx.buzzEN, lx.buzzWordsEN
	if lang == cv.French {
		pats, words = lx.buzzFR, lx.buzzWordsFR
	}
	out := s
	if lang == cv.French {
		out = lx.passionFR.ReplaceAllString(out, "${1}spécialis${2} dans$3")
	} else {
		out = lx.passionEN.ReplaceAllString(out, "focused on")
	}
	var found []string
	lower := strings.ToLower(out)
	for i, re := range pats {
		// A plain substring test first: the patterns are costly and
		// almost never match.
		if strings.Contains(lower, words[i]) && re.MatchString(out) {
			found = append(found, words[i])
			out = re.ReplaceAllString(out, "$1$2")
		}
	}
	if m := lx.passionAny.FindString(s); m != "" {
		word, _ := splitWord(m)
		found = append(found, strings.ToLower(word))
	}
	if len(found) == 0 {
		return s, nil
	}
	return lx.clean(out, lang), found
}

// wellFormed rejects what is left of a sentence after words were removed
// when it no longer stands: under three words, or starting or ending on a
// function word ("who …", "… with a").
func (lx *lexicon) wellFormed(s string) bool {
	words := strings.Fields(strings.ToLower(strings.Trim(s, " .,;:!?")))
	if len(words) < 3 {
		return false
	}
	first, last := strings.Trim(words[0], ",;"), strings.Trim(words[len(words)-1], ",;")
	return !danglingWord(first) && !lx.stop[last]
}

func danglingWord(w string) bool {
	switch w {
	case "who", "which", "that", "and", "with", "or", "qui", "que", "et", "avec", "dont", "ou":
		return true
	}
	return false
}

// fixLength flags overlong text and, when it ends in a long enumeration
// ("such as a, b, c, d and e"), keeps its first two items.
func (lx *lexicon) fixLength(s, lang string, r *bulletRewrite) string {
	words := len(strings.Fields(s))
	limit := 26
	if lang == cv.French {
		limit = 30
	}
	if words <= limit && utf8.RuneCountInString(s) <= 220 {
		return s
	}
	r.findings = append(r.findings, finding{kind: IssueTooLong, detail: itoa(words)})
	enum, split, and := lx.enumEN, lx.enumSplitEN, " and "
	if lang == cv.French {
		enum, split, and = lx.enumFR, lx.enumSplitFR, " et "
	}
	m := enum.FindStringSubmatch(s)
	if m == nil {
		return s
	}
	items := split.Split(m[3], -1)
	if len(items) <= 2 {
		return s
	}
	return m[1] + m[2] + items[0] + and + items[1] + m[4]
}

// clean tidies text after words were removed from it.
func (lx *lexicon) clean(s, lang string) string {
	for range 2 {
		for _, rep := range lx.cleanup {
			s = rep.re.ReplaceAllString(s, rep.with)
		}
	}
	if lang == cv.French {
		return strings.TrimSpace(s)
	}
	s = lx.article.ReplaceAllStringFunc(s, func(m string) string {
		sm := lx.article.FindStringSubmatch(m)
		art := sm[1]
		if strings.ContainsAny(strings.ToLower(sm[3]), "aeio") {
			art += "n"
		}
		return art + " " + sm[3]
	})
	return strings.TrimSpace(s)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}
