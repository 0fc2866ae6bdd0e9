package cvparse

import "regexp"

// rePlacementTitle names a student teacher's placement at a school as the
// entry's title ("School Practice", "Teaching Practice", "Teaching
// Practicum"), as East and Southern African teachers' CVs list it among
// their jobs: it holds no job word, and its "School" would otherwise make
// a school's name of it ("School Practice, Hilltop Secondary School,
// Mbale").
var rePlacementTitle = regexp.MustCompile(`(?i)\b(?:school|teaching)\s+practi(?:ce|cum)\b`)

// placementTitles counts the placement titles in s.
func placementTitles(s string) int { return len(rePlacementTitle.FindAllStringIndex(s, -1)) }
