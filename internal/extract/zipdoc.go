package extract

import (
	"archive/zip"
	"bytes"
	"errors"
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

// read inflates one small part (styles, relationships) whole, charging its
// real size (declared sizes can lie) to the budget. A missing part returns
// nil, nil.
func (z *zipDoc) read(name string) ([]byte, error) {
	rc, err := z.open(name)
	if rc == nil || err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return nil, partError(err)
	}
	return b, nil
}

// open streams one part. Reads fail with a decompression_bomb *Error once
// the part passes MaxPartBytes or the container's budget, so an XML parser
// reading it never holds more than a bounded window: a 300 KB DOCX whose
// document.xml inflates to 95 MB is refused after 10 MB of it were read,
// instead of being inflated whole. A missing part returns nil, nil.
func (z *zipDoc) open(name string) (io.ReadCloser, error) {
	f := z.files[name]
	if f == nil {
		return nil, nil
	}
	if part := z.limits.partCap(); f.UncompressedSize64 > uint64(part) {
		return nil, z.partTooLarge()
	}
	rc, err := f.Open()
	if err != nil {
		return nil, refuseErr(CodeMalformedFile, err, "a part of the document cannot be opened")
	}
	return &partReader{rc: rc, z: z, left: z.limits.partCap()}, nil
}

func (z *zipDoc) partTooLarge() *Error {
	return refuse(CodeDecompressionBomb, "a part of the document expands beyond %s when unpacked (a zip bomb?)", humanBytes(z.limits.partCap()))
}

// partReader charges every inflated byte to the part's cap and to the
// container's budget.
type partReader struct {
	rc   io.ReadCloser
	z    *zipDoc
	left int64
}

func (p *partReader) Read(b []byte) (int, error) {
	n, err := p.rc.Read(b)
	p.left -= int64(n)
	p.z.budget -= int64(n)
	switch {
	case p.left < 0:
		return 0, p.z.partTooLarge()
	case p.z.budget < 0:
		return 0, refuse(CodeDecompressionBomb, "the document expands beyond %s when unpacked (a zip bomb?)", humanBytes(p.z.limits.MaxDecompressed))
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return n, refuseErr(CodeMalformedFile, err, "a part of the document is damaged")
	}
	return n, err
}

func (p *partReader) Close() error { return p.rc.Close() }

// partError keeps a refusal raised while reading (bomb, damage) and maps
// anything else, such as XML syntax, to malformed_file with the given text.
func partError(err error, what ...string) error {
	var xe *Error
	if errors.As(err, &xe) {
		return xe
	}
	msg := "a part of the document is damaged"
	if len(what) > 0 {
		msg = what[0]
	}
	return refuseErr(CodeMalformedFile, err, "%s", msg)
}

// errTextLimit stops an XML walk once the text limit is reached: the rest
// of the part would be cut anyway.
var errTextLimit = errors.New("text limit reached")

// maxXMLDepth bounds element nesting in DOCX/ODT parts: real documents nest
// a few dozen levels, and the XML decoder keeps a stack entry per level.
const maxXMLDepth = 512

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
