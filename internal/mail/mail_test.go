package mail_test

import (
	"bytes"
	"context"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
	"testing"
	"time"

	mailpkg "github.com/utopiahire/utopiahire/internal/mail"
	"github.com/utopiahire/utopiahire/internal/mail/smtptest"
)

func renderVerify(t *testing.T, name string) mailpkg.Message {
	t.Helper()
	tpl, err := mailpkg.NewTemplates()
	if err != nil {
		t.Fatal(err)
	}
	m, err := tpl.Render("verify_email", "to@example.com", map[string]any{
		"Name": name, "Link": "http://app.test/verify-email?token=abc", "ExpiresIn": "24 hours",
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestTemplatesRenderTextAndEscapedHTML(t *testing.T) {
	m := renderVerify(t, `<script>alert("x")</script> Zoë`)
	if m.Subject != "Confirm your e-mail address" {
		t.Fatalf("subject %q", m.Subject)
	}
	if !strings.Contains(m.Text, `<script>alert("x")</script> Zoë`) || !strings.Contains(m.Text, "http://app.test/verify-email?token=abc") {
		t.Fatalf("text body:\n%s", m.Text)
	}
	if strings.Contains(m.HTML, "<script>") || !strings.Contains(m.HTML, "&lt;script&gt;") {
		t.Fatalf("html body not escaped:\n%s", m.HTML)
	}
	if !strings.Contains(m.HTML, `href="http://app.test/verify-email?token=abc"`) {
		t.Fatalf("html body lacks the link:\n%s", m.HTML)
	}
	tpl, _ := mailpkg.NewTemplates()
	if _, err := tpl.Render("no_such_template", "a@b.c", nil); err == nil {
		t.Fatal("unknown template rendered")
	}
}

func TestComposeIsValidMIMEWithoutHeaderInjection(t *testing.T) {
	m := renderVerify(t, "Zoë")
	m.Subject = "Bienvenue, Zoë\r\nBcc: victim@example.com"
	from := &mail.Address{Name: "UtopiaHire", Address: "no-reply@utopiahire.test"}
	raw, err := m.Compose(from, time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if msg.Header.Get("Bcc") != "" || bytes.Contains(raw, []byte("\r\nBcc:")) {
		t.Fatal("header injection through the subject")
	}
	subject, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if subject != "Bienvenue, Zoë Bcc: victim@example.com" {
		t.Fatalf("subject %q", subject)
	}
	if msg.Header.Get("Message-ID") == "" || msg.Header.Get("Date") == "" || msg.Header.Get("To") != "<to@example.com>" {
		t.Fatalf("headers: %v", msg.Header)
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/alternative" {
		t.Fatalf("content type %q: %v", mt, err)
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	var types []string
	for {
		p, err := mr.NextPart() // decodes quoted-printable
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(p)
		types = append(types, p.Header.Get("Content-Type"))
		if !strings.Contains(string(body), "Zoë") {
			t.Errorf("part %s lacks the name", p.Header.Get("Content-Type"))
		}
	}
	if strings.Join(types, ",") != "text/plain; charset=utf-8,text/html; charset=utf-8" {
		t.Fatalf("parts %v", types)
	}
	for _, line := range bytes.Split(raw, []byte("\r\n")) {
		if len(line) > 998 {
			t.Fatal("line longer than SMTP allows")
		}
	}
	if _, err := (mailpkg.Message{To: "not an address", Text: "x"}).Compose(from, time.Now()); err == nil {
		t.Fatal("bad recipient composed")
	}
}

func TestSMTPSenderDeliversWithAuth(t *testing.T) {
	srv := smtptest.New(t)
	srv.RequireAuth("mailer", "s3cret")
	s, err := mailpkg.NewSMTPSender(srv.URL(), "UtopiaHire <no-reply@utopiahire.test>")
	if err != nil {
		t.Fatal(err)
	}
	m := renderVerify(t, "Zoë")
	if err := s.Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	got := srv.Wait(t, "to@example.com", 5*time.Second)
	if got.From != "no-reply@utopiahire.test" || got.Subject != m.Subject || !strings.Contains(got.Text, "Zoë") || !strings.Contains(got.HTML, "Zoë") {
		t.Fatalf("received %+v", got)
	}

	bad, _ := mailpkg.NewSMTPSender("smtp://mailer:wrong@"+srv.Addr, "a@b.test")
	err = bad.Send(context.Background(), m)
	if err == nil || !mailpkg.IsPermanent(err) {
		t.Fatalf("wrong SMTP password: %v (want a permanent error)", err)
	}
	srv.FailNext(1, 421)
	if err := s.Send(context.Background(), m); err == nil || mailpkg.IsPermanent(err) {
		t.Fatalf("421: %v (want a temporary error)", err)
	}
	down, _ := mailpkg.NewSMTPSender("smtp://127.0.0.1:1", "a@b.test")
	if err := down.Send(context.Background(), m); err == nil || mailpkg.IsPermanent(err) {
		t.Fatalf("server down: %v (want a temporary error)", err)
	}
}

func TestSMTPURLPolicy(t *testing.T) {
	for _, tc := range []struct {
		url string
		ok  bool
	}{
		{"smtp://127.0.0.1:1025", true},
		{"smtp://user:pass@localhost:1025", true},
		{"smtps://user:pass@mail.example.com", true},
		{"smtp://user:pass@mail.example.com:587", true},
		{"smtp://mail.example.com:25?tls=none", true},
		{"smtp://user:pass@mail.example.com:25?tls=none", false},
		{"smtp://", false},
	} {
		_, err := mailpkg.NewSMTPSender(tc.url, "UtopiaHire <no-reply@utopiahire.test>")
		if (err == nil) != tc.ok {
			t.Errorf("%s: err=%v, want ok=%v", tc.url, err, tc.ok)
		}
	}
	if _, err := mailpkg.NewSMTPSender("smtp://127.0.0.1:25", "not an address"); err == nil {
		t.Error("bad MAIL_FROM accepted")
	}
}
