package config

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// Production secrets must look random: an attacker guesses "aaaa…" or a
// repeated word long before brute force matters, and a secret reused for two
// jobs lets whoever holds one (e.g. the agent secret on a worker machine)
// mint the other's tokens.
const (
	// minSecretDistinct is the fewest different characters accepted; 32
	// random hex characters have about 14.
	minSecretDistinct = 10
	// minSecretBits is the least estimated entropy (Shannon, per character,
	// times length) accepted; 32 random hex characters score about 110.
	minSecretBits = 96
)

// weakSecret says why v is not a usable production secret, or "".
func weakSecret(v string) string {
	switch {
	case len(v) < MinSecretLen:
		return fmt.Sprintf("is shorter than %d characters", MinSecretLen)
	case repeatsBlock(v):
		return "is one short sequence repeated"
	}
	counts := map[rune]int{}
	n := 0
	for _, r := range v {
		counts[r]++
		n++
	}
	if len(counts) < minSecretDistinct {
		return fmt.Sprintf("uses only %d different characters (low entropy; generate one with `openssl rand -base64 32`)", len(counts))
	}
	bits := 0.0
	for _, c := range counts {
		p := float64(c) / float64(n)
		bits -= p * math.Log2(p)
	}
	if bits*float64(n) < minSecretBits {
		return fmt.Sprintf("has about %.0f bits of entropy, below %d (generate one with `openssl rand -base64 32`)", bits*float64(n), minSecretBits)
	}
	return ""
}

// repeatsBlock reports whether v is a shorter string repeated (e.g.
// "abcdabcd…"), which fools a character count but not a guesser.
func repeatsBlock(v string) bool {
	for size := 1; size <= len(v)/2; size++ {
		if len(v)%size == 0 && strings.Repeat(v[:size], len(v)/size) == v {
			return true
		}
	}
	return false
}

// namedSecret is a secret and the variable it came from.
type namedSecret struct{ name, value string }

// checkProductionSecrets refuses weak secrets and secrets that repeat one
// another (equal, or one inside another).
func checkProductionSecrets(secrets []namedSecret) error {
	var errs []error
	for _, s := range secrets {
		if s.value == "" {
			errs = append(errs, fmt.Errorf("%s must be set to at least %d characters in production", s.name, MinSecretLen))
			continue
		}
		if why := weakSecret(s.value); why != "" {
			errs = append(errs, fmt.Errorf("%s %s; production needs at least %d random characters", s.name, why, MinSecretLen))
		}
	}
	for i, a := range secrets {
		for _, b := range secrets[i+1:] {
			if a.value == "" || b.value == "" {
				continue
			}
			if strings.Contains(a.value, b.value) || strings.Contains(b.value, a.value) {
				errs = append(errs, fmt.Errorf("%s and %s must differ (one repeats the other): whoever holds one could forge the other's tokens", a.name, b.name))
			}
		}
	}
	return errors.Join(errs...)
}
