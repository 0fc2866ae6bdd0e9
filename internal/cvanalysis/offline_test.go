package cvanalysis_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/cvanalysis"
	"github.com/utopiahire/utopiahire/internal/skills"
)

// fixedNow is the clock of every test: "Present" is November 2026.
func fixedNow() time.Time { return time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC) }

var (
	taxOnce sync.Once
	taxVal  *skills.Taxonomy
	taxErr  error
)

func newOffline(t testing.TB) *cvanalysis.Offline {
	t.Helper()
	taxOnce.Do(func() { taxVal, taxErr = skills.LoadTaxonomy() })
	if taxErr != nil {
		t.Fatal(taxErr)
	}
	return cvanalysis.NewOffline(taxVal, cvanalysis.WithClock(fixedNow))
}

func loadCV(t testing.TB, name string) cv.StructuredCV {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var c cv.StructuredCV
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func analyze(t testing.TB, o *cvanalysis.Offline, c cv.StructuredCV, text, jd string) cv.Analysis {
	t.Helper()
	a, err := o.Analyze(context.Background(), c, text, jd)
	if err != nil {
		t.Fatal(err)
	}
	checkAnalysis(t, c, a)
	return a
}

// placeholder matches template leftovers a rewrite must never introduce.
var placeholder = regexp.MustCompile(`\[[^\]]*\]|\bX\b|\bN\b|\bTODO\b|\.\.\.|…|<[^>]*>|\{|\}|\?\?|%[sdvq]`)

// checkAnalysis asserts the contract every offline analysis keeps.
func checkAnalysis(t testing.TB, c cv.StructuredCV, a cv.Analysis) {
	t.Helper()
	if a.Analyzer != cvanalysis.NameOffline {
		t.Errorf("analyzer = %q", a.Analyzer)
	}
	for name, s := range map[string]int{
		"formatting": a.Formatting.Score, "content": a.Content.Score,
		"overall": a.General.OverallScore, "ats": a.ATSAnalysis.RelevanceScore,
	} {
		if s < 0 || s > 97 {
			t.Errorf("%s score %d outside 0..97", name, s)
		}
	}
	for _, s := range a.Sections {
		if s.Score < 0 || s.Score > 100 {
			t.Errorf("section %s score %d", s.Name, s.Score)
		}
	}
	seen := map[string]bool{}
	for _, s := range a.FieldSuggestions {
		if seen[s.FieldPath] {
			t.Errorf("two suggestions for %s", s.FieldPath)
		}
		seen[s.FieldPath] = true
		got, err := cv.Resolve(&c, s.FieldPath)
		if err != nil {
			t.Errorf("suggestion path %q does not resolve: %v", s.FieldPath, err)
			continue
		}
		if got != s.OriginalValue {
			t.Errorf("%s: originalValue %q, CV has %q", s.FieldPath, s.OriginalValue, got)
		}
		if strings.TrimSpace(s.ImprovedValue) == "" || s.ImprovedValue == s.OriginalValue {
			t.Errorf("%s: improvedValue %q is no rewrite of %q", s.FieldPath, s.ImprovedValue, s.OriginalValue)
		}
		if m := placeholder.FindString(s.ImprovedValue); m != "" && !strings.Contains(allText(&c), m) {
			t.Errorf("%s: improvedValue %q introduces %q", s.FieldPath, s.ImprovedValue, m)
		}
		if _, err := cv.Apply(&c, s.FieldPath, s.OriginalValue, s.ImprovedValue); err != nil {
			t.Errorf("%s: suggestion cannot be applied: %v", s.FieldPath, err)
		}
		if s.SuggestionID == "" || s.Problem == "" || s.Explanation == "" || s.Impact == "" || s.Severity == "" || s.IssueType == "" {
			t.Errorf("%s: incomplete suggestion %+v", s.FieldPath, s)
		}
		if strings.Contains(s.Problem+s.Explanation+s.Impact, "%!") {
			t.Errorf("%s: bad format in %q", s.FieldPath, s.Problem+s.Explanation)
		}
	}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "null") {
		t.Errorf("analysis JSON has a null: %s", b)
	}
	if strings.Contains(string(b), "%!") {
		t.Errorf("analysis has a formatting error: %s", b)
	}
}

// allText is every field of c, to tell text taken from the CV from text a
// rule made up.
func allText(c *cv.StructuredCV) string {
	var b strings.Builder
	for f := range cv.Fields(c) {
		b.WriteString(f.Value)
		b.WriteByte('\n')
	}
	return b.String()
}

func suggestionFor(a cv.Analysis, path string) (cv.FieldSuggestion, bool) {
	for _, s := range a.FieldSuggestions {
		if s.FieldPath == path {
			return s, true
		}
	}
	return cv.FieldSuggestion{}, false
}

func TestFixtureSuggestions(t *testing.T) {
	o := newOffline(t)
	tests := []struct {
		fixture, path, improved, issue string
	}{
		{"en_engineer.json", "experience[0].bullets[0]", "Managed the payment reconciliation service used by 40 banks", cvanalysis.IssueWeakVerb},
		{"en_engineer.json", "experience[0].bullets[1]", "Migrated the ledger from MySQL to PostgreSQL", cvanalysis.IssueWeakVerb},
		{"en_engineer.json", "experience[0].bullets[3]", "Automated the deployment pipeline using GitHub Actions and Argo CD", cvanalysis.IssuePassiveVoice},
		{"en_engineer.json", "experience[0].bullets[4]", "Onboarded new engineers", cvanalysis.IssueWeakVerb},
		{"en_engineer.json", "summary", "Software engineer with a strong background in distributed systems.", cvanalysis.IssueFirstPerson},
		{"fr_marketing.json", "experience[0].bullets[0]", "Géré les réseaux sociaux de la marque", cvanalysis.IssueWeakVerb},
		{"fr_marketing.json", "experience[0].bullets[1]", "Refondu le site e-commerce", cvanalysis.IssueWeakVerb},
		{"fr_marketing.json", "experience[0].bullets[2]", "Lancé une campagne d'emailing auprès de 20 000 clients, avec un taux d'ouverture de 31 %", cvanalysis.IssuePassiveVoice},
		{"fr_marketing.json", "summary", "Chargée de marketing, spécialisée dans le digital.", cvanalysis.IssueFirstPerson},
		{"fr_marketing.json", "experience[0].startDate", "01/2022", cvanalysis.IssueDateFormat},
	}
	for _, tt := range tests {
		t.Run(tt.fixture+"/"+tt.path, func(t *testing.T) {
			c := loadCV(t, tt.fixture)
			a := analyze(t, o, c, "", "")
			s, ok := suggestionFor(a, tt.path)
			if !ok {
				t.Fatalf("no suggestion for %s", tt.path)
			}
			if s.ImprovedValue != tt.improved || s.IssueType != tt.issue {
				t.Errorf("got %q (%s), want %q (%s)", s.ImprovedValue, s.IssueType, tt.improved, tt.issue)
			}
		})
	}
}

func TestStrongBulletsLeftAlone(t *testing.T) {
	c := loadCV(t, "en_engineer.json")
	a := analyze(t, newOffline(t), c, "", "")
	for _, p := range []string{"experience[0].bullets[2]", "experience[1].bullets[0]", "experience[0].title", "contact.email"} {
		if s, ok := suggestionFor(a, p); ok {
			t.Errorf("unexpected suggestion for %s: %q", p, s.ImprovedValue)
		}
	}
}

func TestMissingMetricExplained(t *testing.T) {
	a := analyze(t, newOffline(t), loadCV(t, "en_engineer.json"), "", "")
	s, _ := suggestionFor(a, "experience[0].bullets[4]") // "Helped onboard new engineers"
	if !strings.Contains(s.Explanation, "how many people") {
		t.Errorf("explanation does not say which number to add: %q", s.Explanation)
	}
	s, _ = suggestionFor(a, "experience[0].bullets[0]") // has "40 banks"
	if strings.Contains(s.Explanation, "Add a number") || strings.Contains(s.Explanation, "how many") {
		t.Errorf("explanation asks for a number the bullet has: %q", s.Explanation)
	}
}

func TestWrittenInCVLanguage(t *testing.T) {
	o := newOffline(t)
	fr := analyze(t, o, loadCV(t, "fr_marketing.json"), "", "")
	if !strings.HasPrefix(fr.General.Summary, "Note globale") {
		t.Errorf("French CV, summary %q", fr.General.Summary)
	}
	frPrefixes := []string{"Commence", "Tournure", "Emploie", "S'appuie", "Trop long", "Contient", "Date écrite", "Le CV n'a pas"}
	for _, s := range fr.FieldSuggestions {
		ok := false
		for _, p := range frPrefixes {
			ok = ok || strings.HasPrefix(s.Problem, p)
		}
		if !ok {
			t.Errorf("French CV, problem not in French: %q", s.Problem)
		}
	}
	en := analyze(t, o, loadCV(t, "en_engineer.json"), "", "")
	if !strings.HasPrefix(en.General.Summary, "Overall") {
		t.Errorf("English CV, summary %q", en.General.Summary)
	}
}

func TestGeneratedSummary(t *testing.T) {
	c := loadCV(t, "en_engineer.json")
	c.Summary = ""
	a := analyze(t, newOffline(t), c, "", "")
	s, ok := suggestionFor(a, "summary")
	if !ok {
		t.Fatal("no summary suggestion for a CV without one")
	}
	want := "Senior Backend Engineer with 9 years of experience in Go, PostgreSQL and Redis. Currently at Kronos Payments."
	if s.ImprovedValue != want || s.OriginalValue != "" || s.Severity != cvanalysis.SeverityHigh {
		t.Errorf("summary suggestion = %q (%s), want %q", s.ImprovedValue, s.Severity, want)
	}
	fr := loadCV(t, "fr_marketing.json")
	fr.Summary = ""
	a = analyze(t, newOffline(t), fr, "", "")
	s, _ = suggestionFor(a, "summary")
	if want := "Chargée de marketing digital avec 7 ans d'expérience en Google Analytics, SEO et Emailing. Actuellement chez Maison Lumière."; s.ImprovedValue != want {
		t.Errorf("French summary = %q, want %q", s.ImprovedValue, want)
	}
}

func TestDateChecks(t *testing.T) {
	o := newOffline(t)
	tests := []struct {
		name   string
		modify func(c *cv.StructuredCV)
		issue  string
	}{
		{"order", func(c *cv.StructuredCV) { c.Experience[0], c.Experience[1] = c.Experience[1], c.Experience[0] }, "reverse chronological"},
		{"end before start", func(c *cv.StructuredCV) { c.Experience[1].EndDate = "Jan 2016" }, "before it starts"},
		{"unreadable", func(c *cv.StructuredCV) { c.Experience[1].StartDate = "sometime" }, "cannot be read"},
		{"missing", func(c *cv.StructuredCV) { c.Experience[1].StartDate, c.Experience[1].EndDate = "", "" }, "has no dates"},
		{"future", func(c *cv.StructuredCV) { c.Experience[0].StartDate = "Mar 2029" }, "in the future"},
		{"gap", func(c *cv.StructuredCV) {}, "Gap of 14 months"},
		{"range in one field", func(c *cv.StructuredCV) {
			c.Experience[1].StartDate, c.Experience[1].EndDate = "Sep 2017 - Jan 2020", ""
		}, "Gap of 14 months"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := loadCV(t, "en_engineer.json")
			tt.modify(&c)
			a := analyze(t, o, c, "", "")
			if !containsSub(a.Formatting.Issues, tt.issue) {
				t.Errorf("issues %q lack %q", a.Formatting.Issues, tt.issue)
			}
		})
	}
}

func containsSub(list []string, sub string) bool {
	for _, s := range list {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func TestATSKeywords(t *testing.T) {
	o := newOffline(t)
	c := loadCV(t, "en_engineer.json")
	jd := "Senior backend engineer. Must have: Golang, Postgres and k8s. Nice to have: Kafka, AWS, Rust. " +
		"You will build payment APIs and payment reconciliation services."
	a := analyze(t, o, c, "", jd)
	for _, want := range []string{"Go", "PostgreSQL", "Kubernetes", "Apache Kafka"} {
		if !contains(a.ATSAnalysis.KeywordMatches, want) {
			t.Errorf("matches %q lack %q (synonym)", a.ATSAnalysis.KeywordMatches, want)
		}
	}
	for _, want := range []string{"Amazon Web Services", "Rust"} {
		if !contains(a.ATSAnalysis.MissingKeywords, want) {
			t.Errorf("missing %q lack %q", a.ATSAnalysis.MissingKeywords, want)
		}
	}
	if a.ATSAnalysis.RelevanceScore <= 40 || a.ATSAnalysis.RelevanceScore >= 90 {
		t.Errorf("relevance %d for a partial match", a.ATSAnalysis.RelevanceScore)
	}
	if !strings.Contains(strings.Join(a.ATSAnalysis.Recommendations, " "), "Rust") {
		t.Errorf("recommendations do not name missing keywords: %q", a.ATSAnalysis.Recommendations)
	}
	unrelated := analyze(t, o, c, "", "Infirmier diplômé d'État pour le service de pédiatrie. Soins infirmiers, pédiatrie, urgences pédiatriques, protocoles de soins.")
	if unrelated.ATSAnalysis.RelevanceScore >= a.ATSAnalysis.RelevanceScore {
		t.Errorf("unrelated job scores %d ≥ related job %d", unrelated.ATSAnalysis.RelevanceScore, a.ATSAnalysis.RelevanceScore)
	}
}

func TestATSWithoutJobDescription(t *testing.T) {
	a := analyze(t, newOffline(t), loadCV(t, "en_engineer.json"), "", "  ")
	if a.ATSAnalysis.RelevanceScore > 85 || len(a.ATSAnalysis.MissingKeywords) != 0 {
		t.Errorf("ats without job = %+v", a.ATSAnalysis)
	}
	if !strings.Contains(a.ATSAnalysis.Recommendations[0], "No job description") {
		t.Errorf("recommendations do not say there was no job description: %q", a.ATSAnalysis.Recommendations)
	}
}

func TestRubricOrders(t *testing.T) {
	o := newOffline(t)
	good := analyze(t, o, excellentCV(), "", "")
	mid := analyze(t, o, loadCV(t, "en_engineer.json"), "", "")
	weak := analyze(t, o, weakCV(), "", "")
	empty := analyze(t, o, cv.StructuredCV{}, "", "")
	if !(good.General.OverallScore > mid.General.OverallScore && mid.General.OverallScore > weak.General.OverallScore && weak.General.OverallScore >= empty.General.OverallScore) {
		t.Errorf("overall: excellent %d, fixture %d, weak %d, empty %d: not in order",
			good.General.OverallScore, mid.General.OverallScore, weak.General.OverallScore, empty.General.OverallScore)
	}
	if good.General.OverallScore < 85 {
		t.Errorf("an excellent CV scores %d", good.General.OverallScore)
	}
	if mid.General.OverallScore >= 90 || weak.General.OverallScore >= 50 {
		t.Errorf("90+ should be rare: fixture %d, weak %d", mid.General.OverallScore, weak.General.OverallScore)
	}
	if len(empty.FieldSuggestions) != 0 || empty.Formatting.Score > 30 {
		t.Errorf("empty CV: %d suggestions, formatting %d", len(empty.FieldSuggestions), empty.Formatting.Score)
	}
}

func excellentCV() cv.StructuredCV {
	return cv.StructuredCV{
		Summary: "Backend engineer with 8 years in payments, running services that move 2 billion euros a year.",
		Contact: cv.Contact{Name: "Sam Lee", Email: "sam@example.com", Phone: "+44 20 7946 0958", Location: "London, UK", LinkedIn: "linkedin.com/in/samlee"},
		Experience: []cv.Experience{
			{ID: "e1", Title: "Staff Engineer", Company: "Paylane", StartDate: "Jan 2022", EndDate: "Present", Bullets: []string{
				"Cut card authorisation latency from 180 ms to 45 ms for 12 million monthly payments",
				"Led a team of 6 engineers that shipped instant payouts to 40,000 merchants",
				"Reduced cloud spend by 31% by moving batch jobs to spot instances",
				"Designed the ledger service that reconciles 2 billion euros a year with zero unexplained differences",
			}},
			{ID: "e2", Title: "Senior Engineer", Company: "Shoply", StartDate: "Mar 2018", EndDate: "Dec 2021", Bullets: []string{
				"Built the checkout API serving 3,000 requests per second at 99.99% availability",
				"Migrated 14 services from a monolith to Kubernetes in 9 months",
				"Mentored 4 junior engineers, two of whom were promoted within a year",
			}},
			{ID: "e3", Title: "Software Engineer", Company: "Datalog", StartDate: "Sep 2016", EndDate: "Feb 2018", Bullets: []string{
				"Developed a log pipeline ingesting 5 TB a day",
				"Automated release checks, cutting release time from 2 days to 3 hours",
			}},
		},
		Education: []cv.Education{{ID: "d1", Degree: "MSc Computer Science", Institution: "University of Manchester", StartDate: "2015", EndDate: "2016"}},
		Skills: cv.Skills{
			Technical: []string{"Go", "PostgreSQL", "Kafka", "Kubernetes", "gRPC", "Redis"},
			Tools:     []string{"Terraform", "Docker", "GitHub Actions"},
			Languages: []string{"English (native)", "Spanish (fluent)"},
		},
		Certifications: []cv.Item{{ID: "c1", Title: "CKA", Organization: "CNCF", Date: "2021"}},
	}
}

func weakCV() cv.StructuredCV {
	return cv.StructuredCV{
		Summary: "I am a hard-working and motivated team player.",
		Contact: cv.Contact{Name: "Pat"},
		Experience: []cv.Experience{{ID: "e1", Title: "Assistant", Company: "Shop", StartDate: "2019", EndDate: "2018", Bullets: []string{
			"Responsible for helping customers",
			"Worked on the website",
			"Did various tasks",
		}}},
	}
}

func TestDeterministic(t *testing.T) {
	o := newOffline(t)
	c := loadCV(t, "fr_marketing.json")
	a := analyze(t, o, c, "", "Chargé de marketing digital : SEO, Google Analytics, HubSpot, gestion de projet.")
	b := analyze(t, o, c, "", "Chargé de marketing digital : SEO, Google Analytics, HubSpot, gestion de projet.")
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("two analyses differ:\n%s", diff)
	}
}

func TestConcurrentUse(t *testing.T) {
	o := newOffline(t)
	cvs := []cv.StructuredCV{loadCV(t, "en_engineer.json"), loadCV(t, "fr_marketing.json"), weakCV(), excellentCV()}
	want := make([]cv.Analysis, len(cvs))
	for i, c := range cvs {
		want[i] = analyze(t, o, c, "", "Go Kubernetes SEO")
	}
	var wg sync.WaitGroup
	for range 8 {
		for i, c := range cvs {
			wg.Go(func() {
				got, err := o.Analyze(context.Background(), c, "", "Go Kubernetes SEO")
				if err != nil {
					t.Error(err)
					return
				}
				if diff := cmp.Diff(want[i], got); diff != "" {
					t.Errorf("concurrent analysis differs:\n%s", diff)
				}
			})
		}
	}
	wg.Wait()
}

func TestCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := newOffline(t).Analyze(ctx, excellentCV(), "", ""); err == nil {
		t.Fatal("Analyze ignored a cancelled context")
	}
}

func contains(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}

// TestUnreadPartsAreNamedNotScoredAsMissing: when part of the document
// could not be read or placed, the analysis names those parts, and the
// sections it did not find are not penalised as missing (they may be in
// those parts); with nothing unread the same CV loses the points.
func TestUnreadPartsAreNamedNotScoredAsMissing(t *testing.T) {
	o := newOffline(t)
	c := loadCV(t, "en_engineer.json")
	c.Experience, c.Education = nil, nil
	unread := []cv.UnreadPart{
		{Reason: cv.UnreadNoText, Page: 2},
		{Reason: cv.UnreadUnplaced, Text: "Acme Corp 2019 2023 built things"},
	}
	plain, err := o.Analyze(context.Background(), c, "", "")
	if err != nil {
		t.Fatal(err)
	}
	read, err := o.Analyze(context.Background(), c, "", "", unread...)
	if err != nil {
		t.Fatal(err)
	}
	if !cmp.Equal(read.UnreadParts, unread) || plain.UnreadParts != nil {
		t.Errorf("unread parts: %+v (none given: %+v), want %+v", read.UnreadParts, plain.UnreadParts, unread)
	}
	// experience (20) and education (10) are not penalised.
	if d := read.Formatting.Score - plain.Formatting.Score; d < 25 {
		t.Errorf("formatting %d with unread parts vs %d without: missing sections still penalised", read.Formatting.Score, plain.Formatting.Score)
	}
	if read.ATSAnalysis.RelevanceScore <= plain.ATSAnalysis.RelevanceScore {
		t.Errorf("ATS readiness %d with unread parts, %d without", read.ATSAnalysis.RelevanceScore, plain.ATSAnalysis.RelevanceScore)
	}
	said := strings.Join(read.Formatting.Issues, " | ")
	if !strings.Contains(said, "page 2 (no text)") || !strings.Contains(said, "text that fits no section") ||
		!strings.Contains(said, "experience") || strings.Contains(said, "No experience section") {
		t.Errorf("formatting issues do not name the unread parts or still call experience missing: %q", said)
	}
	for _, s := range read.Sections {
		if s.Name == "experience" && !strings.Contains(s.Feedback, "could not be read") {
			t.Errorf("experience section feedback %q", s.Feedback)
		}
	}
	if !strings.Contains(strings.Join(plain.Formatting.Issues, " | "), "No experience section") {
		t.Errorf("without unread parts the missing section is not reported: %q", plain.Formatting.Issues)
	}
}
