package cvparse

import "testing"

// A summer written across the new year with the next year's last two
// digits ("Summer 2019/20", "été 2021/22" in the south) runs into that
// year; a span of more than one year after a season is no such summer.
func TestSouthernSummerRange(t *testing.T) {
	for _, tc := range []struct{ in, start, end string }{
		{"Vacation Student\tSummer 2019/20", "Summer 2019", "2020"},
		{"Stagiaire, été 2021/22", "été 2021", "2022"},
		{"Intern\tSummer 2018 – 19", "Summer 2018", "2019"},
		{"Intern\tSummer 2018/21", "Summer 2018", ""},
	} {
		dr, ok := findDateRange(tc.in)
		if !ok || dr.start != tc.start || dr.end != tc.end {
			t.Errorf("%q: got %q … %q (%v), want %q … %q", tc.in, dr.start, dr.end, ok, tc.start, tc.end)
		}
	}
}
