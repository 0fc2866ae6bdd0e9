// Package interviewreport writes the assessment report of a voice
// interview from its transcript: scored by the report model when one is
// configured and the candidate said something, otherwise unscored with
// the reason (the rehearsal summary: answers counted and timed). The
// voice agent writes its reports with it, and so does the server when it
// must finish an interview whose agent is gone — one set of rules for
// both, and the report says who wrote it.
package interviewreport

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"google.golang.org/genai"

	"github.com/utopiahire/utopiahire/internal/agentapi"
	"github.com/utopiahire/utopiahire/internal/ai"
	"github.com/utopiahire/utopiahire/internal/text"
)

// Model turns a prompt into JSON following a schema; *ai.Client
// implements it.
type Model interface {
	GenerateJSON(ctx context.Context, system, prompt string, schema *genai.Schema, out any, opts ...ai.Option) error
}

// Authors of a report.
const (
	AuthorAgent  = "agent"
	AuthorServer = "server"
)

// Who ended an interview.
const (
	EndedByCandidate   = "candidate"
	EndedByInterviewer = "interviewer"
	EndedByServer      = "server"
)

// Speakers of transcript segments.
const (
	SpeakerCandidate   = "candidate"
	SpeakerInterviewer = "interviewer"
)

// Session is what the report is about.
type Session struct {
	CandidateEmail string
	JobTitle       string
	JobDescription string
	CVText         string
	Language       string // "fr" or anything else for English
}

// Segment is one final utterance of the transcript.
type Segment struct {
	Speaker string
	Text    string
	StartMS int64
	EndMS   int64
}

// Ending is how the interview ended.
type Ending struct {
	// Terminated: it stopped before its end; Reason says why.
	Terminated bool
	Reason     string
	// Abandoned: the candidate walked out.
	Abandoned bool
	// EndedBy: EndedByCandidate when the candidate ended it early (End
	// interview) or walked out; "" means the interviewer closed it.
	EndedBy string
}

// Report is the body of POST /api/interviews/save-report (the agent
// contract's type).
type Report = agentapi.Report

// Writer writes reports.
type Writer struct {
	model  Model
	author string
	log    *slog.Logger
}

// New returns a Writer for author (AuthorAgent or AuthorServer). A nil
// model writes unscored reports.
func New(model Model, author string, log *slog.Logger) *Writer {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Writer{model: model, author: author, log: log}
}

// Scored reports whether the writer has a model to score with.
func (w *Writer) Scored() bool { return w.model != nil }

// Write writes the report of an interview from its final transcript. It
// always returns a report: when the model fails, the report is unscored
// and says so.
func (w *Writer) Write(ctx context.Context, s Session, segs []Segment, end Ending) (rep Report) {
	fr := isFrench(s.Language)
	rep = Report{
		CandidateEmail: s.CandidateEmail, JobTitle: s.JobTitle,
		Strengths: []string{}, DevelopmentAreas: []string{},
		Terminated: end.Terminated || end.Abandoned, TerminationReason: end.Reason,
		Abandoned: end.Abandoned, EndedBy: end.EndedBy,
	}
	if rep.Terminated && rep.TerminationReason == "" {
		rep.TerminationReason = pick(fr, "The interview ended before its end.", "L'entretien s'est arrêté avant la fin.")
	}
	defer func() { rep.Conclusion = w.mark(fr, end, rep.Conclusion) }()
	switch {
	case w.model == nil:
		rep.UnscoredReason = w.noModelReason(fr)
		rep.Conclusion = rehearsalConclusion(fr, segs, end)
		return rep
	case !hasSpeech(segs):
		rep.UnscoredReason = pick(fr, "The candidate gave no answer to assess.", "Le candidat n'a donné aucune réponse à évaluer.")
		rep.Conclusion = rep.UnscoredReason
		return rep
	}
	var mr modelReport
	gctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 3*time.Minute)
	defer cancel()
	if err := w.model.GenerateJSON(gctx, reportSystem(fr), reportPrompt(s, segs, end), reportSchema(), &mr); err != nil {
		w.log.Error("generate report", "err", err)
		rep.UnscoredReason = pick(fr, "The assessment could not be generated (the AI model was unavailable).",
			"L'évaluation n'a pas pu être générée (le modèle d'IA était indisponible).")
		rep.Conclusion = rep.UnscoredReason
		return rep
	}
	score := float64(mr.InterviewScore)
	rep.InterviewScore = &score
	rep.Conclusion, rep.Communication, rep.RoleFit = mr.Conclusion, mr.Communication, mr.RoleFit
	rep.Strengths, rep.DevelopmentAreas = nonNil(mr.Strengths), nonNil(mr.DevelopmentAreas)
	return rep
}

func (w *Writer) noModelReason(fr bool) string {
	if w.author == AuthorServer {
		return pick(fr,
			"No AI model is configured (GEMINI_API_KEY is unset), so the answers were not assessed.",
			"Aucun modèle d'IA n'est configuré (GEMINI_API_KEY absente) ; les réponses n'ont pas été évaluées.")
	}
	return pick(fr,
		"Rehearsal mode: no Gemini API key is configured, so the answers were timed but not transcribed or assessed.",
		"Mode entraînement : aucune clé d'API Gemini n'est configurée ; les réponses ont été chronométrées mais ni transcrites ni évaluées.")
}

// mark says, in the conclusion, that the server wrote the report.
func (w *Writer) mark(fr bool, end Ending, conclusion string) string {
	if w.author != AuthorServer {
		return conclusion
	}
	note := pick(fr, "Written by the server from the stored transcript, because the interviewer could not write it",
		"Rédigé par le serveur à partir de la transcription enregistrée, car le recruteur n'a pas pu le faire")
	if end.Reason != "" {
		note += " (" + strings.TrimSuffix(end.Reason, ".") + ")"
	}
	return text.Clip(note+". "+conclusion, 20000)
}

// modelReport is the model's JSON answer.
type modelReport struct {
	InterviewScore   int      `json:"interview_score"`
	Conclusion       string   `json:"conclusion"`
	Strengths        []string `json:"strengths"`
	DevelopmentAreas []string `json:"development_areas"`
	Communication    string   `json:"communication"`
	RoleFit          string   `json:"role_fit"`
}

// Validate implements ai.Validator.
func (r *modelReport) Validate() error {
	switch {
	case r.InterviewScore < 0 || r.InterviewScore > 10:
		return fmt.Errorf("interview_score %d is outside 0-10", r.InterviewScore)
	case strings.TrimSpace(r.Conclusion) == "":
		return errors.New("conclusion is empty")
	case strings.TrimSpace(r.Communication) == "" || strings.TrimSpace(r.RoleFit) == "":
		return errors.New("communication and role_fit are required")
	}
	return nil
}

func reportSchema() *genai.Schema {
	str := &genai.Schema{Type: genai.TypeString}
	six := int64(6)
	list := &genai.Schema{Type: genai.TypeArray, Items: str, MaxItems: &six}
	zero, ten := 0.0, 10.0
	return &genai.Schema{
		Type: genai.TypeObject,
		Properties: map[string]*genai.Schema{
			"interview_score":   {Type: genai.TypeInteger, Minimum: &zero, Maximum: &ten, Description: "overall score from 0 to 10"},
			"conclusion":        {Type: genai.TypeString, Description: "three to five sentences: the verdict and why"},
			"strengths":         list,
			"development_areas": list,
			"communication":     {Type: genai.TypeString, Description: "how clearly and concretely the candidate communicated"},
			"role_fit":          {Type: genai.TypeString, Description: "how the candidate's answers match the role's requirements"},
		},
		Required:         []string{"interview_score", "conclusion", "strengths", "development_areas", "communication", "role_fit"},
		PropertyOrdering: []string{"interview_score", "conclusion", "strengths", "development_areas", "communication", "role_fit"},
	}
}

func reportSystem(fr bool) string {
	return pick(fr,
		"You are a senior hiring manager writing the assessment of a job interview from its transcript. Be fair, specific and evidence-based: cite what the candidate actually said. Judge only the candidate's answers, not the interviewer. Write in English.",
		"Vous êtes un responsable du recrutement senior qui rédige l'évaluation d'un entretien d'embauche à partir de sa transcription. Soyez juste, précis et factuel : appuyez-vous sur ce que le candidat a réellement dit. Jugez uniquement les réponses du candidat, pas le recruteur. Rédigez en français.")
}

// Bounds on what is sent for the report.
const (
	maxTranscriptChars = 60000
	maxJobChars        = 6000
	maxCVChars         = 4000
)

func reportPrompt(s Session, segs []Segment, end Ending) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Role: %s\n\nJob description:\n%s\n\nCandidate CV (excerpt):\n%s\n\n", s.JobTitle, text.Clip(s.JobDescription, maxJobChars), text.Clip(s.CVText, maxCVChars))
	answers, spoken := answered(segs)
	switch {
	case end.EndedBy == EndedByCandidate && !end.Abandoned:
		fmt.Fprintf(&b, "The candidate chose to end the interview early, after %d answers (%.0f s of speech).", answers, spoken.Seconds())
	case end.Abandoned:
		fmt.Fprintf(&b, "The candidate left the interview before its end, after %d answers (%.0f s of speech).", answers, spoken.Seconds())
	case end.Terminated:
		fmt.Fprintf(&b, "The interview was ended early: %s (%d answers, %.0f s of speech).", end.Reason, answers, spoken.Seconds())
	}
	if end.EndedBy == EndedByCandidate || end.Abandoned || end.Terminated {
		b.WriteString(" Assess only what was actually said. A short interview gives little evidence: say so plainly in the conclusion, score only the evidence present, and do not guess about topics that were not covered.\n\n")
	}
	b.WriteString("Transcript:\n")
	for _, sg := range segs {
		line := fmt.Sprintf("[%02d:%02d] %s: %s\n", sg.StartMS/60000, sg.StartMS/1000%60, sg.Speaker, sg.Text)
		if b.Len()+len(line) > maxTranscriptChars {
			b.WriteString("[transcript cut]\n")
			break
		}
		b.WriteString(line)
	}
	b.WriteString("\nWrite the assessment as JSON following the response schema.")
	return b.String()
}

func answered(segs []Segment) (int, time.Duration) {
	var n int
	var spoken time.Duration
	for _, s := range segs {
		if s.Speaker == SpeakerCandidate && strings.TrimSpace(s.Text) != "" {
			n++
			spoken += time.Duration(s.EndMS-s.StartMS) * time.Millisecond
		}
	}
	return n, spoken
}

func hasSpeech(segs []Segment) bool {
	n, _ := answered(segs)
	return n > 0
}

// rehearsalConclusion is the unscored summary: answers counted and timed.
func rehearsalConclusion(fr bool, segs []Segment, end Ending) string {
	answers, spoken := answered(segs)
	var out string
	if fr {
		out = fmt.Sprintf("Entretien d'entraînement non évalué : %d réponses, %.0f s de parole au total.", answers, spoken.Seconds())
	} else {
		out = fmt.Sprintf("Unscored rehearsal interview: %d answers, %.0f s of speech in total.", answers, spoken.Seconds())
	}
	switch {
	case end.Abandoned:
		out += pick(fr, " The candidate left before the end.", " Le candidat est parti avant la fin.")
	case end.EndedBy == EndedByCandidate:
		out += pick(fr, " The candidate ended the interview early.", " Le candidat a mis fin à l'entretien plus tôt.")
	}
	return out
}

func isFrench(lang string) bool {
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(lang)), "fr")
}

func pick(fr bool, en, frText string) string {
	if fr {
		return frText
	}
	return en
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
