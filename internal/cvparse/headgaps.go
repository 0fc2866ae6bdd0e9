package cvparse

// gapCuts cuts a run of header lines at its blank lines when each piece
// they leave carries exactly one dated line: entries without bullets set
// apart by a blank line ("Certificate" / "Institute – 2010", then "High
// School Diploma – School – 2009") are cut there, though their dates do
// not stand at the same line in each. nil when the gaps do not part the
// run so.
func gapCuts(head []unit) []int {
	cuts := []int{0}
	for i := 1; i < len(head); i++ {
		if head[i].gapBefore {
			cuts = append(cuts, i)
		}
	}
	if len(cuts) < 2 {
		return nil
	}
	for k, c := range cuts {
		end := len(head)
		if k+1 < len(cuts) {
			end = cuts[k+1]
		}
		n := 0
		for _, u := range head[c:end] {
			if u.dated {
				n++
			}
		}
		if n != 1 {
			return nil
		}
	}
	return cuts
}
