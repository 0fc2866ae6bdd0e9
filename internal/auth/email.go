package auth

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// Address length limits of RFC 5321.
const (
	maxEmailLen  = 254
	maxLocalLen  = 64
	maxDomainLen = 253
)

// NormalizeEmail checks an e-mail address and returns its stored form: the
// local part as typed (ASCII only: non-ASCII local parts need SMTPUTF8,
// which many mail servers refuse, so we would register addresses we cannot
// write to), and the domain lowercased, internationalised domains converted
// to their ASCII (punycode) form. The problem is returned as a message fit
// for the client.
func NormalizeEmail(raw string) (string, string) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", "is required"
	}
	if len(s) > maxEmailLen*4 || utf8.RuneCountInString(s) > maxEmailLen {
		return "", "is too long (at most 254 characters)"
	}
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || at == len(s)-1 {
		return "", "is not an e-mail address (expected name@example.com)"
	}
	local, domain := s[:at], s[at+1:]
	if msg := checkLocalPart(local); msg != "" {
		return "", msg
	}
	ascii, err := idna.Lookup.ToASCII(strings.TrimSuffix(domain, "."))
	if err != nil || !validDomain(ascii) {
		return "", "has an invalid domain after the @"
	}
	out := local + "@" + strings.ToLower(ascii)
	if len(out) > maxEmailLen {
		return "", "is too long (at most 254 characters)"
	}
	return out, ""
}

func checkLocalPart(local string) string {
	if len(local) > maxLocalLen {
		return "has more than 64 characters before the @"
	}
	for i := 0; i < len(local); i++ {
		c := local[i]
		if c >= utf8.RuneSelf {
			return "must use only ASCII letters, digits and . _ % + - before the @"
		}
		if !atext(c) && c != '.' {
			return "has a character that is not allowed before the @"
		}
	}
	if local[0] == '.' || local[len(local)-1] == '.' || strings.Contains(local, "..") {
		return "has a misplaced dot before the @"
	}
	return ""
}

// atext is RFC 5322's atom characters.
func atext(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-/=?^_`{|}~", c) >= 0
}

// validDomain accepts a host name with at least two labels of letters,
// digits and hyphens; a literal IP address is refused.
func validDomain(d string) bool {
	if len(d) == 0 || len(d) > maxDomainLen {
		return false
	}
	labels := strings.Split(d, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if len(l) == 0 || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for i := 0; i < len(l); i++ {
			c := l[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
	}
	tld := labels[len(labels)-1]
	return strings.Trim(tld, "0123456789") != ""
}
