// Package skills finds skills in CV and job-description text and measures the
// gap between a candidate and a job.
//
// It provides three things:
//
//   - a Taxonomy of about 1,950 skills (programming languages, frameworks,
//     tools, cloud services, data and AI, soft skills, spoken languages,
//     professional domains and certifications), each with aliases and, where
//     the French label differs, a French label;
//   - an Extractor that matches those aliases in free text (CVs and job
//     descriptions, English and French), aware of sections, of must-have and
//     nice-to-have wording, and of the evidence a CV gives for each skill
//     (years, recency, context);
//   - Analyze, which turns a CV and a job description into the contract's
//     /api/analyze report, with its narrative parts written by a Writer.
//
// # Taxonomy source and licence
//
// The taxonomy in taxonomy/*.csv was written by the UtopiaHire team for this
// project and is licensed under the project's own licence. It is not derived
// from ESCO or O*NET: no packaged copy of ESCO was available to the build
// (none is shipped by the Go proxy, Debian or npm), and a hand-written list
// lets every alias be checked against false positives.
//
// File format: one CSV per category, columns label_en,label_fr,aliases,broader.
// Aliases are separated by '|'. An alias prefixed with '=' matches with exact
// case only ("=ML" does not match "ml", the unit); one prefixed with '?' is
// ambiguous and only counts with supporting context ("?=Go" is the language
// only next to other technical skills or words such as "developer"). Both
// labels are aliases too, unless an alias with the same normalised text
// carries prefixes, which then apply. broader names the label of a more
// general skill; the gap analysis uses it for partial credit.
package skills
