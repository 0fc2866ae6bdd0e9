// Package mail sends the application's e-mails: templates rendered to HTML
// and text, composed as MIME messages, written to the mail_outbox table in
// the transaction that caused them, and delivered by a durable River job
// with retries over SMTP (SMTP_URL).
//
// Without SMTP_URL the job logs the recipient and subject (never the body,
// which may hold single-use tokens) and keeps the message in the outbox, so
// a local user can still read it (`server mail outbox`). Once a message has
// been sent over SMTP its bodies are cleared from the outbox.
//
// Other packages send mail by rendering a template (Templates.Render) and
// calling Outbox.EnqueueTx inside their own transaction; templates live in
// templates/ as NAME.txt.tmpl (blocks NAME.subject and NAME.text) and NAME.html.tmpl
// (block NAME.html, inside the shared layout).
package mail

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"
	"time"
)

// Message is one e-mail to one recipient.
type Message struct {
	// UserID owns the message (erased with the account); "" for none.
	UserID  string
	To      string
	Subject string
	Text    string
	HTML    string
}

// Compose returns m as an RFC 5322 message with a multipart/alternative
// body (text, then HTML), quoted-printable, CRLF line endings.
func (m Message) Compose(from *mail.Address, now time.Time) ([]byte, error) {
	to, err := mail.ParseAddress(m.To)
	if err != nil {
		return nil, fmt.Errorf("recipient: %w", err)
	}
	if m.Text == "" && m.HTML == "" {
		return nil, errors.New("message has no body")
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	h := textproto.MIMEHeader{}
	h.Set("From", from.String())
	h.Set("To", to.String())
	h.Set("Subject", mime.QEncoding.Encode("utf-8", oneLine(m.Subject)))
	h.Set("Date", now.Format(time.RFC1123Z))
	h.Set("Message-ID", messageID(from.Address))
	h.Set("MIME-Version", "1.0")
	h.Set("Content-Type", "multipart/alternative; boundary="+mw.Boundary())
	var head bytes.Buffer
	for _, k := range []string{"From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"} {
		fmt.Fprintf(&head, "%s: %s\r\n", k, h.Get(k))
	}
	head.WriteString("\r\n")
	for _, part := range []struct{ typ, body string }{{"text/plain", m.Text}, {"text/html", m.HTML}} {
		if part.body == "" {
			continue
		}
		w, err := mw.CreatePart(textproto.MIMEHeader{
			"Content-Type":              {part.typ + "; charset=utf-8"},
			"Content-Transfer-Encoding": {"quoted-printable"},
		})
		if err != nil {
			return nil, err
		}
		qp := quotedprintable.NewWriter(w)
		if _, err := qp.Write([]byte(part.body)); err != nil {
			return nil, err
		}
		if err := qp.Close(); err != nil {
			return nil, err
		}
	}
	if err := mw.Close(); err != nil {
		return nil, err
	}
	return append(head.Bytes(), buf.Bytes()...), nil
}

// oneLine keeps header values on one line (no header injection).
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\r' || r == '\n' }), " ")
}

func messageID(from string) string {
	domain := "utopiahire.local"
	if i := strings.LastIndexByte(from, '@'); i >= 0 {
		domain = from[i+1:]
	}
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return "<" + hex.EncodeToString(b) + "@" + domain + ">"
}
