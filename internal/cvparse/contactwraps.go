package cvparse

import (
	"regexp"
	"strings"
)

// An address cut where it ran into a narrow column's edge, mid-word
// ("adaeze.okonkwo@proton.m" / "e", "j.mensah@gmai" / "l.com"): a browser
// breaks a word too long for its box anywhere. The line ends on an
// address whose domain has no top-level part of two letters or more, and
// the next line is a single lower-case fragment that gives it one.
var (
	reCutEmail   = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]*$`)
	reEmailTail  = regexp.MustCompile(`^[a-z0-9.\-]{1,24}$`)
	reWholeEmail = regexp.MustCompile(`^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$`)
)

// A profile's address cut before a hyphen of its handle
// ("linkedin.com/in/adaeze-okonkwo" / "-bello"): the next line is one
// fragment opening with the hyphen or underscore, which no word or list
// item opens with.
var (
	reProfileEnd = regexp.MustCompile(`(?i)(?:^|\s)(?:https?://)?(?:www\.)?[a-z0-9.\-]+\.[a-z]{2,}/[^\s]*[A-Za-z0-9]$`)
	reHandleTail = regexp.MustCompile(`^[-_][A-Za-z0-9][A-Za-z0-9\-_]{0,30}$`)
)

// joinCutEmails joins the two halves of a cut e-mail or profile address.
func joinCutEmails(lines []line) []line {
	out := make([]line, 0, len(lines))
	for _, l := range lines {
		if n := len(out); n > 0 && l.page == out[n-1].page {
			p := strings.TrimRight(out[n-1].text, " ")
			cut := reCutEmail.FindString(p)
			tail := strings.TrimSpace(l.text)
			if cut != "" && !reWholeEmail.MatchString(cut) && reEmailTail.MatchString(tail) && reWholeEmail.MatchString(cut+tail) ||
				reProfileEnd.MatchString(p) && reHandleTail.MatchString(tail) {
				out[n-1].text = p + tail
				continue
			}
		}
		out = append(out, l)
	}
	return out
}
