package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A labelled list of subjects under a certificate, run to the column's
// edge ("Advanced Level: …; Intermediate Level: English, Pure" /
// "Mathematics, Systems of Knowledge"), goes on to its rest: the rest
// heads no entry, and the next certificate keeps its count of passes.
func TestEducationNoteWraps(t *testing.T) {
	rows := []posRow{{x: 20, y: 60, text: "Jo Vella"}, {x: 20, y: 72, text: "jo@example.com"}, {x: 20, y: 100, text: "Education"},
		{x: 20, y: 115, text: "Matriculation Certificate\t2008 – 2010"},
		{x: 20, y: 127, text: "St Anne Sixth Form College, Mosta"},
		{x: 20, y: 139, text: "Advanced Level: Biology (B), Chemistry (C); Intermediate Level: English, Pure", full: true},
		{x: 20, y: 151, text: "Mathematics, Systems of Knowledge"},
		{x: 20, y: 170, text: "SEC Examinations – 8 passes (grades 1–4)\t2003 – 2008"},
		{x: 20, y: 182, text: "St Luke School, Mosta"},
		{x: 20, y: 210, text: "Skills"}, {x: 20, y: 222, text: "Excel, Word"}}
	got := Parse(posDoc(rows))
	want := []eduWant{
		{"Matriculation Certificate", "St Anne Sixth Form College", "Mosta", "2008", "2010"},
		{"SEC Examinations – 8 passes (grades 1–4)", "St Luke School", "Mosta", "2003", "2008"},
	}
	if diff := cmp.Diff(want, edusOf(got)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
}
