package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/utopiahire/utopiahire/internal/extract"
)

// A bold line, long as a sentence, over a line that opens on dates heads
// the next job when the job above has a bold head and a plain body (its
// list items): it is no more of that job's description.
func TestBoldHeadOverDatesLine(t *testing.T) {
	type job struct{ Title, Start string }
	for _, tc := range []struct {
		name string
		rows [][2]string // text, then "h" heading, "b" bold or "•" a list item
		want []job
	}{
		{"fr", [][2]string{
			{"Expérience professionnelle", "h"},
			{"Infirmière – Soins intensifs, Hôpital de Kestrel, Genève", "b"},
			{"04.2020 – aujourd'hui", ""},
			{"Surveillance des patients ventilés et gestion des perfusions.", "•"},
			{"Infirmière – Chirurgie viscérale, Clinique des Marronniers de la Broye, Payerne", "b"},
			{"10.2016 – 03.2020", ""},
			{"Soins pré- et post-opératoires, éducation des patients.", "•"},
		}, []job{{"Infirmière", "04.2020"}, {"Infirmière", "10.2016"}}},
		{"en", [][2]string{
			{"Experience", "h"},
			{"Site Engineer – Drainage, Kestrel Civil Works Ltd, Leeds", "b"},
			{"03/2021 – present", ""},
			{"Set out drainage runs and checked the subcontractors' work.", "•"},
			{"Graduate Engineer – Highways Design, Harbour Infrastructure Partners Limited, Bradford", "b"},
			{"09/2018 – 02/2021", ""},
			{"Drew junction layouts and ran swept-path checks.", "•"},
		}, []job{{"Site Engineer", "03/2021"}, {"Graduate Engineer", "09/2018"}}},
	} {
		d := extract.Document{Lines: []extract.Line{{Text: "Claire Roux", Size: 18}, {Text: "claire@example.com", Size: 10}}}
		for _, r := range tc.rows {
			d.Lines = append(d.Lines, extract.Line{Text: r[0], Bold: r[1] == "b", Heading: r[1] == "h", Bullet: r[1] == "•", Size: 10})
		}
		c := Parse(d)
		var got []job
		for _, x := range c.Experience {
			got = append(got, job{x.Title, x.StartDate})
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s: jobs (-want +got):\n%s", tc.name, diff)
		}
	}
}
