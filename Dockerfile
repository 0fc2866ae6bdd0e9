# syntax=docker/dockerfile:1
# Multi-stage build of every command (server, agent, hubbench); the runtime
# image has the document tools the CV pipeline calls and runs as non-root.
FROM golang:1.26-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libopus-dev libopusfile-dev libsoxr-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=1 go build -trimpath -ldflags="-s -w" -o /out/ ./cmd/...

FROM debian:bookworm-slim
COPY scripts/apt-packages.txt /tmp/apt-packages.txt
# Runtime libraries and tools only: the -dev packages of the list are for building.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates tzdata \
      $(grep -v -e '^\s*#' -e '-dev$' -e '^pkg-config$' /tmp/apt-packages.txt) \
      libopus0 libopusfile0 libsoxr0 \
 && rm -rf /var/lib/apt/lists/* /tmp/apt-packages.txt \
 && useradd --system --uid 10001 --create-home --home-dir /app app
COPY --from=build /out/ /usr/local/bin/
USER app
WORKDIR /app
ENV PORT=8000 DATA_DIR=/app/.data
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s CMD ["/usr/bin/env", "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8000 && printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q 200 <&3"]
ENTRYPOINT ["server"]
