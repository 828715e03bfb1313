//! The recogniser's own mentions, before clustering, trimming and propagation: reads
//! articles as JSONL (`id`, `title`, `body`) on stdin and writes one record per line in the
//! shape `extract` gives (`entities[].type`, `entities[].mentions[]` with char offsets), one
//! entity per mention. `scripts/ner_pipeline_diff.py` compares it with what the pipeline
//! makes of the same mentions, to see what each stage after the tagger gains or loses.
//!
//! ```text
//! cargo build --release --example ner_raw
//! target/release/examples/ner_raw < articles.jsonl > raw.jsonl
//! ```

use std::io::{BufRead, Write};

use anyhow::Context;
use news_enricher::extract::doc::Doc;
use news_enricher::extract::ner::Model;
use serde_json::{Value, json};

fn main() -> anyhow::Result<()> {
    let model = Model::embedded().context("loading the embedded model")?;
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line.context("reading stdin")?;
        if line.trim().is_empty() {
            continue;
        }
        let article: Value =
            serde_json::from_str(&line).with_context(|| format!("line {}", n + 1))?;
        let text = |k: &str| article.get(k).and_then(Value::as_str);
        let doc = Doc::new(text("title"), text("body").unwrap_or(""), None);
        let entities: Vec<Value> = model
            .tag_doc(&doc)
            .iter()
            .map(|m| json!({"type": m.kind, "mentions": [doc.layer(m.field).span(m.start, m.end)]}))
            .collect();
        let record = json!({"id": article.get("id"), "entities": entities});
        writeln!(out, "{record}")?;
    }
    out.flush()?;
    Ok(())
}
