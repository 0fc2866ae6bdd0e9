package latex_test

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/utopiahire/utopiahire/internal/latex"
)

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{`\`, `\textbackslash{}`},
		{`{}`, `\{\}`},
		{`$ & # _ %`, `\$ \& \# \_ \%`},
		{`^~`, `\textasciicircum{}\textasciitilde{}`},
		{`[opt]`, `{[}opt{]}`},
		{`\input{/etc/passwd}`, `\textbackslash{}input\{/etc/passwd\}`},
		{`\write18{rm -rf ~}`, `\textbackslash{}write18\{rm -rf \textasciitilde{}\}`},
		{"\\catcode`\\^=12", "\\textbackslash{}catcode`\\textbackslash{}\\textasciicircum{}=12"},
		{`^^5c^^7b`, `\textasciicircum{}\textasciicircum{}5c\textasciicircum{}\textasciicircum{}7b`},
		{"a\nb\r\n\n c", "a b c"},
		{"tab\there", "tab here"},
		{"nul\x00bell\x07esc\x1b del\x7f", "nulbellesc del"},
		{"\u202eevil\u202c", "evil"},
		{"caf\xe9", "caf"},
		{"Café — “ok” 東京", "Café — “ok” 東京"},
		{"e\u0301", "é"}, // NFC
		{"  ", ""},
	}
	for _, tt := range tests {
		if got := latex.Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := latex.EscapeLines("\n\nfirst\n\n\nsecond\n"); got != `first\newline second` {
		t.Errorf("EscapeLines = %q", got)
	}
}

// ourCommands are the only control sequences Escape may emit.
var ourCommands = regexp.MustCompile(`\\(?:textbackslash\{\}|textasciicircum\{\}|textasciitilde\{\}|newline |[{}$&#_%])`)

// FuzzEscape checks that no input yields TeX that could do anything but
// print: after removing the sequences Escape emits, no special character,
// control character or unbalanced bracket is left.
func FuzzEscape(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, out := range []string{latex.Escape(s), latex.EscapeLines(s)} {
			rest := ourCommands.ReplaceAllString(out, "")
			rest = strings.ReplaceAll(strings.ReplaceAll(rest, "{[}", ""), "{]}", "")
			if i := strings.IndexAny(rest, "\\{}$&#^_%~[]"); i >= 0 {
				t.Fatalf("Escape(%q) = %q leaves %q", s, out, rest[i:])
			}
			for _, r := range out {
				if unicode.IsControl(r) {
					t.Fatalf("Escape(%q) = %q keeps control character %U", s, out, r)
				}
			}
			if strings.HasPrefix(out, `\newline`) || strings.HasSuffix(out, `\newline `) {
				t.Fatalf("EscapeLines(%q) = %q starts or ends with a break", s, out)
			}
		}
	})
}
