package skills

import (
	"embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/utopiahire/utopiahire/internal/text"
)

//go:embed taxonomy/*.csv
var taxonomyFS embed.FS

// Category groups skills; it is the CSV file name without extension.
type Category string

// Categories of the shipped taxonomy.
const (
	ProgrammingLanguage Category = "programming_languages"
	Framework           Category = "frameworks"
	Tool                Category = "tools"
	Cloud               Category = "cloud"
	Data                Category = "data"
	SoftSkill           Category = "soft_skills"
	SpokenLanguage      Category = "spoken_languages"
	Domain              Category = "domains"
	Certification       Category = "certifications"
)

// technical reports whether mentions of this category vouch for the technical
// context of a nearby ambiguous alias ("Go" next to "Kubernetes").
func (c Category) technical() bool {
	switch c {
	case ProgrammingLanguage, Framework, Tool, Cloud, Data:
		return true
	}
	return false
}

// Skill is one entry of the taxonomy.
type Skill struct {
	ID       string   `json:"id"`
	Label    string   `json:"label"`
	LabelFR  string   `json:"label_fr,omitempty"`
	Category Category `json:"category"`
	Aliases  []string `json:"aliases"`
	// Broader is the ID of a more general skill ("spring-boot" → "spring"),
	// empty when none.
	Broader string `json:"broader,omitempty"`
}

// alias is one matchable form of a skill.
type alias struct {
	skill     int // index into Taxonomy.skills
	toks      []token
	exactCase bool
	ambiguous bool
}

// Taxonomy is an immutable, indexed list of skills. Safe for concurrent use.
type Taxonomy struct {
	skills []Skill
	byID   map[string]int
	// byAlias maps every normalised alias to its skill index.
	byAlias map[string]int
	// first maps the normalised first token of every alias to the aliases
	// starting with it, longest first.
	first map[string][]*alias
}

// LoadTaxonomy reads the taxonomy shipped with the package.
func LoadTaxonomy() (*Taxonomy, error) {
	return ReadTaxonomy(taxonomyFS, "taxonomy")
}

// ReadTaxonomy reads every *.csv file of dir in fsys; each file is a category.
func ReadTaxonomy(fsys fs.FS, dir string) (*Taxonomy, error) {
	files, err := fs.Glob(fsys, path.Join(dir, "*.csv"))
	if err != nil {
		return nil, fmt.Errorf("list taxonomy files: %w", err)
	}
	if len(files) == 0 {
		return nil, errors.New("taxonomy: no CSV files")
	}
	sort.Strings(files)
	t := &Taxonomy{byID: map[string]int{}, first: map[string][]*alias{}}
	type pending struct {
		idx     int
		broader string
		file    string
	}
	var links []pending
	for _, f := range files {
		cat := Category(strings.TrimSuffix(path.Base(f), ".csv"))
		rows, err := readCSV(fsys, f)
		if err != nil {
			return nil, err
		}
		for n, row := range rows {
			sk, broader, err := parseRow(row, cat)
			if err != nil {
				return nil, fmt.Errorf("%s line %d: %w", f, n+2, err)
			}
			if _, dup := t.byID[sk.ID]; dup {
				return nil, fmt.Errorf("%s line %d: duplicate skill id %q", f, n+2, sk.ID)
			}
			t.byID[sk.ID] = len(t.skills)
			t.skills = append(t.skills, sk)
			if broader != "" {
				links = append(links, pending{len(t.skills) - 1, broader, f})
			}
		}
	}
	errs := t.index()
	for _, l := range links {
		// broader names a label or any alias of the skill.
		i, ok := t.byAlias[aliasKey(tokenize(l.broader))]
		if !ok {
			errs = append(errs, fmt.Errorf("%s: skill %q: broader %q is not in the taxonomy", l.file, t.skills[l.idx].Label, l.broader))
			continue
		}
		t.skills[l.idx].Broader = t.skills[i].ID
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return t, nil
}

func readCSV(fsys fs.FS, name string) ([][]string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = 4
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("read %s header: %w", name, err)
	}
	if strings.Join(header, ",") != "label_en,label_fr,aliases,broader" {
		return nil, fmt.Errorf("%s: unexpected header %q", name, header)
	}
	var rows [][]string
	for {
		row, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		rows = append(rows, row)
	}
}

func parseRow(row []string, cat Category) (Skill, string, error) {
	label := strings.TrimSpace(row[0])
	if label == "" {
		return Skill{}, "", errors.New("empty label")
	}
	sk := Skill{ID: slug(label), Label: label, LabelFR: strings.TrimSpace(row[1]), Category: cat}
	if sk.LabelFR == label {
		sk.LabelFR = ""
	}
	if row[2] != "" {
		for _, a := range strings.Split(row[2], "|") {
			if strings.TrimLeft(strings.TrimSpace(a), "?=") == "" {
				return Skill{}, "", fmt.Errorf("skill %q: empty alias", label)
			}
			sk.Aliases = append(sk.Aliases, strings.TrimSpace(a))
		}
	}
	return sk, strings.TrimSpace(row[3]), nil
}

// slug turns a label into a stable ID: "C++" → "cpp", "C#" → "csharp",
// ".NET" → "dotnet", "Node.js" → "node-js".
func slug(label string) string {
	s := text.Fold(label)
	s = strings.NewReplacer("++", "pp", "#", "sharp", "+", "plus", "&", "and").Replace(s)
	if strings.HasPrefix(s, ".") {
		s = "dot" + s[1:]
	}
	var b strings.Builder
	dash := false
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// index builds the alias lookup and rejects one alias naming two skills.
func (t *Taxonomy) index() []error {
	var errs []error
	owner := map[string]int{}
	t.byAlias = owner
	for i := range t.skills {
		sk := &t.skills[i]
		forms := map[string]*alias{}
		var order []string
		add := func(raw string, fromLabel bool) error {
			a := &alias{skill: i}
			for len(raw) > 0 && (raw[0] == '=' || raw[0] == '?') {
				if raw[0] == '=' {
					a.exactCase = true
				} else {
					a.ambiguous = true
				}
				raw = raw[1:]
			}
			a.toks = tokenize(raw)
			if len(a.toks) == 0 {
				return fmt.Errorf("skill %q: alias %q has no words", sk.Label, raw)
			}
			key := aliasKey(a.toks)
			if prev, ok := forms[key]; ok {
				// An explicit alias overrides the plain label form.
				if fromLabel {
					return nil
				}
				if prev.exactCase || prev.ambiguous {
					// Several exact-case spellings ("=pandas", "=Pandas") stay.
					if a.exactCase {
						forms[key+"\x00"+raw] = a
						order = append(order, key+"\x00"+raw)
					}
					return nil
				}
			} else {
				order = append(order, key)
			}
			forms[key] = a
			return nil
		}
		for _, raw := range sk.Aliases {
			if err := add(raw, false); err != nil {
				errs = append(errs, err)
			}
		}
		for _, l := range []string{sk.Label, sk.LabelFR} {
			if l == "" {
				continue
			}
			if err := add(l, true); err != nil {
				errs = append(errs, err)
			}
		}
		for _, key := range order {
			a := forms[key]
			k := aliasKey(a.toks)
			if o, ok := owner[k]; ok && o != i {
				errs = append(errs, fmt.Errorf("alias %q names both %q and %q", k, t.skills[o].Label, sk.Label))
				continue
			}
			owner[k] = i
			f := a.toks[0].norm
			t.first[f] = append(t.first[f], a)
		}
	}
	for _, list := range t.first {
		sort.SliceStable(list, func(a, b int) bool { return len(list[a].toks) > len(list[b].toks) })
	}
	return errs
}

func aliasKey(toks []token) string {
	var b strings.Builder
	for i, tk := range toks {
		if i > 0 && tk.space {
			b.WriteByte(' ')
		}
		b.WriteString(tk.norm)
	}
	return b.String()
}

// Len is the number of skills.
func (t *Taxonomy) Len() int { return len(t.skills) }

// Skills returns a copy of every skill, in file order.
func (t *Taxonomy) Skills() []Skill {
	out := make([]Skill, len(t.skills))
	copy(out, t.skills)
	return out
}

// Skill returns the skill with the given ID.
func (t *Taxonomy) Skill(id string) (Skill, bool) {
	i, ok := t.byID[id]
	if !ok {
		return Skill{}, false
	}
	return t.skills[i], true
}
