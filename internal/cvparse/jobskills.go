package cvparse

import (
	"strings"

	"github.com/utopiahire/utopiahire/internal/cv"
)

// jobSkillLabels head a line under a job that names what the person
// worked with ("Technologies: C#, Azure", "Tools used: HubSpot, Canva",
// "Environnement technique : SAP S/4HANA, Fiori"): consultants often list
// their skills only there. Folded, without accents.
var jobSkillLabels = phraseSet(`technologies technology technologies_used technology_used technos techno tech tech_stack
	stack stack_technique key_technologies main_technologies tools tools_used tools_and_technologies tools_technologies
	technologies_and_tools software software_used systems_used technical_environment environment
	environnement environnement_technique environnement_technologique environnement_logiciel technologies_utilisees
	outils outils_utilises logiciels logiciels_utilises`)

// jobSkillLine says whether t, a line of an experience section, lists
// what the job was done with: a label of jobSkillLabels before a colon
// and a list after it, no sentence ("Environment: a fast-paced startup").
func jobSkillLine(t string) (rest string, ok bool) {
	t = strings.TrimLeft(strings.TrimSpace(t), bulletGlyphs+" ")
	label, rest, found := strings.Cut(t, ":")
	if !found {
		label, rest, found = strings.Cut(t, "：")
	}
	if !found || !jobSkillLabels[fold(label)] {
		return "", false
	}
	items := splitSkills(rest)
	if len(items) == 0 || description(rest) {
		return "", false
	}
	for _, it := range items {
		if len(strings.Fields(it)) > 6 {
			return "", false
		}
	}
	return strings.TrimSpace(rest), true
}

// takeJobSkills takes the lines that list a job's technologies out of an
// experience section: they are no bullet of the job and no part of its
// header, and read as the next entry's first line they would head it.
// A list whose line ends on a comma goes on on the next line.
func takeJobSkills(lines []line) (rest, skills []line) {
	for i := 0; i < len(lines); i++ {
		list, ok := jobSkillLine(lines[i].text)
		if !ok {
			rest = append(rest, lines[i])
			continue
		}
		t := strings.TrimLeft(strings.TrimSpace(lines[i].text), bulletGlyphs+" ")
		for i+1 < len(lines) && strings.HasSuffix(list, ",") && !lines[i+1].bullet && !lines[i+1].gapBefore {
			i++
			list += " " + strings.TrimSpace(lines[i].text)
			t += " " + strings.TrimSpace(lines[i].text)
		}
		skills = append(skills, line{text: t})
	}
	return rest, skills
}

// addJobSkills reads the technology lines taken from the jobs into the
// skills, each item once: what the skills section names already is not
// repeated (exact text, case aside).
func addJobSkills(lines []line, s *cv.Skills) {
	if len(lines) == 0 {
		return
	}
	have := map[string]bool{}
	for _, g := range [][]string{s.Technical, s.Tools, s.SoftSkills, s.Languages, s.Other} {
		for _, it := range g {
			have[strings.ToLower(it)] = true
		}
	}
	var found cv.Skills
	for _, l := range lines {
		parseSkills([]line{l}, &found) // one job's list is no wrapped part of the next
	}
	for _, g := range []struct {
		cat   string
		items []string
	}{{"technical", found.Technical}, {"tools", found.Tools}, {"soft", found.SoftSkills}, {"languages", found.Languages}, {"other", found.Other}} {
		for _, it := range g.items {
			if k := strings.ToLower(it); !have[k] {
				have[k] = true
				addSkill(s, g.cat, it)
			}
		}
	}
}
