package cvparse

import (
	"slices"
	"testing"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// Variations on how skills and languages are laid out, seen in the
// fourteenth blind set and the ninth to eleventh (testdata/blind9–14),
// written with invented text.

// A form's label column ends with its colon, a tab before the value
// ("Wolof:<tab>Langue maternelle"): each row is a language and its level,
// and after a spoken language, commas that name no other language are the
// level's own ("lu, écrit, parlé : bien").
func TestVariationLanguageFormRows(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"french form",
			"Langues\nWolof:\tLangue maternelle\nAnglais:\tCourant (TOEFL 95)\nPortugais:\tNotions\n",
			[]string{"Anglais (Courant (TOEFL 95))", "Portugais (Notions)", "Wolof (Langue maternelle)"}},
		{"english form with skills read",
			"Languages\nSomali:\tNative\nArabic:\tRead, written, spoken: good\n",
			[]string{"Arabic (Read, written, spoken: good)", "Somali (Native)"}},
		{"two languages on a row stay two",
			"Languages\nEnglish: fluent, Dutch: basic\n",
			[]string{"Dutch (basic)", "English (fluent)"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkSkillsAfterJob(t, "Clerk", tc.body, tc.want)
		})
	}
}

// sidebarDoc lays a CV out as a PDF reads it: a name, a job, then a
// heading and one line per item, the items' sizes as a text matrix gives
// them (equal but for the sixth decimal).
func sidebarDoc(heading string, items ...string) extract.Document {
	d := extract.Document{Kind: extract.KindPDF}
	add := func(t string, size float64, gap bool) {
		d.Lines = append(d.Lines, extract.Line{Text: t, Page: 1, X: 40, Y: 20 + 15*float64(len(d.Lines)), Size: size, GapBefore: gap})
	}
	add("Lina Haddad", 20, true)
	add("lina.haddad@example.com", 10.5, false)
	add("EXPERIENCE", 12.2, true)
	add("Night Auditor, Hotel Mirage, 2019 – 2023", 10.5, false)
	add("Balanced the daily ledger and handled late check-ins.", 10.5, false)
	add(heading, 12.2, true)
	for i, it := range items {
		add(it, 10.700001+float64(i%2)*0.000002, false)
	}
	return d
}

// A list item whose words could head a section ("Staff training",
// "Field studies") stays an item of a list one item a line when it is set
// as its neighbours are: sizes read from a PDF differ in the last
// decimals.
func TestVariationListItemLikeHeading(t *testing.T) {
	cases := []struct {
		name  string
		items []string
	}{
		{"training", []string{"Night audit", "Cash handling", "Staff training", "Opera PMS"}},
		{"studies", []string{"Interviewing", "Field studies", "Survey design"}},
		{"education", []string{"Wound care", "Patient education", "Triage"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := Parse(sidebarDoc("SKILLS", tc.items...))
			want := slices.Sorted(slices.Values(tc.items))
			if got := allSkills(c.Skills); !slices.Equal(got, want) {
				t.Errorf("skills = %q, want %q", got, want)
			}
			if len(c.Education) != 0 {
				t.Errorf("education = %+v, want none", c.Education)
			}
		})
	}
}

// europassSkills parses a 2013 Europass form whose personal skills are
// rows (label<tab>value, ">" a line in the value column) and gives its
// skills.
func europassSkills(rows ...string) []string {
	doc := tableDoc(append([]string{"INFORMATIONS PERSONNELLES\tNadia Ferhat", ">nadia.ferhat@example.com",
		"EXPÉRIENCE PROFESSIONNELLE", "03/2018 – aujourd'hui\tTechnicienne de maintenance", ">Lactalis, Laval (France)",
		"COMPÉTENCES PERSONNELLES", "LANGUE(S) MATERNELLE(S)\tkabyle"}, rows...)...)
	return allSkills(Parse(doc).Skills)
}

// Europass skills rows: a label wrapped in its narrow column makes a
// longer label even when its first part is one ("Compétences
// organisationnelles /" / "managériales"); the form's singular "Compétence
// numérique" labels the digital skills; items set one a line under a
// label are items; three items are a list even when one is long; the
// form's footer read through a label and its digital competence grid name
// no skills.
func TestVariationEuropassSkillRows(t *testing.T) {
	cases := []struct {
		name string
		rows []string
		want []string
	}{
		{"label wrapped after a label",
			[]string{"Compétences organisationnelles /\tAnimation d'une équipe de 6 techniciens ; suivi des",
				"managériales\tcontrats de sous-traitance"},
			// Clauses set apart by a semicolon write a sentence: the
			// row is one soft skill as written.
			[]string{"Animation d'une équipe de 6 techniciens ; suivi des contrats de sous-traitance", "kabyle"}},
		{"singular digital label",
			[]string{"Compétence numérique\tGMAO Carl Source, SAP PM, Excel"},
			[]string{"Excel", "GMAO Carl Source", "SAP PM", "kabyle"}},
		{"one item a line",
			[]string{"Compétences liées à l'emploi\tMaintenance préventive des presses", ">Analyse vibratoire (SKF)", ">Thermographie",
				">Habilitation électrique B2V"},
			[]string{"Analyse vibratoire (SKF)", "Habilitation électrique B2V", "Maintenance préventive des presses", "Thermographie", "kabyle"}},
		{"an item with a long note, one a line",
			[]string{"Compétences liées à l'emploi\tAutomates Schneider M340 (Unity Pro, Control Expert, Vijeo)", ">Variateurs de fréquence (Altivar)"},
			[]string{"Automates Schneider M340 (Unity Pro, Control Expert, Vijeo)", "Variateurs de fréquence (Altivar)", "kabyle"}},
		{"footer read through a label",
			[]string{"© European Union, 2002-2024 Autre(s)|langue(s) europass.cedefop.europa.eu\tanglais", "Compétence numérique\tSAP PM"},
			[]string{"SAP PM", "anglais", "kabyle"}},
		{"digital competence grid",
			[]string{"Digital skills\tSELF-ASSESSMENT", ">Information\tContent\tProblem-", ">Communication\tSafety", ">processing\tcreation\tsolving",
				">Independent user\tBasic user\tProficient user", ">SAP PM, Excel"},
			[]string{"Excel", "SAP PM", "kabyle"}},
		{"a long item in a list of three",
			[]string{"Compétences professionnelles\tRéglage de lignes d'embouteillage et de conditionnement aseptique (Krones), GMAO, 5S"},
			[]string{"5S", "GMAO", "Réglage de lignes d'embouteillage et de conditionnement aseptique (Krones)", "kabyle"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := europassSkills(tc.rows...); !slices.Equal(got, tc.want) {
				t.Errorf("skills = %q, want %q", got, tc.want)
			}
		})
	}
}

// How items are cut inside a line: a note in brackets closes its item, so
// an "and" after it starts the next; where semicolons set the items apart
// a clause worded as one phrase keeps its commas; one-word parts after
// the first list qualities; figures with their unit measure one skill; a
// declaration or a line of sentences is no skill; a languages heading read
// into a grid of chips is no skill; "fonctionnel" after a language is its
// level.
func TestVariationItemsInLine(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"and after a note",
			"Skills\nTrade: cabling, access control (Paxton) and CCTV, intercoms\n",
			[]string{"CCTV", "access control (Paxton)", "cabling", "intercoms"}},
		{"et after a note",
			"Compétences\nsoudure TIG (inox) et MIG, lecture de plans, pliage\n",
			[]string{"MIG", "lecture de plans", "pliage", "soudure TIG (inox)"}},
		{"phrase clause between semicolons",
			"Compétences\nBonne entente avec les fournisseurs, douanes et transporteurs ; gestion des litiges\n",
			[]string{"Bonne entente avec les fournisseurs, douanes et transporteurs", "gestion des litiges"}},
		{"list clauses between semicolons stay lists",
			"Skills\nPython, Go; Docker, Helm\n",
			[]string{"Docker", "Go", "Helm", "Python"}},
		{"qualities after a phrase",
			"Compétences\nMécanique générale\nSoudure à l'arc\nEsprit d'initiative, rigueur, patience\n",
			[]string{"Esprit d'initiative", "Mécanique générale", "Soudure à l'arc", "patience", "rigueur"}},
		{"typing speed labelled",
			"Skills\nTools: Zendesk, Freshdesk\nData entry speed: 12000 keystrokes per hour\n",
			[]string{"Data entry speed: 12000 keystrokes per hour", "Freshdesk", "Zendesk"}},
		{"figures alone",
			"Skills\nSalesforce, Excel\n70 wpm, 97% accuracy\n",
			[]string{"70 wpm, 97% accuracy", "Excel", "Salesforce"}},
		{"products with figures stay",
			"Skills\n5S, 8D, 3D printing\n",
			[]string{"3D printing", "5S", "8D"}},
		{"sentences",
			"Skills\nPipe fitting, rigging\nOwn van and tools. Full clean licence.\n",
			[]string{"Pipe fitting", "rigging"}},
		{"declaration",
			"Qualités\nPatiente, ponctuelle\nJe certifie sur l'honneur l'exactitude des informations ci-dessus.\n",
			[]string{"Patiente", "ponctuelle"}},
		{"languages heading in a grid",
			"Skills\nGrilling\tPlating\nFood safety\tLanguages\nEnglish (native) · Polish (basic)\n",
			[]string{"English (native)", "Food safety", "Grilling", "Plating", "Polish (basic)"}},
		{"fonctionnel",
			"Langues\nFrançais (langue maternelle), espagnol fonctionnel\n",
			[]string{"Français (langue maternelle)", "espagnol (fonctionnel)"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkSkillsAfterJob(t, "Technician", tc.body, tc.want)
		})
	}
}

// A grid of two columns of items, read row by row with a tab between the
// cells, lists items, where rows of one item beside one item show it is
// no table of labels; a table of group labels beside their lists stays
// one ("Cloud<tab>AWS, GCP").
func TestVariationTwoColumnGrid(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"grid of items",
			"Skills\nRisk modelling\tSAS, R\nCredit scoring\tSQL\nRegulatory reporting\tTeam mentoring\nStress testing\tPublic speaking\n",
			[]string{"Credit scoring", "Public speaking", "R", "Regulatory reporting", "Risk modelling", "SAS", "SQL", "Stress testing", "Team mentoring"}},
		{"table of labels",
			"Skills\nCloud\tAWS, GCP\nDatabases\tPostgreSQL, Redis\nTools\tDocker\n",
			[]string{"AWS", "Docker", "GCP", "PostgreSQL", "Redis"}},
		{"others label among skills rows",
			"Skills\nSoftware:\tSage 50, QuickBooks\nOthers:\tPayroll, bank reconciliation\n",
			[]string{"Payroll", "QuickBooks", "Sage 50", "bank reconciliation"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkSkillsAfterJob(t, "Analyst", tc.body, tc.want)
		})
	}
}

// Headings of skills and languages in words the text package does not
// know: French "Connaissances …" and "Aptitudes", "… Methods", a
// numbered "Connaissances linguistiques"; and "Personnes de référence"
// heads the referees, whose lines name no skills.
func TestVariationSkillHeadingsWords(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"connaissances informatiques",
			"IV. CONNAISSANCES INFORMATIQUES\nSage Paie, Excel\n",
			[]string{"Excel", "Sage Paie"}},
		{"connaissances over one item",
			"CONNAISSANCES INFORMATIQUES\nSage Paie\n",
			[]string{"Sage Paie"}},
		{"connaissances linguistiques with a table",
			"V. CONNAISSANCES LINGUISTIQUES\nLangue\tParler\tLire\tÉcrire\nSwahili\tTrès bien\tTrès bien\tBien\nAnglais\tAssez bien\tBien\tPassable\n",
			[]string{"Anglais", "Swahili"}},
		{"aptitudes",
			"APTITUDES\nConduite d'engins, élingage\n",
			[]string{"Conduite d'engins", "élingage"}},
		{"aptitudes over one item",
			"APTITUDES\nConduite d'engins\n",
			[]string{"Conduite d'engins"}},
		{"methods",
			"QUALITATIVE METHODS\nEthnography\nFocus groups\nThematic coding\n",
			[]string{"Ethnography", "Focus groups", "Thematic coding"}},
		{"research methods",
			"RESEARCH METHODS\nEthnography\nFocus groups\n",
			[]string{"Ethnography", "Focus groups"}},
		{"referees after the skills",
			"CONNAISSANCES\nExcel, Ciel Compta\n\nVII. PERSONNES DE RÉFÉRENCE\nM. HAKIZIMANA Paul, Directeur, Banque de Gitega, Tél : +257 79 000 111\n",
			[]string{"Ciel Compta", "Excel"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkSkillsAfterJob(t, "Comptable", tc.body, tc.want)
		})
	}
}

// Languages given one after another, each with its level after a colon
// and nothing between the pairs, are as many languages; a line opening
// with a group's label under a bullet is a list of its own, its bullet
// lost, not the bullet's wrapped rest.
func TestVariationLanguagePairsAndLabels(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"pairs in a labelled row",
			"Compétences\nLogiciels :\tAutoCAD, Excel\nLangues :\tArabe : langue maternelle Français : courant Anglais : lu et écrit\n",
			[]string{"Anglais (lu et écrit)", "Arabe (langue maternelle)", "AutoCAD", "Excel", "Français (courant)"}},
		{"pairs under a languages heading",
			"Languages\nSpanish: native English: C1 Catalan: fluent\n",
			[]string{"Catalan (fluent)", "English (C1)", "Spanish (native)"}},
		{"label under a bullet",
			"Skills\n• Office: Word, Excel, Outlook\nLanguages: English (native), Portuguese (basic)\n",
			[]string{"English (native)", "Excel", "Outlook", "Portuguese (basic)", "Word"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkSkillsAfterJob(t, "Technician", tc.body, tc.want)
		})
	}
}

// A line opening with a group's label under a bullet, set where the
// bullet's text wraps, is a list of its own whose bullet OCR lost.
func TestVariationLabelUnderBulletPDF(t *testing.T) {
	d := extract.Document{Kind: extract.KindPDF}
	add := func(t string, x, size float64, gap, bullet bool) {
		d.Lines = append(d.Lines, extract.Line{Text: t, Page: 1, X: x, Y: 20 + 14*float64(len(d.Lines)), Size: size, GapBefore: gap, Bullet: bullet})
	}
	add("Joseph Mbarga", 50, 20, true, false)
	add("joseph.mbarga@example.cm", 50, 10, false, false)
	add("EXPÉRIENCE", 50, 11, true, false)
	add("Assistant administratif, Mairie de Kribi, 2018 – 2022", 50, 10, false, false)
	add("COMPÉTENCES", 50, 11, true, false)
	add("• Bureautique : Word, Excel, Outlook", 50, 10, true, true)
	add("• Gestion : courrier, archivage", 50, 10, false, true)
	add("Langues : Français (langue maternelle), Anglais (courant)", 62, 10, false, false)
	got := allSkills(Parse(d).Skills)
	want := []string{"Anglais (courant)", "Excel", "Français (langue maternelle)", "Outlook", "Word", "archivage", "courrier"}
	if !slices.Equal(got, want) {
		t.Errorf("skills = %q, want %q", got, want)
	}
}

// A heading naming seminars, trainings or workshops attended opens a
// section of courses, not more skills; in a grid whose other column
// heads the pastimes ("CENTRES D'INTÉRÊT" beside the last skill), the
// heading and the lines under it name no skills.
func TestVariationSkillsEndAtOtherHeadings(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"seminars attended",
			"SKILLS\nTriage\nPhlebotomy\nSEMINARS AND TRAININGS ATTENDED\nNeonatal Resuscitation – Red Cross, Davao City, 2021\n",
			[]string{"Phlebotomy", "Triage"}},
		{"workshops attended",
			"SKILLS\nBookkeeping\nPayroll\nWORKSHOPS ATTENDED\nIFRS Update Seminar – ICPAK, Nairobi, 2022\n",
			[]string{"Bookkeeping", "Payroll"}},
		{"pastimes heading in a grid",
			"COMPÉTENCES\nPlanification\tWolof : langue maternelle\nHACCP\tCENTRES D'INTÉRÊT\nLecture, natation, scoutisme\n",
			[]string{"HACCP", "Planification", "Wolof (langue maternelle)"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkSkillsAfterJob(t, "Officer", tc.body, tc.want)
		})
	}
}

// Each group's name on a line of its own over its list, the list typed
// as running text and wrapped (sometimes inside an item, "Power" / "BI"):
// a line of one item under a list is that list's wrapped end unless a
// list follows it. A list one item a line with a few pairs stays items.
func TestVariationGroupNamesOverWrappedLists(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"groups over wrapped lists",
			"Skills\nData\nSQL, dbt, Snowflake, Power\nBI\nOrchestration\nAirflow, Dagster,\nPrefect\nQuality\nGreat Expectations, Soda\n",
			[]string{"Airflow", "Dagster", "Great Expectations", "Power BI", "Prefect", "SQL", "Snowflake", "Soda", "dbt"}},
		{"one item a line with pairs",
			"Skills\nPython\nDjango, Flask\nDocker\nKubernetes, Helm\nFigma\nSketch, Adobe XD\n",
			[]string{"Adobe XD", "Django", "Docker", "Figma", "Flask", "Helm", "Kubernetes", "Python", "Sketch"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkSkillsAfterJob(t, "Engineer", tc.body, tc.want)
		})
	}
}

// Languages set apart by slashes after "Bilingual" are each a language; a
// page's running header naming the document, read between a list's lines,
// names no skill.
func TestVariationSlashedLanguagesAndRunningHeader(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"bilingual pair",
			"Skills\nWelding, rigging\nBilingual French/English\n",
			[]string{"English", "French", "Welding", "rigging"}},
		{"trilingual",
			"Compétences\nComptabilité, paie\nTrilingue arabe / français / anglais\n",
			[]string{"Comptabilité", "anglais", "arabe", "français", "paie"}},
		{"products stay",
			"Skills\nHTML/CSS, Git\n",
			[]string{"Git", "HTML/CSS"}},
		{"running header",
			"Skills\nSoftware: Civil 3D, 12d Model\nTomas Reyes — Curriculum Vitae\tPage 2\nMethods: hydraulic modelling\n",
			[]string{"12d Model", "Civil 3D", "hydraulic modelling"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkSkillsAfterJob(t, "Engineer", tc.body, tc.want)
		})
	}
}

// Labelled lists set in two columns side by side, read row by row: each
// column's lists wrap in its width, a label inside a column opens a new
// list.
func TestVariationLabelledListsInTwoColumns(t *testing.T) {
	body := "Skills\nClinical: triage, wound care,\tSoftware: Epic, Cerner\nsuturing, casting\tLanguages: English (native), Somali\n" +
		"\t(fluent), Arabic (basic)\n"
	want := []string{"Arabic (basic)", "Cerner", "English (native)", "Epic", "Somali (fluent)", "casting", "suturing", "triage", "wound care"}
	checkSkillsAfterJob(t, "Nurse", body, want)
}
