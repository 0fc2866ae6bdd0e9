package livekit

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/livekit/protocol/auth"
	lkproto "github.com/livekit/protocol/livekit"
)

// Role decides what a participant may do in the one room its token names.
type Role int

const (
	// RoleCandidate publishes microphone and camera and subscribes.
	RoleCandidate Role = iota + 1
	// RoleListener is a reviewer listening in: hidden from the other
	// participants, subscribe-only, no data messages.
	RoleListener
	// RoleAgent is the AI interviewer: publishes its voice, subscribes, and
	// shows as an agent participant.
	RoleAgent
)

func (r Role) String() string {
	switch r {
	case RoleCandidate:
		return "candidate"
	case RoleListener:
		return "listener"
	case RoleAgent:
		return "agent"
	default:
		return fmt.Sprintf("role(%d)", int(r))
	}
}

// Limits enforced on token input. LiveKit refuses identities and room names
// over 256 bytes; the TTL cap keeps a leaked token short-lived.
const (
	MaxIdentityLength = 256
	MaxRoomLength     = 256
	MaxNameLength     = 256
	MaxMetadataLength = 4096
	MaxTokenTTL       = 24 * time.Hour
)

// TokenOptions are the optional parts of a join token.
type TokenOptions struct {
	Role Role
	// Metadata is visible to everyone in the room; keep secrets out of it.
	Metadata   string
	Attributes map[string]string
}

// Issuer mints LiveKit access tokens signed with one API key/secret pair.
type Issuer struct {
	apiKey    string
	apiSecret string
}

// NewIssuer returns an Issuer for the key pair LiveKit was configured with.
func NewIssuer(apiKey, apiSecret string) (*Issuer, error) {
	if apiKey == "" || apiSecret == "" {
		return nil, errors.New("livekit issuer: api key and secret are required")
	}
	return &Issuer{apiKey: apiKey, apiSecret: apiSecret}, nil
}

// JoinToken returns a JWT that lets identity join room (and no other room)
// for ttl, with the permissions of opts.Role.
func (i *Issuer) JoinToken(identity, name, room string, ttl time.Duration, opts TokenOptions) (string, error) {
	if err := validateJoin(identity, name, room, ttl, opts); err != nil {
		return "", err
	}
	at := auth.NewAccessToken(i.apiKey, i.apiSecret).
		SetIdentity(identity).
		SetName(name).
		SetValidFor(ttl).
		SetVideoGrant(grantFor(opts.Role, room)).
		SetMetadata(opts.Metadata).
		SetAttributes(opts.Attributes)
	if opts.Role == RoleAgent {
		at.SetKind(lkproto.ParticipantInfo_AGENT)
	}
	jwt, err := at.ToJWT()
	if err != nil {
		return "", fmt.Errorf("sign livekit token for room %q: %w", room, err)
	}
	return jwt, nil
}

// grantFor spells every permission out, because LiveKit treats an unset
// permission as granted.
func grantFor(role Role, room string) *auth.VideoGrant {
	g := &auth.VideoGrant{RoomJoin: true, Room: room}
	g.SetCanUpdateOwnMetadata(false)
	switch role {
	case RoleCandidate:
		g.SetCanPublish(true)
		g.SetCanSubscribe(true)
		g.SetCanPublishData(true)
		g.SetCanPublishSources([]lkproto.TrackSource{lkproto.TrackSource_MICROPHONE, lkproto.TrackSource_CAMERA})
	case RoleListener:
		g.Hidden = true
		g.SetCanPublish(false)
		g.SetCanSubscribe(true)
		g.SetCanPublishData(false)
	case RoleAgent:
		g.SetCanPublish(true)
		g.SetCanSubscribe(true)
		g.SetCanPublishData(true)
		g.SetCanPublishSources([]lkproto.TrackSource{lkproto.TrackSource_MICROPHONE})
		// Only to publish lk.agent.state, as LiveKit Agents do.
		g.SetCanUpdateOwnMetadata(true)
	}
	return g
}

func validateJoin(identity, name, room string, ttl time.Duration, opts TokenOptions) error {
	switch {
	case opts.Role < RoleCandidate || opts.Role > RoleAgent:
		return newError(CodeTokenInvalid, "unknown role "+opts.Role.String(), nil)
	case ttl <= 0 || ttl > MaxTokenTTL:
		return newError(CodeTokenInvalid, fmt.Sprintf("ttl must be in (0, %s]", MaxTokenTTL), nil)
	case len(opts.Metadata) > MaxMetadataLength:
		return newError(CodeTokenInvalid, fmt.Sprintf("metadata longer than %d bytes", MaxMetadataLength), nil)
	}
	if err := checkField("identity", identity, MaxIdentityLength, true); err != nil {
		return err
	}
	if err := checkField("room", room, MaxRoomLength, true); err != nil {
		return err
	}
	return checkField("name", name, MaxNameLength, false)
}

func checkField(field, v string, maxLen int, required bool) error {
	switch {
	case required && strings.TrimSpace(v) == "":
		return newError(CodeTokenInvalid, field+" is required", nil)
	case len(v) > maxLen:
		return newError(CodeTokenInvalid, fmt.Sprintf("%s longer than %d bytes", field, maxLen), nil)
	case strings.IndexFunc(v, unicode.IsControl) >= 0:
		return newError(CodeTokenInvalid, field+" contains control characters", nil)
	}
	return nil
}
