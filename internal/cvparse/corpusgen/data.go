package main

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/text"
)

// persona is the structured truth one CV is rendered from.
type persona struct {
	Lang      string // "en" or "fr"
	Name      string
	Email     string
	Phone     string
	Location  string
	LinkedIn  string
	GitHub    string
	Portfolio string
	Summary   string
	Jobs      []job
	Schools   []school
	Skills    skillSet
	Spoken    []spoken
	Projects  []project
	Certs     []string
	Interests []string
	Free      []cv.Section // sections with headings no parser lists (Patents, Talks)
}

type ym struct{ Y, M int } // M == 0: year only; Y == 0: present

type job struct {
	Title, Company, Location string
	Start, End               ym
	Bullets                  []string
}

type school struct {
	Degree, Institution, Location string
	Start, End                    ym
	GPA                           string
}

type skillSet struct {
	Technical, Tools, Soft []string
}

type spoken struct{ Lang, Level string }

type project struct{ Name, Desc string }

type place struct{ City, Country, PhoneFmt string }

var placesEN = []place{
	{"San Francisco, CA", "USA", "us"}, {"Austin, TX", "USA", "us"}, {"London", "United Kingdom", "uk"},
	{"Manchester", "United Kingdom", "uk"}, {"Toronto, ON", "Canada", "us"}, {"Berlin", "Germany", "de"},
	{"Tunis", "Tunisia", "tn"}, {"Dublin", "Ireland", "ie"}, {"New York, NY", "USA", "us"},
}

var placesFR = []place{
	{"Paris", "France", "fr"}, {"Lyon", "France", "fr"}, {"Toulouse", "France", "fr"}, {"Nantes", "France", "fr"},
	{"Montréal, QC", "Canada", "us"}, {"Tunis", "Tunisie", "tn"}, {"Casablanca", "Maroc", "ma"},
	{"Bruxelles", "Belgique", "be"}, {"Lille", "France", "fr"},
}

var firstEN = []string{"Emily", "James", "Olivia", "Daniel", "Sarah", "Michael", "Priya", "Ahmed", "Grace", "Lucas", "Hannah", "Omar", "Chloe", "Ethan"}
var lastEN = []string{"Carter", "Nguyen", "Patel", "O'Brien", "Walker", "Haddad", "Kim", "Fischer", "Thompson", "Ben Salem", "Murphy", "Rossi"}
var firstFR = []string{"Camille", "Léa", "Thomas", "Hugo", "Inès", "Mehdi", "Chloé", "Julien", "Manon", "Yasmine", "Théo", "Élodie", "Karim", "Sophie"}
var lastFR = []string{"Dubois", "Lefèvre", "Martin", "Bernard", "Trabelsi", "Moreau", "Girard", "Benali", "Rousseau", "Fontaine", "Mercier", "Lambert"}

var companiesEN = []string{"Stripe", "Acme Analytics Inc.", "Northwind Traders", "Globex Corporation", "Blue Harbor Labs", "Initech", "Datadog", "Vertex Health Ltd", "Brightwave Solutions", "Shopify", "Contoso Ltd", "Helios Energy Group", "Pinnacle Bank"}
var companiesFR = []string{"Capgemini", "Société Générale", "Dassault Systèmes", "Doctolib", "Atos", "BlaBlaCar", "Orange Business", "Vinci Énergies", "Sopra Steria", "Qonto", "Ubisoft", "Thales", "Decathlon"}

var titlesEN = []string{"Software Engineer", "Senior Backend Engineer", "Data Analyst", "Product Manager", "DevOps Engineer", "Frontend Developer", "Machine Learning Engineer", "Engineering Intern", "QA Engineer", "Technical Lead", "Data Scientist", "Site Reliability Engineer"}
var titlesFR = []string{"Ingénieur logiciel", "Développeur Full Stack", "Chef de projet", "Data Analyst", "Ingénieure DevOps", "Stagiaire Développement Web", "Consultant SI", "Développeur Backend Java", "Responsable produit", "Data Scientist", "Architecte Cloud", "Ingénieur QA"}

var degreesEN = []string{"BSc in Computer Science", "MSc in Data Science", "Bachelor of Engineering in Software Engineering", "Master of Business Administration (MBA)", "BA in Economics", "MSc in Artificial Intelligence", "Associate Degree in Information Technology"}
var degreesFR = []string{"Master Informatique", "Diplôme d'ingénieur en informatique", "Licence Mathématiques", "Master MIAGE", "DUT Informatique", "Baccalauréat scientifique", "Master Data Science", "BTS Services informatiques"}

var schoolsEN = []string{"University of Texas at Austin", "Imperial College London", "University of Toronto", "Trinity College Dublin", "Georgia Institute of Technology", "University of Manchester", "Technical University of Munich"}
var schoolsFR = []string{"Université Paris-Saclay", "INSA Lyon", "École Polytechnique", "Université de Nantes", "Université Claude Bernard Lyon 1", "ESPRIT", "École Centrale de Lille", "Université de Tunis El Manar"}

var technical = []string{"Go", "Python", "Java", "TypeScript", "JavaScript", "SQL", "C++", "Rust", "Kotlin", "React", "Node.js", "Django", "Spring Boot", "PostgreSQL", "Redis", "GraphQL", "TensorFlow", "Pandas", "REST APIs", "Microservices"}
var tools = []string{"Docker", "Kubernetes", "Git", "Terraform", "AWS", "GCP", "Jenkins", "GitHub Actions", "Jira", "Grafana", "Kafka", "Linux", "Figma", "Tableau"}
var softEN = []string{"Communication", "Teamwork", "Leadership", "Problem solving", "Mentoring"}
var softFR = []string{"Communication", "Travail en équipe", "Autonomie", "Leadership", "Rigueur"}

var bulletsEN = []string{
	"Designed and shipped a %s service handling %d requests per second",
	"Reduced infrastructure costs by %d%% by migrating workloads to %s",
	"Led a team of %d engineers to deliver a customer-facing %s dashboard",
	"Built CI/CD pipelines with %s, cutting release time by %d%%",
	"Improved API latency by %d%% through caching with %s",
	"Mentored %d junior developers and ran weekly %s code reviews",
	"Automated reporting with %s, saving %d hours per week",
	"Migrated %d legacy services to %s with zero downtime",
}
var bulletsFR = []string{
	"Conception et mise en production d'un service %s traitant %d requêtes par seconde",
	"Réduction des coûts d'infrastructure de %d %% grâce à une migration vers %s",
	"Encadrement d'une équipe de %d développeurs sur un tableau de bord %s",
	"Mise en place de pipelines CI/CD avec %s, réduisant le temps de livraison de %d %%",
	"Amélioration de la latence des API de %d %% grâce à un cache %s",
	"Automatisation du reporting avec %s, soit %d heures gagnées par semaine",
	"Migration de %d applications historiques vers %s sans interruption",
}

var summariesEN = []string{
	"Engineer with %d years of experience building reliable backend systems and data platforms. Enjoys turning vague problems into measurable results.",
	"Analytical professional with %d years in product and data roles, focused on customer impact and clear communication.",
}
var summariesFR = []string{
	"Ingénieur avec %d ans d'expérience dans la conception de systèmes backend fiables et de plateformes de données.",
	"Professionnelle orientée résultats, %d ans d'expérience en développement et en gestion de projets agiles.",
}

var levelsEN = []string{"Native", "Fluent", "Professional working proficiency", "C1", "B2", "Intermediate"}
var levelsFR = []string{"Langue maternelle", "Courant", "Bilingue", "C1", "B2", "Intermédiaire"}

var certsEN = []string{"AWS Certified Solutions Architect – Associate (2022)", "Certified Kubernetes Administrator (2021)", "Google Professional Data Engineer (2023)", "PMP – Project Management Professional (2020)"}
var certsFR = []string{"AWS Certified Cloud Practitioner (2022)", "Scrum Master PSM I (2021)", "TOEIC 945 (2019)", "Certification Google Analytics (2023)"}

var interestsEN = []string{"Trail running", "Chess", "Open-source contributions", "Photography", "Cooking"}
var interestsFR = []string{"Course à pied", "Échecs", "Bénévolat associatif", "Photographie", "Théâtre"}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func pickN[T any](r *rand.Rand, xs []T, n int) []T {
	idx := r.Perm(len(xs))[:n]
	out := make([]T, n)
	for i, j := range idx {
		out[i] = xs[j]
	}
	return out
}

func slug(s string) string {
	var b strings.Builder
	for _, r := range text.Fold(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-':
			b.WriteRune('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

func phone(r *rand.Rand, kind string) string {
	d := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		return b.String()
	}
	switch kind {
	case "us":
		return pick(r, []string{"+1 (%s) 555-%s", "(%s) 555-%s", "+1 %s-555-%s"})
	case "uk":
		return "+44 20 " + d(4) + " " + d(4)
	case "de":
		return "+49 30 " + d(7)
	case "tn":
		return "+216 " + d(2) + " " + d(3) + " " + d(3)
	case "ma":
		return "+212 6 " + d(2) + " " + d(2) + " " + d(2) + " " + d(2)
	case "be":
		return "+32 470 " + d(2) + " " + d(2) + " " + d(2)
	case "ie":
		return "+353 87 " + d(3) + " " + d(4)
	}
	return pick(r, []string{"+33 6 ", "06 ", "+33 (0)7 "}) + d(2) + " " + d(2) + " " + d(2) + " " + d(2)
}

func newPersona(r *rand.Rand, lang string) persona {
	p := persona{Lang: lang}
	places, first, last := placesEN, firstEN, lastEN
	companies, titles, degrees, schools := companiesEN, titlesEN, degreesEN, schoolsEN
	if lang == "fr" {
		places, first, last = placesFR, firstFR, lastFR
		companies, titles, degrees, schools = companiesFR, titlesFR, degreesFR, schoolsFR
	}
	fn, ln := pick(r, first), pick(r, last)
	p.Name = fn + " " + ln
	user := slug(fn) + "." + strings.ReplaceAll(slug(ln), "-", "")
	p.Email = user + "@" + pick(r, []string{"gmail.com", "outlook.com", "proton.me", "example.org", "yahoo.fr"})
	pl := pick(r, places)
	p.Location = pl.City + ", " + pl.Country
	if strings.Contains(pl.City, ",") {
		p.Location = pl.City
	}
	p.Phone = phone(r, pl.PhoneFmt)
	if strings.Contains(p.Phone, "%s") {
		p.Phone = fmt.Sprintf(p.Phone, fmt.Sprint(200+r.IntN(700)), fmt.Sprintf("%04d", r.IntN(10000)))
	}
	handle := slug(fn) + "-" + slug(ln)
	p.LinkedIn = pick(r, []string{"linkedin.com/in/", "https://www.linkedin.com/in/", "www.linkedin.com/in/"}) + handle
	if r.IntN(3) > 0 {
		p.GitHub = pick(r, []string{"github.com/", "https://github.com/"}) + slug(fn) + strings.ReplaceAll(slug(ln), "-", "")
	}
	if r.IntN(3) == 0 {
		p.Portfolio = pick(r, []string{"https://", ""}) + strings.ReplaceAll(slug(fn+ln), "-", "") + pick(r, []string{".dev", ".io", ".fr"})
	}
	years := 3 + r.IntN(10)
	if lang == "fr" {
		p.Summary = fmt.Sprintf(pick(r, summariesFR), years)
	} else {
		p.Summary = fmt.Sprintf(pick(r, summariesEN), years)
	}
	nJobs := 2 + r.IntN(3)
	end := ym{}
	year := 2025
	for i, c := range pickN(r, companies, nJobs) {
		span := 1 + r.IntN(3)
		start := ym{Y: year - span, M: 1 + r.IntN(12)}
		if i > 0 {
			end = ym{Y: year, M: 1 + r.IntN(12)}
		}
		j := job{Title: pick(r, titles), Company: c, Location: pick(r, places).City, Start: start, End: end}
		for _, b := range pickN(r, bulletsOf(lang), 2+r.IntN(3)) {
			j.Bullets = append(j.Bullets, fillBullet(r, b))
		}
		p.Jobs = append(p.Jobs, j)
		year = start.Y
		if start.M == 1 {
			year--
		}
	}
	nSchools := 1 + r.IntN(2)
	for _, s := range pickN(r, schools, nSchools) {
		sc := school{Degree: pick(r, degrees), Institution: s, Location: pick(r, places).City,
			Start: ym{Y: year - 3, M: 9}, End: ym{Y: year - 1, M: 6}}
		if r.IntN(3) == 0 {
			if lang == "fr" {
				sc.GPA = pick(r, []string{"Mention Bien", "Mention Très Bien", "16/20"})
			} else {
				sc.GPA = pick(r, []string{"3.8/4.0", "3.6/4.0", "First Class Honours"})
			}
		}
		p.Schools = append(p.Schools, sc)
		year -= 3
	}
	p.Skills.Technical = pickN(r, technical, 4+r.IntN(4))
	p.Skills.Tools = pickN(r, tools, 3+r.IntN(3))
	if r.IntN(2) == 0 {
		if lang == "fr" {
			p.Skills.Soft = pickN(r, softFR, 3)
		} else {
			p.Skills.Soft = pickN(r, softEN, 3)
		}
	}
	p.Spoken = spokenFor(r, lang)
	if r.IntN(2) == 0 {
		p.Projects = []project{{Name: pick(r, []string{"OpenMetrics Exporter", "Budget Buddy", "TrailMap", "CVLint"}), Desc: pick(r, []string{"Open-source tool written in Go with 300+ GitHub stars.", "Application mobile de gestion de budget (React Native)."})}}
	}
	if r.IntN(2) == 0 {
		if lang == "fr" {
			p.Certs = pickN(r, certsFR, 1+r.IntN(2))
		} else {
			p.Certs = pickN(r, certsEN, 1+r.IntN(2))
		}
	}
	if r.IntN(2) == 0 {
		if lang == "fr" {
			p.Interests = pickN(r, interestsFR, 3)
		} else {
			p.Interests = pickN(r, interestsEN, 3)
		}
	}
	return p
}

func bulletsOf(lang string) []string {
	if lang == "fr" {
		return bulletsFR
	}
	return bulletsEN
}

func fillBullet(r *rand.Rand, tmpl string) string {
	var args []any
	for i := 0; i+1 < len(tmpl); i++ {
		if tmpl[i] != '%' {
			continue
		}
		switch tmpl[i+1] {
		case 'd':
			args = append(args, 2+r.IntN(40))
		case 's':
			args = append(args, pick(r, append(append([]string{}, technical...), tools...)))
		}
		i++
	}
	return fmt.Sprintf(tmpl, args...)
}

func spokenFor(r *rand.Rand, lang string) []spoken {
	if lang == "fr" {
		return []spoken{{"Français", "Langue maternelle"}, {"Anglais", pick(r, levelsFR[1:])}, {pick(r, []string{"Espagnol", "Arabe", "Allemand"}), pick(r, levelsFR[3:])}}
	}
	return []spoken{{"English", "Native"}, {pick(r, []string{"French", "Spanish", "German", "Arabic"}), pick(r, levelsEN[1:])}}
}
