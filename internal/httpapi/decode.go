package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"sort"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/utopiahire/utopiahire/internal/apperr"
)

// decodeJSON reads a JSON body into v: 415 for another media type, 400 for
// an empty or malformed body, 422 for a field of the wrong type.
func decodeJSON(c *fiber.Ctx, v any) error {
	if err := requireMediaType(c, fiber.MIMEApplicationJSON); err != nil {
		return err
	}
	body := c.Body()
	if len(bytes.TrimSpace(body)) == 0 {
		return apperr.New(apperr.Invalid, "empty_body", "The request body is empty; send a JSON object.")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return apperr.New(apperr.Invalid, "malformed_json", "The request body has data after the JSON object.")
	}
	return nil
}

func jsonError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return apperr.Wrap(err, apperr.Invalid, "malformed_json", fmt.Sprintf("The request body is not valid JSON (at byte %d).", syn.Offset))
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			return apperr.Wrap(err, apperr.Invalid, "malformed_json", "The request body must be a JSON object.")
		}
		return apperr.Wrap(err, apperr.Validation, "invalid_field_type", fmt.Sprintf("Field %q must be of type %s.", field, typ.Type.String())).
			With("fields", map[string]string{field: "wrong type"})
	case errors.Is(err, io.ErrUnexpectedEOF):
		return apperr.Wrap(err, apperr.Invalid, "malformed_json", "The request body is truncated JSON.")
	}
	return apperr.Wrap(err, apperr.Invalid, "malformed_json", "The request body is not valid JSON.")
}

// requireMediaType refuses a body of another media type with 415.
func requireMediaType(c *fiber.Ctx, want string) error {
	ct := c.Get(fiber.HeaderContentType)
	mt, _, err := mime.ParseMediaType(ct)
	if ct == "" || err != nil || !strings.EqualFold(mt, want) {
		return apperr.New(apperr.UnsupportedMedia, "unsupported_media_type", fmt.Sprintf("Send the body as %s.", want))
	}
	return nil
}

// fieldErrors collects validation problems, one message per field.
type fieldErrors map[string]string

func (f fieldErrors) add(field, msg string) {
	if _, ok := f[field]; !ok {
		f[field] = msg
	}
}

// err is nil when there are no problems, else a 422 naming each field.
func (f fieldErrors) err() error {
	if len(f) == 0 {
		return nil
	}
	names := make([]string, 0, len(f))
	for k := range f {
		names = append(names, k)
	}
	sort.Strings(names)
	parts := make([]string, 0, len(names))
	for _, n := range names {
		parts = append(parts, n+": "+f[n])
	}
	return apperr.New(apperr.Validation, "validation_failed", "Invalid request: "+strings.Join(parts, "; ")+".").With("fields", map[string]string(f))
}
