package extract

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"
)

// Kind is a document type recognised by content.
type Kind string

// Accepted kinds.
const (
	KindPDF  Kind = "pdf"
	KindDOCX Kind = "docx"
	KindDOC  Kind = "doc"
	KindODT  Kind = "odt"
	KindRTF  Kind = "rtf"
	KindTXT  Kind = "txt"
	// KindPNG and KindJPEG are photographed or scanned CVs, read by OCR.
	KindPNG  Kind = "png"
	KindJPEG Kind = "jpeg"
)

// MediaType is the IANA media type of k, for Content-Type headers.
func (k Kind) MediaType() string {
	switch k {
	case KindPDF:
		return "application/pdf"
	case KindDOCX:
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case KindDOC:
		return "application/msword"
	case KindODT:
		return "application/vnd.oasis.opendocument.text"
	case KindRTF:
		return "application/rtf"
	case KindTXT:
		return "text/plain; charset=utf-8"
	case KindPNG:
		return "image/png"
	case KindJPEG:
		return "image/jpeg"
	}
	return "application/octet-stream"
}

var (
	magicPDF  = []byte("%PDF-")
	magicZip  = []byte("PK\x03\x04")
	magicOLE  = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	magicRTF  = []byte(`{\rtf`)
	magicPNG  = []byte("\x89PNG\r\n\x1a\n")
	magicJPEG = []byte{0xFF, 0xD8, 0xFF}
	magicELF  = []byte("\x7fELF")
	magicWasm = []byte("\x00asm")
)

// Detect recognises the type of a document from its bytes alone (magic bytes
// and structure; the client's file name and media type are never trusted).
// It refuses executables, empty and truncated files and types we do not
// accept with an *Error. It does not enforce size limits: Extractor does.
func Detect(data []byte) (Kind, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", refuse(CodeEmptyFile, "the file is empty")
	}
	if what := executableKind(data); what != "" {
		return "", refuse(CodeExecutable, "the file is an executable program (%s), not a CV document", what)
	}
	switch {
	case isPDF(data):
		return KindPDF, checkPDFComplete(data)
	case bytes.HasPrefix(data, magicZip):
		return detectZip(data)
	case bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return "", refuse(CodeEmptyFile, "the file is an empty ZIP archive")
	case bytes.HasPrefix(data, magicOLE):
		return detectOLE(data)
	case bytes.HasPrefix(bytes.TrimLeft(trimBOM(data), " \t\r\n"), magicRTF):
		return KindRTF, checkRTFComplete(data)
	case bytes.HasPrefix(data, magicPNG):
		return KindPNG, nil
	case bytes.HasPrefix(data, magicJPEG):
		return KindJPEG, nil
	}
	if what := otherKnownKind(data); what != "" {
		return "", refuse(CodeUnsupportedType, "the file is %s; upload a PDF, DOCX, DOC, ODT, RTF, plain-text, PNG or JPEG CV", what)
	}
	if _, ok := decodeText(data); ok {
		return KindTXT, nil
	}
	return "", refuse(CodeUnsupportedType, "the file is binary data of an unknown type; upload a PDF, DOCX, DOC, ODT, RTF, plain-text, PNG or JPEG CV")
}

func executableKind(data []byte) string {
	switch {
	case bytes.HasPrefix(data, magicELF):
		return "ELF"
	case bytes.HasPrefix(data, []byte("MZ")) && isBinaryHead(data):
		return "Windows PE/MZ"
	case len(data) >= 4 && isMachO(data[:4]):
		return "Mach-O"
	case bytes.HasPrefix(data, magicWasm):
		return "WebAssembly"
	case bytes.HasPrefix(data, []byte("#!")):
		return "script with a #! interpreter line"
	}
	return ""
}

func isMachO(h []byte) bool {
	for _, m := range [][]byte{
		{0xFE, 0xED, 0xFA, 0xCE}, {0xFE, 0xED, 0xFA, 0xCF},
		{0xCE, 0xFA, 0xED, 0xFE}, {0xCF, 0xFA, 0xED, 0xFE},
		{0xCA, 0xFE, 0xBA, 0xBE}, // universal binary (also Java class files)
	} {
		if bytes.Equal(h, m) {
			return true
		}
	}
	return false
}

// isBinaryHead tells a real MZ header (NUL bytes early on) from a text file
// that merely starts with the letters "MZ".
func isBinaryHead(data []byte) bool {
	head := data[:min(len(data), 64)]
	return bytes.IndexByte(head, 0) >= 0 || len(data) < 64
}

func otherKnownKind(data []byte) string {
	lower := bytes.ToLower(bytes.TrimLeft(trimBOM(data[:min(len(data), 512)]), " \t\r\n"))
	switch {
	case bytes.HasPrefix(data, []byte("GIF8")):
		return "a GIF image"
	case bytes.HasPrefix(data, []byte{0x1F, 0x8B}):
		return "a gzip archive"
	case bytes.HasPrefix(data, []byte("Rar!")), bytes.HasPrefix(data, []byte("7z\xBC\xAF")):
		return "a compressed archive"
	case bytes.HasPrefix(data, []byte("%!PS")):
		return "a PostScript file"
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")):
		return "an HTML page"
	case bytes.HasPrefix(lower, []byte("<?xml")), bytes.HasPrefix(lower, []byte("<svg")):
		return "an XML document"
	}
	return ""
}

func isPDF(data []byte) bool {
	// The PDF specification lets readers accept junk before the header
	// within the first 1024 bytes, and so do real-world producers.
	return bytes.Contains(data[:min(len(data), 1024)], magicPDF)
}

func checkPDFComplete(data []byte) error {
	tail := data[max(0, len(data)-2048):]
	if !bytes.Contains(tail, []byte("%%EOF")) || !bytes.Contains(data[max(0, len(data)-4096):], []byte("startxref")) {
		return refuse(CodeTruncatedFile, "the PDF is truncated (no end-of-file marker); upload the complete file")
	}
	return nil
}

func detectZip(data []byte) (Kind, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", refuseErr(CodeTruncatedFile, err, "the document's ZIP container is truncated or damaged; upload the complete file")
	}
	has := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		has[f.Name] = f
	}
	if f := has["mimetype"]; f != nil {
		mt, err := readSmall(f, 128)
		if err == nil && strings.TrimSpace(string(mt)) == "application/vnd.oasis.opendocument.text" {
			return KindODT, checkZipEncryption(has["content.xml"])
		}
		if err == nil && strings.HasPrefix(string(mt), "application/vnd.oasis.opendocument.") {
			return "", refuse(CodeUnsupportedType, "the file is an OpenDocument %s, not a text document", strings.TrimPrefix(string(mt), "application/vnd.oasis.opendocument."))
		}
	}
	if f := has["word/document.xml"]; f != nil {
		return KindDOCX, checkZipEncryption(f)
	}
	switch {
	case has["xl/workbook.xml"] != nil:
		return "", refuse(CodeUnsupportedType, "the file is an Excel workbook, not a CV document")
	case has["ppt/presentation.xml"] != nil:
		return "", refuse(CodeUnsupportedType, "the file is a PowerPoint presentation, not a CV document")
	}
	return "", refuse(CodeUnsupportedType, "the file is a ZIP archive, not a DOCX or ODT document")
}

func checkZipEncryption(f *zip.File) error {
	if f == nil {
		return refuse(CodeMalformedFile, "the document has no main content part")
	}
	if f.Flags&0x1 != 0 {
		return refuse(CodeEncryptedDocument, "the document is password-protected; save an unprotected copy and upload that")
	}
	return nil
}

func readSmall(f *zip.File, n int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, n))
}

func detectOLE(data []byte) (Kind, error) {
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return "", refuseErr(CodeTruncatedFile, err, "the document is truncated or damaged; upload the complete file")
	}
	names := map[string]bool{}
	// Reading every stream makes a truncated file fail here, with a clear
	// code, instead of inside antiword. Reads are bounded by a multiple of
	// the input size so a looping sector chain cannot spin forever.
	budget := int64(len(data)) * 4
	for e, err := r.Next(); ; e, err = r.Next() {
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", refuseErr(CodeTruncatedFile, err, "the document is truncated or damaged; upload the complete file")
		}
		names[e.Name] = true
		n, err := io.Copy(io.Discard, io.LimitReader(e, budget))
		if err != nil {
			return "", refuseErr(CodeTruncatedFile, err, "the document is truncated or damaged; upload the complete file")
		}
		if budget -= n; budget <= 0 {
			return "", refuse(CodeMalformedFile, "the document's internal structure is corrupt")
		}
	}
	switch {
	case names["EncryptedPackage"]:
		return "", refuse(CodeEncryptedDocument, "the document is password-protected; save an unprotected copy and upload that")
	case names["WordDocument"]:
		return KindDOC, nil
	case names["Workbook"] || names["Book"]:
		return "", refuse(CodeUnsupportedType, "the file is an Excel workbook, not a CV document")
	case names["PowerPoint Document"]:
		return "", refuse(CodeUnsupportedType, "the file is a PowerPoint presentation, not a CV document")
	}
	return "", refuse(CodeUnsupportedType, "the file is an OLE2 compound file that is not a Word document")
}

// checkRTFComplete refuses RTF whose groups are not closed: the usual sign
// of a file cut short in transfer.
func checkRTFComplete(data []byte) error {
	depth := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++ // an escaped brace or backslash is text
		case '{':
			depth++
		case '}':
			depth--
		}
	}
	if depth > 0 {
		return refuse(CodeTruncatedFile, "the RTF document is truncated (unclosed groups); upload the complete file")
	}
	return nil
}

func trimBOM(data []byte) []byte {
	return bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
}

// decodeText returns data as UTF-8 text when it looks like text: UTF-8 (with
// or without BOM), UTF-16 with a BOM, or a single-byte Latin-1/Windows-1252
// file. Binary data (NUL bytes, many control characters) is not text.
func decodeText(data []byte) (string, bool) {
	if s, ok := decodeUTF16(data); ok {
		return s, looksLikeText(s)
	}
	data = trimBOM(data)
	if utf8.Valid(data) {
		s := string(data)
		return s, looksLikeText(s)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", false
	}
	s := decodeWindows1252(data)
	return s, looksLikeText(s)
}

func looksLikeText(s string) bool {
	if strings.IndexByte(s, 0) >= 0 {
		return false
	}
	control, total := 0, 0
	for _, r := range s {
		total++
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			control++
		}
	}
	return total > 0 && control*100 <= total
}
