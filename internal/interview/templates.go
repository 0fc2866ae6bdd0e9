package interview

import (
	"bytes"
	"fmt"
	htmltemplate "html/template"
	"strings"
	texttemplate "text/template"

	"github.com/utopiahire/utopiahire/internal/mail"
)

// templates renders the e-mails of the interviews area: the candidate's
// report and a reviewer's invitation. Text is plain; HTML is escaped by
// html/template.
type templates struct {
	text *texttemplate.Template
	html *htmltemplate.Template
}

const textTemplates = `
{{define "report.subject"}}Your interview report: {{.JobTitle}}{{end}}
{{define "report.text"}}Hello {{.Name}},

Here is the report of your practice interview for "{{.JobTitle}}".
{{if .Terminated}}
The interview ended early: {{.TerminationReason}}
{{end}}
Score: {{if .Score}}{{.Score}} / 10{{else}}not scored ({{.UnscoredReason}}){{end}}
{{if .Strengths}}
Strengths:
{{range .Strengths}}- {{.}}
{{end}}{{end}}{{if .DevelopmentAreas}}
To develop:
{{range .DevelopmentAreas}}- {{.}}
{{end}}{{end}}{{if .Communication}}
Communication: {{.Communication}}
{{end}}{{if .RoleFit}}
Role fit: {{.RoleFit}}
{{end}}
{{.Conclusion}}

The full interview, with its transcript, is at {{.Link}}
{{end}}
{{define "invite.subject"}}{{.Owner}} invited you to review an interview{{end}}
{{define "invite.text"}}Hello,

{{.Owner}} invited you to review their practice interview for "{{.JobTitle}}" on UtopiaHire.
Sign in (or create an account) with this address, {{.Email}}, and open:
{{.Link}}
{{end}}`

const htmlTemplates = `
{{define "report.html"}}<p>Hello {{.Name}},</p>
<p>Here is the report of your practice interview for <strong>{{.JobTitle}}</strong>.</p>
{{if .Terminated}}<p>The interview ended early: {{.TerminationReason}}</p>{{end}}
<p>Score: {{if .Score}}<strong>{{.Score}} / 10</strong>{{else}}not scored ({{.UnscoredReason}}){{end}}</p>
{{if .Strengths}}<p>Strengths:</p><ul>{{range .Strengths}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{if .DevelopmentAreas}}<p>To develop:</p><ul>{{range .DevelopmentAreas}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{if .Communication}}<p>Communication: {{.Communication}}</p>{{end}}
{{if .RoleFit}}<p>Role fit: {{.RoleFit}}</p>{{end}}
<p>{{.Conclusion}}</p>
<p><a href="{{.Link}}">The full interview, with its transcript</a></p>{{end}}
{{define "invite.html"}}<p>Hello,</p>
<p>{{.Owner}} invited you to review their practice interview for <strong>{{.JobTitle}}</strong> on UtopiaHire.
Sign in (or create an account) with this address, {{.Email}}, and open
<a href="{{.Link}}">the interview</a>.</p>{{end}}`

func parseTemplates() (*templates, error) {
	text, err := texttemplate.New("").Parse(textTemplates)
	if err != nil {
		return nil, fmt.Errorf("parse interview mail templates: %w", err)
	}
	html, err := htmltemplate.New("").Parse(htmlTemplates)
	if err != nil {
		return nil, fmt.Errorf("parse interview mail templates: %w", err)
	}
	return &templates{text: text, html: html}, nil
}

func (t *templates) render(name, to, userID string, data any) (mail.Message, error) {
	var subject, text, html bytes.Buffer
	if err := t.text.ExecuteTemplate(&subject, name+".subject", data); err != nil {
		return mail.Message{}, fmt.Errorf("render %s subject: %w", name, err)
	}
	if err := t.text.ExecuteTemplate(&text, name+".text", data); err != nil {
		return mail.Message{}, fmt.Errorf("render %s text: %w", name, err)
	}
	if err := t.html.ExecuteTemplate(&html, name+".html", data); err != nil {
		return mail.Message{}, fmt.Errorf("render %s html: %w", name, err)
	}
	return mail.Message{UserID: userID, To: to, Subject: strings.TrimSpace(subject.String()), Text: text.String(), HTML: html.String()}, nil
}

func interviewLink(frontend, id string) string {
	return strings.TrimRight(frontend, "/") + "/#/interviews/" + id
}

// report renders the candidate's report e-mail.
func (t *templates) report(iv Interview, r InterviewReport, frontend string) (mail.Message, error) {
	score := ""
	if r.Score != nil {
		score = strings.TrimSuffix(fmt.Sprintf("%.1f", *r.Score), ".0")
	}
	return t.render("report", iv.CandidateEmail, iv.UserID, map[string]any{
		"Name": iv.CandidateName, "JobTitle": iv.JobTitle, "Score": score, "UnscoredReason": deref(r.UnscoredReason),
		"Strengths": r.Strengths, "DevelopmentAreas": r.DevelopmentAreas, "Communication": r.Communication,
		"RoleFit": r.RoleFit, "Conclusion": r.Conclusion, "Terminated": r.Terminated,
		"TerminationReason": deref(r.TerminationReason), "Link": interviewLink(frontend, iv.ID),
	})
}

// invitation renders a reviewer's invitation e-mail (owned by the
// interview's owner: erased with their account).
func (t *templates) invitation(iv Interview, owner, email, frontend string) (mail.Message, error) {
	return t.render("invite", email, iv.UserID, map[string]any{
		"Owner": owner, "JobTitle": iv.JobTitle, "Email": email, "Link": interviewLink(frontend, iv.ID),
	})
}
