package cvparse

import (
	"regexp"
	"strings"
	"unicode"
)

// Word lists for the feature scores. They describe the world (job titles,
// organisation suffixes, places), not any particular CV.
var (
	titleWords = wordSet(`engineer engineering developer dev programmer manager analyst scientist intern internship lead leader
		consultant designer architect director head officer specialist administrator admin technician coordinator assistant
		associate president vp cto ceo cfo coo founder cofounder co-founder owner freelance freelancer contractor researcher
		teacher lecturer professor tutor nurse accountant auditor editor writer marketer recruiter representative supervisor
		trainee apprentice sre devops qa tester product data software backend frontend full-stack fullstack stack staff principal
		senior junior mentor volunteer member organizer organiser treasurer secretary ambassador coach trainer instructor
		captain chair chairman chairwoman executive
		ingénieur ingenieur ingénieure ingenieure développeur developpeur développeuse developpeuse chef responsable stagiaire
		alternant alternante consultante directeur directrice analyste architecte technicien technicienne chargé chargée
		gestionnaire assistante enseignant enseignante formateur formatrice vendeur commercial commerciale conseiller conseillère
		chercheur chercheuse doctorant doctorante administrateur administratrice concepteur conceptrice bénévole benevole
		trésorier tresorier trésorière secrétaire secretaire membre animateur animatrice président présidente
		worker clerk operator agent driver cashier barista cook commis pharmacist physician surgeon lawyer attorney paralegal
		advisor adviser receptionist electrician mechanic inspector surveyor therapist midwife postdoc fellow
		infirmier infirmière ouvrier ouvrière opérateur opératrice conducteur conductrice serveur serveuse cuisinier
		cuisinière pharmacien pharmacienne médecin avocat avocate juriste acheteur acheteuse contrôleur
		contrôleuse auditeur auditrice éducateur éducatrice instituteur institutrice employé employée caissier caissière
		gérant gérante adjoint adjointe coordinateur coordinatrice rédacteur rédactrice traducteur traductrice graphiste
		journaliste comptable rep cheffe volontaire personnel stage professeur professeure
		welder fitter plumber carpenter labourer laborer machinist foreman rigger scaffolder pipefitter millwright
		soudeur soudeuse assembleur assembleuse électricien électricienne plombier menuisier mécanicien mécanicienne
		magasinier magasinière cariste manutentionnaire journalier journalière préparateur préparatrice
		controller comptroller bookkeeper waiter waitress storekeeper salesman saleswoman salesperson underwriter actuary
		economist statistician steward stewardess seaman seafarer cadet bosun paramedic dentist optometrist veterinarian
		planner buyer merchandiser estimator translator interpreter journalist reporter photographer librarian archivist
		curator housekeeper concierge bartender agronomist geologist biologist physicist courier dispatcher scheduler
		caregiver nanny counsellor counselor psychologist notary solicitor barrister magistrate headteacher
		headmaster headmistress préfet sage-femme aide-soignant aide-soignante chauffeur livreur livreuse vendeuse
		réceptionniste surveillant surveillante gardien gardienne coiffeur coiffeuse esthéticienne boulanger
		boulangère pâtissier pâtissière interprète photographe bibliothécaire géomètre économiste statisticien
		statisticienne notaire`)
	// An army, a navy or a nation's "Armed Forces" ("Armée de terre")
	// employ those who serve in them.
	orgSuffixes = wordSet(`inc inc. ltd ltd. llc llp plc corp corp. corporation company co. group groupe gmbh ag sa sas sarl
		srl bv nv spa labs lab technologies technology tech systems solutions software services consulting partners holdings
		bank banque analytics health energy energies traders studio studios agency media network networks industries
		international global ventures capital foundation fondation association ministry ministère hospital hôpital authority
		forces army navy armée`)
	degreeWords = wordSet(`bachelor bachelors bachelor's master masters master's bsc b.sc bs b.s ba b.a msc m.sc ms m.s ma m.a mba
		phd ph.d doctorate doctor associate diploma degree certificate postgraduate undergraduate hnd beng meng btech mtech
		licence license diplôme diplome ingénieur ingenieur baccalauréat baccalaureat bac dut bts deug deust doctorat
		mastère mastere cap bep prépa classes préparatoires miage baccalaureate hsc ssc cbse icse gcse gcses a-level
		a-levels abitur matura llb llm lld mphil dphil bcom mcom bba bpharm mbbs bds bsn msn pharmd bfa mfa brevet
		certificat bachelier dess igcse o-level o-levels matric matriculation wassce ssce fsc sslc hssc puc
		bootcamp nanodegree classe cpge dipl.-ing dipl-ing diplom-ingenieur rncp sijil ijazah sarjana dep
		laurea licenciatura bacharelado mestrado maestría doutorado doctorado magister maturité
		técnico tecnólogo bachillerato bachiller
		mchem mphys mmath msci mbiol mpharm mres mgeol
		post-graduation postgraduation`)
	institutionWords = wordSet(`university université universite college collège school école ecole institute institut polytechnic
		polytechnique academy académie lycée lycee faculty faculté faculte iut insa esprit ensi enit sorbonne campus
		conservatoire athénée hec essec escp centrale mines telecom télécom polytech vidyalaya vidyapeeth vidyapith
		mahavidyalaya gymnasium cégep cegep hochschule fachhochschule universität universidad universidade università universiteit
		uniwersytet politecnico hogeschool coláiste scoil gaelscoil cnam afpa greta sekolah kolej maktab
		escola escuela colegio instituto liceo liceu universiti universitas politeknik
		ateneo tecnológico scuola
		universitatea colegiul liceul școala scoala facultatea academia istituto faculdade colégio facultad
		akademie akademia politechnika szkoła üniversitesi lisesi fakültesi universitet högskola høgskole berufsschule
		liceum gymnase`)
)

// wordSet also holds each word without its accents ("chargée" and
// "chargee"): headings and keys are compared folded.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[strings.ToLower(w)] = true
		if k := fold(w); k != "" && !strings.Contains(k, " ") {
			m[k] = true
		}
	}
	return m
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == ',' || r == '(' || r == ')' || r == '/' || r == '|' || r == '\t'
	})
}

func countIn(s string, set map[string]bool) int {
	n := 0
	for _, w := range words(s) {
		// "B.Tech", "Ph.D.", "B.Com.": an abbreviation is also read
		// without its full stops.
		if set[w] || set[strings.TrimSuffix(w, ".")] || set[strings.TrimSuffix(w, "s")] || set[strings.ReplaceAll(w, ".", "")] {
			n++
		}
	}
	return n
}

// titleScore counts job words. A job word in the plural and capitalised
// ("Harlow Associates", "Pharmaciens Solidaires", "Smith Architects")
// names a body of people, a firm, not a job.
func titleScore(s string) int {
	return countIn(s, titleWords) + prefixedTitles(s) + placementTitles(s) - namedPlurals(s)
}

// jobFieldWords name a job's field before the job's noun ("Software
// Engineer", "Data Analyst", "Product Designer").
var jobFieldWords = wordSet(`software data product backend frontend full-stack fullstack`)

// fieldNamedFirms counts the comma-cut parts of s that are names closed
// by a field word ("Ebano Software", "Kora Data", "Brightline Software
// Ltd"): a field word names a job only before the job's noun, so closing
// a capitalised name it names the firm's trade. One word alone
// ("Engineer, Software") is still the field of the job before it.
func fieldNamedFirms(s string) int {
	n := 0
	for _, seg := range strings.Split(s, ",") {
		ws := strings.Fields(seg)
		for len(ws) > 2 && legalForms[strings.ToLower(strings.Trim(ws[len(ws)-1], "."))] {
			ws = ws[:len(ws)-1]
		}
		if len(ws) < 2 || !unicode.IsUpper([]rune(ws[0])[0]) || !jobFieldWords[strings.ToLower(ws[len(ws)-1])] {
			continue
		}
		if titleScore(strings.Join(ws[:len(ws)-1], " ")) == 0 {
			n++
		}
	}
	return n
}

// orgScore counts organisation words, and the job words in the plural
// that name a firm.
func orgScore(s string) int {
	return countIn(s, orgSuffixes) + namedPlurals(s) + boolScore(legalFormEnd(strings.TrimSpace(s)) && countIn(s, legalForms) == 0)
}

// namedPlurals counts the capitalised words that are job words only once
// their final "s" is taken off ("Associates"; not "DevOps" or "Sales",
// nor the adjective of "sciences infirmières").
func namedPlurals(s string) int {
	n := 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(" ,()/|\t", r) }) {
		lw := strings.ToLower(strings.TrimSuffix(w, "."))
		if !unicode.IsUpper([]rune(w)[0]) {
			continue
		}
		if single, ok := strings.CutSuffix(lw, "s"); ok && !titleWords[lw] && titleWords[single] && len(single) > 2 {
			n++
		}
	}
	return n
}

func degreeScore(s string) int {
	return countIn(s, degreeWords) + countCapitals(s, degreeAcronyms)
}

// institutionScore counts school words, also after an elided article or
// preposition ("INSPÉ de l'académie de Lyon", "École d'Université").
func institutionScore(s string) int {
	s = reElision.ReplaceAllString(s, "$1")
	s = rePlacementTitle.ReplaceAllString(s, " ") // "School Practice" names no school
	return countIn(s, institutionWords) + countCapitals(s, schoolAcronyms)
}

// reElision is an elided article or preposition before a word.
var reElision = regexp.MustCompile(`(?i)(^|\s)(?:[dlnsjc]|qu)['’]`)

// degreeOnlyScore counts the degree words that are no job title words
// ("Ingénieur" is both).
func degreeOnlyScore(s string) int {
	n := 0
	for _, w := range words(s) {
		if countIn(w, degreeWords) > 0 && countIn(w, titleWords) == 0 {
			n++
		}
	}
	return n
}

// phraseSet is wordSet where "_" joins the words of one phrase.
func phraseSet(s string) map[string]bool {
	m := map[string]bool{}
	for w := range wordSet(s) {
		m[strings.ReplaceAll(w, "_", " ")] = true
	}
	return m
}

var reStateCode = regexp.MustCompile(`^[A-Z]{2}$`)

var reCityState = regexp.MustCompile(`^[\p{Lu}][\p{L}.'\- ]+,\s*[A-Z]{2}$`)

// stateCodes are the postal codes of US states, Canadian provinces and
// Australian states, which CVs from there write after the town with no
// comma ("Chicago IL", "Ottawa ON", "Melbourne VIC"). "SA" is left out:
// it is a company's legal form more often than South Australia.
var stateCodes = wordSet(`AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ
	NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC AB BC MB NB NL NS NT NU ON PE QC SK YT
	NSW VIC QLD TAS ACT`)

// reDepartment is a town followed by a French département's number.
var reDepartment = regexp.MustCompile(`^(\S.*?)\s*\((?:0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6])\)$`)

// reCounty is an Irish or British county as addresses write it ("Co.
// Dublin", "County Kerry").
var reCounty = regexp.MustCompile(`^(?:Co\.?|County)\s+\p{Lu}\p{L}+$`)

// reTownCode is a town and a code after a space, a comma or in brackets
// ("Seattle WA", "Brendale, QLD", "Rimouski (Qc)"). French Canadians
// write Quebec's code "Qc".
var reTownCode = regexp.MustCompile(`^(.+?)(?:\s+|,\s*|\s*\()([A-Z]{2,3}|Qc)(\))?$`)

// reRegionCut is a state's or province's name cut short after its first
// letters ("Jal.", "Ont.", "Tex.", "Mass.").
var reRegionCut = regexp.MustCompile(`^\p{Lu}\p{Ll}{1,3}\.$`)

// townRegionCut: "Zapopan, Jal.", "Kingston, Ont.": a known city, or a
// name shaped like a town, then its region's name cut short. A place's
// whole name after the comma ("…, Lyon.", "…, Oslo.") is no such cut:
// its full stop may end a sentence.
func townRegionCut(s string) bool {
	i := strings.LastIndex(s, ",")
	cut := strings.TrimSpace(s[i+1:])
	if i <= 0 || !reRegionCut.MatchString(cut) || placeOf(strings.TrimSuffix(cut, ".")) != 0 {
		return false
	}
	town := strings.TrimSpace(s[:i])
	return isLocation(town) || townShaped(town)
}

// cityDistrict: "Abidjan-Plateau", "Dakar-Plateau", "Douala-Bonapriso": a
// known city, a hyphen and the district's capitalised name, as West and
// Central African addresses write a district.
func cityDistrict(s string) bool {
	city, district, ok := strings.Cut(strings.TrimSpace(s), "-")
	if !ok || strings.ContainsAny(district, " -") || !townShaped(district) || placeOf(city)&placeCity == 0 {
		return false
	}
	return true
}

// townStateCode: "Seattle WA", "Iowa City IA", "Moranbah, QLD",
// "Québec (Qc)": a known city, or a name shaped like a town, then a state
// or province code.
func townStateCode(s string) bool {
	s = strings.TrimSpace(s)
	m := reTownCode.FindStringSubmatch(s)
	if m == nil || !stateCodes[strings.ToLower(m[2])] || (m[3] != "") != strings.Contains(s[len(m[1]):], "(") {
		return false
	}
	return placeOf(m[1])&placeCity != 0 || townShaped(m[1])
}

// isLocation recognises a place: "City, ST", a known place (a city,
// region, country or work mode, "Lyon, France"), or "Town, Region" and
// "Town, Country" where the town is unknown. "Careem, Dubai" is not a
// place as a whole: a city after an unknown name is where that name is
// ("Company, City"), while a region or country after it names the town's
// surroundings.
func isLocation(s string) bool {
	// "Brendale, QLD", "Rimouski (Qc)": a town the gazetteer does not
	// hold is one before its state's or province's code.
	if townStateCode(s) || townRegionCut(s) || cityDistrict(s) {
		return true
	}
	// "Gennevilliers (92)", "Piana (2A)": a French town and its
	// département's number.
	if m := reDepartment.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		return isLocation(m[1]) || townShaped(m[1])
	}
	if m := reParenPlace.FindStringSubmatch(strings.TrimSpace(s)); m != nil && !strings.HasPrefix(strings.TrimSpace(s), "(") {
		return isLocation(m[1]) && isLocation(m[2]) // "Remote (EMEA)", "Lyon (France)"
	}
	s = strings.TrimSpace(strings.Trim(s, "()"))
	if s == "" || len(s) > 60 || strings.ContainsAny(s, "@0123456789") {
		return false
	}
	if multiSite(s) || slashedPlaces(s) {
		return true
	}
	if reCityState.MatchString(s) || townStateCode(s) {
		return true
	}
	parts := strings.Split(s, ",")
	// Every part after the first names a place ("Lyon, France", "Orange,
	// Paris"); "Mentor, Code Club" is not a place for its first word.
	for _, p := range parts[1:] {
		if placeOf(p) == 0 && !reStateCode.MatchString(strings.TrimSpace(p)) && !townStateCode(p) && !reCounty.MatchString(strings.TrimSpace(p)) {
			return false
		}
	}
	first := strings.TrimSpace(parts[0])
	// A county alone ("Co. Kilkenny") is a place.
	if placeOf(first) != 0 || len(parts) == 1 && reCounty.MatchString(first) {
		return true
	}
	last := placeOf(parts[len(parts)-1])
	county := reCounty.MatchString(strings.TrimSpace(parts[len(parts)-1]))
	return len(parts) >= 2 && (last&(placeRegion|placeCountry) != 0 && last&placeCity == 0 || county) &&
		len(strings.Fields(first)) <= 3 && orgScore(first) == 0 && institutionScore(first) == 0 && countIn(first, unitWords) == 0
}

// slashedPlaces: places set apart by slashes ("Kyiv / Grenoble"), where a
// double degree or a job between two offices was held.
func slashedPlaces(s string) bool {
	parts := strings.Split(s, "/")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if p = strings.TrimSpace(p); p == "" || strings.Contains(p, ",") || !isLocation(p) {
			return false
		}
	}
	return true
}
