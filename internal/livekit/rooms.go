package livekit

import (
	"context"
	"errors"
	"fmt"
	"time"

	lkproto "github.com/livekit/protocol/livekit"
	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/twitchtv/twirp"
)

// RoomOptions shape a room created ahead of its participants.
type RoomOptions struct {
	// EmptyTimeout closes the room if nobody joins within it.
	EmptyTimeout time.Duration
	// DepartureTimeout closes the room this long after the last participant
	// left.
	DepartureTimeout time.Duration
	MaxParticipants  uint32
	Metadata         string
}

// Rooms manages rooms through LiveKit's room service API.
type Rooms struct {
	client *lksdk.RoomServiceClient
}

// NewRooms returns a client for the LiveKit server at url (ws(s):// or
// http(s)://).
func NewRooms(url, apiKey, apiSecret string) (*Rooms, error) {
	if url == "" || apiKey == "" || apiSecret == "" {
		return nil, errors.New("livekit rooms: url, api key and secret are required")
	}
	return &Rooms{client: lksdk.NewRoomServiceClient(url, apiKey, apiSecret)}, nil
}

// Create creates room name, or returns it unchanged when it already exists.
func (r *Rooms) Create(ctx context.Context, name string, o RoomOptions) (*lkproto.Room, error) {
	if err := checkField("room", name, MaxRoomLength, true); err != nil {
		return nil, err
	}
	room, err := r.client.CreateRoom(ctx, &lkproto.CreateRoomRequest{
		Name:             name,
		EmptyTimeout:     seconds(o.EmptyTimeout),
		DepartureTimeout: seconds(o.DepartureTimeout),
		MaxParticipants:  o.MaxParticipants,
		Metadata:         o.Metadata,
	})
	if err != nil {
		return nil, classify(fmt.Sprintf("create room %q", name), err)
	}
	return room, nil
}

// Delete closes room name, disconnecting everyone in it.
func (r *Rooms) Delete(ctx context.Context, name string) error {
	if _, err := r.client.DeleteRoom(ctx, &lkproto.DeleteRoomRequest{Room: name}); err != nil {
		return classify(fmt.Sprintf("delete room %q", name), err)
	}
	return nil
}

// RemoveParticipant disconnects identity from room.
func (r *Rooms) RemoveParticipant(ctx context.Context, room, identity string) error {
	_, err := r.client.RemoveParticipant(ctx, &lkproto.RoomParticipantIdentity{Room: room, Identity: identity})
	if err != nil {
		return classify(fmt.Sprintf("remove %q from room %q", identity, room), err)
	}
	return nil
}

// Participants lists who is in room now.
func (r *Rooms) Participants(ctx context.Context, room string) ([]*lkproto.ParticipantInfo, error) {
	res, err := r.client.ListParticipants(ctx, &lkproto.ListParticipantsRequest{Room: room})
	if err != nil {
		return nil, classify(fmt.Sprintf("list participants of room %q", room), err)
	}
	return res.Participants, nil
}

// classify gives twirp errors a stable code: not found is the caller's
// business, anything else means LiveKit is unreachable or failing.
func classify(op string, err error) error {
	var te twirp.Error
	if errors.As(err, &te) && te.Code() == twirp.NotFound {
		return newError(CodeRoomNotFound, op+": not found", err)
	}
	return newError(CodeRoomServiceUnavailable, op+" failed", err)
}

func seconds(d time.Duration) uint32 {
	if d <= 0 {
		return 0
	}
	return uint32((d + time.Second - 1) / time.Second)
}
