//! The command line: parse arguments, call into the library.

use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use news_enricher::article::Article;
use news_enricher::extract::Extractor;

/// Enriches news articles: people, organisations, places, quotes with their speakers, dates,
/// amounts, keywords, tone, summary and a near-duplicate fingerprint.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Enrich articles from a file or stdin without a broker: one JSON article or JSONL in,
    /// one record per line out.
    Extract {
        /// JSON or JSONL file of articles; `-` or nothing reads stdin.
        file: Option<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract { file } => extract(file.as_deref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn extract(file: Option<&str>) -> anyhow::Result<()> {
    let extractor = Extractor::load().context("loading the extractor")?;
    let reader: Box<dyn BufRead> = match file {
        None | Some("-") => Box::new(std::io::stdin().lock()),
        Some(path) => Box::new(std::io::BufReader::new(
            std::fs::File::open(path).with_context(|| format!("opening {path}"))?,
        )),
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (n, line) in reader.lines().enumerate() {
        let line = line.context("reading input")?;
        if line.trim().is_empty() {
            continue;
        }
        match Article::from_slice(line.as_bytes(), usize::MAX) {
            Ok(article) => {
                serde_json::to_writer(&mut out, &extractor.extract(&article))?;
                out.write_all(b"\n")?;
            }
            Err(e) => eprintln!("line {}: {e}", n + 1),
        }
    }
    out.flush()?;
    Ok(())
}
