package cv

import (
	"fmt"
	"iter"
)

// Field is one addressable string of a CV: its path (as Resolve and Apply
// take it) and its current value.
type Field struct {
	Path  string
	Value string
	// ItemID is the id of the entry the field belongs to ("" for summary,
	// contact and skills).
	ItemID string
}

// Fields yields every addressable field of c, in document order, including
// empty ones. Each yielded path resolves in c.
func Fields(c *StructuredCV) iter.Seq[Field] {
	return func(yield func(Field) bool) {
		if c == nil {
			return
		}
		for _, f := range headerFields(c) {
			if !yield(f) {
				return
			}
		}
		for i := range c.Experience {
			if !yieldAll(yield, experienceFields(i, &c.Experience[i])) {
				return
			}
		}
		for i := range c.Education {
			if !yieldAll(yield, educationFields(i, &c.Education[i])) {
				return
			}
		}
		if !yieldAll(yield, skillFields(&c.Skills)) {
			return
		}
		for _, name := range ItemSections() {
			items := *c.itemList(name)
			for i := range items {
				if !yieldAll(yield, itemFields(name, i, &items[i])) {
					return
				}
			}
		}
		for i := range c.OtherSections {
			s := &c.OtherSections[i]
			p := fmt.Sprintf("other_sections[%d]", i)
			fs := []Field{{p + ".title", s.Title, s.ID}, {p + ".content", s.Content, s.ID}}
			fs = append(fs, listFields(p+".items", s.Items, s.ID)...)
			if !yieldAll(yield, fs) {
				return
			}
		}
	}
}

// ItemSections returns the JSON names of the list sections made of Items,
// in the contract's order.
func ItemSections() []string {
	return []string{"projects", "certifications", "awards", "publications", "activities", "volunteer"}
}

// Items returns the list section named by its JSON name (one of
// ItemSections), or nil.
func (c *StructuredCV) Items(name string) []Item {
	if l := c.itemList(name); l != nil {
		return *l
	}
	return nil
}

func yieldAll(yield func(Field) bool, fs []Field) bool {
	for _, f := range fs {
		if !yield(f) {
			return false
		}
	}
	return true
}

func headerFields(c *StructuredCV) []Field {
	ct := &c.Contact
	return []Field{
		{Path: "summary", Value: c.Summary},
		{Path: "contact.name", Value: ct.Name},
		{Path: "contact.email", Value: ct.Email},
		{Path: "contact.phone", Value: ct.Phone},
		{Path: "contact.location", Value: ct.Location},
		{Path: "contact.linkedin", Value: ct.LinkedIn},
		{Path: "contact.github", Value: ct.GitHub},
		{Path: "contact.portfolio", Value: ct.Portfolio},
	}
}

func experienceFields(i int, e *Experience) []Field {
	p := fmt.Sprintf("experience[%d]", i)
	fs := []Field{
		{p + ".title", e.Title, e.ID}, {p + ".company", e.Company, e.ID},
		{p + ".location", e.Location, e.ID}, {p + ".startDate", e.StartDate, e.ID},
		{p + ".endDate", e.EndDate, e.ID}, {p + ".description", e.Description, e.ID},
	}
	return append(fs, listFields(p+".bullets", e.Bullets, e.ID)...)
}

func educationFields(i int, e *Education) []Field {
	p := fmt.Sprintf("education[%d]", i)
	fs := []Field{
		{p + ".degree", e.Degree, e.ID}, {p + ".institution", e.Institution, e.ID},
		{p + ".location", e.Location, e.ID}, {p + ".startDate", e.StartDate, e.ID},
		{p + ".endDate", e.EndDate, e.ID}, {p + ".gpa", e.GPA, e.ID},
		{p + ".description", e.Description, e.ID},
	}
	return append(fs, listFields(p+".achievements", e.Achievements, e.ID)...)
}

func skillFields(s *Skills) []Field {
	var fs []Field
	fs = append(fs, listFields("skills.technical", s.Technical, "")...)
	fs = append(fs, listFields("skills.languages", s.Languages, "")...)
	fs = append(fs, listFields("skills.tools", s.Tools, "")...)
	fs = append(fs, listFields("skills.soft_skills", s.SoftSkills, "")...)
	return append(fs, listFields("skills.other", s.Other, "")...)
}

func itemFields(section string, i int, it *Item) []Field {
	p := fmt.Sprintf("%s[%d]", section, i)
	fs := []Field{
		{p + ".title", it.Title, it.ID}, {p + ".organization", it.Organization, it.ID},
		{p + ".date", it.Date, it.ID}, {p + ".description", it.Description, it.ID},
		{p + ".link", it.Link, it.ID},
	}
	return append(fs, listFields(p+".bullets", it.Bullets, it.ID)...)
}

func listFields(prefix string, list []string, id string) []Field {
	fs := make([]Field, len(list))
	for j, v := range list {
		fs[j] = Field{Path: fmt.Sprintf("%s[%d]", prefix, j), Value: v, ItemID: id}
	}
	return fs
}
