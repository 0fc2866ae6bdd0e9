package mail

import (
	"bytes"
	"embed"
	"fmt"
	htmltemplate "html/template"
	"strings"
	texttemplate "text/template"
)

//go:embed templates/*
var templateFS embed.FS

// Templates renders the application's e-mails.
type Templates struct {
	text *texttemplate.Template
	html *htmltemplate.Template
}

// NewTemplates parses the embedded templates.
func NewTemplates() (*Templates, error) {
	text, err := texttemplate.New("").ParseFS(templateFS, "templates/*.txt.tmpl")
	if err != nil {
		return nil, fmt.Errorf("parse text mail templates: %w", err)
	}
	html, err := htmltemplate.New("").ParseFS(templateFS, "templates/*.html.tmpl")
	if err != nil {
		return nil, fmt.Errorf("parse html mail templates: %w", err)
	}
	return &Templates{text: text, html: html}, nil
}

// Render renders template name for recipient to with data. HTML output is
// escaped by html/template; the text and subject are plain text.
func (t *Templates) Render(name, to string, data any) (Message, error) {
	var subject, text, html bytes.Buffer
	if err := t.text.ExecuteTemplate(&subject, name+".subject", data); err != nil {
		return Message{}, fmt.Errorf("render %s subject: %w", name, err)
	}
	if err := t.text.ExecuteTemplate(&text, name+".text", data); err != nil {
		return Message{}, fmt.Errorf("render %s text: %w", name, err)
	}
	if err := t.html.ExecuteTemplate(&html, name+".html", data); err != nil {
		return Message{}, fmt.Errorf("render %s html: %w", name, err)
	}
	return Message{
		To:      to,
		Subject: oneLine(strings.TrimSpace(subject.String())),
		Text:    strings.TrimSpace(text.String()) + "\n",
		HTML:    html.String(),
	}, nil
}
