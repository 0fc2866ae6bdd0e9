package cvparse

import (
	"regexp"
	"strings"
	"unicode"
)

// A skills block set as columns side by side, each under its own label
// ("Logiciels<tab>Métier<tab>Langues"), reaches us row by row: each line
// holds one line of every column, a list item cut where its column was
// full ("DCE et" / "CCTP"). Read column by column, each is one labelled
// list.

// skillColumns rewrites each such block of lines as one labelled line per
// column; other lines stay as they are.
func skillColumns(lines []line) []line {
	var out []line
	for i := 0; i < len(lines); i++ {
		labels := columnLabels(lines[i].text)
		end := i + 1
		for end < len(lines) && columnRow(lines[end], len(labels)) {
			end++
		}
		if labels == nil || end-i < 3 || !listInColumns(lines[i+1:end]) {
			out = append(out, lines[i])
			continue
		}
		for k, label := range labels {
			l := lines[i]
			l.text = label + " : " + columnText(lines[i+1:end], k)
			out = append(out, l)
		}
		i = end - 1
	}
	return out
}

// columnLabels gives the cells of a row of column labels: two cells or
// more, each of one to three words without punctuation or digits, opening
// in capitals, and one at least a word that names a group of skills.
func columnLabels(t string) []string {
	cells := splitCells(t)
	if len(cells) < 2 {
		return nil
	}
	named := false
	for _, c := range cells {
		r := []rune(c)
		if len(strings.Fields(c)) > 3 || strings.ContainsAny(c, ",;:()/") || strings.IndexFunc(c, unicode.IsDigit) >= 0 || !unicode.IsUpper(r[0]) {
			return nil
		}
		named = named || groupWords(c) || groupLabel(c)
	}
	if !named || columnNames(t) {
		return nil
	}
	return cells
}

// columnRow: a line of the block, with no more cells than the block has
// columns.
func columnRow(l line, n int) bool {
	return !l.heading && !l.gapBefore && strings.Contains(l.text, "\t") && len(splitCells(l.text)) <= n
}

// listInColumns: the block's cells list skills, a comma in them at least
// once, not levels beside skills.
func listInColumns(rows []line) bool {
	comma := false
	for _, r := range rows {
		cells := splitCells(r.text)
		if len(cells) > 1 && allLevels(strings.Join(cells[1:], "\t")) {
			return false
		}
		comma = comma || strings.Contains(r.text, ",")
	}
	return comma
}

// columnText joins the k-th cells of the rows: a cell goes on the one
// above when that one ends with a comma or a function word, or when it
// opens in lower case or with a bracket; else it is the next item.
func columnText(rows []line, k int) string {
	var b strings.Builder
	for _, r := range rows {
		cells := splitCells(r.text)
		if k >= len(cells) {
			continue
		}
		c := cells[k]
		p := strings.TrimSpace(b.String())
		first := []rune(c)[0]
		switch {
		case p == "":
		case strings.HasSuffix(p, ",") || endsInFunctionWord(p) || unicode.IsLower(first) || first == '(':
			b.WriteString(" ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(c)
	}
	return strings.TrimSpace(b.String())
}

// A block of labelled lists set in two columns side by side ("Methods:
// interviews, diary studies,<tab>Data: SPSS, R" / "usability testing,
// surveys<tab>Languages: English, Irish" / …) reaches us row by row too,
// each column's lists wrapped in its width and a new label opening a new
// list inside a column.

// reCellLabel opens a cell with a label of one to three words.
var reCellLabel = regexp.MustCompile(`^[^\s:,;()][^:,;()]{0,30}:\s`)

// labelledColumns rewrites such a block as one labelled line per list,
// the first column's lists first: a block opens with a row of two
// labelled cells and goes on over rows of at most two cells.
func labelledColumns(lines []line) []line {
	var out []line
	for i := 0; i < len(lines); i++ {
		cells := splitCells(lines[i].text)
		end := i + 1
		for end < len(lines) && columnRow(lines[end], 2) {
			end++
		}
		if len(cells) != 2 || !labelledCell(cells[0]) || !labelledCell(cells[1]) || end-i < 2 {
			out = append(out, lines[i])
			continue
		}
		for k := range 2 {
			var lists []string
			for _, r := range lines[i:end] {
				cs := splitCells(r.text)
				if k >= len(cs) {
					continue
				}
				c := cs[k]
				n := len(lists)
				switch {
				case labelledCell(c) || n == 0:
					lists = append(lists, c)
				case strings.HasSuffix(lists[n-1], ",") || endsInFunctionWord(lists[n-1]) || startsLowerOrBracket(c):
					lists[n-1] += " " + c
				default:
					lists[n-1] += ", " + c
				}
			}
			for _, t := range lists {
				l := lines[i]
				l.text = t
				out = append(out, l)
			}
		}
		i = end - 1
	}
	return out
}

func labelledCell(c string) bool {
	m := reCellLabel.FindString(c)
	return m != "" && len(strings.Fields(m)) <= 3
}

func startsLowerOrBracket(c string) bool {
	r := []rune(c)
	return len(r) > 0 && (unicode.IsLower(r[0]) || r[0] == '(')
}
