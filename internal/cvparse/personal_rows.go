package cvparse

import (
	"regexp"
	"strings"
)

// rePersonalLabel is the label of a personal-details row that is no
// contact data: gender, nationality, birth, civil status, identity and
// tax numbers, languages, licences. Its value may look like contact data
// ("Gender: Male" names Malé, "Identity Number: 900312 5487 08 3" reads
// as a phone, "Place of birth: Kumasi" is a place), and is none: it stays
// a personal detail; so is the state or local government a Nigerian
// comes from ("State of Origin: Ogun State"). In a form's cell the label
// may stand without its colon ("National ID No.<tab>29874153").
var rePersonalLabel = regexp.MustCompile(`(?i)^\s*(?:gender|sex|sexe|genre|nationality|nationalit[ée]|citizenship|` +
	`marital\s+status|civil\s+status|[ée]tat\s+civil|situation\s+(?:familiale|matrimoniale)|` +
	`state\s+of\s+origin|local\s+government(?:\s+area)?(?:\s+of\s+origin)?|l\.?g\.?a\.?(?:\s+of\s+origin)?|date\s+of\s+birth|d\.?o\.?b\.?|date\s+de\s+naissance|n[ée]e?\s+le|place\s+of\s+birth|lieu\s+de\s+naissance|age|[âa]ge|religion|health|` +
	`(?:national\s+)?id(?:entity)?(?:\s+card)?\s*(?:number|no\.?|n[°o]\.?|#)?|national\s+id|passport\s*(?:number|no\.?|n[°o]\.?)?|` +
	`(?:nin|cnic|nric|nic|cin|cni|pan|aadhaar|ssn|tin|bvn)(?:\s*(?:number|no\.?|n[°o]\.?|#))?|social\s+security\s*(?:number|no\.?)?|` +
	`n[°o]\s*(?:cin|cni)|num[ée]ro\s+(?:cin|cni|de\s+s[ée]curit[ée]\s+sociale)|` +
	`home\s+language|mother\s+tongue|driver'?s\s+licen[cs]e|driving\s+licen[cs]e|height|weight|blood\s+group|` +
	`father'?s\s+name|mother'?s\s+name|spouse(?:'s\s+name)?|number\s+of\s+children|dependants)\s*(?:[:：]|$)`)

// personalRow says whether a contact part is a personal detail's label
// with its value ("Gender: Male"), or the label alone, its value in the
// next part ("Gender:" / "Male").
func personalRow(p string) (labelOnly, ok bool) {
	loc := rePersonalLabel.FindStringIndex(p)
	if loc == nil {
		return false, false
	}
	return strings.TrimSpace(p[loc[1]:]) == "", true
}

// personalFormRow says whether lines[i], a row whose label cell is also
// a section heading ("Other Languages:<tab>English, Afrikaans",
// "Languages:<tab>…"), is one more row of a personal-details form: the
// section open is the personal details, the row's label closes at its
// colon, and the row after it is another such labelled row. A form lists
// the languages among birth, licence and address; the rows after it are
// still the person's details, not languages.
func personalFormRow(open sectionKind, lines []line, i int) bool {
	if open != secContact || !colonLabelled(lines[i].text) || i+1 >= len(lines) {
		return false
	}
	next := lines[i+1].text
	if !colonLabelled(next) || !strings.Contains(next, "\t") {
		return false
	}
	label, _, _ := strings.Cut(next, "\t")
	_, heading := headingKind(label)
	return !heading
}
