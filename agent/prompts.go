package agent

import (
	"fmt"
	"strings"
	"text/template"

	"github.com/utopiahire/utopiahire/internal/text"
	"google.golang.org/genai"
)

// Languages the interviewer speaks; anything else falls back to English.
const (
	LangEN = "en"
	LangFR = "fr"
)

func normLang(l string) string {
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(l)), "fr") {
		return LangFR
	}
	return LangEN
}

// Bounds on what goes into the system instruction: the model's context
// is large but a pasted 40-page CV should not crowd out the conversation.
const (
	maxCVChars  = 12000
	maxJobChars = 6000
)

// Tools the Live model calls: question marks the start of each main
// question (so reviewers see "question n of N"), end_interview ends the
// interview after the closing sentence. The end is taken from this call,
// not from matching a phrase in the transcript.
const (
	toolQuestion = "question"
	toolEnd      = "end_interview"
)

// Interview outcomes given to end_interview.
const (
	OutcomeCompleted  = "completed"
	OutcomeTerminated = "terminated"
)

func liveTools() []*genai.Tool {
	return []*genai.Tool{{FunctionDeclarations: []*genai.FunctionDeclaration{
		{
			Name:        toolQuestion,
			Description: "Call this right before you ask each main interview question (not for follow-ups).",
			Parameters: &genai.Schema{Type: genai.TypeObject, Properties: map[string]*genai.Schema{
				"number": {Type: genai.TypeInteger, Description: "1-based number of the main question"},
				"total":  {Type: genai.TypeInteger, Description: "how many main questions you plan to ask (5 to 7)"},
			}, Required: []string{"number", "total"}},
		},
		{
			Name:        toolEnd,
			Description: "Call this once, right after you have said your closing sentence, to end the interview.",
			Parameters: &genai.Schema{Type: genai.TypeObject, Properties: map[string]*genai.Schema{
				"outcome": {Type: genai.TypeString, Enum: []string{OutcomeCompleted, OutcomeTerminated}},
				"reason":  {Type: genai.TypeString, Description: "for terminated: why, in one sentence"},
			}, Required: []string{"outcome"}},
		},
	}}}
}

type promptData struct {
	Candidate, JobTitle, Job, CV string
	Minutes                      int
}

var systemTemplates = map[string]*template.Template{
	LangEN: template.Must(template.New("en").Parse(`You are a senior interviewer at a company hiring for the role "{{.JobTitle}}". You are interviewing {{.Candidate}} by voice. Speak English, naturally and warmly but professionally, one question at a time, and keep each of your turns short (two or three sentences).

Ground every question in the job description and the candidate's CV below. Plan 5 to 7 main questions that test the skills the role needs against what the CV claims: experience they list, projects, gaps, and at least one behavioural question. After each answer, ask one or two follow-ups when the answer is vague, generic or does not match the CV. If the candidate evades a question, rephrase it more concretely once; if they evade again, note it and move on.

Before each main question, call the "question" function with its number and your planned total. Do not read the function call aloud.

Stay in your role whatever the candidate says. If the candidate is abusive, harassing or discriminatory, or refuses to take part twice, end at once: say politely that you are ending the interview here, then call "end_interview" with outcome "terminated" and the reason. Never argue.

The interview lasts at most {{.Minutes}} minutes. When your questions are done, or when told that time is up, thank the candidate, tell them the interview is over and that they will receive their report by e-mail, say goodbye, and then call "end_interview" with outcome "completed". That closing sentence is your last turn.

Open by greeting {{.Candidate}} by name, introducing yourself as the interviewer for this role, and asking your first question.

JOB DESCRIPTION:
{{.Job}}

CANDIDATE CV:
{{.CV}}`)),
	LangFR: template.Must(template.New("fr").Parse(`Vous êtes un recruteur senior d'une entreprise qui recrute pour le poste « {{.JobTitle}} ». Vous menez un entretien vocal avec {{.Candidate}}. Parlez français, naturellement, avec chaleur mais professionnalisme, une question à la fois, et gardez chacune de vos interventions courte (deux ou trois phrases). Vouvoyez le candidat.

Appuyez chaque question sur l'offre d'emploi et le CV du candidat ci-dessous. Prévoyez 5 à 7 questions principales qui confrontent les compétences exigées par le poste à ce que le CV affirme : expériences, projets, trous dans le parcours, et au moins une question comportementale. Après chaque réponse, posez une ou deux questions de relance si la réponse est vague, générique ou ne correspond pas au CV. Si le candidat élude une question, reformulez-la une fois plus concrètement ; s'il l'élude encore, notez-le et passez à la suite.

Avant chaque question principale, appelez la fonction « question » avec son numéro et le total prévu. Ne lisez pas l'appel de fonction à voix haute.

Restez dans votre rôle quoi que dise le candidat. S'il est insultant, harcelant ou discriminatoire, ou s'il refuse deux fois de participer, arrêtez immédiatement : dites poliment que vous mettez fin à l'entretien, puis appelez « end_interview » avec outcome « terminated » et la raison. Ne polémiquez jamais.

L'entretien dure au plus {{.Minutes}} minutes. Quand vos questions sont terminées, ou quand on vous signale que le temps est écoulé, remerciez le candidat, annoncez que l'entretien est terminé et qu'il recevra son rapport par e-mail, dites au revoir, puis appelez « end_interview » avec outcome « completed ». Cette phrase de clôture est votre dernière intervention.

Commencez par saluer {{.Candidate}} par son nom, vous présenter comme le recruteur pour ce poste, et poser votre première question.

OFFRE D'EMPLOI :
{{.Job}}

CV DU CANDIDAT :
{{.CV}}`)),
}

// SystemInstruction is the interviewer's persona and rules for sd.
func SystemInstruction(sd SessionData, maxMinutes int) string {
	lang := normLang(sd.Language)
	d := promptData{
		Candidate: orElse(strings.TrimSpace(sd.CandidateName), map[string]string{LangEN: "the candidate", LangFR: "le candidat"}[lang]),
		JobTitle:  strings.TrimSpace(sd.JobTitle),
		Job:       text.Clip(sd.JobDescription, maxJobChars),
		CV:        text.Clip(sd.CVText, maxCVChars),
		Minutes:   maxMinutes,
	}
	var b strings.Builder
	if err := systemTemplates[lang].Execute(&b, d); err != nil {
		// The templates are fixed and the data plain strings.
		panic(fmt.Sprintf("interviewer prompt: %v", err))
	}
	return b.String()
}

// Cues sent to the Live model as text.
var cues = map[string]map[string]string{
	LangEN: {
		"begin":         "The candidate has joined the room. Greet them and begin the interview.",
		"timeup":        "Time is up. Thank the candidate now, say your closing sentence, and call end_interview with outcome completed.",
		"stop":          "The interview must stop now for technical reasons. Apologise briefly, say your closing sentence, and call end_interview with outcome completed.",
		"candidate_end": "The candidate has asked to end the interview now. Do not ask anything more: thank them briefly, say your closing sentence, and call end_interview with outcome completed.",
	},
	LangFR: {
		"begin":         "Le candidat a rejoint la salle. Saluez-le et commencez l'entretien.",
		"timeup":        "Le temps est écoulé. Remerciez le candidat maintenant, dites votre phrase de clôture et appelez end_interview avec outcome completed.",
		"stop":          "L'entretien doit s'arrêter maintenant pour des raisons techniques. Excusez-vous brièvement, dites votre phrase de clôture et appelez end_interview avec outcome completed.",
		"candidate_end": "Le candidat demande à terminer l'entretien maintenant. Ne posez plus de question : remerciez-le brièvement, dites votre phrase de clôture et appelez end_interview avec outcome completed.",
	},
}

func cue(lang, name string) string { return cues[normLang(lang)][name] }

// Rehearsal mode speaks a fixed script with local text-to-speech.
var rehearsalScripts = map[string]struct {
	Intro, Closing string
	// EarlyClosing answers the candidate's request to end early.
	EarlyClosing string
	Questions    []string
	Answer       string // transcript text of an untranscribed answer
}{
	LangEN: {
		Intro: "Hello %s. This is a rehearsal interview for the role of %s. No AI model is connected, so I will ask standard questions and time your answers, but I cannot assess them.",
		Questions: []string{
			"Please introduce yourself and walk me through your background.",
			"Why are you interested in this role?",
			"Tell me about a project you are proud of, and your part in it.",
			"Describe a difficult problem you solved at work. How did you approach it?",
			"Tell me about a time you disagreed with a colleague. What happened?",
			"Where do you want to be in three years?",
		},
		Closing:      "Thank you, that is the end of this rehearsal interview. You will receive a summary by e-mail. Goodbye.",
		EarlyClosing: "Of course, we will stop here. Thank you for your answers; your summary will follow by e-mail. Goodbye.",
		Answer:       "(answer of %.1f s; rehearsal mode does not transcribe speech)",
	},
	LangFR: {
		Intro: "Bonjour %s. Ceci est un entretien d'entraînement pour le poste de %s. Aucun modèle d'IA n'est connecté : je vais poser des questions standard et chronométrer vos réponses, sans pouvoir les évaluer.",
		Questions: []string{
			"Présentez-vous et décrivez-moi votre parcours.",
			"Pourquoi ce poste vous intéresse-t-il ?",
			"Parlez-moi d'un projet dont vous êtes fier, et de votre rôle dans ce projet.",
			"Décrivez un problème difficile que vous avez résolu au travail. Comment l'avez-vous abordé ?",
			"Racontez-moi un désaccord avec un collègue. Que s'est-il passé ?",
			"Où voulez-vous être dans trois ans ?",
		},
		Closing:      "Merci, c'est la fin de cet entretien d'entraînement. Vous recevrez un résumé par e-mail. Au revoir.",
		EarlyClosing: "Bien sûr, nous nous arrêtons ici. Merci pour vos réponses ; votre résumé suivra par e-mail. Au revoir.",
		Answer:       "(réponse de %.1f s ; le mode entraînement ne transcrit pas la parole)",
	},
}

func orElse(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
