package cvparse

import "testing"

// Two months with their years side by side are a range whose dash a
// photo lost; a second date earlier than the first is none.
func TestDashLostBetweenMonths(t *testing.T) {
	tests := []struct{ in, start, end string }{
		{"Période\tAvril 2016 Novembre 2019", "Avril 2016", "Novembre 2019"},
		{"Sep 2012 Aug 2014 Site Engineer", "Sep 2012", "Aug 2014"},
		{"March 2019 January 2015", "March 2019", ""},
	}
	for _, tt := range tests {
		dr, ok := findDateRange(tt.in)
		if !ok || dr.start != tt.start || dr.end != tt.end {
			t.Errorf("findDateRange(%q) = %q – %q, %v; want %q – %q", tt.in, dr.start, dr.end, ok, tt.start, tt.end)
		}
	}
}
