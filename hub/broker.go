package hub

import (
	"context"
	"time"
)

// Publication is one message in a channel's stream.
type Publication struct {
	Epoch  string
	Offset uint64
	Data   []byte
}

// Position returns where the publication sits in its stream.
func (p Publication) Position() StreamPosition {
	return StreamPosition{Epoch: p.Epoch, Offset: p.Offset}
}

// PublishOptions carries the channel's namespace rules to the broker.
type PublishOptions struct {
	// HistorySize is how many publications the channel keeps (0: none).
	HistorySize int
	// HistoryTTL is how long history survives after the last publication.
	HistoryTTL time.Duration
	// MetaTTL is how long the epoch and offset survive without activity; when
	// they expire the next publication starts a new epoch. Never below HistoryTTL.
	MetaTTL time.Duration
	// IdempotencyKey, when set, makes a repeated publish with the same key
	// return the first one's position instead of appending again.
	IdempotencyKey string
	// IdempotencyTTL is how long a key is remembered.
	IdempotencyTTL time.Duration
	// Deadline, when set, is when the caller stops waiting and reports the
	// publish as failed. A publish that reaches the store after it appends
	// nothing, records no key and returns ErrUnavailable: "unavailable" then
	// means "not done", even when the request was stuck in a frozen store and
	// runs later. (Only a publish that ran just before the deadline and whose
	// reply was slower than the caller's margin can be done yet reported as
	// failed; a retry with the same key is then answered with its position.)
	Deadline time.Time
}

// HistoryQuery selects what History returns.
type HistoryQuery struct {
	// Since, when set and in the current epoch, asks for publications after it.
	// Nil asks for the current position only.
	Since *StreamPosition
	// Limit caps the publications returned (0: no cap).
	Limit int
	// MetaTTL is applied when the read has to create the channel's epoch.
	MetaTTL time.Duration
}

// HistoryResult is a channel's current position and, if asked for, the
// publications after the query's Since, oldest first.
type HistoryResult struct {
	Top          StreamPosition
	Publications []Publication
	// Continues reports that the query's Since lies in an earlier epoch that
	// Top's epoch continues (a Redis that took over after a failover forks a
	// new epoch from the last offset it has): Since's offset is at or below
	// the fork, so the publications after it are Top's epoch's, with the same
	// offsets, and nothing was lost.
	Continues bool
}

// EventHandler receives what a Broker delivers. The broker calls it from its
// delivery goroutines (MemoryBroker: the publisher's; RedisBroker: one per
// pub/sub connection, so one per master on a cluster), concurrently for
// different channels and in publication order per channel, except around a
// reconnect, which HandleResync reports; implementations must not block.
type EventHandler interface {
	HandlePublication(channel string, pub Publication)
	HandleJoin(channel string, info ClientInfo)
	HandleLeave(channel string, info ClientInfo)
	HandleControl(data []byte)
	// HandleResync reports that publications on channel may have been missed
	// (the broker's live feed was interrupted); the handler re-reads history.
	HandleResync(channel string)
}

// Broker moves publications between nodes and keeps per-channel history with
// offsets that never gap or repeat.
type Broker interface {
	PresenceManager
	// RegisterEventHandler is called by hub.New, before any Subscribe. A
	// MemoryBroker delivers to every hub registered with it (several hubs in
	// one process); a RedisBroker serves one hub, and a later registration
	// replaces the earlier one.
	RegisterEventHandler(h EventHandler)
	// Subscribe makes this node receive the channel's live publications and
	// join/leave events. It returns once delivery is guaranteed for every
	// publication appended after it returns.
	Subscribe(ctx context.Context, channel string) error
	Unsubscribe(ctx context.Context, channel string) error
	// Publish appends data to the channel's history and delivers it to every
	// subscribed node, atomically assigning the next offset. With an
	// idempotency key, the key is recorded in the same atomic step, and a
	// publish whose key is already recorded appends nothing and returns the
	// first one's position. Past opts.Deadline it appends nothing.
	Publish(ctx context.Context, channel string, data []byte, opts PublishOptions) (StreamPosition, error)
	History(ctx context.Context, channel string, q HistoryQuery) (HistoryResult, error)
	PublishJoin(ctx context.Context, channel string, info ClientInfo) error
	PublishLeave(ctx context.Context, channel string, info ClientInfo) error
	// PublishControl delivers data to HandleControl on every node, this one included.
	PublishControl(ctx context.Context, data []byte) error
	Close(ctx context.Context) error
}

// PresenceManager stores who is subscribed to a channel. Entries expire after
// their TTL unless refreshed, so a crashed node's clients disappear.
type PresenceManager interface {
	AddPresence(ctx context.Context, channel string, info ClientInfo, ttl time.Duration) error
	RemovePresence(ctx context.Context, channel, clientID string) error
	Presence(ctx context.Context, channel string) ([]ClientInfo, error)
}
