package cvparse

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
