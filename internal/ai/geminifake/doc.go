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
// # Live (BidiGenerateContent)
//
// GET /ws/google.ai.generativelanguage.{version}.GenerativeService.BidiGenerateContent
// upgrades to a WebSocket speaking the Live protocol: setup → setupComplete,
// realtimeInput (16 kHz PCM audio, text, audioStreamEnd), clientContent,
// toolResponse; server messages (JSON in binary frames) serverContent with
// modelTurn inlineData audio at 24 kHz, inputTranscription,
// outputTranscription, interrupted, generationComplete, turnComplete;
// toolCall; goAway (then the server closes); sessionResumptionUpdate with
// handles that a later setup resumes from. An energy voice-activity detector
// (setup's silenceDurationMs) finds the user's turns and barge-ins. Point
// genai at it with Server.LiveClientConfig (ws:// base URL, API version
// set). Conversation plays a scripted interview whose position survives
// reconnects; LiveHandler scripts anything else.
//
// The default handler, SchemaReply, answers a value that satisfies the
// request's responseSchema, so a whole process can run against the fake.
package geminifake
