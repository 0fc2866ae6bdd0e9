package agent

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"google.golang.org/genai"

	"github.com/utopiahire/utopiahire/internal/ai"
)

// ReportWriter turns a transcript into the structured report;
// *ai.Client implements it.
type ReportWriter interface {
	GenerateJSON(ctx context.Context, system, prompt string, schema *genai.Schema, out any, opts ...ai.Option) error
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
	list := &genai.Schema{Type: genai.TypeArray, Items: str, MaxItems: ptr(int64(6))}
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

func ptr[T any](v T) *T { return &v }

var reportSystem = map[string]string{
	LangEN: "You are a senior hiring manager writing the assessment of a job interview from its transcript. Be fair, specific and evidence-based: cite what the candidate actually said. Judge only the candidate's answers, not the interviewer. Write in English.",
	LangFR: "Vous êtes un responsable du recrutement senior qui rédige l'évaluation d'un entretien d'embauche à partir de sa transcription. Soyez juste, précis et factuel : appuyez-vous sur ce que le candidat a réellement dit. Jugez uniquement les réponses du candidat, pas le recruteur. Rédigez en français.",
}

// maxTranscriptChars bounds the transcript sent for the report.
const maxTranscriptChars = 60000

func reportPrompt(sd SessionData, segs []Segment, terminated bool, reason string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Role: %s\n\nJob description:\n%s\n\nCandidate CV (excerpt):\n%s\n\n", sd.JobTitle, clip(sd.JobDescription, maxJobChars), clip(sd.CVText, 4000))
	if terminated {
		fmt.Fprintf(&b, "The interview was ended early: %s\n\n", reason)
	}
	b.WriteString("Transcript:\n")
	for _, s := range segs {
		line := fmt.Sprintf("[%02d:%02d] %s: %s\n", s.StartMS/60000, s.StartMS/1000%60, s.Speaker, s.Text)
		if b.Len()+len(line) > maxTranscriptChars {
			b.WriteString("[transcript cut]\n")
			break
		}
		b.WriteString(line)
	}
	b.WriteString("\nWrite the assessment as JSON following the response schema.")
	return b.String()
}
