package extract

import (
	"fmt"

	"github.com/utopiahire/utopiahire/internal/apperr"
)

// Code is a stable, machine-readable reason why a document was refused.
// Callers map it to an HTTP status; the values never change meaning.
type Code string

// Refusal codes; ErrorKind says which kind (and so HTTP status) each is.
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

var _ apperr.Coded = (*Error)(nil)

func (e *Error) Error() string { return apperr.Format(string(e.Code), e.Message, e.Err) }

func (e *Error) Unwrap() error { return e.Err }

// ErrorKind implements apperr.Coded: sizes are too large, foreign types
// unsupported, a full house unavailable, every other refusal a validation
// failure of the document.
func (e *Error) ErrorKind() apperr.Kind {
	switch e.Code {
	case CodeTooLarge:
		return apperr.TooLarge
	case CodeUnsupportedType, CodeExecutable:
		return apperr.UnsupportedMedia
	case CodeBusy:
		return apperr.Unavailable
	}
	return apperr.Validation
}

// ErrorCode implements apperr.Coded.
func (e *Error) ErrorCode() string { return string(e.Code) }

// SafeMessage implements apperr.Coded.
func (e *Error) SafeMessage() string { return e.Message }

// CodeOf returns the refusal code carried by err, or "" when err is not a
// refusal (for example a cancelled context).
func CodeOf(err error) Code { return Code(apperr.CodeAs[*Error](err)) }

func refuse(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

func refuseErr(code Code, cause error, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Err: cause}
}
