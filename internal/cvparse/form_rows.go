package cvparse

import "strings"

// formFieldRow says whether u, coming after the header lines of block b,
// is one more row of a form that heads an entry ("Employeur : Transports
// Vermeil – site de la zone portuaire de Vénissieux", "Position: Senior
// officer in charge of …"): its label names a header field, and the line
// before it is a label/value row too, with no description between them.
// Such a row heads the entry however long its value runs, where a line of
// ten words or more would otherwise read as the entry's description.
func formFieldRow(b entry, u unit) bool {
	if u.bullet || len(b.head) == 0 || len(b.body) > 0 || bodyLabelled(u.text) {
		return false
	}
	if _, _, ok := labelledValue(u.text); !ok {
		return false
	}
	_, _, ok := labelShaped(b.head[len(b.head)-1].text)
	return ok
}

// formRowOpens says whether units[k] opens the rows of a form's entry
// ("Diplôme : Licence professionnelle Gestion de la paie et du social" /
// "Établissement : …"): its label names a header field and the next line
// is a row of the form too. Such a row heads its entry however long its
// value runs, as formFieldRow reads the rows after the first.
func formRowOpens(units []unit, k int) bool {
	u := units[k]
	if u.bullet || k+1 >= len(units) || bodyLabelled(u.text) || units[k+1].bullet || bodyLabelled(units[k+1].text) {
		return false
	}
	if _, _, ok := labelledValue(u.text); !ok {
		return false
	}
	_, _, ok := labelledValue(units[k+1].text)
	return ok || rowKey(units[k+1].text) != ""
}

// rowKey names the field a header row of a form fills, for telling where
// a field comes round again: the role its label gives (rowField), else its
// label itself when the line is shaped as a label/value row ("Rank: Able
// Seaman", "Vessel: MV Ocean Pearl"), so that forms whose labels name
// fields no list knows are cut where their own first label repeats. ""
// for a line that is no row, or a row heading the entry's body.
func rowKey(t string) string {
	// An exam's board beside its school ("Institute : …" / "Board : BISE
	// Lahore") is a row of its own kind: the two name one entry.
	if label, _, ok := labelShaped(t); ok && fold(label) == "board" {
		return "board"
	}
	if r := rowField(t); r != "" {
		return r
	}
	if bodyLabelled(t) {
		return ""
	}
	// A colon marks the label: "Georgia Tech<tab>Atlanta" is two cells.
	if label, _, ok := labelShaped(t); ok && colonLabelled(t) {
		return "label " + fold(label)
	}
	return ""
}

// formCut places the cut before head[i], a row whose field came round
// again after the entry opened at from: back to a blank line between
// them, when the entries are set apart by one ("Rank: …" / "Vessel: …" /
// "Period: …" / blank / "Rank: …"); else back over the lines that are no
// rows just above it, as many as opened the first entry before its
// first row ("Able Seaman" / "Vessel: …" / "Company: …").
func formCut(head []unit, from, i int) int {
	for j := i; j > from; j-- {
		if head[j].gapBefore {
			return j
		}
	}
	// The lines that open an entry before its rows name it ("Able
	// Seaman"): they carry no dates, which would make them an entry of
	// their own.
	lead := 0
	for lead < len(head) && rowKey(head[lead].text) == "" && !head[lead].dated {
		lead++
	}
	if lead == len(head) || rowKey(head[lead].text) == "" {
		return i
	}
	c := i
	for c-1 > from && i-c < lead && rowKey(head[c-1].text) == "" && !head[c-1].dated {
		c--
	}
	return c
}

// colonLabelled says whether t's label ends at a colon ("Rank: …",
// "Vessel :<tab>…").
func colonLabelled(t string) bool {
	label, _, _ := strings.Cut(t, "\t")
	i := strings.IndexAny(label, ":：")
	return i > 0
}

// schoolStages name the stage of schooling a row of an education form is
// labelled with ("Tertiary: Cebu Doctors' University, 2010 – 2014",
// "Secondary: …", "Secondaire : Lycée …"): Philippine, Indian and
// African CVs list their schools so. The stage is what was studied there.
var schoolStages = wordSet(`primary secondary tertiary elementary intermediate vocational undergraduate postgraduate
	post_graduate junior_high senior_high junior_high_school senior_high_school primaire secondaire superieur universitaire`)

// stageLabel says whether label names a stage of schooling.
func stageLabel(label string) bool {
	return schoolStages[strings.ReplaceAll(fold(strings.TrimSpace(label)), " ", "_")]
}

// entryFieldRow says whether lines[i], a row whose label cell is also a
// heading of the section open ("Formation :<tab>Certificat IFRS" under
// "Diplômes et formations"), is one more field of the form's entry: its
// label closes at its colon and names a field, and it follows tight
// under another labelled row ("Année :<tab>2014"). A heading opens a
// section after a gap, not inside an entry's rows.
func entryFieldRow(open sectionKind, lines []line, i int) bool {
	l := lines[i]
	if i == 0 || l.gapBefore || !colonLabelled(l.text) || !strings.Contains(lines[i-1].text, "\t") || !colonLabelled(lines[i-1].text) {
		return false
	}
	if k, ok := headingKind(strings.TrimSpace(strings.SplitN(l.text, "\t", 2)[0])); !ok || k != open {
		return false
	}
	_, _, field := labelledValue(l.text)
	return field
}
