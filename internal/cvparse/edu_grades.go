package cvparse

import "regexp"

// reGradeLabel opens a grade given under its label ("Grade: Very Good
// with Honors", "GPA: 3.6"), whatever class it names.
var reGradeLabel = regexp.MustCompile(`(?i)^(?:c?gpa|grade|note|moyenne|result)\s*[:：]`)
