package main

import (
	"bytes"
	"slices"
	"strings"
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

// nodeCPUs returns the taskset CPU list of node i from a '/'-separated list
// of per-node lists ("0/1": node 0 on CPU 0, node 1 on CPU 1, node 2 on CPU 0…;
// "0-1": every node on both); "" means no pinning.
func nodeCPUs(spec string, i int) string {
	if spec == "" {
		return ""
	}
	parts := strings.Split(spec, "/")
	return parts[i%len(parts)]
}

// modeSummary is the median of a mode's runs in an alternating benchmark.
type modeSummary struct {
	Mode            string  `json:"mode"`
	Runs            int     `json:"runs"`
	DeliveredPerSec float64 `json:"median_delivered_per_sec"`
	P99ms           float64 `json:"median_p99_ms"`
	MaxP99ms        float64 `json:"max_p99_ms"`
	Dropped         int64   `json:"dropped"`
	// RateRatios are this mode's delivery rate over the first mode's in the
	// same round, one per round; RatioMedian is their median.
	RateRatios  []float64 `json:"rate_ratios,omitempty"`
	RatioMedian float64   `json:"rate_ratio_median,omitempty"`
}

type summary struct {
	Summary []modeSummary `json:"summary"`
}

// summarize groups alternating runs by mode (in the order of modes) and sets
// each mode's per-round rate ratio against the first mode.
func summarize(modes []string, runs []result) summary {
	base := map[int]float64{} // round → first mode's rate
	for _, r := range runs {
		if r.RedisMode == modes[0] {
			base[r.Round] = r.DeliveredPerSec
		}
	}
	var out summary
	for i, m := range modes {
		ms := modeSummary{Mode: m}
		var rates, p99s []float64
		for _, r := range runs {
			if r.RedisMode != m {
				continue
			}
			ms.Runs++
			rates = append(rates, r.DeliveredPerSec)
			p99s = append(p99s, r.P99ms)
			ms.MaxP99ms = max(ms.MaxP99ms, r.P99ms)
			ms.Dropped += r.Dropped
			if b := base[r.Round]; i > 0 && b > 0 {
				ms.RateRatios = append(ms.RateRatios, r.DeliveredPerSec/b)
			}
		}
		ms.DeliveredPerSec, ms.P99ms = median(rates), median(p99s)
		if len(ms.RateRatios) > 0 {
			ms.RatioMedian = median(ms.RateRatios)
		}
		out.Summary = append(out.Summary, ms)
	}
	return out
}

// median of xs (the mean of the middle two for an even count); 0 for none.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
