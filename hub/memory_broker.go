package hub

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"hash/maphash"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

var _ Broker = (*MemoryBroker)(nil)

const memoryShards = 64

// MemoryBroker is the single-process Broker: history rings, offsets and
// presence live in this process and are lost when it exits.
type MemoryBroker struct {
	handlers atomic.Pointer[[]EventHandler]
	regMu    sync.Mutex
	seed     maphash.Seed
	shards   [memoryShards]memoryShard

	presenceMu sync.Mutex
	presence   map[string]map[string]presenceEntry

	stop chan struct{}
	done chan struct{}
	once sync.Once
}

type memoryShard struct {
	mu      sync.Mutex
	streams map[string]*memoryStream
}

// memoryStream is one channel's stream. mu also serialises delivery, which is
// what keeps publications in offset order for the handler.
type memoryStream struct {
	mu         sync.Mutex
	dead       bool
	epoch      string
	offset     uint64
	pubs       []Publication // oldest first, at most the history size
	histExpire time.Time
	metaExpire time.Time
	keys       map[string]idempotencyEntry
}

type idempotencyEntry struct {
	pos     StreamPosition
	expires time.Time
}

type presenceEntry struct {
	info    ClientInfo
	expires time.Time
}

// NewMemoryBroker returns a MemoryBroker and starts its expiry sweeper, which
// Close stops.
func NewMemoryBroker() *MemoryBroker {
	b := &MemoryBroker{
		seed:     maphash.MakeSeed(),
		presence: make(map[string]map[string]presenceEntry),
		stop:     make(chan struct{}),
		done:     make(chan struct{}),
	}
	for i := range b.shards {
		b.shards[i].streams = make(map[string]*memoryStream)
	}
	go b.sweep(5 * time.Second)
	return b
}

// RegisterEventHandler implements Broker: every registered hub receives
// every event.
func (b *MemoryBroker) RegisterEventHandler(h EventHandler) {
	b.regMu.Lock()
	defer b.regMu.Unlock()
	var hs []EventHandler
	if cur := b.handlers.Load(); cur != nil {
		hs = append(hs, *cur...)
	}
	hs = append(hs, h)
	b.handlers.Store(&hs)
}

func (b *MemoryBroker) eventHandlers() []EventHandler {
	if hs := b.handlers.Load(); hs != nil {
		return *hs
	}
	return nil
}

// Subscribe implements Broker; every publication reaches the handler anyway.
func (b *MemoryBroker) Subscribe(context.Context, string) error { return nil }

// Unsubscribe implements Broker.
func (b *MemoryBroker) Unsubscribe(context.Context, string) error { return nil }

func (b *MemoryBroker) shard(channel string) *memoryShard {
	return &b.shards[maphash.String(b.seed, channel)%memoryShards]
}

// lockStream returns the channel's stream locked, creating it (with a new
// epoch) when it does not exist or its metadata expired.
func (b *MemoryBroker) lockStream(channel string, now time.Time, metaTTL time.Duration) *memoryStream {
	sh := b.shard(channel)
	for {
		sh.mu.Lock()
		s := sh.streams[channel]
		if s == nil {
			s = &memoryStream{epoch: newEpoch(), metaExpire: now.Add(metaTTL)}
			sh.streams[channel] = s
		}
		sh.mu.Unlock()
		s.mu.Lock()
		if s.dead {
			s.mu.Unlock()
			continue
		}
		if !s.metaExpire.After(now) {
			// Expired metadata: forget the stream and start a new epoch.
			s.dead = true
			s.mu.Unlock()
			sh.mu.Lock()
			if sh.streams[channel] == s {
				delete(sh.streams, channel)
			}
			sh.mu.Unlock()
			continue
		}
		s.expireHistory(now)
		return s
	}
}

func (s *memoryStream) expireHistory(now time.Time) {
	if len(s.pubs) > 0 && !s.histExpire.After(now) {
		s.pubs = nil
	}
}

// Publish implements Broker.
func (b *MemoryBroker) Publish(_ context.Context, channel string, data []byte, opts PublishOptions) (StreamPosition, error) {
	now := time.Now()
	metaTTL := max(opts.MetaTTL, opts.HistoryTTL, time.Millisecond)
	s := b.lockStream(channel, now, metaTTL)
	defer s.mu.Unlock()
	if opts.IdempotencyKey != "" {
		if e, ok := s.keys[opts.IdempotencyKey]; ok && e.expires.After(now) {
			return e.pos, nil
		}
	}
	if !opts.Deadline.IsZero() && now.After(opts.Deadline) {
		return StreamPosition{}, unavailable("publish "+channel, errLate)
	}
	s.offset++
	pub := Publication{Epoch: s.epoch, Offset: s.offset, Data: data}
	s.metaExpire = now.Add(metaTTL)
	if opts.HistorySize > 0 {
		if len(s.pubs) >= opts.HistorySize && cap(s.pubs) == len(s.pubs) {
			// Copy the newest down once the array is full, so trimming costs
			// O(1) per publication on average and memory stays bounded.
			keep := opts.HistorySize - 1
			s.pubs = append(make([]Publication, 0, 2*opts.HistorySize), s.pubs[len(s.pubs)-keep:]...)
		}
		s.pubs = append(s.pubs, pub)
		if n := len(s.pubs) - opts.HistorySize; n > 0 {
			s.pubs = s.pubs[n:]
		}
		s.histExpire = now.Add(opts.HistoryTTL)
	}
	if opts.IdempotencyKey != "" {
		if s.keys == nil {
			s.keys = make(map[string]idempotencyEntry)
		}
		s.keys[opts.IdempotencyKey] = idempotencyEntry{pos: pub.Position(), expires: now.Add(opts.IdempotencyTTL)}
	}
	for _, h := range b.eventHandlers() {
		h.HandlePublication(channel, pub)
	}
	return pub.Position(), nil
}

// History implements Broker.
func (b *MemoryBroker) History(_ context.Context, channel string, q HistoryQuery) (HistoryResult, error) {
	now := time.Now()
	s := b.lockStream(channel, now, max(q.MetaTTL, time.Millisecond))
	defer s.mu.Unlock()
	if q.MetaTTL > 0 {
		if exp := now.Add(q.MetaTTL); exp.After(s.metaExpire) {
			s.metaExpire = exp
		}
	}
	res := HistoryResult{Top: StreamPosition{Epoch: s.epoch, Offset: s.offset}}
	if q.Since == nil || q.Since.Epoch != s.epoch {
		return res, nil
	}
	i := sort.Search(len(s.pubs), func(i int) bool { return s.pubs[i].Offset > q.Since.Offset })
	pubs := s.pubs[i:]
	if q.Limit > 0 && len(pubs) > q.Limit {
		pubs = pubs[:q.Limit]
	}
	res.Publications = append([]Publication(nil), pubs...)
	return res, nil
}

// PublishJoin implements Broker.
func (b *MemoryBroker) PublishJoin(_ context.Context, channel string, info ClientInfo) error {
	for _, h := range b.eventHandlers() {
		h.HandleJoin(channel, info)
	}
	return nil
}

// PublishLeave implements Broker.
func (b *MemoryBroker) PublishLeave(_ context.Context, channel string, info ClientInfo) error {
	for _, h := range b.eventHandlers() {
		h.HandleLeave(channel, info)
	}
	return nil
}

// PublishControl implements Broker.
func (b *MemoryBroker) PublishControl(_ context.Context, data []byte) error {
	for _, h := range b.eventHandlers() {
		h.HandleControl(data)
	}
	return nil
}

// AddPresence implements PresenceManager.
func (b *MemoryBroker) AddPresence(_ context.Context, channel string, info ClientInfo, ttl time.Duration) error {
	b.presenceMu.Lock()
	defer b.presenceMu.Unlock()
	m := b.presence[channel]
	if m == nil {
		m = make(map[string]presenceEntry)
		b.presence[channel] = m
	}
	m[info.Client] = presenceEntry{info: info, expires: time.Now().Add(ttl)}
	return nil
}

// RemovePresence implements PresenceManager.
func (b *MemoryBroker) RemovePresence(_ context.Context, channel, clientID string) error {
	b.presenceMu.Lock()
	defer b.presenceMu.Unlock()
	if m := b.presence[channel]; m != nil {
		delete(m, clientID)
		if len(m) == 0 {
			delete(b.presence, channel)
		}
	}
	return nil
}

// Presence implements PresenceManager. Entries come back ordered by client id.
func (b *MemoryBroker) Presence(_ context.Context, channel string) ([]ClientInfo, error) {
	now := time.Now()
	b.presenceMu.Lock()
	defer b.presenceMu.Unlock()
	m := b.presence[channel]
	out := make([]ClientInfo, 0, len(m))
	for id, e := range m {
		if !e.expires.After(now) {
			delete(m, id)
			continue
		}
		out = append(out, e.info)
	}
	if len(m) == 0 {
		delete(b.presence, channel)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Client < out[j].Client })
	return out, nil
}

// Close stops the sweeper. It is safe to call more than once.
func (b *MemoryBroker) Close(context.Context) error {
	b.once.Do(func() { close(b.stop) })
	<-b.done
	return nil
}

// sweep drops expired streams, idempotency keys and presence so that channels
// nobody uses any more do not keep memory.
func (b *MemoryBroker) sweep(every time.Duration) {
	defer close(b.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-b.stop:
			return
		case now := <-t.C:
			b.sweepStreams(now)
			b.sweepPresence(now)
		}
	}
}

func (b *MemoryBroker) sweepStreams(now time.Time) {
	for i := range b.shards {
		sh := &b.shards[i]
		sh.mu.Lock()
		for name, s := range sh.streams {
			s.mu.Lock()
			if !s.metaExpire.After(now) {
				s.dead = true
				delete(sh.streams, name)
			} else {
				s.expireHistory(now)
				for k, e := range s.keys {
					if !e.expires.After(now) {
						delete(s.keys, k)
					}
				}
			}
			s.mu.Unlock()
		}
		sh.mu.Unlock()
	}
}

func (b *MemoryBroker) sweepPresence(now time.Time) {
	b.presenceMu.Lock()
	defer b.presenceMu.Unlock()
	for ch, m := range b.presence {
		for id, e := range m {
			if !e.expires.After(now) {
				delete(m, id)
			}
		}
		if len(m) == 0 {
			delete(b.presence, ch)
		}
	}
}

// newEpoch returns a random stream epoch: a new one after every reset, so a
// client holding an old position can tell its offsets no longer apply.
func newEpoch() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // never fails since Go 1.24
	return hex.EncodeToString(b[:])
}
