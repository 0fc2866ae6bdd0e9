package ai_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/genai"

	"github.com/utopiahire/utopiahire/internal/ai"
	"github.com/utopiahire/utopiahire/internal/ai/geminifake"
)

const (
	secretKey    = "AIzaSy-test-secret-key-0123456789"
	secretPrompt = "Jeanne Dupont, 12 rue des Lilas, jeanne@example.org"
	secretSystem = "You are a strict CV reviewer."
)

type verdict struct {
	Score   int      `json:"score"`
	Summary string   `json:"summary"`
	Tags    []string `json:"tags"`
}

var verdictSchema = &genai.Schema{
	Type: genai.TypeObject,
	Properties: map[string]*genai.Schema{
		"score":   {Type: genai.TypeInteger, Minimum: genai.Ptr(0.0), Maximum: genai.Ptr(100.0)},
		"summary": {Type: genai.TypeString, MinLength: genai.Ptr[int64](1)},
		"tags":    {Type: genai.TypeArray, Items: &genai.Schema{Type: genai.TypeString}},
	},
	Required: []string{"score", "summary", "tags"},
}

var good = geminifake.ReplyJSON(verdict{Score: 72, Summary: "solid", Tags: []string{"go"}})

// fixture is a client wired to a fake, with the log captured.
type fixture struct {
	srv    *geminifake.Server
	client *ai.Client
	logs   *syncBuffer
}

func newFixture(t *testing.T, h geminifake.GenerateHandler, tweak func(*ai.Config)) fixture {
	t.Helper()
	srv := geminifake.NewServer(t, geminifake.Options{APIKey: secretKey, Generate: h})
	logs := &syncBuffer{}
	cfg := ai.Config{
		APIKey:       secretKey,
		BaseURL:      srv.URL(),
		Timeout:      5 * time.Second,
		RetryBase:    time.Millisecond,
		MaxRetryWait: time.Second,
		Logger:       slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	if tweak != nil {
		tweak(&cfg)
	}
	c, err := ai.NewClient(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	f := fixture{srv: srv, client: c, logs: logs}
	t.Cleanup(func() { f.assertNoSecretsLogged(t) })
	return f
}

func (f fixture) assertNoSecretsLogged(t *testing.T) {
	t.Helper()
	logged := f.logs.String()
	for _, secret := range []string{secretKey, secretPrompt, secretSystem, "Jeanne"} {
		if strings.Contains(logged, secret) {
			t.Errorf("log contains %q:\n%s", secret, logged)
		}
	}
}

func (f fixture) generate(ctx context.Context, out *verdict, opts ...ai.Option) error {
	return f.client.GenerateJSON(ctx, secretSystem, secretPrompt, verdictSchema, out, opts...)
}

func TestGenerateJSONSendsStructuredOutputRequest(t *testing.T) {
	f := newFixture(t, geminifake.Sequence(good), nil)
	var got verdict
	if err := f.generate(context.Background(), &got); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(verdict{Score: 72, Summary: "solid", Tags: []string{"go"}}, got); d != "" {
		t.Errorf("decoded (-want +got):\n%s", d)
	}
	r := f.srv.Requests()[0]
	if r.Model != ai.DefaultModel || r.ResponseMIMEType() != "application/json" || r.SystemText() != secretSystem ||
		r.Text() != secretPrompt || r.KeyInQuery || r.APIKey != secretKey {
		t.Errorf("request: model %q mime %q system %q text %q key-in-query %v", r.Model, r.ResponseMIMEType(), r.SystemText(), r.Text(), r.KeyInQuery)
	}
	if d := cmp.Diff(verdictSchema.Required, r.ResponseSchema().Required); d != "" {
		t.Errorf("schema sent (-want +got):\n%s", d)
	}
}

func TestGenerateJSONInvalidOutput(t *testing.T) {
	tests := []struct {
		name     string
		first    geminifake.GenerateResponse
		second   geminifake.GenerateResponse
		wantCode string
		// wantCorrection: the retry shows the model its answer and why.
		wantCorrection string
	}{
		{"not json then valid", geminifake.Reply("Sure! Here is the JSON"), good, "", "not valid JSON"},
		{"missing field then valid", geminifake.ReplyJSON(map[string]any{"score": 3, "tags": []string{}}), good, "", `missing required property "summary"`},
		{"out of range then valid", geminifake.ReplyJSON(verdict{Score: 140, Summary: "x", Tags: []string{}}), good, "", "above the maximum 100"},
		{"wrong type then valid", geminifake.ReplyJSON(map[string]any{"score": "high", "summary": "x", "tags": []string{}}), good, "", "want a number"},
		{"two values then valid", geminifake.Reply(`{"score":1,"summary":"a","tags":[]} {}`), good, "", "data after the value"},
		{"truncated then valid", geminifake.GenerateResponse{Text: `{"score": 7`, FinishReason: genai.FinishReasonMaxTokens}, good, "", ""},
		{"empty then valid", geminifake.Reply(""), good, "", ""},
		{"fenced is accepted", geminifake.Reply("```json\n" + `{"score":72,"summary":"solid","tags":["go"]}` + "\n```"), good, "", "-"},
		{"invalid twice", geminifake.Reply("nope"), geminifake.Reply("{"), ai.CodeInvalidOutput, "not valid JSON"},
		{"schema violation twice", geminifake.ReplyJSON(map[string]any{}), geminifake.ReplyJSON(map[string]any{"score": -1}), ai.CodeInvalidOutput, "missing required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, geminifake.Sequence(tt.first, tt.second), nil)
			got := verdict{Summary: "untouched"}
			err := f.generate(context.Background(), &got)
			if ai.CodeOf(err) != tt.wantCode {
				t.Fatalf("err = %v, want code %q", err, tt.wantCode)
			}
			reqs := f.srv.Requests()
			if tt.wantCorrection == "-" {
				if len(reqs) != 1 {
					t.Errorf("requests = %d, want 1", len(reqs))
				}
				return
			}
			if tt.wantCode != "" {
				if got.Summary != "untouched" {
					t.Errorf("invalid output reached the caller: %+v", got)
				}
			} else if got.Score != 72 {
				t.Errorf("got %+v", got)
			}
			if len(reqs) != 2 {
				t.Fatalf("requests = %d, want 2", len(reqs))
			}
			retry := reqs[1].Contents
			if tt.wantCorrection == "" {
				if len(retry) != 1 {
					t.Errorf("retry after a cut/empty answer has %d contents, want the prompt alone", len(retry))
				}
				return
			}
			if len(retry) != 3 || retry[1].Role != genai.RoleModel || !strings.Contains(retry[2].Parts[0].Text, tt.wantCorrection) {
				t.Errorf("retry contents do not explain %q: %s", tt.wantCorrection, reqs[1].Body)
			}
		})
	}
}

type checkedVerdict struct {
	verdict
}

func (v *checkedVerdict) Validate() error {
	if len(v.Tags) == 0 {
		return errors.New("tags: at least one tag is required")
	}
	return nil
}

func TestGenerateJSONCallerValidation(t *testing.T) {
	noTags := geminifake.ReplyJSON(verdict{Score: 5, Summary: "s", Tags: []string{}})

	t.Run("validator interface", func(t *testing.T) {
		f := newFixture(t, geminifake.Sequence(noTags, good), nil)
		var got checkedVerdict
		if err := f.client.GenerateJSON(context.Background(), "", "p", verdictSchema, &got); err != nil {
			t.Fatal(err)
		}
		if got.Score != 72 || len(f.srv.Requests()) != 2 {
			t.Errorf("got %+v after %d requests", got, len(f.srv.Requests()))
		}
	})
	t.Run("check option rejects twice", func(t *testing.T) {
		f := newFixture(t, geminifake.Sequence(good, good), nil)
		var got verdict
		err := f.generate(context.Background(), &got, ai.Check(func(v *verdict) error {
			if v.Score < 80 {
				return fmt.Errorf("score %d below the bar", v.Score)
			}
			return nil
		}))
		var aerr *ai.Error
		if !errors.As(err, &aerr) || aerr.Code != ai.CodeInvalidOutput || !strings.Contains(aerr.Err.Error(), "below the bar") {
			t.Fatalf("err = %v", err)
		}
		if got.Score != 0 {
			t.Errorf("rejected value reached the caller: %+v", got)
		}
	})
	t.Run("check of the wrong type is a programming error", func(t *testing.T) {
		f := newFixture(t, geminifake.Sequence(), nil)
		var got verdict
		err := f.generate(context.Background(), &got, ai.Check(func(*checkedVerdict) error { return nil }))
		if err == nil || ai.CodeOf(err) != "" || len(f.srv.Requests()) != 0 {
			t.Fatalf("err = %v after %d requests", err, len(f.srv.Requests()))
		}
	})
}

func TestGenerateJSONTransientFailures(t *testing.T) {
	rateLimited := geminifake.Fail(429, "Resource has been exhausted")
	rateLimited.RetryDelay = 20 * time.Millisecond
	longWait := geminifake.Fail(429, "quota")
	longWait.RetryDelay = time.Hour
	tests := []struct {
		name       string
		script     []geminifake.GenerateResponse
		wantCode   string
		wantStatus int
		wantCalls  int
	}{
		{"429 then success", []geminifake.GenerateResponse{rateLimited, good}, "", 0, 2},
		{"503 then 500 then success", []geminifake.GenerateResponse{geminifake.Fail(503, "overloaded"), geminifake.Fail(500, "internal"), good}, "", 0, 3},
		{"429 three times", []geminifake.GenerateResponse{rateLimited, rateLimited, rateLimited}, ai.CodeRateLimited, 429, 3},
		{"503 three times", []geminifake.GenerateResponse{geminifake.Fail(503, "x"), geminifake.Fail(503, "x"), geminifake.Fail(503, "x")}, ai.CodeUnavailable, 503, 3},
		{"429 asking for an hour", []geminifake.GenerateResponse{longWait}, ai.CodeRateLimited, 429, 1},
		{"400 is not retried", []geminifake.GenerateResponse{geminifake.Fail(400, "bad schema")}, ai.CodeRejected, 400, 1},
		{"404 unknown model", []geminifake.GenerateResponse{geminifake.Fail(404, "models/x is not found")}, ai.CodeRejected, 404, 1},
		{"403 permission", []geminifake.GenerateResponse{geminifake.Fail(403, "denied")}, ai.CodeAuthFailed, 403, 1},
		{"prompt blocked", []geminifake.GenerateResponse{{BlockReason: genai.BlockedReasonSafety}}, ai.CodeBlocked, 0, 1},
		{"answer withheld", []geminifake.GenerateResponse{{Text: "x", FinishReason: genai.FinishReasonSafety}}, ai.CodeBlocked, 0, 1},
		{"malformed body", []geminifake.GenerateResponse{{RawBody: []byte("{not json")}, good}, "", 0, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, geminifake.Sequence(tt.script...), nil)
			var got verdict
			err := f.generate(context.Background(), &got)
			var aerr *ai.Error
			if tt.wantCode == "" {
				if err != nil {
					t.Fatal(err)
				}
			} else if !errors.As(err, &aerr) || aerr.Code != tt.wantCode || aerr.Status != tt.wantStatus {
				t.Fatalf("err = %v, want %s/%d", err, tt.wantCode, tt.wantStatus)
			}
			if n := len(f.srv.Requests()); n != tt.wantCalls {
				t.Errorf("calls = %d, want %d", n, tt.wantCalls)
			}
			if tt.name == "429 asking for an hour" && aerr.RetryAfter != time.Hour {
				t.Errorf("RetryAfter = %v", aerr.RetryAfter)
			}
		})
	}
}

func TestGenerateJSONTimeout(t *testing.T) {
	slow := geminifake.GenerateResponse{Text: "{}", Delay: time.Minute}
	f := newFixture(t, geminifake.Sequence(slow, slow), func(c *ai.Config) {
		c.Timeout = 100 * time.Millisecond
		c.MaxAttempts = 2
	})
	start := time.Now()
	var got verdict
	err := f.generate(context.Background(), &got)
	if ai.CodeOf(err) != ai.CodeUnavailable || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
	if n := len(f.srv.Requests()); n != 2 {
		t.Errorf("calls = %d, want 2", n)
	}
	if el := time.Since(start); el > 10*time.Second {
		t.Errorf("took %v: the per-attempt timeout was not applied", el)
	}
}

func TestGenerateJSONTimeoutThenSuccess(t *testing.T) {
	f := newFixture(t, geminifake.Sequence(geminifake.GenerateResponse{Text: "{}", Delay: time.Minute}, good),
		func(c *ai.Config) { c.Timeout = 100 * time.Millisecond })
	var got verdict
	if err := f.generate(context.Background(), &got); err != nil || got.Score != 72 {
		t.Fatalf("err = %v, got %+v", err, got)
	}
}

func TestGenerateJSONCallerContext(t *testing.T) {
	f := newFixture(t, geminifake.Sequence(geminifake.GenerateResponse{Text: "{}", Delay: time.Minute}), nil)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	var got verdict
	err := f.generate(ctx, &got)
	if !errors.Is(err, context.Canceled) || ai.CodeOf(err) != "" {
		t.Fatalf("err = %v, want the caller's cancellation", err)
	}
}

func TestGenerateJSONServerDown(t *testing.T) {
	f := newFixture(t, geminifake.Sequence(), nil)
	f.srv.Close()
	var got verdict
	err := f.generate(context.Background(), &got)
	if ai.CodeOf(err) != ai.CodeUnavailable {
		t.Fatalf("err = %v", err)
	}
}

func TestGenerateJSONWrongKey(t *testing.T) {
	srv := geminifake.NewServer(t, geminifake.Options{APIKey: "the-right-key"})
	c, err := ai.NewClient(context.Background(), ai.Config{APIKey: secretKey, BaseURL: srv.URL()})
	if err != nil {
		t.Fatal(err)
	}
	var got verdict
	err = c.GenerateJSON(context.Background(), "", "p", verdictSchema, &got)
	if ai.CodeOf(err) != ai.CodeAuthFailed || strings.Contains(err.Error(), secretKey) {
		t.Fatalf("err = %v", err)
	}
}

func TestGenerateJSONConcurrent(t *testing.T) {
	f := newFixture(t, nil, nil) // default fake handler answers from the schema
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for range 16 {
		wg.Go(func() {
			var got verdict
			errs <- f.generate(context.Background(), &got)
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if n := len(f.srv.Requests()); n != 16 {
		t.Errorf("calls = %d", n)
	}
}

func TestGenerateJSONBadArguments(t *testing.T) {
	f := newFixture(t, geminifake.Sequence(), nil)
	var v verdict
	for name, call := range map[string]func() error{
		"nil out":     func() error { return f.client.GenerateJSON(context.Background(), "", "p", verdictSchema, nil) },
		"non-pointer": func() error { return f.client.GenerateJSON(context.Background(), "", "p", verdictSchema, v) },
		"nil schema":  func() error { return f.client.GenerateJSON(context.Background(), "", "p", nil, &v) },
	} {
		if err := call(); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if len(f.srv.Requests()) != 0 {
		t.Error("a bad call reached Gemini")
	}
}

func TestNewClient(t *testing.T) {
	tests := []struct {
		name     string
		cfg      ai.Config
		wantCode string
		wantErr  bool
	}{
		{"no key", ai.Config{}, ai.CodeNotConfigured, true},
		{"blank key", ai.Config{APIKey: "  "}, ai.CodeNotConfigured, true},
		{"relative base", ai.Config{APIKey: "k", BaseURL: "localhost:1234"}, "", true},
		{"ftp base", ai.Config{APIKey: "k", BaseURL: "ftp://127.0.0.1"}, "", true},
		{"google default", ai.Config{APIKey: "k"}, "", false},
		{"ws base", ai.Config{APIKey: "k", BaseURL: "ws://127.0.0.1:9"}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ai.NewClient(context.Background(), tt.cfg)
			if (err != nil) != tt.wantErr || ai.CodeOf(err) != tt.wantCode {
				t.Fatalf("err = %v", err)
			}
			if err == nil && (c.Model() != ai.DefaultModel || c.LiveModel() != ai.DefaultLiveModel) {
				t.Errorf("models %q %q", c.Model(), c.LiveModel())
			}
		})
	}
}

func TestClientConfigs(t *testing.T) {
	tests := []struct{ base, rest, live string }{
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080", "ws://127.0.0.1:8080"},
		{"https://proxy.example/gemini", "https://proxy.example/gemini", "wss://proxy.example/gemini"},
		{"ws://127.0.0.1:8080", "http://127.0.0.1:8080", "ws://127.0.0.1:8080"},
		{"", "", ""},
	}
	for _, tt := range tests {
		cfg := ai.Config{APIKey: "k", BaseURL: tt.base}
		rest, live := cfg.RESTClientConfig(), cfg.LiveClientConfig()
		if rest.HTTPOptions.BaseURL != tt.rest || live.HTTPOptions.BaseURL != tt.live ||
			live.HTTPOptions.APIVersion != ai.DefaultAPIVersion || live.Backend != genai.BackendGeminiAPI {
			t.Errorf("%q: rest %q live %+v", tt.base, rest.HTTPOptions.BaseURL, live.HTTPOptions)
		}
	}
}

// syncBuffer is a bytes.Buffer safe for the concurrent writes of slog.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
