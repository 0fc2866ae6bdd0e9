package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A second job title after the title's dash ("Stagiaire – Assistante
// comptable") is part of the title when the employer heads the next line,
// named or not by an organisation's word.
func TestTitleAfterTitle(t *testing.T) {
	body := "EXPERIENCE\nJan 2020 - Present\nAccountant\nDelta Foods Ltd — Accra\n• Month-end closing\n" +
		"Mar 2018 - Aug 2018\nIntern - Junior Accountant\nEcobank Transnational Inc.\n• Bank reconciliations\n" +
		"Mar 2017 - Aug 2017\nStagiaire - Assistante comptable\nPort Autonome de Lomé\n• Saisie des factures\n"
	c := ParseText("Jane Roe\njane@example.com\n\n" + body)
	var got [][2]string
	for _, x := range c.Experience {
		got = append(got, [2]string{x.Title, x.Company})
	}
	want := [][2]string{
		{"Accountant", "Delta Foods Ltd"},
		{"Intern - Junior Accountant", "Ecobank Transnational Inc."},
		{"Stagiaire - Assistante comptable", "Port Autonome de Lomé"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("title, company (-want +got):\n%s", diff)
	}
}
