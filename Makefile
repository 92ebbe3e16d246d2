# bookc's tasks. `make test` is what CI runs (.ci/run); it needs the validators that README lists.
GO ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
FUZZTIME ?= 30s
PREFIX ?= /usr/local

.PHONY: build install test bench bench-peers fuzz handbook clean

# bin/mdbook-bookc is the name mdBook runs for [output.bookc]: a link to bookc, which then acts as
# 'bookc mdbook'.
build:
	$(GO) build -trimpath -ldflags "-X main.version=$(VERSION)" -o bin/bookc ./cmd/bookc
	ln -sf bookc bin/mdbook-bookc

# bookc and its mdbook-bookc link into $(DESTDIR)$(PREFIX)/bin.
install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 bin/bookc $(DESTDIR)$(PREFIX)/bin/bookc
	ln -sf bookc $(DESTDIR)$(PREFIX)/bin/mdbook-bookc

# Every test, validators included, then each fuzz target for a moment: 200 inputs, not a time, for
# go's fuzzer fails with "context deadline exceeded" when its time runs out while a slow target
# (one that runs groff or epubcheck on each input) minimises a new input.
test:
	$(GO) vet ./...
	$(GO) test ./...
	$(MAKE) fuzz FUZZTIME=200x

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# bookc against pandoc on the same 1.5 MB book, with the ratios (needs pandoc; xelatex for PDF).
bench-peers: build
	$(GO) run ./cmd/benchpeers -bookc $(CURDIR)/bin/bookc

# Each fuzz target in turn (go test runs one -fuzz target at a time).
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
	    echo "fuzz $$pkg $$t"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 20x $$pkg; \
	  done; \
	done

# The handbook, every format and edition, into out/.
handbook: build
	bin/bookc all --all-roles -o out

clean:
	rm -rf bin out
