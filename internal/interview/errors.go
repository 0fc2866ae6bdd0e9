package interview

import "github.com/utopiahire/utopiahire/internal/apperr"

// Stable error codes of the interviews area. Clients (the web app, the
// voice agent) switch on them.
const (
	CodeNotFound           = "interview_not_found"
	CodeIllegalTransition  = "illegal_transition"
	CodeAlreadyClaimed     = "interview_claimed"
	CodeNotWaiting         = "interview_not_waiting"
	CodeClaimLost          = "claim_lost"
	CodeWrongScope         = "wrong_scope"
	CodeInterviewEnded     = "interview_ended"
	CodeInterviewStarted   = "interview_started"
	CodeNotStarted         = "interview_not_started"
	CodeReportExists       = "report_already_saved"
	CodeLiveKitOff         = "livekit_not_configured"
	CodeLiveKitDown        = "livekit_unavailable"
	CodeCVNotFound         = "cv_not_found"
	CodeTooManyLive        = "too_many_live_interviews"
	CodeTooManyReviewers   = "too_many_reviewers"
	CodeInvitationLimit    = "invitation_limit"
	CodeReportMailLimit    = "report_mail_limit"
	CodeTooManyNotes       = "too_many_notes"
	CodeNotReviewer        = "not_a_reviewer"
	CodeReviewerNotFound   = "reviewer_not_found"
	CodeNoteNotFound       = "note_not_found"
	CodeSelfInvite         = "cannot_invite_yourself"
	CodeBadAgentSecret     = "unauthorized"
	CodeNotOwnEmail        = "not_your_email"
	CodeSegmentFinal       = "segment_final"
	CodeUnknownMessage     = "unknown_message_type"
	CodeInvalidMessage     = "invalid_message"
	CodeTimelineFull       = "timeline_full"
	CodeValidation         = "validation_failed"
	CodeWorkerTokenOnly    = "dispatch_credential_required"
	CodeInterviewTokenOnly = "interview_credential_required"
)

var (
	errNotFound     = apperr.New(apperr.NotFound, CodeNotFound, "No such interview.")
	errNoteNotFound = apperr.New(apperr.NotFound, CodeNoteNotFound, "No such note in this interview (notes leave with their author's account).")
	errLiveKitOff   = apperr.New(apperr.Unavailable, CodeLiveKitOff,
		"Voice interviews are not available: this server has no LiveKit configuration (LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET).")
	errClaimLost = apperr.New(apperr.Forbidden, CodeClaimLost,
		"This credential's claim on the interview was released or replaced; claim an interview again.")
	errWrongScope = apperr.New(apperr.Forbidden, CodeWrongScope, "This credential is for another interview.")
	errEnded      = apperr.New(apperr.Conflict, CodeInterviewEnded, "The interview has ended.")
	errNeedWorker = apperr.New(apperr.Unauthorized, CodeWorkerTokenOnly,
		"Use a dispatch credential (POST /api/agents/session) here, not an interview credential.")
	errNeedInterview = apperr.New(apperr.Unauthorized, CodeInterviewTokenOnly,
		"Use the interview credential returned by the claim here.")
)

// fields is a set of validation problems, one message per field.
type fields map[string]string

func (f fields) add(field, msg string) {
	if _, ok := f[field]; !ok {
		f[field] = msg
	}
}

func (f fields) err() error {
	if len(f) == 0 {
		return nil
	}
	msg := "Invalid request:"
	for _, k := range sortedKeys(f) {
		msg += " " + k + ": " + f[k] + ";"
	}
	return apperr.New(apperr.Validation, CodeValidation, msg[:len(msg)-1]+".").With("fields", map[string]string(f))
}
