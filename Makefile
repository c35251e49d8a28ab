# Fiberus: `make` builds bin/fiberus, `make test` runs every test,
# `make example` builds and runs examples/hello.
GO ?= go
BIN := bin/fiberus

.PHONY: all test example doctor clean $(BIN)

all: $(BIN)

# Always delegate to go build: it knows what changed (Go and embedded C sources).
$(BIN):
	$(GO) build -o $(BIN) ./cmd/fiberus

# The conformance corpus builds and runs ~200 programs: more than go test's
# default 10-minute limit on a slow or busy machine.
# The Go SDK once more under Go's race detector (its cgo calls and callbacks).
test:
	$(GO) test -timeout 60m ./...
	$(GO) test -race -count=1 ./sdk/go/

example: $(BIN)
	$(BIN) run examples/hello/Main.hx -- make

doctor: $(BIN)
	$(BIN) doctor

clean:
	rm -rf bin

include jobs/jobs.mk
