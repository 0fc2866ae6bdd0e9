package cv

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/utopiahire/utopiahire/internal/text"
)

// Date is a CV date: a year with an optional month, or "present".
type Date struct {
	Year  int
	Month int // 1–12, or 0 when the CV gives only the year
	Day   int // 1–31, or 0 when the CV gives no day (the usual case)
	// Present marks an ongoing position ("Present", "aujourd'hui", …).
	Present bool
}

// ISO formats d to the precision the CV gives: "2021-03-15", "2021-03",
// "2021", or "" for present.
func (d Date) ISO() string {
	switch {
	case d.Present || d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Months counts months since year 0, for differences between dates. A
// missing month counts as January; a present date is now.
func (d Date) Months(now time.Time) int {
	if d.Present {
		return now.Year()*12 + int(now.Month()) - 1
	}
	m := d.Month
	if m == 0 {
		m = 1
	}
	return d.Year*12 + m - 1
}

// presentWords are the ways a CV says a position is ongoing, accents removed.
func presentWords() []string {
	return []string{
		"present", "current", "currently", "now", "today", "ongoing", "to date", "till date",
		"aujourd'hui", "aujourd hui", "aujourdhui", "a ce jour", "actuel", "actuellement",
		"en cours", "maintenant", "a present", "ce jour",
	}
}

// ParseDate reads the date formats CVs use: "Jan 2023", "janvier 2023",
// "Sept. 2021", "2021", "09/2020", "2020-09", "2020-09-15", "15/09/2020",
// and "Present" / "aujourd'hui". ok is false when s is not one of them.
func ParseDate(s string) (d Date, ok bool) {
	f := strings.TrimSpace(text.Fold(s))
	f = strings.Trim(f, ".,;()")
	if f == "" || len(f) > 40 {
		return Date{}, false
	}
	for _, w := range presentWords() {
		if f == w {
			return Date{Present: true}, true
		}
	}
	fields := strings.FieldsFunc(f, func(r rune) bool { return r == ' ' || r == '/' || r == '-' || r == '.' || r == ',' })
	switch len(fields) {
	case 1:
		return yearOnly(fields[0])
	case 2:
		return monthYear(fields[0], fields[1])
	case 3:
		return fullDate(fields)
	}
	return Date{}, false
}

func yearOnly(s string) (Date, bool) {
	y, ok := year(s)
	return Date{Year: y}, ok
}

func year(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1900 || y > 2100 {
		return 0, false
	}
	return y, true
}

func month(s string) (int, bool) {
	if m, ok := text.Month(s); ok {
		return m, true
	}
	if len(s) > 2 {
		return 0, false
	}
	m, err := strconv.Atoi(s)
	if err != nil || m < 1 || m > 12 {
		return 0, false
	}
	return m, true
}

// monthYear reads "jan 2023", "09 2020" (from 09/2020) and "2020 09".
func monthYear(a, b string) (Date, bool) {
	if y, ok := year(b); ok {
		if m, ok := month(a); ok {
			return Date{Year: y, Month: m}, true
		}
		return Date{}, false
	}
	if y, ok := year(a); ok {
		if m, ok := month(b); ok {
			return Date{Year: y, Month: m}, true
		}
	}
	return Date{}, false
}

// fullDate reads yyyy-mm-dd, dd/mm/yyyy, mm/dd/yyyy (when the day is above
// 12 it is unambiguous; otherwise day-first, as in most of the world) and
// "15 sept 2021".
func fullDate(f []string) (Date, bool) {
	if y, ok := year(f[0]); ok {
		if m, ok := month(f[1]); ok && isDay(f[2]) {
			return Date{Year: y, Month: m, Day: atoi(f[2])}, true
		}
		return Date{}, false
	}
	y, ok := year(f[2])
	if !ok {
		return Date{}, false
	}
	if m, named := text.Month(f[1]); named && isDay(f[0]) {
		return Date{Year: y, Month: m, Day: atoi(f[0])}, true
	}
	a, errA := strconv.Atoi(f[0])
	b, errB := strconv.Atoi(f[1])
	if errA != nil || errB != nil {
		return Date{}, false
	}
	switch {
	case a >= 1 && a <= 31 && b >= 1 && b <= 12:
		return Date{Year: y, Month: b, Day: a}, true
	case a >= 1 && a <= 12 && b >= 13 && b <= 31:
		return Date{Year: y, Month: a, Day: b}, true
	}
	return Date{}, false
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func isDay(s string) bool {
	d, err := strconv.Atoi(s)
	return err == nil && d >= 1 && d <= 31 && len(s) <= 2
}

// ParseRange splits a range written in one field, such as "2019 – 2021",
// "Jan 2020 - Present" or "de 2018 à 2020", into its two dates.
func ParseRange(s string) (start, end Date, ok bool) {
	f := text.Fold(s)
	for _, p := range []string{"de ", "from ", "since ", "depuis "} {
		f = strings.TrimPrefix(strings.TrimSpace(f), p)
	}
	for _, sep := range []string{" – ", " — ", " - ", "–", "—", " to ", " a ", " au ", " jusqu'a ", " until ", "-"} {
		a, b, found := strings.Cut(f, sep)
		if !found {
			continue
		}
		s1, ok1 := ParseDate(a)
		s2, ok2 := ParseDate(b)
		if ok1 && ok2 {
			return s1, s2, true
		}
	}
	return Date{}, Date{}, false
}
