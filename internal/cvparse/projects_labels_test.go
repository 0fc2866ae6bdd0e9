package cvparse

import "testing"

// A project's "Responsibilities:" label under its Client, Role and
// Duration rows heads the project's own lines: no section of jobs, so the
// projects never become jobs.
func TestProjectBodyLabel(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"en", "Meera Nair\nmeera@example.com\n\nEXPERIENCE\nSoftware Tester\tJan 2019 – Dec 2023\nKestrel Infotech, Kochi\n\n" +
			"PROJECTS\nProject 1 : Loan Origination Portal\nClient : A cooperative bank\nRole : Test Engineer\nDuration : Jan 2021 - Dec 2023\n" +
			"Responsibilities:\n- Wrote and ran regression suites.\n- Logged defects in JIRA.\n" +
			"Project 2 : Hotel Booking App\nClient : Harbour Hotels (India)\nRole : Trainee Tester\nDuration : Jan 2019 - Dec 2020\n" +
			"Responsibilities:\n- Ran smoke tests on each build.\n\nSKILLS\nSelenium\n"},
		{"fr", "Hugo Martin\nhugo@exemple.fr\n\nEXPÉRIENCE\nDéveloppeur\tJanv. 2019 – Déc. 2023\nKestrel Logiciels, Nantes\n\n" +
			"PROJETS\nProjet 1 : Portail de paiement\nClient : Une mutuelle régionale\nRôle : Développeur back-end\nDurée : Janv. 2021 - Déc. 2023\n" +
			"Responsabilités :\n- Conception de l’API de paiement.\n- Revue de code.\n" +
			"Projet 2 : Application de réservation\nClient : Hôtels du Port\nRôle : Stagiaire\nDurée : Janv. 2019 - Déc. 2020\n" +
			"Responsabilités :\n- Tests unitaires.\n\nCOMPÉTENCES\nGo\n"},
	} {
		c := ParseText(tc.text)
		if len(c.Experience) != 1 {
			t.Errorf("%s: got %d jobs, want 1: %+v", tc.name, len(c.Experience), c.Experience)
		}
	}
}
