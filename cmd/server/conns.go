package main

import (
	"net"
	"net/http"
	"sync"
)

// connStates follows the REST server's connections (http.Server.ConnState)
// so that a drain that runs out of time can tell a request it cut from a
// connection that never sent one. Shutdown waits up to 5 s for a new
// connection to send its first request, and browsers preconnect and HTTP
// clients dial spare connections that never do: closing those loses
// nothing a user sent.
type connStates struct {
	mu     sync.Mutex
	states map[net.Conn]http.ConnState
}

func newConnStates() *connStates {
	return &connStates{states: make(map[net.Conn]http.ConnState)}
}

// track is the server's ConnState hook. Hijacked connections (WebSockets)
// belong to the hub from then on.
func (c *connStates) track(conn net.Conn, state http.ConnState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch state {
	case http.StateClosed, http.StateHijacked:
		delete(c.states, conn)
	default:
		c.states[conn] = state
	}
}

// serving counts the connections that are reading or answering a request.
func (c *connStates) serving() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, s := range c.states {
		if s == http.StateActive {
			n++
		}
	}
	return n
}
