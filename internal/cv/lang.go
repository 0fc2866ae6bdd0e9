package cv

import (
	"strings"
	"unicode"
)

// Languages a CV can be analysed and rendered in.
const (
	English = "en"
	French  = "fr"
)

// DetectLanguage tells whether a CV is written in English or French, from
// function words and accented letters in its text (the structured fields,
// plus raw text when given). It answers English when there is no evidence
// either way.
func DetectLanguage(c *StructuredCV, text string) string {
	var b strings.Builder
	if c != nil {
		for f := range Fields(c) {
			b.WriteString(f.Value)
			b.WriteByte('\n')
		}
	}
	if b.Len() < 200 && len(text) > 0 {
		// The structured CV is thin (the parser found little): the raw text
		// is the better witness.
		b.WriteString(text)
	}
	return detect(b.String())
}

// detect scores words that are frequent in one language and rare in the
// other. Accented letters typical of French count too, since CV bullets are
// short and carry few function words.
func detect(s string) string {
	en := map[string]bool{
		"the": true, "and": true, "of": true, "with": true, "for": true, "in": true, "to": true,
		"on": true, "a": true, "an": true, "by": true, "from": true, "at": true, "years": true,
		"experience": true, "skills": true, "education": true, "team": true, "managed": true,
		"developed": true, "led": true, "built": true, "using": true, "is": true, "was": true,
	}
	fr := map[string]bool{
		"le": true, "la": true, "les": true, "des": true, "du": true, "de": true, "et": true,
		"en": true, "une": true, "un": true, "pour": true, "avec": true, "dans": true, "sur": true,
		"au": true, "aux": true, "ans": true, "compétences": true, "expérience": true,
		"formation": true, "équipe": true, "gestion": true, "mise": true, "d'une": true, "d'un": true,
		"l'équipe": true, "est": true, "été": true, "par": true,
	}
	var enScore, frScore int
	for w := range strings.FieldsFuncSeq(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\'' && r != '’'
	}) {
		w = strings.ReplaceAll(w, "’", "'")
		if en[w] {
			enScore++
		}
		if fr[w] {
			frScore++
		}
	}
	for _, r := range s {
		switch r {
		case 'é', 'è', 'ê', 'à', 'ç', 'ù', 'û', 'ô', 'î', 'É':
			frScore++
		}
	}
	if frScore > enScore {
		return French
	}
	return English
}
