package skills

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
)

// resourcesJSON is the curated, versioned list of learning resources:
// official documentation and well-known free courses per skill family.
//
//go:embed resources.json
var resourcesJSON []byte

// Resource is one learning resource with a link.
type Resource struct {
	Title string `json:"title"`
	URL   string `json:"url"`
	// Kind is documentation, course, tutorial, book or article.
	Kind string `json:"kind"`
	// Lang is the resource's language when it is not English.
	Lang string `json:"lang,omitempty"`
}

// Resources finds the learning resources of a skill: those of the nearest
// family on its broader chain (Helm → Kubernetes → Containerization), else
// those of its category. Immutable; safe for concurrent use.
type Resources struct {
	version string
	tax     *Taxonomy
	family  map[string][]Resource // skill ID → resources
	byCat   map[Category][]Resource
}

type resourcesFile struct {
	Version  string `json:"version"`
	Families []struct {
		Skills    []string   `json:"skills"`
		Resources []Resource `json:"resources"`
	} `json:"families"`
	Categories map[Category][]Resource `json:"categories"`
}

// LoadResources reads the shipped list against tax. Every skill label must
// be a taxonomy skill, every link an absolute https URL.
func LoadResources(tax *Taxonomy) (*Resources, error) {
	return parseResources(resourcesJSON, tax)
}

func parseResources(data []byte, tax *Taxonomy) (*Resources, error) {
	var f resourcesFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("learning resources: %w", err)
	}
	if f.Version == "" {
		return nil, fmt.Errorf("learning resources: no version")
	}
	r := &Resources{version: f.Version, tax: tax, family: map[string][]Resource{}, byCat: map[Category][]Resource{}}
	for i, fam := range f.Families {
		if len(fam.Resources) == 0 || len(fam.Skills) == 0 {
			return nil, fmt.Errorf("learning resources: family %d is empty", i+1)
		}
		for _, res := range fam.Resources {
			if err := checkResource(res); err != nil {
				return nil, fmt.Errorf("learning resources: family %v: %w", fam.Skills, err)
			}
		}
		for _, label := range fam.Skills {
			sk, ok := tax.Skill(slug(label))
			if !ok {
				return nil, fmt.Errorf("learning resources: %q is not a taxonomy skill", label)
			}
			if _, dup := r.family[sk.ID]; dup {
				return nil, fmt.Errorf("learning resources: %q is in two families", label)
			}
			r.family[sk.ID] = fam.Resources
		}
	}
	for cat, list := range f.Categories {
		for _, res := range list {
			if err := checkResource(res); err != nil {
				return nil, fmt.Errorf("learning resources: category %s: %w", cat, err)
			}
		}
		r.byCat[cat] = list
	}
	return r, nil
}

// checkResource accepts a titled resource whose link is an absolute https
// URL with a host and no credentials, spaces or fragments.
func checkResource(res Resource) error {
	if strings.TrimSpace(res.Title) == "" {
		return fmt.Errorf("resource %q has no title", res.URL)
	}
	u, err := url.Parse(res.URL)
	switch {
	case err != nil:
		return fmt.Errorf("resource %q: %w", res.Title, err)
	case u.Scheme != "https" || u.Host == "" || u.User != nil || u.Fragment != "" || strings.ContainsAny(res.URL, " \t\n"):
		return fmt.Errorf("resource %q: %q is not a plain https link", res.Title, res.URL)
	case !strings.Contains(u.Hostname(), "."):
		return fmt.Errorf("resource %q: %q has no domain", res.Title, res.URL)
	}
	return nil
}

// Version is the list's version.
func (r *Resources) Version() string { return r.version }

// For returns the resources for a skill (nil for an unknown ID).
func (r *Resources) For(skillID string) []Resource {
	sk, ok := r.tax.Skill(skillID)
	if !ok {
		return nil
	}
	seen := map[string]bool{}
	for id := skillID; id != "" && !seen[id]; {
		seen[id] = true
		if list, ok := r.family[id]; ok {
			return list
		}
		s, ok := r.tax.Skill(id)
		if !ok {
			break
		}
		id = s.Broader
	}
	return r.byCat[sk.Category]
}

// familyOf names the family a skill's resources come from: the skill
// itself or the ancestor listed, "" when the category's apply.
func (r *Resources) familyOf(skillID string) string {
	seen := map[string]bool{}
	for id := skillID; id != "" && !seen[id]; {
		seen[id] = true
		if _, ok := r.family[id]; ok {
			return id
		}
		s, ok := r.tax.Skill(id)
		if !ok {
			break
		}
		id = s.Broader
	}
	return ""
}
