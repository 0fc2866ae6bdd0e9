// Package cvanalysis scores a structured CV and proposes concrete rewrites
// of its fields, in the CV's own language (English or French). Two
// analyzers share one interface: Offline, deterministic and local, and
// Gemini, which asks the model for the same analysis object.
//
// # Rubric (offline analyzer)
//
// Every score is 0–100. 90 and above is rare by design: each score is
// capped at 89 while any high- or medium-severity issue remains, and no
// score exceeds 97.
//
// Formatting starts at 100 and loses points for: missing name (15), email
// (12, or 8 when malformed), phone (6), location (3), any web profile (3);
// missing experience (20), education (10), skills (10) or summary (6)
// sections, unless part of the document could not be read or placed (a
// page without text, a page OCR was unsure of, text that fits no section):
// the section may be there, so the analysis names those parts
// (unread_parts, one low-severity issue) instead of penalising; length under 150 words (15) or under 250 (6), over ~2 pages
// (6) or ~3 pages (12); each unreadable date (3, at most 12), entry without
// dates (3, at most 9), end before start (8, at most 16), start in the
// future (4); experience not most-recent-first (6); mixed date formats (4);
// gaps over six months (2 each, at most 6); positions without bullets (5
// each, at most 15); inconsistent bullet punctuation (2).
//
// Content is a weighted share of good bullets (experience, project and
// education bullets): 40 % for bullets that state a number, 25 % for a
// strong opening verb, 15 % for no weak opener, 10 % for reasonable length
// and 10 % for active voice; minus 2 per buzzword (at most 10), 2 per
// first-person word (at most 8), 5 without a summary and 3 for a summary
// over 80 words. A CV with no bullets scores 30 at most. Reaching 90 needs
// numbers and strong verbs in at least 80 % of bullets.
//
// ATS relevance, with a job description, is the weighted share of its
// keywords the CV contains (skills from the shared taxonomy count double,
// synonyms and narrower skills match), scaled so that full coverage gives
// 95. Without one it measures how readable the CV is to an applicant
// tracking system (standard sections, contact details, readable dates, a
// skills list), capped at 85, and says so in its recommendations.
//
// Overall is 35 % formatting, 40 % content and 25 % ATS with a job
// description, or 40 % formatting and 60 % content without.
//
// # Field suggestions
//
// Each suggestion addresses one field by a path that cv.Resolve accepts in
// the CV analysed, carries the field's current value as originalValue, and
// an improvedValue produced by explicit rules (weak opener → action verb,
// passive → active, pronouns and buzzwords removed, fillers shortened, long
// enumerations cut, dates put in the CV's main format, a missing summary
// written from the CV's own facts). A field gets at most one suggestion, so
// applying one never makes another stale. Where a number is missing, the
// explanation says which kind to add; no number is ever invented.
package cvanalysis

import (
	"context"

	"github.com/utopiahire/utopiahire/internal/cv"
)

// Analyzer produces the contract's analysis object for a CV. text is the
// raw text the CV was structured from ("" when the client sent a
// structured CV); jobDescription may be empty. unread are the parts of the
// document that could not be read or placed (cvparse.ParseUnread): the
// analysis lists them, and a section not found while some exist is not
// scored as missing, since it may be in them.
type Analyzer interface {
	Analyze(ctx context.Context, c cv.StructuredCV, text, jobDescription string, unread ...cv.UnreadPart) (cv.Analysis, error)
}

// Names of the analyzers, as reported in cv.Analysis.Analyzer.
const (
	NameOffline = "offline"
	NameGemini  = "gemini"
)
