package jobs

import (
	"strings"
	"testing"
)

func TestSanitize(t *testing.T) {
	s := NewSanitizer()
	in := `<p onclick="x()">Hello <strong>world</strong></p>
<script>steal(document.cookie)</script><style>body{display:none}</style>
<img src="https://px.ads.linkedin.com/collect/?pid=1&fmt=gif" width="1" height="1">
<iframe src="https://evil.example"></iframe><form action="/x"><input name="p"></form>
<a href="javascript:alert(1)">bad</a>
<a href="https://example.com/jobs?utm_source=li&amp;utm_medium=x&amp;id=7&amp;trk=abc">apply</a>
<ul><li>Go</li><li>SQL</li></ul>`
	out := s.Sanitize(in)
	for _, bad := range []string{"<script", "steal", "<style", "<img", "px.ads", "<iframe", "<form", "<input", "javascript:", "onclick", "utm_", "trk="} {
		if strings.Contains(out, bad) {
			t.Errorf("sanitised output keeps %q:\n%s", bad, out)
		}
	}
	for _, good := range []string{"<strong>world</strong>", "<li>Go</li>", `href="https://example.com/jobs?id=7"`, `rel="nofollow noreferrer noopener"`} {
		if !strings.Contains(out, good) {
			t.Errorf("sanitised output lost %q:\n%s", good, out)
		}
	}
}

func TestCleanURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://de.linkedin.com/jobs/view/x-1?position=1&pageNum=0&refId=a&trackingId=b&trk=c": "https://de.linkedin.com/jobs/view/x-1",
		"javascript:alert(1)":                     "",
		"https://a.example/p?q=go&utm_campaign=x": "https://a.example/p?q=go",
		"::not a url":                             "",
	} {
		if got := CleanURL(in); got != want {
			t.Errorf("CleanURL(%q) = %q, want %q", in, got, want)
		}
	}
}
