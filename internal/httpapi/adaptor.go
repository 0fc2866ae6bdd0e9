package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

// fiberHandler serves the fiber app on net/http like fiber's
// adaptor.FiberApp, except that a streamed response body (SendStream) is
// copied to the client as it is produced instead of being read whole into
// memory first, and a stream that fails midway aborts the connection, so
// the client sees a broken response rather than a short one that ends
// normally.
func fiberHandler(app *fiber.App) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		req := fasthttp.AcquireRequest()
		defer fasthttp.ReleaseRequest(req)
		if r.Body != nil {
			n, err := io.Copy(req.BodyWriter(), r.Body)
			req.Header.SetContentLength(int(n))
			if err != nil {
				http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
				return
			}
		}
		req.Header.SetMethod(r.Method)
		req.SetRequestURI(r.RequestURI)
		req.SetHost(r.Host)
		req.Header.SetHost(r.Host)
		for key, val := range r.Header {
			for _, v := range val {
				req.Header.Set(key, v)
			}
		}
		remote := r.RemoteAddr
		var addrErr *net.AddrError
		if _, _, err := net.SplitHostPort(remote); errors.As(err, &addrErr) && addrErr.Err == "missing port in address" {
			remote = net.JoinHostPort(remote, "80")
		}
		remoteAddr, err := net.ResolveTCPAddr("tcp", remote)
		if err != nil {
			http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
			return
		}
		var fctx fasthttp.RequestCtx
		fctx.Init(req, remoteAddr, nil)
		// Handlers work under the net/http request's context, which ends
		// when the client goes away (see clientContext).
		fctx.SetUserValue(requestContextKey{}, r.Context())
		// Per request, as fiber's adaptor does: routes added later (tests) are served.
		app.Handler()(&fctx)

		if !fctx.Response.IsBodyStream() {
			copyHeaders(w, &fctx.Response.Header, false)
			w.WriteHeader(fctx.Response.StatusCode())
			_, _ = w.Write(fctx.Response.Body())
			return
		}
		defer func() { _ = fctx.Response.CloseBodyStream() }()
		stream := fctx.Response.BodyStream()
		// Until the first byte the response can still be an ordinary error.
		first := make([]byte, 32<<10)
		n, err := io.ReadAtLeast(stream, first, 1)
		if err != nil && !errors.Is(err, io.EOF) {
			copyHeaders(w, &fctx.Response.Header, true)
			w.Header().Del(fiber.HeaderContentDisposition)
			w.Header().Set(fiber.HeaderContentType, fiber.MIMEApplicationJSON)
			w.WriteHeader(http.StatusInternalServerError)
			_ = json.NewEncoder(w).Encode(errorBody{Detail: "Something went wrong on our side.", Code: "internal",
				RequestID: string(fctx.Response.Header.Peek(fiber.HeaderXRequestID))})
			return
		}
		copyHeaders(w, &fctx.Response.Header, true)
		w.WriteHeader(fctx.Response.StatusCode())
		if _, err := w.Write(first[:n]); err != nil {
			panic(http.ErrAbortHandler)
		}
		if _, err := io.Copy(w, stream); err != nil {
			// The producer failed (it logged why) or the client left:
			// abort, so the response has no proper end.
			panic(http.ErrAbortHandler)
		}
	}
}

// requestContextKey holds the net/http request's context among the fasthttp
// request's user values.
type requestContextKey struct{}

// clientContext makes the net/http request's context the handlers' context
// (c.UserContext()). net/http cancels it when the client's connection
// closes, so work done for a client that left (an extraction, an OCR, a
// query) stops; Fiber's own context is never cancelled. Requests served
// without the net/http front (fiber's app.Test) keep Fiber's default.
func clientContext(c *fiber.Ctx) error {
	if ctx, ok := c.Context().UserValue(requestContextKey{}).(context.Context); ok {
		c.SetUserContext(ctx)
	}
	return c.Next()
}

// copyHeaders copies the fiber response's headers; a streamed body's
// length and framing are net/http's to set (chunked).
func copyHeaders(w http.ResponseWriter, h *fasthttp.ResponseHeader, streamed bool) {
	h.VisitAll(func(k, v []byte) {
		key := string(k)
		if streamed && (key == fiber.HeaderContentLength || key == fiber.HeaderTransferEncoding) {
			return
		}
		w.Header().Add(key, string(v))
	})
}
