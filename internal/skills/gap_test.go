package skills

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var fixedNow = func() time.Time { return time.Date(2025, 11, 20, 12, 0, 0, 0, time.UTC) }

func newAnalyzer(t testing.TB) *Analyzer {
	t.Helper()
	return NewAnalyzer(NewExtractor(loadTaxonomy(t)), OfflineWriter{}, fixedNow)
}

func readFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func sampleRequest(t testing.TB) Request {
	return Request{
		CVText:         readFile(t, "testdata/cv_2page.txt"),
		JobDescription: readFile(t, "testdata/job_backend.txt"),
		JobTitle:       "Senior Backend Engineer",
	}
}

func row(t *testing.T, rep Report, id string) SkillGap {
	t.Helper()
	for _, r := range rep.JobSkillProfile {
		if r.SkillID == id {
			return r
		}
	}
	t.Fatalf("no row for %s in %+v", id, rep.JobSkillProfile)
	return SkillGap{}
}

func TestAnalyzeReport(t *testing.T) {
	rep, err := newAnalyzer(t).Analyze(context.Background(), sampleRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Generator != "offline" {
		t.Errorf("generator = %q, want offline", rep.Generator)
	}
	// Must-have vs nice-to-have follows the job's wording.
	for id, must := range map[string]bool{"go": true, "postgresql": true, "kubernetes": true, "terraform": true,
		"rust": false, "java": false, "pci-dss": false, "german": false, "english": true} {
		if r := row(t, rep, id); r.IsMustHave != must {
			t.Errorf("%s must-have = %v, want %v", id, r.IsMustHave, must)
		}
	}
	// Years and recency: Go (6 stated years, current) beats Java (2014–2016
	// only) and Rust (absent).
	goRow, java, rust := row(t, rep, "go"), row(t, rep, "java"), row(t, rep, "rust")
	if !(goRow.ProficiencyYou > java.ProficiencyYou && java.ProficiencyYou > rust.ProficiencyYou) {
		t.Errorf("levels go=%v java=%v rust=%v, want go > java > rust", goRow.ProficiencyYou, java.ProficiencyYou, rust.ProficiencyYou)
	}
	if rust.ProficiencyYou != 0 || rust.Gap != rust.ProficiencyReq {
		t.Errorf("rust row = %+v, want no proficiency and a full gap", rust)
	}
	if tf := row(t, rep, "terraform"); tf.ProficiencyReq >= goRow.ProficiencyReq {
		t.Errorf("'Familiarity with Terraform' asks %v, 'at least 3 with Go' asks %v", tf.ProficiencyReq, goRow.ProficiencyReq)
	}
	q := rep.Quantitative
	if q.SkillsMatched+q.SkillsMissing != q.TotalRequired || q.TotalRequired != len(rep.JobSkillProfile) {
		t.Errorf("quantitative summary inconsistent: %+v with %d rows", q, len(rep.JobSkillProfile))
	}
	if rep.AIScores.Coverage < 60 || q.OverallScore < 50 {
		t.Errorf("a backend CV for a backend job scored %+v %+v", rep.AIScores, q)
	}
	if len(rep.PriorityActions) == 0 || len(rep.LearningPaths) == 0 || rep.AISummary == "" {
		t.Errorf("narrative missing: %+v", rep)
	}
	for _, a := range rep.PriorityActions {
		if a.Action == "" || a.TimeEstimate == "" || a.Why == "" {
			t.Errorf("incomplete action %+v", a)
		}
	}
	for _, e := range rep.ResumeEdits {
		if e.Before == e.After || !strings.Contains(sampleRequest(t).CVText, e.Before) {
			t.Errorf("resume edit not grounded in the CV: %+v", e)
		}
	}
}

// TestReportJSONShape pins the contract's field names.
func TestReportJSONShape(t *testing.T) {
	rep, err := newAnalyzer(t).Analyze(context.Background(), sampleRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(rep)
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	// The contract's keys, plus learn_first and resources_version (additions).
	want := []string{"ai_scores", "ai_summary", "generator", "job_skill_profile", "learn_first", "learning_paths", "priority_actions", "quantitative_summary", "resources_version", "resume_edits"}
	if diff := cmp.Diff(want, keys(m)); diff != "" {
		t.Errorf("top-level keys (-want +got):\n%s", diff)
	}
	sub := map[string][]string{
		"ai_scores":            {"alignment", "coverage", "depth"},
		"quantitative_summary": {"overall_score", "skills_matched", "skills_missing", "total_required"},
	}
	for k, w := range sub {
		if diff := cmp.Diff(w, keys(m[k].(map[string]any))); diff != "" {
			t.Errorf("%s keys (-want +got):\n%s", k, diff)
		}
	}
	lists := map[string][]string{
		"job_skill_profile": {"category", "evidence", "gap", "is_must_have", "proficiency_req", "proficiency_you", "skill", "skill_id"},
		"priority_actions":  {"action", "time_estimate", "why"},
		"learning_paths":    {"path_title", "platform", "resources", "skill"},
		"learn_first": {"category", "centrality", "gap", "is_must_have", "proficiency_req", "proficiency_you", "rank",
			"resources", "skill", "skill_id", "why"},
	}
	for k, w := range lists {
		first := m[k].([]any)[0].(map[string]any)
		if diff := cmp.Diff(w, keys(first)); diff != "" {
			t.Errorf("%s item keys (-want +got):\n%s", k, diff)
		}
	}
}

func keys(m map[string]any) []string {
	var k []string
	for s := range m {
		k = append(k, s)
	}
	sort.Strings(k)
	return k
}

func TestAnalyzeDeterministic(t *testing.T) {
	an := newAnalyzer(t)
	a, err := an.Analyze(context.Background(), sampleRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	b, err := an.Analyze(context.Background(), sampleRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Error("two runs on the same input differ")
	}
}

func TestAnalyzeBadInput(t *testing.T) {
	an := newAnalyzer(t)
	cv := readFile(t, "testdata/cv_2page.txt")
	job := readFile(t, "testdata/job_backend.txt")
	tests := []struct {
		name string
		req  Request
		want error
	}{
		{"empty job", Request{CVText: cv, JobDescription: "  \n\t"}, ErrEmptyJobDescription},
		{"1 MB job", Request{CVText: cv, JobDescription: strings.Repeat("Go and Kafka. ", 80_000)}, ErrJobDescriptionSize},
		{"empty cv", Request{CVText: "", JobDescription: job}, ErrEmptyCV},
		{"huge cv", Request{CVText: strings.Repeat("x", MaxCVTextBytes+1), JobDescription: job}, ErrCVSize},
		{"binary", Request{CVText: "\xff\xfe\x00PDF", JobDescription: job}, ErrNotUTF8},
		{"long title", Request{CVText: cv, JobDescription: job, JobTitle: strings.Repeat("a", 301)}, ErrJobTitleSize},
		{"no skills", Request{CVText: cv, JobDescription: "Lorem ipsum dolor sit amet."}, ErrNoJobSkills},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := an.Analyze(context.Background(), tc.req)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestAnalyzeConcurrent(t *testing.T) {
	an := newAnalyzer(t)
	req := sampleRequest(t)
	want, err := an.Analyze(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			got, err := an.Analyze(context.Background(), req)
			if err == nil && !reflect.DeepEqual(got, want) {
				err = errors.New("concurrent result differs")
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write(context.Context, Assessment) (Narrative, error) {
	return Narrative{}, errors.New("model unavailable")
}

func TestAnalyzeWriterError(t *testing.T) {
	an := NewAnalyzer(NewExtractor(loadTaxonomy(t)), failingWriter{}, fixedNow)
	if _, err := an.Analyze(context.Background(), sampleRequest(t)); err == nil || !strings.Contains(err.Error(), "model unavailable") {
		t.Fatalf("err = %v, want the writer's error", err)
	}
}

// BenchmarkAnalyze2PageCV measures one full analysis: extraction of a
// 2-page CV and a job description, scoring and the offline narrative.
func BenchmarkAnalyze2PageCV(b *testing.B) {
	an := newAnalyzer(b)
	req := sampleRequest(b)
	ctx := context.Background()
	b.SetBytes(int64(len(req.CVText) + len(req.JobDescription)))
	b.ReportAllocs()
	var took []time.Duration
	for b.Loop() {
		start := time.Now()
		if _, err := an.Analyze(ctx, req); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(took[len(took)*95/100].Microseconds()), "p95-µs")
}

func BenchmarkLoadTaxonomy(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadTaxonomy(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnalyzeLargestJob is the worst accepted input: a job description
// at MaxJobDescriptionBytes, dense with skills.
func BenchmarkAnalyzeLargestJob(b *testing.B) {
	an := newAnalyzer(b)
	req := sampleRequest(b)
	job := req.JobDescription
	for len(job)+len(req.JobDescription) < MaxJobDescriptionBytes {
		job += req.JobDescription
	}
	req.JobDescription = job
	b.ReportAllocs()
	for b.Loop() {
		if _, err := an.Analyze(context.Background(), req); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLearnFirstRanking: missing must-haves come first, the one the
// posting names most (and in its title) before the others; then must-haves
// below the level asked, then nice-to-haves; at most five, each with links.
func TestLearnFirstRanking(t *testing.T) {
	job := `About us
We build payment software for shops; our data team uses Scala.

Requirements
- Kubernetes in production; you deploy to Kubernetes daily and scale Kubernetes clusters
- Terraform
- 5+ years of PostgreSQL
- Python
- Docker
- Go

Nice to have
- Apache Kafka
- GraphQL`
	cv := `Jane Doe
Backend developer

Experience
Backend Developer, Shopware Ltd, 2023 – present
- Built services in Go and Python
- Used PostgreSQL for one year

Skills
Go, Python, PostgreSQL, Git`
	rep, err := NewAnalyzer(NewExtractor(loadTaxonomy(t)), OfflineWriter{}, fixedNow).Analyze(context.Background(),
		Request{CVText: cv, JobDescription: job, JobTitle: "Terraform Specialist"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range rep.LearnFirst {
		got = append(got, l.SkillID)
		if len(l.Resources) == 0 || l.Why == "" || l.Rank != len(got) {
			t.Errorf("item %+v lacks a rank, a reason or resources", l)
		}
	}
	// Terraform: named in the title and the requirements (4); Kubernetes: 3
	// mentions; Docker: 1; then PostgreSQL, below the 5 years asked; then
	// the first nice-to-have; GraphQL does not fit in five.
	want := []string{"terraform", "kubernetes", "docker", "postgresql", "apache-kafka"}
	if len(got) < len(want) || !cmp.Equal(want, got[:len(want)]) {
		t.Fatalf("learn_first = %v, want it to start with %v", got, want)
	}
	if len(got) > 5 {
		t.Errorf("learn_first has %d items, want at most 5", len(got))
	}
	for _, l := range rep.LearnFirst {
		if l.SkillID == "scala" {
			t.Errorf("Scala, named only in the company description, is in learn_first")
		}
	}
	if rep.ResourcesVersion == "" {
		t.Error("no resources_version")
	}
}

func TestLearnWhy(t *testing.T) {
	missing := SkillGap{Skill: "Terraform", IsMustHave: true, ProficiencyReq: 3, Gap: 3}
	below := SkillGap{Skill: "Go", ProficiencyReq: 3, ProficiencyYou: 2, Gap: 1}
	for _, c := range []struct {
		r    SkillGap
		js   JobSkill
		want string
	}{
		{missing, JobSkill{Mentions: 2, InTitle: true}, "A must-have: your CV shows no evidence of it; named in the job title and once more in the requirements."},
		{missing, JobSkill{Mentions: 1, InTitle: true}, "A must-have: your CV shows no evidence of it; named in the job title."},
		{below, JobSkill{Mentions: 3}, "A nice-to-have: the job asks level 3.0, your CV suggests 2.0; named 3 times in the requirements."},
	} {
		if got := learnWhy(c.r, c.js); got != c.want {
			t.Errorf("learnWhy = %q, want %q", got, c.want)
		}
	}
}
