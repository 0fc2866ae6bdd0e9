package cvparse

import (
	"regexp"

	"github.com/utopiahire/utopiahire/internal/cv"
)

// studiedAtSchool: an entry of the education section that a school gave
// over a span of years ("Habilitation à la maîtrise d'œuvre (HMONP)",
// "École nationale supérieure d'architecture", "2018 – 2019") is a course
// of study like the diplomas around it, whatever its name says: it stays
// in education.
func studiedAtSchool(x cv.Education) bool {
	return institutionScore(x.Institution) > 0 && x.StartDate != "" && x.EndDate != "" && x.StartDate != x.EndDate
}

// gradeStart: s opens with how a degree went (reGradeStart), not with
// the French degree's rank ("grade de Licence", "grade de master"): that
// names the degree's level, and stays with it.
func gradeStart(s string) bool {
	return reGradeStart.MatchString(s) && !reAcademicRank.MatchString(s) && !mentionDegree(s) && !reSchoolYear.MatchString(s)
}

// reSchoolYear is the last years of school named by their number ("Grade
// 12 (Matric)", "Grade 10"), as South African, Philippine, Zambian or
// Canadian CVs name the level they left school at: a stage studied, no
// mark, which would carry a scale, a decimal or a letter ("Grade: 12/20",
// "Grade 1.7", "Grade A"). An earlier year names a stage only by the
// certificate it ends on ("Grade 7 Certificate", "Grade 9 School
// Leaving Certificate"), as Zambian and Malawian primary schools award.
var reSchoolYear = regexp.MustCompile(`(?i)^\s*grade\s+(?:1[0-2](?:$|\s*[(\-–—,]|\s+\p{L})|[1-9]\s+(?:school\s+)?(?:leaving\s+)?(?:certificate|examination)\b)`)

const academicRank = `grade\s+(?:de\s+|d['’]\s*)(?:licence|master|docteur|doctorat|bachelor|ingénieur|ingenieur)\b`

var (
	reAcademicRank = regexp.MustCompile(`(?i)^` + academicRank)
	// reRankInName finds the rank inside a degree's name ("Diplôme
	// d'études en architecture (grade de Licence)"), where its
	// "licence" names no driving or trade licence.
	reRankInName = regexp.MustCompile(`(?i)\b` + academicRank)
)
