package jobs

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/utopiahire/utopiahire/internal/text"
)

func TestNormalize(t *testing.T) {
	got, err := Query{
		Keywords: "  golang   developer ", Location: "germany", MaxJobs: 20, TimeRange: "Past Week",
		ExperienceLevels: []ExperienceLevel{"Mid-Senior level", "entry_level", "mid_senior"},
	}.Normalize()
	if err != nil {
		t.Fatal(err)
	}
	want := Query{Keywords: "golang developer", Location: "Germany", MaxJobs: 20, TimeRange: TimePastWeek,
		ExperienceLevels: []ExperienceLevel{EntryLevel, MidSenior}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestNormalizeDefaultsAndAliases(t *testing.T) {
	tests := []struct {
		in   Query
		want Query
	}{
		{Query{Keywords: "go"}, Query{Keywords: "go", MaxJobs: 10, TimeRange: TimeAny}},
		{Query{Keywords: "go", Location: "UAE", TimeRange: "r86400"}, Query{Keywords: "go", Location: "United Arab Emirates", MaxJobs: 10, TimeRange: TimePast24h}},
		{Query{Keywords: "go", Location: "cote d'ivoire", TimeRange: "month"}, Query{Keywords: "go", Location: "Côte d'Ivoire", MaxJobs: 10, TimeRange: TimePastMonth}},
		{Query{Keywords: "go", Location: "TURKEY", MaxJobs: 30, TimeRange: "any time"}, Query{Keywords: "go", Location: "Türkiye", MaxJobs: 30, TimeRange: TimeAny}},
		{Query{Keywords: "C++ & C#", Location: "Morocco"}, Query{Keywords: "C++ & C#", Location: "Morocco", MaxJobs: 10, TimeRange: TimeAny}},
		// SQL in keywords is just text: it is never interpolated anywhere.
		{Query{Keywords: "'; DROP TABLE jobs; --"}, Query{Keywords: "'; DROP TABLE jobs; --", MaxJobs: 10, TimeRange: TimeAny}},
	}
	for _, tc := range tests {
		got, err := tc.in.Normalize()
		if err != nil {
			t.Errorf("%+v: %v", tc.in, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%+v (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestNormalizeRejects(t *testing.T) {
	tests := []struct {
		name  string
		q     Query
		field string
		code  string
		valid string // one value the error must list
	}{
		{"empty keywords", Query{Keywords: "   "}, "keywords", "keywords_required", ""},
		{"long keywords", Query{Keywords: strings.Repeat("go ", 60)}, "keywords", "keywords_too_long", ""},
		{"html keywords", Query{Keywords: "<script>alert(1)</script>"}, "keywords", "invalid_keywords", ""},
		{"control chars", Query{Keywords: "go\x00dev"}, "keywords", "invalid_keywords", ""},
		{"bad utf8", Query{Keywords: "go\xff"}, "keywords", "invalid_keywords", ""},
		{"unknown location", Query{Keywords: "go", Location: "Atlantis"}, "location", "invalid_location", "Kenya"},
		{"american location", Query{Keywords: "go", Location: "United States"}, "location", "invalid_location", "Germany"},
		{"max jobs 25", Query{Keywords: "go", MaxJobs: 25}, "max_jobs", "invalid_max_jobs", "30"},
		{"max jobs negative", Query{Keywords: "go", MaxJobs: -10}, "max_jobs", "invalid_max_jobs", "10"},
		{"max jobs huge", Query{Keywords: "go", MaxJobs: 1 << 30}, "max_jobs", "invalid_max_jobs", "20"},
		{"time range", Query{Keywords: "go", TimeRange: "past_decade"}, "timeRange", "invalid_time_range", "past_week"},
		{"level", Query{Keywords: "go", ExperienceLevels: []ExperienceLevel{"wizard"}}, "experience_levels", "invalid_experience_level", "mid_senior"},
		{"too many levels", Query{Keywords: "go", ExperienceLevels: slices.Repeat([]ExperienceLevel{"director"}, 7)}, "experience_levels", "invalid_experience_level", "executive"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.q.Normalize()
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("err = %v, want *ValidationError", err)
			}
			if ve.Field != tc.field || ve.Code != tc.code {
				t.Errorf("got %s/%s, want %s/%s", ve.Field, ve.Code, tc.field, tc.code)
			}
			if tc.valid != "" && !slices.Contains(ve.Valid, tc.valid) {
				t.Errorf("valid values %v lack %q", ve.Valid, tc.valid)
			}
		})
	}
}

func TestLocationsCoverEMEA(t *testing.T) {
	if len(Locations) < 100 {
		t.Errorf("only %d locations", len(Locations))
	}
	seen := map[string]bool{}
	for _, l := range Locations {
		k := text.Key(l)
		if seen[k] {
			t.Errorf("duplicate location %q", l)
		}
		seen[k] = true
		if got, err := CanonicalLocation(strings.ToUpper(l)); err != nil || got != l {
			t.Errorf("CanonicalLocation(%q) = %q, %v", strings.ToUpper(l), got, err)
		}
	}
	for a, l := range locationAliases {
		if !slices.Contains(Locations, l) {
			t.Errorf("alias %q points at %q, not in Locations", a, l)
		}
	}
}

func TestDedupKeyAndID(t *testing.T) {
	a := DedupKey("Optimyze Consulting", "DevOps Engineer (All genders)", "Greater Munich Metropolitan Area")
	b := DedupKey("optimyze  consulting", "DevOps Engineer (m/f/d)", "Greater Munich Metropolitan Area")
	if a != b {
		t.Errorf("%q != %q", a, b)
	}
	if DedupKey("Jobster", "AI Engineer", "Düsseldorf, Germany") != DedupKey("JOBSTER", "ai engineer", "Dusseldorf Germany") {
		t.Error("accents or punctuation change the key")
	}
	if JobID("A", "B", "C") != JobID("a", "b", "c") || JobID("A", "B", "C") == JobID("A", "B", "D") {
		t.Error("JobID not stable or not discriminating")
	}
	if len(JobID("A", "B", "C")) != 16 {
		t.Errorf("JobID length %d", len(JobID("A", "B", "C")))
	}
}

func TestParseTimeRangeFrontendForms(t *testing.T) {
	for in, want := range map[string]TimeRange{
		"-1": TimeAny, "86400": TimePast24h, "3600": TimePast24h, "604800": TimePastWeek,
		"2592000": TimePastMonth, "31536000": TimeAny, " 86400 ": TimePast24h,
	} {
		if got, err := ParseTimeRange(in); err != nil || got != want {
			t.Errorf("ParseTimeRange(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"0", "-2", "86400s", "1e5", "99999999999999999999"} {
		if _, err := ParseTimeRange(in); err == nil {
			t.Errorf("ParseTimeRange(%q) accepted", in)
		}
	}
}
