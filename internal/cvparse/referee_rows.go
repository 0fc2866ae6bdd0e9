package cvparse

import (
	"regexp"
	"strings"

	"github.com/utopiahire/utopiahire/internal/text"
)

// refereeRow says whether t, a line under a referees' heading, is one of
// a referee's labelled fields ("Organization: Acme Ltd", "Designation:
// Head of Sales", "Mobile: …"): a label of a few words and its value. Job
// portals' CVs set the labels in bold, and a run of such rows reads as a
// list of skills, but they say who vouches for the candidate and head
// nothing.
// A referee's name after an honorific ("Engr. Roberto Cruz", "Mme Awa
// Diop") heads that referee's lines, no section either.
func refereeRow(sec section, t string) bool {
	if sec.kind != secOther || !refereesTitle(sec.title) {
		return false
	}
	if reHonorificName.MatchString(strings.TrimSpace(t)) {
		return true
	}
	label, value, ok := strings.Cut(strings.ReplaceAll(t, "：", ":"), ":")
	return ok && strings.TrimSpace(value) != "" && len(strings.Fields(label)) <= 3
}

// reHonorificName is a person's name after an honorific or a
// professional title written before it.
var reHonorificName = regexp.MustCompile(`^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Engr|Eng|Atty|Hon|Rev|Mme|Mlle|Pr|Me|MR|MRS|MS|DR|PROF|ENGR)\.?\s+\p{Lu}`)

// refereesTitle says whether a section's title heads referees
// ("References", "Referees", "Reference (s)").
func refereesTitle(title string) bool {
	t := rePluralMark.ReplaceAllString(cleanHeading(title), "${1}${2}")
	sec, ok := text.Heading(t)
	return ok && sec == text.References || cvRefereeHeadings[fold(t)]
}
