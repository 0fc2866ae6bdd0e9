package extract

import "testing"

// A letter and the accent drawn over it come out as one character, the
// dotless ı or ȷ under an accent as the plain letter's.
func TestComposeAccents(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Mari\u0301a Lui\u0301sa", "María Luísa"},
		{"Ana Lu\u0131\u0301sa Ferreira", "Ana Luísa Ferreira"},
		{"Cai\u0308d \u0131\u0302le", "Caïd île"},
		{"se\u0301jour", "séjour"},
		{"Istanbul \u0131rmak", "Istanbul \u0131rmak"}, // a Turkish dotless ı stays
		{"plain text", "plain text"},
	}
	for _, tc := range cases {
		if got := cleanLine(tc.in); got != tc.want {
			t.Errorf("cleanLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
