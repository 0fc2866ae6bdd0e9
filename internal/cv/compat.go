package cv

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// maxPathElements bounds the array form of a field path: three segments of
// a name and an index each.
const maxPathElements = 2 * maxSegments

// PathElements turns a field path into the contract's array form:
// "experience[1].bullets[0]" → ["experience", 1, "bullets", 0].
func PathElements(path string) ([]any, error) {
	steps, err := parsePath(path)
	if err != nil {
		return nil, err
	}
	out := make([]any, 0, 2*len(steps))
	for _, s := range steps {
		out = append(out, s.name)
		if s.hasIndex {
			out = append(out, s.index)
		}
	}
	return out, nil
}

// ParsePathJSON reads a field path sent by a client in either form, the
// array of keys and indexes (["experience", 1, "bullets", 0], indexes also
// as digit strings) or the string ("experience[1].bullets[0]"), and returns
// the string form, checked.
func ParsePathJSON(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return "", refuse(CodeInvalidFieldPath, "", "field path is empty")
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", refuse(CodeInvalidFieldPath, "", "field path is not a valid JSON string")
		}
		if _, err := parsePath(s); err != nil {
			return "", err
		}
		return s, nil
	}
	if raw[0] != '[' {
		return "", refuse(CodeInvalidFieldPath, "", "field path must be an array of keys and indexes or a string")
	}
	var elems []json.RawMessage
	if err := json.Unmarshal(raw, &elems); err != nil {
		return "", refuse(CodeInvalidFieldPath, "", "field path is not a valid JSON array")
	}
	if len(elems) == 0 || len(elems) > maxPathElements {
		return "", refuse(CodeInvalidFieldPath, "", "field path must have 1 to %d elements", maxPathElements)
	}
	var b strings.Builder
	afterName := false
	for i, e := range elems {
		idx, isIndex, name, err := pathElement(e)
		if err != nil {
			return "", refuse(CodeInvalidFieldPath, "", "field path element %d: %s", i, err)
		}
		switch {
		case isIndex && !afterName:
			return "", refuse(CodeInvalidFieldPath, "", "field path element %d: an index must follow a key", i)
		case isIndex:
			fmt.Fprintf(&b, "[%d]", idx)
			afterName = false
		case name == "" || strings.Trim(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_") != "":
			return "", refuse(CodeInvalidFieldPath, "", "field path element %d: a key is made of letters and underscores", i)
		default:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(name)
			afterName = true
		}
	}
	path := b.String()
	if _, err := parsePath(path); err != nil {
		return "", err
	}
	return path, nil
}

// pathElement decodes one element of the array form: a key, or an index
// (a non-negative integer, or a string of digits).
func pathElement(e json.RawMessage) (idx int, isIndex bool, name string, err error) {
	var s string
	if json.Unmarshal(e, &s) == nil {
		if s != "" && strings.Trim(s, "0123456789") == "" {
			n, err := strconv.Atoi(s)
			if err != nil || n > MaxIndex {
				return 0, false, "", fmt.Errorf("index out of range")
			}
			return n, true, "", nil
		}
		return 0, false, s, nil
	}
	var n json.Number
	dec := json.NewDecoder(bytes.NewReader(e))
	dec.UseNumber()
	if dec.Decode(&n) != nil {
		return 0, false, "", fmt.Errorf("must be a key (string) or an index (integer)")
	}
	v, err := strconv.Atoi(n.String())
	if err != nil || v < 0 || v > MaxIndex {
		return 0, false, "", fmt.Errorf("index must be an integer from 0 to %d", MaxIndex)
	}
	return v, true, "", nil
}

// fieldSuggestionJSON is FieldSuggestion on the wire: fieldPath as the
// contract's array.
type fieldSuggestionJSON struct {
	SuggestionID  string          `json:"suggestionId"`
	TargetField   string          `json:"targetField"`
	FieldPath     json.RawMessage `json:"fieldPath"`
	FieldPathText string          `json:"field_path"`
	FieldID       string          `json:"fieldId"`
	OriginalValue string          `json:"originalValue"`
	ImprovedValue string          `json:"improvedValue"`
	IssueType     string          `json:"issue_type"`
	Severity      string          `json:"severity"`
	Problem       string          `json:"problem"`
	Explanation   string          `json:"explanation"`
	Impact        string          `json:"impact"`
}

// MarshalJSON writes fieldPath as the array the frontend reads, and the
// string form beside it as field_path.
func (f FieldSuggestion) MarshalJSON() ([]byte, error) {
	w := fieldSuggestionJSON{
		SuggestionID: f.SuggestionID, TargetField: f.TargetField, FieldPathText: f.FieldPath, FieldID: f.FieldID,
		OriginalValue: f.OriginalValue, ImprovedValue: f.ImprovedValue, IssueType: f.IssueType,
		Severity: f.Severity, Problem: f.Problem, Explanation: f.Explanation, Impact: f.Impact,
	}
	elems, err := PathElements(f.FieldPath)
	if err != nil {
		w.FieldPath, err = json.Marshal(f.FieldPath)
	} else {
		w.FieldPath, err = json.Marshal(elems)
	}
	if err != nil {
		return nil, err
	}
	return json.Marshal(w)
}

// UnmarshalJSON accepts fieldPath in either form (analyses stored before
// the array form have strings).
func (f *FieldSuggestion) UnmarshalJSON(b []byte) error {
	var w fieldSuggestionJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	path := w.FieldPathText
	if p, err := ParsePathJSON(w.FieldPath); err == nil {
		path = p
	}
	*f = FieldSuggestion{
		SuggestionID: w.SuggestionID, TargetField: w.TargetField, FieldPath: path, FieldID: w.FieldID,
		OriginalValue: w.OriginalValue, ImprovedValue: w.ImprovedValue, IssueType: w.IssueType,
		Severity: w.Severity, Problem: w.Problem, Explanation: w.Explanation, Impact: w.Impact,
	}
	return nil
}

// FillDerived fills the frontend's fields that restate ours (overall and
// ATS scores, summary, section_analysis, job_match_analysis) and the list
// of priorities in whichever form is missing, and replaces nil lists with
// empty ones: the frontend iterates them, and null would break it.
func (a *Analysis) FillDerived() {
	a.OverallScore = a.General.OverallScore
	a.ATSScore = a.ATSAnalysis.RelevanceScore
	a.Summary = a.General.Summary
	a.JobMatchAnalysis = a.ATSAnalysis
	a.SectionAnalysis = make([]SectionReview, 0, len(a.Sections))
	for _, s := range a.Sections {
		a.SectionAnalysis = append(a.SectionAnalysis, reviewOf(s))
	}
	switch {
	case len(a.TopPriorities) == 0 && len(a.General.TopPriorities) > 0:
		for i, p := range a.General.TopPriorities {
			a.TopPriorities = append(a.TopPriorities, Priority{Priority: i + 1, Action: p, Impact: impactOfRank(i), Category: "general"})
		}
	case len(a.General.TopPriorities) == 0:
		for _, p := range a.TopPriorities {
			a.General.TopPriorities = append(a.General.TopPriorities, p.Action)
		}
	}
	for i := range a.TopPriorities {
		a.TopPriorities[i].Priority = i + 1
	}
	nonNil(&a.CriticalIssues, &a.QuickWins, &a.General.TopPriorities, &a.Formatting.Issues, &a.Formatting.Suggestions,
		&a.Content.Strengths, &a.Content.Weaknesses, &a.Content.Suggestions, &a.ATSAnalysis.KeywordMatches,
		&a.ATSAnalysis.MissingKeywords, &a.ATSAnalysis.Recommendations)
	a.JobMatchAnalysis = a.ATSAnalysis
	if a.TopPriorities == nil {
		a.TopPriorities = []Priority{}
	}
	if a.Sections == nil {
		a.Sections = []SectionAnalysis{}
	}
	for i := range a.Sections {
		nonNil(&a.Sections[i].Issues, &a.Sections[i].Suggestions)
	}
	if a.FieldSuggestions == nil {
		a.FieldSuggestions = []FieldSuggestion{}
	}
}

func impactOfRank(i int) string {
	switch i {
	case 0:
		return ImpactHigh
	case 1:
		return ImpactMedium
	}
	return ImpactLow
}

// reviewOf restates a section score as a status: missing, good from 75 up.
func reviewOf(s SectionAnalysis) SectionReview {
	r := SectionReview{Section: s.Name, Score: s.Score, Issues: s.Issues, Suggestions: s.Suggestions}
	switch {
	case !s.Present:
		r.Status = SectionMissing
	case s.Score >= 75:
		r.Status = SectionGood
	default:
		r.Status = SectionNeedsWork
	}
	if len(r.Issues) == 0 && r.Status != SectionGood && s.Feedback != "" {
		r.Issues = []string{s.Feedback}
	}
	nonNil(&r.Issues, &r.Suggestions)
	return r
}

func nonNil(lists ...*[]string) {
	for _, l := range lists {
		if *l == nil {
			*l = []string{}
		}
	}
}
