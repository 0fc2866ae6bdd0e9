package cv

import (
	"net/mail"
	"net/url"
	"regexp"
	"strings"
)

// JSONResume is a CV in the JSON Resume schema
// (https://jsonresume.org/schema, version 1.0.0). Empty sections are left
// out. Dates are ISO 8601 (YYYY-MM or YYYY); an ongoing position has no
// endDate.
type JSONResume struct {
	Schema       string          `json:"$schema"`
	Basics       JRBasics        `json:"basics"`
	Work         []JRWork        `json:"work,omitempty"`
	Volunteer    []JRVolunteer   `json:"volunteer,omitempty"`
	Education    []JREducation   `json:"education,omitempty"`
	Awards       []JRAward       `json:"awards,omitempty"`
	Certificates []JRCertificate `json:"certificates,omitempty"`
	Publications []JRPublication `json:"publications,omitempty"`
	Skills       []JRSkill       `json:"skills,omitempty"`
	Languages    []JRLanguage    `json:"languages,omitempty"`
	Projects     []JRProject     `json:"projects,omitempty"`
}

// JSONResumeSchemaURL is the schema a JSONResume document declares.
const JSONResumeSchemaURL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"

// JRBasics is the schema's basics object.
type JRBasics struct {
	Name     string      `json:"name,omitempty"`
	Label    string      `json:"label,omitempty"`
	Email    string      `json:"email,omitempty"`
	Phone    string      `json:"phone,omitempty"`
	URL      string      `json:"url,omitempty"`
	Summary  string      `json:"summary,omitempty"`
	Location *JRLocation `json:"location,omitempty"`
	Profiles []JRProfile `json:"profiles,omitempty"`
}

// JRLocation is the schema's basics.location object.
type JRLocation struct {
	Address     string `json:"address,omitempty"`
	City        string `json:"city,omitempty"`
	Region      string `json:"region,omitempty"`
	CountryCode string `json:"countryCode,omitempty"`
}

// JRProfile is one entry of basics.profiles.
type JRProfile struct {
	Network  string `json:"network"`
	Username string `json:"username,omitempty"`
	URL      string `json:"url,omitempty"`
}

// JRWork is one entry of work.
type JRWork struct {
	Name       string   `json:"name,omitempty"`
	Position   string   `json:"position,omitempty"`
	Location   string   `json:"location,omitempty"`
	StartDate  string   `json:"startDate,omitempty"`
	EndDate    string   `json:"endDate,omitempty"`
	Summary    string   `json:"summary,omitempty"`
	Highlights []string `json:"highlights,omitempty"`
}

// JRVolunteer is one entry of volunteer.
type JRVolunteer struct {
	Organization string   `json:"organization,omitempty"`
	Position     string   `json:"position,omitempty"`
	URL          string   `json:"url,omitempty"`
	StartDate    string   `json:"startDate,omitempty"`
	Summary      string   `json:"summary,omitempty"`
	Highlights   []string `json:"highlights,omitempty"`
}

// JREducation is one entry of education.
type JREducation struct {
	Institution string   `json:"institution,omitempty"`
	Area        string   `json:"area,omitempty"`
	StudyType   string   `json:"studyType,omitempty"`
	StartDate   string   `json:"startDate,omitempty"`
	EndDate     string   `json:"endDate,omitempty"`
	Score       string   `json:"score,omitempty"`
	Courses     []string `json:"courses,omitempty"`
}

// JRAward is one entry of awards.
type JRAward struct {
	Title   string `json:"title,omitempty"`
	Date    string `json:"date,omitempty"`
	Awarder string `json:"awarder,omitempty"`
	Summary string `json:"summary,omitempty"`
}

// JRCertificate is one entry of certificates.
type JRCertificate struct {
	Name   string `json:"name,omitempty"`
	Date   string `json:"date,omitempty"`
	Issuer string `json:"issuer,omitempty"`
	URL    string `json:"url,omitempty"`
}

// JRPublication is one entry of publications.
type JRPublication struct {
	Name        string `json:"name,omitempty"`
	Publisher   string `json:"publisher,omitempty"`
	ReleaseDate string `json:"releaseDate,omitempty"`
	URL         string `json:"url,omitempty"`
	Summary     string `json:"summary,omitempty"`
}

// JRSkill is one entry of skills: a group name and its keywords.
type JRSkill struct {
	Name     string   `json:"name"`
	Keywords []string `json:"keywords,omitempty"`
}

// JRLanguage is one entry of languages.
type JRLanguage struct {
	Language string `json:"language"`
	Fluency  string `json:"fluency,omitempty"`
}

// JRProject is one entry of projects.
type JRProject struct {
	Name        string   `json:"name,omitempty"`
	Description string   `json:"description,omitempty"`
	Highlights  []string `json:"highlights,omitempty"`
	StartDate   string   `json:"startDate,omitempty"`
	URL         string   `json:"url,omitempty"`
	Entity      string   `json:"entity,omitempty"`
}

// ToJSONResume converts c to the JSON Resume schema. The schema has no
// place for activities or free sections, so those become projects rather
// than being dropped.
func ToJSONResume(c StructuredCV) JSONResume {
	r := JSONResume{Schema: JSONResumeSchemaURL, Basics: basics(c)}
	for _, e := range c.Experience {
		r.Work = append(r.Work, JRWork{
			Name: e.Company, Position: e.Title, Location: e.Location,
			StartDate: isoDate(e.StartDate), EndDate: isoDate(e.EndDate),
			Summary: e.Description, Highlights: nonEmpty(e.Bullets),
		})
	}
	for _, v := range c.Volunteer {
		r.Volunteer = append(r.Volunteer, JRVolunteer{
			Organization: v.Organization, Position: v.Title, URL: httpURL(v.Link),
			StartDate: isoDate(v.Date), Summary: v.Description, Highlights: nonEmpty(v.Bullets),
		})
	}
	for _, e := range c.Education {
		studyType, area := splitDegree(e.Degree)
		r.Education = append(r.Education, JREducation{
			Institution: e.Institution, Area: area, StudyType: studyType,
			StartDate: isoDate(e.StartDate), EndDate: isoDate(e.EndDate),
			Score: e.GPA, Courses: nonEmpty(e.Achievements),
		})
	}
	for _, a := range c.Awards {
		r.Awards = append(r.Awards, JRAward{Title: a.Title, Date: isoDate(a.Date), Awarder: a.Organization, Summary: joinText(a.Description, a.Bullets)})
	}
	for _, ce := range c.Certifications {
		r.Certificates = append(r.Certificates, JRCertificate{Name: ce.Title, Date: fullISODate(ce.Date), Issuer: ce.Organization, URL: httpURL(ce.Link)})
	}
	for _, p := range c.Publications {
		r.Publications = append(r.Publications, JRPublication{Name: p.Title, Publisher: p.Organization, ReleaseDate: isoDate(p.Date), URL: httpURL(p.Link), Summary: joinText(p.Description, p.Bullets)})
	}
	r.Skills, r.Languages = skills(c.Skills)
	for _, list := range [][]Item{c.Projects, c.Activities} {
		for _, p := range list {
			r.Projects = append(r.Projects, JRProject{Name: p.Title, Description: p.Description, Highlights: nonEmpty(p.Bullets), StartDate: isoDate(p.Date), URL: httpURL(p.Link), Entity: p.Organization})
		}
	}
	for _, s := range c.OtherSections {
		r.Projects = append(r.Projects, JRProject{Name: s.Title, Description: s.Content, Highlights: nonEmpty(s.Items)})
	}
	return r
}

func basics(c StructuredCV) JRBasics {
	ct := c.Contact
	b := JRBasics{Name: ct.Name, Email: email(ct.Email), Phone: ct.Phone, Summary: c.Summary, URL: httpURL(ct.Portfolio)}
	if len(c.Experience) > 0 {
		b.Label = c.Experience[0].Title
	}
	if ct.Location != "" {
		b.Location = &JRLocation{Address: ct.Location}
		if city, region, ok := strings.Cut(ct.Location, ","); ok {
			b.Location.City, b.Location.Region = strings.TrimSpace(city), strings.TrimSpace(region)
		} else {
			b.Location.City = strings.TrimSpace(ct.Location)
		}
	}
	for _, p := range []struct{ network, link string }{{"LinkedIn", ct.LinkedIn}, {"GitHub", ct.GitHub}} {
		if p.link == "" {
			continue
		}
		b.Profiles = append(b.Profiles, JRProfile{Network: p.network, URL: httpURL(p.link), Username: username(p.link)})
	}
	return b
}

// isoDate converts a CV date to ISO 8601; a date it cannot read is dropped
// rather than written in a form the schema forbids.
func isoDate(s string) string {
	if d, ok := ParseDate(s); ok {
		return d.ISO()
	}
	return ""
}

// fullISODate is isoDate for the one schema field (certificates[].date)
// declared as a full date: a year or a month alone is left out rather than
// given an invented day.
func fullISODate(s string) string {
	if d, ok := ParseDate(s); ok && d.Day != 0 {
		return d.ISO()
	}
	return ""
}

// email returns s when it is a bare address the schema's email format
// accepts, or "".
func email(s string) string {
	a, err := mail.ParseAddress(strings.TrimSpace(s))
	if err != nil || a.Name != "" || a.Address != strings.TrimSpace(s) {
		return ""
	}
	return a.Address
}

// httpURL returns s as an absolute http(s) URL, adding https:// to a bare
// host ("github.com/x"), or "" when s is not a web address.
func httpURL(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, " \t\n\"<>\\") {
		return ""
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !strings.Contains(u.Host, ".") {
		return ""
	}
	return u.String()
}

// username is the last path segment of a profile URL.
func username(link string) string {
	u, err := url.Parse(httpURL(link))
	if err != nil || u.Host == "" {
		return ""
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	return parts[len(parts)-1]
}

// splitDegree separates the kind of degree from the field of study:
// "MSc Computer Science" → ("MSc", "Computer Science"), "Master en
// informatique" → ("Master", "informatique").
func splitDegree(degree string) (studyType, area string) {
	m := degreeRe().FindStringSubmatch(degree)
	if m == nil {
		return degree, ""
	}
	return strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
}

func degreeRe() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^((?:b\.?sc|m\.?sc|b\.?a|m\.?a|mba|ph\.?d|bachelor(?:'s)?(?: of (?:science|arts|engineering))?|master(?:'s)?(?: of (?:science|arts|engineering))?|licence|master|doctorat|dipl[oô]me d'ing[ée]nieur|bts|dut|but|bac(?:\s*\+\s*\d)?|associate(?:'s)?)\.?)\s*(?:in|of|en|de|d'|,|-|–|:)?\s+(.+)$`)
}

// skills groups the CV's skills; spoken languages go to the schema's
// languages with their fluency ("French (fluent)" → French / fluent).
func skills(s Skills) ([]JRSkill, []JRLanguage) {
	var out []JRSkill
	for _, g := range []struct {
		name string
		list []string
	}{{"Technical", s.Technical}, {"Tools", s.Tools}, {"Soft skills", s.SoftSkills}, {"Other", s.Other}} {
		if kw := nonEmpty(g.list); len(kw) > 0 {
			out = append(out, JRSkill{Name: g.name, Keywords: kw})
		}
	}
	var langs []JRLanguage
	for _, l := range nonEmpty(s.Languages) {
		langs = append(langs, splitFluency(l))
	}
	return out, langs
}

func splitFluency(s string) JRLanguage {
	if name, rest, ok := strings.Cut(s, "("); ok {
		return JRLanguage{Language: strings.TrimSpace(name), Fluency: strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), ")"))}
	}
	for _, sep := range []string{" – ", " - ", ": "} {
		if name, fl, ok := strings.Cut(s, sep); ok {
			return JRLanguage{Language: strings.TrimSpace(name), Fluency: strings.TrimSpace(fl)}
		}
	}
	return JRLanguage{Language: strings.TrimSpace(s)}
}

func nonEmpty(list []string) []string {
	var out []string
	for _, s := range list {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func joinText(desc string, bullets []string) string {
	parts := nonEmpty(append([]string{desc}, bullets...))
	return strings.Join(parts, "\n")
}
