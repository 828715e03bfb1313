//! Trains the NER model on CoNLL-2003 style files and writes `models/ner/model.bin`.
//!
//! ```text
//! cargo run --release --bin train-ner -- \
//!     --train ../shared/data/conll2003/train.txt --dev ../shared/data/conll2003/dev.txt \
//!     --out models/ner/model.bin
//! ```
//! Epochs are tuned on `--dev`; `--test` scores the written model on a test file once, at
//! the very end, and must never be used to choose anything.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::Parser;
use news_enricher::extract::ner::gazetteer::Gazetteer;
use news_enricher::extract::ner::{Model, conll, train};

#[derive(Parser, Debug)]
#[command(about = "Train the NER tagger (two-stage averaged perceptron)")]
struct Args {
    /// Training file (CoNLL format).
    #[arg(long)]
    train: PathBuf,
    /// Development file: chooses the number of epochs.
    #[arg(long)]
    dev: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "models/ner/model.bin")]
    out: PathBuf,
    /// Model name recorded in every output record.
    #[arg(long, default_value = "ner-perceptron-conll2003")]
    name: String,
    /// Most epochs per stage.
    #[arg(long, default_value_t = 25)]
    epochs: usize,
    /// Cross-validation folds for stage 1's predictions on the training set.
    #[arg(long, default_value_t = 5)]
    folds: usize,
    /// Shuffle seed.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Perceptrons per stage trained on different shuffles and averaged into one model
    /// (same size and speed at run time; training takes this many times longer).
    #[arg(long, default_value_t = 1)]
    bag: usize,
    /// Drop features whose weights are all below this.
    #[arg(long, default_value_t = 0.05)]
    prune: f32,
    /// Ignore features seen fewer times than this.
    #[arg(long, default_value_t = 2)]
    min_count: u32,
    /// Gazetteers to train with instead of the embedded `models/ner/gazetteers.tsv` (to try
    /// other word lists without a rebuild; the model only works with the lists it was trained
    /// with, so ship the file with it).
    #[arg(long)]
    gazetteers: Option<PathBuf>,
    /// Score this model on `--dev` instead of training one (to compare trained variants);
    /// without `--gazetteers`, with the lists the service tags with (the trained ones and
    /// `models/ner/gazetteers_unseen.tsv`).
    #[arg(long, value_name = "MODEL")]
    score: Option<PathBuf>,
    /// Score the written model on this file once (final figure only; never tune on it).
    #[arg(long)]
    test: Option<PathBuf>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let read = |p: &PathBuf| {
        std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))
    };
    // A model is trained with the shipped lists and scored as it runs, with the run-time
    // names added.
    let gazetteer = match &args.gazetteers {
        Some(p) => Gazetteer::parse(&read(p)?),
        None if args.score.is_some() => Model::runtime_gazetteer(),
        None => Model::embedded_gazetteer(),
    };
    let train_docs = conll::read(&read(&args.train)?);
    let dev_docs = conll::read(&read(&args.dev)?);
    if let Some(path) = &args.score {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let model = Model::from_bytes(&bytes, gazetteer)?;
        println!("dev:\n{}", train::evaluate(&model, &dev_docs).report());
        println!(
            "dev, mentions whose text is no entity of the training data:\n{}",
            train::evaluate_unseen(&model, &dev_docs, &train_docs).report()
        );
        return Ok(());
    }
    let (train_set, mis_t) = train::prepare(&train_docs, &gazetteer);
    let (dev_set, mis_d) = train::prepare(&dev_docs, &gazetteer);
    eprintln!(
        "train {} docs ({mis_t} entities not on token boundaries), dev {} docs ({mis_d})",
        train_set.len(),
        dev_set.len()
    );
    let cfg = train::Config {
        max_epochs: args.epochs,
        folds: args.folds,
        seed: args.seed,
        bag: args.bag,
        prune: args.prune,
        min_count: args.min_count,
    };
    let trained = train::train(&args.name, &train_set, &dev_set, &cfg);
    std::fs::write(&args.out, &trained.model)
        .with_context(|| format!("writing {}", args.out.display()))?;
    println!(
        "wrote {} ({:.1} MB; epochs {:?}; features {:?})",
        args.out.display(),
        trained.model.len() as f64 / 1e6,
        trained.epochs,
        trained.features
    );
    let model = Model::from_bytes(&trained.model, gazetteer)?;
    let started = Instant::now();
    let dev_score = train::evaluate(&model, &dev_docs);
    println!(
        "dev (shipped model, {:.2} s):\n{}",
        started.elapsed().as_secs_f64(),
        dev_score.report()
    );
    println!(
        "dev, mentions whose text is no entity of the training data:\n{}",
        train::evaluate_unseen(&model, &dev_docs, &train_docs).report()
    );
    if let Some(test) = &args.test {
        let test_docs = conll::read(&read(test)?);
        println!("test:\n{}", train::evaluate(&model, &test_docs).report());
    }
    Ok(())
}
