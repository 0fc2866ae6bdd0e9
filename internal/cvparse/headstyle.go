package cvparse

import "strings"

// styledAsHead says whether u, a line after entry prev, is set in the
// style of prev's header and not of its body: bold like the header's
// first line where the body is not ("Ingénieur du son façade – Festival
// d'Aix (juin 2018 – juillet 2019, deux éditions)" in bold under the
// plain lines of the job above). The writer styled it as the next
// entry's header, however much its words read like a sentence.
func styledAsHead(u unit, prev entry) bool {
	if !u.bold || u.bullet || len(prev.head) == 0 || !prev.head[0].bold || len(prev.body) == 0 {
		return false
	}
	for _, b := range prev.body {
		if b.bold {
			return false
		}
	}
	return true
}

// boldHeadOverDates: units[k], set in bold as the entry above's first
// line is and none of its body, right over a line that opens on dates,
// heads the next entry, however long ("Infirmière – Soins intensifs,
// Hôpital de Kestrel, Genève" / "03.2019 – aujourd'hui"): a body's
// sentence or label ends in a full stop or a colon.
func boldHeadOverDates(units []unit, k int, prev entry) bool {
	u := units[k]
	t := strings.TrimSpace(u.text)
	if k+1 >= len(units) || u.dated || !styledAsHead(u, prev) || strings.HasSuffix(t, ".") || strings.HasSuffix(t, ":") || bodyLabelled(t) {
		return false
	}
	next := units[k+1]
	return !next.bold && !next.bullet && startsWithDatePart(next.text)
}

// bracketNoteAfter reads the rest of a bracket that opens just before an
// entry's dates and closes after a note on them ("(juin 2018 – juillet
// 2019, deux éditions)", "(2019 – 2021; part-time)"): before ends in the
// bracket, after opens with the note's separator. note is the note, rest
// what follows the closing bracket.
func bracketNoteAfter(before, after string) (note, rest string, ok bool) {
	if !strings.HasSuffix(before, "(") || !strings.HasPrefix(after, ",") && !strings.HasPrefix(after, ";") {
		return "", "", false
	}
	note, rest, ok = strings.Cut(after[1:], ")")
	note = strings.TrimSpace(note)
	if !ok || note == "" || strings.ContainsAny(note, "()") || len(strings.Fields(note)) > 6 {
		return "", "", false
	}
	return note, rest, true
}
