package cvparse

import "testing"

// Variations on the skills sections of the eighth blind set
// (testdata/blind8), written with invented text.

// Skills sections as plain-text CVs set them: headings that name
// proficiencies, and labelled lists with dotted leaders, one of them
// wrapped onto an indented line.
func TestVariationSkillSectionsBlind8(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"proficiencies heading with leaders", "TECHNICAL PROFICIENCIES\n-----------------------\n" +
			"Languages ......... Rust, Lua, Elixir\nBuild / Release ... Bazel, Make\nHosting ........... Hetzner (dedicated, cloud), OVH\n" +
			"Methods ........... pair programming, load testing, threat modelling, code review\n",
			[]string{"rust", "lua", "elixir", "bazel", "make", "hetzner", "ovh", "pair programming", "load testing", "threat modelling", "code review"}},
		{"proficiencies alone", "PROFICIENCIES\nInkscape, Blender, Krita\n",
			[]string{"inkscape", "blender", "krita"}},
		// The labelled lines above a wrapped one end no item with a comma:
		// each opens a list of its own.
		{"leader list wrapped after labelled lines", "TECHNICAL SKILLS\n" +
			"Build ......... Bazel, Make\nQueues ........ NATS, RabbitMQ\n" +
			"Methods ....... load testing, code review,\n                threat modelling\n",
			[]string{"load testing", "code review", "threat modelling", "bazel", "make", "nats", "rabbitmq"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ParseText("Jane Roe\njane@example.com\n\nSUMMARY\nBackend engineer who keeps services small and boring.\n\n" + tc.body + "\nEXPERIENCE\nBaker, Crumb Ltd, 2019 - 2021\n")
			checkSkillSet(t, c, tc.want)
		})
	}
}

// Skills lists inside a skills section: rows of a skill and its bar's
// percentage, one of them starting in lower case.
func TestVariationSkillListsBlind8(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"lower-case row under a rated row", "Rust\t90%\nnginx\t70%\nelm\t60%\n",
			[]string{"rust", "nginx", "elm"}},
		{"lower-case row under a level word", "Haskell\tExpert\nawk\tIntermediate\n",
			[]string{"haskell", "awk"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ParseText("Jane Roe\njane@example.com\n\nSkills\n" + tc.body + "\nEXPERIENCE\nBaker, Crumb Ltd, 2019 - 2021\n")
			checkSkillSet(t, c, tc.want)
		})
	}
}

// Headings people give their skills and pastimes: programs under
// "Software" (with versions, read as dates by their shape), "What I work
// with", "Domaines de compétence", "Informatique", "Logiciels maîtrisés"
// wrapped in a narrow column; "Off the clock" heads pastimes, no skills.
func TestVariationSkillHeadingsBlind8(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"software with versions", "SOFTWARE\nKrita 5.2\t80%\nAutoCAD 2023\t70%\n",
			[]string{"krita 5 2", "autocad 2023"}},
		{"what I work with", "What I work with\nElixir, Phoenix, SQL Server 2019\n", []string{"elixir", "phoenix", "sql server 2019"}},
		{"domaines de competence", "Domaines de compétence\n• Tutorat\n• Réforme 2019 du lycée\n",
			[]string{"tutorat", "reforme 2019 du lycee"}},
		{"informatique", "Informatique\nEBP · Ciel Compta · Outlook 2016\n", []string{"ebp", "ciel compta", "outlook 2016"}},
		{"logiciels maitrises wrapped", "LOGICIELS\nMAÎTRISÉS\nEBP\nQuadra\n", []string{"ebp", "quadra"}},
		{"off the clock after skills", "SKILLS\nElixir, Phoenix\n\nOFF THE CLOCK\nSailing · pottery · chess\n",
			[]string{"elixir", "phoenix"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ParseText("Jane Roe\njane@example.com\n\nSUMMARY\nBackend engineer who keeps services small and boring.\n\n" + tc.body + "\nEXPERIENCE\nBaker, Crumb Ltd, 2019 - 2021\n")
			checkSkillSet(t, c, tc.want)
		})
	}
}
