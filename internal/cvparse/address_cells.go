package cvparse

import "strings"

// splitContactCells parts a header line whose cells are all contact data
// and at least one of them a place into one line a cell. moderncv sets
// the address's lines beside the name and the phone ("United
// Kingdom<tab>M +44 …", "30-074 Kraków<tab>Poland"): read as one line, the
// country would not go on with the street and town above it.
func splitContactCells(ts []string) []string {
	var out []string
	for _, t := range ts {
		cells := strings.Split(joinDigitCells(t), "\t")
		if len(cells) < 2 || !contactCells(cells) {
			out = append(out, t)
			continue
		}
		for _, c := range cells {
			if c = strings.TrimSpace(c); c != "" {
				out = append(out, c)
			}
		}
	}
	return out
}

// contactCells: every cell one item, a phone, an e-mail, a link or a
// place, and one of them a place.
func contactCells(cells []string) bool {
	place := false
	for _, c := range cells {
		c = strings.TrimSpace(c)
		switch {
		case c == "":
		case reSplitter.MatchString(c) || strings.ContainsFunc(c, isIcon):
			return false // several items in a cell: read as the line was
		case placeOf(c)&placeCountry != 0 || isPlace(c) && !strings.ContainsAny(c, "@/"):
			place = true
		case contactItem(c):
		default:
			return false
		}
	}
	return place
}
