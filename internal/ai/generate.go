package ai

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"time"

	"google.golang.org/genai"
)

// invalidOutputRounds is how many answers we ask for before reporting
// ai_invalid_output: the first, and one retry.
const invalidOutputRounds = 2

// Validator is implemented by result types that can check themselves;
// GenerateJSON calls it on the decoded value before accepting it. Its error
// is logged, so it must not quote user content.
type Validator interface {
	Validate() error
}

// Option adjusts one GenerateJSON call.
type Option func(*callOptions)

type callOptions struct {
	model  string
	checks []check
}

type check struct {
	fits func(out any) bool
	run  func(out any) error
}

// WithModel uses another text model for this call.
func WithModel(model string) Option {
	return func(o *callOptions) { o.model = model }
}

// Check adds a rule the decoded value must pass, for rules that need context
// the type does not carry (e.g. "every fieldPath resolves in this CV"). T is
// the type out points to. Its error is logged: never quote user content.
func Check[T any](fn func(*T) error) Option {
	return func(o *callOptions) {
		o.checks = append(o.checks, check{
			fits: func(out any) bool { _, ok := out.(*T); return ok },
			run:  func(out any) error { return fn(out.(*T)) },
		})
	}
}

// GenerateJSON asks the model for a JSON value satisfying schema (structured
// output: responseMimeType application/json with responseSchema), decodes it
// into out (a non-nil pointer) and accepts it only when it is one JSON value,
// satisfies schema, decodes into out's type, and passes out's Validate (when
// it is a Validator) and every Check. An invalid answer is asked for once
// more, telling the model what was wrong; a second invalid answer fails
// with ai_invalid_output and out is left untouched. Transient failures are
// retried with back-off up to Config.MaxAttempts, then reported as
// ai_rate_limited or ai_unavailable. When ctx ends, the error wraps ctx.Err().
func (c *Client) GenerateJSON(ctx context.Context, system, prompt string, schema *genai.Schema, out any, opts ...Option) error {
	o := callOptions{model: c.cfg.Model}
	for _, opt := range opts {
		opt(&o)
	}
	t, err := newTarget(out, o.checks)
	if err != nil {
		return err
	}
	if schema == nil {
		return errors.New("gemini generate json: a response schema is required")
	}
	gcfg := c.contentConfig(system, schema)
	prompted := genai.NewContentFromText(prompt, genai.RoleUser)
	contents := []*genai.Content{prompted}
	var rejected error
	for round := 1; round <= invalidOutputRounds; round++ {
		ans, err := c.generate(ctx, o.model, contents, gcfg)
		if err != nil {
			return err
		}
		if rejected = ans.invalid; rejected == nil {
			if rejected = t.fill(ans.text, schema); rejected == nil {
				return nil
			}
		}
		c.log.Warn("gemini output rejected", "model", o.model, "round", round, "reason", rejected.Error())
		contents = retryContents(prompted, ans, rejected)
	}
	return &Error{Code: CodeInvalidOutput, Message: "the AI model did not return a valid answer", Err: rejected}
}

func (c *Client) contentConfig(system string, schema *genai.Schema) *genai.GenerateContentConfig {
	gcfg := &genai.GenerateContentConfig{
		ResponseMIMEType: "application/json",
		ResponseSchema:   schema,
		Temperature:      c.cfg.Temperature,
		MaxOutputTokens:  c.cfg.MaxOutputTokens,
	}
	if system != "" {
		gcfg.SystemInstruction = &genai.Content{Parts: []*genai.Part{{Text: system}}}
	}
	return gcfg
}

// retryContents shows the model its rejected answer and why, when there is
// a whole answer to show; a cut or empty one is simply asked for again.
func retryContents(prompted *genai.Content, ans answer, why error) []*genai.Content {
	if ans.invalid != nil || ans.text == "" {
		return []*genai.Content{prompted}
	}
	return []*genai.Content{
		prompted,
		genai.NewContentFromText(ans.text, genai.RoleModel),
		genai.NewContentFromText("Your previous answer was rejected: "+why.Error()+
			". Answer the original request again with only a JSON value that satisfies the response schema.", genai.RoleUser),
	}
}

// answer is the text of one model reply; invalid says why it cannot be used
// even before decoding (cut at the token limit, no candidate).
type answer struct {
	text    string
	invalid error
}

// generate makes one logical call, retrying transient failures.
func (c *Client) generate(ctx context.Context, model string, contents []*genai.Content, gcfg *genai.GenerateContentConfig) (answer, error) {
	for attempt := 1; ; attempt++ {
		start := time.Now()
		resp, err := c.attempt(ctx, model, contents, gcfg)
		if err == nil {
			c.logDone(model, attempt, start, resp)
			return readAnswer(resp)
		}
		if ctx.Err() != nil {
			return answer{}, fmt.Errorf("gemini generate: %w", ctx.Err())
		}
		aerr := classify(err, c.cfg.APIKey)
		wait, ok := c.retryWait(ctx, aerr, attempt)
		if !ok {
			return answer{}, aerr
		}
		c.log.Warn("gemini call failed, retrying", "model", model, "attempt", attempt,
			"code", aerr.Code, "status", aerr.Status, "wait_ms", wait.Milliseconds())
		if err := sleep(ctx, wait); err != nil {
			return answer{}, fmt.Errorf("gemini generate: %w", err)
		}
	}
}

func (c *Client) attempt(ctx context.Context, model string, contents []*genai.Content, gcfg *genai.GenerateContentConfig) (*genai.GenerateContentResponse, error) {
	actx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	return c.gc.Models.GenerateContent(actx, model, contents, gcfg)
}

func (c *Client) logDone(model string, attempt int, start time.Time, resp *genai.GenerateContentResponse) {
	var in, out int32
	if u := resp.UsageMetadata; u != nil {
		in, out = u.PromptTokenCount, u.CandidatesTokenCount
	}
	c.log.Debug("gemini generate", "model", model, "attempt", attempt,
		"duration_ms", time.Since(start).Milliseconds(), "prompt_tokens", in, "output_tokens", out)
}

// retryWait says whether and how long to wait before another attempt.
func (c *Client) retryWait(ctx context.Context, e *Error, attempt int) (time.Duration, bool) {
	if !e.transient() || attempt >= c.cfg.MaxAttempts || e.RetryAfter > c.cfg.MaxRetryWait {
		return 0, false
	}
	wait := e.RetryAfter
	if wait == 0 {
		wait = c.cfg.RetryBase << (attempt - 1)
		wait = wait/2 + rand.N(wait) // jitter in [0.5, 1.5)
		wait = min(wait, c.cfg.MaxRetryWait)
	}
	if d, ok := ctx.Deadline(); ok && time.Until(d) < wait {
		return 0, false
	}
	return wait, true
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// classify maps a genai error to an *Error.
func classify(err error, key string) *Error {
	var api genai.APIError
	if errors.As(err, &api) {
		return fromAPIError(api)
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return &Error{Code: CodeUnavailable, Message: "the AI model did not answer in time", Err: err}
	}
	cause := err
	if strings.Contains(err.Error(), "deserializeUnaryResponse") {
		// The SDK quotes the whole body, i.e. model output.
		cause = errors.New("malformed response body from Gemini")
	} else if key != "" && strings.Contains(err.Error(), key) {
		cause = errors.New(redact(err.Error(), key))
	}
	return &Error{Code: CodeUnavailable, Message: "the AI model could not be reached", Err: cause}
}

func fromAPIError(api genai.APIError) *Error {
	e := &Error{Status: api.Code, Err: api}
	switch {
	case api.Code == 429:
		e.Code, e.Message, e.RetryAfter = CodeRateLimited, "the AI model's quota is exhausted", retryDelay(api)
	case api.Code == 408 || api.Code >= 500:
		e.Code, e.Message = CodeUnavailable, "the AI model is unavailable"
	case api.Code == 401 || api.Code == 403 || hasReason(api, "API_KEY_INVALID"):
		e.Code, e.Message = CodeAuthFailed, "the Gemini API key was refused"
	default:
		e.Code, e.Message = CodeRejected, "the AI model rejected the request"
	}
	return e
}

// retryDelay reads google.rpc.RetryInfo.retryDelay ("17s", "0.5s").
func retryDelay(api genai.APIError) time.Duration {
	for _, d := range api.Details {
		if d["@type"] != "type.googleapis.com/google.rpc.RetryInfo" {
			continue
		}
		if s, ok := d["retryDelay"].(string); ok {
			if v, err := time.ParseDuration(s); err == nil && v > 0 {
				return v
			}
		}
	}
	return 0
}

func hasReason(api genai.APIError, reason string) bool {
	for _, d := range api.Details {
		if d["reason"] == reason {
			return true
		}
	}
	return false
}

// blockingFinish are finish reasons that mean the answer was withheld.
var blockingFinish = map[genai.FinishReason]bool{
	genai.FinishReasonSafety: true, genai.FinishReasonRecitation: true,
	genai.FinishReasonBlocklist: true, genai.FinishReasonProhibitedContent: true,
	genai.FinishReasonSPII: true, genai.FinishReasonImageSafety: true,
}

func readAnswer(resp *genai.GenerateContentResponse) (answer, error) {
	if fb := resp.PromptFeedback; fb != nil && fb.BlockReason != "" {
		return answer{}, &Error{Code: CodeBlocked, Message: "the AI model refused the request",
			Err: fmt.Errorf("prompt blocked: %s", fb.BlockReason)}
	}
	if len(resp.Candidates) == 0 || resp.Candidates[0] == nil {
		return answer{invalid: errors.New("the response has no candidate")}, nil
	}
	cand := resp.Candidates[0]
	if blockingFinish[cand.FinishReason] {
		return answer{}, &Error{Code: CodeBlocked, Message: "the AI model withheld its answer",
			Err: fmt.Errorf("finish reason %s", cand.FinishReason)}
	}
	if cand.FinishReason == genai.FinishReasonMaxTokens {
		return answer{invalid: errors.New("the answer was cut at the output token limit")}, nil
	}
	var b strings.Builder
	if cand.Content != nil {
		for _, p := range cand.Content.Parts {
			if p != nil && !p.Thought {
				b.WriteString(p.Text)
			}
		}
	}
	if strings.TrimSpace(b.String()) == "" {
		return answer{invalid: errors.New("the answer is empty")}, nil
	}
	return answer{text: b.String()}, nil
}

// target is the caller's out pointer; fill decodes into a fresh value and
// stores it only once every check has passed.
type target struct {
	dst    reflect.Value
	checks []check
}

func newTarget(out any, checks []check) (target, error) {
	v := reflect.ValueOf(out)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return target{}, fmt.Errorf("gemini generate json: out must be a non-nil pointer, not %T", out)
	}
	for _, c := range checks {
		if !c.fits(out) {
			return target{}, fmt.Errorf("gemini generate json: a Check does not accept %T", out)
		}
	}
	return target{dst: v, checks: checks}, nil
}

func (t target) fill(text string, schema *genai.Schema) error {
	data := stripFence(text)
	generic, err := decodeOne(data)
	if err != nil {
		return err
	}
	if err := validateSchema(generic, schema); err != nil {
		return err
	}
	fresh := reflect.New(t.dst.Type().Elem())
	if err := json.Unmarshal(data, fresh.Interface()); err != nil {
		return fmt.Errorf("does not decode: %w", err)
	}
	if v, ok := fresh.Interface().(Validator); ok {
		if err := v.Validate(); err != nil {
			return err
		}
	}
	for _, c := range t.checks {
		if err := c.run(fresh.Interface()); err != nil {
			return err
		}
	}
	t.dst.Elem().Set(fresh.Elem())
	return nil
}

// stripFence removes a Markdown code fence some models wrap JSON in.
func stripFence(text string) []byte {
	s := strings.TrimSpace(text)
	if rest, ok := strings.CutPrefix(s, "```"); ok {
		rest = strings.TrimPrefix(rest, "json")
		if body, ok := strings.CutSuffix(rest, "```"); ok {
			s = strings.TrimSpace(body)
		}
	}
	return []byte(s)
}

// decodeOne decodes exactly one JSON value, numbers kept exact.
func decodeOne(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("not valid JSON: %w", err)
	}
	if len(bytes.TrimSpace(data[dec.InputOffset():])) > 0 {
		return nil, errors.New("not valid JSON: data after the value")
	}
	return v, nil
}
