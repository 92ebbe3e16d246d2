# bookc's tasks. `make test` is what CI runs (.ci/run); it needs the validators that README lists.
GO ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
FUZZTIME ?= 30s
PREFIX ?= /usr/local

.PHONY: build man completions install test bench bench-peers fuzz handbook clean

# bin/bookc's runtime has STW_GODEBUG as its default GODEBUG: its collections stop the world
# (cmd/bookc/gcstw.go) without a build re-executing itself to say so. The defaults the go
# command computes for the module (none while go.mod names the toolchain's Go) come first, as
# the -X would otherwise replace them.
STW_GODEBUG := gcstoptheworld=1

# bin/mdbook-bookc is the name mdBook runs for [output.bookc]: a link to bookc, which then acts as
# 'bookc mdbook'.
build:
	godebug=$$($(GO) list -f '{{with .DefaultGODEBUG}}{{.}},{{end}}' ./cmd/bookc)$(STW_GODEBUG) && \
	$(GO) build -trimpath -ldflags "-X main.version=$(VERSION) -X runtime.godebugDefault=$$godebug -X main.linkedGODEBUG=$$godebug" -o bin/bookc ./cmd/bookc
	ln -sf bookc bin/mdbook-bookc

# bin/bookc.1, bookc's own manual page: the fresh bookc builds cmd/bookc/manual, a one-page book
# (which the man backend makes that page alone), dated by the page's last commit.
MANUAL_DATE ?= $(shell git log -1 --format=%ct -- cmd/bookc/manual 2>/dev/null)
man: build
	SOURCE_DATE_EPOCH=$(MANUAL_DATE) bin/bookc man cmd/bookc/manual -q -o bin

# bin/completions: bookc's completion scripts for bash, zsh and fish.
completions: build
	install -d bin/completions
	bin/bookc completion bash > bin/completions/bookc.bash
	bin/bookc completion zsh > bin/completions/_bookc
	bin/bookc completion fish > bin/completions/bookc.fish

# bookc and its mdbook-bookc link into $(DESTDIR)$(PREFIX)/bin, bookc(1) into share/man/man1, and
# the completions where bash-completion, zsh and fish look for them.
install: build man completions
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 bin/bookc $(DESTDIR)$(PREFIX)/bin/bookc
	ln -sf bookc $(DESTDIR)$(PREFIX)/bin/mdbook-bookc
	install -m 644 bin/bookc.1 $(DESTDIR)$(PREFIX)/share/man/man1/bookc.1
	install -m 644 bin/completions/bookc.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/bookc
	install -m 644 bin/completions/_bookc $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_bookc
	install -m 644 bin/completions/bookc.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/bookc.fish

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
