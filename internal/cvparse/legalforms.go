package cvparse

import "regexp"

// reLegalFormEnd is a company's legal form closing its name as the
// countries write it, where the word lists cannot see it: set apart by a
// slash ("Grundfos Holding A/S"), in mixed case ("Novo ApS", "Volvo AB",
// "Nokia Oyj", "Arla Foods amba") or with inner full stops ("Krka d.d.",
// "Škoda a.s.", "Comarch S.A."). Case matters: "AS", "SE" and "AB" are
// forms only so written at the end of a name.
var reLegalFormEnd = regexp.MustCompile(`\s(?:A/S|ApS|AB|Oy|Oyj|AS|ASA|K/S|I/S|P/S|amba|a\.m\.b\.a\.|S/A|Lda\.?|Ltda\.?|d\.o\.o\.|d\.d\.|s\.r\.o\.|a\.s\.|` +
	`Kft\.?|Zrt\.?|Nyrt\.?|JSC|PJSC|OOO|EURL|SE|KG|KGaA|OHG|e\.V\.|S\.L\.|S\.A\.|S\.A\.S\.|S\.p\.A\.|S\.r\.l\.|[Ss]p\. z o\.o\.|SpA|Sdn\.? Bhd\.?|Tbk\.?|Bhd\.?)$`)

// legalFormEnd: s closes on such a form.
func legalFormEnd(s string) bool { return reLegalFormEnd.MatchString(s) }
