//! Named-entity recognition: a two-stage averaged-perceptron sequence tagger over BILOU labels
//! (PER, ORG, LOC, MISC) with Viterbi decoding, trained on CoNLL-2003 by `train-ner` and
//! shipped inside the binary (`models/ner/model.bin`, see `models/ner/README.md`).
//!
//! Stage 1 tags each sentence from local features ([`features`]); stage 2 tags it again,
//! also knowing what stage 1 said about the same words elsewhere in the article, which fixes
//! headlines, tables and sentence-initial names whose local evidence is weak.
//!
//! Parts: [`lexicon`] (one token's forms, shape and affixes, hashed), [`gazetteer`]
//! (word-list membership), [`features`] (the feature templates), [`weights`] (one stage's
//! weights and their file format), [`decode`] (Viterbi), [`conll`] (CoNLL-2003 files as
//! articles with gold labels) and [`train`] (the perceptron trainer behind `train-ner`).

pub mod clusters;
pub mod conll;
pub mod decode;
pub mod emissions;
pub mod features;
pub mod gazetteer;
pub mod hash;
pub mod lexicon;
pub mod outside;
pub mod train;
pub mod weights;

use std::fmt;

use super::LoadError;
use super::doc::{Doc, Mention};
use super::text::TextLayer;
use crate::record::{EntityType, Field};
use decode::{Transitions, Viterbi};
use emissions::{Dense, DocScorer};
use features::{DocContext, LayerInfo, Predictions, Types};
use gazetteer::Gazetteer;
use weights::{FormatError, Joint, Stage};

/// Entity types, in label order.
pub const TYPES: [EntityType; N_TYPES] = [
    EntityType::Person,
    EntityType::Organization,
    EntityType::Location,
    EntityType::Misc,
];
/// Number of entity types.
pub const N_TYPES: usize = 4;
/// `O` plus `B-`, `I-`, `L-` and `U-` of every type.
pub const N_LABELS: usize = 1 + 4 * N_TYPES;

/// Short names of the types as CoNLL writes them, in label order.
pub const TYPE_NAMES: [&str; N_TYPES] = ["PER", "ORG", "LOC", "MISC"];

/// A BILOU label: 0 is `O`; `1 + 4t` is `B-t` (first of several tokens), `2 + 4t` is `I-t`
/// (inside), `3 + 4t` is `L-t` (last), `4 + 4t` is `U-t` (a name of one token).
///
/// Ratinov and Roth (2009) found BILOU better than BIO for a linear tagger: the last word of a
/// name ("Inc", "City") and a one-word name get weights of their own instead of sharing
/// `I-` and `B-` with words in the middle or at the start of longer names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Label(pub u8);

impl Label {
    /// Outside any entity.
    pub const O: Label = Label(0);

    /// The label of the first token of a name of type index `t` longer than one token.
    pub fn begin(t: usize) -> Label {
        Label(1 + 4 * t as u8)
    }

    /// The label of a token strictly inside a name of type index `t`.
    pub fn inside(t: usize) -> Label {
        Label(2 + 4 * t as u8)
    }

    /// The label of the last token of a name of type index `t` longer than one token.
    pub fn last(t: usize) -> Label {
        Label(3 + 4 * t as u8)
    }

    /// The label of a name of type index `t` that is one token.
    pub fn unit(t: usize) -> Label {
        Label(4 + 4 * t as u8)
    }

    /// The type index of an entity label, `None` for `O`.
    #[inline]
    pub fn entity_type(self) -> Option<usize> {
        (self.0 != 0).then(|| usize::from(self.0 - 1) / 4)
    }

    /// 0 for `B-`, 1 for `I-`, 2 for `L-`, 3 for `U-`.
    #[inline]
    fn position(self) -> u8 {
        (self.0 - 1) % 4
    }

    /// True for labels that continue the name before them (`I-`, `L-`).
    #[inline]
    pub fn is_inside(self) -> bool {
        self.0 != 0 && matches!(self.position(), 1 | 2)
    }

    /// True for labels after which the name goes on (`B-`, `I-`): the next token must
    /// continue it.
    #[inline]
    pub fn is_open(self) -> bool {
        self.0 != 0 && matches!(self.position(), 0 | 1)
    }

    /// Parses `O`, `B-PER`, `I-LOC`, `L-ORG`, `U-MISC`, ...
    pub fn parse(s: &str) -> Option<Label> {
        if s == "O" {
            return Some(Label::O);
        }
        let (pos, ty) = s.split_once('-')?;
        let t = TYPE_NAMES.iter().position(|n| *n == ty)?;
        match pos {
            "B" => Some(Label::begin(t)),
            "I" => Some(Label::inside(t)),
            "L" => Some(Label::last(t)),
            "U" => Some(Label::unit(t)),
            _ => None,
        }
    }
}

/// Rewrites the name spans of `labels[range]`, read as BIO or BILOU (a name starts at any
/// entity label that does not continue one of its type), in BILOU.
pub fn to_bilou(labels: &mut [Label], range: std::ops::Range<usize>) {
    let mut open: Option<(usize, usize)> = None;
    let mut spans = Vec::new();
    for i in range.clone() {
        let l = labels[i];
        let cont = l.is_inside() && open.is_some_and(|(_, t)| Some(t) == l.entity_type());
        if !cont {
            spans.extend(open.take().map(|(b, t)| (b, i, t)));
            open = l.entity_type().map(|t| (i, t));
        }
    }
    spans.extend(open.map(|(b, t)| (b, range.end, t)));
    for (b, e, t) in spans {
        if e - b == 1 {
            labels[b] = Label::unit(t);
        } else {
            labels[b] = Label::begin(t);
            labels[b + 1..e - 1].fill(Label::inside(t));
            labels[e - 1] = Label::last(t);
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.entity_type() {
            None => f.write_str("O"),
            Some(t) => {
                let pos = ["B", "I", "L", "U"][usize::from(self.position())];
                write!(f, "{pos}-{}", TYPE_NAMES[t])
            }
        }
    }
}

/// File magic and version of `model.bin`; bump [`FEATURES_VERSION`] whenever a feature
/// template changes, so an old model fails to load instead of silently scoring garbage.
const MAGIC: &[u8; 4] = b"NERM";
/// Version of the feature templates a model was trained with.
pub const FEATURES_VERSION: u32 = 8;

/// The model compiled into the binary.
static EMBEDDED_MODEL: &[u8] = include_bytes!("../../../models/ner/model.bin");
/// The gazetteers compiled into the binary, the ones the model is trained with.
static EMBEDDED_GAZETTEERS: &str = include_str!("../../../models/ner/gazetteers.tsv");
/// Names the training data never contains (first and last names of many countries, events),
/// added to the lists at run time only: they never fire on the training text, so they would
/// teach the model nothing, but they tell it that a name it never saw is a list's.
static EMBEDDED_UNSEEN: &str = include_str!("../../../models/ner/gazetteers_unseen.tsv");

/// A trained tagger: both stages' weights and the gazetteers their features use. Parsed
/// once, then shared read-only.
#[derive(Debug)]
pub struct Model {
    name: String,
    gazetteer: Gazetteer,
    /// Both stages' emission weights, looked up together.
    emit: Joint,
    /// The weights of the closed-set features, summed ahead.
    dense: Dense,
    /// Each stage's transition scores, BILOU constraints folded in.
    trans1: Transitions,
    trans2: Transitions,
}

impl Model {
    /// The model shipped in the binary.
    ///
    /// # Errors
    /// [`LoadError::Model`] when the embedded file does not parse: a broken build.
    pub fn embedded() -> Result<Self, LoadError> {
        clusters::preload();
        Self::from_bytes(EMBEDDED_MODEL, Self::runtime_gazetteer())
            .map_err(|e| LoadError::Model(e.to_string()))
    }

    /// The gazetteers shipped in the binary that the embedded model was trained with.
    pub fn embedded_gazetteer() -> Gazetteer {
        Gazetteer::parse(EMBEDDED_GAZETTEERS)
    }

    /// The gazetteers the embedded model tags with: those it was trained with and the
    /// run-time-only names.
    pub fn runtime_gazetteer() -> Gazetteer {
        let mut g = Self::embedded_gazetteer();
        g.add(EMBEDDED_UNSEEN);
        g
    }

    /// Parses a model file.
    ///
    /// # Errors
    /// [`FormatError`] when the bytes are not a model of this feature version.
    pub fn from_bytes(bytes: &[u8], gazetteer: Gazetteer) -> Result<Self, FormatError> {
        let mut b = bytes;
        let magic: [u8; 4] = weights::take(&mut b)?;
        if &magic != MAGIC {
            return Err(FormatError("not a NER model (bad magic)".into()));
        }
        let version = u32::from_le_bytes(weights::take(&mut b)?);
        if version != FEATURES_VERSION {
            return Err(FormatError(format!(
                "model has feature version {version}, this build needs {FEATURES_VERSION}"
            )));
        }
        let name_len = u32::from_le_bytes(weights::take(&mut b)?) as usize;
        if b.len() < name_len {
            return Err(FormatError("truncated name".into()));
        }
        let name = String::from_utf8(b[..name_len].to_vec())
            .map_err(|_| FormatError("model name is not UTF-8".into()))?;
        b = &b[name_len..];
        let stage1 = Stage::read(&mut b)?;
        let stage2 = Stage::read(&mut b)?;
        if !b.is_empty() {
            return Err(FormatError(format!("{} trailing bytes", b.len())));
        }
        let emit = Joint::new(&stage1, &stage2);
        Ok(Model {
            name,
            gazetteer,
            dense: Dense::new(&emit),
            emit,
            trans1: Transitions::new(&stage1.trans, &stage1.start),
            trans2: Transitions::new(&stage2.trans, &stage2.start),
        })
    }

    /// Builds a model file from its parts (used by the trainer).
    pub fn to_bytes(name: &str, stage1: &[u8], stage2: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + name.len() + stage1.len() + stage2.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FEATURES_VERSION.to_le_bytes());
        out.extend_from_slice(&(name.len() as u32).to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(stage1);
        out.extend_from_slice(stage2);
        out
    }

    /// The model's name and training date, reported in every record.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The gazetteers the model's features use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Tags the title and body of `doc`; mentions point into the field they were found in.
    pub fn tag_doc(&self, doc: &Doc<'_>) -> Vec<Mention> {
        let layers: Vec<&TextLayer<'_>> = doc.layers().collect();
        // The article's vocabulary has already numbered its token strings: each is analysed
        // once, and no token is hashed again.
        let types = Types::of_surfaces(doc.vocab.surfaces());
        let infos: Vec<LayerInfo> = layers
            .iter()
            .map(|l| {
                let ty = doc.vocab.surface_ids(l.field).to_vec();
                LayerInfo::with_type_ids(l, &self.gazetteer, &types, ty)
            })
            .collect();
        let ctx = body_context(&layers, &infos);
        let labels = self.tag_infos(&types, &infos, &ctx);
        let mut out = Vec::new();
        for (layer, labels) in layers.iter().zip(&labels) {
            mentions(layer, labels, &mut out);
        }
        out
    }

    /// Every layer's token analysis, and the document context the body gives them (only the
    /// body decides how words are cased): the input of both stages.
    fn analyse<'t>(
        &self,
        layers: &[&TextLayer<'t>],
        types: &mut Types<'t>,
    ) -> (Vec<LayerInfo>, DocContext) {
        let infos: Vec<LayerInfo> = layers
            .iter()
            .map(|l| LayerInfo::with_types(l, &self.gazetteer, types))
            .collect();
        let ctx = body_context(layers, &infos);
        (infos, ctx)
    }

    /// Labels of every token of `layers` (one article's fields; the body decides casing).
    pub fn tag_layers(&self, layers: &[&TextLayer<'_>]) -> Vec<Vec<Label>> {
        let mut types = Types::with_capacity(layers.iter().map(|l| l.tokens.len()).sum());
        let (infos, ctx) = self.analyse(layers, &mut types);
        self.tag_infos(&types, &infos, &ctx)
    }

    /// Labels of every token of the layers analysed as `infos` with `types`.
    fn tag_infos(
        &self,
        types: &Types<'_>,
        infos: &[LayerInfo],
        ctx: &DocContext,
    ) -> Vec<Vec<Label>> {
        let mut scorer = DocScorer::new(&self.emit, &self.dense, ctx, types);
        let mut scratch = Scratch::default();
        // Stage 1's features serve both stages: stage 1's part of their weights decides its
        // labels, stage 2's part waits for the features only stage 2 has.
        let mut partial: Vec<Vec<[f32; N_LABELS]>> = Vec::with_capacity(infos.len());
        let mut first: Vec<Vec<Label>> = Vec::with_capacity(infos.len());
        for info in infos {
            let mut labels = vec![Label::O; info.lex.len()];
            let mut rest = vec![[0f32; N_LABELS]; info.lex.len()];
            for sent in &info.sents {
                scratch.sums.clear();
                scorer.sentence1(info, sent, &mut scratch.sums);
                scratch.emissions.clear();
                for (acc, i) in scratch.sums.iter().zip(sent.tokens.clone()) {
                    if info.outside[i] {
                        scratch.emissions.push([0.0; N_LABELS]);
                        continue;
                    }
                    let (one, two) = self.emit.scale_both(acc);
                    scratch.emissions.push(one);
                    rest[i] = two;
                }
                scratch.decode(
                    &self.trans1,
                    &info.outside[sent.tokens.clone()],
                    &mut labels[sent.tokens.clone()],
                );
            }
            partial.push(rest);
            first.push(labels);
        }
        let preds = Predictions::new(infos.iter().zip(first.iter().map(Vec::as_slice)));
        scorer.set_predictions(&preds);
        let mut out = Vec::with_capacity(infos.len());
        for ((info, labels1), rest) in infos.iter().zip(&first).zip(&partial) {
            let mut labels = vec![Label::O; info.lex.len()];
            for sent in &info.sents {
                scratch.emissions.clear();
                for i in sent.tokens.clone() {
                    let mut row = rest[i];
                    if !info.outside[i] {
                        let acc = scorer.stage2(info, labels1, sent, i);
                        self.emit.add_scaled_stage2(&acc, &mut row);
                    }
                    scratch.emissions.push(row);
                }
                scratch.decode(
                    &self.trans2,
                    &info.outside[sent.tokens.clone()],
                    &mut labels[sent.tokens.clone()],
                );
            }
            out.push(labels);
        }
        out
    }
}

/// What the body says about how the document cases its words (only the body decides).
fn body_context(layers: &[&TextLayer<'_>], infos: &[LayerInfo]) -> DocContext {
    DocContext::new(
        layers
            .iter()
            .zip(infos)
            .filter(|(l, _)| l.field == Field::Body)
            .map(|(_, i)| i),
    )
}

/// Buffers reused across the sentences of a document.
#[derive(Default)]
struct Scratch {
    sums: Vec<emissions::Acc>,
    emissions: Vec<[f32; N_LABELS]>,
    labels: Vec<Label>,
    viterbi: Viterbi,
}

impl Scratch {
    /// Decodes the sentence whose emissions are buffered into `out`; `outside` marks the
    /// tokens that can only be `O`.
    fn decode(&mut self, trans: &Transitions, outside: &[bool], out: &mut [Label]) {
        self.viterbi
            .decode_outside(&self.emissions, outside, trans, &mut self.labels);
        out.copy_from_slice(&self.labels);
    }
}

/// Turns BILOU labels into mentions (byte offsets and token ranges of `layer`).
pub fn mentions(layer: &TextLayer<'_>, labels: &[Label], out: &mut Vec<Mention>) {
    let mut open: Option<(usize, usize)> = None; // (first token, type)
    let close = |open: Option<(usize, usize)>, end: usize, out: &mut Vec<Mention>| {
        if let Some((b, t)) = open {
            out.push(Mention {
                field: layer.field,
                start: layer.tokens[b].start,
                end: layer.tokens[end - 1].end,
                tokens: b..end,
                kind: TYPES[t],
            });
        }
    };
    for sent in &layer.sentences {
        for i in sent.tokens.clone() {
            let l = labels[i];
            match l.entity_type() {
                Some(t) if l.is_inside() && open.is_some_and(|(_, ot)| ot == t) => {}
                Some(t) => {
                    close(open, i, out);
                    open = Some((i, t));
                }
                None => {
                    close(open, i, out);
                    open = None;
                }
            }
        }
        close(open, sent.tokens.end, out);
        open = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_through_their_conll_names() {
        for l in 0..N_LABELS as u8 {
            let label = Label(l);
            assert_eq!(Label::parse(&label.to_string()), Some(label));
        }
        assert_eq!(Label::parse("B-PER"), Some(Label::begin(0)));
        assert_eq!(Label::parse("I-MISC"), Some(Label::inside(3)));
        assert_eq!(Label::parse("L-ORG"), Some(Label::last(1)));
        assert_eq!(Label::parse("U-LOC"), Some(Label::unit(2)));
        assert_eq!(Label::parse("X-PER"), None);
    }

    #[test]
    fn gold_bio_becomes_bilou_within_each_sentence() {
        let (b, i, o) = (Label::begin, Label::inside, Label::O);
        // "New York Stock Exchange , Reuters said" then a name the splitter cut in two.
        let mut labels = vec![b(1), i(1), i(1), i(1), o, b(1), o, b(0), i(0), i(0)];
        to_bilou(&mut labels, 0..7);
        to_bilou(&mut labels, 7..9);
        to_bilou(&mut labels, 9..10);
        let (l, u) = (Label::last, Label::unit);
        assert_eq!(
            labels,
            vec![b(1), i(1), i(1), l(1), o, u(1), o, b(0), l(0), u(0)]
        );
        // Already BILOU: unchanged; a type change mid-name starts a new name.
        let mut again = labels.clone();
        to_bilou(&mut again, 0..10);
        assert_eq!(again[..7], labels[..7]);
        let mut mixed = vec![b(0), i(2)];
        to_bilou(&mut mixed, 0..2);
        assert_eq!(mixed, vec![u(0), u(2)]);
    }

    #[test]
    fn labels_become_mentions_that_stop_at_sentence_ends() {
        let text = "Steve Witkoff met Kushner. Moscow";
        let layer = TextLayer::new(Field::Body, text);
        let labels = [
            Label::begin(0),
            Label::last(0),
            Label::O,
            Label::unit(0),
            Label::O,
            Label::unit(2),
        ];
        let mut out = Vec::new();
        mentions(&layer, &labels, &mut out);
        let got: Vec<(&str, EntityType)> = out
            .iter()
            .map(|m| (&text[m.start..m.end], m.kind))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Steve Witkoff", EntityType::Person),
                ("Kushner", EntityType::Person),
                ("Moscow", EntityType::Location),
            ]
        );
    }
}
