# The two commands of the README: `make run` and `make test`.
.PHONY: run test bench lint build

run:
	scripts/run.sh

test:
	scripts/test.sh

bench:
	go test -run '^$$' -bench . -benchmem ./...

lint:
	gofmt -l $$(git ls-files '*.go') | tee /dev/stderr | (! read)
	go vet ./...

build:
	CGO_ENABLED=1 go build -o bin/ ./cmd/...
