package text

import (
	"testing"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Élaboré", "elabore"},
		{"CŒUR d’équipe", "coeur d'equipe"},
		{"Straße", "strasse"},
		{"Ærø", "aerø"}, // ø is a letter of its own, not an accented o
		{"Node.js, C++", "node.js, c++"},
		{"", ""},
		{"한국어", "한국어"}, // Hangul comes back composed
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Centres d’intérêt :", "centres d interet"},
		{"  EXPÉRIENCE -- Professionnelle  ", "experience professionnelle"},
		{"Société Générale (H/F)", "societe generale h f"},
		{"Straße", "straße"}, // ligatures kept: job ids hash keys
		{"!!", ""},
	} {
		if got := Key(tc.in); got != tc.want {
			t.Errorf("Key(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestMonthsComplete checks that every month has its English name and
// abbreviation and its French name and abbreviation (CLDR and the shorter
// forms), with and without accents, in any case and with a final stop.
func TestMonthsComplete(t *testing.T) {
	spellings := [12][]string{
		{"January", "Jan", "janvier", "janv."},
		{"February", "Feb", "février", "févr.", "fév", "fevrier", "fevr", "fev"},
		{"March", "Mar", "mars"},
		{"April", "Apr", "avril", "avr."},
		{"May", "mai"},
		{"June", "Jun", "juin"},
		{"July", "Jul", "juillet", "juil."},
		{"August", "Aug", "août", "aout", "aoû", "aou", "AOÛT"},
		{"September", "Sep", "Sept.", "septembre"},
		{"October", "Oct", "octobre"},
		{"November", "Nov", "novembre"},
		{"December", "Dec", "décembre", "déc.", "decembre", "DÉC"},
	}
	names := map[string]bool{}
	for _, n := range MonthNames() {
		names[n] = true
	}
	for i, ss := range spellings {
		for _, s := range ss {
			if m, ok := Month(s); !ok || m != i+1 {
				t.Errorf("Month(%q) = %d, %v, want %d", s, m, ok, i+1)
			}
		}
	}
	for _, s := range []string{"", "ma", "marsh", "2021", "ju"} {
		if m, ok := Month(s); ok {
			t.Errorf("Month(%q) = %d, want no month", s, m)
		}
	}
	all := MonthNames()
	for i := 1; i < len(all); i++ {
		if len(all[i]) > len(all[i-1]) {
			t.Fatalf("MonthNames not longest first: %q before %q", all[i-1], all[i])
		}
	}
	for _, w := range []string{"février", "fevrier", "août", "aout", "décembre", "févr"} {
		if !names[w] {
			t.Errorf("MonthNames lacks %q", w)
		}
	}
}

func TestHeading(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Section
		ok   bool
	}{
		{"Work Experience", Experience, true},
		{"EXPÉRIENCES PROFESSIONNELLES", Experience, true},
		{"Centres d’intérêt", Interests, true},
		{"My Skills", Skills, true},
		{"Autres projets", Projects, true},
		{"Licenses & Certifications", Certifications, true},
		// Bdjobs CVs head the total of years so; it is no job.
		{"Career Summary:", Summary, true},
		{"What you'll do", Responsibilities, true},
		{"Qui sommes-nous", About, true},
		// Club and association work written as activities, not jobs.
		{"ACTIVITÉS EXTRASCOLAIRES", Activities, true},
		{"Activités parascolaires", Activities, true},
		{"Extra-curricular Activities", Activities, true},
		{"Co-curricular activities", Activities, true},
		// Roles held in clubs and student bodies, and what one does
		// outside work, are activities, not jobs.
		{"POSITIONS OF RESPONSIBILITY", Activities, true},
		{"Activités extra-professionnelles", Activities, true},
		{"Software Engineer", "", false},
		{"and", "", false},
	} {
		got, ok := Heading(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Heading(%q) = %q, %v, want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
	if s, ok := HeadingKeyword("toolbox"); !ok || s != Skills {
		t.Errorf("HeadingKeyword(toolbox) = %q, %v", s, ok)
	}
}
