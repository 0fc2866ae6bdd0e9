package agent_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/utopiahire/utopiahire/agent"
)

func TestAPIClientAgainstTheContract(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cp := newControlPlane(t, "right-secret")
	cp.addInterview(ctx, agent.SessionData{InterviewID: "iv1", Room: "r1", CandidateEmail: "a@example.com", Language: "fr"}, "ws://lk", "lk-token")

	wrong := agent.NewAPIClient(cp.URL(), func() string { return "wrong" }, "w", nil)
	var ae *agent.APIError
	if _, err := wrong.OpenDispatch(ctx); !errors.As(err, &ae) || ae.Status != 401 {
		t.Fatalf("wrong secret: %v", err)
	}
	none := agent.NewAPIClient(cp.URL(), func() string { return "" }, "w", nil)
	if _, err := none.OpenDispatch(ctx); !errors.Is(err, agent.ErrNoSecret) {
		t.Fatalf("no secret: %v", err)
	}

	c := agent.NewAPIClient(cp.URL(), func() string { return "right-secret" }, "w", nil)
	d, err := c.OpenDispatch(ctx)
	if err != nil || d.Channel != agent.DispatchChannel {
		t.Fatalf("dispatch %+v %v", d, err)
	}
	// Two workers race for the interview: exactly one wins.
	results := make(chan error, 2)
	for range 2 {
		go func() {
			_, err := c.Claim(ctx, d.Token, "iv1")
			results <- err
		}()
	}
	var won, lost int
	for range 2 {
		switch err := <-results; {
		case err == nil:
			won++
		case errors.Is(err, agent.ErrClaimLost):
			lost++
		default:
			t.Fatalf("claim: %v", err)
		}
	}
	if won != 1 || lost != 1 {
		t.Fatalf("won %d, lost %d", won, lost)
	}
	cp.mu.Lock()
	cred := cp.interviews["iv1"].credential
	cp.mu.Unlock()
	sd, err := c.SessionData(ctx, cred, "r1")
	if err != nil || sd.Language != "fr" || sd.CandidateEmail != "a@example.com" {
		t.Fatalf("session data %+v %v", sd, err)
	}
	if _, err := c.SessionData(ctx, cred, "other room/../x"); !errors.As(err, &ae) || ae.Status/100 != 4 {
		t.Fatalf("foreign room: %v", err)
	}
	if _, err := c.SessionData(ctx, d.Token, "r1"); !errors.As(err, &ae) || ae.Status != 401 {
		t.Fatalf("dispatch token as credential: %v", err)
	}
	if err := c.Release(ctx, cred, "test"); err != nil {
		t.Fatal(err)
	}
	if got := <-cp.releases; got != "iv1" {
		t.Fatalf("released %q", got)
	}
}
