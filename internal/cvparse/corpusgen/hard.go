package main

import (
	"math/rand/v2"
	"strings"

	"github.com/utopiahire/utopiahire/internal/cv"
)

// The "hard" variant draws the patterns issue 14 found misread on CVs the
// project had never seen: family-name particles, companies whose city is a
// well-known one written "Company, City", a phone followed by the city with
// one space, headings outside the usual lists, skills with parenthesised
// details and check-mark glyphs, and free-text sections after Languages.

var particleNamesEN = []string{"Hendrik van der Merwe", "Anne-Marie de la Tour", "Lucas da Silva", "Simon de Montfort",
	"Karim el-Amrani", "Fatima bint Khalid", "Pieter van Dijk", "Maria dos Santos", "Ahmed ben Youssef", "Sofia di Marco"}
var particleNamesFR = []string{"Anne-Sophie de la Tour", "Jean-Luc d'Arcy", "Hélène du Pont", "Yasmine el-Idrissi",
	"Mathieu le Goff", "Inès da Costa", "Mohamed ben Salah", "Claire de Villiers", "Louis van Houtte", "Nadia ould Ahmed"}

// cityCompanies are real-sounding employers without any organisation
// suffix, so the parser cannot lean on "Ltd" or "Inc.".
var cityCompanies = []string{"Monzo", "Revolut", "Deliveroo", "Criteo", "Mistral", "Wise", "Vinted", "Farfetch",
	"Glovo", "Sonae", "Talabat", "Instadeep", "Grab", "Zalando", "Satispay", "Alan", "Swile", "Back Market"}
var wellKnownCities = []string{"London", "Paris", "Tunis", "Singapore", "Milan", "Lisbon", "Berlin", "Madrid", "Dublin", "Amsterdam"}

var hardHeadingsEN = map[string][]string{
	"experience": {"Where I've worked", "Career", "Work History", "Professional Background", "Research Experience"},
	"education":  {"EDUCATION & TRAINING", "Studies", "Academic Qualifications"},
	"skills":     {"Toolbox", "Tools & Technologies", "Tech Stack", "Expertise"},
	"languages":  {"Languages I speak", "Spoken Languages"},
}
var hardHeadingsFR = map[string][]string{
	"experience": {"Parcours", "Expériences", "Emplois occupés", "Postes occupés"},
	"education":  {"FORMATION & DIPLÔMES", "Études", "Cursus"},
	"skills":     {"Boîte à outils", "Outils et technologies", "Expertise"},
	"languages":  {"Langues parlées", "Langues"},
}

var parenSkills = []string{"AWS (EMR, Lambda)", "Python (Pandas, NumPy)", "SQL (PostgreSQL, BigQuery)",
	"JavaScript (React, Vue)", "CI/CD (GitLab, Jenkins)", "Java (Spring, Hibernate)"}

var freeSectionsEN = []struct{ title, text string }{
	{"Patents", "Method for streaming ledger reconciliation, granted 2022"},
	{"Talks", "GopherCon EU 2023: building ledgers in Go"},
	{"Publications", "Fast joins on sorted logs, VLDB workshop 2021"},
}
var freeSectionsFR = []struct{ title, text string }{
	{"Projets marquants", "Refonte du moteur de recommandation, 2 millions d'utilisateurs"},
	{"Conférences", "Devoxx France 2023 : observabilité sans douleur"},
	{"Brevets", "Procédé de rapprochement de flux comptables, déposé en 2022"},
}

// harden rewrites a persona and its style with the hard patterns.
func harden(r *rand.Rand, p *persona, s *style) {
	if p.Lang == "fr" {
		p.Name = pick(r, particleNamesFR)
	} else {
		p.Name = pick(r, particleNamesEN)
	}
	for i := range p.Jobs {
		if r.IntN(3) > 0 {
			p.Jobs[i].Company = pick(r, cityCompanies)
			p.Jobs[i].Location = pick(r, wellKnownCities)
		}
	}
	// "Company, City" on its own line: the pattern that lost the company.
	s.jobStyle = pick(r, []int{1, 1, 2, 4, 5})
	hs := hardHeadingsEN
	if p.Lang == "fr" {
		hs = hardHeadingsFR
	}
	for k, v := range hs {
		if r.IntN(4) > 0 {
			s.headings[k] = pick(r, v)
		}
	}
	if r.IntN(2) == 0 {
		p.Skills.Technical = append(p.Skills.Technical[:2:2], pickN(r, parenSkills, 2)...)
	}
	if s.checkSkills = r.IntN(2) == 0; s.checkSkills {
		s.skillStyle = 3
	}
	s.phoneCity = !s.labels && r.IntN(2) == 0
	free := freeSectionsEN
	if p.Lang == "fr" {
		free = freeSectionsFR
	}
	for _, f := range pickN(r, free, 1+r.IntN(2)) {
		p.Free = append(p.Free, cv.Section{Title: f.title, Content: f.text})
	}
}

// checkList renders skills as "✓ Go ✓ SQL".
func checkList(items []string) string {
	return "✓ " + strings.Join(items, " ✓ ")
}

// The variations (plans with vary): the same patterns written in ways the
// first hard set does not — towns a short list would not name, employers
// named like a city, "Remote (EMEA)"; "Company (City)", "Company · City",
// the city on a line of its own; a headline or pronouns beside the name; a
// phone with its country code in parentheses; headings with no known word
// or decorated ("— Skills —"); ratings, years, group names and "and" in
// skills lists; a level after a dash; a running footer, a "last updated"
// line and "References available upon request".

var varyJobs = []struct{ company, city string }{
	{"Scandit", "Zürich"}, {"Brainly", "Kraków"}, {"Rappi", "Medellín"}, {"Vermeg", "Monastir"}, {"Signify", "Eindhoven"},
	{"Irembo", "Kigali"}, {"Paystack", "Lagos"}, {"Careem", "Dubai"}, {"Nubank", "São Paulo"}, {"Flipkart", "Bengaluru"},
	{"Safaricom", "Nairobi"}, {"Swvl", "Cairo"}, {"Telnet", "Sfax"}, {"Orange", "Tunis"}, {"Santander", "Madrid"},
	{"Nokia", "Espoo"}, {"Jumia", "Casablanca"}, {"Lightspeed", "Montréal"}, {"GitLab", "Remote (EMEA)"},
	{"Automattic", "Remote (Worldwide)"},
}

var varyHeadingsEN = map[string][]string{
	"experience": {"What I've done", "Professional journey", "Where I've been", "1. Experience"},
	"education":  {"Where I studied", "Academic path", "Schooling"},
	"skills":     {"Things I know", "Tech I use", "My stack"},
	"languages":  {"Languages spoken"},
}
var varyHeadingsFR = map[string][]string{
	"experience": {"Mon parcours", "Ce que j'ai fait", "Expériences clés"},
	"education":  {"Où j'ai étudié", "Scolarité", "Formation académique"},
	"skills":     {"Ce que je maîtrise", "Mes outils", "Compétences techniques & outils"},
	"languages":  {"Langues pratiquées"},
}

// vary rewrites a hardened persona and style with the variations.
func vary(r *rand.Rand, p *persona, s *style) {
	for i := range p.Jobs {
		if r.IntN(3) > 0 {
			j := pick(r, varyJobs)
			p.Jobs[i].Company, p.Jobs[i].Location = j.company, j.city
		}
	}
	s.jobStyle = pick(r, []int{6, 7, 8, 1})
	hs := varyHeadingsEN
	if p.Lang == "fr" {
		hs = varyHeadingsFR
	}
	for k, v := range hs {
		if r.IntN(4) > 0 {
			s.headings[k] = pick(r, v)
		}
	}
	// "+33 6 12 34 56 78" written "(+33) 6 12 34 56 78".
	if cc, rest, ok := strings.Cut(p.Phone, " "); ok && strings.HasPrefix(cc, "+") && r.IntN(2) == 0 {
		p.Phone = "(" + cc + ") " + rest
	}
	s.nameHeadline = r.IntN(2) == 0
	if r.IntN(3) == 0 {
		s.pronouns = map[string]string{"en": pick(r, []string{"she/her", "he/him", "they/them"}), "fr": pick(r, []string{"elle", "il/lui"})}[p.Lang]
	}
	if r.IntN(3) == 0 {
		for k, v := range s.headings {
			s.headings[k] = "— " + v + " —"
		}
	}
	s.skillStyle = pick(r, []int{4, 5, 6, 7})
	s.checkSkills = false
	s.langDash = r.IntN(2) == 0
	if r.IntN(2) == 0 {
		s.footer = p.Name + " – CV – Page %s"
	} else {
		s.footer = "Curriculum Vitae · " + p.Name
	}
	if r.IntN(2) == 0 {
		s.updated = map[string]string{"en": "Last updated March 2026", "fr": "Mis à jour le 3 mars 2026"}[p.Lang]
	}
	if r.IntN(2) == 0 {
		s.references = map[string]string{"en": "References available upon request", "fr": "Références disponibles sur demande"}[p.Lang]
	}
}
