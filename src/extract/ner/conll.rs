//! Reading CoNLL-2003 style files for training and evaluation: each document becomes an
//! article body laid out the way `score_ner.py` sends it to the service (tokens joined by
//! spaces, sentences by newlines), and its gold entities become BIO labels on *our* tokens,
//! so the model is trained on exactly what it sees at run time.

use super::{Label, TYPE_NAMES};
use crate::extract::text::TextLayer;

/// One gold document.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    pub text: String,
    /// Gold entities: byte start, byte end, type index.
    pub entities: Vec<(usize, usize, usize)>,
}

/// Parses a CoNLL file (word first column, IOB1 or IOB2 NER tag last column, documents split
/// at `-DOCSTART-`).
pub fn read(conll: &str) -> Vec<GoldDoc> {
    let mut docs = Vec::new();
    let mut sents: Vec<Vec<(&str, &str)>> = Vec::new();
    let mut sent: Vec<(&str, &str)> = Vec::new();
    let flush_doc = |sents: &mut Vec<Vec<(&str, &str)>>, docs: &mut Vec<GoldDoc>| {
        if !sents.is_empty() {
            docs.push(layout(sents));
            sents.clear();
        }
    };
    for line in conll.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() {
            if !sent.is_empty() {
                sents.push(std::mem::take(&mut sent));
            }
            continue;
        }
        if cols[0] == "-DOCSTART-" {
            if !sent.is_empty() {
                sents.push(std::mem::take(&mut sent));
            }
            flush_doc(&mut sents, &mut docs);
            continue;
        }
        sent.push((cols[0], cols[cols.len() - 1]));
    }
    if !sent.is_empty() {
        sents.push(sent);
    }
    flush_doc(&mut sents, &mut docs);
    docs
}

fn layout(sents: &[Vec<(&str, &str)>]) -> GoldDoc {
    let mut text = String::new();
    let mut entities = Vec::new();
    for (si, sent) in sents.iter().enumerate() {
        if si > 0 {
            text.push('\n');
        }
        let mut cur: Option<(usize, usize, usize)> = None;
        for (ti, (word, tag)) in sent.iter().enumerate() {
            if ti > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(word);
            let end = text.len();
            let parsed = tag
                .split_once('-')
                .and_then(|(bio, ty)| Some((bio, TYPE_NAMES.iter().position(|n| *n == ty)?)));
            match parsed {
                None => {
                    entities.extend(cur.take());
                }
                Some((bio, t)) => match &mut cur {
                    Some(c) if bio != "B" && c.2 == t => c.1 = end,
                    _ => {
                        entities.extend(cur.take());
                        cur = Some((start, end, t));
                    }
                },
            }
        }
        entities.extend(cur.take());
    }
    GoldDoc { text, entities }
}

/// BIO labels of `layer`'s tokens from gold entity byte spans, and the number of entities
/// whose boundaries do not fall on token boundaries (those cannot be found exactly).
pub fn align(layer: &TextLayer<'_>, entities: &[(usize, usize, usize)]) -> (Vec<Label>, usize) {
    let mut labels = vec![Label::O; layer.tokens.len()];
    let mut misaligned = 0;
    for &(start, end, t) in entities {
        let first = layer.tokens.partition_point(|tok| tok.end <= start);
        let mut k = first;
        let mut exact_start = false;
        let mut exact_end = false;
        while k < layer.tokens.len() && layer.tokens[k].start < end {
            let tok = layer.tokens[k];
            exact_start |= tok.start == start;
            exact_end |= tok.end == end;
            labels[k] = if k == first {
                Label::begin(t)
            } else {
                Label::inside(t)
            };
            k += 1;
        }
        if !(exact_start && exact_end) {
            misaligned += 1;
        }
    }
    (labels, misaligned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Field;

    const SAMPLE: &str = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\
German JJ B-NP B-MISC\ncall NN I-NP O\n. . O O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\n\
-DOCSTART- -X- -X- O\n\nU.S. NNP B-NP I-LOC\n's POS B-NP O\n";

    #[test]
    fn documents_are_laid_out_like_the_scorer_does() {
        let docs = read(SAMPLE);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "EU rejects German call .\nPeter Blackburn");
        let names: Vec<&str> = docs[0]
            .entities
            .iter()
            .map(|&(s, e, _)| &docs[0].text[s..e])
            .collect();
        assert_eq!(names, vec!["EU", "German", "Peter Blackburn"]);
        // IOB1 `I-LOC` at the start of a sentence still starts an entity.
        assert_eq!(docs[1].entities, vec![(0, 4, 2)]);
    }

    #[test]
    fn gold_spans_become_labels_on_our_tokens() {
        let docs = read(SAMPLE);
        let layer = TextLayer::new(Field::Body, &docs[0].text);
        let (labels, misaligned) = align(&layer, &docs[0].entities);
        assert_eq!(misaligned, 0);
        let shown: Vec<String> = labels.iter().map(Label::to_string).collect();
        assert_eq!(shown, ["B-ORG", "O", "B-MISC", "O", "O", "B-PER", "I-PER"]);
    }
}
