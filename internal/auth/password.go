package auth

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"

	"github.com/utopiahire/utopiahire/internal/apperr"
)

// Password length bounds. bcrypt reads at most 72 bytes, so a longer
// password would be silently truncated: refuse it instead.
const (
	MinPasswordLen   = 8
	MaxPasswordBytes = 72
)

// Passwords hashes and checks passwords with bcrypt at one cost.
type Passwords struct {
	cost  int
	dummy []byte
}

// NewPasswords returns a hasher at cost (bcrypt.MinCost..MaxCost). It makes
// a dummy hash at the same cost so that checking a password for an unknown
// account takes as long as for a known one.
func NewPasswords(cost int) (*Passwords, error) {
	if cost < bcrypt.MinCost || cost > bcrypt.MaxCost {
		return nil, fmt.Errorf("bcrypt cost %d outside %d..%d", cost, bcrypt.MinCost, bcrypt.MaxCost)
	}
	dummy, err := bcrypt.GenerateFromPassword([]byte("dummy password for timing"), cost)
	if err != nil {
		return nil, fmt.Errorf("make dummy hash: %w", err)
	}
	return &Passwords{cost: cost, dummy: dummy}, nil
}

// Cost is the bcrypt cost new hashes get.
func (p *Passwords) Cost() int { return p.cost }

// Hash returns the bcrypt hash of password.
func (p *Passwords) Hash(password string) (string, error) {
	h, err := bcrypt.GenerateFromPassword([]byte(password), p.cost)
	if err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	return string(h), nil
}

// Check reports whether password matches hash. An empty hash (no account,
// or an account without a password) is compared against the dummy hash and
// never matches, so the time taken does not tell the cases apart. rehash
// reports a match whose hash was made at another cost.
func (p *Passwords) Check(hash, password string) (ok, rehash bool) {
	pw := []byte(password)
	if len(pw) > MaxPasswordBytes {
		pw = pw[:MaxPasswordBytes]
		hash = "" // can never have been set: Hash refuses it
	}
	if hash == "" {
		_ = bcrypt.CompareHashAndPassword(p.dummy, pw)
		return false, false
	}
	if err := bcrypt.CompareHashAndPassword([]byte(hash), pw); err != nil {
		if !errors.Is(err, bcrypt.ErrMismatchedHashAndPassword) {
			// A corrupt stored hash: still spend the time.
			_ = bcrypt.CompareHashAndPassword(p.dummy, pw)
		}
		return false, false
	}
	cost, err := bcrypt.Cost([]byte(hash))
	return true, err == nil && cost != p.cost
}

// CheckPasswordPolicy returns a validation error naming everything the
// password lacks: 8+ characters with a lowercase letter, an uppercase
// letter, a digit and a symbol, at most 72 bytes, no control characters.
func CheckPasswordPolicy(password string) error {
	if !utf8.ValidString(password) {
		return passwordError("The password is not valid UTF-8 text.", nil)
	}
	if len(password) > MaxPasswordBytes {
		return passwordError(fmt.Sprintf("The password is too long: at most %d bytes.", MaxPasswordBytes), nil)
	}
	var lower, upper, digit, symbol bool
	for _, r := range password {
		switch {
		case unicode.IsControl(r):
			return passwordError("The password must not contain control characters.", nil)
		case unicode.IsLower(r):
			lower = true
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsDigit(r):
			digit = true
		case unicode.IsLetter(r):
			// Letters without case (e.g. CJK) count as neither.
		default:
			symbol = true
		}
	}
	var missing []string
	if utf8.RuneCountInString(password) < MinPasswordLen {
		missing = append(missing, fmt.Sprintf("at least %d characters", MinPasswordLen))
	}
	for _, m := range []struct {
		ok   bool
		name string
	}{{lower, "a lowercase letter"}, {upper, "an uppercase letter"}, {digit, "a digit"}, {symbol, "a symbol"}} {
		if !m.ok {
			missing = append(missing, m.name)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return passwordError("The password needs "+joinAnd(missing)+".", missing)
}

func passwordError(msg string, missing []string) error {
	e := apperr.New(apperr.Validation, "weak_password", msg).With("fields", map[string]string{"password": msg})
	if missing != nil {
		e = e.With("missing", missing)
	}
	return e
}

// joinAnd joins items as "a, b and c".
func joinAnd(items []string) string {
	if len(items) == 1 {
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
