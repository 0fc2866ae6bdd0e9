package cvparse

import (
	"regexp"
	"strings"
	"unicode"
)

// The person's location, as CVs write it in their contact lines: a place
// ("Lyon, France"), a postal address ("14 rue Sala, 69002 Lyon", "22
// Albion Street, Leeds LS1 6AG", "500 N. Michigan Ave, Chicago, IL
// 60611"), a district of a city ("Kilimani, Nairobi", "Hamburg-Altona",
// "Dublin 4"), or a place with a note ("Accra, Ghana (open to
// relocation)", "Rennes (35)").

var (
	// reBasedIn: "Based in Lisbon", "Basée à Nantes".
	reBasedIn   = regexp.MustCompile(`(?i)^(?:(?:currently\s+)?(?:based|living|located|residing)\s+in|(?:bas[ée]e?|install[ée]e?|r[ée]sidant|domicili[ée]e?|vivant)\s+(?:à|a|en|au))\s+`)
	reParenNote = regexp.MustCompile(`^(.+?)\s*\(([^()]*)\)$`)
	// reDateLike: a birth date or an availability is no address ("2nd
	// March, 1994" too).
	// reNotAddress: a number that is an age, a birth year, a period.
	reNotAddress = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:born|n[ée]e?|aged?|ans|years?|yrs|since|depuis|from|until|available|disponible|weeks?|semaines?|months?|mois|notice|préavis|preavis|salary|salaire|enfants?|children|kids)(?:$|[^\p{L}])|[€$£¥]`)
	reDateLike   = regexp.MustCompile(`(?i)\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|déc)[a-zéû]*\.?,?\s+(?:19|20)\d{2}\b`)
)

// contactPlace says whether a contact part names the person's location,
// and returns it (a note in parentheses that is not a place dropped).
func contactPlace(p string) (string, bool) {
	p = strings.TrimSpace(reBasedIn.ReplaceAllString(strings.TrimSpace(p), ""))
	// A slash between digits is a flat or plot number ("ul. Długa 41/6",
	// "45/12 Nguyen Trai Street", "Jalan SS 2/61"), no link.
	if p == "" || strings.ContainsAny(reNumberSlash.ReplaceAllString(p, ""), "@/") {
		return "", false
	}
	if isLocation(p) && !strings.ContainsAny(p, "0123456789") {
		return p, true
	}
	if m := reParenNote.FindStringSubmatch(p); m != nil {
		if head, ok := contactPlace(m[1]); ok && head == m[1] {
			note := strings.TrimSpace(m[2])
			switch {
			case note != "" && strings.Trim(note, "0123456789") == "" && len(note) <= 6:
				return p, true // "Nantes (44)", "Colombes (92700)": a département, a postcode
			case placeOf(note) == 0:
				return head, true // "Accra, Ghana (open to relocation)"
			}
		}
	}
	if isAddress(p) {
		return p, true
	}
	return districtPlace(p)
}

// districtPlace: a district before its city ("Kilimani, Nairobi") or
// joined to it by a hyphen ("Hamburg-Altona").
func districtPlace(p string) (string, bool) {
	if strings.ContainsAny(p, "0123456789()") || titleScore(p) > 0 || orgScore(p) > 0 {
		return "", false
	}
	parts := strings.Split(p, ",")
	if len(parts) >= 2 {
		for _, q := range parts[1:] {
			if placeOf(q) == 0 {
				return "", false
			}
		}
		if first := strings.Fields(parts[0]); len(first) >= 1 && len(first) <= 3 && capitalised(first) {
			return p, true
		}
		return "", false
	}
	if city, district, ok := strings.Cut(p, "-"); ok && !strings.Contains(p, " ") && placeOf(city)&placeCity != 0 &&
		capitalised([]string{district}) {
		return p, true
	}
	return "", false
}

func capitalised(ws []string) bool {
	for _, w := range ws {
		if r := []rune(w); !unicode.IsUpper(r[0]) && !particles[w] {
			return false
		}
	}
	return true
}

// isAddress says whether p is a postal address or a numbered district: it
// holds a number, and what its last parts say once postcodes are taken out
// is a place ("Leeds LS1 6AG" → Leeds, "IL 60611" → a state after
// "Chicago", "Dakar (Sénégal)").
func isAddress(p string) bool {
	if len(p) > 100 || !strings.ContainsAny(p, "0123456789") || strings.ContainsAny(p, "@") ||
		isPhone(p) || reDateLike.MatchString(p) || reNotAddress.MatchString(p) || len(strings.Fields(p)) > 16 {
		return false
	}
	parts := strings.Split(p, ",")
	for i := len(parts) - 1; i >= 0; i-- {
		var ws []string
		for _, w := range strings.Fields(parts[i]) {
			if m := reTownPostcode.FindStringSubmatch(w); m != nil {
				w = m[1] // "Dhaka-1230": the town, its postcode after a hyphen
			}
			if !strings.ContainsAny(w, "0123456789") {
				ws = append(ws, w)
			}
		}
		rest := strings.Join(ws, " ")
		switch {
		case rest == "":
			continue // "116 23", a postcode alone
		case reStateCode.MatchString(rest) && i > 0:
			continue // "IL 60611", "ON M5S 2E4"
		}
		if len(ws) == len(strings.Fields(parts[i])) && len(parts) == 1 {
			return false // no number in a single part: no address
		}
		// "Melbourne VIC": a state's abbreviation after its city.
		if k := len(ws); k >= 2 && reStateAbbr.MatchString(ws[k-1]) && !isLocation(rest) {
			rest = strings.Join(ws[:k-1], " ")
		}
		return isLocation(rest) || placeOf(rest) != 0 || districtOf(rest)
	}
	return false
}

var reStateAbbr = regexp.MustCompile(`^[A-Z]{2,3}$`)

// reNumberSlash is a house, flat or plot number written with a slash.
var reNumberSlash = regexp.MustCompile(`\b\d{1,5}[A-Z]?/\d{1,5}[A-Z]?\b`)

// reTownPostcode is a town with its postcode after a hyphen, as Bangladesh
// and Sri Lanka write them ("Dhaka-1230", "Colombo-00700"); not a
// country's letters before a postcode ("CH-1009").
var reTownPostcode = regexp.MustCompile(`^(\p{Lu}\p{Ll}{2,})-\d{3,6}$`)

// addressTail: what may follow an address after a dash: a postcode, a
// region ("411045, Maharashtra").
func addressTail(p string) bool {
	p = strings.TrimSpace(p)
	if !strings.ContainsAny(p, "0123456789") || contactItem(p) || reLabel.MatchString(p) {
		return false
	}
	var ws []string
	for _, w := range strings.Fields(strings.ReplaceAll(p, ",", " ")) {
		if !strings.ContainsAny(w, "0123456789") {
			ws = append(ws, w)
		}
	}
	return len(ws) == 0 || placeOf(strings.Join(ws, " ")) != 0
}

// districtOf: a district with its city in parentheses ("Uccle
// (Bruxelles)"), or a district place.
func districtOf(s string) bool {
	if m := reParenNote.FindStringSubmatch(s); m != nil && placeOf(m[2]) != 0 {
		ws := strings.Fields(m[1])
		return len(ws) >= 1 && len(ws) <= 3 && capitalised(ws) && titleScore(m[1]) == 0 && orgScore(m[1]) == 0
	}
	_, ok := districtPlace(s)
	return ok
}

// maxAddressLines bounds the lines an address is written over.
const maxAddressLines = 4

// addressLines joins an address written over several lines, as on a
// letter ("14 Church Road" / "Bristol BS5 9JA", "Route de Tunis km 4" /
// "3027 Sfax" / "Tunisie"): a run of short lines with no contact item, the
// first holding a number, that together read as an address.
func addressLines(ts []string) []string {
	var out []string
	for i := 0; i < len(ts); i++ {
		n := 0
		for k := min(maxAddressLines, len(ts)-i); k >= 2; k-- {
			run := ts[i : i+k]
			if addressRun(run) {
				n = k
				break
			}
		}
		if n == 0 {
			out = append(out, ts[i])
			continue
		}
		var b strings.Builder
		for k, t := range ts[i : i+n] {
			t = strings.TrimRight(strings.TrimSpace(t), ",")
			switch {
			case k == 0:
			case reOutwardCode.MatchString(b.String()) && reInwardCode.MatchString(t):
				b.WriteString(" ") // "London WC1E" / "7HT, UK": one postcode
			default:
				b.WriteString(", ")
			}
			b.WriteString(t)
		}
		out = append(out, b.String())
		i += n - 1
	}
	return out
}

func addressRun(run []string) bool {
	if !strings.ContainsAny(run[0], "0123456789") {
		return false
	}
	for k, t := range run {
		if k == 0 {
			t = reAddressLabel.ReplaceAllString(t, "") // "Adresse : 45, Bd …,"
		}
		if len(strings.Fields(t)) > 8 || strings.ContainsAny(t, "@|\t•·") || isPhone(t) || reURL.MatchString(t) ||
			reLabel.MatchString(t) && (k > 0 || !reAddressLabel.MatchString(t)) || isPhone(reLabel.ReplaceAllString(t, "")) {
			return false
		}
		// A contact label over its value ("Mobile" over the number) is
		// no town, though a town bears its name.
		if k > 0 && reLabelOnly.MatchString(t) {
			return false
		}
		// Each line after the first goes on with it: a flat, a
		// postcode, a place.
		if rest := strings.Join(strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || unicode.IsDigit(r) }), " "); k > 0 &&
			!strings.ContainsAny(t, "0123456789") && !isLocation(rest) && placeOf(rest) == 0 {
			return false
		}
	}
	return isAddress(strings.Join(run, ", "))
}

// reOutwardCode and reInwardCode are the halves of a British postcode
// ("WC1E" / "7HT") or a Canadian one ("H3A" / "1E8") a line's end cut
// apart inside an address.
var (
	reOutwardCode = regexp.MustCompile(`\b(?:[A-Z]{1,2}\d[A-Z\d]?|[A-Z]\d[A-Z])$`)
	reInwardCode  = regexp.MustCompile(`^(?:\d[A-Z]{2}|\d[A-Z]\d)\b`)
)
