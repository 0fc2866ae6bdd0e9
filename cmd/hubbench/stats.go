package main

import (
	"bytes"
	"sync/atomic"
	"time"
)

// stats counts publications and deliveries and records latencies.
type stats struct {
	published    []atomic.Int64 // per channel, acknowledged
	subscribers  []atomic.Int64 // per channel
	delivered    atomic.Int64
	gaps         atomic.Int64
	disconnects  atomic.Int64
	pubErrors    atomic.Int64
	firstPublish atomic.Int64 // unix ns
	lastDelivery atomic.Int64 // unix ns
	maxLatency   atomic.Int64 // ns
	hist         histogram
}

func newStats(channels int) *stats {
	return &stats{
		published:   make([]atomic.Int64, channels),
		subscribers: make([]atomic.Int64, channels),
		hist:        histogram{buckets: make([]atomic.Uint64, histBuckets+1)},
	}
}

// expected is how many deliveries the acknowledged publishes should produce.
func (s *stats) expected() int64 {
	var n int64
	for i := range s.published {
		n += s.published[i].Load() * s.subscribers[i].Load()
	}
	return n
}

// record takes the send timestamp out of a message and counts a delivery.
func (s *stats) record(data []byte) {
	now := time.Now().UnixNano()
	s.delivered.Add(1)
	s.lastDelivery.Store(now)
	sent, ok := timestamp(data)
	if !ok {
		return
	}
	lat := now - sent
	s.hist.add(lat)
	for {
		cur := s.maxLatency.Load()
		if lat <= cur || s.maxLatency.CompareAndSwap(cur, lat) {
			break
		}
	}
}

func timestamp(data []byte) (int64, bool) {
	rest, ok := bytes.CutPrefix(data, []byte(`{"t":`))
	if !ok {
		return 0, false
	}
	var v int64
	n := 0
	for ; n < len(rest) && rest[n] >= '0' && rest[n] <= '9'; n++ {
		v = v*10 + int64(rest[n]-'0')
	}
	return v, n > 0
}

// histogram has 50µs buckets up to histBuckets×50µs; slower samples go to
// the last bucket (the max is tracked separately).
const (
	histWidth   = 50 * time.Microsecond
	histBuckets = 200000 // 10 s
)

type histogram struct {
	buckets []atomic.Uint64
}

func (h *histogram) add(ns int64) {
	i := max(ns, 0) / int64(histWidth)
	if i > histBuckets {
		i = histBuckets
	}
	h.buckets[i].Add(1)
}

// quantile returns the q-quantile in milliseconds (upper bucket bound).
func (h *histogram) quantile(q float64) float64 {
	var total uint64
	for i := range h.buckets {
		total += h.buckets[i].Load()
	}
	if total == 0 {
		return 0
	}
	rank := uint64(q * float64(total))
	var seen uint64
	for i := range h.buckets {
		seen += h.buckets[i].Load()
		if seen > rank {
			return float64(time.Duration(i+1)*histWidth) / 1e6
		}
	}
	return float64(time.Duration(histBuckets)*histWidth) / 1e6
}
