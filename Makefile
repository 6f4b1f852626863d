# The two commands a newcomer needs: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
.DEFAULT_GOAL := run
CARGO ?= cargo
BIN := target/debug/xingguang
FRONTEND_SOURCES := $(shell find frontend/src frontend/index.html frontend/package.json frontend/vite.config.ts -type f 2>/dev/null)

.PHONY: run test test-rust test-frontend test-e2e test-fuzz build openapi frontend-deps lint clean-data

## Build and run the platform (API + dashboard + demo data on the embedded database) at http://127.0.0.1:8080
run: frontend/dist/index.html
	$(CARGO) run --bin xingguang -- serve

## Run every test: Rust (API against a real PostgreSQL), the SPA's unit tests, browser tests,
## and property-based API fuzzing (schemathesis, as each role).
test: test-rust test-frontend test-e2e test-fuzz

test-rust: lint
	$(CARGO) test --workspace

test-frontend: frontend-deps
	cd frontend && npm run api:check && npm run typecheck && npm run lint && npm run format:check && npm test

test-e2e: frontend/dist/index.html build
	cd frontend && npm run e2e

test-fuzz: build
	FUZZ_SECONDS=$${FUZZ_SECONDS:-60} scripts/api-fuzz.sh

build:
	$(CARGO) build --bin xingguang

## Regenerate openapi/openapi.json from the code and the SPA's API types from it.
openapi: build
	$(BIN) openapi > openapi/openapi.json
	cd frontend && npm run api:generate

frontend-deps: frontend/node_modules/.package-lock.json

frontend/node_modules/.package-lock.json: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	@touch $@

frontend/dist/index.html: frontend-deps $(FRONTEND_SOURCES)
	cd frontend && npm run build
	@touch $@

## Gates: formatting and clippy (warnings are errors; tests may unwrap, see clippy.toml).
lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

## Forget the embedded database (demo data is seeded again on the next `make run`).
clean-data:
	rm -rf .xingguang
