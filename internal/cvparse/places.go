package cvparse

import (
	_ "embed"
	"regexp"
	"strings"
	"sync"

	"github.com/utopiahire/utopiahire/internal/text"
)

// gazetteerText lists the world's towns of 15,000 inhabitants or more,
// countries and first-level regions (placesgen writes it from GeoNames,
// i18n-iso-countries and iso-codes): a place is recognised by what it is,
// not by whether a hand-written list happened to name it.
//
//go:embed places.txt
var gazetteerText string

// placeKind says what a name is a name of; one name can be several
// ("Dubai" is a city and an emirate).
type placeKind uint8

const (
	placeCity placeKind = 1 << iota
	placeRegion
	placeCountry
	// placeWorkMode: "Remote", "Hybrid" stand where a place would.
	placeWorkMode
)

// morePlaces are names the sources above do not spell the way CVs do:
// abbreviations, French exonyms of large cities, and work modes.
var morePlaces = map[placeKind]string{
	placeCountry: `usa us u.s. u.s.a. uk u.k. uae ksa england scotland wales northern_ireland états-unis etats-unis
		emirats_arabes_unis rd_congo rdc r.d.c. drc`,
	placeCity: `londres le_caire lisbonne bruxelles genève anvers la_haye varsovie vienne pékin moscou alger
		le_cap séville barcelone venise gênes naples turin copenhague athènes édimbourg francfort cologne
		munich nouvelle-york new-york la_nouvelle-orléans québec sophia_antipolis la_défense tunis_lac
		les_berges_du_lac münchen nürnberg nuremberg köln antwerp antwerpen firenze venezia milano roma napoli
		torino genova lisboa sevilla göteborg gothenburg marrakech marrakesh bangalore bombay calcutta madras
		saigon nyc sf la_marsa tanger fès fez meknès tétouan washington_d.c. washington_dc`,
	placeRegion: `bay_area silicon_valley greater_london greater_manchester grand_tunis catalonia cataluña flanders
		wallonia brittany normandy tuscany lombardy andalusia europe africa asia middle_east mena emea apac latam
		north_america south_america worldwide anywhere`,
	placeWorkMode: `remote hybrid hybride télétravail teletravail remote-first full_remote fully_remote on-site onsite
		on_site sur_site à_distance en_remote distanciel work_from_home online en_ligne e-learning`,
}

// gazetteer is read on first use (about 50 ms), not when a binary that
// imports the package starts.
var gazetteer = sync.OnceValue(loadGazetteer)

func loadGazetteer() map[string]placeKind {
	m := make(map[string]placeKind, 30000)
	kinds := map[string]placeKind{"city": placeCity, "region": placeRegion, "country": placeCountry}
	for _, l := range strings.Split(gazetteerText, "\n") {
		ks, name, ok := strings.Cut(l, "\t")
		if !ok || strings.HasPrefix(l, "#") {
			continue
		}
		var k placeKind
		for _, s := range strings.Split(ks, ",") {
			k |= kinds[s]
		}
		key := fold(name)
		// A word the parser reads as something else is not a place
		// ("University" in Florida, "Spring" in Texas, "Berber").
		if k&placeCountry == 0 && ownWord(key) {
			continue
		}
		m[key] |= k
		// "Århus" is written "Aarhus" as often: Danish and Norwegian
		// spell "å" as "aa" in Latin letters.
		if strings.ContainsAny(name, "Åå") {
			m[fold(strings.NewReplacer("Å", "Aa", "å", "aa").Replace(name))] |= k
		}
	}
	for k, names := range morePlaces {
		for _, n := range strings.Fields(names) {
			m[fold(strings.ReplaceAll(n, "_", " "))] |= k
		}
	}
	delete(m, "")
	return m
}

func ownWord(w string) bool {
	for _, set := range []map[string]bool{titleWords, orgSuffixes, degreeWords, institutionWords, spokenLanguages,
		toolWords, softWords, functionWords} {
		if set[w] {
			return true
		}
	}
	_, heading := text.Heading(w)
	return heading
}

// placeOf says what s names, or 0 when it is no place we know.
func placeOf(s string) placeKind {
	s = strings.TrimSpace(s)
	if k := gazetteer()[fold(s)]; k != 0 {
		return k
	}
	// "U.A.E.", "K.S.A.": a country's initials written with dots.
	if reDottedInitials.MatchString(s) {
		return gazetteer()[fold(strings.ReplaceAll(s, ".", ""))]
	}
	// "Osun State", "Punjab Province": a region named with its kind, as
	// Nigerian, Indian or Chinese addresses write it.
	if m := reRegionKind.FindStringSubmatch(s); m != nil && gazetteer()[fold(m[1])]&placeRegion != 0 {
		return placeRegion
	}
	return 0
}

var reRegionKind = regexp.MustCompile(`^(\p{Lu}.*?)\s+(?:State|Province)$`)

var reDottedInitials = regexp.MustCompile(`^(?:\p{Lu}\.){2,4}$`)

// isWorkMode: "Remote", "Hybrid", "Télétravail".
func isWorkMode(s string) bool { return placeOf(s)&placeWorkMode != 0 }
