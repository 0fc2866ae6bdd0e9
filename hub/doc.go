// Package hub is UtopiaHire's real-time hub: named channels delivered over
// WebSockets, with ordered offsets, bounded history, recovery after a
// reconnect, presence, and a Broker that is either in-process (MemoryBroker)
// or shared between servers through Redis (RedisBroker: one Redis, Redis
// Sentinel, or Redis Cluster with sharded pub/sub).
//
// The split follows centrifugal/centrifuge, smaller: the Hub owns client
// connections and local channel membership; a Broker moves publications,
// join/leave events and control commands between nodes and keeps history and
// presence. The wire protocol is documented in docs/hub-protocol.md.
//
// The hub knows nothing about interviews or CVs: the embedding server supplies
// an Authenticator for tokens and one Authorizer per channel namespace.
package hub
