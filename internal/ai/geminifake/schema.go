package geminifake

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"google.golang.org/genai"
)

// SchemaReply answers every request with a deterministic value that
// satisfies its responseSchema (every property present, enums take their
// first value, numbers their lower bound, arrays their minimum length but at
// least one item). Without a schema it answers a short plain text. It is the
// default handler, so a process pointed at the fake gets well-formed output.
func SchemaReply() GenerateHandler {
	return func(_ context.Context, req *GenerateRequest) GenerateResponse {
		if sc := req.ResponseSchema(); sc != nil {
			return ReplyJSON(SchemaExample(sc))
		}
		return Reply(fmt.Sprintf("geminifake answer to a prompt of %d characters.", utf8.RuneCountInString(req.Text())))
	}
}

// SchemaExample builds a value satisfying sc (see SchemaReply).
func SchemaExample(sc *genai.Schema) any {
	return example(sc, 0)
}

// maxDepth stops recursive schemas from recursing forever.
const maxDepth = 16

func example(sc *genai.Schema, depth int) any {
	if sc == nil || depth > maxDepth {
		return nil
	}
	if len(sc.AnyOf) > 0 {
		return example(sc.AnyOf[0], depth+1)
	}
	switch typeOf(sc) {
	case genai.TypeObject:
		return objectExample(sc, depth)
	case genai.TypeArray:
		n := 1
		if sc.MinItems != nil && *sc.MinItems > 1 {
			n = int(*sc.MinItems)
		}
		if sc.MaxItems != nil && int(*sc.MaxItems) < n {
			n = int(*sc.MaxItems)
		}
		items := make([]any, n)
		for i := range items {
			items[i] = example(sc.Items, depth+1)
		}
		return items
	case genai.TypeInteger:
		return int64(numberExample(sc))
	case genai.TypeNumber:
		return numberExample(sc)
	case genai.TypeBoolean:
		return true
	case genai.TypeNULL:
		return nil
	default:
		return stringExample(sc)
	}
}

func typeOf(sc *genai.Schema) genai.Type {
	t := genai.Type(strings.ToUpper(string(sc.Type)))
	if t == "" && len(sc.Properties) > 0 {
		return genai.TypeObject
	}
	return t
}

func objectExample(sc *genai.Schema, depth int) map[string]any {
	keys := make([]string, 0, len(sc.Properties))
	for k := range sc.Properties {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make(map[string]any, len(keys))
	for _, k := range keys {
		out[k] = example(sc.Properties[k], depth+1)
	}
	return out
}

func numberExample(sc *genai.Schema) float64 {
	v := 0.0
	if sc.Minimum != nil {
		v = *sc.Minimum
	}
	if sc.Maximum != nil && v > *sc.Maximum {
		v = *sc.Maximum
	}
	return v
}

func stringExample(sc *genai.Schema) string {
	if len(sc.Enum) > 0 {
		return sc.Enum[0]
	}
	var s string
	switch sc.Format {
	case "date-time":
		s = "2024-01-01T00:00:00Z"
	case "date":
		s = "2024-01-01"
	default:
		s = "example"
		if ex, ok := sc.Example.(string); ok && ex != "" {
			s = ex
		}
	}
	if sc.MinLength != nil {
		for utf8.RuneCountInString(s) < int(*sc.MinLength) {
			s += "x"
		}
	}
	if sc.MaxLength != nil && utf8.RuneCountInString(s) > int(*sc.MaxLength) {
		s = string([]rune(s)[:*sc.MaxLength])
	}
	return s
}
