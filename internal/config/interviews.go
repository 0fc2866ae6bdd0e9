package config

import (
	"fmt"
	"time"
)

// InterviewsConfig holds the voice-interview timeouts the server enforces.
type InterviewsConfig struct {
	// ClaimTimeout: an offered interview no agent claimed, or a claimed one
	// whose agent did not join the room, fails after this long.
	ClaimTimeout time.Duration
	// AbandonGrace: a candidate out of the room this long abandons the
	// interview (and an agent out of it this long fails it).
	AbandonGrace time.Duration
	// ReportTimeout: after the agent says it is ending, its report must
	// arrive within this.
	ReportTimeout time.Duration
	// MaxDuration is the longest an interview may run.
	MaxDuration time.Duration
	// ReofferEvery re-offers unclaimed interviews to agents.
	ReofferEvery time.Duration
	// SweepEvery is how often timeouts are checked.
	SweepEvery time.Duration
	// AgentSilence: an agent without a heartbeat this long is gone; the
	// server finishes its interview and writes the report.
	AgentSilence time.Duration
	// AgentReportWait: after the candidate walked out, how long the agent
	// has to save its report before the server writes one.
	AgentReportWait time.Duration
}

// loadInterviews reads and checks the interview settings.
func (c *Config) loadInterviews(getenv Getenv, errs *[]error) {
	c.Interviews = InterviewsConfig{
		ClaimTimeout:    durationVar(getenv, "INTERVIEW_CLAIM_TIMEOUT", 60*time.Second, errs),
		AbandonGrace:    durationVar(getenv, "INTERVIEW_ABANDON_GRACE", 60*time.Second, errs),
		ReportTimeout:   durationVar(getenv, "INTERVIEW_REPORT_TIMEOUT", 10*time.Minute, errs),
		MaxDuration:     durationVar(getenv, "INTERVIEW_MAX_DURATION", 2*time.Hour, errs),
		ReofferEvery:    durationVar(getenv, "INTERVIEW_REOFFER_EVERY", 10*time.Second, errs),
		SweepEvery:      durationVar(getenv, "INTERVIEW_SWEEP_EVERY", time.Second, errs),
		AgentSilence:    durationVar(getenv, "INTERVIEW_AGENT_SILENCE", 30*time.Second, errs),
		AgentReportWait: durationVar(getenv, "INTERVIEW_AGENT_REPORT_WAIT", 2*time.Minute, errs),
	}
	if s := c.Interviews.AgentSilence; s < 5*time.Second || s > 10*time.Minute {
		*errs = append(*errs, fmt.Errorf("INTERVIEW_AGENT_SILENCE must be from 5s to 10m (agents beat every 3s), not %s", s))
	}
	if c.Interviews.MaxDuration > 12*time.Hour {
		*errs = append(*errs, fmt.Errorf("INTERVIEW_MAX_DURATION must be at most 12h, not %s", c.Interviews.MaxDuration))
	}
}
