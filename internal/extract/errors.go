package extract

import (
	"errors"
	"fmt"
)

// Code is a stable, machine-readable reason why a document was refused.
// Callers map it to an HTTP status; the values never change meaning.
type Code string

// Refusal codes. Suggested HTTP statuses: CodeTooLarge → 413;
// CodeUnsupportedType and CodeExecutable → 415; CodeTimeout → 422 (the
// document is too complex for the bound); everything else → 422.
const (
	CodeEmptyFile         Code = "empty_file"
	CodeTooLarge          Code = "too_large"
	CodeUnsupportedType   Code = "unsupported_type"
	CodeExecutable        Code = "executable"
	CodeTruncatedFile     Code = "truncated_file"
	CodeMalformedFile     Code = "malformed_file"
	CodeEncryptedPDF      Code = "encrypted_pdf"
	CodeEncryptedDocument Code = "encrypted_document"
	CodeTooManyPages      Code = "too_many_pages"
	CodeDecompressionBomb Code = "decompression_bomb"
	CodeNoText            Code = "no_text"
	CodeTimeout           Code = "extraction_timeout"
	CodeFailed            Code = "extraction_failed"
	// CodeBusy is not about the document: every extraction slot stayed
	// taken for the admission wait. Suggested status 503; retry later.
	CodeBusy Code = "extraction_busy"
)

// Error is a refusal of one document: a stable Code and a message that names
// the problem in words a user can act on. It never contains document text or
// server paths.
type Error struct {
	Code    Code
	Message string
	// Err is the underlying cause, for logs; it is not shown to users.
	Err error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

func (e *Error) Unwrap() error { return e.Err }

// CodeOf returns the refusal code carried by err, or "" when err is not a
// refusal (for example a cancelled context).
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

func refuse(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

func refuseErr(code Code, cause error, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Err: cause}
}
