package cvparse

import (
	"slices"
	"testing"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// Header and skills, third round (issue 14): the leftovers of the second
// round, each written in several wordings, English and French.

// A spoken language with a note after a dash, a Europass grid cell that
// took the language's level, a phrase whose commas list the languages it
// is done in: each is one skill.
func TestVariationSkillPhrases(t *testing.T) {
	skillCases(t, []struct {
		name, section string
		want          []string
	}{
		{"language with a note", "Skills\nGo, SQL\nFrench – kitchen French, Spanish – basic", []string{"go", "sql", "french", "spanish"}},
		{"language with a note fr", "Compétences\nExcel, SAP\nArabe – arabe dialectal, Anglais – courant", []string{"excel", "sap", "arabe", "anglais"}},
		{"language with a note alone", "Languages\nItalian – restaurant Italian\nGerman – reading only", []string{"italian", "german"}},
		{"cefr glued to the language", "Langues\nnéerlandais A2, anglais C1", []string{"neerlandais", "anglais"}},
		{"cefr glued en", "Languages\nGerman B2 | Spanish A1", []string{"german", "spanish"}},
		{"phrase in several languages fr", "Compétences\nRédaction juridique en français, arabe et anglais\nVeille réglementaire", []string{"redaction juridique en francais, arabe et anglais", "veille reglementaire"}},
		{"phrase in several languages en", "Skills\nCustomer support in English, Spanish and Portuguese\nZendesk, Salesforce", []string{"customer support in english, spanish and portuguese", "zendesk", "salesforce"}},
		{"phrase in several languages bullet", "Compétences\n• Interprétation de conférence en anglais, espagnol et portugais\n• Traduction technique", []string{"interpretation de conference en anglais, espagnol et portugais", "traduction technique"}},
		{"tools in languages stay a list", "Skills\nData analysis in Python, R and SQL", []string{"data analysis in python", "r", "sql"}},
	})
}

// LinkedIn written as its path only ("in/jane-roe"), as many templates
// print it beside an icon.
func TestVariationLinkedInPath(t *testing.T) {
	cases := []struct{ name, head, want string }{
		{"between pipes", "jane@example.com | in/jane-roe | github.com/janeroe", "linkedin.com/in/jane-roe"},
		{"labelled", "jane@example.com\nLinkedIn: in/jane-roe", "linkedin.com/in/jane-roe"},
		{"leading slash", "Tél. : 06 12 34 56 78 · /in/lea-fontaine", "linkedin.com/in/lea-fontaine"},
		{"beside an icon", "✉ jane@example.com 🔗 in/janeroe88", "linkedin.com/in/janeroe88"},
		{"not a word in a sentence", "Open to roles in/around Leeds\njane@example.com", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText("Jane Roe\n" + tc.head + "\n\nExperience\nEngineer, Acme Corp\t2020 – 2022\n• Built the payments service\n")
			if got.Contact.LinkedIn != tc.want {
				t.Errorf("linkedin = %q, want %q", got.Contact.LinkedIn, tc.want)
			}
		})
	}
}

// An e-mail address OCR read with a stray space beside "@" or after a dot,
// or without the dot before a common provider's ending: repaired where
// only one reading is possible.
func TestVariationEmailRepair(t *testing.T) {
	cases := []struct{ name, head, want string }{
		{"lost dot gmail", "jane.roe@gmailcom | +44 7700 900123", "jane.roe@gmail.com"},
		{"lost dot yahoo", "Email: j.roe88@yahoocom", "j.roe88@yahoo.com"},
		{"lost dot orange", "Courriel : lea.fontaine@orangefr", "lea.fontaine@orange.fr"},
		{"lost dot hotmail fr", "06 12 34 56 78 · lea_fontaine@hotmailfr", "lea_fontaine@hotmail.fr"},
		{"space before at", "jane.roe @gmail.com | +44 7700 900123", "jane.roe@gmail.com"},
		{"space after at", "E-mail : lea.fontaine@ outlook.fr", "lea.fontaine@outlook.fr"},
		{"a job's at", "Data Engineer @ Booking.com\njane@example.com", "jane@example.com"},
		{"space before the ending", "jane.roe@example. com", "jane.roe@example.com"},
		{"clean stays", "jane.roe@example.com", "jane.roe@example.com"},
		{"local part cut too", "Email: jane.roe m@gmailcom | +44 7700 900123", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText("Jane Roe\n" + tc.head + "\n\nExperience\nEngineer, Acme Corp\t2020 – 2022\n• Built the payments service\n")
			if got.Contact.Email != tc.want {
				t.Errorf("email = %q, want %q", got.Contact.Email, tc.want)
			}
		})
	}
}

// A postcode cut by the line's end inside an address ("… London WC1E" /
// "7HT, UK") is one postcode.
func TestVariationPostcodeWrapped(t *testing.T) {
	cases := []struct{ name, head, want string }{
		{"uk", "Jane Roe\n12 Gower Street, London WC1E\n7HT, UK\njane@example.com", "12 Gower Street, London WC1E 7HT, UK"},
		{"uk no country", "Jane Roe\n4 Queen Street, Edinburgh EH2\n1JE\njane@example.com", "4 Queen Street, Edinburgh EH2 1JE"},
		{"canada", "Jane Roe\n1200 Rue Sherbrooke Ouest, Montréal, QC H3A\n1E8, Canada\njane@example.com", "1200 Rue Sherbrooke Ouest, Montréal, QC H3A 1E8, Canada"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText(tc.head + "\n\nExperience\nEngineer, Acme Corp\t2020 – 2022\n• Built the payments service\n")
			if got.Contact.Location != tc.want || got.Contact.Name != "Jane Roe" {
				t.Errorf("location = %q, want %q (name %q)", got.Contact.Location, tc.want, got.Contact.Name)
			}
		})
	}
}

// The Europass language grid: a first cell that took the first level in
// ("néerlandais A2"), and the grid's note under its last row, which took
// the last language away as if it were that row's wrapped line.
func TestVariationEuropassGridRows(t *testing.T) {
	cases := []struct {
		name string
		rows []string
		want []string
	}{
		{"level in the first cell fr", []string{"Langue(s) maternelle(s)\tfrançais", "Autre(s) langue(s)\tComprendre\tParler\tÉcrire",
			"anglais\tB2\tB2\tB1\tB1\tB1", "néerlandais A2\tA2\tA1\tA1\tA1"}, []string{"anglais", "francais", "neerlandais"}},
		{"level in the first cell en", []string{"Mother tongue(s)\tPolish", "Other language(s)\tUnderstanding\tSpeaking\tWriting",
			"German B1\tB1\tA2\tA2\tA2", "English\tC1\tC1\tB2\tB2\tC1"}, []string{"english", "german", "polish"}},
		{"grid note fr", []string{"Langue(s) maternelle(s)\tfrançais", "Autre(s) langue(s)\tComprendre\tParler\tÉcrire",
			"anglais\tB2\tB2\tB1\tB1\tB1", "espagnol\tA2\tA2\tA1\tA1\tA1", "(*) Cadre européen commun de référence pour les langues"},
			[]string{"anglais", "espagnol", "francais"}},
		{"grid note en", []string{"Mother tongue(s)\tPolish", "Other language(s)\tUnderstanding\tSpeaking\tWriting",
			"English\tC1\tC1\tB2\tB2\tC1", "Levels: A1/A2: Basic user - B1/B2: Independent user - C1/C2: Proficient user"},
			[]string{"english", "polish"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows := append([]string{"Europass", "Curriculum Vitae", "Personal information", "First name(s) / Surname(s)\tAnna Kowalczyk",
				"Work experience", "Dates\t04.2019 - present", "Occupation or position held\tProcess Engineer",
				"Personal skills and competences"}, tc.rows...)
			rows = append(rows, "Computer skills and competences\tMinitab, SAP PP")
			got := skillSet(Parse(tableDoc(rows...)).Skills)
			want := append(slices.Clone(tc.want), "minitab", "sap pp")
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("skills = %q, want %q", got, want)
			}
		})
	}
}

// Names with a nickname in quotes, names written surname first with a
// comma, a name wrapped over two lines of a two-cell header.
func TestVariationNameForms3(t *testing.T) {
	cases := []struct{ name, head, want string }{
		{"nickname in quotes", "Jessica \"Jess\" O'Loughlin\nSenior Hairdresser\njess@example.com", "Jessica \"Jess\" O'Loughlin"},
		{"nickname in curly quotes", "Kerri-Ann “Kez” Mohammed\nFull-stack developer\nkez@example.com", "Kerri-Ann “Kez” Mohammed"},
		{"nickname in single quotes", "Robert 'Bobby' Tanaka\nbobby@example.com", "Robert 'Bobby' Tanaka"},
		{"surnom entre guillemets", "Marie-Claire « Maé » Dubois\nIngénieure qualité\nmae@example.com", "Marie-Claire « Maé » Dubois"},
		{"surname first", "ADEBAYO, Oluwaseun T.\nPharmacist\nseun@example.com", "ADEBAYO, Oluwaseun T."},
		{"nom d'abord", "MARTIN, Jean-Luc\nComptable\njl@example.com", "MARTIN, Jean-Luc"},
		{"a city in capitals is no surname", "Jane Roe\nLAGOS, Nigeria\njane@example.com", "Jane Roe"},
		{"name over two cells", "Muhammad Hamza\tHouse 27, Street 9, Gulberg\nSiddiqui\tLahore 54000, Pakistan\tM +92 300 1234567\njane@example.com", "Muhammad Hamza Siddiqui"},
		{"nom sur deux cellules", "Anne-Sophie\t12 rue des Lilas\nMercier\t69003 Lyon\nanne@example.com", "Anne-Sophie Mercier"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText(tc.head + "\n\nExperience\nEngineer, Acme Corp\t2020 – 2022\n• Built the payments service\n")
			if got.Contact.Name != tc.want {
				t.Errorf("name = %q, want %q", got.Contact.Name, tc.want)
			}
		})
	}
}

// Contact items set apart by "::", as typed in a plain-text CV.
func TestVariationDoubleColonContact(t *testing.T) {
	got := ParseText("Jane Roe\nLekki, Lagos, Nigeria :: +234 803 000 0000 / +234 809 000 0000\njane.roe@example.com :: in/jane-roe\n\nExperience\nEngineer, Acme Corp\t2020 – 2022\n")
	c := got.Contact
	if digits(c.Phone) != "2348030000000" || c.LinkedIn != "linkedin.com/in/jane-roe" || c.Email != "jane.roe@example.com" || fold(c.Location) != fold("Lekki, Lagos, Nigeria") {
		t.Errorf("contact = %+v", c)
	}
	got = ParseText("Léa Fontaine\n06 12 34 56 78 :: lea@example.fr :: Nantes\n\nExpérience\nIngénieure, Acme\t2020 – 2022\n")
	c = got.Contact
	if digits(c.Phone) != "0612345678" || c.Email != "lea@example.fr" || c.Location != "Nantes" {
		t.Errorf("contact = %+v", c)
	}
}

// Spoken languages the list of languages did not know, in a Languages
// section, under a "Mother tongue" label with its value on the next line,
// and in a skills list.
func TestVariationLanguageNames(t *testing.T) {
	cases := []struct {
		name, section string
		want          []string
	}{
		{"african languages", "Languages\nEnglish (fluent)\nShona (native)\nNdebele – conversational\nXhosa (basic)", []string{"english", "shona", "ndebele", "xhosa"}},
		{"asian languages", "Languages\nTamil, Bahasa Melayu, Mandarin (HSK 4), Cantonese", []string{"tamil", "bahasa melayu", "mandarin", "cantonese"}},
		{"rated one a line", "Languages\nEnglish ★★★★★\nBahasa Melayu ★★★★☆\nTamil ★★★★☆\nHokkien ★★☆☆☆", []string{"english", "bahasa melayu", "tamil", "hokkien"}},
		{"notées une par ligne", "Langues\nFrançais ●●●●●\nMalgache ●●●●○\nComorien ●●○○○", []string{"francais", "malgache", "comorien"}},
		{"langues africaines", "Langues\nFrançais (courant)\nBaoulé (langue maternelle)\nDioula (courant)\nAnglais (intermédiaire)", []string{"francais", "baoule", "dioula", "anglais"}},
		{"langues d'ailleurs", "Langues\nCréole réunionnais, malgache, portugais", []string{"creole reunionnais", "malgache", "portugais"}},
		{"mother tongue over its value", "Languages\nMother tongue\nShona\nOther languages\tEnglish (C2), Portuguese (A2)", []string{"shona", "english", "portuguese"}},
		{"langue maternelle au-dessus", "Langues\nLangue maternelle\nWolof\nAutres langues\tfrançais (C2), anglais (B1)", []string{"wolof", "francais", "anglais"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText("Jane Roe\njane@example.com\n\nSkills\nExcel, SAP\n\n" + tc.section + "\n")
			checkSkillSet(t, got, append(slices.Clone(tc.want), "excel", "sap"))
		})
	}
}

// A Europass-like table whose rows go on after the spoken languages with
// skills rows, then a row that is no skill.
func TestVariationSkillRowsAfterLanguages(t *testing.T) {
	cases := []struct {
		name, section string
		want          []string
	}{
		{"en", "PERSONAL SKILLS\nMother tongue\nShona\nOther languages\tEnglish (C2), Portuguese (A2)\nProfessional skills\tContract drafting, due diligence, arbitration\nComputer skills\tLexisNexis, MS Office\nAdmissions\tAdmitted as Legal Practitioner, High Court, 2014",
			[]string{"shona", "english", "portuguese", "contract drafting", "due diligence", "arbitration", "lexisnexis", "ms office"}},
		{"fr", "COMPÉTENCES PERSONNELLES\nLangue maternelle\nWolof\nAutres langues\tfrançais (C2), anglais (B1)\nCompétences professionnelles\tComptabilité, audit\nCompétences informatiques\tSage, Excel\nPermis de conduire\tB",
			[]string{"wolof", "francais", "anglais", "comptabilite", "audit", "sage", "excel"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText("Jane Roe\njane@example.com\n\nExperience\nEngineer, Acme Corp\t2020 – 2022\n\n" + tc.section + "\n")
			checkSkillSet(t, got, tc.want)
		})
	}
}

// A languages table's header row ("Language<tab>Reading<tab>Writing<tab>
// Speaking") names its columns, no language.
func TestVariationLanguageTableHeader(t *testing.T) {
	cases := []struct {
		name, section string
		want          []string
	}{
		{"en", "Language Proficiency\nLanguage\tReading\tWriting\tSpeaking\nBangla\tExcellent\tExcellent\tExcellent\nEnglish\tVery good\tGood\tGood", []string{"bangla", "english"}},
		{"en listening", "Languages\nLanguage\tListening\tSpeaking\nEnglish\tC1\tB2\nSwahili\tC2\tC2", []string{"english", "swahili"}},
		{"fr", "Langues\nLangue\tLecture\tÉcriture\tOral\nFrançais\tCourant\tCourant\tCourant\nAnglais\tBon\tMoyen\tBon", []string{"francais", "anglais"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText("Jane Roe\njane@example.com\n\nSkills\nExcel, SAP\n\n" + tc.section + "\n")
			checkSkillSet(t, got, append(slices.Clone(tc.want), "excel", "sap"))
		})
	}
}

// A labelled list wrapped inside an item onto a line of its own between
// two labelled lines ("…, LVO / CAT" / "IIIB operations, ETOPS" /
// "Systems: …"); "Atouts", "Points forts", "Strengths" head skills.
func TestVariationSkillsWrapsAndHeadings(t *testing.T) {
	cases := []struct {
		name, section string
		want          []string
	}{
		{"wrapped labelled line", "Skills\nOperational: Crew Resource Management, LVO / CAT\nIIIB operations, ETOPS procedures\nSystems: Lido mPilot, Jeppesen FliteDeck",
			[]string{"crew resource management", "lvo cat iiib operations", "etops procedures", "lido mpilot", "jeppesen flitedeck"}},
		{"wrapped labelled line fr", "Compétences\nMétier : gestion de stock, préparation de\ncommandes, inventaire tournant\nLogiciels : SAP, Excel",
			[]string{"gestion de stock", "preparation de commandes", "inventaire tournant", "sap", "excel"}},
		{"atouts", "Atouts\nEstimation de biens, négociation, financement\nLogiciels : Apimo, Pack Office", []string{"estimation de biens", "negociation", "financement", "apimo", "pack office"}},
		{"points forts", "Points forts\nRigueur, sens du service, Excel", []string{"rigueur", "sens du service", "excel"}},
		{"strengths", "Key Strengths\nStakeholder management, budgeting, SQL", []string{"stakeholder management", "budgeting", "sql"}},
		{"atouts with a long first line", "Atouts\nEstimation de biens, loi Pinel et diagnostics obligatoires, négociation, financement et courtage\nLogiciels : Hektor, Pack Office",
			[]string{"estimation de biens", "loi pinel et diagnostics obligatoires", "negociation", "financement et courtage", "hektor", "pack office"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText("Jane Roe\njane@example.com\n\nExperience\nEngineer, Acme Corp\t2020 – 2022\n• Built the payments service\n\n" + tc.section + "\n")
			checkSkillSet(t, got, tc.want)
		})
	}
}

// Level words of the "Excellent / Good / Fair" scale, languages of East
// Africa, and a "Referees" section after the languages.
func TestVariationLanguagesThenReferees(t *testing.T) {
	cases := []struct {
		name, section string
		want          []string
	}{
		{"fair and referees", "LANGUAGES\nEnglish – excellent; Luganda – good; Kiswahili – fair\n\nREFEREES\nMr. John Okello, Plant Manager, Acme Mines Ltd, +256 700 000 000",
			[]string{"english", "luganda", "kiswahili"}},
		{"poor", "Languages\nEnglish – excellent, Runyankole – mother tongue, French – poor", []string{"english", "runyankole", "french"}},
		{"passable", "Langues\nFrançais – excellent ; Lingala – maternelle ; Anglais – passable", []string{"francais", "lingala", "anglais"}},
		{"referees after skills", "Skills\nAutoCAD, Surpac\n\nReferees\nDr Jane Smith, Head of Department, University of Leeds\nMs Ama Owusu, Director, Beta Consulting", []string{"autocad", "surpac"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText("Jane Roe\njane@example.com\n\nExperience\nEngineer, Acme Corp\t2020 – 2022\n\n" + tc.section + "\n")
			checkSkillSet(t, got, tc.want)
		})
	}
}

// A name in display type wrapped in the first cell of a two-cell header,
// the address beside it (moderncv's banking style).
func TestVariationDisplayNameOverCells(t *testing.T) {
	cases := []struct{ name, l1, l2, want string }{
		{"en", "Muhammad Hamza\tHouse 27, Street 9, Gulberg", "Siddiqui\tLahore 54000, Pakistan\tM +92 300 1234567", "Muhammad Hamza Siddiqui"},
		{"fr", "Marie-Claire\t12 rue des Lilas", "Dubois\t69003 Lyon\t06 12 34 56 78", "Marie-Claire Dubois"},
		{"headline beside is no wrap", "Jane Roe\tData Analyst", "Leeds\tjane@example.com", "Jane Roe"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var d extract.Document
			add := func(text string, size float64) {
				d.Lines = append(d.Lines, extract.Line{Text: text, Page: 1, X: 60, Y: 40 + 14*float64(len(d.Lines)), Size: size})
			}
			add(tc.l1, 20)
			add(tc.l2, 20)
			add("jane@example.com", 10)
			add("Experience", 12)
			add("Engineer, Acme Corp\t2020 – 2022", 10)
			add("Built the payments service for three markets", 10)
			add("Skills", 12)
			add("Go, SQL", 10)
			if got := Parse(d).Contact.Name; got != tc.want {
				t.Errorf("name = %q, want %q", got, tc.want)
			}
		})
	}
}

// A table's label cell beside a single value ("Langues<tab>Arabe : langue
// maternelle", the other languages on the lines under it) is a label.
func TestVariationLabelCellOneValue(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"fr", "Informatique\tSAP EWM, Excel\nLangues\tArabe : langue maternelle\nFrançais : bon niveau\nAnglais : notions", []string{"sap ewm", "excel", "arabe", "francais", "anglais"}},
		{"en", "Software\tSAP, Excel\nLanguages\tEnglish (native)\nSpanish (B2)", []string{"sap", "excel", "english", "spanish"}},
		{"tools alone", "Languages\tGo, Rust\nTools\tDocker", []string{"go", "rust", "docker"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText("Jane Roe\njane@example.com\n\nSkills\n" + tc.body + "\n")
			checkSkillSet(t, got, tc.want)
		})
	}
}

// An address set beside the name and the headline of a two-cell header,
// split around them.
func TestVariationAddressBesideName(t *testing.T) {
	cases := []struct{ name, head, want string }{
		{"en", "Jane Roe\t14 Church Road\nData Analyst\tBristol BS5 9JA\njane@example.com", "14 Church Road, Bristol BS5 9JA"},
		{"fr", "Jane Roe\t5, allée des Tilleuls\nComptable confirmée\t69003 Lyon\njane@example.com", "5, allée des Tilleuls, 69003 Lyon"},
		{"not an address", "Jane Roe\tjane@example.com\nData Analyst\t+44 7700 900123", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText(tc.head + "\n\nExperience\nEngineer, Acme Corp\t2020 – 2022\n• Built the payments service\n")
			if got.Contact.Location != tc.want || got.Contact.Name != "Jane Roe" {
				t.Errorf("location = %q, want %q (name %q)", got.Contact.Location, tc.want, got.Contact.Name)
			}
		})
	}
}
