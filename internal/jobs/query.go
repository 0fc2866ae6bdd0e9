package jobs

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/utopiahire/utopiahire/internal/apperr"
)

// TimeRange limits results to postings newer than a period.
type TimeRange string

// Canonical time ranges. ParseTimeRange also accepts the spellings a
// frontend may send: "24h", "past 24 hours", "day", "r86400" (LinkedIn's own
// f_TPR value), "week", "7d", "r604800", "month", "30d", "r2592000", "any
// time", "all" and the empty string.
const (
	TimeAny       TimeRange = "any"
	TimePast24h   TimeRange = "past_24h"
	TimePastWeek  TimeRange = "past_week"
	TimePastMonth TimeRange = "past_month"
)

var timeRangeAliases = map[string]TimeRange{
	"": TimeAny, "any": TimeAny, "any_time": TimeAny, "anytime": TimeAny, "all": TimeAny, "all_time": TimeAny,
	"past_24h": TimePast24h, "24h": TimePast24h, "past_24_hours": TimePast24h, "past_day": TimePast24h,
	"day": TimePast24h, "last_24h": TimePast24h, "last_24_hours": TimePast24h, "r86400": TimePast24h, "1d": TimePast24h,
	"past_week": TimePastWeek, "week": TimePastWeek, "last_week": TimePastWeek, "7d": TimePastWeek, "r604800": TimePastWeek,
	"past_month": TimePastMonth, "month": TimePastMonth, "last_month": TimePastMonth, "30d": TimePastMonth, "r2592000": TimePastMonth,
}

// ParseTimeRange accepts a canonical value or one of its spellings, and the
// existing frontend's "-1" (any time) or a number of seconds ("86400"),
// read as the shortest range covering it.
func ParseTimeRange(s string) (TimeRange, error) {
	if tr, ok := timeRangeAliases[snake(s)]; ok {
		return tr, nil
	}
	if tr, ok := timeRangeSeconds(strings.TrimSpace(s)); ok {
		return tr, nil
	}
	return "", invalid("timeRange", "invalid_time_range", fmt.Sprintf("unknown timeRange %q", s),
		[]string{string(TimePast24h), string(TimePastWeek), string(TimePastMonth), string(TimeAny)})
}

func timeRangeSeconds(s string) (TimeRange, bool) {
	if s == "-1" {
		return TimeAny, true
	}
	n, err := strconv.Atoi(s)
	switch {
	case err != nil || n <= 0:
		return "", false
	case n <= 86400:
		return TimePast24h, true
	case n <= 604800:
		return TimePastWeek, true
	case n <= 2592000:
		return TimePastMonth, true
	}
	return TimeAny, true
}

// ExperienceLevel is one of LinkedIn's six seniority levels.
type ExperienceLevel string

// Experience levels of the contract.
const (
	Internship ExperienceLevel = "internship"
	EntryLevel ExperienceLevel = "entry_level"
	Associate  ExperienceLevel = "associate"
	MidSenior  ExperienceLevel = "mid_senior"
	Director   ExperienceLevel = "director"
	Executive  ExperienceLevel = "executive"
)

// ExperienceLevels lists the valid levels in LinkedIn's order (f_E 1..6).
var ExperienceLevels = []ExperienceLevel{Internship, EntryLevel, Associate, MidSenior, Director, Executive}

var levelAliases = map[string]ExperienceLevel{
	"internship": Internship, "intern": Internship,
	"entry_level": EntryLevel, "entry": EntryLevel, "junior": EntryLevel,
	"associate":  Associate,
	"mid_senior": MidSenior, "mid_senior_level": MidSenior, "mid": MidSenior, "senior": MidSenior,
	"director":  Director,
	"executive": Executive,
}

// ParseExperienceLevel accepts "mid_senior", "Mid-Senior level", "entry level"…
func ParseExperienceLevel(s string) (ExperienceLevel, error) {
	if l, ok := levelAliases[snake(s)]; ok {
		return l, nil
	}
	return "", invalid("experience_levels", "invalid_experience_level", fmt.Sprintf("unknown experience level %q", s), levelNames())
}

func levelNames() []string {
	out := make([]string, len(ExperienceLevels))
	for i, l := range ExperienceLevels {
		out[i] = string(l)
	}
	return out
}

// snake lower-cases s and turns spaces and hyphens into underscores.
func snake(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '_' }), "_")
}

// Query is a job search. Fields carry the contract's JSON names.
type Query struct {
	Keywords         string            `json:"keywords"`
	Location         string            `json:"location"`
	MaxJobs          int               `json:"max_jobs"`
	TimeRange        TimeRange         `json:"timeRange"`
	ExperienceLevels []ExperienceLevel `json:"experience_levels"`
}

// Limits of a query.
const (
	MaxKeywordsRunes = 100
	DefaultMaxJobs   = 10
)

// AllowedMaxJobs are the page sizes the frontend offers.
var AllowedMaxJobs = []int{10, 20, 30}

// ValidationError is a query field with a bad value. Valid lists the accepted
// values when there is a closed set.
type ValidationError struct {
	Field   string   `json:"field"`
	Code    string   `json:"code"`
	Message string   `json:"message"`
	Valid   []string `json:"valid,omitempty"`
}

var _ apperr.Coded = (*ValidationError)(nil)

func (e *ValidationError) Error() string { return e.Field + ": " + e.Message }

// ErrorKind implements apperr.Coded.
func (e *ValidationError) ErrorKind() apperr.Kind { return apperr.Validation }

// ErrorCode implements apperr.Coded.
func (e *ValidationError) ErrorCode() string { return e.Code }

// SafeMessage implements apperr.Coded.
func (e *ValidationError) SafeMessage() string { return e.Message + "." }

// ErrorDetails names the field and, for closed sets, the accepted values.
func (e *ValidationError) ErrorDetails() map[string]any {
	d := map[string]any{"fields": map[string]string{e.Field: e.Message}}
	if len(e.Valid) > 0 {
		d["valid"] = e.Valid
	}
	return d
}

func invalid(field, code, msg string, valid []string) *ValidationError {
	return &ValidationError{Field: field, Code: code, Message: msg, Valid: valid}
}

// Normalize validates q and returns it in canonical form: trimmed keywords,
// the location's canonical name, a default page size, canonical time range
// and sorted, unique experience levels. Errors are *ValidationError.
func (q Query) Normalize() (Query, error) {
	out := Query{Keywords: strings.Join(strings.Fields(q.Keywords), " ")}
	if err := checkKeywords(out.Keywords); err != nil {
		return Query{}, err
	}
	loc, err := CanonicalLocation(q.Location)
	if err != nil {
		return Query{}, err
	}
	out.Location = loc
	switch {
	case q.MaxJobs == 0:
		out.MaxJobs = DefaultMaxJobs
	case slices.Contains(AllowedMaxJobs, q.MaxJobs):
		out.MaxJobs = q.MaxJobs
	default:
		return Query{}, invalid("max_jobs", "invalid_max_jobs", fmt.Sprintf("max_jobs must be 10, 20 or 30, not %d", q.MaxJobs), []string{"10", "20", "30"})
	}
	if out.TimeRange, err = ParseTimeRange(string(q.TimeRange)); err != nil {
		return Query{}, err
	}
	if len(q.ExperienceLevels) > len(ExperienceLevels) {
		return Query{}, invalid("experience_levels", "invalid_experience_level", "too many experience levels", levelNames())
	}
	seen := map[ExperienceLevel]bool{}
	for _, l := range q.ExperienceLevels {
		lv, err := ParseExperienceLevel(string(l))
		if err != nil {
			return Query{}, err
		}
		if !seen[lv] {
			seen[lv] = true
			out.ExperienceLevels = append(out.ExperienceLevels, lv)
		}
	}
	sort.Slice(out.ExperienceLevels, func(i, j int) bool {
		return slices.Index(ExperienceLevels, out.ExperienceLevels[i]) < slices.Index(ExperienceLevels, out.ExperienceLevels[j])
	})
	return out, nil
}

func checkKeywords(k string) error {
	switch {
	case k == "":
		return invalid("keywords", "keywords_required", "keywords must not be empty", nil)
	case !utf8.ValidString(k):
		return invalid("keywords", "invalid_keywords", "keywords must be valid UTF-8", nil)
	case utf8.RuneCountInString(k) > MaxKeywordsRunes:
		return invalid("keywords", "keywords_too_long", fmt.Sprintf("keywords must be at most %d characters", MaxKeywordsRunes), nil)
	case strings.ContainsAny(k, "<>"):
		// Search terms are plain text; markup here is an injection attempt
		// or a paste accident, and would be echoed into pages.
		return invalid("keywords", "invalid_keywords", "keywords must not contain markup (< or >)", nil)
	}
	for _, r := range k {
		if unicode.IsControl(r) {
			return invalid("keywords", "invalid_keywords", "keywords must not contain control characters", nil)
		}
	}
	return nil
}

// Key is a canonical cache key for a normalised query.
func (q Query) Key() string {
	lv := make([]string, len(q.ExperienceLevels))
	for i, l := range q.ExperienceLevels {
		lv[i] = string(l)
	}
	return strings.Join([]string{strings.ToLower(q.Keywords), strings.ToLower(q.Location), fmt.Sprint(q.MaxJobs), string(q.TimeRange), strings.Join(lv, ",")}, "\x1f")
}
