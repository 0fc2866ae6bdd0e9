package cvparse

import (
	"regexp"
	"strings"
)

// reLinkLine is a web address or an e-mail address alone, with a label
// before it or none ("https://github.com/jroe", "Portfolio: jroe.dev/work",
// "www.jroe.net"): an address, where a skill's name ("Socket.IO",
// "Node.js") has no scheme, no "www." and no path.
var reLinkLine = regexp.MustCompile(`(?i)^(?:[\p{L} ]{1,20}[:：]\s*)?(?:https?://\S+|www\.\S+|[a-z0-9\-]+(?:\.[a-z0-9\-]+)+/\S*|[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,})$`)

// linkLine says whether a line of a skills list is a link, no skill: a
// list of links set under a heading read as skills, or one link among
// the skills.
func linkLine(t string) bool { return reLinkLine.MatchString(strings.TrimSpace(t)) }
