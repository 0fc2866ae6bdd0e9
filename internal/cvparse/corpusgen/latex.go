package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

var texEscaper = strings.NewReplacer(
	`\`, `\textbackslash{}`, `&`, `\&`, `%`, `\%`, `$`, `\$`, `#`, `\#`,
	`_`, `\_`, `{`, `\{`, `}`, `\}`, `~`, `\textasciitilde{}`, `^`, `\textasciicircum{}`,
)

func tex(s string) string { return texEscaper.Replace(s) }

// renderLaTeX writes a .tex source: one of three heading styles, one or two
// columns (paracol, sidebar left or right).
func renderLaTeX(r *rand.Rand, m model, layout string) string {
	var b strings.Builder
	size := pick(r, []string{"10pt", "11pt"})
	font := pick(r, []string{"", `\setmainfont{TeX Gyre Heros}`, `\setmainfont{TeX Gyre Pagella}`})
	heading := pick(r, []string{
		`\newcommand{\cvsection}[1]{\par\vspace{8pt}{\large\bfseries\MakeUppercase{#1}}\par\vspace{-4pt}\rule{\linewidth}{0.4pt}\par\vspace{2pt}}`,
		`\newcommand{\cvsection}[1]{\par\vspace{10pt}{\color{teal}\Large\scshape #1}\par\vspace{3pt}}`,
		`\newcommand{\cvsection}[1]{\par\vspace{6pt}\hrule\vspace{3pt}{\bfseries #1}\par\vspace{3pt}}`,
	})
	fmt.Fprintf(&b, `\documentclass[%s]{article}
\usepackage[a4paper,margin=1.7cm]{geometry}
\usepackage{fontspec}
%s
\usepackage{xcolor}
\usepackage{enumitem}
\usepackage{paracol}
\usepackage{array}
\pagestyle{empty}
\setlength{\parindent}{0pt}
\setlist[itemize]{leftmargin=1.2em,noitemsep,topsep=2pt}
%s
%s\begin{document}
`, size, font, heading, texFooter(m.footer))
	for _, bl := range m.head {
		texBlock(&b, bl)
	}
	b.WriteString("\\vspace{4pt}\n")
	switch {
	case layout == "table":
		for _, bl := range m.main {
			texTableRow(&b, bl)
		}
	case len(m.side) == 0:
		for _, bl := range m.main {
			texBlock(&b, bl)
		}
	default:
		sideLeft := r.IntN(3) > 0
		first, second := m.side, m.main
		ratio := "0.32"
		if !sideLeft {
			first, second = m.main, m.side
			ratio = "0.66"
		}
		fmt.Fprintf(&b, "\\columnratio{%s}\n\\setlength{\\columnsep}{1.2cm}\n\\begin{paracol}{2}\n", ratio)
		for _, bl := range first {
			texBlock(&b, bl)
		}
		b.WriteString("\\switchcolumn\n")
		for _, bl := range second {
			texBlock(&b, bl)
		}
		b.WriteString("\\end{paracol}\n")
	}
	b.WriteString("\\end{document}\n")
	return b.String()
}

// texFooter prints a running footer on every page, the page number where
// the footer has "%s".
func texFooter(f string) string {
	if f == "" {
		return ""
	}
	f = strings.ReplaceAll(tex(f), "\\%s", `\thepage{}`)
	return "\\usepackage{fancyhdr}\n\\pagestyle{fancy}\n\\fancyhf{}\n\\renewcommand{\\headrulewidth}{0pt}\n\\cfoot{\\small " + f + "}\n"
}

func texBlock(b *strings.Builder, bl block) {
	styled := func(s string) string {
		switch {
		case bl.bold:
			return `\textbf{` + tex(s) + `}`
		case bl.italic:
			return `\textit{` + tex(s) + `}`
		}
		return tex(s)
	}
	switch bl.kind {
	case "name":
		fmt.Fprintf(b, "{\\Huge\\bfseries %s}\\par\\vspace{6pt}\n", tex(bl.left))
	case "line":
		fmt.Fprintf(b, "%s\\par\n", tex(bl.left))
	case "heading":
		fmt.Fprintf(b, "\\cvsection{%s}\n", tex(bl.left))
	case "row":
		if bl.right != "" {
			fmt.Fprintf(b, "%s\\hfill %s\\par\n", styled(bl.left), tex(bl.right))
		} else {
			fmt.Fprintf(b, "%s\\par\n", styled(bl.left))
		}
	case "kv":
		fmt.Fprintf(b, "\\noindent\\begin{tabular}{@{}p{3.2cm}p{12.4cm}@{}}\\textbf{%s} & %s\\end{tabular}\\par\n", tex(bl.left), tex(bl.right))
	case "para":
		fmt.Fprintf(b, "%s\\par\n", tex(bl.left))
	case "bullets":
		b.WriteString("\\begin{itemize}\n")
		for _, it := range bl.items {
			fmt.Fprintf(b, "\\item %s\n", tex(it))
		}
		b.WriteString("\\end{itemize}\n\\vspace{2pt}\n")
	}
}

// texTableRow lays the main column out as a two-column table, Europass
// style: headings and dates in a right-aligned left column, the entries'
// text in the right one. Each row is its own tabular so pages can break.
func texTableRow(b *strings.Builder, bl block) {
	const cols = `@{}>{\raggedleft\arraybackslash}p{3.4cm}@{\hspace{0.5cm}}p{12.1cm}@{}`
	row := func(left, right string) {
		fmt.Fprintf(b, "\\noindent\\begin{tabular}{%s}%s & %s\\end{tabular}\\par\n", cols, left, right)
	}
	styled := tex(bl.left)
	switch {
	case bl.bold:
		styled = `\textbf{` + styled + `}`
	case bl.italic:
		styled = `\textit{` + styled + `}`
	}
	switch bl.kind {
	case "heading":
		b.WriteString("\\vspace{8pt}")
		row(`{\large\scshape `+tex(bl.left)+`}`, "")
	case "row":
		row(`\small `+tex(bl.right), styled)
	case "kv":
		row(tex(bl.left), tex(bl.right))
	case "para":
		row("", tex(bl.left))
	case "bullets":
		var items strings.Builder
		for _, it := range bl.items {
			fmt.Fprintf(&items, "\\item %s\n", tex(it))
		}
		row("", "\\begin{itemize}\n"+items.String()+"\\end{itemize}")
	default:
		texBlock(b, bl)
	}
}
