package cv

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/utopiahire/utopiahire/internal/apperr"
)

// Code is a stable, machine-readable reason why a field path or a value was
// refused. Callers map it to an HTTP status; the values never change meaning.
type Code string

// Refusal codes. Suggested HTTP statuses: CodeInvalidFieldPath and
// CodeInvalidValue → 422; CodeFieldNotFound → 404 (or 422 inside a request
// body the client built); CodeStaleValue → 409.
const (
	CodeInvalidFieldPath Code = "invalid_field_path"
	CodeFieldNotFound    Code = "field_not_found"
	CodeStaleValue       Code = "stale_value"
	CodeInvalidValue     Code = "invalid_value"
)

// Limits on what a field path and a new value may be. A path never needs
// more than three segments (experience[1].bullets[0] is two), so anything
// longer is refused before it is parsed.
const (
	MaxPathLen  = 128
	MaxIndex    = 9999
	MaxValueLen = 10000
	maxSegments = 3
)

// Error is a refusal of a field path or value: a stable Code and a message a
// user can act on. It names the path (cut to a safe length) but never
// contains CV text.
type Error struct {
	Code    Code
	Path    string
	Message string
}

var _ apperr.Coded = (*Error)(nil)

func (e *Error) Error() string { return apperr.Format(string(e.Code), e.Message, nil) }

// ErrorKind implements apperr.Coded: a stale value conflicts, a missing
// field is not found, every other refusal is a validation failure.
func (e *Error) ErrorKind() apperr.Kind {
	switch e.Code {
	case CodeStaleValue:
		return apperr.Conflict
	case CodeFieldNotFound:
		return apperr.NotFound
	}
	return apperr.Validation
}

// ErrorCode implements apperr.Coded.
func (e *Error) ErrorCode() string { return string(e.Code) }

// SafeMessage implements apperr.Coded.
func (e *Error) SafeMessage() string { return e.Message }

// CodeOf returns the refusal code carried by err, or "" when err is not one.
func CodeOf(err error) Code { return Code(apperr.CodeAs[*Error](err)) }

func refuse(code Code, path, format string, args ...any) *Error {
	return &Error{Code: code, Path: shortPath(path), Message: fmt.Sprintf(format, args...)}
}

// shortPath makes a hostile path safe to echo: bounded and valid UTF-8.
func shortPath(p string) string {
	p = strings.ToValidUTF8(p, "\uFFFD")
	if utf8.RuneCountInString(p) <= 64 {
		return p
	}
	r := []rune(p)
	return string(r[:64]) + "…"
}

// step is one segment of a path: a name and an optional index.
type step struct {
	name     string
	index    int
	hasIndex bool
}

// parsePath checks the syntax of a path: segments `name` or `name[index]`
// separated by dots, names of ASCII letters and underscores, indexes
// decimal without sign or leading zeros.
func parsePath(path string) ([]step, error) {
	if path == "" {
		return nil, refuse(CodeInvalidFieldPath, path, "field path is empty")
	}
	if len(path) > MaxPathLen {
		return nil, refuse(CodeInvalidFieldPath, path, "field path is longer than %d bytes", MaxPathLen)
	}
	if strings.Count(path, ".") >= maxSegments {
		return nil, refuse(CodeInvalidFieldPath, path, "field path %q has more than %d segments", shortPath(path), maxSegments)
	}
	var steps []step
	for seg := range strings.SplitSeq(path, ".") {
		s, err := parseSegment(path, seg)
		if err != nil {
			return nil, err
		}
		steps = append(steps, s)
	}
	return steps, nil
}

func parseSegment(path, seg string) (step, error) {
	name, rest, bracket := strings.Cut(seg, "[")
	if name == "" {
		return step{}, refuse(CodeInvalidFieldPath, path, "field path %q has an empty segment", shortPath(path))
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
			return step{}, refuse(CodeInvalidFieldPath, path, "field path %q has a character not allowed in a field name", shortPath(path))
		}
	}
	if !bracket {
		return step{name: name}, nil
	}
	digits, ok := strings.CutSuffix(rest, "]")
	if !ok || digits == "" || len(digits) > 4 || (len(digits) > 1 && digits[0] == '0') {
		return step{}, refuse(CodeInvalidFieldPath, path, "field path %q has a malformed index (expected [0] to [%d])", shortPath(path), MaxIndex)
	}
	n := 0
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		if c < '0' || c > '9' {
			return step{}, refuse(CodeInvalidFieldPath, path, "field path %q has a malformed index (expected [0] to [%d])", shortPath(path), MaxIndex)
		}
		n = n*10 + int(c-'0')
	}
	return step{name: name, index: n, hasIndex: true}, nil
}

// Resolve returns the current value of the field at path, e.g. "summary",
// "contact.email", "experience[1].bullets[0]" or "skills.technical[3]".
// Names are the contract's JSON names. Item ids are not addressable.
func Resolve(c *StructuredCV, path string) (string, error) {
	if c == nil {
		return "", refuse(CodeFieldNotFound, path, "there is no CV to resolve %q in", shortPath(path))
	}
	p, err := locate(c, path)
	if err != nil {
		return "", err
	}
	return *p, nil
}

// Apply returns a copy of c in which the field at path holds improved. It
// refuses with CodeStaleValue when the field no longer holds original (so a
// suggestion computed on an older version is not applied blindly); the
// comparison ignores surrounding white space and CRLF line ends. c itself is
// never modified.
func Apply(c *StructuredCV, path, original, improved string) (StructuredCV, error) {
	if c == nil {
		return StructuredCV{}, refuse(CodeFieldNotFound, path, "there is no CV to apply %q to", shortPath(path))
	}
	if err := CheckValue(improved); err != nil {
		return StructuredCV{}, &Error{Code: err.Code, Path: shortPath(path), Message: err.Message}
	}
	out := c.Clone()
	p, err := locate(&out, path)
	if err != nil {
		return StructuredCV{}, err
	}
	if normaliseValue(*p) != normaliseValue(original) {
		return StructuredCV{}, refuse(CodeStaleValue, path, "the field %s has changed since the suggestion was made", shortPath(path))
	}
	*p = strings.TrimSpace(strings.ReplaceAll(improved, "\r\n", "\n"))
	return out, nil
}

// CheckValue reports whether v may be stored in a field: valid UTF-8, at most
// MaxValueLen bytes, and free of control characters other than newline and
// tab.
func CheckValue(v string) *Error {
	if len(v) > MaxValueLen {
		return &Error{Code: CodeInvalidValue, Message: fmt.Sprintf("the new value is longer than %d bytes", MaxValueLen)}
	}
	if !utf8.ValidString(v) {
		return &Error{Code: CodeInvalidValue, Message: "the new value is not valid UTF-8 text"}
	}
	for _, r := range v {
		if r < 0x20 && r != '\n' && r != '\t' && r != '\r' || r == 0x7f {
			return &Error{Code: CodeInvalidValue, Message: "the new value contains a control character"}
		}
	}
	return nil
}

func normaliseValue(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
}

// locate returns a pointer to the string the path names inside c.
func locate(c *StructuredCV, path string) (*string, error) {
	steps, err := parsePath(path)
	if err != nil {
		return nil, err
	}
	head, rest := steps[0], steps[1:]
	switch head.name {
	case "summary":
		if err := leaf(path, head, rest); err != nil {
			return nil, err
		}
		return &c.Summary, nil
	case "contact":
		return locateContact(&c.Contact, path, head, rest)
	case "skills":
		return locateSkills(&c.Skills, path, head, rest)
	case "experience":
		i, err := element(path, head, rest, len(c.Experience))
		if err != nil {
			return nil, err
		}
		return locateExperience(&c.Experience[i], path, rest)
	case "education":
		i, err := element(path, head, rest, len(c.Education))
		if err != nil {
			return nil, err
		}
		return locateEducation(&c.Education[i], path, rest)
	case "other_sections":
		i, err := element(path, head, rest, len(c.OtherSections))
		if err != nil {
			return nil, err
		}
		return locateSection(&c.OtherSections[i], path, rest)
	}
	if items := c.itemList(head.name); items != nil {
		i, err := element(path, head, rest, len(*items))
		if err != nil {
			return nil, err
		}
		return locateItem(&(*items)[i], path, rest)
	}
	return nil, unknownField(path, head.name)
}

// itemList returns the list section named by its JSON name, or nil.
func (c *StructuredCV) itemList(name string) *[]Item {
	switch name {
	case "projects":
		return &c.Projects
	case "certifications":
		return &c.Certifications
	case "awards":
		return &c.Awards
	case "publications":
		return &c.Publications
	case "activities":
		return &c.Activities
	case "volunteer":
		return &c.Volunteer
	}
	return nil
}

func unknownField(path, name string) *Error {
	return refuse(CodeInvalidFieldPath, path, "field path %q names an unknown field %q", shortPath(path), shortPath(name))
}

// leaf checks that s is a plain field at the end of the path.
func leaf(path string, s step, rest []step) error {
	if s.hasIndex {
		return refuse(CodeInvalidFieldPath, path, "field %q is not a list and takes no index", s.name)
	}
	if len(rest) > 0 {
		return refuse(CodeInvalidFieldPath, path, "field %q has no sub-fields", s.name)
	}
	return nil
}

// element checks that s indexes a list of n entries with one more segment
// naming a field of the entry, and returns the index.
func element(path string, s step, rest []step, n int) (int, error) {
	if !s.hasIndex {
		return 0, refuse(CodeInvalidFieldPath, path, "field %q is a list: give an index such as %s[0]", s.name, s.name)
	}
	if len(rest) == 0 {
		return 0, refuse(CodeInvalidFieldPath, path, "field path %q must name a field of %s[%d]", shortPath(path), s.name, s.index)
	}
	if s.index >= n {
		return 0, refuse(CodeFieldNotFound, path, "%s[%d] does not exist (the CV has %d)", s.name, s.index, n)
	}
	return s.index, nil
}

// listEntry checks that s indexes a list of strings at the end of the path.
func listEntry(path string, s step, rest []step, list []string) (*string, error) {
	if !s.hasIndex {
		return nil, refuse(CodeInvalidFieldPath, path, "field %q is a list: give an index such as %s[0]", s.name, s.name)
	}
	if len(rest) > 0 {
		return nil, refuse(CodeInvalidFieldPath, path, "entries of %q have no sub-fields", s.name)
	}
	if s.index >= len(list) {
		return nil, refuse(CodeFieldNotFound, path, "%s[%d] does not exist (there are %d)", s.name, s.index, len(list))
	}
	return &list[s.index], nil
}

// scalar resolves the last segment of an entry: either one of the named
// string fields or one of the named string lists.
func scalar(path string, rest []step, fields map[string]*string, lists map[string][]string) (*string, error) {
	s, tail := rest[0], rest[1:]
	if p, ok := fields[s.name]; ok {
		if err := leaf(path, s, tail); err != nil {
			return nil, err
		}
		return p, nil
	}
	if l, ok := lists[s.name]; ok {
		return listEntry(path, s, tail, l)
	}
	if s.name == "id" {
		return nil, refuse(CodeInvalidFieldPath, path, "ids are assigned by the server and cannot be changed")
	}
	return nil, unknownField(path, s.name)
}

func locateContact(ct *Contact, path string, head step, rest []step) (*string, error) {
	if head.hasIndex {
		return nil, refuse(CodeInvalidFieldPath, path, "field %q is not a list and takes no index", head.name)
	}
	if len(rest) == 0 {
		return nil, refuse(CodeInvalidFieldPath, path, "name a contact field, e.g. contact.email")
	}
	return scalar(path, rest, map[string]*string{
		"name": &ct.Name, "email": &ct.Email, "phone": &ct.Phone, "location": &ct.Location,
		"linkedin": &ct.LinkedIn, "github": &ct.GitHub, "portfolio": &ct.Portfolio,
	}, nil)
}

func locateSkills(sk *Skills, path string, head step, rest []step) (*string, error) {
	if head.hasIndex {
		return nil, refuse(CodeInvalidFieldPath, path, "field %q is not a list and takes no index", head.name)
	}
	if len(rest) == 0 {
		return nil, refuse(CodeInvalidFieldPath, path, "name a skill group and an index, e.g. skills.technical[0]")
	}
	return scalar(path, rest, nil, map[string][]string{
		"technical": sk.Technical, "languages": sk.Languages, "tools": sk.Tools,
		"soft_skills": sk.SoftSkills, "other": sk.Other,
	})
}

func locateExperience(e *Experience, path string, rest []step) (*string, error) {
	return scalar(path, rest, map[string]*string{
		"title": &e.Title, "company": &e.Company, "location": &e.Location,
		"startDate": &e.StartDate, "endDate": &e.EndDate, "description": &e.Description,
	}, map[string][]string{"bullets": e.Bullets})
}

func locateEducation(e *Education, path string, rest []step) (*string, error) {
	return scalar(path, rest, map[string]*string{
		"degree": &e.Degree, "institution": &e.Institution, "location": &e.Location,
		"startDate": &e.StartDate, "endDate": &e.EndDate, "gpa": &e.GPA, "description": &e.Description,
	}, map[string][]string{"achievements": e.Achievements})
}

func locateItem(it *Item, path string, rest []step) (*string, error) {
	return scalar(path, rest, map[string]*string{
		"title": &it.Title, "organization": &it.Organization, "date": &it.Date,
		"description": &it.Description, "link": &it.Link,
	}, map[string][]string{"bullets": it.Bullets})
}

func locateSection(s *Section, path string, rest []step) (*string, error) {
	return scalar(path, rest, map[string]*string{
		"title": &s.Title, "content": &s.Content,
	}, map[string][]string{"items": s.Items})
}

// Clone returns a deep copy of c: no slice is shared with c.
func (c StructuredCV) Clone() StructuredCV {
	out := c
	out.Experience = slices.Clone(c.Experience)
	for i := range out.Experience {
		out.Experience[i].Bullets = slices.Clone(out.Experience[i].Bullets)
	}
	out.Education = slices.Clone(c.Education)
	for i := range out.Education {
		out.Education[i].Achievements = slices.Clone(out.Education[i].Achievements)
	}
	out.Skills = Skills{
		Technical:  slices.Clone(c.Skills.Technical),
		Languages:  slices.Clone(c.Skills.Languages),
		Tools:      slices.Clone(c.Skills.Tools),
		SoftSkills: slices.Clone(c.Skills.SoftSkills),
		Other:      slices.Clone(c.Skills.Other),
	}
	for _, l := range []*[]Item{&out.Projects, &out.Certifications, &out.Awards, &out.Publications, &out.Activities, &out.Volunteer} {
		*l = cloneItems(*l)
	}
	out.OtherSections = slices.Clone(c.OtherSections)
	for i := range out.OtherSections {
		out.OtherSections[i].Items = slices.Clone(out.OtherSections[i].Items)
	}
	return out
}

func cloneItems(items []Item) []Item {
	out := slices.Clone(items)
	for i := range out {
		out[i].Bullets = slices.Clone(out[i].Bullets)
	}
	return out
}
