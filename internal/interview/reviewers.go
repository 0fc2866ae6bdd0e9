package interview

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/livekit"
)

// Invitation is a reviewer invitation as the owner sees it.
type Invitation struct {
	Email     string     `json:"email"`
	InvitedAt time.Time  `json:"invited_at"`
	RevokedAt *time.Time `json:"revoked_at,omitempty"`
}

// Invite lets the reviewer with address email (once signed in with it,
// verified) watch the owner's interview, and e-mails them.
func (s *Service) Invite(ctx context.Context, u User, id, email string) (Invitation, error) {
	email = strings.TrimSpace(email)
	if msg := checkEmail(email); msg != "" {
		f := fields{}
		f.add("email", msg)
		return Invitation{}, f.err()
	}
	if strings.EqualFold(email, u.Email) {
		return Invitation{}, apperr.New(apperr.Validation, CodeSelfInvite, "You own this interview; invite someone else.").
			With("fields", map[string]string{"email": "is your own address"})
	}
	iv, err := s.st.ForOwner(ctx, u.ID, id)
	if err != nil {
		return Invitation{}, notFoundAs(err)
	}
	// Every invitation counts, revoked ones too: revoking does not make
	// room for another address to be mailed.
	n, err := s.st.CountInvitations(ctx, id, email)
	if err != nil {
		return Invitation{}, err
	}
	if n >= s.cfg.MaxReviewers {
		return Invitation{}, apperr.New(apperr.Conflict, CodeTooManyReviewers, fmt.Sprintf("An interview has at most %d invitations, revoked ones included.", s.cfg.MaxReviewers))
	}
	byOwner, toEmail, err := s.st.InvitationMailsSince(ctx, u.ID, email, time.Now().Add(-24*time.Hour))
	if err != nil {
		return Invitation{}, err
	}
	if byOwner >= s.cfg.MaxInvitesPerOwnerPerDay || toEmail >= s.cfg.MaxInvitesPerRecipientPerDay {
		e := apperr.New(apperr.RateLimited, CodeInvitationLimit, fmt.Sprintf(
			"Invitation e-mails are limited to %d a day per account and %d a day per address; try again tomorrow.",
			s.cfg.MaxInvitesPerOwnerPerDay, s.cfg.MaxInvitesPerRecipientPerDay))
		e.RetryAfter = time.Hour
		return Invitation{}, e
	}
	msg, err := s.templates.invitation(iv, u.Name, email, s.cfg.FrontendURL)
	if err != nil {
		return Invitation{}, err
	}
	var o outbox
	err = s.st.InTx(ctx, func(tx Tx) error {
		ptx := tx.Pgx()
		fresh, mail, err := tx.Invite(ctx, id, email, u.ID)
		if err != nil {
			return err
		}
		if !fresh {
			return nil
		}
		// No address in the timeline: reviewers see it too. The owner has
		// the addresses in the reviewers list.
		if _, err := s.event(ctx, tx, &o, id, TypeReviewer, map[string]any{"action": "invited"}); err != nil {
			return err
		}
		if !mail {
			return nil // mailed less than a day ago
		}
		return s.cfg.Mailer.EnqueueTx(ctx, ptx, msg)
	})
	if err != nil {
		return Invitation{}, err
	}
	s.flush(ctx, &o)
	return s.invitation(ctx, id, email)
}

func (s *Service) invitation(ctx context.Context, id, email string) (Invitation, error) {
	all, err := s.st.Reviewers(ctx, id)
	if err != nil {
		return Invitation{}, err
	}
	for _, r := range all {
		if strings.EqualFold(r.Email, email) {
			return Invitation{Email: r.Email, InvitedAt: r.CreatedAt, RevokedAt: r.RevokedAt}, nil
		}
	}
	return Invitation{}, errors.New("invitation vanished")
}

// Revoke ends an invitation and cuts what it allowed at once: the
// reviewer's live subscription to interview:<id> and their listener seat
// in the room.
func (s *Service) Revoke(ctx context.Context, u User, id, email string) error {
	iv, err := s.st.ForOwner(ctx, u.ID, id)
	if err != nil {
		return notFoundAs(err)
	}
	email = strings.TrimSpace(email)
	var o outbox
	err = s.st.InTx(ctx, func(tx Tx) error {
		if err := tx.Revoke(ctx, id, email); err != nil {
			if errors.Is(err, apperr.ErrNotFound) {
				return apperr.New(apperr.NotFound, CodeReviewerNotFound, "That address has no active invitation to this interview.")
			}
			return err
		}
		_, err := s.event(ctx, tx, &o, id, TypeReviewer, map[string]any{"action": "revoked"})
		return err
	})
	if err != nil {
		return err
	}
	s.flush(ctx, &o)
	ids, err := s.st.UserIDsByEmail(ctx, email)
	if err != nil {
		s.log.Error("find revoked reviewer's account", "interview_id", id, "err", err)
	}
	for _, uid := range ids {
		if err := s.cfg.Hub.Unsubscribe(context.WithoutCancel(ctx), uid, Channel(id)); err != nil {
			s.log.Warn("cut revoked reviewer's subscription", "interview_id", id, "err", err)
		}
		if s.cfg.Rooms != nil && !State(iv.State).Terminal() {
			rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			err := s.cfg.Rooms.RemoveParticipant(rctx, iv.Room, listenerPrefix+uid)
			cancel()
			if err != nil && livekit.ErrorCode(err) != livekit.CodeRoomNotFound {
				s.log.Warn("remove revoked listener", "interview_id", id, "err", err)
			}
		}
	}
	return nil
}

// Reviewers lists the owner's invitations.
func (s *Service) Reviewers(ctx context.Context, u User, id string) ([]Invitation, error) {
	if _, err := s.st.ForOwner(ctx, u.ID, id); err != nil {
		return nil, notFoundAs(err)
	}
	all, err := s.st.Reviewers(ctx, id)
	if err != nil {
		return nil, err
	}
	out := make([]Invitation, 0, len(all))
	for _, r := range all {
		out = append(out, Invitation{Email: r.Email, InvitedAt: r.CreatedAt, RevokedAt: r.RevokedAt})
	}
	return out, nil
}

// ListenToken is a reviewer's hidden, subscribe-only LiveKit token.
type ListenToken struct {
	Token     string `json:"token"`
	URL       string `json:"url"`
	Identity  string `json:"identity"`
	Room      string `json:"room"`
	ExpiresAt string `json:"expires_at"`
}

// Listen gives a reviewer (or the owner) of a live interview a token to
// listen in, hidden from the candidate and unable to publish.
func (s *Service) Listen(ctx context.Context, u User, id string) (ListenToken, error) {
	if s.cfg.LiveKit == nil {
		return ListenToken{}, errLiveKitOff
	}
	iv, _, err := s.st.Access(ctx, u.ID, id)
	if err != nil {
		return ListenToken{}, notFoundAs(err)
	}
	if State(iv.State).Terminal() {
		return ListenToken{}, errEnded.With("state", iv.State)
	}
	identity := listenerPrefix + u.ID
	tok, err := s.cfg.LiveKit.JoinToken(identity, u.Name, iv.Room, s.cfg.ListenTTL, livekit.TokenOptions{Role: livekit.RoleListener})
	if err != nil {
		return ListenToken{}, fmt.Errorf("listener token: %w", err)
	}
	return ListenToken{Token: tok, URL: s.cfg.LiveKitURL, Identity: identity, Room: iv.Room, ExpiresAt: rfc3339(time.Now().Add(s.cfg.ListenTTL))}, nil
}

// Note is a reviewer's note as the API shows it.
type Note struct {
	ID         string    `json:"id"`
	AuthorID   string    `json:"author_id"`
	AuthorName string    `json:"author_name"`
	Text       string    `json:"text"`
	OffsetMS   int64     `json:"offset_ms"`
	CreatedAt  time.Time `json:"created_at"`
}

func noteOf(n InterviewNote) Note {
	return Note{ID: n.ID, AuthorID: n.AuthorID, AuthorName: n.AuthorName, Text: n.Text, OffsetMS: n.OffsetMS, CreatedAt: n.CreatedAt}
}

const maxNoteLen = 4000

// Note returns one note of the interview to its owner or a reviewer: the
// channel's note messages carry only its id. A note erased with its
// author's account, or not of this interview, is not found.
func (s *Service) Note(ctx context.Context, u User, id, noteID string) (Note, error) {
	if _, _, err := s.st.Access(ctx, u.ID, id); err != nil {
		return Note{}, notFoundAs(err)
	}
	n, err := s.st.Note(ctx, id, noteID)
	if errors.Is(err, apperr.ErrNotFound) {
		return Note{}, errNoteNotFound
	}
	if err != nil {
		return Note{}, err
	}
	return noteOf(n), nil
}

// AddNote stores a time-stamped note by the owner or a reviewer and
// publishes it on interview:<id>. offsetMS is the position in the
// interview; nil means now (since it started, 0 before).
func (s *Service) AddNote(ctx context.Context, u User, id, text string, offsetMS *int64) (Note, error) {
	text = strings.TrimSpace(text)
	f := fields{}
	checkText(f, "text", text, 1, maxNoteLen)
	if offsetMS != nil && (*offsetMS < 0 || *offsetMS > int64(maxSegmentMS)) {
		f.add("offset_ms", "must be milliseconds from the start, at most 24 hours")
	}
	if err := f.err(); err != nil {
		return Note{}, err
	}
	iv, _, err := s.st.Access(ctx, u.ID, id)
	if err != nil {
		return Note{}, notFoundAs(err)
	}
	var off int64
	switch {
	case offsetMS != nil:
		off = *offsetMS
	case iv.StartedAt != nil:
		end := time.Now()
		if iv.EndedAt != nil {
			end = *iv.EndedAt
		}
		off = max(0, end.Sub(*iv.StartedAt).Milliseconds())
	}
	var o outbox
	var n InterviewNote
	err = s.st.InTx(ctx, func(tx Tx) error {
		count, err := tx.CountNotes(ctx, id)
		if err != nil {
			return err
		}
		if count >= s.cfg.MaxNotes {
			return apperr.New(apperr.Conflict, CodeTooManyNotes, fmt.Sprintf("An interview has at most %d notes.", s.cfg.MaxNotes))
		}
		if n, err = tx.AddNote(ctx, id, u.ID, text, off); err != nil {
			return err
		}
		// The timeline and the channel refer to the note by id: the note
		// (author, text) lives in interview_notes and goes with its author's
		// account, while the hub's history keeps frames for hours.
		// Subscribers read the note with GET .../notes/{note_id}.
		_, err = s.event(ctx, tx, &o, id, TypeNote, map[string]any{"note_id": n.ID, "offset_ms": n.OffsetMS})
		return err
	})
	if err != nil {
		return Note{}, err
	}
	s.flush(ctx, &o)
	return noteOf(n), nil
}
