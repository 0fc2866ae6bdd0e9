package catalog

import (
	"net/url"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/utopiahire/utopiahire/internal/jobs"
)

// Countries of each region of jobs.Locations, in its spelling. Africa's
// split follows the UN M49 geoscheme (Sudan is in Northern Africa).
var (
	europe = []string{
		"Albania", "Andorra", "Armenia", "Austria", "Azerbaijan", "Belarus", "Belgium", "Bosnia and Herzegovina",
		"Bulgaria", "Croatia", "Cyprus", "Czechia", "Denmark", "Estonia", "Finland", "France", "Georgia", "Germany",
		"Greece", "Hungary", "Iceland", "Ireland", "Italy", "Kosovo", "Latvia", "Liechtenstein", "Lithuania",
		"Luxembourg", "Malta", "Moldova", "Monaco", "Montenegro", "Netherlands", "North Macedonia", "Norway", "Poland",
		"Portugal", "Romania", "Russia", "San Marino", "Serbia", "Slovakia", "Slovenia", "Spain", "Sweden",
		"Switzerland", "Ukraine", "United Kingdom", "Vatican City",
	}
	europeanUnion = []string{
		"Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czechia", "Denmark", "Estonia", "Finland", "France",
		"Germany", "Greece", "Hungary", "Ireland", "Italy", "Latvia", "Lithuania", "Luxembourg", "Malta", "Netherlands",
		"Poland", "Portugal", "Romania", "Slovakia", "Slovenia", "Spain", "Sweden",
	}
	middleEast = []string{
		"Bahrain", "Iran", "Iraq", "Israel", "Jordan", "Kuwait", "Lebanon", "Oman", "Palestine", "Qatar",
		"Saudi Arabia", "Syria", "Türkiye", "United Arab Emirates", "Yemen",
	}
	northAfrica = []string{"Algeria", "Egypt", "Libya", "Morocco", "Sudan", "Tunisia"}
	subSaharan  = []string{
		"Angola", "Benin", "Botswana", "Burkina Faso", "Burundi", "Cabo Verde", "Cameroon",
		"Central African Republic", "Chad", "Comoros", "Côte d'Ivoire", "Democratic Republic of the Congo", "Djibouti",
		"Equatorial Guinea", "Eritrea", "Eswatini", "Ethiopia", "Gabon", "Gambia", "Ghana", "Guinea",
		"Guinea-Bissau", "Kenya", "Lesotho", "Liberia", "Madagascar", "Malawi", "Mali", "Mauritania",
		"Mauritius", "Mozambique", "Namibia", "Niger", "Nigeria", "Republic of the Congo", "Rwanda",
		"São Tomé and Príncipe", "Senegal", "Seychelles", "Sierra Leone", "Somalia", "South Africa", "South Sudan",
		"Tanzania", "Togo", "Uganda", "Zambia", "Zimbabwe",
	}
)

// regions maps each region of jobs.Locations to its countries. EMEA maps
// to nil: the whole catalog is EMEA, including postings whose country is
// unknown.
var regions = map[string][]string{
	"EMEA":               nil,
	"Europe":             europe,
	"European Union":     europeanUnion,
	"Middle East":        middleEast,
	"Africa":             append(append([]string(nil), northAfrica...), subSaharan...),
	"North Africa":       northAfrica,
	"Sub-Saharan Africa": subSaharan,
}

// countriesFor is the country filter of a canonical location: nil for
// anywhere (or EMEA), the region's countries, or the country itself.
func countriesFor(location string) []string {
	if location == "" {
		return nil
	}
	if cs, ok := regions[location]; ok {
		return cs
	}
	return []string{location}
}

// displayFixes maps CLDR English region names that jobs.CanonicalLocation
// does not know to the names it does.
var displayFixes = map[string]string{
	"Congo - Kinshasa":        "Democratic Republic of the Congo",
	"Congo - Brazzaville":     "Republic of the Congo",
	"São Tomé & Príncipe":     "São Tomé and Príncipe",
	"Palestinian Territories": "Palestine",
	"Bosnia & Herzegovina":    "Bosnia and Herzegovina",
}

// countryOf finds a posting's country: a comma-separated part of its
// location naming a country ("Munich, Bavaria, Germany"), else the country
// subdomain of a LinkedIn link ("de.linkedin.com"), else "".
func countryOf(location, link string) string {
	parts := strings.Split(location, ",")
	for i := len(parts) - 1; i >= 0; i-- {
		if c := asCountry(parts[i]); c != "" {
			return c
		}
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	sub, ok := strings.CutSuffix(host, ".linkedin.com")
	if !ok || len(sub) != 2 {
		return ""
	}
	r, err := language.ParseRegion(sub)
	if err != nil || !r.IsCountry() {
		return ""
	}
	name := display.English.Regions().Name(r)
	if fixed, ok := displayFixes[name]; ok {
		name = fixed
	}
	return asCountry(name)
}

// asCountry is s's canonical country name, or "" when s is not a country
// of jobs.Locations (regions do not count).
func asCountry(s string) string {
	c, err := jobs.CanonicalLocation(s)
	if err != nil || c == "" {
		return ""
	}
	if _, region := regions[c]; region {
		return ""
	}
	return c
}
