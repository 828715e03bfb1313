# Multi-stage build: compile in the Rust image, run in a slim Debian as a non-root user.
# The build command is the one .ci/run runs, so CI proves this stage works.
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bin news-enricher

FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --home-dir /app enricher
WORKDIR /app
COPY --from=build /src/target/release/news-enricher /usr/local/bin/news-enricher
COPY config ./config
COPY examples ./examples
USER enricher
ENV APP_ENV=docker
EXPOSE 8080
ENTRYPOINT ["news-enricher"]
CMD ["run"]
