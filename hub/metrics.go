package hub

import (
	"fmt"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// metrics are always collected (the counters are cheap); they are exported
// only when Config.Metrics is set.
type metrics struct {
	connections   prometheus.Gauge
	subscriptions prometheus.Gauge
	messagesIn    map[string]prometheus.Counter
	messagesOut   prometheus.Counter
	publishes     prometheus.Counter
	dropped       prometheus.Counter
	disconnects   *prometheus.CounterVec
	recoveries    *prometheus.CounterVec
	brokerLatency *prometheus.HistogramVec
}

var inboundOps = []string{OpConnect, OpRefresh, OpSubscribe, OpUnsubscribe, OpPublish, OpPresence, OpPing, OpPong, "other"}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	in := prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: "hub", Name: "messages_in_total", Help: "Frames received from clients, by op.",
	}, []string{"op"})
	m := &metrics{
		connections: prometheus.NewGauge(prometheus.GaugeOpts{
			Namespace: "hub", Name: "connections", Help: "Open WebSocket connections.",
		}),
		subscriptions: prometheus.NewGauge(prometheus.GaugeOpts{
			Namespace: "hub", Name: "subscriptions", Help: "Live channel subscriptions.",
		}),
		messagesIn: make(map[string]prometheus.Counter, len(inboundOps)),
		messagesOut: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: "hub", Name: "messages_out_total", Help: "Frames written to clients.",
		}),
		publishes: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: "hub", Name: "publishes_total", Help: "Publications accepted by the broker from this node.",
		}),
		dropped: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: "hub", Name: "dropped_messages_total", Help: "Queued frames discarded when a slow consumer was closed.",
		}),
		disconnects: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "hub", Name: "disconnects_total", Help: "Connections closed, by reason.",
		}, []string{"reason"}),
		recoveries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "hub", Name: "recoveries_total", Help: "Subscriptions that asked to recover, by result.",
		}, []string{"result"}),
		brokerLatency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: "hub", Name: "broker_latency_seconds", Help: "Broker call latency, by operation.",
			Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 5},
		}, []string{"op"}),
	}
	for _, op := range inboundOps {
		m.messagesIn[op] = in.WithLabelValues(op)
	}
	if reg == nil {
		return m, nil
	}
	for _, c := range []prometheus.Collector{m.connections, m.subscriptions, in, m.messagesOut, m.publishes, m.dropped, m.disconnects, m.recoveries, m.brokerLatency} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("register hub metrics: %w", err)
		}
	}
	return m, nil
}

func (m *metrics) frameIn(op string) {
	c, ok := m.messagesIn[op]
	if !ok {
		c = m.messagesIn["other"]
	}
	c.Inc()
}

func (m *metrics) observeBroker(op string, start time.Time) {
	m.brokerLatency.WithLabelValues(op).Observe(time.Since(start).Seconds())
}
