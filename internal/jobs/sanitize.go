package jobs

import (
	"net/url"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Sanitizer cleans job descriptions from job boards: formatting survives;
// scripts, styles, images (tracking pixels), forms, event handlers and
// tracking parameters on links do not. Safe for concurrent use.
type Sanitizer struct {
	policy *bluemonday.Policy
}

// NewSanitizer returns the description sanitizer.
func NewSanitizer() *Sanitizer {
	p := bluemonday.NewPolicy()
	p.AllowElements("p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "u", "h1", "h2", "h3", "h4", "h5", "h6",
		"blockquote", "code", "pre", "span", "div", "hr")
	p.AllowAttrs("href").OnElements("a")
	p.AllowURLSchemes("http", "https", "mailto")
	p.RequireParseableURLs(true)
	p.RequireNoFollowOnLinks(true)
	p.RequireNoReferrerOnLinks(true)
	p.AddTargetBlankToFullyQualifiedLinks(true)
	return &Sanitizer{policy: p}
}

// trackingParams are query parameters that only serve tracking.
var trackingParams = []string{"utm_", "trk", "trackingid", "refid", "fbclid", "gclid", "mc_eid", "mc_cid", "_hsenc", "_hsmi", "position", "pagenum"}

// CleanURL drops tracking parameters from u; an unparseable URL or one with
// a non-web scheme becomes "".
func CleanURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https" && p.Scheme != "mailto") {
		return ""
	}
	q := p.Query()
	for k := range q {
		lk := strings.ToLower(k)
		for _, t := range trackingParams {
			if strings.HasPrefix(lk, t) {
				q.Del(k)
				break
			}
		}
	}
	p.RawQuery = q.Encode()
	return p.String()
}

// Sanitize returns safe HTML for a job description fragment.
func (s *Sanitizer) Sanitize(fragment string) string {
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err == nil {
		var b strings.Builder
		for _, n := range nodes {
			stripTracking(n)
			if html.Render(&b, n) != nil {
				b.Reset()
				break
			}
		}
		if b.Len() > 0 {
			fragment = b.String()
		}
	}
	return strings.TrimSpace(s.policy.Sanitize(fragment))
}

func stripTracking(n *html.Node) {
	if n.Type == html.ElementNode && n.Data == "a" {
		for i, a := range n.Attr {
			if a.Key == "href" {
				n.Attr[i].Val = CleanURL(a.Val)
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		stripTracking(c)
	}
}
