package web

import (
	"bytes"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
)

// entryPaths are the URLs that answer with index.html. Everything in the app
// lives behind the fragment (/#/jobs); these also take path forms because
// links in e-mails and OAuth redirects may be written that way.
var entryPaths = map[string]bool{
	"/":               true,
	"/index.html":     true,
	"/verify-email":   true,
	"/oauth/callback": true,
	"/reset-password": true,
}

// Handler serves the embedded bundle: GET and HEAD only; hashed assets
// cached for a year, index.html revalidated on every load; gzip when the
// browser accepts it. Unknown paths get a JSON 404 like the API's, so it can
// be mounted as the server's fallback after the API routes.
func Handler() http.Handler { return &handler{fsys: Assets()} }

type handler struct{ fsys fs.FS }

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", "Only GET and HEAD are served here.")
		return
	}
	name, cache := h.resolve(r.URL.Path)
	if name == "" {
		writeError(w, http.StatusNotFound, "not_found", "No such page or file.")
		return
	}
	body, gzipped := h.read(name, acceptsGzip(r))
	if body == nil {
		writeError(w, http.StatusNotFound, "not_found", "No such page or file.")
		return
	}
	hdr := w.Header()
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	hdr.Set("Content-Type", ctype)
	hdr.Set("Cache-Control", cache)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Add("Vary", "Accept-Encoding")
	if gzipped {
		hdr.Set("Content-Encoding", "gzip")
	}
	// The modification time is unknown inside an embed.FS; ServeContent
	// still answers Range requests. ETag: the content hash for assets is in
	// the name, and index.html is small.
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// resolve maps a URL path to a file name in the bundle and its cache policy,
// or "" when nothing should be served.
func (h *handler) resolve(p string) (name, cache string) {
	if entryPaths[p] {
		return "index.html", "no-cache"
	}
	name = strings.TrimPrefix(path.Clean(p), "/")
	if name == "" || strings.HasSuffix(name, ".gz") || !fs.ValidPath(name) {
		return "", ""
	}
	if strings.HasPrefix(name, "assets/") {
		return name, "public, max-age=31536000, immutable"
	}
	return name, "public, max-age=3600"
}

// read returns the file's bytes, preferring the .gz twin when allowed.
func (h *handler) read(name string, gz bool) ([]byte, bool) {
	if gz {
		if b, err := fs.ReadFile(h.fsys, name+".gz"); err == nil {
			return b, true
		}
	}
	b, err := fs.ReadFile(h.fsys, name)
	if err != nil {
		return nil, false
	}
	return b, false
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(enc), "gzip") {
			continue
		}
		q, found := strings.CutPrefix(strings.ReplaceAll(params, " ", ""), "q=")
		if !found {
			return true
		}
		v, err := strconv.ParseFloat(q, 64)
		return err == nil && v > 0
	}
	return false
}

func writeError(w http.ResponseWriter, status int, code, detail string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(`{"detail":` + strconv.Quote(detail) + `,"code":"` + code + `"}`))
}
