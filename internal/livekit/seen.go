package livekit

import (
	"context"
	"errors"
	"sync"
	"time"
)

// ErrSeenStoreFull is returned by MemorySeenStore when it holds its maximum
// number of unexpired ids.
var ErrSeenStoreFull = errors.New("seen store full")

// MemorySeenStore is a SeenStore for one process: tests and single-node
// development. Ids expire, and the number held is capped.
type MemorySeenStore struct {
	mu      sync.Mutex
	max     int
	expires map[string]time.Time
	now     func() time.Time
}

var _ SeenStore = (*MemorySeenStore)(nil)

// NewMemorySeenStore holds at most maxIDs unexpired ids (<= 0 means 100 000).
func NewMemorySeenStore(maxIDs int) *MemorySeenStore {
	if maxIDs <= 0 {
		maxIDs = 100_000
	}
	return &MemorySeenStore{max: maxIDs, expires: make(map[string]time.Time), now: time.Now}
}

// MarkSeen implements SeenStore.
func (s *MemorySeenStore) MarkSeen(_ context.Context, id string, expiresAt time.Time) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if exp, ok := s.expires[id]; ok && exp.After(now) {
		return false, nil
	}
	if len(s.expires) >= s.max {
		s.pruneLocked(now)
		if len(s.expires) >= s.max {
			return false, ErrSeenStoreFull
		}
	}
	s.expires[id] = expiresAt
	return true, nil
}

// Forget implements SeenStore.
func (s *MemorySeenStore) Forget(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.expires, id)
	return nil
}

// Len reports how many ids are held, expired or not.
func (s *MemorySeenStore) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.expires)
}

func (s *MemorySeenStore) pruneLocked(now time.Time) {
	for id, exp := range s.expires {
		if !exp.After(now) {
			delete(s.expires, id)
		}
	}
}
