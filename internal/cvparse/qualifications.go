package cvparse

import (
	"strings"
	"unicode"
)

// National school-leaving, college and vocational qualifications, and the
// schools that award them, that CVs write as acronyms: Québec's DEC, DEP
// and AEC, Malaysia's SPM and STPM, the Caribbean's CSEC and CAPE, East
// and West Africa's KCSE and NECO, Hong Kong's HKDSE, the British NVQ,
// HNC and BTEC, Australia's and New Zealand's VCE, QCE and NCEA, the
// American GED, Belgium's CESS (its upper secondary certificate), the
// Swiss CAS, DAS and MAS (further-education certificates and master's) and
// CFC (the apprenticeship's federal certificate). Several
// spell a common word ("Dec 2019", "Cape Town"), so they count only as
// written in capitals.
var (
	degreeAcronyms = wordSet(`DEC DEP AEC SPM STPM CSEC CAPE CXC KCSE KCPE NECO GCE HKDSE HKCEE NVQ SVQ HNC BTEC GED VCE QCE
		WACE SACE NCEA BEPC CESS
		CAS DAS MAS CFC`)
	// SMK, SMA: Malaysian and Indonesian secondary schools ("SMK Taman
	// Jaya"); TAFE: Australia's technical colleges ("TAFE NSW"); IES and
	// CIFP: Spain's secondary schools and vocational training centres
	// ("IES Ramon Llull"); CFA: France's apprentice training centres.
	schoolAcronyms = wordSet(`SMK SMJK SMA TAFE IES CIFP CFA`)
)

// countCapitals counts the words of s written in capitals that set holds
// ("NVQs" counts as NVQ).
func countCapitals(s string, set map[string]bool) int {
	n := 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		w = strings.TrimSuffix(w, "s")
		if len(w) > 1 && strings.ToUpper(w) == w && set[strings.ToLower(w)] {
			n++
		}
	}
	return n
}
