// Package text holds the text handling shared by the CV, skills and job
// code, so that every package reads a word the same way: normalisation
// (lower case, accent folding, word keys), English and French month names,
// and the vocabulary of section headings in CVs and job descriptions.
package text
