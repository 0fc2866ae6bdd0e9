// Package latex renders a structured CV as a LaTeX document and compiles
// LaTeX to PDF with xelatex in a sandbox.
//
// Render never lets user text reach TeX unescaped: every string from the CV
// goes through Escape (or becomes a link only when it is a plain http(s)
// URL of safe characters). Compiler.PDF is a second line of defence for any
// .tex it is given: no shell escape, paranoid file access, a private
// directory, and time, memory, output-size and concurrency limits.
//
// Fonts: TeX Gyre Heros (Debian package tex-gyre), loaded by file name
// through kpathsea so that the result does not depend on fontconfig.
package latex

import (
	"bytes"
	_ "embed"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"text/template"

	"github.com/utopiahire/utopiahire/internal/cv"
)

//go:embed cv.tex.tmpl
var templateText string

// Options tunes the document.
type Options struct {
	// Lang is "en" or "fr" for section headings; "" detects it from the CV.
	Lang string
	// Paper is "a4" (default) or "letter".
	Paper string
}

// Render returns a complete LaTeX document for c. It fails only for bad
// options; any CV, however hostile, renders.
func Render(c cv.StructuredCV, opts Options) (string, error) {
	lang := opts.Lang
	if lang == "" {
		lang = cv.DetectLanguage(&c, "")
	}
	if lang != cv.English && lang != cv.French {
		return "", fmt.Errorf("latex: unsupported language %q", lang)
	}
	paper := opts.Paper
	switch paper {
	case "":
		paper = "a4"
	case "a4", "letter":
	default:
		return "", fmt.Errorf("latex: unsupported paper %q", paper)
	}
	tmpl, err := template.New("cv").Delims("<<", ">>").Parse(templateText)
	if err != nil {
		return "", fmt.Errorf("latex: parse template: %w", err)
	}
	var b bytes.Buffer
	if err := tmpl.Execute(&b, newDocument(c, lang, paper)); err != nil {
		return "", fmt.Errorf("latex: execute template: %w", err)
	}
	return b.String(), nil
}

// document is what the template sees. Every string in it is LaTeX already
// (escaped user text or our own markup); the template adds no user text of
// its own.
type document struct {
	Paper        string
	Lang         string
	Name         string
	Headline     string
	SummaryTitle string
	Contact      []string
	Links        []string
	Summary      string
	Sections     []section
}

type section struct {
	Title   string
	Entries []entry
	// Lines are label/value rows (skills, languages).
	Lines []labelled
}

type entry struct {
	Title, Dates, Org, Place string
	Text                     string
	Bullets                  []string
}

type labelled struct{ Label, Value string }

func newDocument(c cv.StructuredCV, lang, paper string) document {
	h := headings(lang)
	d := document{
		Paper:        paper,
		Lang:         lang,
		Name:         Escape(c.Contact.Name),
		Summary:      EscapeLines(c.Summary),
		SummaryTitle: h.summary,
		Contact:      contactLine(c.Contact),
		Links:        profileLinks(c.Contact),
	}
	if len(c.Experience) > 0 {
		d.Headline = Escape(c.Experience[0].Title)
	}
	add := func(title string, es []entry) {
		if len(es) > 0 {
			d.Sections = append(d.Sections, section{Title: title, Entries: es})
		}
	}
	add(h.experience, experienceEntries(c.Experience))
	add(h.education, educationEntries(c.Education, h))
	if lines := skillLines(c.Skills, h); len(lines) > 0 {
		d.Sections = append(d.Sections, section{Title: h.skills, Lines: lines})
	}
	for _, s := range []struct {
		title string
		items []cv.Item
	}{
		{h.projects, c.Projects}, {h.certifications, c.Certifications}, {h.awards, c.Awards},
		{h.publications, c.Publications}, {h.volunteer, c.Volunteer}, {h.activities, c.Activities},
	} {
		add(s.title, itemEntries(s.items))
	}
	for _, o := range c.OtherSections {
		// A section's content is usually its items joined: print it once,
		// as text for one item and as bullets for several.
		e := entry{Text: EscapeLines(o.Content), Bullets: escapeAll(o.Items)}
		if strings.TrimSpace(o.Content) == strings.TrimSpace(strings.Join(o.Items, "\n")) {
			if len(o.Items) > 1 {
				e.Text = ""
			} else {
				e.Bullets = nil
			}
		}
		if e.Text != "" || len(e.Bullets) > 0 {
			d.Sections = append(d.Sections, section{Title: Escape(o.Title), Entries: []entry{e}})
		}
	}
	return d
}

func experienceEntries(list []cv.Experience) []entry {
	var out []entry
	for _, e := range list {
		en := entry{
			Title: Escape(e.Title), Org: Escape(e.Company), Place: Escape(e.Location),
			Dates: dateRange(e.StartDate, e.EndDate), Text: EscapeLines(e.Description), Bullets: escapeAll(e.Bullets),
		}
		if !en.empty() {
			out = append(out, en)
		}
	}
	return out
}

func educationEntries(list []cv.Education, h headingSet) []entry {
	var out []entry
	for _, e := range list {
		text := EscapeLines(e.Description)
		if gpa := Escape(e.GPA); gpa != "" {
			text = strings.TrimSpace(h.gpa + " " + gpa + `\newline ` + text)
			text = strings.TrimSuffix(text, `\newline`)
		}
		en := entry{
			Title: Escape(e.Degree), Org: Escape(e.Institution), Place: Escape(e.Location),
			Dates: dateRange(e.StartDate, e.EndDate), Text: text, Bullets: escapeAll(e.Achievements),
		}
		if !en.empty() {
			out = append(out, en)
		}
	}
	return out
}

func itemEntries(list []cv.Item) []entry {
	var out []entry
	for _, it := range list {
		en := entry{
			Title: Escape(it.Title), Org: Escape(it.Organization), Dates: Escape(it.Date),
			Text: EscapeLines(it.Description), Bullets: escapeAll(it.Bullets),
		}
		if l := link(it.Link); l != "" && en.Org == "" {
			en.Org = l
		} else if l != "" {
			en.Place = l
		}
		if !en.empty() {
			out = append(out, en)
		}
	}
	return out
}

func (e entry) empty() bool {
	return e.Title == "" && e.Org == "" && e.Text == "" && len(e.Bullets) == 0
}

func skillLines(s cv.Skills, h headingSet) []labelled {
	var out []labelled
	for _, g := range []struct {
		label string
		list  []string
	}{
		{h.technical, s.Technical}, {h.tools, s.Tools}, {h.languages, s.Languages},
		{h.softSkills, s.SoftSkills}, {h.other, s.Other},
	} {
		if items := escapeAll(g.list); len(items) > 0 {
			out = append(out, labelled{Label: g.label, Value: strings.Join(items, ", ")})
		}
	}
	return out
}

// contactLine lists the header's contact details.
func contactLine(c cv.Contact) []string {
	var out []string
	for _, v := range []string{c.Email, c.Phone, c.Location} {
		if e := Escape(v); e != "" {
			out = append(out, e)
		}
	}
	return out
}

// profileLinks lists the header's web profiles, as links when they are safe
// to pass to \href.
func profileLinks(c cv.Contact) []string {
	var out []string
	for _, v := range []string{c.LinkedIn, c.GitHub, c.Portfolio} {
		if l := link(v); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// link shows a web address without its scheme, as a hyperlink when the
// address is a plain http(s) URL made only of characters that \href passes
// through untouched; otherwise as escaped text.
func link(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	target := raw
	if !strings.Contains(target, "://") {
		target = "https://" + target
	}
	shown := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(target, "https://"), "http://"), "/")
	u, err := url.Parse(target)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !safeURL().MatchString(target) {
		return Escape(raw)
	}
	return `\href{` + target + `}{` + Escape(shown) + `}`
}

// safeURL admits no character that TeX or hyperref treat specially (no %,
// #, ~, &, \, braces or spaces).
func safeURL() *regexp.Regexp {
	return regexp.MustCompile(`^https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9._/:@+=,;!?-]*)?$`)
}

func dateRange(start, end string) string {
	s, e := Escape(start), Escape(end)
	switch {
	case s != "" && e != "":
		return s + " -- " + e
	case s != "":
		return s
	}
	return e
}

func escapeAll(list []string) []string {
	var out []string
	for _, s := range list {
		if e := EscapeLines(s); e != "" {
			out = append(out, e)
		}
	}
	return out
}

type headingSet struct {
	summary, experience, education, skills, projects, certifications, awards,
	publications, volunteer, activities, technical, tools, languages, softSkills, other, gpa string
}

func headings(lang string) headingSet {
	if lang == cv.French {
		return headingSet{
			summary: "Profil", experience: "Expérience professionnelle", education: "Formation",
			skills: "Compétences", projects: "Projets", certifications: "Certifications",
			awards: "Distinctions", publications: "Publications", volunteer: "Bénévolat",
			activities: "Activités", technical: "Techniques", tools: "Outils", languages: "Langues",
			softSkills: "Savoir-être", other: "Autres", gpa: "Moyenne :",
		}
	}
	return headingSet{
		summary: "Summary", experience: "Experience", education: "Education",
		skills: "Skills", projects: "Projects", certifications: "Certifications",
		awards: "Awards", publications: "Publications", volunteer: "Volunteering",
		activities: "Activities", technical: "Technical", tools: "Tools", languages: "Languages",
		softSkills: "Soft skills", other: "Other", gpa: "GPA:",
	}
}
