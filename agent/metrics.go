package agent

import (
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the agent's Prometheus collectors.
type Metrics struct {
	sessions   prometheus.Gauge
	outcomes   *prometheus.CounterVec
	turn       *prometheus.HistogramVec
	bargeIns   prometheus.Counter
	reconnects *prometheus.CounterVec

	mu    sync.Mutex
	turns []TurnLatency // the most recent, for benchmarks and tests
}

// TurnLatency splits one turn's response time: from the candidate's last
// voiced frame leaving the decoder to the interviewer's first audio frame
// queued for the room.
type TurnLatency struct {
	BridgeIn  time.Duration // decoded frame → sent to the model
	Model     time.Duration // sent → first model audio received
	BridgeOut time.Duration // received → queued in the published track
	Total     time.Duration
}

// maxKeptTurns bounds Metrics.Turns.
const maxKeptTurns = 4096

// NewMetrics registers the collectors with reg (nil: not exported).
func NewMetrics(reg prometheus.Registerer) *Metrics {
	buckets := []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2, 4, 8}
	m := &Metrics{
		sessions: prometheus.NewGauge(prometheus.GaugeOpts{Name: "agent_interviews_active", Help: "Interviews this worker holds now."}),
		outcomes: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "agent_interviews_total", Help: "Interviews ended, by outcome."}, []string{"outcome"}),
		turn: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "agent_turn_latency_seconds",
			Help:    "End of candidate speech to first interviewer audio, by part: bridge_in, model, bridge_out, total.",
			Buckets: buckets,
		}, []string{"part"}),
		bargeIns:   prometheus.NewCounter(prometheus.CounterOpts{Name: "agent_barge_ins_total", Help: "Times the candidate interrupted the interviewer."}),
		reconnects: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "agent_model_reconnects_total", Help: "Gemini Live reconnects, by reason."}, []string{"reason"}),
	}
	if reg != nil {
		reg.MustRegister(m.sessions, m.outcomes, m.turn, m.bargeIns, m.reconnects)
	}
	return m
}

func (m *Metrics) active(d float64) {
	if m != nil {
		m.sessions.Add(d)
	}
}

func (m *Metrics) outcome(o string) {
	if m != nil {
		m.outcomes.WithLabelValues(o).Inc()
	}
}

func (m *Metrics) bargeIn() {
	if m != nil {
		m.bargeIns.Inc()
	}
}

func (m *Metrics) reconnect(reason string) {
	if m != nil {
		m.reconnects.WithLabelValues(reason).Inc()
	}
}

func (m *Metrics) observeTurn(t TurnLatency) {
	if m == nil {
		return
	}
	m.turn.WithLabelValues("bridge_in").Observe(t.BridgeIn.Seconds())
	m.turn.WithLabelValues("model").Observe(t.Model.Seconds())
	m.turn.WithLabelValues("bridge_out").Observe(t.BridgeOut.Seconds())
	m.turn.WithLabelValues("total").Observe(t.Total.Seconds())
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.turns) >= maxKeptTurns {
		m.turns = m.turns[1:]
	}
	m.turns = append(m.turns, t)
}

// Turns returns the latencies of the most recent turns.
func (m *Metrics) Turns() []TurnLatency {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]TurnLatency(nil), m.turns...)
}
