package jobs

import (
	"fmt"
	"sort"
	"strings"

	"github.com/utopiahire/utopiahire/internal/text"
)

// Locations is the region list the original frontend offered: every country
// of Europe, the Middle East and Africa, plus the three regions and EMEA as a
// whole. Names are those LinkedIn's location search understands.
var Locations = []string{
	// Regions
	"EMEA", "Europe", "European Union", "Middle East", "Africa", "North Africa", "Sub-Saharan Africa",
	// Europe
	"Albania", "Andorra", "Armenia", "Austria", "Azerbaijan", "Belarus", "Belgium", "Bosnia and Herzegovina",
	"Bulgaria", "Croatia", "Cyprus", "Czechia", "Denmark", "Estonia", "Finland", "France", "Georgia", "Germany",
	"Greece", "Hungary", "Iceland", "Ireland", "Italy", "Kosovo", "Latvia", "Liechtenstein", "Lithuania",
	"Luxembourg", "Malta", "Moldova", "Monaco", "Montenegro", "Netherlands", "North Macedonia", "Norway", "Poland",
	"Portugal", "Romania", "Russia", "San Marino", "Serbia", "Slovakia", "Slovenia", "Spain", "Sweden",
	"Switzerland", "Ukraine", "United Kingdom", "Vatican City",
	// Middle East
	"Bahrain", "Iran", "Iraq", "Israel", "Jordan", "Kuwait", "Lebanon", "Oman", "Palestine", "Qatar",
	"Saudi Arabia", "Syria", "Türkiye", "United Arab Emirates", "Yemen",
	// Africa
	"Algeria", "Angola", "Benin", "Botswana", "Burkina Faso", "Burundi", "Cabo Verde", "Cameroon",
	"Central African Republic", "Chad", "Comoros", "Côte d'Ivoire", "Democratic Republic of the Congo", "Djibouti",
	"Egypt", "Equatorial Guinea", "Eritrea", "Eswatini", "Ethiopia", "Gabon", "Gambia", "Ghana", "Guinea",
	"Guinea-Bissau", "Kenya", "Lesotho", "Liberia", "Libya", "Madagascar", "Malawi", "Mali", "Mauritania",
	"Mauritius", "Morocco", "Mozambique", "Namibia", "Niger", "Nigeria", "Republic of the Congo", "Rwanda",
	"São Tomé and Príncipe", "Senegal", "Seychelles", "Sierra Leone", "Somalia", "South Africa", "South Sudan",
	"Sudan", "Tanzania", "Togo", "Tunisia", "Uganda", "Zambia", "Zimbabwe",
}

// locationAliases are other names people type for the same place.
var locationAliases = map[string]string{
	"uk": "United Kingdom", "great britain": "United Kingdom", "england": "United Kingdom", "britain": "United Kingdom",
	"uae": "United Arab Emirates", "emirates": "United Arab Emirates", "turkey": "Türkiye", "turkiye": "Türkiye",
	"czech republic": "Czechia", "ivory coast": "Côte d'Ivoire", "cote d ivoire": "Côte d'Ivoire",
	"drc": "Democratic Republic of the Congo", "dr congo": "Democratic Republic of the Congo",
	"congo": "Republic of the Congo", "holland": "Netherlands", "the netherlands": "Netherlands",
	"cape verde": "Cabo Verde", "swaziland": "Eswatini", "macedonia": "North Macedonia", "ksa": "Saudi Arabia",
	"eu": "European Union", "mena": "Middle East", "sao tome and principe": "São Tomé and Príncipe",
	"the gambia": "Gambia", "vatican": "Vatican City", "deutschland": "Germany", "allemagne": "Germany",
	"maroc": "Morocco", "tunisie": "Tunisia", "algerie": "Algeria", "egypte": "Egypt", "belgique": "Belgium",
	"suisse": "Switzerland", "espagne": "Spain", "italie": "Italy", "royaume uni": "United Kingdom",
	"pays bas": "Netherlands", "senegal": "Senegal",
}

var locationIndex = func() map[string]string {
	m := make(map[string]string, len(Locations)+len(locationAliases))
	for _, l := range Locations {
		m[text.Key(l)] = l
	}
	for a, l := range locationAliases {
		m[text.Key(a)] = l
	}
	return m
}()

// CanonicalLocation returns the list's spelling of loc (case, accents and
// common alternative names do not matter). Empty means anywhere. An unknown
// value is a *ValidationError listing the valid ones.
func CanonicalLocation(loc string) (string, error) {
	if strings.TrimSpace(loc) == "" {
		return "", nil
	}
	if l, ok := locationIndex[text.Key(loc)]; ok {
		return l, nil
	}
	valid := append([]string(nil), Locations...)
	sort.Strings(valid)
	return "", invalid("location", "invalid_location", fmt.Sprintf("unknown location %q; choose a country or region of Europe, the Middle East or Africa", truncate(loc, 80)), valid)
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
