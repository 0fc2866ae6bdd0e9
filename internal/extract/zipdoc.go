package extract

import (
	"archive/zip"
	"bytes"
	"io"
	"sort"
	"strings"
)

// zipDoc is a DOCX or ODT container opened under the extractor's limits.
type zipDoc struct {
	files  map[string]*zip.File
	budget int64 // bytes that may still be inflated
	limits Limits
}

func (e *Extractor) openZip(data []byte, what string) (*zipDoc, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, refuseErr(CodeTruncatedFile, err, "the %s's ZIP container is truncated or damaged", what)
	}
	if len(zr.File) > e.limits.MaxZipEntries {
		return nil, refuse(CodeDecompressionBomb, "the %s has %d internal parts; the limit is %d", what, len(zr.File), e.limits.MaxZipEntries)
	}
	var declared uint64
	files := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		declared += f.UncompressedSize64
		files[f.Name] = f
	}
	if declared > uint64(e.limits.MaxDecompressed) {
		return nil, refuse(CodeDecompressionBomb, "the %s expands to %s when unpacked; the limit is %s (a zip bomb?)",
			what, humanBytes(int64(min(declared, 1<<62))), humanBytes(e.limits.MaxDecompressed))
	}
	return &zipDoc{files: files, budget: e.limits.MaxDecompressed, limits: e.limits}, nil
}

// read inflates one part, charging its real size (declared sizes can lie)
// to the budget. A missing part returns nil, nil.
func (z *zipDoc) read(name string) ([]byte, error) {
	f := z.files[name]
	if f == nil {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, refuseErr(CodeMalformedFile, err, "a part of the document cannot be opened")
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, z.budget+1))
	if err != nil {
		return nil, refuseErr(CodeMalformedFile, err, "a part of the document is damaged")
	}
	z.budget -= int64(len(b))
	if z.budget < 0 {
		return nil, refuse(CodeDecompressionBomb, "the document expands beyond %s when unpacked (a zip bomb?)", humanBytes(z.limits.MaxDecompressed))
	}
	return b, nil
}

// names returns part names with the prefix and suffix, sorted.
func (z *zipDoc) names(prefix, suffix string) []string {
	var out []string
	for n := range z.files {
		if strings.HasPrefix(n, prefix) && strings.HasSuffix(n, suffix) {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

type linkSet struct {
	seen map[string]bool
	list []string
}

func (l *linkSet) add(u string) {
	u = strings.TrimSpace(u)
	if u == "" || strings.HasPrefix(u, "#") {
		return
	}
	if l.seen == nil {
		l.seen = map[string]bool{}
	}
	if !l.seen[u] {
		l.seen[u] = true
		l.list = append(l.list, u)
	}
}

// dedupeFrame drops header/footer lines already present in the body (page
// headers repeat on every section).
func dedupeFrame(frame, body []Line) []Line {
	inBody := map[string]bool{}
	for _, l := range body {
		inBody[l.Text] = true
	}
	var out []Line
	seen := map[string]bool{}
	for _, l := range frame {
		if inBody[l.Text] || seen[l.Text] {
			continue
		}
		seen[l.Text] = true
		out = append(out, l)
	}
	return out
}
