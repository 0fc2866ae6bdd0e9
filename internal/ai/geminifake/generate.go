package geminifake

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"google.golang.org/genai"
)

// GenerateRequest is one decoded generateContent or streamGenerateContent
// call, as the server received it.
type GenerateRequest struct {
	Received   time.Time
	APIVersion string // "v1beta"
	Model      string // "gemini-2.5-flash" (without "models/")
	Stream     bool   // streamGenerateContent
	APIKey     string // the key presented
	KeyInQuery bool   // the key came in ?key= rather than the x-goog-api-key header
	Header     http.Header

	Contents          []*genai.Content
	SystemInstruction *genai.Content
	GenerationConfig  *genai.GenerationConfig
	SafetySettings    []*genai.SafetySetting
	Tools             []*genai.Tool
	Body              []byte // the raw JSON body
}

// Text is the concatenated text of every part of every content, the way a
// test usually wants to inspect a prompt.
func (r *GenerateRequest) Text() string {
	var b strings.Builder
	for _, c := range r.Contents {
		writeText(&b, c)
	}
	return b.String()
}

// SystemText is the text of the system instruction.
func (r *GenerateRequest) SystemText() string {
	var b strings.Builder
	writeText(&b, r.SystemInstruction)
	return b.String()
}

// ResponseSchema is generationConfig.responseSchema, or nil.
func (r *GenerateRequest) ResponseSchema() *genai.Schema {
	if r.GenerationConfig == nil {
		return nil
	}
	return r.GenerationConfig.ResponseSchema
}

// ResponseMIMEType is generationConfig.responseMimeType, or "".
func (r *GenerateRequest) ResponseMIMEType() string {
	if r.GenerationConfig == nil {
		return ""
	}
	return r.GenerationConfig.ResponseMIMEType
}

func writeText(b *strings.Builder, c *genai.Content) {
	if c == nil {
		return
	}
	for _, p := range c.Parts {
		if p != nil && p.Text != "" {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(p.Text)
		}
	}
}

// GenerateResponse is what a handler answers. Status other than 0/200 makes
// it an error in the Google error shape; otherwise Text or Parts form the
// single candidate.
type GenerateResponse struct {
	Text         string
	Parts        []*genai.Part      // used instead of Text when set; one SSE event each when streaming
	FinishReason genai.FinishReason // default STOP
	Usage        *genai.GenerateContentResponseUsageMetadata
	BlockReason  genai.BlockedReason // a prompt block: no candidates, promptFeedback.blockReason

	Status       int    // HTTP status of an error reply (429, 500, 503, 400…)
	ErrorMessage string // message of an error reply
	RetryDelay   time.Duration

	// Delay holds the reply back (the request's cancellation still ends it),
	// to exercise client timeouts.
	Delay time.Duration
	// RawBody, when set, is written verbatim with status 200 (or Status), to
	// exercise clients on malformed responses.
	RawBody []byte
}

// GenerateHandler answers one request. ctx ends when the client goes away.
type GenerateHandler func(ctx context.Context, req *GenerateRequest) GenerateResponse

// Reply answers text.
func Reply(text string) GenerateResponse { return GenerateResponse{Text: text} }

// ReplyJSON answers v encoded as JSON; it panics if v cannot be encoded,
// which is a bug in the test.
func ReplyJSON(v any) GenerateResponse {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("geminifake.ReplyJSON: %v", err))
	}
	return GenerateResponse{Text: string(b)}
}

// Fail answers an HTTP error in the Google error shape. For 429, set
// RetryDelay on the result to add a google.rpc.RetryInfo detail.
func Fail(status int, message string) GenerateResponse {
	return GenerateResponse{Status: status, ErrorMessage: message}
}

// Sequence answers with each response in turn, one per request. A request
// beyond the script gets a 500 naming the problem, so a test fails loudly.
func Sequence(responses ...GenerateResponse) GenerateHandler {
	var mu sync.Mutex
	next := 0
	return func(context.Context, *GenerateRequest) GenerateResponse {
		mu.Lock()
		defer mu.Unlock()
		if next >= len(responses) {
			return Fail(http.StatusInternalServerError, fmt.Sprintf("geminifake: script exhausted after %d responses", len(responses)))
		}
		next++
		return responses[next-1]
	}
}

// Requests returns the generateContent requests received so far, in order.
func (s *Server) Requests() []*GenerateRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*GenerateRequest(nil), s.requests...)
}

// wireRequest is the JSON body of GenerateContentRequest.
type wireRequest struct {
	Contents          []*genai.Content        `json:"contents"`
	SystemInstruction *genai.Content          `json:"systemInstruction"`
	GenerationConfig  *genai.GenerationConfig `json:"generationConfig"`
	SafetySettings    []*genai.SafetySetting  `json:"safetySettings"`
	Tools             []*genai.Tool           `json:"tools"`
}

type wireResponse struct {
	Candidates     []wireCandidate                             `json:"candidates,omitempty"`
	PromptFeedback *wireFeedback                               `json:"promptFeedback,omitempty"`
	UsageMetadata  *genai.GenerateContentResponseUsageMetadata `json:"usageMetadata,omitempty"`
	ModelVersion   string                                      `json:"modelVersion"`
	ResponseID     string                                      `json:"responseId"`
}

type wireCandidate struct {
	Content      *genai.Content     `json:"content,omitempty"`
	FinishReason genai.FinishReason `json:"finishReason,omitempty"`
	Index        int                `json:"index"`
}

type wireFeedback struct {
	BlockReason genai.BlockedReason `json:"blockReason"`
}

// serveREST routes POST /{version}/models/{model}:{method}.
func (s *Server) serveREST(w http.ResponseWriter, r *http.Request) {
	version, model, method, ok := parseModelPath(r.URL.Path)
	if !ok {
		writeGoogleError(w, &googleError{Code: http.StatusNotFound, Message: fmt.Sprintf("The requested URL %s was not found on this server.", r.URL.Path)})
		return
	}
	if r.Method != http.MethodPost {
		writeGoogleError(w, &googleError{Code: http.StatusMethodNotAllowed, Status: "INVALID_ARGUMENT", Message: "Method " + r.Method + " is not allowed; use POST."})
		return
	}
	stream := method == "streamGenerateContent"
	if method != "generateContent" && !stream {
		writeGoogleError(w, &googleError{Code: http.StatusNotFound, Message: fmt.Sprintf("Method %q is not found for model %q.", method, model)})
		return
	}
	key := apiKey(r)
	if e := s.checkKey(key); e != nil {
		writeGoogleError(w, e)
		return
	}
	req, gerr := s.decodeRequest(w, r)
	if gerr != nil {
		writeGoogleError(w, gerr)
		return
	}
	req.APIVersion, req.Model, req.Stream = version, model, stream
	req.APIKey, req.KeyInQuery = key, r.Header.Get("x-goog-api-key") == ""
	s.mu.Lock()
	s.requests = append(s.requests, req)
	h := s.generate
	s.serial++
	id := s.serial
	s.mu.Unlock()

	resp := h(r.Context(), req)
	if resp.Delay > 0 {
		t := time.NewTimer(resp.Delay)
		select {
		case <-r.Context().Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
	s.writeResponse(w, r, req, resp, id)
}

// parseModelPath splits /v1beta/models/gemini-2.5-flash:generateContent.
func parseModelPath(p string) (version, model, method string, ok bool) {
	parts := strings.Split(strings.TrimPrefix(p, "/"), "/")
	if len(parts) != 3 || parts[0] == "" || parts[1] != "models" {
		return "", "", "", false
	}
	model, method, ok = strings.Cut(parts[2], ":")
	if !ok || model == "" || method == "" {
		return "", "", "", false
	}
	return parts[0], model, method, true
}

func (s *Server) decodeRequest(w http.ResponseWriter, r *http.Request) (*GenerateRequest, *googleError) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opts.MaxRequestBytes))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return nil, &googleError{Code: http.StatusBadRequest, Message: fmt.Sprintf("Request payload size exceeds the limit: %d bytes.", s.opts.MaxRequestBytes)}
	}
	if err != nil {
		return nil, &googleError{Code: http.StatusBadRequest, Message: "Could not read the request body."}
	}
	var wr wireRequest
	if err := json.Unmarshal(body, &wr); err != nil {
		return nil, &googleError{Code: http.StatusBadRequest, Message: "Invalid JSON payload received. " + err.Error()}
	}
	if len(wr.Contents) == 0 {
		return nil, &googleError{Code: http.StatusBadRequest, Message: "* GenerateContentRequest.contents: contents is not specified\n"}
	}
	if gc := wr.GenerationConfig; gc != nil && gc.ResponseSchema != nil {
		switch gc.ResponseMIMEType {
		case "application/json", "text/x.enum":
		default:
			return nil, &googleError{Code: http.StatusBadRequest, Message: "* GenerateContentRequest.generation_config.response_mime_type: response_mime_type must be application/json or text/x.enum when response_schema is set.\n"}
		}
	}
	return &GenerateRequest{
		Received:          time.Now(),
		Header:            r.Header.Clone(),
		Contents:          wr.Contents,
		SystemInstruction: wr.SystemInstruction,
		GenerationConfig:  wr.GenerationConfig,
		SafetySettings:    wr.SafetySettings,
		Tools:             wr.Tools,
		Body:              body,
	}, nil
}

func (s *Server) writeResponse(w http.ResponseWriter, r *http.Request, req *GenerateRequest, resp GenerateResponse, id int) {
	if resp.RawBody != nil {
		w.Header().Set("Content-Type", "application/json; charset=UTF-8")
		w.WriteHeader(max(resp.Status, http.StatusOK))
		_, _ = w.Write(resp.RawBody)
		return
	}
	if resp.Status != 0 && resp.Status != http.StatusOK {
		writeGoogleError(w, errorFor(resp))
		return
	}
	events := buildEvents(req, resp, fmt.Sprintf("fake-%d", id))
	if !req.Stream {
		w.Header().Set("Content-Type", "application/json; charset=UTF-8")
		_ = json.NewEncoder(w).Encode(merge(events))
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	flusher, _ := w.(http.Flusher)
	for _, ev := range events {
		b, _ := json.Marshal(ev)
		if _, err := fmt.Fprintf(w, "data: %s\r\n\r\n", b); err != nil {
			return
		}
		if flusher != nil {
			flusher.Flush()
		}
		if r.Context().Err() != nil {
			return
		}
	}
}

func errorFor(resp GenerateResponse) *googleError {
	e := &googleError{Code: resp.Status, Message: resp.ErrorMessage}
	if e.Message == "" {
		e.Message = http.StatusText(resp.Status)
	}
	if resp.Status == http.StatusTooManyRequests && resp.RetryDelay > 0 {
		e.Details = append(e.Details, map[string]any{
			"@type":      "type.googleapis.com/google.rpc.RetryInfo",
			"retryDelay": fmt.Sprintf("%gs", resp.RetryDelay.Seconds()),
		})
	}
	return e
}

// buildEvents turns a response into stream events: one per part, the last
// carrying the finish reason and usage. Without parts there is one event.
func buildEvents(req *GenerateRequest, resp GenerateResponse, id string) []wireResponse {
	base := wireResponse{ModelVersion: req.Model, ResponseID: id}
	if resp.BlockReason != "" {
		base.PromptFeedback = &wireFeedback{BlockReason: resp.BlockReason}
		base.UsageMetadata = usage(req, nil, resp.Usage)
		return []wireResponse{base}
	}
	parts, finish := limitParts(req, resp)
	if len(parts) == 0 {
		parts = []*genai.Part{{Text: ""}}
	}
	events := make([]wireResponse, 0, len(parts))
	for i, p := range parts {
		ev := base
		ev.Candidates = []wireCandidate{{Content: &genai.Content{Role: genai.RoleModel, Parts: []*genai.Part{p}}}}
		if i == len(parts)-1 {
			ev.Candidates[0].FinishReason = finish
			ev.UsageMetadata = usage(req, parts, resp.Usage)
		}
		events = append(events, ev)
	}
	return events
}

// merge folds stream events into the unary response.
func merge(events []wireResponse) wireResponse {
	out := events[len(events)-1]
	if len(out.Candidates) == 0 {
		return out
	}
	var parts []*genai.Part
	for _, ev := range events {
		parts = append(parts, ev.Candidates[0].Content.Parts...)
	}
	c := out.Candidates[0]
	c.Content = &genai.Content{Role: genai.RoleModel, Parts: parts}
	out.Candidates = []wireCandidate{c}
	return out
}

// limitParts applies generationConfig.maxOutputTokens the way the model
// does: output is cut and the finish reason becomes MAX_TOKENS.
func limitParts(req *GenerateRequest, resp GenerateResponse) ([]*genai.Part, genai.FinishReason) {
	parts := resp.Parts
	if parts == nil && resp.Text != "" {
		parts = []*genai.Part{{Text: resp.Text}}
	}
	finish := resp.FinishReason
	if finish == "" {
		finish = genai.FinishReasonStop
	}
	limit := 0
	if req.GenerationConfig != nil {
		limit = int(req.GenerationConfig.MaxOutputTokens)
	}
	if limit <= 0 {
		return parts, finish
	}
	budget := limit * charsPerToken
	out := make([]*genai.Part, 0, len(parts))
	for _, p := range parts {
		if p.Text == "" {
			out = append(out, p)
			continue
		}
		if budget <= 0 {
			return out, genai.FinishReasonMaxTokens
		}
		if n := utf8.RuneCountInString(p.Text); n > budget {
			cut := *p
			cut.Text = string([]rune(p.Text)[:budget])
			return append(out, &cut), genai.FinishReasonMaxTokens
		}
		budget -= utf8.RuneCountInString(p.Text)
		out = append(out, p)
	}
	return out, finish
}

// charsPerToken is the usual rule of thumb for Gemini tokenisation.
const charsPerToken = 4

func usage(req *GenerateRequest, parts []*genai.Part, given *genai.GenerateContentResponseUsageMetadata) *genai.GenerateContentResponseUsageMetadata {
	if given != nil {
		return given
	}
	prompt := tokens(req.Text()) + tokens(req.SystemText())
	out := 0
	for _, p := range parts {
		out += tokens(p.Text)
	}
	return &genai.GenerateContentResponseUsageMetadata{
		PromptTokenCount:     int32(prompt),
		CandidatesTokenCount: int32(out),
		TotalTokenCount:      int32(prompt + out),
	}
}

func tokens(s string) int {
	return (utf8.RuneCountInString(s) + charsPerToken - 1) / charsPerToken
}
