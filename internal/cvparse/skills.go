package cvparse

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/utopiahire/utopiahire/internal/cv"
)

var (
	spokenLanguages = wordSet(`english french spanish german italian portuguese arabic chinese mandarin cantonese japanese korean
		russian hindi urdu bengali turkish dutch polish swedish norwegian danish finnish greek hebrew persian farsi swahili
		romanian czech hungarian ukrainian vietnamese thai indonesian malay tamil berber tamazight
		anglais français francais espagnol allemand italien portugais arabe chinois japonais coréen russe turc néerlandais
		polonais suédois grec hébreu persan roumain ukrainien vietnamien`)
	toolWords = phraseSet(`docker kubernetes k8s git github gitlab bitbucket jira confluence terraform ansible jenkins aws gcp azure
		linux unix bash grafana prometheus kafka figma tableau power_bi excel photoshop illustrator postman vscode intellij
		eclipse slack trello notion heroku vercel netlify circleci travis github_actions helm vagrant nginx apache sap
		salesforce matlab spss sketch`)
	softWords = phraseSet(`communication teamwork leadership autonomy autonomie rigueur adaptability adaptabilité creativity
		créativité organisation organization mentoring negotiation négociation problem_solving travail_en_équipe
		time_management esprit_d'équipe curiosity curiosité empathy empathie critical_thinking public_speaking
		collaboration`)
	reLevel = regexp.MustCompile(`\s*(?:\(.*\)|[-–—:]\s+.*)$`)
)

// skillCategory maps a label ("Programming:", "Outils :") to a category.
func skillCategory(label string) string {
	f := fold(label)
	switch {
	case strings.Contains(f, "soft") || strings.Contains(f, "savoir etre") || strings.Contains(f, "qualit") ||
		strings.Contains(f, "interpersonal") || strings.Contains(f, "personal"):
		return "soft"
	case strings.Contains(f, "tool") || strings.Contains(f, "outil") || strings.Contains(f, "devops") ||
		strings.Contains(f, "cloud") || strings.Contains(f, "software") || strings.Contains(f, "logiciel") || strings.Contains(f, "platform"):
		return "tools"
	case f == "languages" || f == "langues" || strings.Contains(f, "spoken") || strings.Contains(f, "parlees"):
		return "languages?"
	case f == "other" || f == "autres" || strings.Contains(f, "interest"):
		return "other"
	}
	return "technical"
}

// parseSkills reads a skills section: labelled lines ("Tools: Git, Docker"),
// bullet lists and plain separated lists.
func parseSkills(lines []line, s *cv.Skills) {
	for _, u := range toUnits(lines) {
		t := u.text
		cat := ""
		if i := strings.IndexAny(t, ":："); i > 0 && i < 40 {
			cat = skillCategory(t[:i])
			t = t[i+len(string([]rune(t[i:])[0])):]
		}
		items := splitSkills(t)
		if cat == "languages?" {
			cat = "technical"
			if spokenShare(items) > 0.5 {
				cat = "languages"
			}
		}
		for _, it := range items {
			addSkill(s, cat, it)
		}
	}
}

// splitSkills cuts a list at separators outside parentheses ("AWS (EMR,
// Lambda)" is one skill) and at glyphs used as separators ("✓ Go ✓ SQL");
// glyphs are not part of a skill.
func splitSkills(t string) []string {
	var out []string
	var cur strings.Builder
	depth := 0
	flush := func() {
		glyph := func(r rune) bool {
			return unicode.IsSpace(r) || (unicode.IsSymbol(r) && r != '+') || r == '-' || r == '*' || strings.ContainsRune(bulletGlyphs, r)
		}
		p := strings.TrimRightFunc(strings.TrimLeftFunc(cur.String(), glyph), func(r rune) bool { return glyph(r) || r == '.' })
		if p != "" {
			out = append(out, p)
		}
		cur.Reset()
	}
	rs := []rune(t)
	for i, r := range rs {
		switch {
		case r == '(' || r == '[':
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
		case depth > 0:
		case r == ',' || r == ';' || r == '|' || r == '\t' || r == '·' || r == '•' || r == '∙' || r == '⋅' ||
			(unicode.IsSymbol(r) && r != '+' && r != '#' && r != '&') || (r != '-' && r != '*' && strings.ContainsRune(bulletGlyphs, r)):
			flush()
			continue
		case r == '/' && i > 0 && i+1 < len(rs) && rs[i-1] == ' ' && rs[i+1] == ' ':
			flush()
			continue
		}
		cur.WriteRune(r)
	}
	flush()
	return out
}

func spokenShare(items []string) float64 {
	if len(items) == 0 {
		return 0
	}
	n := 0
	for _, it := range items {
		if isSpoken(it) {
			n++
		}
	}
	return float64(n) / float64(len(items))
}

func isSpoken(it string) bool {
	name := strings.ToLower(strings.TrimSpace(reLevel.ReplaceAllString(it, "")))
	return spokenLanguages[name]
}

func addSkill(s *cv.Skills, cat, it string) {
	low := strings.ToLower(it)
	if cat == "" {
		switch {
		case isSpoken(it):
			cat = "languages"
		case toolWords[low]:
			cat = "tools"
		case softWords[low]:
			cat = "soft"
		default:
			cat = "technical"
		}
	}
	switch cat {
	case "tools":
		s.Tools = append(s.Tools, it)
	case "soft":
		s.SoftSkills = append(s.SoftSkills, it)
	case "languages":
		s.Languages = append(s.Languages, it)
	case "other":
		s.Other = append(s.Other, it)
	default:
		s.Technical = append(s.Technical, it)
	}
}

// parseLanguages reads a spoken-languages section: "English (native),
// French – C1", one per line or separated. It stops at the first line that
// names no language and reads as a heading or a sentence: sections with
// headings we do not know (Patents, Talks) often follow Languages, and
// their text is not a list of languages. The lines from there are returned.
func parseLanguages(lines []line, s *cv.Skills) []unit {
	units := toUnits(lines)
	for i, u := range units {
		items := splitSkills(u.text)
		if spokenShare(items) == 0 && (isLong(u.text) || titleLike(u.text) && i+1 < len(units)) {
			return units[i:]
		}
		s.Languages = append(s.Languages, items...)
	}
	return nil
}

// titleLike is the shape of a heading: one to four words, no digits or
// sentence punctuation, capitalised.
func titleLike(t string) bool {
	t = strings.TrimRight(strings.TrimSpace(t), ":")
	ws := strings.Fields(t)
	if len(ws) == 0 || len(ws) > 4 || strings.ContainsAny(t, "0123456789,;.()@|\t") {
		return false
	}
	return unicode.IsUpper([]rune(t)[0])
}
