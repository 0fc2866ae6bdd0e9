package cvparse

import "strings"

// rankPrefixes set a job word one rank beside the job it names, joined
// by a hyphen: "Sous-chef", "Vice-président", "Co-gérante",
// "Sub-editor", "Under-manager"; the helper's and the learner's rank of
// a trade in French ("Aide-mécanicien", "Aide-cuisinière",
// "Apprenti-boulanger", "Assistant-comptable", "Chef-mécanicien").
var rankPrefixes = wordSet(`sous vice co sub under aide apprenti apprentie assistant assistante chef`)

// prefixedTitles counts the words that are a rank prefix and a job word
// joined by a hyphen ("Sous-chef" under "Chef de cuisine" entries): the
// job word list holds the job, not each rank of it.
func prefixedTitles(s string) int {
	n := 0
	for _, w := range words(s) {
		pre, job, ok := strings.Cut(w, "-")
		if ok && rankPrefixes[pre] && !titleWords[w] && countIn(job, titleWords) > 0 {
			n++
		}
	}
	return n
}
