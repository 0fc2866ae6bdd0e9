package geminifake_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/genai"

	"github.com/utopiahire/utopiahire/internal/ai/geminifake"
)

const testModel = "gemini-2.5-flash"

func newClient(t *testing.T, srv *geminifake.Server, key string) *genai.Client {
	t.Helper()
	c, err := genai.NewClient(context.Background(), srv.ClientConfig(key))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var reportSchema = &genai.Schema{
	Type: genai.TypeObject,
	Properties: map[string]*genai.Schema{
		"score":   {Type: genai.TypeInteger, Minimum: genai.Ptr(0.0), Maximum: genai.Ptr(100.0)},
		"summary": {Type: genai.TypeString},
		"level":   {Type: genai.TypeString, Enum: []string{"junior", "senior"}},
		"tags":    {Type: genai.TypeArray, Items: &genai.Schema{Type: genai.TypeString}, MinItems: genai.Ptr[int64](2)},
	},
	Required: []string{"score", "summary", "level", "tags"},
}

func TestGenerateContentRoundTrip(t *testing.T) {
	srv := geminifake.NewServer(t, geminifake.Options{
		Generate: geminifake.Sequence(geminifake.ReplyJSON(map[string]any{"score": 71})),
	})
	c := newClient(t, srv, "test-key")
	resp, err := c.Models.GenerateContent(context.Background(), testModel,
		genai.Text("Rate this CV."),
		&genai.GenerateContentConfig{
			SystemInstruction: genai.NewContentFromText("You are strict.", genai.RoleUser),
			ResponseMIMEType:  "application/json",
			ResponseSchema:    reportSchema,
		})
	if err != nil {
		t.Fatal(err)
	}
	if got := resp.Candidates[0].Content.Parts[0].Text; got != `{"score":71}` {
		t.Errorf("text = %q", got)
	}
	if got := resp.Candidates[0].FinishReason; got != genai.FinishReasonStop {
		t.Errorf("finish = %q", got)
	}
	if resp.UsageMetadata == nil || resp.UsageMetadata.TotalTokenCount == 0 {
		t.Errorf("usage = %+v", resp.UsageMetadata)
	}

	reqs := srv.Requests()
	if len(reqs) != 1 {
		t.Fatalf("requests = %d", len(reqs))
	}
	r := reqs[0]
	got := map[string]any{
		"model": r.Model, "version": r.APIVersion, "stream": r.Stream, "key": r.APIKey,
		"key_in_query": r.KeyInQuery, "text": r.Text(), "system": r.SystemText(),
		"mime": r.ResponseMIMEType(), "required": r.ResponseSchema().Required,
		"score_type": r.ResponseSchema().Properties["score"].Type,
	}
	want := map[string]any{
		"model": testModel, "version": "v1beta", "stream": false, "key": "test-key",
		"key_in_query": false, "text": "Rate this CV.", "system": "You are strict.",
		"mime": "application/json", "required": []string{"score", "summary", "level", "tags"},
		"score_type": genai.TypeInteger,
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("recorded request (-want +got):\n%s", d)
	}
}

func TestGenerateContentErrors(t *testing.T) {
	tests := []struct {
		name       string
		resp       geminifake.GenerateResponse
		wantCode   int
		wantStatus string
		wantDelay  string
	}{
		{"rate limited", withDelay(geminifake.Fail(429, "quota"), 17*time.Second), 429, "RESOURCE_EXHAUSTED", "17s"},
		{"internal", geminifake.Fail(500, "boom"), 500, "INTERNAL", ""},
		{"unavailable", geminifake.Fail(503, "overloaded"), 503, "UNAVAILABLE", ""},
		{"bad request", geminifake.Fail(400, "bad"), 400, "INVALID_ARGUMENT", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := geminifake.NewServer(t, geminifake.Options{Generate: geminifake.Sequence(tt.resp)})
			_, err := newClient(t, srv, "k").Models.GenerateContent(context.Background(), testModel, genai.Text("hi"), nil)
			var apiErr genai.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("err = %v, want genai.APIError", err)
			}
			if apiErr.Code != tt.wantCode || apiErr.Status != tt.wantStatus || apiErr.Message != tt.resp.ErrorMessage {
				t.Errorf("APIError = %+v", apiErr)
			}
			var delay string
			for _, d := range apiErr.Details {
				if d["@type"] == "type.googleapis.com/google.rpc.RetryInfo" {
					delay, _ = d["retryDelay"].(string)
				}
			}
			if delay != tt.wantDelay {
				t.Errorf("retryDelay = %q, want %q", delay, tt.wantDelay)
			}
		})
	}
}

func withDelay(r geminifake.GenerateResponse, d time.Duration) geminifake.GenerateResponse {
	r.RetryDelay = d
	return r
}

func TestGenerateContentRefusesWrongKey(t *testing.T) {
	srv := geminifake.NewServer(t, geminifake.Options{APIKey: "right"})
	_, err := newClient(t, srv, "wrong").Models.GenerateContent(context.Background(), testModel, genai.Text("hi"), nil)
	var apiErr genai.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != 400 || !strings.Contains(apiErr.Message, "API key not valid") {
		t.Fatalf("err = %v", err)
	}
	if len(srv.Requests()) != 0 {
		t.Error("a refused request was recorded")
	}
}

// TestRawProtocolErrors covers what the genai client never sends but a
// careless one might.
func TestRawProtocolErrors(t *testing.T) {
	srv := geminifake.NewServer(t, geminifake.Options{MaxRequestBytes: 1024})
	tests := []struct {
		name, method, path, key, body string
		wantCode                      int
		wantStatus                    string
	}{
		{"no key", "POST", "/v1beta/models/m:generateContent", "", `{"contents":[{"parts":[{"text":"x"}]}]}`, 403, "PERMISSION_DENIED"},
		{"malformed json", "POST", "/v1beta/models/m:generateContent", "k", `{"contents":`, 400, "INVALID_ARGUMENT"},
		{"no contents", "POST", "/v1beta/models/m:generateContent", "k", `{}`, 400, "INVALID_ARGUMENT"},
		{"schema without json mime", "POST", "/v1beta/models/m:generateContent", "k",
			`{"contents":[{"parts":[{"text":"x"}]}],"generationConfig":{"responseSchema":{"type":"OBJECT"}}}`, 400, "INVALID_ARGUMENT"},
		{"oversized", "POST", "/v1beta/models/m:generateContent", "k",
			`{"contents":[{"parts":[{"text":"` + strings.Repeat("a", 2048) + `"}]}]}`, 400, "INVALID_ARGUMENT"},
		{"unknown method", "POST", "/v1beta/models/m:embedContent", "k", `{}`, 404, "NOT_FOUND"},
		{"unknown path", "POST", "/v1beta/files", "k", `{}`, 404, "NOT_FOUND"},
		{"get", "GET", "/v1beta/models/m:generateContent", "k", ``, 405, "INVALID_ARGUMENT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, srv.URL()+tt.path, strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if tt.key != "" {
				req.Header.Set("x-goog-api-key", tt.key)
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			var body struct {
				Error struct {
					Code    int    `json:"code"`
					Status  string `json:"status"`
					Message string `json:"message"`
				} `json:"error"`
			}
			if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
				t.Fatalf("error body: %v", err)
			}
			if res.StatusCode != tt.wantCode || body.Error.Code != tt.wantCode || body.Error.Status != tt.wantStatus || body.Error.Message == "" {
				t.Errorf("got %d %+v, want %d %s", res.StatusCode, body.Error, tt.wantCode, tt.wantStatus)
			}
		})
	}
}

func TestKeyInQueryIsRecorded(t *testing.T) {
	srv := geminifake.NewServer(t, geminifake.Options{})
	res, err := http.Post(srv.URL()+"/v1beta/models/m:generateContent?key=legacy", "application/json",
		strings.NewReader(`{"contents":[{"parts":[{"text":"x"}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	reqs := srv.Requests()
	if res.StatusCode != 200 || len(reqs) != 1 || !reqs[0].KeyInQuery || reqs[0].APIKey != "legacy" {
		t.Fatalf("status %d, requests %+v", res.StatusCode, reqs)
	}
}

func TestStreamGenerateContent(t *testing.T) {
	srv := geminifake.NewServer(t, geminifake.Options{Generate: geminifake.Sequence(geminifake.GenerateResponse{
		Parts: []*genai.Part{{Text: `{"a":`}, {Text: `1,`}, {Text: `"b":2}`}},
	})})
	var texts []string
	var finish genai.FinishReason
	for resp, err := range newClient(t, srv, "k").Models.GenerateContentStream(context.Background(), testModel, genai.Text("go"), nil) {
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, resp.Candidates[0].Content.Parts[0].Text)
		if resp.Candidates[0].FinishReason != "" {
			finish = resp.Candidates[0].FinishReason
		}
	}
	if d := cmp.Diff([]string{`{"a":`, `1,`, `"b":2}`}, texts); d != "" {
		t.Errorf("chunks (-want +got):\n%s", d)
	}
	if finish != genai.FinishReasonStop {
		t.Errorf("finish = %q", finish)
	}
	if r := srv.Requests(); len(r) != 1 || !r[0].Stream {
		t.Errorf("requests = %+v", r)
	}
}

func TestDelayHonoursClientTimeout(t *testing.T) {
	srv := geminifake.NewServer(t, geminifake.Options{Generate: func(context.Context, *geminifake.GenerateRequest) geminifake.GenerateResponse {
		return geminifake.GenerateResponse{Text: "late", Delay: time.Minute}
	}})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := newClient(t, srv, "k").Models.GenerateContent(ctx, testModel, genai.Text("hi"), nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded", err)
	}
	if time.Since(start) > 10*time.Second {
		t.Error("the delayed reply did not end with the client's deadline")
	}
}

func TestMaxOutputTokensTruncates(t *testing.T) {
	srv := geminifake.NewServer(t, geminifake.Options{Generate: geminifake.Sequence(geminifake.Reply(strings.Repeat("abcd", 50)))})
	resp, err := newClient(t, srv, "k").Models.GenerateContent(context.Background(), testModel, genai.Text("hi"),
		&genai.GenerateContentConfig{MaxOutputTokens: 10})
	if err != nil {
		t.Fatal(err)
	}
	c := resp.Candidates[0]
	if c.FinishReason != genai.FinishReasonMaxTokens || len(c.Content.Parts[0].Text) != 40 {
		t.Errorf("finish %q, text length %d", c.FinishReason, len(c.Content.Parts[0].Text))
	}
}

func TestBlockedPrompt(t *testing.T) {
	srv := geminifake.NewServer(t, geminifake.Options{Generate: geminifake.Sequence(geminifake.GenerateResponse{BlockReason: genai.BlockedReasonSafety})})
	resp, err := newClient(t, srv, "k").Models.GenerateContent(context.Background(), testModel, genai.Text("hi"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Candidates) != 0 || resp.PromptFeedback == nil || resp.PromptFeedback.BlockReason != genai.BlockedReasonSafety {
		t.Errorf("resp = %+v", resp)
	}
}

func TestSchemaReplySatisfiesSchema(t *testing.T) {
	srv := geminifake.NewServer(t, geminifake.Options{})
	resp, err := newClient(t, srv, "k").Models.GenerateContent(context.Background(), testModel, genai.Text("hi"),
		&genai.GenerateContentConfig{ResponseMIMEType: "application/json", ResponseSchema: reportSchema})
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(resp.Candidates[0].Content.Parts[0].Text), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"score": 0.0, "summary": "example", "level": "junior", "tags": []any{"example", "example"}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("example (-want +got):\n%s", d)
	}
}

func TestSequenceExhaustedFailsLoudly(t *testing.T) {
	srv := geminifake.NewServer(t, geminifake.Options{Generate: geminifake.Sequence(geminifake.Reply("one"))})
	c := newClient(t, srv, "k")
	if _, err := c.Models.GenerateContent(context.Background(), testModel, genai.Text("1"), nil); err != nil {
		t.Fatal(err)
	}
	_, err := c.Models.GenerateContent(context.Background(), testModel, genai.Text("2"), nil)
	var apiErr genai.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != 500 || !strings.Contains(apiErr.Message, "script exhausted") {
		t.Fatalf("err = %v", err)
	}
}

func TestConcurrentRequestsAreAllRecorded(t *testing.T) {
	srv := geminifake.NewServer(t, geminifake.Options{})
	c := newClient(t, srv, "k")
	const n = 20
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			_, err := c.Models.GenerateContent(context.Background(), testModel, genai.Text(fmt.Sprint(i)), nil)
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	seen := map[string]bool{}
	for _, r := range srv.Requests() {
		seen[r.Text()] = true
	}
	if len(seen) != n {
		t.Errorf("recorded %d distinct requests, want %d", len(seen), n)
	}
}
