package hub

import (
	"context"
	"hash/maphash"
	"sync"
	"time"
)

const hubShards = 64

var shardSeed = maphash.MakeSeed()

type channelShard struct {
	mu    sync.RWMutex
	chans map[string]*channel
}

// channel is this node's view of one channel: its local subscribers and
// whether the node listens to it on the broker.
type channel struct {
	name string
	ns   *namespace
	refs int // guarded by the shard lock: subscriptions holding the channel

	brokerMu sync.Mutex // serialises broker Subscribe/Unsubscribe for this name
	brokerOn bool       // guarded by brokerMu

	mu        sync.Mutex // guards subs, every subscription's delivery state, repairing
	subs      []*subscription
	repairing bool
}

type subState uint8

const (
	// subPending buffers live publications until the subscriber's history
	// read is merged in, so that nothing falls between history and live.
	subPending subState = iota
	subLive
	// subRepair buffers after a gap in the live feed until a repair merges
	// history in.
	subRepair
)

// subscription is one client's subscription to one channel.
type subscription struct {
	c    *client
	ch   *channel
	info ClientInfo // for presence

	// Guarded by ch.mu.
	idx      int
	state    subState
	pos      StreamPosition // last offset delivered to the client
	buf      []bufferedPub
	bufBytes int
	removed  bool
	counted  bool // went live once: counted in the subscription gauges

	presence bool // guarded by c.subsMu: added to presence
}

type bufferedPub struct {
	pub   Publication
	frame []byte
}

func (h *Hub) shard(name string) *channelShard {
	return &h.shards[maphash.String(shardSeed, name)%hubShards]
}

func (h *Hub) lookup(name string) *channel {
	sh := h.shard(name)
	sh.mu.RLock()
	ch := sh.chans[name]
	sh.mu.RUnlock()
	return ch
}

// acquire returns the channel, created if needed, holding a reference that
// release gives back.
func (h *Hub) acquire(name string, ns *namespace) *channel {
	sh := h.shard(name)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	ch := sh.chans[name]
	if ch == nil {
		ch = &channel{name: name, ns: ns}
		sh.chans[name] = ch
	}
	ch.refs++
	return ch
}

// release drops a reference; the last one unsubscribes the node from the
// broker and forgets the channel. brokerMu is taken first so a concurrent
// acquire either sees the channel still subscribed or waits and re-subscribes.
func (h *Hub) release(ch *channel) {
	sh := h.shard(ch.name)
	sh.mu.Lock()
	ch.refs--
	last := ch.refs == 0
	sh.mu.Unlock()
	if !last {
		return
	}
	ch.brokerMu.Lock()
	defer ch.brokerMu.Unlock()
	sh.mu.Lock()
	if ch.refs > 0 {
		sh.mu.Unlock()
		return
	}
	sh.mu.Unlock()
	if ch.brokerOn {
		ctx, cancel := context.WithTimeout(context.Background(), h.cfg.BrokerTimeout)
		err := h.broker.Unsubscribe(ctx, ch.name)
		cancel()
		if err != nil {
			h.log.Warn("broker unsubscribe failed", "channel", ch.name, "err", err)
		}
		ch.brokerOn = false
	}
	sh.mu.Lock()
	if ch.refs == 0 && sh.chans[ch.name] == ch {
		delete(sh.chans, ch.name)
	}
	sh.mu.Unlock()
}

func (h *Hub) ensureBrokerSubscribed(ctx context.Context, ch *channel) error {
	ch.brokerMu.Lock()
	defer ch.brokerMu.Unlock()
	if ch.brokerOn {
		return nil
	}
	start := time.Now()
	err := h.broker.Subscribe(ctx, ch.name)
	h.metrics.observeBroker("subscribe", start)
	if err != nil {
		return err
	}
	ch.brokerOn = true
	return nil
}

func (h *Hub) history(ctx context.Context, ch *channel, since *StreamPosition) (HistoryResult, error) {
	start := time.Now()
	res, err := h.broker.History(ctx, ch.name, HistoryQuery{Since: since, Limit: ch.ns.HistorySize, MetaTTL: ch.ns.HistoryMetaTTL})
	h.metrics.observeBroker("history", start)
	return res, err
}

// deliver fans a publication out to the channel's local subscribers. The frame
// is encoded once and shared by every queue.
func (h *Hub) deliver(name string, pub Publication) {
	ch := h.lookup(name)
	if ch == nil {
		return
	}
	frame := encodeMessage(name, pub)
	ch.mu.Lock()
	defer ch.mu.Unlock()
	repair := false
	for _, s := range ch.subs {
		if s.state != subLive {
			h.buffer(s, pub, frame)
			continue
		}
		switch {
		case pub.Epoch == s.pos.Epoch && pub.Offset == s.pos.Offset+1:
			s.pos.Offset = pub.Offset
			s.c.enqueue(frame)
		case pub.Epoch == s.pos.Epoch && pub.Offset <= s.pos.Offset:
			// Already delivered from history.
		default:
			// A gap or a new epoch: the live feed lost something.
			s.state = subRepair
			h.buffer(s, pub, frame)
			repair = true
		}
	}
	if repair {
		h.startRepair(ch)
	}
}

// buffer keeps a publication for a subscription that is not live yet. When the
// buffer is full it starts over: whatever it dropped is older than the history
// read still to come, or the merge sees the gap and reads again.
func (h *Hub) buffer(s *subscription, pub Publication, frame []byte) {
	if len(s.buf) >= h.cfg.MaxQueueMessages || s.bufBytes+len(frame) > h.cfg.MaxQueueBytes {
		clear(s.buf)
		s.buf, s.bufBytes = s.buf[:0], 0
	}
	s.buf = append(s.buf, bufferedPub{pub: pub, frame: frame})
	s.bufBytes += len(frame)
}

func (h *Hub) deliverPresence(name, event string, info ClientInfo) {
	ch := h.lookup(name)
	if ch == nil || !ch.ns.JoinLeave {
		return
	}
	frame := encodeFrame(Frame{Op: OpPresence, Channel: name, Event: event, Who: &info})
	ch.mu.Lock()
	defer ch.mu.Unlock()
	for _, s := range ch.subs {
		if s.state == subLive && s.c.id != info.Client {
			s.c.enqueue(frame)
		}
	}
}

// resync is called when the broker's live feed for a channel was interrupted:
// every live subscription re-reads history from its position.
func (h *Hub) resync(name string) {
	ch := h.lookup(name)
	if ch == nil {
		return
	}
	ch.mu.Lock()
	defer ch.mu.Unlock()
	found := false
	for _, s := range ch.subs {
		if s.state == subLive {
			s.state = subRepair
			found = true
		}
	}
	if found {
		h.startRepair(ch)
	}
}

// startRepair runs a repair goroutine for the channel unless one runs. ch.mu held.
func (h *Hub) startRepair(ch *channel) {
	if ch.repairing {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closing {
		return
	}
	ch.repairing = true
	h.wg.Add(1)
	go h.repair(ch)
}

// repair brings subscriptions in subRepair back to live. Subscriptions are
// grouped by epoch so one history read serves each group; a subscription
// whose missed messages are gone gets an unsolicited subscribed frame with
// recovered:false and continues from what history still has.
func (h *Hub) repair(ch *channel) {
	defer h.wg.Done()
	delay := 50 * time.Millisecond
	for {
		ch.mu.Lock()
		groups := repairGroups(ch)
		if len(groups) == 0 {
			ch.repairing = false
			ch.mu.Unlock()
			return
		}
		ch.mu.Unlock()
		progress, err := h.repairOnce(ch, groups)
		if progress {
			delay = 50 * time.Millisecond
			continue
		}
		if err != nil {
			h.log.Warn("channel repair: history read failed", "channel", ch.name, "err", err)
		}
		// Nothing settled: the live feed may still be catching up, or the
		// broker is down. Wait before reading again.
		select {
		case <-h.stop:
			ch.mu.Lock()
			ch.repairing = false
			ch.mu.Unlock()
			return
		case <-time.After(delay):
		}
		delay = min(2*delay, 2*time.Second)
	}
}

// repairGroups returns, per epoch held by subscriptions awaiting repair, the
// lowest offset among them. ch.mu held.
func repairGroups(ch *channel) map[string]uint64 {
	groups := make(map[string]uint64)
	for _, s := range ch.subs {
		if s.state != subRepair {
			continue
		}
		if off, ok := groups[s.pos.Epoch]; !ok || s.pos.Offset < off {
			groups[s.pos.Epoch] = s.pos.Offset
		}
	}
	return groups
}

// repairOnce reads history once per group (and once more for the current
// epoch if some subscriptions are from an older one) and merges.
func (h *Hub) repairOnce(ch *channel, groups map[string]uint64) (progress bool, err error) {
	var current string
	for epoch, off := range groups {
		since := StreamPosition{Epoch: epoch, Offset: off}
		res, rerr := h.timedHistory(ch, &since)
		if rerr != nil {
			return progress, rerr
		}
		n, needEpoch := h.applyRepair(ch, res, &since, func(s *subscription) bool { return s.pos.Epoch == epoch })
		progress = progress || n > 0
		if needEpoch {
			current = res.Top.Epoch
		}
	}
	if current == "" {
		return progress, nil
	}
	since := StreamPosition{Epoch: current}
	res, err := h.timedHistory(ch, &since)
	if err != nil {
		return progress, err
	}
	n, _ := h.applyRepair(ch, res, &since, func(s *subscription) bool { return s.pos.Epoch != current })
	return progress || n > 0, nil
}

func (h *Hub) timedHistory(ch *channel, since *StreamPosition) (HistoryResult, error) {
	ctx, cancel := context.WithTimeout(context.Background(), h.cfg.BrokerTimeout)
	defer cancel()
	return h.history(ctx, ch, since)
}

// applyRepair merges res into the matching subscriptions awaiting repair. It
// returns how many went live and whether some need the current epoch read.
func (h *Hub) applyRepair(ch *channel, res HistoryResult, since *StreamPosition, match func(*subscription) bool) (int, bool) {
	ch.mu.Lock()
	defer ch.mu.Unlock()
	live, needEpoch := 0, false
	for _, s := range ch.subs {
		if s.state != subRepair || !match(s) {
			continue
		}
		want := s.pos
		m, st := h.merge(ch, s, res, since, &want)
		switch st {
		case mergeReadEpoch:
			needEpoch = true
			continue
		case mergeRetry:
			continue
		}
		frames := m.frames
		if m.recovered {
			h.metrics.recoveries.WithLabelValues("repaired").Inc()
		} else {
			h.metrics.recoveries.WithLabelValues("lost").Inc()
			frames = append([][]byte{encodeFrame(Frame{
				Op: OpSubscribed, Channel: ch.name, Epoch: m.start.Epoch, Offset: m.start.Offset, Recovered: boolPtr(false),
			})}, m.frames...)
		}
		h.goLive(s, m.pos)
		s.c.enqueueMany(frames)
		live++
	}
	return live, needEpoch
}

type mergeStatus uint8

const (
	mergeOK mergeStatus = iota
	// mergeRetry: the read does not line up with the buffered live feed; read again.
	mergeRetry
	// mergeReadEpoch: the client's epoch is gone; read the current epoch from
	// its start to deliver what it still has.
	mergeReadEpoch
	// mergeAborted: the subscription was removed meanwhile.
	mergeAborted
)

// merged is a history read joined with a subscription's buffered live
// publications.
type merged struct {
	start     StreamPosition // announced to the client; frames continue from it
	frames    [][]byte       // history, then buffered live messages
	pos       StreamPosition // after the frames
	recovered bool           // nothing between want and start was lost
}

// merge joins a history read (made from histSince) with s's buffer. want is
// the position the client has (nil: start at the current position). When the
// messages after want are gone, it starts just before the oldest message
// history still has (or at the top) with recovered false. ch.mu held.
func (h *Hub) merge(ch *channel, s *subscription, res HistoryResult, histSince, want *StreamPosition) (merged, mergeStatus) {
	var m merged
	if res.Continues && histSince != nil && want != nil && want.Epoch == histSince.Epoch && want.Epoch != res.Top.Epoch {
		// The epoch forked after the position: it continues in the new one.
		w, hs := StreamPosition{Epoch: res.Top.Epoch, Offset: want.Offset}, StreamPosition{Epoch: res.Top.Epoch, Offset: histSince.Offset}
		want, histSince = &w, &hs
	}
	var hist []Publication
	top := res.Top
	switch {
	case want == nil:
		m.start, m.recovered = top, true
	case want.Epoch == top.Epoch && want.Offset == top.Offset:
		m.start, m.recovered = top, true
	case want.Epoch == top.Epoch && want.Offset < top.Offset:
		if histSince == nil || histSince.Epoch != top.Epoch || histSince.Offset > want.Offset {
			return m, mergeRetry
		}
		tail := contiguousTail(res.Publications, top.Offset)
		if len(tail) > 0 && tail[0].Offset <= want.Offset+1 {
			m.start, m.recovered = *want, true
			for _, p := range tail {
				if p.Offset > want.Offset {
					hist = append(hist, p)
				}
			}
		} else {
			m.start, hist = tailStart(tail, top), tail
		}
	case want.Epoch != top.Epoch && top.Offset > 0 && (histSince == nil || histSince.Epoch != top.Epoch || histSince.Offset != 0):
		return m, mergeReadEpoch
	case want.Epoch != top.Epoch:
		// The epoch changed; res was read from the new epoch's start.
		tail := contiguousTail(res.Publications, top.Offset)
		m.start, hist = tailStart(tail, top), tail
	default:
		// A position ahead of the stream: only the present can be trusted.
		m.start = top
	}
	m.pos = m.start
	for _, p := range hist {
		m.frames = append(m.frames, encodeMessage(ch.name, p))
		m.pos.Offset = p.Offset
	}
	seenEpoch := false
	for _, b := range s.buf {
		if b.pub.Epoch != m.pos.Epoch {
			if seenEpoch {
				return merged{}, mergeRetry // the epoch moved on after the read
			}
			continue // from an epoch that ended before the read
		}
		seenEpoch = true
		switch {
		case b.pub.Offset <= m.pos.Offset:
			continue
		case b.pub.Offset != m.pos.Offset+1:
			return merged{}, mergeRetry
		}
		m.frames = append(m.frames, b.frame)
		m.pos.Offset = b.pub.Offset
	}
	return m, mergeOK
}

// contiguousTail returns the longest run of pubs ending at offset top with no
// gap (nil if the last one is not top).
func contiguousTail(pubs []Publication, top uint64) []Publication {
	n := len(pubs)
	if n == 0 || pubs[n-1].Offset != top {
		return nil
	}
	i := n - 1
	for i > 0 && pubs[i-1].Offset == pubs[i].Offset-1 {
		i--
	}
	return pubs[i:]
}

// tailStart is the position just before the oldest message of tail, or top.
func tailStart(tail []Publication, top StreamPosition) StreamPosition {
	if len(tail) == 0 {
		return top
	}
	return StreamPosition{Epoch: top.Epoch, Offset: tail[0].Offset - 1}
}

// goLive switches s to direct delivery at pos. ch.mu held.
func (h *Hub) goLive(s *subscription, pos StreamPosition) {
	s.state = subLive
	s.pos = pos
	clear(s.buf)
	s.buf, s.bufBytes = nil, 0
}

// addSub attaches s to ch in the pending state.
func (h *Hub) addSub(ch *channel, s *subscription) {
	ch.mu.Lock()
	defer ch.mu.Unlock()
	s.ch = ch
	s.idx = len(ch.subs)
	s.state = subPending
	ch.subs = append(ch.subs, s)
}

// detachSub removes s from its channel. It reports whether s had gone live,
// and false for removed if another call removed it first.
func (h *Hub) detachSub(s *subscription) (wasLive, removed bool) {
	ch := s.ch
	ch.mu.Lock()
	defer ch.mu.Unlock()
	if s.removed {
		return false, false
	}
	s.removed = true
	last := len(ch.subs) - 1
	ch.subs[s.idx] = ch.subs[last]
	ch.subs[s.idx].idx = s.idx
	ch.subs[last] = nil
	ch.subs = ch.subs[:last]
	clear(s.buf)
	s.buf = nil
	return s.counted, true
}
