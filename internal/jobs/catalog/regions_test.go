package catalog

import (
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/jobs"
)

// The regions must cover exactly the countries of jobs.Locations, in its
// spelling, so a region filter can neither miss nor invent a country.
func TestRegionsCoverEveryCountryOnce(t *testing.T) {
	var countries []string
	for _, l := range jobs.Locations {
		if _, region := regions[l]; !region {
			countries = append(countries, l)
		}
	}
	for r := range regions {
		if c, err := jobs.CanonicalLocation(r); err != nil || c != r {
			t.Errorf("region %q is not in jobs.Locations", r)
		}
	}
	var union []string
	union = append(union, europe...)
	union = append(union, middleEast...)
	union = append(union, regions["Africa"]...)
	sort.Strings(countries)
	sort.Strings(union)
	if d := cmp.Diff(countries, union); d != "" {
		t.Errorf("Europe + Middle East + Africa differ from the countries of jobs.Locations (-want +got):\n%s", d)
	}
	for _, c := range europeanUnion {
		if asCountry(c) != c {
			t.Errorf("EU member %q is not a canonical country", c)
		}
	}
	if len(europeanUnion) != 27 {
		t.Errorf("European Union has %d members, want 27", len(europeanUnion))
	}
}

func TestCountryOf(t *testing.T) {
	tests := []struct{ location, link, want string }{
		{"Munich, Bavaria, Germany", "", "Germany"},
		{"Düsseldorf, North Rhine-Westphalia, Germany", "https://de.linkedin.com/jobs/view/1", "Germany"},
		{"Greater Munich Metropolitan Area", "https://de.linkedin.com/jobs/view/devops-1", "Germany"},
		{"London Area", "https://uk.linkedin.com/jobs/view/2", "United Kingdom"},
		{"Dubai, UAE", "", "United Arab Emirates"},
		{"Casablanca, Maroc", "", "Morocco"},
		{"Istanbul", "https://tr.linkedin.com/jobs/view/3", "Türkiye"},
		{"Kinshasa", "https://cd.linkedin.com/jobs/view/4", "Democratic Republic of the Congo"},
		{"Paris, Île-de-France, France", "https://www.linkedin.com/jobs/view/5", "France"},
		{"Remote", "https://www.linkedin.com/jobs/view/6", ""},
		{"Europe", "", ""}, // a region is not a country
		{"New York, NY", "https://us.linkedin.com/x", ""}, // outside EMEA
		{"", "javascript:alert(1)", ""},
	}
	for _, tt := range tests {
		if got := countryOf(tt.location, tt.link); got != tt.want {
			t.Errorf("countryOf(%q, %q) = %q, want %q", tt.location, tt.link, got, tt.want)
		}
	}
}

func TestPostedAt(t *testing.T) {
	fetched := time.Date(2025, 11, 25, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		want time.Duration // before fetched; -1: not a date
	}{
		{"3 hours ago", 3 * time.Hour},
		{"an hour ago", time.Hour},
		{"1 week ago", 7 * 24 * time.Hour},
		{"2 months ago", 60 * 24 * time.Hour},
		{"  5   DAYS ago ", 5 * 24 * time.Hour},
		{"il y a 2 jours", 48 * time.Hour},
		{"il y a une semaine", 7 * 24 * time.Hour},
		{"Just now", 0},
		{"yesterday", 24 * time.Hour},
		{"2025-11-20", fetched.Sub(time.Date(2025, 11, 20, 0, 0, 0, 0, time.UTC))},
		{"soon", -1},
		{"", -1},
		{"99999 hours ago", -1},
	}
	for _, tt := range tests {
		got := postedAt(tt.text, fetched)
		switch {
		case tt.want < 0 && got != nil:
			t.Errorf("postedAt(%q) = %v, want nil", tt.text, got)
		case tt.want >= 0 && (got == nil || fetched.Sub(*got) != tt.want):
			t.Errorf("postedAt(%q) = %v, want %v before %v", tt.text, got, tt.want, fetched)
		}
	}
}

func TestAgo(t *testing.T) {
	for d, want := range map[time.Duration]string{
		30 * time.Second: "just now", time.Minute: "1 minute ago", 5 * time.Hour: "5 hours ago",
		26 * time.Hour: "1 day ago", 15 * 24 * time.Hour: "2 weeks ago", 70 * 24 * time.Hour: "2 months ago",
		800 * 24 * time.Hour: "2 years ago",
	} {
		if got := ago(d); got != want {
			t.Errorf("ago(%v) = %q, want %q", d, got, want)
		}
	}
}
