package cvparse

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/utopiahire/utopiahire/internal/cv"
)

var (
	reEmail    = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)
	reLinkedIn = regexp.MustCompile(`(?i)(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/(?:in|pub)/[\p{L}0-9\-_%.]+/?`)
	reGitHub   = regexp.MustCompile(`(?i)(?:https?://)?(?:www\.)?github\.com/[A-Za-z0-9\-_.]+/?`)
	reURL      = regexp.MustCompile(`(?i)(?:https?://[^\s|,;()<>]+|www\.[^\s|,;()<>]+|\b[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:design|studio|online|info|blog|dev|io|me|com|fr|net|org|app|site|tech|page|xyz|co|ca|uk|de|tn|ma|be|` +
		`ie|nl|es|it|ch|at|se|dk|fi|pl|pt|ro|gr|cz|eu|us|au|nz|za|ng|ke|gh|sn|ci|dz|eg|ae|sa|qa|ai|pro|art|biz)\b(?:/[^\s|,;()<>]*)?)`)
	// An extension after the number is part of it ("(555) 010-4477 ext.
	// 12", "poste 214").
	rePhone = regexp.MustCompile(`(?:(?:\+\s?\d{1,3}[\s.\-]?|\(\+\d{1,3}\)\s?)?(?:\(0\)\s?)?(?:\(\d{1,4}\)[\s.\-]?)?\d{1,6}(?:[\s.\-]\d{1,10}){1,6}|\(\+\d{1,3}\)\s?\d{6,12}|\+?\d{8,13})` +
		`(?:` + phoneExtension + `)?`)
	// reLabel: a contact label, or several joined ("Tel/WhatsApp:", "Tél.
	// & WhatsApp :"), with a note ("Phone (mobile):"); a note has no
	// digits: "Cell (773) 555-0139" is a label and a number with its
	// area code.
	reLabel = regexp.MustCompile(`(?i)^\s*(?:` + contactLabel + `(?:\.?\s*(?:/|&|\+|\bor\b|\bou\b|\band\b|\bet\b)\s*` + contactLabel + `)*` +
		`(?:\.?\s*\([^()0-9]{1,20}\))?(?:\.?\s*[:：]\s*|\.\s+|\s+)|[aemptwl]\s*[:：]\s*|` +
		// Labels that are words too ("Port." for portable, "Fixe"):
		// only with their colon.
		`(?:port|fixe|landline|domicile|bureau)\.?\s*[:：]\s*)`)
	// reNameLabel: "Name:", "Nom et prénom :" before the person's name in a
	// label/value header; the colon may be lost to a table cell.
	reNameLabel    = regexp.MustCompile(`(?i)^\s*(?:full name|name|nom complet|nom et prénom|prénom et nom|nom)\s*(?:[:：]\s*|$)`)
	reAddressLabel = regexp.MustCompile(`(?i)^\s*(?:(?:home|current|postal|permanent|mailing|residential)\s+address|adresse\s+postale|address|adresse|location|localisation)\s*[:：]`)
	// A dot alone between spaces is a middle dot OCR read low ("Milano,
	// Italy . +39 …").
	reSplitter = regexp.MustCompile(`\s*(?:\t|::|\||·|•|◦|⋅|∙|/\s|\s–\s|\s—\s|\s-\s|\s\.\s|\s{2,})\s*`)
	// reLabelCell is a contact label in a table cell of its own
	// ("Mobile<tab>+234 …"): its value is read under it, and the label is
	// not taken for a value (Mobile is also a town).
	reLabelCell = regexp.MustCompile(`(?i)^\s*(e-?mail|phone|mobile|tel|tél|téléphone|telephone|portable|cell|gsm|address|adresse|location|localisation|linkedin|github|portfolio|website)\s*[:：]?\t+`)
)

// phoneExtension is an extension written after a phone number.
const phoneExtension = `,?\s*(?i:ext\.?|x|extension|poste)\s?\d{1,5}\b`

var reExtensionEnd = regexp.MustCompile(phoneExtension + `$`)

// contactLabel: the labels of contact items, with the words forms add
// ("Phone number", "Numéro de téléphone", "E-mail address", "Home
// address", "Adresse électronique").
const contactLabel = `(?:(?:(?:mobile|cell|contact|telephone|phone|tel\.?|home|work|office)\s+(?:phone\s+)?(?:number|no\.?|nr\.?)|` +
	`num[ée]ro\s+de\s+(?:t[ée]l[ée]phone|portable|mobile)|n°\s*(?:de\s+)?t[ée]l[ée]phone|` +
	`e-?mail\s+address|adresse\s+(?:e-?mail|[ée]lectronique|mail|postale)|` +
	`(?:home|current|postal|permanent|mailing|residential)\s+address)|` +
	`e-?mail|courriel|phone|mobile|tel|tél|téléphone|telephone|portable|cell|cellphone|mob|gsm|whatsapp|viber|signal|numéro|numero|` +
	`address|adresse|location|localisation|linkedin|github|portfolio|website|site web|site)`

// contactFields finds contact data in header lines (and a Contact section).
type contactFinder struct {
	c      *cv.Contact
	leftov []string // header text that is not contact data
	// weakLoc is a place named beside a job title, the location only
	// when no contact line names one.
	weakLoc string
}

func isPlace(p string) bool { _, ok := contactPlace(p); return ok }

func (f *contactFinder) scan(lines []line, header bool) {
	ts := dropRowNumbers(joinWrappedPlaces(joinWrappedURLs(lines)))
	if header && f.c.Name == "" {
		ts = f.nameOverCells(lines, ts)
	}
	joined := addressLines(splitContactCells(ts))
	// A name set on two lines ("Jean-Pierre" / "Dupont") opens the header.
	if header && f.c.Name == "" && len(joined) >= 2 && oneNameWord(joined[0]) && oneNameWord(joined[1]) {
		if n := joined[0] + " " + joined[1]; nameScore(lines, n) > 0 {
			f.c.Name = n
			joined = joined[2:]
		}
	}
	var first, last, postnom string
	// texts counts the header lines that held more than contact data: the
	// name is among the first of them, however many contact lines come
	// before it (a letter-style block of address, phone, e-mail, links).
	texts := 0
	for _, t := range joined {
		if name, ok := labelledName(t); ok && (f.c.Name == "" || !sharesNameWord(f.c.Name, name)) {
			f.c.Name = name
			if m := reLastName.FindStringSubmatch(t); m != nil {
				last = strings.TrimSpace(m[1])
			}
			continue
		}
		// "First name: Jane" / "Last name: Doe", "Prénom : Marie" / "Nom
		// : Dupont": a form gives the name in two rows.
		if m := reFirstName.FindStringSubmatch(t); m != nil && oneNameRun(m[1]) {
			first = strings.TrimSpace(m[1])
			continue
		}
		if m := reLastName.FindStringSubmatch(t); m != nil && oneNameRun(m[1]) {
			last = strings.TrimSpace(m[1])
			continue
		}
		if m := rePostnom.FindStringSubmatch(t); m != nil && oneNameRun(m[1]) {
			postnom = strings.TrimSpace(m[1])
			continue
		}
		// "Ana Cruz, RN" reads as "City, ST", "Jean Dupont, Lyon" as a
		// district and its city: near the top of the header, a line that
		// is a name with a credential or a place is the name (and place).
		if header && f.c.Name == "" && texts < 3 && !strings.ContainsAny(t, "@0123456789\t|") {
			if name, more, ok := nameIn(lines, t); ok && (more != "" || rePostNominals.MatchString(t)) {
				switch {
				case more == "":
					f.c.Name = name // "Ana Cruz, RN": the credentials taken off
					continue
				case reCredential.MatchString(more) && placeOf(more) == 0 || rePostNominals.MatchString(" "+more):
					f.c.Name = name
					continue
				case isLocation(more):
					f.c.Name = name
					if f.c.Location == "" {
						f.c.Location = more
					}
					continue
				}
			}
		}
		rest := f.take(t)
		if rest == "" {
			continue
		}
		texts++
		if header && f.c.Name == "" && texts <= 3 {
			if name, more, ok := nameIn(lines, rest); ok {
				f.c.Name = name
				if more != "" {
					f.leftov = append(f.leftov, more)
				}
				continue
			}
		}
		if f.c.Location == "" && isLocation(rest) && !strings.ContainsAny(rest, "0123456789") {
			f.c.Location = rest
			continue
		}
		f.leftov = append(f.leftov, rest)
	}
	if f.c.Location == "" {
		f.c.Location = f.weakLoc
	}
	// "Nom : Van der Berg" read as the whole name, then "Prénom : Anna":
	// the form gave the family name alone, and the given names go first.
	// A name taken from the header that has no word of the form's name
	// was a heading or an organisation the form is addressed to.
	// A Congolese form's "Post-nom" follows the family name ("Prénom" +
	// "Nom" + "Post-nom"), as its holder signs.
	if postnom != "" && last != "" {
		last += " " + postnom
	}
	if n := strings.TrimSpace(first + " " + last); (f.c.Name == "" || f.c.Name == last || !sharesNameWord(f.c.Name, n)) && first != "" && last != "" && nameScore(nil, n) > 0 {
		f.c.Name = n
	}
}

// nameOverCells reads a name wrapped in the first cell of a two-cell
// header ("Muhammad Hamza<tab>House 27, Street 9" / "Siddiqui<tab>Lahore
// 54000"): the two first cells are the name, and what stands beside them
// is read on without it, so an address split around the name comes
// together again.
func (f *contactFinder) nameOverCells(lines []line, ts []string) []string {
	if len(ts) < 2 {
		return ts
	}
	a0, r0, ok0 := strings.Cut(ts[0], "\t")
	a1, r1, ok1 := strings.Cut(ts[1], "\t")
	if !ok0 || !ok1 || strings.TrimSpace(r0) == "" || strings.TrimSpace(r1) == "" {
		return ts
	}
	// "Jane Roe<tab>14 Church Road" / "Data Analyst<tab>Bristol BS5 9JA":
	// an address set beside the name and the headline is read as one,
	// after them.
	if !strings.Contains(r0, "\t") && !strings.Contains(r1, "\t") && addressRun([]string{strings.TrimSpace(r0), strings.TrimSpace(r1)}) {
		return append([]string{strings.TrimSpace(a0), strings.TrimSpace(a1), strings.TrimSpace(r0), strings.TrimSpace(r1)}, ts[2:]...)
	}
	if !oneNameWord(a1) {
		return ts
	}
	n := strings.TrimSpace(a0) + " " + strings.TrimSpace(a1)
	if nameScore(lines, n) <= 0 {
		return ts
	}
	// What stands beside the name is contact data, not a headline.
	for _, r := range []string{r0, r1} {
		first, _, _ := strings.Cut(strings.TrimSpace(r), "\t")
		if !contactItem(first) && !isAddress(first) && !isPlace(first) && !strings.ContainsAny(first, "0123456789") {
			return ts
		}
	}
	f.c.Name = n
	return append([]string{strings.TrimSpace(r0), strings.TrimSpace(r1)}, ts[2:]...)
}

var (
	// "Other names" is what Kenyan, Zambian and Nigerian forms call the
	// given names beside "Surname".
	reFirstName = regexp.MustCompile(`(?i)` + formRowNumber + `(?:first\s+names?|given\s+names?|forenames?|other\s+names?|prénoms?|prenoms?)(?:\s*\(s\))?` + formValueSep + `([^\t|]+)$`)
	// rePostnom is the second family name Congolese forms ask after the
	// "Nom" ("Post-nom : KABILA").
	rePostnom  = regexp.MustCompile(`(?i)` + formRowNumber + `post[- ]?noms?` + formValueSep + `([^\t|]+)$`)
	reLastName = regexp.MustCompile(`(?i)` + formRowNumber + `(?:last\s+name|surnames?|family\s+name|nom(?:\s+de\s+famille)?|noms?)(?:\s*\(s\))?` + formValueSep + `([^\t|]+)$`)
)

// oneNameRun: one to three words of a name, capitalised. The row's label
// says it is a name, so a word that is also a place ("Souza Lima", "Jordan")
// is taken by its shape.
func oneNameRun(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		if !oneNameWord(w) && !particles[w] && strings.ToUpper(w) != w && !(nameWords([]string{w}) && titleScore(w) == 0) {
			return false
		}
	}
	return true
}

// take removes contact data from one line, filling empty fields, and
// returns what is left.
func (f *contactFinder) take(t string) string {
	var rest []string
	t = joinDigitCells(t)
	t = iconsAsSeparators(reLabelCell.ReplaceAllString(repairEmail(t), "$1: "))
	t = reInIcon.ReplaceAllString(t, " | $1")
	t = splitInlineLabels(t)
	parts := reSplitter.Split(t, -1)
	// An address set apart by dashes ("Kungsgatan 5 – 111 43 Stockholm –
	// Sweden"): its first part holds the number.
	if whole := strings.Join(parts, ", "); f.c.Location == "" && len(parts) >= 2 && strings.ContainsAny(parts[0], "0123456789") &&
		!reLabel.MatchString(parts[0]) && !slices.ContainsFunc(parts, contactItem) && isAddress(whole) {
		f.c.Location = whole
		// "…, Kinshasa – RD Congo": the country after the last dash
		// stays as written.
		if n := len(parts); n >= 2 {
			if dash, ok := countryAfterDash(t, parts[n-2], parts[n-1]); ok {
				f.c.Location = strings.Join(parts[:n-1], ", ") + dash + strings.TrimSpace(parts[n-1])
			}
		}
		return ""
	}
	titled := false
	for _, p := range parts {
		titled = titled || titleScore(p) > 0 && !isLocation(p)
	}
	for i := 0; i < len(parts); i++ {
		if reLabelOnly.MatchString(parts[i]) || reLinkNoteOnly.MatchString(parts[i]) {
			continue // "PHONE" over its number; "(LinkedIn)" wrapped under its link
		}
		// "Gender:<tab>Male", "Identity Number: 900312 …": a personal
		// detail, whatever its value looks like.
		if labelOnly, ok := personalRow(parts[i]); ok {
			rest = append(rest, strings.TrimSpace(parts[i]))
			if labelOnly && i+1 < len(parts) {
				i++
				rest = append(rest, strings.TrimSpace(parts[i]))
			}
			continue
		}
		raw := strings.TrimSpace(reNameLabel.ReplaceAllString(strings.TrimSpace(parts[i]), ""))
		if faxNumber(raw) {
			continue
		}
		p := strings.TrimSpace(reLabel.ReplaceAllString(raw, ""))
		if p == "" {
			continue
		}
		if ph, ok := labelledPhone(p); ok {
			p = ph
		}
		// A phone followed by more contact data with only spaces between
		// ("+33 6 12 34 56 78 Paris"): take the number, read the rest on.
		if ph, after, ok := leadingPhone(p); ok && after != "" {
			if f.c.Phone == "" {
				f.c.Phone = ph
			}
			// "(mobile)", "(portable)" only say what the number is.
			if !rePhoneNote.MatchString(after) {
				parts = slices.Insert(parts, i+1, after)
			}
			continue
		}
		// A place and a phone with only spaces between, their separator
		// lost to OCR ("Toronto, ON (647) 555-0142"): the number, and
		// the place read on.
		if ph, before, ok := trailingPhone(p); ok {
			if f.c.Phone == "" {
				f.c.Phone = ph
			}
			parts = slices.Insert(parts, i+1, before)
			continue
		}
		// moderncv's social lines without their icon font: "in handle",
		// "gh handle".
		if m := reSocialHandle.FindStringSubmatch(p); m != nil {
			switch {
			case strings.EqualFold(m[1], "in") && f.c.LinkedIn == "":
				f.c.LinkedIn = "linkedin.com/in/" + m[2]
			case f.c.GitHub == "":
				f.c.GitHub = "github.com/" + m[2]
			}
			continue
		}
		// "in/jane-roe": LinkedIn's path without its domain, as templates
		// print it beside the network's icon.
		if m := reLinkedInPath.FindStringSubmatch(p); m != nil {
			if f.c.LinkedIn == "" {
				f.c.LinkedIn = "linkedin.com/in/" + m[1]
			}
			continue
		}
		// "janeroe.dev (Personal)", "linkedin.com/in/jane (LinkedIn)": what
		// kind of link it is, as LinkedIn's PDF writes it.
		if m := reLinkNote.FindStringSubmatch(p); m != nil && reURL.MatchString(m[1]) {
			p = m[1]
		}
		// "W janeroe.dev": a letter standing for the link's icon, as
		// moderncv prints its labels without symbols.
		if m := reLetterBeforeLink.FindStringSubmatch(p); m != nil && reURL.MatchString(m[1]) && !reEmail.MatchString(m[1]) {
			p = m[1]
		}
		switch {
		case reEmail.MatchString(p):
			if f.c.Email == "" {
				f.c.Email = reEmail.FindString(p)
			}
			// What is left beside the address ("jane@x.com +44 7700
			// 900123") is read on as a part of its own; a letter alone
			// before it ("E jane@x.com") is a label whose icon is lost.
			if r := strings.TrimSpace(reEmail.ReplaceAllString(p, " ")); r != "" && utf8.RuneCountInString(r) > 1 {
				parts = slices.Insert(parts, i+1, r)
			}
		case reLinkedIn.MatchString(p):
			if f.c.LinkedIn == "" {
				f.c.LinkedIn = strings.TrimRight(reLinkedIn.FindString(p), "/")
			}
			parts = insertBeside(parts, i, p, reLinkedIn)
		case reGitHub.MatchString(p):
			if f.c.GitHub == "" {
				f.c.GitHub = strings.TrimRight(reGitHub.FindString(p), "/")
			}
			parts = insertBeside(parts, i, p, reGitHub)
		case isPhone(p):
			if f.c.Phone == "" {
				f.c.Phone = strings.TrimSpace(rePhone.FindString(p))
			}
		case reURL.MatchString(p) && !strings.Contains(p, " "):
			if f.c.Portfolio == "" {
				f.c.Portfolio = strings.TrimRight(reURL.FindString(p), "/.")
			}
		case f.c.Location == "" && isWorkMode(p):
			// "Remote · Berlin, Germany": a work mode is the location only
			// when no place is named.
			if f.weakLoc == "" {
				f.weakLoc = p
			}
		case f.c.Location == "" && titled && isLocation(p):
			// "Sales Director — EMEA": a region the headline names is the
			// location only if no contact line gives one.
			if f.weakLoc == "" {
				f.weakLoc = p
			}
			rest = append(rest, raw)
		case namesPerson(p, f.c.Name):
			// "Curriculum Vitae – Jane Roe CA(SA)" atop each page: the
			// name again, with its post-nominals, and no place.
			rest = append(rest, raw)
		case f.c.Location == "" && (strings.Contains(raw, ":") || len(strings.Fields(p)) <= 6 || isAddress(p)) && isPlace(p):
			f.c.Location, _ = contactPlace(p)
			// "Pune – 411045, Maharashtra": the postcode and region after
			// a dash go on with the address.
			for isAddress(p) && i+1 < len(parts) && addressTail(parts[i+1]) {
				f.c.Location += " – " + strings.TrimSpace(parts[i+1])
				i++
			}
			// "Bonapriso, Douala – Cameroun", "Florianópolis, SC —
			// Brazil": the country set after a dash is the place's.
			if i+1 < len(parts) {
				if dash, ok := countryAfterDash(t, parts[i], parts[i+1]); ok {
					f.c.Location += dash + strings.TrimSpace(parts[i+1])
					i++
				}
			}
		case f.c.Location == "" && reAddressLabel.MatchString(raw):
			// A labelled address is the location, street and postcode
			// included ("Address: ul. Długa 14/3, 31-147 Kraków").
			f.c.Location = p
		default:
			rest = append(rest, raw)
		}
	}
	return strings.Join(rest, " · ")
}

// reInlineLabel is a phone or e-mail label with its colon inside a line,
// after the word or number that ends the item before it.
var reInlineLabel = regexp.MustCompile(`(\S+)\s+((?i:tel|tél|phone|mobile|mob|cell|cel|gsm|e-?mail|courriel)\.?\s*:)`)

// labelWords open a label of two words ("Home Tel:", "Work Email:").
var labelWords = wordSet(`home work office personal contact private business`)

// splitInlineLabels parts a contact line before each phone or e-mail
// label that only spaces part from the item before it ("P.O. Box 118,
// Tema Tel: 024 … Email: …", a line whose separators OCR read as
// spaces or the author typed as them).
func splitInlineLabels(t string) string {
	return reInlineLabel.ReplaceAllStringFunc(t, func(m string) string {
		sub := reInlineLabel.FindStringSubmatch(m)
		if labelWords[strings.ToLower(sub[1])] || strings.HasSuffix(sub[1], ":") {
			return m
		}
		return sub[1] + " | " + sub[2]
	})
}

// iconsAsSeparators turns the icons of contact lines into separators:
// Font Awesome and other icon fonts draw with private-use characters
// (U+F0E0 an envelope, U+F095 a phone), other CVs with symbols ("✉", "☎",
// "📍"). Either stands between two items.
func iconsAsSeparators(t string) string {
	if !strings.ContainsFunc(t, isIcon) {
		return t
	}
	var b strings.Builder
	for _, r := range t {
		if isIcon(r) {
			b.WriteString(" | ")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isIcon(r rune) bool {
	// Math symbols drawn as icons too ("⊕ site.com"), not "+" or "±";
	// nor the degree sign of "n° 34", "Villa N° 12": the number's mark
	// in an address.
	return unicode.Is(unicode.Co, r) || unicode.Is(unicode.So, r) && r != '°' || r == '\ufe0f' || r >= 0x2200 && unicode.Is(unicode.Sm, r)
}

var reDigitGap = regexp.MustCompile(`([+\d)])\t+([\d(])`)

// joinDigitCells joins the digit groups of one phone number set apart by
// a table's column gap ("+44 7700<tab>900123", "☎ 06 71<tab>42 88 09").
// The digits before the gap must open a value of their own, after a
// label, a separator or an icon: a number closing a sentence in the
// column beside ("… in 3 regions" set beside "(+225) 07 …" in a sidebar)
// is no part of the phone, nor a cell beside it whose first word holds
// letters.
func joinDigitCells(t string) string {
	for i := 0; i < 2; i++ {
		var b strings.Builder
		last := 0
		for _, m := range reDigitGap.FindAllStringSubmatchIndex(t, -1) {
			run := strings.TrimRightFunc(t[:m[3]], func(r rune) bool { return strings.ContainsRune("0123456789 ().+-", r) })
			if r, _ := utf8.DecodeLastRuneInString(run); run != "" && unicode.IsLetter(r) {
				continue
			}
			// "2x2" (a photo box's size), "3rd": a cell whose first word
			// holds letters is no digit group of the number.
			if next, _, _ := strings.Cut(strings.ReplaceAll(t[m[4]:], "\t", " "), " "); strings.IndexFunc(next, unicode.IsLetter) >= 0 {
				continue
			}
			b.WriteString(t[last:m[3]])
			b.WriteString(" ")
			last = m[4]
		}
		b.WriteString(t[last:])
		t = b.String()
	}
	return t
}

// leadingPhone splits a part that starts with a phone number followed by
// other text (a place, an e-mail).
func leadingPhone(p string) (phone, after string, ok bool) {
	loc := rePhone.FindStringIndex(p)
	if loc == nil || loc[0] != 0 || !isPhone(p[:loc[1]]) {
		return "", "", false
	}
	// What follows is read on unless it continues the number: a place,
	// an e-mail, "(office), +216 98 …".
	after = strings.TrimSpace(p[loc[1]:])
	if after == "" || unicode.IsDigit([]rune(after)[0]) || after[0] == '+' {
		return "", "", false
	}
	return strings.TrimSpace(p[:loc[1]]), after, true
}

// trailingPhone splits a part that ends with a phone number after a
// place, only spaces between them.
func trailingPhone(p string) (phone, before string, ok bool) {
	locs := rePhone.FindAllStringIndex(p, -1)
	if len(locs) == 0 {
		return "", "", false
	}
	loc := locs[len(locs)-1]
	before = strings.TrimSpace(p[:loc[0]])
	if loc[1] != len(strings.TrimRight(p, " ")) || before == "" || !isPhone(p[loc[0]:loc[1]]) {
		return "", "", false
	}
	// Only a place: a letter or word before the number is its label
	// ("M +48 601 …", moderncv's "mobile" without its icon).
	if r, _ := utf8.DecodeLastRuneInString(before); !unicode.IsLetter(r) || !isPlace(before) {
		return "", "", false
	}
	return strings.TrimSpace(p[loc[0]:loc[1]]), before, true
}

// insertBeside reads on what part i holds beside its link, when more
// than a word is left ("Toronto, ON (647) 555-0142 linkedin.com/in/…",
// their separators lost to OCR); a word alone is the link's label.
func insertBeside(parts []string, i int, p string, link *regexp.Regexp) []string {
	r := strings.TrimSpace(link.ReplaceAllString(p, " "))
	if len(strings.Fields(r)) < 2 {
		return parts
	}
	return slices.Insert(parts, i+1, r)
}

func isPhone(p string) bool {
	full := rePhone.FindString(p)
	if full == "" {
		return false
	}
	// An extension's digits and word are no part of the number's length
	// or of the text around it.
	m := reExtensionEnd.ReplaceAllString(full, "")
	p = strings.Replace(p, full, m, 1)
	digits := 0
	for _, r := range m {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	if digits < 8 || digits > 15 {
		return false
	}
	// A date range ("2019 - 2021") is not a phone number.
	if _, ok := findDateRange(m); ok && !strings.HasPrefix(strings.TrimSpace(m), "+") && !strings.Contains(m, "(") && digits <= 8 {
		return false
	}
	letters := 0
	for _, r := range p {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters <= 3
}

var (
	// reInIcon: a LinkedIn icon read as the letters "in" before the
	// address ("rimah.com in linkedin.com/in/…").
	reInIcon = regexp.MustCompile(`(?i)\s+in\s+((?:https?://)?(?:www\.)?linkedin\.com/)`)
	// reSocialHandle: "in jane-roe", "gh janeroe" (moderncv's \social).
	reLinkedInPath = regexp.MustCompile(`^/?in/([\p{L}0-9][\p{L}0-9_\-%.]{1,99}?)/?$`)
	reSocialHandle = regexp.MustCompile(`^(in|gh)\s+([a-z0-9][a-z0-9_.\-]{2,38})$`)
)

// reLabelOnly is a contact label with no value: "PHONE" over its number
// in a designer template's sidebar.
var reLabelOnly = regexp.MustCompile(`(?i)^\s*` + contactLabel + `\s*[:：]?\s*$`)

// reLinkNote is an address with a note in parentheses after it.
var reLinkNote = regexp.MustCompile(`(?i)^(\S+\.\S+)\s+\((?:linkedin|personal|portfolio|company|blog|other|website|github|site|perso|personnel)\)$`)

var reLinkNoteOnly = regexp.MustCompile(`(?i)^\s*\((?:linkedin|personal|portfolio|company|blog|other|website|github|site|perso|personnel)\)\s*$`)

// contactItem: a phone, an e-mail or a link.
func contactItem(p string) bool {
	_, _, lead := leadingPhone(p)
	return isPhone(p) || lead || reEmail.MatchString(p) || reURL.MatchString(p)
}

// reCredential: a short upper-case credential after a name ("RN",
// "IDE", "MBA", "CPA").
var reCredential = regexp.MustCompile(`^[A-Z]{2,6}(?:,?\s+[A-Z]{2,6})*$`)

// rePhoneNote is a note after a phone number: "(mobile)", "(WhatsApp)".
var rePhoneNote = regexp.MustCompile(`^\([^()0-9]{1,20}\)$`)

// reEmailHead is an e-mail address cut after its "@" at a line's end.
var reEmailHead = regexp.MustCompile(`^[A-Za-z0-9._%+\-]+@$`)

// joinWrappedURLs rejoins a URL broken over two lines in a narrow column
// ("https://www.linkedin.com/in/" + "jane-doe") or at the end of a contact
// line ("… | linkedin.com/in/jane-" + "doe | github.com/jane"), and an
// e-mail address cut after its "@" ("j.roe.engineering@" + "example.com"):
// the first word of the next line, when it stands alone before a
// separator, ends it.
func joinWrappedURLs(lines []line) []string {
	var out []string
	for i := 0; i < len(lines); i++ {
		t := lines[i].text
		rest := ""
		for i+1 < len(lines) && rest == "" && ((strings.HasSuffix(t, "/") || strings.HasSuffix(t, "-")) && reURL.MatchString(lastField(t)) ||
			reEmailHead.MatchString(lastField(t))) {
			next := strings.TrimSpace(lines[i+1].text)
			head := next
			if loc := reSplitter.FindStringIndex(next); loc != nil {
				head, rest = next[:loc[0]], strings.TrimSpace(next[loc[0]:])
			} else if f, r, ok := strings.Cut(next, " "); ok && iconOpens(r) {
				// "deshpande-data 💻 github.com/…": an icon opens the
				// next item.
				head, rest = f, strings.TrimSpace(r)
			}
			if head == "" || strings.Contains(head, " ") || strings.Contains(head, "@") {
				rest = ""
				break
			}
			t += head
			i++
		}
		out = append(out, t)
		if rest = strings.TrimLeft(rest, "|·•◦⋅∙/–— \t"); rest != "" {
			out = append(out, rest)
		}
	}
	return out
}

// joinWrappedPlaces rejoins a place wrapped in a narrow column ("+44 20
// 7059 2338 London, United" / "Kingdom"): the end of a line that is no
// place becomes one with the short line after it.
func joinWrappedPlaces(ts []string) []string {
	var out []string
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if i+1 < len(ts) {
			next := strings.TrimSpace(ts[i+1])
			parts := reSplitter.Split(t, -1)
			tail := strings.TrimSpace(parts[len(parts)-1])
			if _, after, ok := leadingPhone(tail); ok {
				tail = after
			}
			cut := tail[strings.LastIndex(tail, ",")+1:]
			if n := len(strings.Fields(next)); n >= 1 && n <= 2 && !strings.ContainsAny(next, "0123456789@/|") &&
				!isLocation(tail) && isLocation(tail+" "+next) && (strings.TrimSpace(cut) == "" || placeOf(cut+" "+next) != 0) {
				t = strings.TrimSpace(t) + " " + next
				i++
			}
		}
		out = append(out, t)
	}
	return out
}

func lastField(t string) string {
	f := strings.Fields(t)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

var (
	// reHonorific: titles before a name, one or several ("Dr.", "Prof.
	// Dr.", "Dipl.-Ing.", "Dr.-Ing.", "Mag.", "Ir.").
	reHonorific = regexp.MustCompile(`(?i)^(?:(?:(?:dr|prof|pr|mr|mrs|ms|mme|mlle|m|eng|ing)\.?|er\.|adv\.|mag\.|ir\.|` +
		`(?:dipl|dr)\.?\s?-\s?(?:ing|kfm|kff|inf|psych|math|phys|oec|biol|chem|med|jur|phil)\.?)\s+)+`)
	// rePronouns: "(she/her)", "(il/lui)" after a name.
	rePronouns = regexp.MustCompile(`(?i)\s*\((?:[a-zé]{2,4}\s*/\s*[a-zé]{2,5}(?:\s*/\s*[a-zé]{2,5})?|she|he|they|elle|il|iel)\)\s*$`)
	reNameCut  = regexp.MustCompile(`\s*(?: · |, )\s*`)
	// rePostNominals: degrees and chartered titles after a name, with or
	// without commas ("Kwabena Owusu PhD CEng"), an honours degree with
	// its "(Hons)". After one the list knows, the rest of the run may be
	// credentials it does not ("BEng(Hons) CPEng RPEQ"): words of two to
	// five capitals, each with at most three small letters after it.
	rePostNominals = regexp.MustCompile(`,?\s+(?:(?:` + postNominals + `)` + honours + `|` + localCredential + `)(?:,?\s+(?:(?:` + postNominals + `|(?:[A-Z][a-z]{0,3}){2,5})` + honours + `|` + localCredential + `))*$`)
	// reDocTitleOf: "CV of", "Curriculum vitae de", "Résumé –" before a name.
	reDocTitleOf = regexp.MustCompile(`(?i)^(?:curriculum\s+vit(?:ae|æ)|cv|r[ée]sum[ée])\s*(?:of\s+|de\s+|d['’]\s*|[-–—:|]\s*)`)
)

// postNominals are the degrees and chartered titles written after a name.
const postNominals = `Ph\.?\s?D\.?|DPhil|M\.?Sc\.?|B\.?Sc\.?|MBA|MEng|BEng|CEng|IEng|MICE|FICE|MIStructE|MIMechE|MIET|CITP|MBCS|CPA|CFA|ACCA|ACA|FCA|FCCA|CIMA|ACMA|CGMA|PMP|P\.?Eng\.?|` +
	`LLM|LLB|JD|EdD|CISSP|FRCS|MRCP|MRCS|MRICS|FRICS|MCIPD|CMgr|FHEA|MPharm|PharmD|RGN|BSN|MSN|MPH|MSW|` +
	`RN|LPN|APRN|RM|RPh|MD|DDS|DMD|DVM|DPT|FMA|AMA|FSA|FRSA|FRHistS|MCIM|FCIM|MCIPS|FCIPS|MCMI|FCMI|FRCP|MRCGP|MRCVS|MRSC|FRSC|FIET|FRAeS|OBE|MBE|CBE`

// localCredential is a credential with the country or university that
// gave it: "CA(SA)", "CA(M)", "CPA (Aust.)", "MA (Cantab)".
const localCredential = `(?:CA|CPA|CMA|CS|ACA|FCA|ACMA|FCMA|CGMA|CFA|PE|RN|MA|BA)\s?\((?:[A-Z]{1,4}|Aust\.?|Cantab|Oxon)\)`

// honours is the "(Hons)" after a degree, set close or apart.
const honours = `(?:\s?\(Hons?\))?`

// oneNameWord: a single capitalised word of letters, hyphens and
// apostrophes.
func oneNameWord(t string) bool {
	t = strings.TrimSpace(t)
	if strings.Contains(t, " ") || t == "" || !unicode.IsUpper([]rune(t)[0]) {
		return false
	}
	for _, r := range t {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
			return false
		}
	}
	_, heading := headingKind(t)
	return !heading && !isLocation(t) && titleScore(t) == 0
}

// reNameLine is a label/value row that gives the person's name, in the
// header or a personal-information section: "Name: Jane Doe", Europass's
// "First name(s) / Surname(s)<tab>Marta Kowalska-Nowak", "Nom(s) /
// Prénom(s)".
var reNameLine = regexp.MustCompile(`(?i)` + formRowNumber + `(?:first\s+names?(?:\(s\))?\s*/\s*surnames?(?:\(s\))?|surnames?(?:\(s\))?\s*/\s*first\s+names?(?:\(s\))?|` +
	`prénoms?(?:\(s\))?\s*/\s*noms?(?:\(s\))?|noms?(?:\(s\))?\s*/\s*prénoms?(?:\(s\))?|full\s+name|name|nom\s+complet|prénoms?\s+et\s+nom|` +
	`(` + surnameFirstLabel + `)|nom)` + formValueSep + `([^\t|]+)`)

func labelledName(t string) (string, bool) {
	m := reNameLine.FindStringSubmatch(t)
	if m == nil {
		return "", false
	}
	name := strings.TrimSpace(m[2])
	if m[1] != "" {
		name = givenNamesFirst(name)
	}
	return name, nameScore(nil, name) > 0
}

// reLetterBeforeLink is a single letter set before one word ("W
// janeroe.dev"), a label whose icon was lost.
var reLetterBeforeLink = regexp.MustCompile(`^\p{L}\s+(\S+)$`)

// isDocumentTitle: "Curriculum Vitae", "CV", "Résumé" head a page without
// naming anyone.
func isDocumentTitle(t string) bool {
	switch fold(t) {
	case "curriculum vitae", "curriculum vitæ", "cv", "resume", "curriculum", "vitae":
		return true
	}
	return cutDocumentTitle(fold(t))
}

// cutDocumentTitle: "Curriculum Vitae" as OCR or a narrow box may leave
// it, its last word cut short, its letters set apart ("CURRICULUM VI",
// "CURRI CULUM VITA") or one of them lost under an underline ("CURRICUL M
// VITAE", "CURRICULUM VIT E"). No name starts with "curric".
func cutDocumentTitle(folded string) bool {
	c := strings.ReplaceAll(folded, " ", "")
	if rest, ok := strings.CutPrefix(c, "curriculum"); ok {
		return len(rest) <= 5 && strings.HasPrefix("vitae", rest) || len(rest) == 4 && oneLetterLost(rest, "vitae")
	}
	return strings.HasPrefix(c, "curric") && len(c) <= len("curriculumvitae") && strings.HasSuffix(c, "vitae")
}

// oneLetterLost says whether s is word with one of its letters gone.
func oneLetterLost(s, word string) bool {
	for i := range len(word) {
		if word[:i]+word[i+1:] == s {
			return true
		}
	}
	return false
}

// nameIn finds the person's name in a header line: the whole line, or its
// first part when a headline follows on the same line ("Jane Doe — Data
// Engineer", "Karim Ben Salah, Ingénieur DevOps"); an honorific before
// it ("Dr.") is not part of the name. more is the rest of the line.
func nameIn(lines []line, t string) (name, more string, ok bool) {
	strip := func(s string) string {
		s = strings.TrimSpace(rePronouns.ReplaceAllString(s, ""))
		s = strings.TrimSpace(reDocTitleOf.ReplaceAllString(s, ""))
		if n := strings.TrimSpace(rePostNominals.ReplaceAllString(s, "")); len(strings.Fields(n)) >= 2 {
			s = n
		}
		if h := reHonorific.FindString(s); h != "" && len(strings.Fields(s[len(h):])) >= 2 {
			return s[len(h):]
		}
		return s
	}
	if n := strip(t); nameScore(lines, n) > 0 {
		return n, "", true
	}
	// "ADEBAYO, Oluwaseun T.", "MARTIN, Jean-Luc": the family name first,
	// in capitals, then a comma; as written.
	if m := reSurnameFirst.FindStringSubmatch(strings.TrimSpace(t)); m != nil && !isPlace(t) && !isLocation(m[2]) &&
		nameScore(lines, m[2]+" "+m[1]) > 0 {
		return strings.TrimSpace(t), "", true
	}
	// "Jane Doe (Data Engineer)": a headline in parentheses.
	if m := reParenNote.FindStringSubmatch(t); m != nil {
		if n := strip(m[1]); nameScore(lines, n) > 0 {
			return n, m[2], true
		}
	}
	cut := reNameCut.FindStringIndex(t)
	if cut == nil {
		return "", "", false
	}
	if n := strip(t[:cut[0]]); nameScore(lines, n) > 0 {
		return n, strings.TrimSpace(t[cut[1]:]), true
	}
	return "", "", false
}

// nameScore rates a header line as the person's name: letters only, two
// to four capitalised words, emphasised or large.
var (
	reSurnameFirst   = regexp.MustCompile(`^(\p{Lu}[\p{Lu}'’\-]+(?:\s+\p{Lu}[\p{Lu}'’\-]+)?),\s+(\p{Lu}\p{Ll}[\p{L}'’\-]*(?:\s+\p{Lu}[\p{L}'’\-]*\.?)*)$`)
	reGuillemetSpace = regexp.MustCompile(`(«)\s+|\s+(»)`)
	reNickname       = regexp.MustCompile(`^["“”'‘’«](\p{Lu}[\p{L}\-]*)["“”'‘’»]$`)
)

func nameScore(lines []line, t string) int {
	words := strings.Fields(reGuillemetSpace.ReplaceAllString(t, "$1$2"))
	if len(words) < 2 || len(words) > 8 || strings.ContainsAny(reFiliation.ReplaceAllString(t, " "), "0123456789@/:|,()") {
		return -1
	}
	score := 2
	capitalised := 0
	for i, w := range words {
		if filiation[strings.ToLower(w)] {
			continue
		}
		// A nickname in quotes between the names ("Jessica \"Jess\"
		// O'Loughlin", "Marie « Maé » Dubois") is part of the name.
		if m := reNickname.FindStringSubmatch(w); m != nil && i > 0 && i < len(words)-1 && oneNameWord(m[1]) {
			continue
		}
		r := []rune(w)
		for _, c := range r {
			if !unicode.IsLetter(c) && c != '-' && c != '\'' && c != '’' && c != '.' {
				return -1
			}
		}
		switch {
		case unicode.IsUpper(r[0]):
			capitalised++
		case nameParticle(w):
			if strings.ContainsAny(w, "'’-") { // "el-Amrani" carries the family name
				capitalised++
			}
		default:
			return -1
		}
	}
	// Long Spanish or Portuguese names carry their particles: "Sofia
	// Martínez de la Fuente y García" has five capitalised words.
	if capitalised < 2 || capitalised > 5 || !unicode.IsUpper([]rune(words[0])[0]) {
		return -1
	}
	if _, known := headingKind(t); known || isDocumentTitle(t) {
		return -1
	}
	if isLocation(t) || titleScore(t) > 0 {
		score -= 3
	}
	return score
}

// particles are the lower-case words inside family names (Dutch, French,
// Portuguese, Spanish, Italian, German, Arabic transliterations).
var particles = wordSet(`van der den de la le du des da di do dos das del della dei degli los las von vom zu zum zur ter ten af y e al el
	bin bint binti ben ibn abu ould`)

// filiation are the lower-case words that link a given name to a parent's
// name: Welsh "ap", "ab", "ferch" ("Rhiannon ap Gwilym"), Malaysian and
// Singaporean "a/l", "a/p" (anak lelaki, anak perempuan), "s/o", "d/o",
// "binte", "bte", Iban "anak".
var filiation = wordSet(`ap ab ferch verch anak binte bte a/l a/p s/o d/o`)

// reFiliation finds the filiation words written with a slash, which
// no other word of a name has.
var reFiliation = regexp.MustCompile(`(?i)(?:^|\s)(?:a/l|a/p|s/o|d/o)(?:\s|$)`)

// nameParticle accepts "van", "de", and elided or hyphenated forms such as
// "d'Arcy" or "el-Amrani" whose capitalised part follows the particle.
func nameParticle(w string) bool {
	if particles[w] || filiation[w] {
		return true
	}
	for _, sep := range []string{"'", "’", "-"} {
		if head, rest, ok := strings.Cut(w, sep); ok && rest != "" && (particles[head] || head == "d" || head == "l") {
			return unicode.IsUpper([]rune(rest)[0])
		}
	}
	return false
}

func (b *builder) finishContact(all []line) {
	c := &b.out.Contact
	// Fall back to the whole document for unambiguous fields (two-column
	// CVs often put contact data in the sidebar under no heading).
	for _, l := range all {
		if c.Email == "" {
			c.Email = reEmail.FindString(repairEmail(l.text))
		}
		if c.LinkedIn == "" {
			c.LinkedIn = strings.TrimRight(reLinkedIn.FindString(l.text), "/")
		}
		if c.GitHub == "" {
			c.GitHub = strings.TrimRight(reGitHub.FindString(l.text), "/")
		}
	}
	for _, u := range b.links {
		switch {
		case strings.HasPrefix(strings.ToLower(u), "mailto:"):
			if c.Email == "" {
				c.Email = strings.TrimPrefix(u[len("mailto:"):], "//")
			}
		case reLinkedIn.MatchString(u):
			if c.LinkedIn == "" {
				c.LinkedIn = u
			}
		case reGitHub.MatchString(u):
			if c.GitHub == "" {
				c.GitHub = u
			}
		case c.Portfolio == "" && !sameSite(u, c.LinkedIn) && !sameSite(u, c.GitHub):
			c.Portfolio = u
		}
	}
	if c.Name == "" {
		for _, l := range all[:min(len(all), 3)] {
			if nameScore(all, l.text) > 0 {
				c.Name = l.text
				break
			}
		}
	}
}

func sameSite(a, b string) bool {
	if b == "" {
		return false
	}
	return normURL(a) == normURL(b)
}

// normURL compares links as people write them: without scheme, "www.",
// trailing slash or case.
func normURL(u string) string {
	u = strings.ToLower(strings.TrimSpace(u))
	for _, p := range []string{"https://", "http://", "www."} {
		u = strings.TrimPrefix(u, p)
	}
	u = strings.TrimRight(u, "/")
	// "in/jane-roe", as templates print it beside LinkedIn's icon, is the
	// same profile as "linkedin.com/in/jane-roe".
	if m := reLinkedInPath.FindStringSubmatch(u); m != nil {
		u = "linkedin.com/in/" + m[1]
	}
	return u
}

var (
	// reEmailSpaceAt: a space OCR put on one side of an address's "@"
	// ("jane.roe @gmail.com", "jane@ outlook.fr"); with a space on both
	// sides it is a job's "@" ("Engineer @ Booking.com").
	reEmailSpaceBefore = regexp.MustCompile(`([A-Za-z0-9._%+\-]) @([A-Za-z0-9\-]+\.[A-Za-z])`)
	reEmailSpaceAfter  = regexp.MustCompile(`([A-Za-z0-9._%+\-])@ ([A-Za-z0-9\-]+\.[A-Za-z])`)
	// reEmailSpaceEnding: a space after the domain's last dot ("@example.
	// com").
	reEmailSpaceEnding = regexp.MustCompile(`(@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.) (com|net|org|edu|fr|de|uk|io|co)\b`)
	// reEmailNoDot: a domain with no dot at all, which no address has,
	// ending in a common ending ("@yahoocom", "@orangefr"): the dot OCR
	// lost goes before that ending.
	reEmailNoDot = regexp.MustCompile(`([A-Za-z0-9._%+\-]@[a-z0-9\-]{3,})(com|net|org|fr)\b([^.@]|$)`)
)

// repairEmail mends an e-mail address OCR misread where only one reading
// is possible: a space beside "@" or after the domain's last dot, the dot
// before "com", "net", "org" or "fr" lost from a domain that has none.
func repairEmail(t string) string {
	if !strings.Contains(t, "@") {
		return t
	}
	t = reEmailSpaceBefore.ReplaceAllString(t, "$1@$2")
	t = reEmailSpaceAfter.ReplaceAllString(t, "$1@$2")
	t = reEmailSpaceEnding.ReplaceAllString(t, "$1$2")
	// "med.santos m@yahoocom": a stray space may have cut the local part
	// too, and which part is the address is no longer known; left as it is.
	var b strings.Builder
	last := 0
	for _, m := range reEmailNoDot.FindAllStringSubmatchIndex(t, -1) {
		if before := strings.TrimRight(t[:m[0]], " "); len(before) < m[0] && reAddressFragment.MatchString(before) {
			continue
		}
		b.WriteString(t[last:m[3]])
		b.WriteString(".")
		b.WriteString(t[m[4]:m[1]])
		last = m[1]
	}
	b.WriteString(t[last:])
	return b.String()
}

// reAddressFragment: the end of a text that reads as part of an e-mail
// address (lower-case letters and digits around a dot or an underscore).
var reAddressFragment = regexp.MustCompile(`(?:^|\s)[a-z0-9\-]+[._][a-z0-9._\-]+$`)

// iconOpens: t opens with a pictograph, an icon set before a contact item
// ("💻 github.com/…", "📍 Pune").
func iconOpens(t string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(t))
	return unicode.Is(unicode.So, r)
}
