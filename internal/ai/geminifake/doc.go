// Package geminifake is a local Gemini API server for tests: it speaks the
// real generateContent protocol over a real loopback socket, so the real
// google.golang.org/genai client (and the code built on it) runs unchanged.
//
// # generateContent
//
// POST /{version}/models/{model}:generateContent and
// :streamGenerateContent?alt=sse, authenticated by the x-goog-api-key header
// (or the legacy ?key=). Each request is decoded (contents,
// systemInstruction, generationConfig with responseMimeType and
// responseSchema, tools, safety settings), recorded, and answered by a
// scriptable GenerateHandler:
//
//	srv := geminifake.NewServer(t, geminifake.Options{
//		Generate: geminifake.Sequence(
//			geminifake.Fail(429, "quota"),             // Google error JSON
//			geminifake.Reply("not json"),              // plain text candidate
//			geminifake.ReplyJSON(map[string]any{"score": 80}),
//		),
//	})
//	client, _ := genai.NewClient(ctx, srv.ClientConfig("any-key"))
//	// ... later: srv.Requests()[0].ResponseSchema()
//
// Replies carry one candidate (role "model") with finishReason STOP unless
// set, and usageMetadata estimated at four characters a token. Like the real
// model, generationConfig.maxOutputTokens cuts the output and turns the
// finish reason into MAX_TOKENS. Errors use the Google shape
// {"error":{"code","message","status","details"}}; a 429 with RetryDelay adds
// a google.rpc.RetryInfo detail. Requests without a key get 403, a wrong key
// (when Options.APIKey is set) 400 API_KEY_INVALID, malformed or empty bodies
// 400, oversized bodies 400, other paths 404.
//
// The default handler, SchemaReply, answers a value that satisfies the
// request's responseSchema, so a whole process can run against the fake.
package geminifake
