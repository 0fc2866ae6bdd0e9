package interview

import (
	"errors"

	"github.com/prometheus/client_golang/prometheus"
)

type metrics struct {
	transitions *prometheus.CounterVec
	claims      *prometheus.CounterVec
	segments    *prometheus.CounterVec
}

func newMetrics(reg prometheus.Registerer) (metrics, error) {
	m := metrics{
		transitions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "utopiahire_interview_transitions_total", Help: "Interview state changes, by the state entered.",
		}, []string{"to"}),
		claims: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "utopiahire_interview_claims_total", Help: "Agent claims on offered interviews, by outcome.",
		}, []string{"outcome"}),
		segments: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "utopiahire_interview_segments_total", Help: "Transcript segments published by agents, by what storing them did.",
		}, []string{"outcome"}),
	}
	if reg == nil {
		return m, nil
	}
	for _, c := range []**prometheus.CounterVec{&m.transitions, &m.claims, &m.segments} {
		if err := reg.Register(*c); err != nil {
			// A second service on one registry (tests) shares the counters.
			var are prometheus.AlreadyRegisteredError
			if !errors.As(err, &are) {
				return m, err
			}
			existing, ok := are.ExistingCollector.(*prometheus.CounterVec)
			if !ok {
				return m, err
			}
			*c = existing
		}
	}
	return m, nil
}
