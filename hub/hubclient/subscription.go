package hubclient

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/utopiahire/utopiahire/hub"
)

// Subscription is a channel subscription that follows the client across
// reconnects.
type Subscription struct {
	c       *Client
	channel string
	opts    SubscribeOptions

	mu        sync.Mutex
	pos       hub.StreamPosition
	hasPos    bool
	once      bool // established at least once
	firstDone bool
	first     chan error
}

// Subscribe subscribes to channel and waits for the hub's answer. While
// disconnected it waits for the next connection.
func (c *Client) Subscribe(ctx context.Context, channel string, opts SubscribeOptions) (*Subscription, error) {
	s := &Subscription{c: c, channel: channel, opts: opts, first: make(chan error, 1)}
	if opts.Since != nil {
		s.pos, s.hasPos = *opts.Since, true
	}
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil, ErrClosed
	}
	if c.subs[channel] != nil {
		c.mu.Unlock()
		return nil, fmt.Errorf("hubclient: already subscribed to %s", channel)
	}
	c.subs[channel] = s
	sess := c.sess
	c.mu.Unlock()
	if sess != nil {
		c.sendSubscribe(sess, s)
	}
	select {
	case err := <-s.first:
		if err != nil {
			return nil, err
		}
		return s, nil
	case <-ctx.Done():
		_ = s.Unsubscribe(context.Background())
		return nil, ctx.Err()
	}
}

// Channel returns the subscription's channel.
func (s *Subscription) Channel() string { return s.channel }

// Position returns the last position received, if any.
func (s *Subscription) Position() (hub.StreamPosition, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pos, s.hasPos
}

func (c *Client) sub(channel string) *Subscription {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.subs[channel]
}

func (c *Client) subBytes(channel []byte) *Subscription {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.subs[string(channel)] // no allocation for a map index
}

// deliver hands a message to OnMessage unless it was already delivered.
func (s *Subscription) deliver(epoch []byte, offset uint64, data []byte) {
	s.mu.Lock()
	sameEpoch := s.hasPos && string(epoch) == s.pos.Epoch // compared without allocating
	if sameEpoch && offset <= s.pos.Offset {
		s.mu.Unlock()
		return
	}
	if !sameEpoch {
		s.pos.Epoch = string(epoch)
	}
	s.pos.Offset, s.hasPos = offset, true
	pos := s.pos
	s.mu.Unlock()
	if cb := s.opts.OnMessage; cb != nil {
		cb(Message{Channel: s.channel, Position: pos, Data: data})
	}
}

func (c *Client) removeSub(s *Subscription) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.subs[s.channel] != s {
		return false
	}
	delete(c.subs, s.channel)
	return true
}

func (c *Client) sendSubscribe(sess *session, s *Subscription) {
	f := hub.Frame{Op: hub.OpSubscribe, Channel: s.channel}
	s.mu.Lock()
	if s.hasPos {
		p := s.pos
		f.Since = &p
	}
	s.mu.Unlock()
	c.request(sess, f, func(r hub.Frame) {
		if r.Op == hub.OpSubscribed {
			s.established(&r, false)
			return
		}
		err := replyError(r)
		var se *ServerError
		switch {
		case errors.Is(err, ErrDisconnected):
			// Resubscribed on the next session.
		case errors.As(err, &se) && se.Code == hub.CodeUnavailable:
			time.AfterFunc(c.backoff(1), func() {
				if cur, _ := c.current(); cur == sess && c.sub(s.channel) == s {
					c.sendSubscribe(sess, s)
				}
			})
		default:
			if c.removeSub(s) {
				s.fail(err)
				if cb := s.opts.OnUnsubscribed; cb != nil && se != nil && s.wasEstablished() {
					cb(se.Code)
				}
			}
		}
	})
}

func (s *Subscription) wasEstablished() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.once
}

// established handles a subscribed frame: a reply, or (unsolicited) a reset.
func (s *Subscription) established(f *hub.Frame, unsolicited bool) {
	start := hub.StreamPosition{Epoch: f.Epoch, Offset: f.Offset}
	recovered := f.Recovered == nil || *f.Recovered
	s.mu.Lock()
	// The messages that follow continue from the announced position.
	s.pos, s.hasPos = start, true
	ev := SubscribedEvent{Position: start, Recovered: recovered, Resubscribed: s.once || unsolicited}
	s.once = true
	first := !s.firstDone
	s.firstDone = true
	s.mu.Unlock()
	if cb := s.opts.OnSubscribed; cb != nil {
		cb(ev)
	}
	if first {
		s.first <- nil
	}
}

func (s *Subscription) fail(err error) {
	s.mu.Lock()
	first := !s.firstDone
	s.firstDone = true
	s.mu.Unlock()
	if first {
		s.first <- err
	}
}

// Unsubscribe ends the subscription.
func (s *Subscription) Unsubscribe(ctx context.Context) error {
	c := s.c
	if !c.removeSub(s) {
		return nil
	}
	s.fail(ErrClosed)
	sess, err := c.current()
	if err != nil || sess == nil {
		return nil // nothing subscribed on the hub without a connection
	}
	ch := make(chan hub.Frame, 1)
	c.request(sess, hub.Frame{Op: hub.OpUnsubscribe, Channel: s.channel}, func(f hub.Frame) { ch <- f })
	select {
	case f := <-ch:
		err := replyError(f)
		var se *ServerError
		if errors.Is(err, ErrDisconnected) || (errors.As(err, &se) && se.Code == hub.CodeNotSubscribed) {
			return nil
		}
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}
