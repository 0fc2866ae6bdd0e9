package cvanalysis

// Word lists, English and French. Functions rather than package variables so
// that nothing is shared mutable state; each analyzer builds its sets once.

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// strongVerbsEN are action verbs (past tense) that open a bullet well.
func strongVerbsEN() map[string]bool {
	return setOf(
		"accelerated", "achieved", "acquired", "administered", "advised", "analysed", "analyzed", "architected",
		"automated", "boosted", "built", "championed", "coached", "co-founded", "collaborated", "completed", "conceived",
		"configured", "consolidated", "contributed", "converted", "coordinated", "created", "cut", "debugged", "decreased",
		"defined", "delivered", "deployed", "designed", "developed", "devised", "digitised", "digitized", "directed", "doubled",
		"drafted", "drove", "eliminated", "enabled", "engineered", "established", "evaluated", "executed", "expanded",
		"facilitated", "founded", "generated", "grew", "guided", "halved", "headed", "hired", "identified", "implemented",
		"improved", "increased", "initiated", "instituted", "integrated", "introduced", "invented", "launched", "led",
		"maintained", "managed", "mentored", "merged", "migrated", "modernised", "modernized", "monitored", "negotiated",
		"onboarded", "operated", "optimised", "optimized", "orchestrated", "organised", "organized", "overhauled", "oversaw",
		"owned", "performed", "pioneered", "planned", "presented", "prioritised", "prioritized", "produced", "programmed",
		"published", "raised", "rebuilt", "recruited", "redesigned", "reduced", "refactored", "released", "replaced",
		"researched", "resolved", "restructured", "revamped", "saved", "scaled", "secured", "shipped", "simplified", "sold",
		"spearheaded", "standardised", "standardized", "streamlined", "strengthened", "supervised", "supported", "taught",
		"tested", "trained", "transformed", "tripled", "troubleshot", "unified", "upgraded", "won", "wrote",
	)
}

// strongOpenersFR are participles and action nouns that open a French bullet
// well (French CVs use both styles).
func strongOpenersFR() map[string]bool {
	return setOf(
		"accompagné", "amélioré", "analysé", "animé", "automatisé", "bâti", "conçu", "conduit", "construit", "coordonné",
		"créé", "déployé", "développé", "dirigé", "doublé", "encadré", "établi", "formé", "géré", "implémenté", "intégré",
		"lancé", "livré", "mené", "migré", "mis", "modernisé", "négocié", "optimisé", "organisé", "piloté", "planifié",
		"publié", "recruté", "réalisé", "rédigé", "réduit", "refondu", "remplacé", "résolu", "restructuré", "simplifié",
		"standardisé", "supervisé", "testé", "transformé", "triplé", "augmenté", "contribué", "obtenu", "remporté",
		"accompagnement", "amélioration", "analyse", "animation", "automatisation", "conception", "construction",
		"coordination", "création", "déploiement", "développement", "direction", "encadrement", "formation", "gestion",
		"intégration", "lancement", "migration", "mise", "modernisation", "négociation", "optimisation", "organisation",
		"pilotage", "planification", "réalisation", "rédaction", "refonte", "réduction", "suivi", "supervision", "conduite",
	)
}

// frNominals maps French action nouns to the participle that states the
// same action as done ("gestion de X" → "Géré X").
func frNominals() map[string]string {
	return map[string]string{
		"gestion": "Géré", "développement": "Développé", "conception": "Conçu", "création": "Créé",
		"coordination": "Coordonné", "organisation": "Organisé", "supervision": "Supervisé", "maintenance": "Maintenu",
		"migration": "Migré", "rédaction": "Rédigé", "animation": "Animé", "formation": "Formé", "encadrement": "Encadré",
		"pilotage": "Piloté", "analyse": "Analysé", "optimisation": "Optimisé", "automatisation": "Automatisé",
		"déploiement": "Déployé", "intégration": "Intégré", "refonte": "Refondu", "amélioration": "Amélioré",
		"réduction": "Réduit", "lancement": "Lancé", "négociation": "Négocié", "recrutement": "Recruté",
		"réalisation": "Réalisé", "préparation": "Préparé", "mise en place": "Mis en place", "construction": "Construit",
		"modernisation": "Modernisé", "planification": "Planifié", "conduite": "Conduit", "direction": "Dirigé",
		"administration": "Administré", "sécurisation": "Sécurisé", "documentation": "Documenté", "évaluation": "Évalué",
	}
}

// enNominals maps English action nouns to their verb in the past tense
// ("the migration of X" → "Migrated X").
func enNominals() map[string]string {
	return map[string]string{
		"migration": "Migrated", "development": "Developed", "implementation": "Implemented", "design": "Designed",
		"creation": "Created", "redesign": "Redesigned", "integration": "Integrated", "automation": "Automated",
		"optimization": "Optimized", "optimisation": "Optimised", "deployment": "Deployed", "management": "Managed",
		"organization": "Organized", "organisation": "Organised", "coordination": "Coordinated", "maintenance": "Maintained",
		"refactoring": "Refactored", "launch": "Launched", "planning": "Planned", "testing": "Tested",
		"analysis": "Analyzed", "review": "Reviewed", "preparation": "Prepared", "delivery": "Delivered",
		"configuration": "Configured", "construction": "Built", "modernization": "Modernized", "documentation": "Documented",
		"evaluation": "Evaluated", "improvement": "Improved", "recruitment": "Recruited", "negotiation": "Negotiated",
		"supervision": "Supervised", "rollout": "Rolled out", "setup": "Set up", "administration": "Administered",
	}
}

// irregularPast maps irregular English verbs (base, gerund stem and past
// participle forms) to their simple past.
func irregularPast() map[string]string {
	return map[string]string{
		"lead": "led", "build": "built", "write": "wrote", "run": "ran", "make": "made", "teach": "taught",
		"drive": "drove", "grow": "grew", "take": "took", "give": "gave", "set": "set", "begin": "began",
		"bring": "brought", "buy": "bought", "sell": "sold", "hold": "held", "speak": "spoke", "find": "found",
		"keep": "kept", "meet": "met", "send": "sent", "spend": "spent", "win": "won", "do": "did", "oversee": "oversaw",
		"undertake": "undertook", "rewrite": "rewrote", "rebuild": "rebuilt", "cut": "cut", "put": "put",
		"split": "split", "show": "showed", "choose": "chose", "draw": "drew", "get": "got", "see": "saw",
		"think": "thought", "understand": "understood", "withdraw": "withdrew", "forecast": "forecast",
		"troubleshoot": "troubleshot", "shut": "shut", "feed": "fed", "lay": "laid", "pay": "paid",
		"written": "wrote", "done": "did", "taken": "took", "given": "gave", "shown": "showed",
		"grown": "grew", "chosen": "chose", "driven": "drove", "drawn": "drew", "begun": "began", "seen": "saw",
		"built": "built", "led": "led", "made": "made", "sold": "sold", "held": "held", "brought": "brought",
		"taught": "taught", "spent": "spent", "sent": "sent", "kept": "kept", "found": "found", "won": "won",
		"rewritten": "rewrote", "rebuilt": "rebuilt", "overseen": "oversaw", "undertaken": "undertook",
		"paid": "paid", "laid": "laid",
	}
}

// baseVerbsEN are verbs that commonly follow "helped"/"assisted in" in their
// base form; only these are turned into a past tense after such openers.
func baseVerbsEN() map[string]bool {
	return setOf(
		"analyse", "analyze", "automate", "build", "coordinate", "create", "cut", "debug", "define", "deliver", "deploy",
		"design", "develop", "document", "drive", "establish", "evaluate", "expand", "grow", "implement", "improve",
		"increase", "integrate", "launch", "lead", "maintain", "manage", "migrate", "modernise", "modernize", "monitor",
		"onboard", "optimise", "optimize", "organise", "organize", "plan", "prepare", "reduce", "refactor", "release",
		"resolve", "review", "rewrite", "scale", "secure", "ship", "simplify", "streamline", "support", "test", "train",
		"transform", "upgrade", "write", "recruit", "mentor", "negotiate", "research", "produce", "draft", "run",
	)
}

// doubledFinal are base verbs whose final consonant doubles before -ed.
func doubledFinal() map[string]bool {
	return setOf("plan", "ship", "stop", "drop", "scrap", "map", "tap", "wrap", "chat", "commit", "submit", "admit", "equip", "prefer", "refer", "control", "patrol")
}

// buzzwords are empty self-descriptions recruiters skim over. Longer
// phrases come first so that they are removed before their parts.
func buzzwordsEN() []string {
	return []string{
		"think outside the box", "thinks outside the box", "go-getter", "self-starter", "self starter",
		"team player", "hard worker", "hard-working", "hardworking", "detail-oriented", "detail oriented",
		"results-driven", "results driven", "result-oriented", "results-oriented", "goal-oriented", "go-to person",
		"highly motivated", "self-motivated", "motivated", "dynamic", "passionate", "proactive", "enthusiastic",
		"synergy", "synergies", "rockstar", "rock star", "ninja", "guru", "thought leader", "best-of-breed",
		"best of breed", "innovative", "visionary", "seasoned", "ambitious", "driven", "dedicated", "reliable",
		"fast learner", "quick learner", "excellent communication skills", "strong work ethic",
	}
}

func buzzwordsFR() []string {
	return []string{
		"force de proposition", "esprit d'équipe", "sens du relationnel", "bon relationnel", "capacité d'adaptation",
		"dynamiques", "dynamique", "motivées", "motivés", "motivée", "motivé", "rigoureuse", "rigoureux", "autonome",
		"polyvalente", "polyvalent", "proactive", "proactif", "passionnée", "passionné", "curieuse", "curieux",
		"sérieuse", "sérieux", "investie", "investi", "enthousiaste", "déterminée", "déterminé", "ambitieuse", "ambitieux",
	}
}

// stopwords are function words of both languages, ignored as keywords.
func stopwords() map[string]bool {
	return setOf(
		// English
		"a", "about", "above", "across", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
		"at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
		"do", "does", "doing", "down", "during", "each", "either", "etc", "every", "few", "for", "from", "further", "had",
		"has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it",
		"its", "itself", "just", "least", "less", "like", "may", "me", "might", "more", "most", "must", "my", "no", "nor",
		"not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours", "out", "over", "own", "per",
		"same", "shall", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there",
		"these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "upon", "us", "very", "via",
		"was", "we", "well", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
		"within", "without", "would", "you", "your", "yours", "yourself",
		// French
		"au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "elle", "elles", "en", "est", "et",
		"être", "eux", "il", "ils", "je", "la", "le", "les", "leur", "leurs", "lui", "ma", "mais", "me", "même", "mes",
		"moi", "mon", "ne", "nos", "notre", "nous", "on", "ou", "où", "par", "pas", "pour", "qu", "que", "qui", "sa",
		"se", "ses", "son", "sont", "sur", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous",
		"y", "à", "afin", "ainsi", "alors", "aussi", "autre", "autres", "avoir", "bien", "car", "chez", "comme", "dont",
		"doit", "donc", "encore", "entre", "fait", "faire", "peut", "plus", "selon", "sans", "sous", "tout", "tous",
		"toute", "toutes", "très", "d", "l", "s", "n", "c", "j",
	)
}

// jobWords are words every job description uses; they say nothing about
// the role, so they are never reported as keywords.
func jobWords() map[string]bool {
	return setOf(
		"experience", "experienced", "years", "year", "team", "teams", "work", "working", "role", "candidate",
		"candidates", "strong", "ability", "able", "skills", "skill", "knowledge", "required", "requirements",
		"preferred", "plus", "nice", "good", "great", "excellent", "looking", "join", "company", "position", "job",
		"responsibilities", "responsible", "including", "include", "includes", "new", "opportunity", "environment",
		"minimum", "degree", "related", "field", "equivalent", "understanding", "familiarity", "proven", "track",
		"record", "using", "use", "based", "help", "ensure", "across", "day", "days", "time", "full", "part", "etc",
		"salary", "benefits", "apply", "application", "remote", "office", "hybrid", "location", "world", "people",
		"expérience", "expériences", "ans", "année", "années", "équipe", "équipes", "travail", "poste", "profil",
		"candidat", "candidate", "compétences", "compétence", "connaissance", "connaissances", "maîtrise", "requis",
		"souhaité", "souhaitée", "serait", "atout", "rejoindre", "entreprise", "missions", "mission", "recherchons",
		"cherchons", "vous", "nous", "bonne", "bonnes", "capacité", "diplôme", "niveau", "minimum", "idéalement",
		"principales", "principaux", "sein", "cadre", "environnement", "offre", "contrat", "cdi", "cdd", "temps",
		"plein", "salaire", "avantages", "télétravail", "h/f", "f/h", "hf", "fh", "etc",
	)
}
