package auth

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
)

// Kinds of opaque token, for domain separation of their hashes: a hash of
// one kind never matches a token of another.
const (
	kindRefresh       = "refresh"
	kindVerification  = "verify"
	kindPasswordReset = "password-reset"
	kindOAuthState    = "oauth-state"
	kindOAuthCode     = "oauth-code"
	kindPKCE          = "pkce"
)

// maxOpaqueLen bounds opaque tokens read from clients (ours are 43).
const maxOpaqueLen = 128

// TokenHasher makes keyed hashes (HMAC-SHA-256) of opaque tokens, so that
// the database holds nothing that can be presented, and a stolen dump
// cannot even confirm a guessed token without the key.
type TokenHasher struct{ key []byte }

// NewTokenHasher returns a hasher keyed with key (REFRESH_SECRET).
func NewTokenHasher(key []byte) (TokenHasher, error) {
	if len(key) == 0 {
		return TokenHasher{}, errors.New("token hash key is empty")
	}
	return TokenHasher{key: append([]byte(nil), key...)}, nil
}

// Hash returns the stored form of token of kind.
func (h TokenHasher) Hash(kind, token string) []byte {
	m := hmac.New(sha256.New, h.key)
	m.Write([]byte(kind))
	m.Write([]byte{0})
	m.Write([]byte(token))
	return m.Sum(nil)
}

// derive returns a value derived from token that only the key holder can
// compute, encoded as a PKCE verifier (43 unreserved characters).
func (h TokenHasher) derive(kind, token string) string {
	return base64.RawURLEncoding.EncodeToString(h.Hash(kind, token))
}

// newOpaque returns 256 random bits, base64url (43 characters).
func newOpaque() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails (crypto/rand documents so since Go 1.24)
	return base64.RawURLEncoding.EncodeToString(b)
}
