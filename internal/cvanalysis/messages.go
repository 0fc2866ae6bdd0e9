package cvanalysis

import (
	"fmt"

	"github.com/utopiahire/utopiahire/internal/cv"
)

// catalog holds every sentence the offline analyzer writes, in English and
// French. Keys are the English text's purpose; values are format strings.
func catalog() map[string][2]string {
	return map[string][2]string{
		// Field suggestions: problem, explanation, impact per issue type.
		"problem." + IssueWeakVerb:     {"Opens with a weak phrase (%q) instead of an action verb.", "Commence par une formule faible (%q) au lieu d'un verbe d'action."},
		"problem." + IssuePassiveVoice: {"Written in the passive voice (%q): it hides who did the work.", "Tournure passive (%q) : on ne voit pas qui a fait le travail."},
		"problem." + IssueFirstPerson:  {"Uses first-person words (%q), which CVs leave implicit.", "Emploie la première personne (%q), qu'un CV laisse implicite."},
		"problem." + IssueBuzzword:     {"Relies on buzzwords (%s) that recruiters skip.", "S'appuie sur des mots creux (%s) que les recruteurs ignorent."},
		"problem." + IssueTooLong:      {"Too long (%s words): a bullet should be read in one glance.", "Trop long (%s mots) : une puce doit se lire d'un coup d'œil."},
		"problem." + IssueWordiness:    {"Contains filler words that add length but no meaning.", "Contient des mots de remplissage qui allongent sans rien dire."},
		"problem." + IssueDateFormat:   {"Date written as %q while the rest of the CV uses another format.", "Date écrite %q alors que le reste du CV utilise un autre format."},
		"problem." + IssueMissingField: {"The CV has no summary.", "Le CV n'a pas de profil (résumé)."},
		"explain." + IssueWeakVerb:     {"Start with a verb that says what you did (led, built, reduced). If the work was shared, keep the rewrite truthful by naming your own part.", "Commencez par un verbe qui dit ce que vous avez fait (piloté, conçu, réduit). Si le travail était collectif, précisez votre part pour rester exact."},
		"explain." + IssuePassiveVoice: {"The active voice puts you as the one who acted and is shorter.", "La voix active vous montre comme l'auteur de l'action et raccourcit la phrase."},
		"explain." + IssueFirstPerson:  {"Dropping pronouns is the convention and saves space.", "Supprimer les pronoms est l'usage et fait gagner de la place."},
		"explain." + IssueBuzzword:     {"Show these qualities through results instead of claiming them.", "Montrez ces qualités par des résultats plutôt que de les affirmer."},
		"explain." + IssueTooLong:      {"The rewrite keeps the main point and the first examples; split the rest into its own bullet if it matters.", "La réécriture garde l'essentiel et les premiers exemples ; faites du reste une autre puce s'il compte."},
		"explain." + IssueWordiness:    {"The same statement in fewer words reads stronger.", "La même idée en moins de mots a plus d'impact."},
		"explain." + IssueDateFormat:   {"One date format throughout looks careful and parses reliably in applicant tracking systems.", "Un seul format de date partout fait soigné et se lit sans erreur par les logiciels de recrutement (ATS)."},
		"explain." + IssueMissingField: {"This summary is built only from your CV (latest title, years of experience, main skills); adjust it to the job you want.", "Ce profil est construit uniquement à partir de votre CV (dernier poste, années d'expérience, compétences principales) ; adaptez-le au poste visé."},
		"impact." + IssueWeakVerb:      {"Recruiters scan the first words of each bullet; an action verb shows ownership.", "Les recruteurs lisent les premiers mots de chaque puce ; un verbe d'action montre votre rôle."},
		"impact." + IssuePassiveVoice:  {"Makes your contribution explicit.", "Rend votre contribution explicite."},
		"impact." + IssueFirstPerson:   {"A more professional, compact tone.", "Un ton plus professionnel et plus compact."},
		"impact." + IssueBuzzword:      {"More room for evidence; fewer clichés.", "Plus de place pour les preuves, moins de clichés."},
		"impact." + IssueTooLong:       {"Easier to skim in the few seconds a first read takes.", "Plus facile à parcourir lors d'une première lecture de quelques secondes."},
		"impact." + IssueWordiness:     {"Tighter text.", "Un texte plus dense."},
		"impact." + IssueDateFormat:    {"A consistent, machine-readable timeline.", "Une chronologie cohérente et lisible par les machines."},
		"impact." + IssueMissingField:  {"A summary is the first thing read; without one the reader must infer your profile.", "Le profil est lu en premier ; sans lui, le lecteur doit deviner votre positionnement."},
		"metric.scale":                 {"Add a number: how many users, customers, requests or transactions it served, or what it saved.", "Ajoutez un chiffre : combien d'utilisateurs, de clients ou de transactions, ou ce que cela a fait gagner."},
		"metric.change":                {"Add the before and after figures (from X to Y, or by Z %) and over what period.", "Ajoutez les chiffres avant/après (de X à Y, ou de Z %) et sur quelle période."},
		"metric.people":                {"Add how many people were involved and what they achieved.", "Ajoutez le nombre de personnes concernées et ce qu'elles ont accompli."},
		"metric.money":                 {"Add the amount: revenue, contract value or budget.", "Ajoutez le montant : chiffre d'affaires, valeur du contrat ou budget."},
		"metric.output":                {"Add how many pieces, readers, attendees or events.", "Ajoutez combien de contenus, de lecteurs, de participants ou d'événements."},
		"metric.default":               {"Add a number that shows scale or result: users, %, money, time saved or volume handled.", "Ajoutez un chiffre qui montre l'ampleur ou le résultat : utilisateurs, %, euros, temps gagné ou volume traité."},
		"metric.only":                  {"%q: no number shows the scale or result. %s", "« %s » : aucun chiffre ne montre l'ampleur ou le résultat. %s"},

		// Formatting issues.
		"fmt.no_name":          {"No name at the top of the CV.", "Pas de nom en tête du CV."},
		"fmt.no_email":         {"No email address.", "Pas d'adresse e-mail."},
		"fmt.bad_email":        {"The email address %q does not look valid.", "L'adresse e-mail %q ne semble pas valide."},
		"fmt.no_phone":         {"No phone number.", "Pas de numéro de téléphone."},
		"fmt.bad_phone":        {"The phone number %q does not look valid.", "Le numéro de téléphone %q ne semble pas valide."},
		"fmt.no_location":      {"No location (city, country).", "Pas de localisation (ville, pays)."},
		"fmt.no_profile":       {"No LinkedIn, GitHub or portfolio link.", "Pas de lien LinkedIn, GitHub ou portfolio."},
		"fmt.no_section":       {"No %s section.", "Pas de section %s."},
		"fmt.unread":           {"Parts of the document could not be read: %s.", "Des parties du document n'ont pas pu être lues : %s."},
		"fmt.unread_sections":  {"The %s may be there: it was not found, and not scored as missing.", "La section %s s'y trouve peut-être : elle n'a pas été trouvée, et n'est pas comptée comme absente."},
		"fix.unread":           {"Check the structured CV against your document, and prefer a PDF whose text can be selected.", "Comparez le CV structuré à votre document, et préférez un PDF dont le texte est sélectionnable."},
		"unread.no_text":       {"page %d (no text)", "page %d (aucun texte)"},
		"unread.unsure_ocr":    {"page %d (scan hard to read)", "page %d (scan difficile à lire)"},
		"unread.unplaced":      {"text that fits no section", "du texte rattaché à aucune section"},
		"section.unread":       {"Not found; it may be in a part that could not be read.", "Introuvable ; elle est peut-être dans une partie illisible."},
		"fmt.too_short":        {"The CV is very short (%d words); recruiters expect one full page.", "Le CV est très court (%d mots) ; une page pleine est attendue."},
		"fmt.short":            {"The CV is short (%d words); there is room for more detail on results.", "Le CV est court (%d mots) ; il reste de la place pour détailler les résultats."},
		"fmt.too_long":         {"The CV is long (%d words, about %d pages); two pages is the usual maximum.", "Le CV est long (%d mots, environ %d pages) ; deux pages sont le maximum habituel."},
		"fmt.bad_date":         {"%s: the date %q cannot be read.", "%s : la date %q est illisible."},
		"fmt.missing_dates":    {"%s has no dates.", "%s n'a pas de dates."},
		"fmt.end_before_start": {"%s ends (%s) before it starts (%s).", "%s se termine (%s) avant de commencer (%s)."},
		"fmt.future":           {"%s starts in the future (%s).", "%s commence dans le futur (%s)."},
		"fmt.order":            {"Experience is not in reverse chronological order (most recent first).", "L'expérience n'est pas dans l'ordre antéchronologique (la plus récente d'abord)."},
		"fmt.mixed_dates":      {"Dates use several formats (%s).", "Les dates utilisent plusieurs formats (%s)."},
		"fmt.gap":              {"Gap of %d months between %s and %s.", "Interruption de %d mois entre %s et %s."},
		"fmt.no_bullets":       {"%s has no description or bullet points.", "%s n'a ni description ni puces."},
		"fmt.punctuation":      {"Bullets end inconsistently (some with a full stop, some without).", "Les puces se terminent de façon incohérente (certaines avec un point, d'autres sans)."},
		"fix.contact":          {"Add the missing contact details at the top: %s.", "Ajoutez en tête les coordonnées manquantes : %s."},
		"fix.section":          {"Add a %s section.", "Ajoutez une section %s."},
		"fix.dates":            {"Write every date the same way (for example \"Mar 2021 – Present\") and check that each entry has a start and an end.", "Écrivez toutes les dates de la même façon (par exemple « mars 2021 – aujourd'hui ») et vérifiez que chaque entrée a un début et une fin."},
		"fix.order":            {"List positions from the most recent to the oldest.", "Classez les postes du plus récent au plus ancien."},
		"fix.length_short":     {"Add two to four bullets per recent position, each with a result.", "Ajoutez deux à quatre puces par poste récent, chacune avec un résultat."},
		"fix.length_long":      {"Cut older positions to one line each and keep the last ten years in detail.", "Réduisez les postes anciens à une ligne et ne détaillez que les dix dernières années."},
		"fix.gap":              {"Explain gaps longer than six months in a line (training, project, travel).", "Expliquez en une ligne les interruptions de plus de six mois (formation, projet, voyage)."},
		"fix.no_bullets":       {"Give each position at least two bullets saying what you achieved.", "Donnez à chaque poste au moins deux puces sur ce que vous avez accompli."},
		"fix.punctuation":      {"End all bullets the same way.", "Terminez toutes les puces de la même manière."},

		// Content.
		"content.metrics_good":  {"Bullets that quantify their result: %d of %d.", "Puces qui chiffrent leur résultat : %d sur %d."},
		"content.metrics_weak":  {"Bullets with a number: only %d of %d.", "Puces avec un chiffre : seulement %d sur %d."},
		"content.verbs_good":    {"Most bullets open with a strong action verb.", "La plupart des puces commencent par un verbe d'action fort."},
		"content.verbs_weak":    {"Bullets opening with a weak phrase such as %[2]q: %[1]d.", "Puces commençant par une formule faible comme %[2]q : %[1]d."},
		"content.passive":       {"Bullets in the passive voice: %d.", "Puces à la voix passive : %d."},
		"content.first_person":  {"Fields written in the first person: %d.", "Champs écrits à la première personne : %d."},
		"content.buzzwords":     {"Buzzwords: %s.", "Mots creux : %s."},
		"content.long":          {"Bullets longer than a line and a half: %d.", "Puces de plus d'une ligne et demie : %d."},
		"content.no_bullets":    {"The CV has no bullet points describing achievements.", "Le CV n'a aucune puce décrivant des réalisations."},
		"content.summary_long":  {"The summary is long (%d words); three lines are enough.", "Le profil est long (%d mots) ; trois lignes suffisent."},
		"content.skills_listed": {"A clear skills list (%d skills).", "Une liste de compétences claire (%d compétences)."},
		"content.certs":         {"Certifications back the skills up.", "Des certifications appuient les compétences."},
		"content.projects":      {"Projects show work beyond the job.", "Des projets montrent un travail au-delà du poste."},
		"sugg.metrics":          {"Add a number to each bullet: scale (users, volume), change (%, before/after) or money.", "Ajoutez un chiffre à chaque puce : ampleur (utilisateurs, volume), évolution (%, avant/après) ou montant."},
		"sugg.verbs":            {"Open each bullet with an action verb; apply the rewrites suggested below.", "Commencez chaque puce par un verbe d'action ; appliquez les réécritures proposées."},
		"sugg.passive":          {"Rewrite passive bullets in the active voice.", "Réécrivez les puces passives à la voix active."},
		"sugg.first_person":     {"Remove I/my/we from bullets and the summary.", "Retirez je/mon/nous des puces et du profil."},
		"sugg.buzzwords":        {"Replace adjectives about yourself with evidence.", "Remplacez les adjectifs sur vous-même par des preuves."},
		"sugg.long":             {"Keep bullets under about 25 words.", "Gardez des puces de moins de 25 mots environ."},
		"sugg.no_bullets":       {"Describe each position with 2–4 achievement bullets.", "Décrivez chaque poste avec 2 à 4 puces de réalisations."},

		// Sections.
		"section.present":    {"Present.", "Présente."},
		"section.missing":    {"Missing.", "Absente."},
		"section.summary_ok": {"A summary of %d words.", "Un profil de %d mots."},
		"section.exp":        {"Positions: %d; bullets: %d, of which with numbers: %d.", "Postes : %d ; puces : %d, dont chiffrées : %d."},
		"section.edu":        {"Entries: %d.", "Entrées : %d."},
		"section.skills":     {"Skills listed: %d.", "Compétences listées : %d."},
		"section.skills_few": {"List at least 8 skills, grouped (languages, frameworks, tools).", "Listez au moins 8 compétences, regroupées (langages, outils, méthodes)."},
		"section.contact":    {"Key contact details present: %d of 5.", "Coordonnées clés présentes : %d sur 5."},
		"section.items":      {"Entries: %d.", "Entrées : %d."},
		"section.edu_dates":  {"Give each degree its dates.", "Indiquez les dates de chaque diplôme."},

		// ATS.
		"ats.no_jd":          {"No job description was given: this score measures how well an applicant tracking system can read the CV, not its fit to a job.", "Aucune offre fournie : ce score mesure la lisibilité du CV par un logiciel de recrutement (ATS), pas son adéquation à un poste."},
		"ats.paste_jd":       {"Paste the job description to see which of its keywords your CV lacks.", "Collez l'offre d'emploi pour voir quels mots-clés manquent à votre CV."},
		"ats.add_missing":    {"If you have experience with %s, name it in your skills and in a bullet that shows its use.", "Si vous maîtrisez %s, citez-le dans vos compétences et dans une puce qui montre son usage."},
		"ats.add_keywords":   {"Add these job keywords where true: %s.", "Ajoutez ces mots-clés de l'offre quand c'est exact : %s."},
		"ats.mirror":         {"Use the job description's exact wording for skills you have (applicant tracking systems match words, not meaning).", "Reprenez les termes exacts de l'offre pour les compétences que vous avez (les ATS comparent des mots, pas le sens)."},
		"ats.good":           {"The CV covers most of the job's keywords; keep them visible in recent positions.", "Le CV couvre la plupart des mots-clés de l'offre ; gardez-les visibles dans les postes récents."},
		"ats.skills_section": {"Add a skills section: applicant tracking systems look for one.", "Ajoutez une section compétences : les ATS en cherchent une."},
		"ats.standard":       {"Use standard headings (Experience, Education, Skills) so the CV is parsed correctly.", "Utilisez des titres standard (Expérience, Formation, Compétences) pour que le CV soit bien lu."},

		// General.
		"general.summary":   {"Overall %d/100. Formatting %d, content %d%s. %s", "Note globale %d/100. Mise en forme %d, contenu %d%s. %s"},
		"general.ats":       {", keyword match %d", ", mots-clés %d"},
		"general.strongest": {"Strongest point: %s", "Point fort : %s"},
		"general.none":      {"No major strength stands out yet.", "Aucun point fort ne se détache encore."},
		"quick.apply":       {"Apply the %d rewrites suggested for your bullets.", "Appliquez les %d réécritures proposées pour vos puces."},
		"quick.summary":     {"Add the suggested summary at the top.", "Ajoutez le profil proposé en tête du CV."},
		"quick.contact":     {"Add %s to the header.", "Ajoutez %s en tête du CV."},
		"quick.buzz":        {"Delete the buzzwords (%s).", "Supprimez les mots creux (%s)."},
		"quick.dates":       {"Use one date format throughout.", "Utilisez un seul format de date partout."},
		"quick.keywords":    {"Add the job keywords you genuinely have: %s.", "Ajoutez les mots-clés de l'offre que vous maîtrisez vraiment : %s."},

		// Summary generation.
		"gen.summary_years": {"%s with %d years of experience%s.", "%s avec %d ans d'expérience%s."},
		"gen.summary_plain": {"%s%s.", "%s%s."},
		"gen.in_skills":     {" in %s", " en %s"},
		"gen.skilled_in":    {" skilled in %s", ", compétences en %s"},
		"gen.current":       {" Currently at %s.", " Actuellement chez %s."},
		"gen.recent":        {" Most recently at %s.", " Dernier poste chez %s."},
		"and":               {" and ", " et "},

		// Names.
		"name.contact":        {"contact", "coordonnées"},
		"name.summary":        {"summary", "profil"},
		"name.experience":     {"experience", "expérience"},
		"name.education":      {"education", "formation"},
		"name.skills":         {"skills", "compétences"},
		"name.projects":       {"projects", "projets"},
		"name.certifications": {"certifications", "certifications"},
		"name.awards":         {"awards", "distinctions"},
		"name.publications":   {"publications", "publications"},
		"name.volunteer":      {"volunteering", "bénévolat"},
		"name.activities":     {"activities", "activités"},
		"name.email":          {"an email address", "une adresse e-mail"},
		"name.phone":          {"a phone number", "un numéro de téléphone"},
		"name.location":       {"your city", "votre ville"},
		"name.profile":        {"a LinkedIn link", "un lien LinkedIn"},
		"name.formatting":     {"formatting", "mise en forme"},
		"name.content":        {"content", "contenu"},
		"name.ats":            {"keyword match", "mots-clés"},
		// Time estimates of top priorities.
		"time.5m":  {"5 minutes", "5 minutes"},
		"time.15m": {"15 minutes", "15 minutes"},
		"time.30m": {"30 minutes", "30 minutes"},
		"time.1h":  {"1 hour", "1 heure"},
		"time.2h":  {"2 hours", "2 heures"},
		// Critical issues of the content.
		"critical.no_bullets": {"No achievement bullets: the experience reads as a list of duties.", "Aucune réalisation en puces : l'expérience se lit comme une liste de tâches."},
		"critical.metrics":    {"Only %d of %d bullets state a result with a number.", "Seules %d puces sur %d donnent un résultat chiffré."},
		"critical.ats":        {"The CV matches only %d%% of the job's keywords.", "Le CV ne couvre que %d %% des mots-clés de l'offre."},
	}
}

// tr writes the catalog's sentences in one language.
type tr struct {
	lang int // index into the catalog's pairs
	cat  map[string][2]string
}

func newTr(cat map[string][2]string, lang string) tr {
	if lang == cv.French {
		return tr{lang: 1, cat: cat}
	}
	return tr{lang: 0, cat: cat}
}

func (t tr) f(key string, args ...any) string {
	pair, ok := t.cat[key]
	if !ok {
		// A missing key is a programming error caught by the tests; show
		// the key rather than an empty string.
		return key
	}
	if len(args) == 0 {
		return pair[t.lang]
	}
	return fmt.Sprintf(pair[t.lang], args...)
}
