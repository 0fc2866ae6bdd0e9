// Package auth is the accounts domain: sign-up and sign-in with a password or
// an OAuth provider (Google, GitHub), sessions with rotating refresh tokens,
// short-lived JWT access tokens and their revocation, e-mail verification and
// password reset mailed through the outbox, failed sign-in throttling, the
// account's data export, and the Store interface internal/store implements.
package auth
