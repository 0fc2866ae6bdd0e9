package cvparse

import "strings"

// A skills block may set each group's name on a line of its own above its
// list, the list typed as running text and wrapped where its column was
// full ("Cloud" / "AWS (EKS, RDS), Azure" / "AKS" / "Containers & IaC" /
// "Kubernetes, Docker, Helm," / "Terraform, Ansible" / "CI/CD" / …): a
// line of one item is then either the next group's name, when a list
// follows it, or the wrapped end of the list above, when it does not.

// groupedLists rewrites such a block as one labelled line per group
// ("Cloud: AWS (EKS, RDS), Azure AKS"). It reads a block that opens with
// a group's name, has three groups or more and wraps a list at least once
// after a comma (the list is running text, not one item a line); other
// blocks are returned as they are.
func groupedLists(lines []line) []line {
	if len(lines) == 0 || !listGroupName(lines, 0) {
		return lines
	}
	groups, wrapped := 0, false
	for i, l := range lines {
		if listGroupName(lines, i) {
			groups++
		}
		wrapped = wrapped || strings.HasSuffix(strings.TrimSpace(l.text), ",")
	}
	if groups < 3 || !wrapped {
		return lines
	}
	var out []line
	for i := 0; i < len(lines); {
		g := lines[i]
		g.text = strings.TrimSpace(g.text) + ": " + strings.TrimSpace(lines[i+1].text)
		j := i + 2
		for j < len(lines) && !listGroupName(lines, j) && !lines[j].heading && !lines[j].bullet {
			g.text += " " + strings.TrimSpace(lines[j].text)
			j++
		}
		out = append(out, g)
		if j < len(lines) && !listGroupName(lines, j) {
			out = append(out, lines[j:]...)
			break
		}
		i = j
	}
	return out
}

// listGroupName: lines[i] is one item of three words at most, no label or
// brackets of its own, over a line listing two items or more.
func listGroupName(lines []line, i int) bool {
	if i+1 >= len(lines) {
		return false
	}
	t := strings.TrimSpace(lines[i].text)
	next := lines[i+1].text
	return !lines[i].bullet && t != "" && len(strings.Fields(t)) <= 3 && !strings.ContainsAny(t, "():,;\t") && !isSpoken(t) &&
		len(splitSkills(t)) == 1 && len(splitSkills(next)) >= 2 && !strings.ContainsAny(next, ":\t")
}
