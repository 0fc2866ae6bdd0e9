package interview

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/utopiahire/utopiahire/hub"
)

// Hub channels and credential scopes of the interviews area.
const (
	// ChannelNamespace is the namespace of interview:<id> channels.
	ChannelNamespace = "interview"
	// DispatchNamespace is the namespace of the agents' dispatch channel.
	DispatchNamespace = "agents"
	// DispatchChannel is where new interviews are offered to agent workers.
	DispatchChannel = DispatchNamespace + ":dispatch"
	// DispatchScope is the scope of a worker's dispatch credential.
	DispatchScope = DispatchChannel
	// ClaimSubjectPrefix starts the subject of an interview credential; the
	// rest is the claim id.
	ClaimSubjectPrefix = "claim:"
	// WorkerSubjectPrefix starts the subject of a dispatch credential; the
	// rest is the worker id.
	WorkerSubjectPrefix = "worker:"
)

// Channel is the hub channel of an interview.
func Channel(id string) string { return ChannelNamespace + ":" + id }

// Message types on interview:<id>. The server publishes state, claimed,
// released, room, note and report; the agent publishes transcript and agent.
const (
	TypeState      = "state"
	TypeClaimed    = "claimed"
	TypeReleased   = "released"
	TypeRoom       = "room"
	TypeNote       = "note"
	TypeReport     = "report"
	TypeReviewer   = "reviewer"
	TypeTranscript = "transcript"
	TypeAgent      = "agent"
	// On agents:dispatch.
	TypeOffer     = "offer"
	TypeWithdrawn = "withdrawn"
)

// Agent events (messages {"type":"agent","event":...}). Those in
// ephemeralEvents are relayed but not stored in the timeline.
const (
	AgentJoined    = "joined"
	AgentEnding    = "ending"
	AgentFailed    = "failed"
	AgentAbandoned = "abandoned"
)

var ephemeralEvents = map[string]bool{"speaking": true, "listening": true}

// Segment is one transcript segment as the agent publishes it and as the
// API returns it.
type Segment struct {
	Seq     int    `json:"seq"`
	Speaker string `json:"speaker"`
	Text    string `json:"text"`
	Lang    string `json:"lang"`
	StartMS int    `json:"start_ms"`
	EndMS   int    `json:"end_ms"`
	Final   bool   `json:"final"`
}

// Speakers of transcript segments.
const (
	SpeakerCandidate   = "candidate"
	SpeakerInterviewer = "interviewer"
)

// Limits on what an agent publishes.
const (
	maxSegmentText  = 10000
	maxSeq          = 1_000_000
	maxSegmentMS    = 24 * 60 * 60 * 1000
	maxAgentEvent   = 4 << 10
	maxEventNameLen = 32
)

// agentMessage is the part of an agent publication the server reads.
type agentMessage struct {
	Type    string  `json:"type"`
	Seq     *int    `json:"seq"`
	Speaker string  `json:"speaker"`
	Text    *string `json:"text"`
	Lang    string  `json:"lang"`
	StartMS *int    `json:"start_ms"`
	EndMS   *int    `json:"end_ms"`
	Final   *bool   `json:"final"`
	Event   string  `json:"event"`
	Reason  string  `json:"reason"`
	Message string  `json:"message"`
}

func refuse(code, format string, args ...any) *hub.Error {
	return hub.NewError(code, fmt.Sprintf(format, args...))
}

// parseAgentMessage decodes and checks one agent publication.
func parseAgentMessage(data []byte) (agentMessage, error) {
	var m agentMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&m); err != nil {
		return m, refuse(CodeInvalidMessage, "The message must be a JSON object with a type.")
	}
	switch m.Type {
	case TypeTranscript:
		_, err := m.segment()
		return m, err
	case TypeAgent:
		return m, m.checkEvent(len(data))
	case "":
		return m, refuse(CodeInvalidMessage, "The message has no type.")
	}
	return m, refuse(CodeUnknownMessage, "Agents publish messages of type transcript or agent, not %q.", clip(m.Type, 32))
}

// segment validates a transcript message and returns its segment.
func (m agentMessage) segment() (Segment, error) {
	switch {
	case m.Seq == nil || *m.Seq < 0 || *m.Seq > maxSeq:
		return Segment{}, refuse(CodeInvalidMessage, "seq must be a whole number from 0 to %d.", maxSeq)
	case m.Speaker != SpeakerCandidate && m.Speaker != SpeakerInterviewer:
		return Segment{}, refuse(CodeInvalidMessage, "speaker must be candidate or interviewer.")
	case m.Text == nil || !utf8.ValidString(*m.Text) || utf8.RuneCountInString(*m.Text) > maxSegmentText:
		return Segment{}, refuse(CodeInvalidMessage, "text must be UTF-8 text of at most %d characters.", maxSegmentText)
	case hasControl(*m.Text):
		// Postgres text cannot hold NUL: refused here, with a reason the
		// agent can log, instead of failing the insert on every retry.
		return Segment{}, refuse(CodeInvalidMessage, "text must not contain control characters (NUL, escape codes); only tab and line breaks are allowed.")
	case !validLang(m.Lang):
		return Segment{}, refuse(CodeInvalidMessage, "lang must be a language tag such as en or fr.")
	case m.StartMS == nil || m.EndMS == nil || *m.StartMS < 0 || *m.EndMS < *m.StartMS || *m.EndMS > maxSegmentMS:
		return Segment{}, refuse(CodeInvalidMessage, "start_ms and end_ms must be milliseconds with start_ms <= end_ms.")
	case m.Final == nil:
		return Segment{}, refuse(CodeInvalidMessage, "final must be true or false.")
	}
	return Segment{Seq: *m.Seq, Speaker: m.Speaker, Text: *m.Text, Lang: m.Lang, StartMS: *m.StartMS, EndMS: *m.EndMS, Final: *m.Final}, nil
}

func (m agentMessage) checkEvent(size int) error {
	if size > maxAgentEvent {
		return refuse(CodeInvalidMessage, "Agent events are at most %d bytes.", maxAgentEvent)
	}
	if !validName(m.Event) {
		return refuse(CodeInvalidMessage, "event must be a name of lowercase letters and underscores (at most %d).", maxEventNameLen)
	}
	if (m.Event == AgentFailed || m.Event == AgentAbandoned) && !validName(m.Reason) {
		return refuse(CodeInvalidMessage, "A %s event needs a reason code (lowercase letters and underscores).", m.Event)
	}
	if utf8.RuneCountInString(m.Message) > 500 {
		return refuse(CodeInvalidMessage, "message is at most 500 characters.")
	}
	if !utf8.ValidString(m.Message) || hasControl(m.Message) {
		return refuse(CodeInvalidMessage, "message must be UTF-8 text without control characters (NUL, escape codes); only tab and line breaks are allowed.")
	}
	return nil
}

// hasControl reports a control character other than tab and line breaks.
func hasControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' })
}

func validName(s string) bool {
	if s == "" || len(s) > maxEventNameLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c == '_' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func validLang(s string) bool {
	if len(s) < 2 || len(s) > 16 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-') {
			return false
		}
	}
	return true
}

func clip(s string, n int) string {
	s = strings.ToValidUTF8(s, "")
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// channelMessage renders a server message: the fields of data plus type,
// the timeline event id (0: not stored) and the time.
func channelMessage(typ string, eventID int64, at time.Time, data map[string]any) ([]byte, error) {
	msg := make(map[string]any, len(data)+3)
	for k, v := range data {
		msg[k] = v
	}
	msg["type"] = typ
	msg["at"] = at.UTC().Format(time.RFC3339Nano)
	if eventID > 0 {
		msg["event_id"] = eventID
	}
	b, err := json.Marshal(msg)
	if err != nil {
		return nil, fmt.Errorf("encode %s message: %w", typ, err)
	}
	return b, nil
}

// interviewIDOf returns the id in an interview:<id> channel name.
func interviewIDOf(channel string) (string, error) {
	ns, id, ok := strings.Cut(channel, ":")
	if !ok || ns != ChannelNamespace || id == "" {
		return "", errors.New("not an interview channel")
	}
	return id, nil
}
