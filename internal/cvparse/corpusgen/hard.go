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
