// Package migrations embeds the numbered SQL migrations of the UtopiaHire
// database. Numbers are reserved per area so that work can land in any
// order: 00001–00009 foundation, 00010–00019 accounts, 00020–00029 CVs,
// 00030–00039 interviews, 00040–00049 jobs and skills.
package migrations

import "embed"

// FS holds every migration; goose reads it at start-up and by `server migrate`.
//
//go:embed *.sql
var FS embed.FS
