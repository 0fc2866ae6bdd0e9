package cvparse

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/utopiahire/utopiahire/internal/text"
)

const (
	presentWords = `present|présent|current|currently|now|today|ongoing|aujourd['’]hui|auj(?:\.|\b)|en cours|actuel(?:lement)?|maintenant|ce jour|à ce jour|a ce jour|nos jours|heute|date|actualidad|continuing|` + tillWords
	// tillWords end a running range with no dash before them ("Apr 2019
	// till date"): how Indian and British CVs often say "present", and
	// Bangladeshi ones "to Continue".
	tillWords = `till\s+(?:date|now)|to\s+date|to\s+continue|until\s+now|up\s+to\s+(?:date|now)`
	// dashLostWords end a running range whose dash a phone photo blurred
	// away ("May 2021 Present", the short "–" read as nothing): no other
	// phrase puts them right after a date.
	dashLostWords = `(?:present|présent|aujourd['’]hui)\b`
)

var (
	monthAlt = func() string {
		names := text.MonthNames() // longest first: "janvier" wins over "jan"
		for i, n := range names {
			names[i] = regexp.QuoteMeta(n)
		}
		return strings.Join(names, "|")
	}()
	// A full date ("01/09/2019", "31.08.2019": Europass and French CVs)
	// comes before month/year, which would read its last two parts.
	dateTok = `(?:(?:0?[1-9]|[12]\d|3[01])[/.](?:0?[1-9]|1[0-2])[/.](?:19|20)\d{2}|` + usDayDate + `|(?:` + monthAlt + `)\.?,?\s+(?:19|20)\d{2}|(?:` + monthAlt + `)\.?,?\s+['’]\d{2}\b|['’]\d{2}\b|` + seasonWords + `\s+(?:19|20)\d{2}|(?:0?[1-9]|1[0-2])[/.](?:19|20)\d{2}|(?:19|20)\d{2}[-/.](?:0[1-9]|1[0-2])\b|(?:19|20)\d{2}|` + presentWords + `)`
	// A middle dot between two dates is a dash that OCR read small (a
	// blurred "2021 – Present" on a phone photo). "to date" is tried
	// before "to" + a date, since "date" alone is the present too
	// ("2024 – Date").
	reRange = regexp.MustCompile(`(?i)(?:(?:from|de|du|since|depuis(?:\s+le)?)\s+)?(` + dateTok + `)(?:\s+(` + tillWords + `|` + dashLostWords + `)|\s*(?:->|--|[-–—−~→⟶➝➔&·]|to|until|à|au|a|jusqu['’]à|jusqu['’]au)\s*(?:(?:expected|anticipated|est\.|prévue?|prevue?)\s+)?(?:` + dayNum + `\s+)?(` + dateTok + `))?`)
	reSince = regexp.MustCompile(`(?i)^(?:since|depuis)\b`)
	reMonY  = regexp.MustCompile(`(?i)^(` + monthAlt + `)\.?,?\s+((?:19|20)\d{2})$`)
	reNumMY = regexp.MustCompile(`^(0?[1-9]|1[0-2])[/.]((?:19|20)\d{2})$`)
	reISOYM = regexp.MustCompile(`^((?:19|20)\d{2})[-/.](0[1-9]|1[0-2])$`)
	reYear  = regexp.MustCompile(`^((?:19|20)\d{2})$`)
	reDMY   = regexp.MustCompile(`^(?:0?[1-9]|[12]\d|3[01])[/.](0?[1-9]|1[0-2])[/.]((?:19|20)\d{2})$`)
	rePres  = regexp.MustCompile(`(?i)^(?:` + presentWords + `)$`)
	// "Summer 2019", "été 2016": a season dates an internship to its year;
	// "Étés 2013 à 2015", "Summers 2016 – 2018" run over several.
	seasonWords = `(?:summers|summer|spring|fall|autumn|winter|étés|été|printemps|automne|hiver)`
	reSeasonY   = regexp.MustCompile(`(?i)^` + seasonWords + `\s+((?:19|20)\d{2})$`)
	// "July – Sept 2014", "de février à juin 2017": a month before a
	// month-and-year it runs to, the year written once.
	reMonthTo = regexp.MustCompile(`(?i)(?:(?:from|de|du)\s+)?\b(` + monthAlt + `)\.?\s*(?:[-–—−]|to|until|à|au)\s*$`)
	// "Jan '21", "'22": a year cut to its last two digits after an
	// apostrophe.
	reMonApos = regexp.MustCompile(`(?i)^(` + monthAlt + `)\.?,?\s+['’](\d{2})$`)
	reApos    = regexp.MustCompile(`^['’](\d{2})$`)
	// "2015 – 18", "2014/15": the end of a range written with the last two
	// digits of its year.
	// Never a grade ("2013 – 85%") or a span of more than fifteen years.
	reShortEnd = regexp.MustCompile(`^(?:\s*[-–—]\s*|/)(\d{2})(?:$|[^\d%.,/:])`)
	// "2015 / 2018": bare years a slash apart.
	reSlashYear = regexp.MustCompile(`^\s*/\s*((?:19|20)\d{2})\b`)
	// "Summers 2021 and 2022", "étés 2012 et 2013": a season's date and a
	// later year joined by "and"; the job ran from the first to the last.
	reSeasonAnd = regexp.MustCompile(`(?i)^\s*(?:and|et|und|y|e|,)\s+((?:19|20)\d{2})\b`)
)

// reOpenEnd: a dash after a date and nothing after it on the line or in
// its cell.
var reOpenEnd = regexp.MustCompile(`^\s*[-–—]\s*(?:$|\t)`)

// dateRange is a date range found in a line, as written.
type dateRange struct {
	start, end string
	at, until  int // byte span in the line
}

// findDateRange returns the first date or date range in s. Words such as
// "Present" only count as part of a range, never alone.
func findDateRange(s string) (dateRange, bool) {
	if !mayHoldDate(s) {
		return dateRange{}, false
	}
	for off := 0; off < len(s); {
		m := reRange.FindStringSubmatchIndex(s[off:])
		if m == nil {
			break
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += off
			}
		}
		off = max(m[1], m[0]+1)
		if !wordBoundary(s, m[0], m[1]) {
			// "Période 2017 - 2019": the "de" of "Période" is no "from";
			// the range itself still counts.
			if m[2] <= m[0] || !wordBoundary(s, m[2], m[1]) {
				// "d'Abidjan, 2009": a month's name ending a word; the
				// year after it may still be the date.
				_, size := utf8.DecodeRuneInString(s[m[0]:])
				off = m[0] + size
				continue
			}
			m[0] = m[2]
		}
		a := s[m[2]:m[3]]
		var b string
		if m[4] >= 0 {
			b = s[m[4]:m[5]] // "Apr 2019 till date"
		} else if m[6] >= 0 {
			b = s[m[6]:m[7]]
		}
		if b == "" && rePres.MatchString(strings.TrimSpace(a)) {
			continue
		}
		if b == "" && namedAfterDate(s, m[2]) {
			continue
		}
		dr := dateRange{start: withoutMonthDay(strings.TrimSpace(a)), end: withoutMonthDay(strings.TrimSpace(b)), at: m[0], until: m[1]}
		// "Present – 2021": the latest first.
		if rePres.MatchString(dr.start) && dr.end != "" && !rePres.MatchString(dr.end) {
			dr.start, dr.end = dr.end, dr.start
		}
		if b == "" && reSince.MatchString(s[m[0]:]) {
			dr.end = "present"
		}
		if end, until, ok := dashLostMonthEnd(s, a, m[1]); b == "" && ok {
			dr.end, dr.until = end, until
		}
		if b == "" {
			dr = sharedYear(s, dr)
		}
		return withLeadingDay(s, dr), true
	}
	return dateRange{}, false
}

// mayHoldDate is a quick test run before reRange, which is most of what
// parsing a CV costs: every date reRange reads holds a year ("2019",
// "03/2019", "Mar 2019") or a year cut after an apostrophe ("'19"), and
// most lines of a CV (bullets, skills, sentences) hold neither. Words such
// as "Present" alone never make a range.
func mayHoldDate(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		switch {
		case (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && i+3 < len(s) && isDigit(s[i+2]) && isDigit(s[i+3]):
			return true
		case s[i] == '\'' && isDigit(s[i+1]) && isDigit(s[i+2]):
			return true
		case strings.HasPrefix(s[i:], "’") && i+4 < len(s) && isDigit(s[i+3]) && isDigit(s[i+4]):
			return true
		}
	}
	return false
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// leftOpen reads a range left open at the end of its cell beside the
// entry's text ("Radiographer<tab>2015–"), once a wrapped date column
// has been mended, as running to now. A line holding only "2015–" is
// a column cut apart and left as it is.
func leftOpen(s string, dr dateRange) dateRange {
	o := reOpenEnd.FindStringIndex(s[dr.until:])
	if dr.end != "" || o == nil || rePres.MatchString(dr.start) {
		return dr
	}
	until := dr.until + len(strings.TrimRight(s[dr.until:dr.until+o[1]], "\t"))
	if strings.TrimSpace(s[:dr.at]) == "" && strings.TrimSpace(s[until:]) == "" {
		return dr
	}
	dr.end, dr.until = "present", until
	return dr
}

// sharedYear widens a lone date into the range it ends or starts when
// the year is written once: "July – Sept 2014" runs from July 2014,
// "2015 / 2018" to 2018 (a slash between two bare years, the later
// second, is a range; "MM/YYYY" never reaches here as two years).
func sharedYear(s string, dr dateRange) dateRange {
	if m := reSeasonY.FindStringSubmatch(dr.start); m != nil {
		if p := reSeasonAnd.FindStringSubmatchIndex(s[dr.until:]); p != nil {
			if end := s[dr.until+p[2] : dr.until+p[3]]; end > m[1] {
				return dateRange{start: dr.start, end: end, at: dr.at, until: dr.until + p[1]}
			}
		}
	}
	if m := reMonY.FindStringSubmatch(dr.start); m != nil {
		if p := reMonthTo.FindStringSubmatchIndex(s[:dr.at]); p != nil {
			if pm, _ := text.Month(s[p[2]:p[3]]); pm > 0 {
				if em, _ := text.Month(m[1]); em >= pm {
					month := strings.TrimSpace(s[p[2]:p[3]])
					if strings.HasPrefix(s[p[3]:], ".") {
						month += "."
					}
					return dateRange{start: month + " " + m[2], end: dr.start, at: p[0], until: dr.until}
				}
			}
		}
	}
	// "Summer 2014/15": a southern summer runs into the next year.
	if m := reSeasonY.FindStringSubmatch(dr.start); m != nil {
		if p := reShortEnd.FindStringSubmatchIndex(s[dr.until:]); p != nil {
			end := m[1][:2] + s[dr.until+p[2]:dr.until+p[3]]
			if a, _ := strconv.Atoi(m[1]); end == strconv.Itoa(a+1) {
				return dateRange{start: dr.start, end: end, at: dr.at, until: dr.until + p[3]}
			}
		}
	}
	if reYear.MatchString(dr.start) {
		if m := reShortEnd.FindStringSubmatchIndex(s[dr.until:]); m != nil {
			end := dr.start[:2] + s[dr.until+m[2]:dr.until+m[3]]
			if a, _ := strconv.Atoi(dr.start); end > dr.start && end <= strconv.Itoa(a+15) {
				return dateRange{start: dr.start, end: end, at: dr.at, until: dr.until + m[3]}
			}
		}
		if m := reSlashYear.FindStringSubmatchIndex(s[dr.until:]); m != nil {
			if end := s[dr.until+m[2] : dr.until+m[3]]; end >= dr.start {
				return dateRange{start: dr.start, end: end, at: dr.at, until: dr.until + m[1]}
			}
		}
	}
	return dr
}

func wordBoundary(s string, i, j int) bool {
	isAlnum := func(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	return (i == 0 || !isAlnum(s[i-1])) && (j >= len(s) || !isAlnum(s[j]))
}

// NormalizeDate turns a CV date as written ("Jan 2023", "09/2020",
// "janvier 2021", "2019", "Aujourd'hui") into "YYYY-MM", "YYYY" or
// "present". ok is false when s is not a date.
func NormalizeDate(s string) (string, bool) {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), ".,;()"))
	switch {
	case s == "":
		return "", false
	case rePres.MatchString(s):
		return "present", true
	}
	if m := reMonY.FindStringSubmatch(s); m != nil {
		mo, _ := text.Month(m[1])
		return fmt.Sprintf("%s-%02d", m[2], mo), true
	}
	if m := reNumMY.FindStringSubmatch(s); m != nil {
		mo, _ := strconv.Atoi(m[1])
		return fmt.Sprintf("%s-%02d", m[2], mo), true
	}
	if m := reDMY.FindStringSubmatch(s); m != nil {
		mo, _ := strconv.Atoi(m[1])
		return fmt.Sprintf("%s-%02d", m[2], mo), true
	}
	if m := reISOYM.FindStringSubmatch(s); m != nil {
		return m[1] + "-" + m[2], true
	}
	if m := reSeasonY.FindStringSubmatch(s); m != nil {
		return m[1], true
	}
	if m := reMonApos.FindStringSubmatch(s); m != nil {
		mo, _ := text.Month(m[1])
		return fmt.Sprintf("%s-%02d", fullYear(m[2]), mo), true
	}
	if m := reApos.FindStringSubmatch(s); m != nil {
		return fullYear(m[1]), true
	}
	if m := reYear.FindStringSubmatch(s); m != nil {
		return m[1], true
	}
	return "", false
}

// fullYear reads the two digits of a year written "'21" as 2021 and "'98"
// as 1998: CVs date work and study within the last half century.
func fullYear(yy string) string {
	if yy < "50" {
		return "20" + yy
	}
	return "19" + yy
}
