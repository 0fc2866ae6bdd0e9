// Package importrules states which packages of this module may import which;
// its test enforces the rules with `go list`, so a violation fails `go test ./...`.
//
// The rules (docs/architecture.md explains them):
//
//   - A domain package (every package under internal/ except the storage
//     adapter internal/store, the HTTP edge internal/httpapi and the
//     process plumbing listed in the test) imports neither internal/store nor
//     internal/httpapi, directly or through another package. It declares the
//     narrow store interface it consumes and owns the types in it;
//     internal/store implements that interface.
//   - internal/httpapi does not import internal/store either: it calls the
//     domain services through interfaces it declares.
//   - hub and hub/... import no other package of this module: the hub is a
//     library any process can embed and knows nothing of the product.
//   - The agent process (agent/...) imports neither internal/store nor
//     internal/httpapi: it reaches the server over the wire.
//   - cmd/* is the only place that wires packages together; it may import
//     anything.
//
// The rules apply to non-test code; tests may wire the real store. The test
// also checks that docs/architecture.md has a row for every package.
package importrules
