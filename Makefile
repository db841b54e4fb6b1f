# Agora: the two commands are `make demo` and `make test`; the rest are helpers they use.
SHELL := /bin/bash
.DEFAULT_GOAL := help

AGORA := .build/debug/agora
DATABASE ?= agora.sqlite
PORT ?= 8080
BASE_URL ?= http://127.0.0.1:$(PORT)

# Debian packages the build links against, and those only the tests need.
BUILD_PACKAGES := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libvips-dev
TEST_PACKAGES := postgresql python3 chromium chromium-driver
BENCH_PACKAGES := hugo time sqlite3 wrk curl python3
PROVIDERS ?= 100000
ACCOUNTS ?= 10000
# make fuzz: seconds per parser, and the parsers (Sources/AgoraFuzzing/FuzzTarget.swift).
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := front-matter templates multipart search-parameters reference-numbers
# The password of the demo's client and provider accounts (printed by `agora seed --demo`); only for the demo.
DEMO_PASSWORD ?= Demo-Marketplace-Tryout-26

.PHONY: help demo test deps test-deps bench bench-site bench-auth bench-search bench-orders bench-admin bench-profiles bench-chat bench-payments bench-notifications fuzz build migrate seed site serve clean

help:
	@echo "make demo   install what the build needs, build, migrate, seed the demo data, generate Site/, serve on $(BASE_URL)"
	@echo "make test   install what the tests need and run every suite: Swift on SQLite and PostgreSQL, the browser tests in Chromium, the API contract (schemathesis)"

demo: deps build
	$(AGORA) migrate --database $(DATABASE)
	AGORA_DEMO_PASSWORD=$(DEMO_PASSWORD) $(AGORA) seed --demo --if-empty --database $(DATABASE)
	$(AGORA) build --database $(DATABASE) --base-url $(BASE_URL)
	$(AGORA) serve --database $(DATABASE) --port $(PORT)

test: deps test-deps
	swift build
	Tests/Support/python-env.sh Tests/Support/python-requirements.txt >/dev/null
	Tests/Support/with-postgres.sh swift test --skip MachineBound
	Tests/Support/with-postgres.sh swift test --filter MachineBound
	Tests/Support/with-postgres.sh .build/venv/bin/python -m pytest -q -p no:cacheprovider Tests/Instances
	.build/venv/bin/python -m pytest -q -p no:cacheprovider Tests/Browser Tests/Contract

# Benchmarks: figures go into the README. PROVIDERS=1000000 for the large run.
bench: bench-site bench-auth bench-search bench-orders bench-admin bench-profiles bench-chat bench-payments bench-notifications

bench-site: deps
	@Tests/Support/install-debian-packages.sh $(BENCH_PACKAGES)
	Benchmarks/site/bench-site.sh $(PROVIDERS)

bench-auth: deps
	@Tests/Support/install-debian-packages.sh $(BENCH_PACKAGES)
	Benchmarks/auth/bench-login.sh

bench-search: deps
	@Tests/Support/install-debian-packages.sh $(BENCH_PACKAGES) postgresql
	Benchmarks/search/bench-search.sh $(PROVIDERS)

bench-orders: deps
	@Tests/Support/install-debian-packages.sh $(BENCH_PACKAGES) postgresql
	Benchmarks/orders/bench-orders.sh $(PROVIDERS)

bench-admin: deps
	@Tests/Support/install-debian-packages.sh $(BENCH_PACKAGES) postgresql
	Benchmarks/admin/bench-bulk.sh $(ACCOUNTS)

bench-profiles: deps
	@Tests/Support/install-debian-packages.sh $(BENCH_PACKAGES) postgresql
	Benchmarks/profiles/bench-profiles.sh $(PROVIDERS)

bench-chat: deps
	@Tests/Support/install-debian-packages.sh $(BENCH_PACKAGES) postgresql
	Benchmarks/chat/bench-chat.sh

bench-payments: deps
	@Tests/Support/install-debian-packages.sh $(BENCH_PACKAGES) postgresql
	Benchmarks/payments/bench-ledger.sh
	Benchmarks/payments/bench-escrow.sh

bench-notifications: deps
	@Tests/Support/install-debian-packages.sh $(BENCH_PACKAGES) postgresql
	Benchmarks/notifications/bench-notifications.sh

# libFuzzer and AddressSanitizer over each parser in turn; an input that crashes one is saved in Fuzz/Regressions/,
# which the tests replay (Fuzz/README.md).
fuzz: deps
	swift build --build-path .build/fuzz --product agora-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DAGORA_FUZZING -Xswiftc -use-ld=lld
	@for target in $(FUZZ_TARGETS); do \
		mkdir -p .build/fuzz-corpus/$$target Fuzz/Regressions/$$target; \
		echo "fuzzing $$target for $(FUZZ_SECONDS) s"; \
		AGORA_FUZZ_TARGET=$$target .build/fuzz/debug/agora-fuzz -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 \
			-print_final_stats=1 -artifact_prefix=Fuzz/Regressions/$$target/ .build/fuzz-corpus/$$target Fuzz/Corpus/$$target || exit 1; \
	done

deps:
	@Tests/Support/install-debian-packages.sh $(BUILD_PACKAGES)

test-deps:
	@Tests/Support/install-debian-packages.sh $(TEST_PACKAGES)
	@Tests/Support/install-glewlwyd.sh

build:
	swift build --product agora

migrate seed site serve: build
migrate:
	$(AGORA) migrate --database $(DATABASE)
seed:
	$(AGORA) seed --demo --if-empty --database $(DATABASE)
site:
	$(AGORA) build --database $(DATABASE) --base-url $(BASE_URL)
serve:
	$(AGORA) serve --database $(DATABASE) --port $(PORT)

clean:
	rm -rf .build Site .Site.building-*
