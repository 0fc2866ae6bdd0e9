package cvanalysis

import (
	"testing"
)

func TestReviewBulletEnglish(t *testing.T) {
	lx := newLexicon()
	tests := []struct {
		in, want string
		kind     string // expected primary finding, "" for none
	}{
		{"Responsible for managing the payment service used by 40 banks", "Managed the payment service used by 40 banks", IssueWeakVerb},
		{"Was responsible for designing and implementing the billing API", "Designed and implemented the billing API", IssueWeakVerb},
		{"I was responsible for the payroll system", "Owned the payroll system", IssueWeakVerb},
		{"Responsible for the management of a team of 6", "Managed a team of 6", IssueWeakVerb},
		{"Responsible for marketing", "Owned marketing", IssueWeakVerb},
		{"Worked on the migration of the ledger to PostgreSQL", "Migrated the ledger to PostgreSQL", IssueWeakVerb},
		{"Worked on building a search engine", "Built a search engine", IssueWeakVerb},
		{"Worked on the new checkout flow", "Delivered the new checkout flow", IssueWeakVerb},
		{"Worked with designers on the mobile app", "Collaborated with designers on the mobile app", IssueWeakVerb},
		{"Helped onboard new engineers", "Onboarded new engineers", IssueWeakVerb},
		{"Helped to plan the quarterly roadmap", "Planned the quarterly roadmap", IssueWeakVerb},
		{"Assisted with customer escalations", "Supported customer escalations", IssueWeakVerb},
		{"Participated in code reviews", "Contributed to code reviews", IssueWeakVerb},
		{"Involved in running the on-call rotation", "Ran the on-call rotation", IssueWeakVerb},
		{"Tasked with writing the style guide", "Wrote the style guide", IssueWeakVerb},
		{"Duties included: leading sprint planning", "Led sprint planning", IssueWeakVerb},
		{"Handled 30 support tickets a day", "Managed 30 support tickets a day", IssueWeakVerb},
		{"The deployment pipeline was automated using GitHub Actions", "Automated the deployment pipeline using GitHub Actions", IssuePassiveVoice},
		{"A new onboarding guide was written by me", "Wrote a new onboarding guide", IssuePassiveVoice},
		{"Quarterly reports were prepared and presented to the board", "Prepared and presented quarterly reports to the board", IssuePassiveVoice},
		{"I built a recommendation engine serving 2M users", "Built a recommendation engine serving 2M users", IssueFirstPerson},
		{"Reduced costs in order to meet the budget by 20%", "Reduced costs to meet the budget by 20%", IssueWordiness},
		{"Successfully launched 3 products", "Launched 3 products", IssueWordiness},
		{"Ran weekly design reviews for the team, covering topics such as event sourcing, idempotency keys, retries with exponential backoff, outbox patterns and the operational runbooks that go with them",
			"Ran weekly design reviews for the team, covering topics such as event sourcing and idempotency keys", IssueTooLong},
		// Already good: left alone.
		{"Reduced p99 latency from 180 ms to 45 ms by caching lookups in Redis", "Reduced p99 latency from 180 ms to 45 ms by caching lookups in Redis", ""},
		{"Led a team of 5 engineers.", "Led a team of 5 engineers.", ""},
		// Passive inside a clause or with another agent is flagged, not turned around.
		{"The system was designed by the architecture team", "The system was designed by the architecture team", IssuePassiveVoice},
		{"Reduced costs which were reported monthly", "Reduced costs which were reported monthly", ""},
		// I/O is not a pronoun.
		{"Optimised disk I/O for 3 databases", "Optimised disk I/O for 3 databases", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := lx.reviewBullet(tt.in, "en")
			if got.improved != tt.want {
				t.Errorf("improved = %q, want %q", got.improved, tt.want)
			}
			if k := primaryFinding(got.findings).kind; k != tt.kind {
				t.Errorf("primary finding = %q, want %q (all: %v)", k, tt.kind, got.findings)
			}
		})
	}
}

func TestReviewBulletFrench(t *testing.T) {
	lx := newLexicon()
	tests := []struct {
		in, want string
		kind     string
	}{
		{"Responsable de la gestion des réseaux sociaux de la marque", "Géré les réseaux sociaux de la marque", IssueWeakVerb},
		{"Responsable du recrutement des stagiaires", "Recruté les stagiaires", IssueWeakVerb},
		{"Responsable des ventes en Île-de-France", "Piloté les ventes en Île-de-France", IssueWeakVerb},
		{"Chargée de la mise en place d'un CRM", "Mis en place un CRM", IssueWeakVerb},
		{"J'ai travaillé sur la refonte du site e-commerce", "Refondu le site e-commerce", IssueWeakVerb},
		{"Travaillé sur le projet Atlas", "Contribué au projet Atlas", IssueWeakVerb},
		{"Participation à l'organisation des salons professionnels", "Contribué à l'organisation des salons professionnels", IssueWeakVerb},
		{"Aide à la rédaction des newsletters", "Rédigé les newsletters", IssueWeakVerb},
		{"Aidé à préparer les bilans", "Préparé les bilans", IssueWeakVerb},
		{"Une campagne d'emailing a été lancée auprès de 20 000 clients", "Lancé une campagne d'emailing auprès de 20 000 clients", IssuePassiveVoice},
		{"Les processus ont été automatisés afin de gagner du temps", "Automatisé les processus pour gagner du temps", IssuePassiveVoice},
		{"Un audit a été réalisé par le cabinet externe", "Un audit a été réalisé par le cabinet externe", IssuePassiveVoice},
		{"Développé une API REST utilisée par 12 applications", "Développé une API REST utilisée par 12 applications", ""},
		{"Suivi des indicateurs de performance", "Suivi des indicateurs de performance", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := lx.reviewBullet(tt.in, "fr")
			if got.improved != tt.want {
				t.Errorf("improved = %q, want %q", got.improved, tt.want)
			}
			if k := primaryFinding(got.findings).kind; k != tt.kind {
				t.Errorf("primary finding = %q, want %q (all: %v)", k, tt.kind, got.findings)
			}
		})
	}
}

func TestBuzzwordsRemoved(t *testing.T) {
	lx := newLexicon()
	tests := []struct{ lang, in, want string }{
		{"en", "Passionate and results-driven software engineer with 6 years in payments", "Software engineer with 6 years in payments"},
		{"en", "A dynamic, innovative engineer passionate about data", "An engineer focused on data"},
		{"fr", "Chargée de marketing dynamique et motivée, passionnée par le digital", "Chargée de marketing, spécialisée dans le digital"},
		{"fr", "Développeur rigoureux et autonome avec 5 ans d'expérience en Java", "Développeur avec 5 ans d'expérience en Java"},
		// Nothing of substance would be left: reported, not rewritten.
		{"en", "Dynamic and passionate team player who thinks outside the box", "Dynamic and passionate team player who thinks outside the box"},
		{"fr", "Personne dynamique, motivée et rigoureuse avec un bon relationnel", "Personne dynamique, motivée et rigoureuse avec un bon relationnel"},
	}
	for _, tt := range tests {
		var r bulletRewrite
		got := capitalise(lx.fixBuzzwords(tt.in, tt.lang, &r))
		if got != tt.want {
			t.Errorf("fixBuzzwords(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(r.findings) != 1 || r.findings[0].kind != IssueBuzzword {
			t.Errorf("findings = %v", r.findings)
		}
	}
}

func TestPastTense(t *testing.T) {
	lx := newLexicon()
	for in, want := range map[string]string{
		"managing": "managed", "leading": "led", "planning": "planned", "building": "built", "writing": "wrote",
		"running": "ran", "studying": "studied", "deploying": "deployed", "using": "used", "setting": "set",
		"engineering": "", "marketing": "",
	} {
		got, ok := lx.pastOfGerund(in)
		if (want == "") == ok || got != want {
			t.Errorf("pastOfGerund(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for in, want := range map[string]string{"build": "built", "plan": "planned", "onboard": "onboarded", "create": "created", "simplify": "simplified", "lead": "led"} {
		if got := lx.pastOfBase(in); got != want {
			t.Errorf("pastOfBase(%q) = %q, want %q", in, got, want)
		}
	}
}
