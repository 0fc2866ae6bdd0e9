package cvparse

import "github.com/utopiahire/utopiahire/internal/cv"

// pairedLists joins an education written as two lists, one under the
// other: the schools attended with their years, then the qualifications
// obtained (or the other way round), as West African CVs set them
// ("Institutions Attended with Dates" / "Qualifications Obtained with
// Dates"). Each list reads as entries with only a school or only a
// degree; the n-th school awarded the n-th qualification. prev holds the
// indexes in xs of the entries the section just before gave, cur those of
// this section; the joined entries take prev's places and cur's are
// dropped. It returns xs unchanged when the lists do not pair.
func pairedLists(xs []cv.Education, prev, cur []int) ([]cv.Education, bool) {
	if len(prev) < 2 || len(prev) != len(cur) {
		return xs, false
	}
	schoolsFirst := allEntries(xs, prev, schoolOnly) && allEntries(xs, cur, degreeOnly)
	if !schoolsFirst && !(allEntries(xs, prev, degreeOnly) && allEntries(xs, cur, schoolOnly)) {
		return xs, false
	}
	for k := range prev {
		school, deg := xs[prev[k]], xs[cur[k]]
		if !schoolsFirst {
			school, deg = deg, school
		}
		x := deg
		x.ID = xs[prev[k]].ID
		x.Institution, x.Location = school.Institution, school.Location
		// The school's line gives the years spent there; the
		// qualification's year is when it was awarded, the same end.
		if school.EndDate != "" {
			x.StartDate, x.EndDate = school.StartDate, school.EndDate
		}
		xs[prev[k]] = x
	}
	return append(xs[:cur[0]], xs[cur[len(cur)-1]+1:]...), true
}

func allEntries(xs []cv.Education, idx []int, ok func(cv.Education) bool) bool {
	for _, i := range idx {
		if !ok(xs[i]) {
			return false
		}
	}
	return true
}

func schoolOnly(x cv.Education) bool { return x.Degree == "" && x.Institution != "" }

func degreeOnly(x cv.Education) bool { return x.Institution == "" && x.Degree != "" }
