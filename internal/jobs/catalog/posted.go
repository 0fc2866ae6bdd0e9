package catalog

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// relativeDate matches what job boards show: "3 hours ago", "an hour ago",
// "1 week ago", and the French "il y a 3 jours".
var (
	relativeEN = regexp.MustCompile(`^(\d{1,4}|a|an|one)\s+(second|minute|hour|day|week|month|year)s?\s+ago$`)
	relativeFR = regexp.MustCompile(`^il\s+y\s+a\s+(\d{1,4}|une?)\s+(seconde|minute|heure|jour|semaine|mois|an|année)s?$`)
)

var unitEN = map[string]time.Duration{
	"second": time.Second, "minute": time.Minute, "hour": time.Hour, "day": 24 * time.Hour,
	"week": 7 * 24 * time.Hour, "month": 30 * 24 * time.Hour, "year": 365 * 24 * time.Hour,
}

var unitFR = map[string]string{
	"seconde": "second", "minute": "minute", "heure": "hour", "jour": "day", "semaine": "week",
	"mois": "month", "an": "year", "année": "year",
}

// postedAt turns a posting date as a job board shows it into a time,
// relative dates counted back from fetched. It returns nil when the text is
// not a date it knows.
func postedAt(text string, fetched time.Time) *time.Time {
	s := strings.ToLower(strings.Join(strings.Fields(text), " "))
	switch s {
	case "":
		return nil
	case "just now", "today", "à l'instant", "aujourd'hui":
		return &fetched
	case "yesterday", "hier":
		t := fetched.Add(-24 * time.Hour)
		return &t
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			t = t.UTC()
			return &t
		}
	}
	count, unit := "", ""
	if m := relativeEN.FindStringSubmatch(s); m != nil {
		count, unit = m[1], m[2]
	} else if m := relativeFR.FindStringSubmatch(s); m != nil {
		count, unit = m[1], unitFR[m[2]]
	} else {
		return nil
	}
	n, err := strconv.Atoi(count)
	if err != nil {
		n = 1 // a, an, one, un, une
	}
	t := fetched.Add(-time.Duration(n) * unitEN[unit])
	return &t
}
