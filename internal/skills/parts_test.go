package skills

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRequirementParts pins the requirement-parts rule of parts.go, one
// case per clause of it.
func TestRequirementParts(t *testing.T) {
	x := NewExtractor(loadTaxonomy(t))
	cases := []struct {
		name, title, text string
		must, nice        []string
	}{
		{"company blurb and benefits are not requirements", "",
			"About us\nWe build artificial intelligence for public policy.\n\nRequirements\n- Go and PostgreSQL\n\nBenefits\nA budget for AWS certifications.",
			[]string{"go", "postgresql"}, nil},
		{"duties do not count when the posting has requirements", "",
			"Responsibilities\n- Run our Kafka clusters\n\nWhat you'll bring\n- Terraform",
			[]string{"terraform"}, nil},
		{"unheaded: the company paragraph is skipped, the profile paragraph read", "",
			"Pocketbank runs on Java and Kafka in AWS.\n\nWe are hiring a developer. You have 3 years of Python.\n\nWe offer stock options and a Docker course.",
			[]string{"python"}, nil},
		{"requirements naming no skill: the duties are read", "",
			"Your mission\n- Operate Kubernetes clusters\n\nProfile\n- A degree in physics or chemistry",
			[]string{"kubernetes"}, nil},
		{"the title is a requirement", "Data Engineer (Python)",
			"Requirements\n- SQL",
			[]string{"data-engineering", "python", "sql"}, nil},
		{"degree subjects offered as alternatives are not skills", "",
			"Your profile\n- Degree in finance, economics or accounting\n- Advanced Excel is required",
			[]string{"microsoft-excel"}, nil},
		{"a single degree subject stays", "",
			"Profil\n- Diplôme d'État d'infirmier obligatoire",
			[]string{"nursing"}, nil},
		{"mixed wording decided per part of the clause", "",
			"Profil recherché\nSQL indispensable, Python apprécié mais pas exigé.",
			[]string{"sql"}, []string{"python"}},
		{"short headings say optional or benefits", "",
			"Votre profil\n- Java\n\nLes petits plus\n- Kotlin\n\nRémunération et avantages\nFormations Docker offertes",
			[]string{"java"}, []string{"kotlin"}},
		{"equal-opportunity text is not a requirement", "",
			"Requirements\n- Advanced Excel\n\nWe are an equal opportunity employer: all qualified applicants with project management experience are welcome.",
			[]string{"microsoft-excel"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var must, nice []string
			for _, s := range x.Job(c.title, c.text).Skills {
				if s.MustHave {
					must = append(must, s.Skill.ID)
				} else {
					nice = append(nice, s.Skill.ID)
				}
			}
			if d := cmp.Diff(c.must, must); d != "" {
				t.Errorf("must-haves (-want +got):\n%s", d)
			}
			if d := cmp.Diff(c.nice, nice); d != "" {
				t.Errorf("nice-to-haves (-want +got):\n%s", d)
			}
		})
	}
}
