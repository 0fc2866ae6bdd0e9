package cvparse

import "strings"

// A skills block set as a grid of two columns of items ("Strategic
// planning<tab>SAP S/4HANA, Oracle" / "Mergers and integration<tab>
// Stakeholder management") reaches us row by row, its cells set apart by a
// tab, as a table of labels and their lists does ("Cloud<tab>AWS, GCP").
// Rows of one item beside one item tell the grid: a label always has a
// list, a group's name or a level beside it.

// chipGrid rewrites the rows of such a grid so that every cell is an item:
// the tab between its cells becomes a bar, which labels nothing.
func chipGrid(units []unit) []unit {
	rows, pairs := 0, 0
	for _, u := range units {
		head, tail, ok := gridCells(u.text)
		if !ok {
			continue
		}
		rows++
		if len(splitSkills(head)) == 1 && len(splitSkills(tail)) == 1 {
			pairs++
		}
	}
	if pairs < 2 || 2*pairs < rows {
		return units
	}
	out := make([]unit, len(units))
	for i, u := range units {
		out[i] = u
		if _, _, ok := gridCells(u.text); ok {
			out[i].text = strings.Replace(u.text, "\t", " | ", 1)
		}
	}
	return out
}

// gridCells splits a row of two cells that may be two items: no colon, no
// cell naming a group of skills or giving a level, no header row.
func gridCells(t string) (head, tail string, ok bool) {
	head, tail, ok = strings.Cut(t, "\t")
	head, tail = strings.TrimSpace(head), strings.TrimSpace(tail)
	if !ok || head == "" || tail == "" || strings.Contains(tail, "\t") || strings.ContainsAny(t, ":：") || columnNames(t) {
		return "", "", false
	}
	if groupWords(head) || groupLabel(head) || skillCategory(head) != "technical" || allLevels(tail) || isLevel(tail) {
		return "", "", false
	}
	return head, tail, true
}
