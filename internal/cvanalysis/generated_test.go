package cvanalysis_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/utopiahire/utopiahire/internal/cv"
)

// Pools the generator draws from: good, weak, passive, first-person, long,
// buzzword-laden and hostile text in both languages.
var (
	bulletsEN = []string{
		"Responsible for managing the billing platform",
		"Worked on the migration of 12 services to Kubernetes",
		"Helped improve onboarding for new hires",
		"Assisted with the quarterly audit",
		"Participated in sprint planning",
		"The reporting pipeline was rebuilt using Airflow",
		"Customer data was cleaned and migrated to Snowflake by me",
		"I designed the caching layer that cut latency by 40%",
		"We shipped the mobile app to 200,000 users",
		"Reduced infrastructure costs by 25% in 6 months",
		"Led a team of 4 analysts",
		"Successfully delivered a number of projects in order to meet deadlines",
		"Dynamic and passionate team player who thinks outside the box",
		"Handled vendor negotiations",
		"Did code reviews for the platform team",
		"Ran weekly design reviews, covering topics such as caching, queues, retries, idempotency and observability for all of the teams in the payments organisation",
		"Tasked with writing the incident runbooks",
		"Was responsible for the design and implementation of the search service",
		`\input{/etc/passwd} was written by me`,
		"Built [placeholder] {braces} and 100% <tags>",
		"Optimised disk I/O for 3 databases",
		"",
		"   ",
		"Improved NPS",
	}
	bulletsFR = []string{
		"Responsable de la gestion des stocks du magasin",
		"J'ai travaillé sur la refonte du site vitrine",
		"Participation à l'organisation des événements clients",
		"Aide à la préparation des bilans comptables",
		"Une nouvelle procédure a été mise en place pour 40 agents",
		"Les tableaux de bord ont été automatisés afin de gagner du temps",
		"Développé une application mobile utilisée par 15 000 clients",
		"Encadré une équipe de 6 personnes",
		"Chargé du suivi des fournisseurs",
		"Travaillé sur le projet de migration vers le cloud",
		"Je suis responsable des relations avec les partenaires",
		"Personne dynamique, motivée et rigoureuse avec un bon relationnel",
		"Aidé à rédiger les rapports mensuels",
		"Réduit les délais de livraison de 20 %",
		"Mise en place de la démarche qualité, notamment les audits internes, les revues de processus, les indicateurs, les plans d'action et la formation des équipes sur site",
		"Suivi des indicateurs de performance",
	}
	titles    = []string{"Software Engineer", "Data Analyst", "Chargée de communication", "Comptable", "Product Manager", "Infirmier", ""}
	companies = []string{"Acme", "Orange", "Société Générale", "Kronos", "", "\\textbf{Evil} & Co"}
	dates     = []string{"Jan 2020", "2019", "09/2018", "2021-03", "janvier 2022", "Present", "aujourd'hui", "", "soon", "13/2020", "Mar 2030", "2015 - 2017"}
	summaries = []string{
		"", "I am a passionate and results-driven engineer.", "Je suis une personne dynamique et motivée.",
		"Data analyst with 5 years in retail.", "Comptable rigoureux avec 10 ans d'expérience.",
		"Hard-working. Team player. Go-getter.",
	}
	skillPool = []string{"Go", "Python", "Excel", "SAP", "Kubernetes", "SEO", "Gestion de projet", "Communication", ""}
)

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

func picks(r *rand.Rand, list []string, max int) []string {
	n := r.IntN(max + 1)
	out := make([]string, n)
	for i := range out {
		out[i] = pick(r, list)
	}
	return out
}

func generateCV(r *rand.Rand) cv.StructuredCV {
	bullets := bulletsEN
	if r.IntN(2) == 0 {
		bullets = bulletsFR
	}
	c := cv.StructuredCV{
		Summary: pick(r, summaries),
		Contact: cv.Contact{
			Name: pick(r, []string{"Ana Costa", "", "Jean Dupont"}), Email: pick(r, []string{"ana@example.com", "", "not-an-email"}),
			Phone: pick(r, []string{"+33 6 12 34 56 78", "", "call me"}), Location: pick(r, []string{"Paris", ""}),
			LinkedIn: pick(r, []string{"linkedin.com/in/x", ""}),
		},
		Skills: cv.Skills{Technical: picks(r, skillPool, 8), Tools: picks(r, skillPool, 3), SoftSkills: picks(r, []string{"Team player", "Esprit d'équipe", "Leadership"}, 2)},
	}
	for i := range r.IntN(5) {
		c.Experience = append(c.Experience, cv.Experience{
			ID: fmt.Sprintf("e%d", i), Title: pick(r, titles), Company: pick(r, companies),
			StartDate: pick(r, dates), EndDate: pick(r, dates), Description: pick(r, append([]string{""}, bullets...)),
			Bullets: picks(r, bullets, 6),
		})
	}
	for i := range r.IntN(3) {
		c.Education = append(c.Education, cv.Education{
			ID: fmt.Sprintf("d%d", i), Degree: pick(r, []string{"MSc Data Science", "Licence", ""}), Institution: pick(r, companies),
			StartDate: pick(r, dates), EndDate: pick(r, dates), Achievements: picks(r, bullets, 2),
		})
	}
	for i := range r.IntN(3) {
		c.Projects = append(c.Projects, cv.Item{ID: fmt.Sprintf("p%d", i), Title: "Project", Description: pick(r, bullets), Bullets: picks(r, bullets, 2)})
	}
	if r.IntN(4) == 0 {
		c.Volunteer = []cv.Item{{ID: "v0", Title: "Mentor", Description: pick(r, bullets)}}
	}
	return c
}

// TestGeneratedCVs runs the analyzer over many generated CVs and checks the
// contract each time: every suggestion resolves in its CV, holds the
// current value, applies cleanly and introduces no placeholder; scores stay
// in range; French CVs get French text.
func TestGeneratedCVs(t *testing.T) {
	o := newOffline(t)
	r := rand.New(rand.NewPCG(9, 2026))
	jobs := []string{"", "Data analyst: SQL, Python, Tableau. Must have Excel.", "Comptable : SAP, Excel, fiscalité. Maîtrise de la paie requise."}
	n := 400
	if testing.Short() {
		n = 60
	}
	suggestions := 0
	for i := range n {
		c := generateCV(r)
		a := analyze(t, o, c, "", pick(r, jobs))
		suggestions += len(a.FieldSuggestions)
		lang := cv.DetectLanguage(&c, "")
		if lang == cv.French && !strings.HasPrefix(a.General.Summary, "Note globale") ||
			lang == cv.English && !strings.HasPrefix(a.General.Summary, "Overall") {
			t.Errorf("cv %d (%s): summary in the wrong language: %q", i, lang, a.General.Summary)
		}
		if t.Failed() {
			t.Fatalf("failed on generated CV %d: %+v", i, c)
		}
	}
	if suggestions < n {
		t.Errorf("only %d suggestions over %d CVs: the generator or the rules are off", suggestions, n)
	}
}

// TestCorpusCVs runs the analyzer over the labelled CVs of the parser's
// corpus (structured truth written by hand or generated from data, EN and
// FR) and checks the same contract.
func TestCorpusCVs(t *testing.T) {
	files, err := filepath.Glob("../cvparse/testdata/corpus/*.json")
	if err != nil || len(files) < 30 {
		t.Fatalf("parser corpus: %d files, %v", len(files), err)
	}
	o := newOffline(t)
	langs := map[string]int{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var c cv.StructuredCV
		if err := json.Unmarshal(b, &c); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		raw, _ := os.ReadFile(strings.TrimSuffix(f, ".json") + ".txt")
		analyze(t, o, c, string(raw), "Product manager: SQL, Python, stakeholder management, agile.")
		lang := cv.DetectLanguage(&c, string(raw))
		langs[lang]++
		if want := map[string]string{"en": "-en", "fr": "-fr"}[lang]; !strings.Contains(filepath.Base(f), want) {
			t.Errorf("%s detected as %s", filepath.Base(f), lang)
		}
		if t.Failed() {
			t.Fatalf("failed on %s", f)
		}
	}
	if langs["en"] == 0 || langs["fr"] == 0 {
		t.Errorf("corpus languages: %v", langs)
	}
}
