# nettutor: `make run` and `make test` on a fresh Debian/Ubuntu machine with Swift installed.
SHELL := /bin/bash
PREFIX ?= /usr/local
MANDIR ?= $(PREFIX)/share/man
SWIFT ?= swift
# CI checks that every import is declared in Package.swift.
BUILD_FLAGS := --explicit-target-dependency-import-check=error
# The release binary is self-contained: the Swift runtime and Foundation linked in (no shared
# Swift libraries to resolve at start-up), linked by the toolchain's lld with packed relative
# relocations (DT_RELR: fewer pages written before main). libcurl is not linked at all: `journey
# --live` opens it (TutorLive). SQLite, cmark-gfm, ncurses and libstdc++ are linked from
# their static archives too (.build/static-libs holds only those, so `-l` finds them before the .so).
# The functions the common commands run come first in .text, packed (scripts/link-order.txt, made
# by `make link-order`; our code is compiled with one section per function), and no symbol is
# exported: start-up touches far fewer pages (docs/DECISIONS.md 36).
STATIC_LIBS := sqlite3 cmark-gfm cmark-gfm-extensions ncursesw tinfo stdc++
STATIC_DIR := $(CURDIR)/.build/static-libs
RELEASE_FLAGS := $(BUILD_FLAGS) --static-swift-stdlib -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs -Xswiftc -Xclang-linker -Xswiftc -no-pie \
  -Xlinker -L$(STATIC_DIR) -Xlinker -ltinfo -Xswiftc -Xfrontend -Xswiftc -function-sections \
  -Xlinker --symbol-ordering-file=$(CURDIR)/scripts/link-order.txt -Xlinker --no-warn-symbol-ordering -Xlinker --no-export-dynamic
# libpcap-dev: its headers (the library is opened at run time); tcpdump, tshark, iproute2 (tc),
# nftables and ethtool make and check the real-traffic captures of the trace tests; mandoc lints
# the man page.
DEBIAN_PACKAGES := libncursesw5-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev libcurl4-openssl-dev tmux openssl \
  libpcap-dev tcpdump tshark iproute2 nftables ethtool mandoc
BENCH_PACKAGES := lowdown hyperfine time vim
# The FSRS reference implementation, for the scheduler's cross-check test.
PY_PACKAGES := fsrs==6.3.2
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: link-order run test build release fuzz-replay deps py-deps bench-deps unit e2e bench install check clean soak test-sanitize man

# Installs the given Debian packages, only those missing (apt-get; sudo when not root).
define ensure_packages
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

deps:
	$(call ensure_packages,$(DEBIAN_PACKAGES))

bench-deps:
	$(call ensure_packages,$(BENCH_PACKAGES))

py-deps:
	@python3 -c "import fsrs" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check $(PY_PACKAGES)

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

release: deps
	@mkdir -p $(STATIC_DIR); for l in $(STATIC_LIBS); do \
	  a=$$(find /usr/lib /usr/lib64 -name "lib$$l.a" -print -quit 2>/dev/null); \
	  test -n "$$a" || { echo "lib$$l.a not found (its -dev package)"; exit 1; }; ln -sf "$$a" $(STATIC_DIR)/lib$$l.a; done
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product nettutor

run: release
	./.build/release/nettutor $(ARGS)

# Unit, snapshot and content tests, then the end-to-end tmux test of the release binary.
test: deps py-deps
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	$(SWIFT) test --skip-build
	$(MAKE) --no-print-directory release man fuzz-replay
	./.build/release/nettutor check
	bash Tests/e2e/run.sh ./.build/release/nettutor

e2e: release man fuzz-replay
	bash Tests/e2e/run.sh ./.build/release/nettutor

# The fuzz targets built normally replay the corpus (the e2e runs it next to the binary).
fuzz-replay: release
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product nettutor-fuzz

# Regenerates scripts/link-order.txt from the release binary (valgrind's callgrind); commit it.
link-order: release
	$(call ensure_packages,valgrind)
	bash scripts/gen-link-order.sh ./.build/release/nettutor
	rm -f .build/*/release/nettutor  # SwiftPM does not see the list as an input: relink on the next build

bench: release bench-deps
	bash scripts/bench.sh ./.build/release/nettutor

# Long robustness runs: libFuzzer on the loaders of untrusted text, then a long key storm.
# One target per folder of Tests/Fuzz/corpus/ (FUZZ_TARGETS picks some), FUZZ_SECONDS each,
# FUZZ_JOBS at once; each prints its execution count and peak RSS. A crash, an input slower than
# 10 s or one using over 2 GB is saved in Tests/Fuzz/crashes/<target>/; commit it and make test
# replays it.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= $(notdir $(wildcard Tests/Fuzz/corpus/*))
FUZZ_JOBS ?= 1
SOAK_KEYS ?= 20000
FUZZ_LIB = $(firstword $(wildcard $(dir $(realpath $(shell which $(SWIFT))))../lib/swift/clang/lib/linux/libclang_rt.fuzzer_no_main-*.a))
FUZZ_FLAGS := -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp -Xswiftc -DFUZZING
soak: deps release
	@test -n "$(FUZZ_LIB)" || { echo "libFuzzer (libclang_rt.fuzzer_no_main) not found next to $(SWIFT)"; exit 1; }
	$(SWIFT) build -c debug --product nettutor-fuzz $(FUZZ_FLAGS) -Xlinker $(FUZZ_LIB) -Xlinker -lstdc++ --scratch-path .build-fuzz
	@printf '%s\n' $(FUZZ_TARGETS) | FUZZ_BIN=./.build-fuzz/debug/nettutor-fuzz FUZZ_SECONDS=$(FUZZ_SECONDS) \
	  xargs -P $(FUZZ_JOBS) -I{} bash scripts/fuzz.sh {}
	python3 Tests/e2e/storm.py ./.build/release/nettutor --keys $(SOAK_KEYS)

# The unit tests under AddressSanitizer, then ThreadSanitizer (own build folders). Leak reports
# are off: ncurses keeps its terminal for the process's life and the test runner keeps test
# arguments; memory errors and data races still fail the run.
test-sanitize: deps py-deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	$(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan

check: build
	./.build/debug/nettutor check

# The man page, written by the binary from the same command tree as --help (TutorCLI).
man: release
	mkdir -p .build/man
	./.build/release/nettutor --generate-manual > .build/man/nettutor.1

install: release man
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/nettutor" "$(DESTDIR)$(MANDIR)/man1"
	install -m 755 .build/release/nettutor "$(DESTDIR)$(PREFIX)/bin/nettutor"
	install -m 644 .build/man/nettutor.1 "$(DESTDIR)$(MANDIR)/man1/nettutor.1"
	rm -rf "$(DESTDIR)$(PREFIX)/share/nettutor/Content" "$(DESTDIR)$(PREFIX)/share/nettutor/Quizzes"
	cp -R Content Quizzes "$(DESTDIR)$(PREFIX)/share/nettutor/"

clean:
	rm -rf .build
