package httpapi

import (
	"context"
	"sync"
	"time"
)

// slots bounds how many requests do something expensive at once: a request
// takes a slot, waiting a bounded time, and gives it back when done.
type slots chan struct{}

// take waits up to wait (or until ctx ends) for a slot. release gives it
// back and may be called more than once.
func (s slots) take(ctx context.Context, wait time.Duration) (release func(), ok bool) {
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case s <- struct{}{}:
		var once sync.Once
		return func() { once.Do(func() { <-s }) }, true
	case <-ctx.Done():
		return nil, false
	case <-t.C:
		return nil, false
	}
}
