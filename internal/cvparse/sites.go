package cvparse

import "strings"

// siteWords name, in lower case after the employer's comma, the shop,
// agency or site where the job was ("Carrefour, magasin de Part-Dieu",
// "Banque Atlas, agence Plateau", "CHU de Rouen, site de Bois-Guillaume"):
// the name after them is a place, not part of the employer's. A local
// chapter ("antenne de …") or a unit with a name of its own ("Agence
// Aéronautique & Défense") stays with the employer.
var siteWords = wordSet(`agence magasin boutique site succursale store shop`)

// cutSite splits "Employer, magasin de Place" at its last comma when the
// tail is a site word in lower case and a place's name.
func cutSite(s string) (name, place string, ok bool) {
	head, tail, found := cutLastComma(s)
	if !found {
		return s, "", false
	}
	ws := strings.Fields(tail)
	if len(ws) < 2 || !siteWords[ws[0]] || head == "" {
		return s, "", false
	}
	rest := strings.Join(ws[1:], " ")
	for _, of := range []string{"de la ", "de l'", "de l’", "des ", "du ", "de ", "d'", "d’"} {
		if after, found := strings.CutPrefix(rest, of); found {
			rest = after
			break
		}
	}
	if !townShaped(rest) && !isLocation(rest) {
		return s, "", false
	}
	return head, rest, true
}

// cutDistrict splits "Employer, District" when the employer's line
// goes on to a place after another comma ("Lesieur Cristal, Aïn Sebaâ,
// Casablanca", "Supermarché Horizon, Avenue Lumumba, Kinshasa"): a
// town-shaped name between the employer's and the place is the place's
// district or street (a unit of the employer, "Asset Management", has a
// word of what it does, which townShaped refuses; so does the body a
// department answers to).
func cutDistrict(company, place string) (name, district string, ok bool) {
	if !isLocation(place) {
		return company, "", false
	}
	name, district = cutTown(company)
	if district == "" || countIn(district, publicBodyWords) > 0 {
		return company, "", false
	}
	return name, district, true
}

// publicBodyWords name the body a public department answers to
// ("Public Works Department, Government of Kerala, Kochi", "Direction
// des finances, Ville de Grenoble, Grenoble"): part of the employer,
// never a district.
var publicBodyWords = wordSet(`government gouvernement council conseil commission ville mairie municipalité municipality commune`)
