package interview

import (
	"context"
	"errors"
	"strings"
	"time"

	lkproto "github.com/livekit/protocol/livekit"

	"github.com/utopiahire/utopiahire/internal/apperr"
)

// WebhookReceiver authenticates LiveKit webhook deliveries;
// *livekit.WebhookReceiver implements it.
type WebhookReceiver interface {
	Receive(ctx context.Context, authorization string, body []byte) (*lkproto.WebhookEvent, error)
	Forget(ctx context.Context, id string) error
}

// LiveKit webhook event names that drive interviews.
const (
	evRoomStarted      = "room_started"
	evRoomFinished     = "room_finished"
	evParticipantJoin  = "participant_joined"
	evParticipantLeft  = "participant_left"
	evTrackPublished   = "track_published"
	evTrackUnpublished = "track_unpublished"
)

// Webhook verifies one LiveKit delivery (signature, body hash, freshness,
// replay) and applies it. A delivery we fail to apply is forgotten, so
// LiveKit's retry (on our 503) gets through.
func (s *Service) Webhook(ctx context.Context, authorization string, body []byte) error {
	if s.cfg.Webhooks == nil {
		return errLiveKitOff
	}
	ev, err := s.cfg.Webhooks.Receive(ctx, authorization, body)
	if err != nil {
		return err
	}
	if err := s.applyWebhook(ctx, ev); err != nil {
		if ferr := s.cfg.Webhooks.Forget(context.WithoutCancel(ctx), ev.Id); ferr != nil {
			s.log.Error("forget webhook after failure", "err", ferr)
		}
		s.log.Error("apply livekit webhook", "event", ev.Event, "err", err)
		return apperr.Wrap(err, apperr.Unavailable, "webhook_not_applied", "The event could not be applied; retry.")
	}
	return nil
}

// applyWebhook updates the interview of the event's room. Rooms that are
// not interviews (or deleted ones) are ignored.
func (s *Service) applyWebhook(ctx context.Context, ev *lkproto.WebhookEvent) error {
	room := ev.GetRoom().GetName()
	if room == "" || !strings.HasPrefix(room, roomPrefix) {
		return nil
	}
	iv, err := s.st.ByRoom(ctx, room)
	if errors.Is(err, apperr.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	at := time.Unix(ev.CreatedAt, 0)
	identity := ev.GetParticipant().GetIdentity()
	who := ""
	switch {
	case identity == "":
	case identity == iv.CandidateIdentity:
		who = string(PartCandidate)
	case iv.AgentIdentity != nil && identity == *iv.AgentIdentity:
		who = string(PartAgent)
	case strings.HasPrefix(identity, listenerPrefix):
		who = "reviewer"
	default:
		who = "other"
	}
	data := map[string]any{"event": ev.Event}
	if who != "" {
		data["who"] = who
	}
	if t := ev.GetTrack(); t != nil {
		data["track"] = map[string]any{"kind": strings.ToLower(t.GetType().String()), "source": strings.ToLower(t.GetSource().String())}
	}
	switch ev.Event {
	case evRoomStarted, evRoomFinished, evParticipantJoin, evParticipantLeft, evTrackPublished, evTrackUnpublished:
	default:
		return nil
	}
	if who == "reviewer" || who == "other" {
		// Listeners are hidden; nobody else should be there. Not part of the timeline.
		return nil
	}
	var o outbox
	err = s.st.InTx(ctx, func(tx Tx) error {
		switch {
		case ev.Event == evParticipantJoin && who != "":
			if err := tx.Joined(ctx, iv.ID, Participant(who), at); err != nil {
				return err
			}
		case ev.Event == evParticipantLeft && who != "":
			if err := tx.Left(ctx, iv.ID, Participant(who), at); err != nil {
				return err
			}
		}
		_, err := s.event(ctx, tx, &o, iv.ID, TypeRoom, data)
		return err
	})
	if err != nil {
		return err
	}
	s.flush(ctx, &o)
	switch {
	case ev.Event == evParticipantJoin && who == string(PartAgent) && iv.State == string(WaitingForAgent):
		s.startIfWaiting(ctx, iv.ID)
	case ev.Event == evRoomFinished:
		s.roomFinished(ctx, iv.ID)
	}
	return nil
}

// roomFinished ends a live interview whose room LiveKit closed: the
// candidate walked out (abandoned), or the room went away under it (failed).
// An interview whose agent is writing its report is left to the report
// timeout.
func (s *Service) roomFinished(ctx context.Context, id string) {
	iv, err := s.st.Get(ctx, id)
	if err != nil || State(iv.State).Terminal() || iv.AgentEndingAt != nil {
		return
	}
	to, why := Failed, ReasonRoomClosed
	if iv.CandidateJoinedAt != nil {
		to, why = Abandoned, ReasonCandidateLeft
	}
	if _, err := s.Transition(ctx, id, to, &why); err != nil && apperr.CodeOf(err) != CodeIllegalTransition {
		s.log.Error("end interview of finished room", "interview_id", id, "err", err)
	}
}
