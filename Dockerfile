# Multi-stage build: the SPA, then the Rust binary, then a small runtime image as a non-root user.

FROM node:20-bookworm-slim AS frontend
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
COPY openapi/ /src/openapi/
RUN npm run build

FROM rust:1-bookworm AS backend
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY backend/ backend/
COPY migrations/ migrations/
RUN cargo build --release --locked --bin xingguang

FROM debian:bookworm-slim AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin xingguang
WORKDIR /app
COPY --from=backend /src/target/release/xingguang /usr/local/bin/xingguang
COPY --from=frontend /src/frontend/dist /app/frontend/dist
USER xingguang
ENV XINGGUANG_BIND=0.0.0.0:8080 \
    XINGGUANG_STATIC_DIR=/app/frontend/dist \
    RUST_LOG=info
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD curl -fsS http://127.0.0.1:8080/ready || exit 1
ENTRYPOINT ["/usr/local/bin/xingguang"]
CMD ["serve"]
