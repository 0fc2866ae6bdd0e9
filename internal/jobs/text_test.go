package jobs

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestText(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain text stays", "Go developer\n\n  wanted   now ", "Go developer\n\nwanted now"},
		{"entities decoded", "<p>R&amp;D &ndash; C&#43;&#43; &nbsp;and&nbsp;Go</p>", "R&D – C++ and Go"},
		{"blocks never run together",
			"<p>Build data pipelines</p><p>Automating reports</p>",
			"Build data pipelines\n\nAutomating reports"},
		{"headings and lists",
			"<h2>Requirements</h2><ul><li>5 years of <strong>Go</strong></li><li>SQL</li></ul><h3>Nice to have</h3><ol><li>Rust</li><li>Kafka</li></ol>",
			"Requirements\n\n- 5 years of Go\n- SQL\n\nNice to have\n\n1. Rust\n2. Kafka"},
		{"br splits lines", "<strong>About us</strong><br>We build banks.<br/>Since 2010.", "About us\nWe build banks.\nSince 2010."},
		{"scripts dropped", "<p>Hi</p><script>alert(1)</script><style>p{}</style><p>there</p>", "Hi\n\nthere"},
		{"divs", "<div>One</div><div>Two <span>three</span></div>", "One\n\nTwo three"},
		{"empty", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if diff := cmp.Diff(c.want, Text(c.in)); diff != "" {
				t.Errorf("Text(%q) (-want +got):\n%s", c.in, diff)
			}
		})
	}
}
