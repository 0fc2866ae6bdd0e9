package skills

import (
	"strings"
	"unicode"

	"github.com/utopiahire/utopiahire/internal/text"
)

// Section is the part of a document a mention was found in.
type Section string

// Sections of CVs and job descriptions. SectionNone is text before any
// recognised heading.
const (
	SectionNone             Section = ""
	SectionSummary          Section = "summary"
	SectionExperience       Section = "experience"
	SectionSkills           Section = "skills"
	SectionEducation        Section = "education"
	SectionProjects         Section = "projects"
	SectionCertifications   Section = "certifications"
	SectionLanguages        Section = "languages"
	SectionInterests        Section = "interests"
	SectionRequirements     Section = "requirements"
	SectionNiceToHave       Section = "nice_to_have"
	SectionResponsibilities Section = "responsibilities"
	SectionBenefits         Section = "benefits"
	SectionAbout            Section = "about"
	SectionProcess          Section = "process"
	SectionOther            Section = "other"
)

// sectionOf maps the text package's sections to ours: the parts of a CV
// that say nothing about skills fold into interests or other.
var sectionOf = map[text.Section]Section{
	text.Summary: SectionSummary, text.Experience: SectionExperience, text.Education: SectionEducation,
	text.Skills: SectionSkills, text.Languages: SectionLanguages, text.Projects: SectionProjects,
	text.Certifications: SectionCertifications, text.Interests: SectionInterests, text.Activities: SectionInterests,
	text.Awards: SectionOther, text.Publications: SectionOther, text.Volunteer: SectionOther,
	text.Contact: SectionOther, text.References: SectionOther, text.Additional: SectionOther,
	text.Requirements: SectionRequirements, text.NiceToHave: SectionNiceToHave,
	text.Responsibilities: SectionResponsibilities, text.Benefits: SectionBenefits, text.About: SectionAbout,
	text.Process: SectionProcess,
}

// niceCues and mustCues are the wordings that mark a requirement as optional
// or compulsory, matched on normalised text with word boundaries.
var niceCues = []string{
	"nice to have", "a plus", "is a plus", "are a plus", "pluses", "bonus", "preferred", "preferably", "desirable",
	"desired", "ideally", "good to have", "would be great", "is an asset", "an asset", "advantage", "advantageous",
	"optional", "welcome", "not required", "pas exige", "pas exigee", "pas obligatoire", "non obligatoire", "pas indispensable", "non requis", "appreciated", "un plus", "un atout", "atout", "atouts", "apprecie",
	"appreciee", "apprecies", "appreciees", "souhaite", "souhaitee", "souhaites", "souhaitees", "souhaitable",
	"idealement", "de preference", "serait un plus", "est un plus", "vrai plus", "gros plus", "petit plus",
	"big plus", "real plus", "huge plus", "a bonus", "wunschenswert", "von vorteil", "idealerweise",
}

var mustCues = []string{
	"required", "requirement", "requirements", "must", "must have", "mandatory", "essential", "at least", "minimum",
	"we require", "necessary", "requis", "requise", "requises", "exige", "exigee", "exiges", "exigees", "indispensable",
	"obligatoire", "imperatif", "imperative", "necessaire", "au moins", "erforderlich", "voraussetzung", "zwingend",
}

// normLine folds text for cue and heading matching: lower case, no accents,
// hyphens and underscores as spaces, single spaces, padded for word search.
func normLine(s string) string {
	s = text.Fold(s)
	var b strings.Builder
	b.WriteByte(' ')
	space := true
	for _, r := range s {
		switch {
		case r == '-' || r == '_' || r == ' ' || r == '\t' || r == '/' || r == ',' || r == '(' || r == ')' || r == '.' || r == '!' || r == '*' || r == '•' || r == ':' || r == ';' || r == '"' || r == '?' || r == '[' || r == ']':
			if !space {
				b.WriteByte(' ')
				space = true
			}
		case r == '’':
			b.WriteByte('\'')
			space = false
		default:
			b.WriteRune(r)
			space = false
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	return b.String()
}

func hasCue(norm string, cues []string) bool {
	for _, c := range cues {
		if strings.Contains(norm, " "+c+" ") {
			return true
		}
	}
	return false
}

// heading recognises a heading line. It returns the section, the byte offset
// in line where the section's own content starts (after "Skills:"), and ok.
func heading(line string) (Section, int, bool) {
	trimmed := strings.TrimSpace(line)
	if trimmed == "" {
		return "", 0, false
	}
	head, rest := trimmed, ""
	colon := strings.IndexAny(trimmed, ":：")
	if colon >= 0 {
		head, rest = trimmed[:colon], trimmed[colon+1:]
	}
	// A long line is a heading only as "What we're looking for: …".
	if len(head) > 80 {
		return "", 0, false
	}
	// "1. Experience", "## Skills": numbering and marks around the heading
	// do not count.
	core := strings.TrimFunc(head, func(r rune) bool { return !unicode.IsLetter(r) })
	key := text.Key(core)
	if ts, ok := text.Heading(core); ok {
		// "Experience" alone, or "Skills: Go, SQL"; a line that only
		// starts with a heading ("Experience 2019") is not one.
		if colon >= 0 || len(strings.Fields(key)) == len(strings.Fields(text.Key(trimmed))) {
			off := strings.Index(line, trimmed)
			if colon >= 0 {
				off += colon + 1
			} else {
				off += len(trimmed)
			}
			return sectionOf[ts], off, true
		}
	}
	// A short line of its own ("Les petits plus", "Rémunération et
	// avantages") opens the part its wording names.
	if colon < 0 && len(strings.Fields(key)) <= 5 && !listItem(trimmed) && !strings.HasSuffix(trimmed, ".") {
		n := normLine(head)
		switch {
		case hasCue(n, niceCues):
			return SectionNiceToHave, len(line), true
		case hasCue(n, offerCues):
			return SectionBenefits, len(line), true
		}
	}
	// "It would be a plus if you have:" and "Required skills:" open lists.
	if colon >= 0 && strings.TrimSpace(rest) == "" && len(strings.Fields(head)) <= 12 {
		n := normLine(head)
		switch {
		case hasCue(n, niceCues):
			return SectionNiceToHave, len(line), true
		case hasCue(n, mustCues):
			return SectionRequirements, len(line), true
		}
	}
	return "", 0, false
}

// listItem reports a list line ("- x", "* x", "• x", "1. x").
func listItem(l string) bool {
	l = strings.TrimSpace(l)
	switch {
	case strings.HasPrefix(l, "- "), strings.HasPrefix(l, "* "), strings.HasPrefix(l, "• "):
		return true
	case len(l) > 2 && l[0] >= '0' && l[0] <= '9' && (l[1] == '.' || l[1] == ')'):
		return true
	}
	return false
}
