package cvparse

import (
	"slices"
	"strings"
	"testing"
)

// "Niveau moyen", "niveau correct" after a language's colon are its level,
// not part of its name.
func TestNiveauLevels(t *testing.T) {
	c := ParseText("Aïssatou Barry\naissatou@exemple.gn\n\nLANGUES\nFrançais :\tcourant\nAnglais :\tniveau moyen\nPortugais :\tniveau correct\n")
	for _, want := range []string{"Anglais", "Portugais"} {
		found := slices.ContainsFunc(c.Skills.Languages, func(l string) bool {
			name, _, _ := strings.Cut(l, " (")
			return name == want
		})
		if !found {
			t.Errorf("languages %q, want %q with its level apart", c.Skills.Languages, want)
		}
	}
}
