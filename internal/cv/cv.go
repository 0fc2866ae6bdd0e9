// Package cv holds the CV domain: the structured CV and analysis shapes of the
// API contract, field paths into a structured CV (resolve and apply), and the
// stored files and versions with their per-user quotas.
//
// JSON field names are exactly those the existing frontend uses; see
// shared/api-contract.md, section CV.
package cv

// StructuredCV is a CV split into the contract's sections.
type StructuredCV struct {
	Summary        string       `json:"summary"`
	Contact        Contact      `json:"contact"`
	Experience     []Experience `json:"experience"`
	Education      []Education  `json:"education"`
	Skills         Skills       `json:"skills"`
	Projects       []Item       `json:"projects"`
	Certifications []Item       `json:"certifications"`
	Awards         []Item       `json:"awards"`
	Publications   []Item       `json:"publications"`
	Activities     []Item       `json:"activities"`
	Volunteer      []Item       `json:"volunteer"`
	OtherSections  []Section    `json:"other_sections"`
}

// Contact is the CV's header.
type Contact struct {
	Name      string `json:"name"`
	Email     string `json:"email"`
	Phone     string `json:"phone"`
	Location  string `json:"location"`
	LinkedIn  string `json:"linkedin"`
	GitHub    string `json:"github"`
	Portfolio string `json:"portfolio"`
}

// Experience is one position held.
type Experience struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Company     string   `json:"company"`
	Location    string   `json:"location"`
	StartDate   string   `json:"startDate"`
	EndDate     string   `json:"endDate"`
	Description string   `json:"description"`
	Bullets     []string `json:"bullets"`
}

// Education is one degree or course of study.
type Education struct {
	ID           string   `json:"id"`
	Degree       string   `json:"degree"`
	Institution  string   `json:"institution"`
	Location     string   `json:"location"`
	StartDate    string   `json:"startDate"`
	EndDate      string   `json:"endDate"`
	GPA          string   `json:"gpa"`
	Description  string   `json:"description"`
	Achievements []string `json:"achievements"`
}

// Skills groups skill names the way the frontend shows them.
type Skills struct {
	Technical  []string `json:"technical"`
	Languages  []string `json:"languages"`
	Tools      []string `json:"tools"`
	SoftSkills []string `json:"soft_skills"`
	Other      []string `json:"other"`
}

// Item is an entry of the list sections (projects, certifications, awards,
// publications, activities, volunteer).
type Item struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	Organization string   `json:"organization,omitempty"`
	Date         string   `json:"date,omitempty"`
	Description  string   `json:"description"`
	Bullets      []string `json:"bullets,omitempty"`
	Link         string   `json:"link,omitempty"`
}

// Section is a section the parser recognised as such but could not map to
// one of the named ones; its text is kept so nothing is lost.
type Section struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Content string   `json:"content"`
	Items   []string `json:"items,omitempty"`
}

// Analysis is the contract's analysis object. Scores are 0–100.
//
// The first block holds the fields the existing frontend reads (contract,
// CV section); the analyzers write readability_score, critical_issues and
// top_priorities themselves, and FillDerived copies the others from our
// richer fields below, so the two views never disagree.
type Analysis struct {
	OverallScore     int             `json:"overall_score"`
	ATSScore         int             `json:"ats_score"`
	ReadabilityScore int             `json:"readability_score"`
	Summary          string          `json:"summary"`
	CriticalIssues   []string        `json:"critical_issues"`
	SectionAnalysis  []SectionReview `json:"section_analysis"`
	JobMatchAnalysis ATSAnalysis     `json:"job_match_analysis"`
	TopPriorities    []Priority      `json:"top_priorities"`

	Formatting       Formatting        `json:"formatting"`
	Content          Content           `json:"content"`
	General          General           `json:"general"`
	Sections         []SectionAnalysis `json:"sections"`
	FieldSuggestions []FieldSuggestion `json:"field_suggestions"`
	QuickWins        []string          `json:"quick_wins"`
	ATSAnalysis      ATSAnalysis       `json:"ats_analysis"`
	// Analyzer names what produced this analysis ("offline" or "gemini").
	Analyzer string `json:"analyzer"`
	// UnreadParts are the parts of the document that could not be read or
	// placed; sections not found while some exist are not scored as
	// missing. Absent when everything was read.
	UnreadParts []UnreadPart `json:"unread_parts,omitempty"`
}

// Reasons a part of a document is unread.
const (
	// UnreadNoText: a page with no text at all, not even by OCR.
	UnreadNoText = "no_text"
	// UnreadUnsureOCR: a scanned page where OCR was unsure of many words.
	UnreadUnsureOCR = "unsure_ocr"
	// UnreadUnplaced: text found but placed in no section (it is kept in
	// the "Additional information" section).
	UnreadUnplaced = "unplaced"
)

// UnreadPart is a part of a CV document that could not be read, or read
// but not understood.
type UnreadPart struct {
	Reason string `json:"reason"`
	// Page is the 1-based page, when the part is one.
	Page int `json:"page,omitempty"`
	// Text is the start of what was read there, when anything was.
	Text string `json:"text,omitempty"`
}

// Formatting scores layout and structure.
type Formatting struct {
	Score       int      `json:"score"`
	Issues      []string `json:"issues"`
	Suggestions []string `json:"suggestions"`
}

// Content scores what the CV says.
type Content struct {
	Score       int      `json:"score"`
	Strengths   []string `json:"strengths"`
	Weaknesses  []string `json:"weaknesses"`
	Suggestions []string `json:"suggestions"`
}

// General is the overall verdict.
type General struct {
	OverallScore  int      `json:"overall_score"`
	Summary       string   `json:"summary"`
	TopPriorities []string `json:"top_priorities"`
}

// SectionAnalysis scores one section of the CV.
type SectionAnalysis struct {
	Name        string   `json:"name"`
	Score       int      `json:"score"`
	Present     bool     `json:"present"`
	Feedback    string   `json:"feedback"`
	Issues      []string `json:"issues"`
	Suggestions []string `json:"suggestions"`
}

// SectionReview is a section as the frontend's section_analysis lists it.
type SectionReview struct {
	Section     string   `json:"section"`
	Status      string   `json:"status"` // SectionGood, SectionNeedsWork or SectionMissing
	Score       int      `json:"score"`
	Issues      []string `json:"issues"`
	Suggestions []string `json:"suggestions"`
}

// Statuses of a SectionReview.
const (
	SectionGood      = "good"
	SectionNeedsWork = "needs_improvement"
	SectionMissing   = "missing"
)

// Priority is one of the frontend's top_priorities: what to do first, how
// much it matters and roughly how long it takes.
type Priority struct {
	Priority     int    `json:"priority"` // rank, 1 first
	Action       string `json:"action"`
	Impact       string `json:"impact"` // High, Medium or Low
	TimeEstimate string `json:"time_estimate"`
	Category     string `json:"category"`
}

// Impacts of a Priority.
const (
	ImpactHigh   = "High"
	ImpactMedium = "Medium"
	ImpactLow    = "Low"
)

// FieldSuggestion is a concrete rewrite of one field, addressed by FieldPath.
type FieldSuggestion struct {
	SuggestionID  string `json:"suggestionId"`
	TargetField   string `json:"targetField"`
	FieldPath     string `json:"fieldPath"`
	FieldID       string `json:"fieldId"`
	OriginalValue string `json:"originalValue"`
	ImprovedValue string `json:"improvedValue"`
	IssueType     string `json:"issue_type"`
	Severity      string `json:"severity"`
	Problem       string `json:"problem"`
	Explanation   string `json:"explanation"`
	Impact        string `json:"impact"`
}

// ATSAnalysis compares the CV with a job description.
type ATSAnalysis struct {
	RelevanceScore  int      `json:"relevance_score"`
	KeywordMatches  []string `json:"keyword_matches"`
	MissingKeywords []string `json:"missing_keywords"`
	Recommendations []string `json:"recommendations"`
}
