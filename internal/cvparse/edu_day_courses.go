package cvparse

import (
	"regexp"
	"strconv"
	"time"

	"github.com/utopiahire/utopiahire/internal/cv"
)

// reDayDate is a date written to the day with numbers ("15/03/2019",
// "04.05.2018"), as Europass and forms date what one attended.
var reDayDate = regexp.MustCompile(`^(0?[1-9]|[12]\d|3[01])[/.](0?[1-9]|1[0-2])[/.]((?:19|20)\d{2})$`)

// courseDays is the longest a course dated to the day runs; no degree is
// studied in so few.
const courseDays = 31

// dayCourse: an entry dated to the day at both ends over a month or less
// ("[ 15/03/2019 – 17/03/2019 ] Advanced Life Support Provider") was a
// course attended, not a degree studied, whatever section lists it.
func dayCourse(x cv.Education) bool {
	start, ok := dayDate(x.StartDate)
	if !ok {
		return false
	}
	end, ok := dayDate(x.EndDate)
	if !ok {
		return false
	}
	days := end.Sub(start).Hours() / 24
	return days >= 0 && days <= courseDays
}

// dayDate reads a date written to the day.
func dayDate(s string) (time.Time, bool) {
	m := reDayDate.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	d, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	y, _ := strconv.Atoi(m[3])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	// "31/02/2019" is no day.
	return t, t.Day() == d
}
