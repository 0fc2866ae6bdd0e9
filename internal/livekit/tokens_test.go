package livekit_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/livekit/protocol/auth"
	lkproto "github.com/livekit/protocol/livekit"

	"github.com/utopiahire/utopiahire/internal/livekit"
)

const (
	testKey    = "APItestkey"
	testSecret = "test-secret-that-is-long-enough-0123456789"
)

func newIssuer(t *testing.T) *livekit.Issuer {
	t.Helper()
	iss, err := livekit.NewIssuer(testKey, testSecret)
	if err != nil {
		t.Fatal(err)
	}
	return iss
}

// grantView is the part of the claims each role must get exactly right.
type grantView struct {
	Identity, Name, Room, Kind     string
	RoomJoin, Hidden, RoomAdmin    bool
	RoomCreate, RoomList, Recorder bool
	CanPublish, CanSubscribe       bool
	CanPublishData, CanUpdateMeta  bool
	Sources                        []string
}

func viewOf(c *auth.ClaimGrants) grantView {
	v := c.Video
	return grantView{
		Identity: c.Identity, Name: c.Name, Room: v.Room, Kind: c.Kind,
		RoomJoin: v.RoomJoin, Hidden: v.Hidden, RoomAdmin: v.RoomAdmin,
		RoomCreate: v.RoomCreate, RoomList: v.RoomList, Recorder: v.Recorder,
		CanPublish: v.GetCanPublish(), CanSubscribe: v.GetCanSubscribe(),
		CanPublishData: v.GetCanPublishData(), CanUpdateMeta: v.GetCanUpdateOwnMetadata(),
		Sources: v.CanPublishSources,
	}
}

func TestJoinTokenGrants(t *testing.T) {
	iss := newIssuer(t)
	tests := []struct {
		role livekit.Role
		want grantView
	}{
		{livekit.RoleCandidate, grantView{
			Identity: "cand-1", Name: "Ada", Room: "interview-7", RoomJoin: true,
			CanPublish: true, CanSubscribe: true, CanPublishData: true,
			Sources: []string{"microphone", "camera"},
		}},
		{livekit.RoleListener, grantView{
			Identity: "cand-1", Name: "Ada", Room: "interview-7", RoomJoin: true,
			Hidden: true, CanSubscribe: true,
		}},
		{livekit.RoleAgent, grantView{
			Identity: "cand-1", Name: "Ada", Room: "interview-7", RoomJoin: true, Kind: "agent",
			CanPublish: true, CanSubscribe: true, CanPublishData: true, CanUpdateMeta: true,
			Sources: []string{"microphone"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.role.String(), func(t *testing.T) {
			before := time.Now().Truncate(time.Second)
			tok, err := iss.JoinToken("cand-1", "Ada", "interview-7", 10*time.Minute, livekit.TokenOptions{Role: tt.role})
			if err != nil {
				t.Fatal(err)
			}
			v, err := auth.ParseAPIToken(tok)
			if err != nil {
				t.Fatal(err)
			}
			if v.APIKey() != testKey {
				t.Errorf("api key = %q, want %q", v.APIKey(), testKey)
			}
			reg, grants, err := v.Verify(testSecret)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, viewOf(grants)); diff != "" {
				t.Errorf("grants (-want +got):\n%s", diff)
			}
			ttl := reg.ExpiresAt.Sub(before)
			if ttl < 10*time.Minute || ttl > 10*time.Minute+2*time.Second {
				t.Errorf("token lifetime = %s, want 10m", ttl)
			}
			if _, _, err := v.Verify("another-secret-that-is-long-enough-000"); err == nil {
				t.Error("token verified with the wrong secret")
			}
		})
	}
}

func TestJoinTokenKindIsAgentOnlyForAgents(t *testing.T) {
	iss := newIssuer(t)
	tok, err := iss.JoinToken("agent-1", "Interviewer", "r", time.Minute, livekit.TokenOptions{Role: livekit.RoleAgent})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := auth.ParseAPIToken(tok)
	_, g, err := v.Verify(testSecret)
	if err != nil {
		t.Fatal(err)
	}
	if g.GetParticipantKind() != lkproto.ParticipantInfo_AGENT {
		t.Errorf("kind = %v, want AGENT", g.GetParticipantKind())
	}
}

func TestJoinTokenMetadataAndAttributes(t *testing.T) {
	iss := newIssuer(t)
	tok, err := iss.JoinToken("cand", "", "room", time.Minute, livekit.TokenOptions{
		Role: livekit.RoleCandidate, Metadata: `{"interview_id":7}`, Attributes: map[string]string{"lang": "fr"},
	})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := auth.ParseAPIToken(tok)
	_, g, err := v.Verify(testSecret)
	if err != nil {
		t.Fatal(err)
	}
	if g.Metadata != `{"interview_id":7}` || g.Attributes["lang"] != "fr" {
		t.Errorf("metadata %q attributes %v", g.Metadata, g.Attributes)
	}
}

func TestJoinTokenRefusesBadInput(t *testing.T) {
	iss := newIssuer(t)
	long := strings.Repeat("x", 257)
	tests := []struct {
		name, identity, display, room string
		ttl                           time.Duration
		opts                          livekit.TokenOptions
	}{
		{"no identity", "", "n", "r", time.Minute, livekit.TokenOptions{Role: livekit.RoleCandidate}},
		{"blank identity", "  ", "n", "r", time.Minute, livekit.TokenOptions{Role: livekit.RoleCandidate}},
		{"no room", "i", "n", "", time.Minute, livekit.TokenOptions{Role: livekit.RoleCandidate}},
		{"long identity", long, "n", "r", time.Minute, livekit.TokenOptions{Role: livekit.RoleCandidate}},
		{"long room", "i", "n", long, time.Minute, livekit.TokenOptions{Role: livekit.RoleCandidate}},
		{"long name", "i", long, "r", time.Minute, livekit.TokenOptions{Role: livekit.RoleCandidate}},
		{"control chars", "i\n", "n", "r", time.Minute, livekit.TokenOptions{Role: livekit.RoleCandidate}},
		{"zero ttl", "i", "n", "r", 0, livekit.TokenOptions{Role: livekit.RoleCandidate}},
		{"negative ttl", "i", "n", "r", -time.Minute, livekit.TokenOptions{Role: livekit.RoleCandidate}},
		{"ttl over cap", "i", "n", "r", livekit.MaxTokenTTL + time.Second, livekit.TokenOptions{Role: livekit.RoleCandidate}},
		{"no role", "i", "n", "r", time.Minute, livekit.TokenOptions{}},
		{"unknown role", "i", "n", "r", time.Minute, livekit.TokenOptions{Role: 42}},
		{"huge metadata", "i", "n", "r", time.Minute, livekit.TokenOptions{Role: livekit.RoleCandidate, Metadata: strings.Repeat("m", livekit.MaxMetadataLength+1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok, err := iss.JoinToken(tt.identity, tt.display, tt.room, tt.ttl, tt.opts)
			if got := livekit.ErrorCode(err); got != livekit.CodeTokenInvalid {
				t.Fatalf("code = %q (err %v, token %q), want %q", got, err, tok, livekit.CodeTokenInvalid)
			}
		})
	}
}

func TestNewIssuerNeedsKeys(t *testing.T) {
	if _, err := livekit.NewIssuer("", "s"); err == nil {
		t.Error("accepted empty key")
	}
	if _, err := livekit.NewIssuer("k", ""); err == nil {
		t.Error("accepted empty secret")
	}
}
