//! The command line: parse arguments, load settings, call into the library.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use news_enricher::commands;
use news_enricher::extract::Extractor;
use news_enricher::extract::limits::Limits;
use news_enricher::service::{Service, shutdown_on_signals};
use news_enricher::settings::{Settings, SettingsSource};
use news_enricher::telemetry::init_tracing;

/// The extractor builds each record from hundreds of small strings and vectors; mimalloc's
/// thread-local free lists make that markedly cheaper than glibc's allocator (see README,
/// Performance, for the measurement).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Enriches news articles: people, organisations, places, quotes with their speakers, dates,
/// amounts, keywords, tone, summary and a near-duplicate fingerprint.
///
/// Settings come from config/default.toml, then config/$APP_ENV.toml, then environment
/// variables ENRICHER__SECTION__KEY (e.g. ENRICHER__AMQP__URL). `news-enricher config` shows
/// the result. Exit codes: 0 ok, 1 runtime failure, 2 invalid settings or arguments.
#[derive(Parser)]
#[command(version, about, long_about)]
struct Cli {
    /// Folder with default.toml and $APP_ENV.toml [default: ./config; env: ENRICHER_CONFIG_DIR].
    #[arg(long, global = true, value_name = "DIR")]
    config_dir: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the worker (the default): consume articles from the input queue, publish one
    /// record per article, dead-letter bad messages; serve /healthz, /readyz and /metrics.
    /// Stops cleanly on SIGTERM or Ctrl-C, finishing the articles in flight.
    Run,
    /// Enrich articles without a broker: a JSON article (also pretty-printed) or JSONL in,
    /// one record per line out, in input order. A bad line is reported on stderr with its line
    /// number and skipped; the exit code is non-zero only on I/O errors (or 2 for invalid
    /// settings: the `[extract]` caps apply here as in the worker).
    Extract {
        /// JSON or JSONL file of articles; `-` or nothing reads stdin.
        file: Option<String>,
    },
    /// Send a JSONL file of articles (one per line, sent as-is) or one JSON article to the
    /// input exchange, with publisher confirms. Declares the topology first. Shows progress
    /// on stderr.
    Publish {
        /// JSONL file, one article per line, or a single JSON article; `-` reads stdin.
        file: String,
        /// At most this many messages per second (default: as fast as confirms allow).
        #[arg(long, value_name = "N")]
        rate: Option<f64>,
        /// Routing key to publish with.
        #[arg(long, default_value = "article")]
        routing_key: String,
    },
    /// Print records from the output exchange as they arrive, one JSON per line, through a
    /// temporary queue that disappears when this command exits.
    Tail {
        /// Stop after this many records.
        #[arg(long, value_name = "N")]
        count: Option<usize>,
        /// Binding pattern on the output topic exchange, e.g. `enriched.en`.
        #[arg(long, default_value = "#")]
        binding: String,
        /// Stop after this many seconds.
        #[arg(long, value_name = "SECS")]
        timeout: Option<f64>,
        /// At the end, print on stderr the publish-to-record latency (p50, p99, max) of the
        /// records whose articles were sent by `publish` (it stamps `x-published-at`; records
        /// inherit their article's headers). Needs publisher and tail on one clock.
        #[arg(long)]
        latency: bool,
    },
    /// Print the effective settings as TOML, with the AMQP password redacted.
    Config,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Run);
    let settings = match Settings::load(&SettingsSource::from_process(cli.config_dir)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    if let Command::Extract { file } = &command {
        // The same per-record caps as the worker, so `extract` shows what it would publish.
        return report(extract(file.as_deref(), settings.extract));
    }
    if let Command::Config = command {
        print!("{}", settings.to_redacted_toml());
        return ExitCode::SUCCESS;
    }
    init_tracing(settings.log.format, &settings.log.filter);
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async move {
        match command {
            Command::Run => run(settings).await,
            Command::Publish {
                file,
                rate,
                routing_key,
            } => publish(&settings, &file, &routing_key, rate).await,
            Command::Tail {
                count,
                binding,
                timeout,
                latency,
            } => tail(&settings, &binding, count, timeout, latency).await,
            Command::Extract { .. } | Command::Config => ExitCode::SUCCESS,
        }
    })
}

fn report(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(settings: Settings) -> ExitCode {
    let shutdown = shutdown_on_signals();
    match Service::build(settings).await {
        Ok(service) => {
            service.run(shutdown).await;
            ExitCode::SUCCESS
        }
        Err(e) => {
            tracing::error!(error = %e, "cannot start");
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn extract(file: Option<&str>, limits: Limits) -> anyhow::Result<()> {
    use anyhow::Context;
    let extractor = Extractor::load()
        .context("loading the extractor")?
        .with_limits(limits);
    let input: Box<dyn std::io::Read> = match file {
        None | Some("-") => Box::new(std::io::stdin().lock()),
        Some(path) => {
            Box::new(std::fs::File::open(path).with_context(|| format!("opening {path}"))?)
        }
    };
    let out = std::io::BufWriter::new(std::io::stdout().lock());
    let report =
        commands::extract(&extractor, input, out, std::io::stderr()).context("extracting")?;
    if report.bad > 0 {
        eprintln!(
            "{} records written, {} bad inputs skipped",
            report.records, report.bad
        );
    }
    Ok(())
}

async fn publish(
    settings: &Settings,
    file: &str,
    routing_key: &str,
    rate: Option<f64>,
) -> ExitCode {
    let text = if file == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map(|_| s)
    } else {
        std::fs::read_to_string(file)
    };
    let lines = match text {
        Ok(t) => commands::split_messages(&t),
        Err(e) => {
            eprintln!("error: reading {file}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match commands::publish(settings, lines, routing_key, rate, true).await {
        Ok(r) => {
            eprintln!("{} messages published and confirmed", r.confirmed);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// One line on stderr: how many records, and their publish-to-record latency.
fn print_latency(report: &commands::TailReport) {
    let ms = |q: f64| report.latency_quantile(q).map_or(f64::NAN, |s| s * 1e3);
    eprintln!(
        "records {} timed {} latency_ms p50 {:.1} p99 {:.1} max {:.1}",
        report.records,
        report.latencies.len(),
        ms(0.5),
        ms(0.99),
        ms(1.0)
    );
}

async fn tail(
    settings: &Settings,
    binding: &str,
    count: Option<usize>,
    timeout: Option<f64>,
    latency: bool,
) -> ExitCode {
    let timeout = timeout.filter(|t| *t > 0.0).map(Duration::from_secs_f64);
    let out = std::io::stdout().lock();
    let tailing = commands::tail(settings, binding, count, timeout, out);
    let result = tokio::select! {
        r = tailing => r,
        _ = tokio::signal::ctrl_c() => Ok(commands::TailReport::default()),
    };
    match result {
        Ok(report) => {
            if latency {
                print_latency(&report);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
