# Fiberus: `make` builds bin/fiberus, `make test` runs every test,
# `make example` builds and runs examples/hello.
GO ?= go
BIN := bin/fiberus

.PHONY: all test example doctor clean $(BIN)

all: $(BIN)

# Always delegate to go build: it knows what changed (Go and embedded C sources).
$(BIN):
	$(GO) build -o $(BIN) ./cmd/fiberus

test:
	$(GO) test ./...

example: $(BIN)
	$(BIN) run examples/hello/Main.hx -- make

doctor: $(BIN)
	$(BIN) doctor

clean:
	rm -rf bin
