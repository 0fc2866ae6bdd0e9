package cvparse

import "testing"

// A rating is a score out of a round scale ("4/5", "15/20"); numbers
// joined by a slash over another scale are versions or standards, part of
// the skill's name ("IFRS 15/16").
func TestVariationRatingScale(t *testing.T) {
	skillCases(t, []struct {
		name, section string
		want          []string
	}{
		{"standards joined by a slash", "Skills\nAccounting: IAS 36/38, VAT, payroll", []string{"ias 36/38", "vat", "payroll"}},
		{"rating out of five", "Skills\nPython 4/5, SQL 3/5", []string{"python", "sql"}},
		{"note sur vingt", "Compétences\nExcel 16/20, Sage 12/20", []string{"excel", "sage"}},
	})
}

// How well a language is read, written and spoken: "lu, écrit", "parlé",
// "read and spoken" are levels, the commas inside them the level's own.
func TestVariationLanguageSkillsLevel(t *testing.T) {
	skillCases(t, []struct {
		name, section string
		want          []string
	}{
		{"lu, écrit after a colon", "Langues\nFrançais : langue maternelle\nEspagnol : lu, écrit\nBassa : parlé", []string{"français", "espagnol", "bassa"}},
		{"lu et parlé", "Langues\nPortugais : lu et parlé\nAnglais : courant", []string{"portugais", "anglais"}},
		{"read and spoken", "Languages\nEnglish: native\nTwi: spoken\nGerman: read, written", []string{"english", "twi", "german"}},
	})
}
