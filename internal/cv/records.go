package cv

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/utopiahire/utopiahire/internal/apperr"
)

// Per-user quotas of stored CV files (how many, and how many bytes in all)
// and of versions of the structured CV (only the newest MaxVersions are
// kept; older ones are deleted as new ones are added).
const (
	MaxFiles     = 200
	MaxFileBytes = 200 << 20
	MaxVersions  = 50
)

// ErrFileQuota means the user already stores MaxFiles files or the new one
// would take them past MaxFileBytes. It carries its own code and safe
// message, so no caller translates it.
var ErrFileQuota = apperr.New(apperr.Conflict, "file_quota", fmt.Sprintf(
	"You already store %d CV files or %d MB; delete some before uploading more.", MaxFiles, MaxFileBytes>>20))

// File is an uploaded CV document.
type File struct {
	ID       string
	UserID   string
	Filename string
	Kind     string
	Size     int
	SHA256   []byte
	Content  []byte
	// Extracted is the stored extraction (extract.Document as JSON), nil
	// until the file was first read.
	Extracted []byte
	CreatedAt time.Time
}

// FileSummary is an uploaded CV without its content, for pickers.
type FileSummary struct {
	ID        string    `json:"file_id"`
	Filename  string    `json:"filename"`
	Kind      string    `json:"type"`
	Size      int       `json:"size"`
	CreatedAt time.Time `json:"created_at"`
}

// Version is one version of a user's structured CV.
type Version struct {
	Version      int
	AnalysisID   *string
	Source       string
	StructuredCV json.RawMessage
	Suggestion   json.RawMessage
	CreatedAt    time.Time
}
