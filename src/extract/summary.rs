//! Extractive summary: the two or three sentences most central to the article, in article
//! order. Centrality is TextRank (Mihalcea & Tarau, 2004) over TF-IDF sentence vectors with
//! cosine edges, its random jumps biased towards the lead (news puts the gist first). A
//! sentence too close to one already picked is passed over (wire copy often restates its
//! lead in the last paragraph), and so are section headings and fragments.

use super::doc::Doc;
use super::vocab::NOT_A_WORD;

/// Sentences returned from articles with at least [`LONG_ARTICLE`] candidate sentences;
/// shorter ones get [`SHORT_SUMMARY`].
const LONG_SUMMARY: usize = 3;
const SHORT_SUMMARY: usize = 2;
const LONG_ARTICLE: usize = 6;
/// Fewer words than this is a fragment or a dateline, not a summary sentence.
const MIN_WORDS: usize = 6;
/// A one-sentence paragraph without closing punctuation and at most this many words is a
/// section heading ("Refining the plan").
const HEADING_MAX_WORDS: usize = 12;
/// A "sentence" longer than this many bytes is not prose (a table, a list run together, a
/// feed with no full stops) and would make the summary as large as the article.
const MAX_SENTENCE_BYTES: usize = 2_000;
/// Cosine similarity above which a sentence repeats one already picked.
const REDUNDANT: f64 = 0.5;
/// TextRank's damping factor and iteration budget (it converges in far fewer on articles).
const DAMPING: f64 = 0.85;
const ITERATIONS: usize = 50;

/// The article's most central body sentences, in article order. Empty for an empty body.
pub fn pick(doc: &Doc<'_>) -> Vec<String> {
    let layer = &doc.body;
    let candidates = candidate_sentences(doc);
    if candidates.is_empty() {
        return Vec::new();
    }
    let vectors = tfidf_vectors(doc, &candidates);
    let n = candidates.len();
    let graph = Graph::new(&vectors);
    let scores = biased_textrank(&graph);

    let want = if n >= LONG_ARTICLE {
        LONG_SUMMARY
    } else {
        SHORT_SUMMARY
    };
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut picked: Vec<usize> = Vec::with_capacity(want);
    for i in order {
        if picked.len() == want {
            break;
        }
        if picked
            .iter()
            .all(|&p| cosine(&vectors[i], &vectors[p]) <= REDUNDANT)
        {
            picked.push(i);
        }
    }
    picked.sort_unstable();
    picked
        .into_iter()
        .map(|i| {
            let s = &layer.sentences[candidates[i]];
            layer.text[s.start..s.end].trim().to_string()
        })
        .collect()
}

/// Indices of the body's sentences that may be summary sentences: not headings, not
/// fragments.
fn candidate_sentences(doc: &Doc<'_>) -> Vec<usize> {
    let layer = &doc.body;
    let ids = doc.vocab.ids(layer.field);
    let mut out = Vec::new();
    for p in &layer.paragraphs {
        let one_sentence = p.sentences.len() == 1;
        for i in p.sentences.clone() {
            let s = &layer.sentences[i];
            let text = layer.text[s.start..s.end].trim_end();
            let words = ids[s.tokens.clone()]
                .iter()
                .filter(|&&id| id != NOT_A_WORD)
                .count();
            let closed = text.ends_with(['.', '!', '?', '"', '”', '’', '\'', ')']);
            let heading = one_sentence && !closed && words <= HEADING_MAX_WORDS;
            if words >= MIN_WORDS && !heading && text.len() <= MAX_SENTENCE_BYTES {
                out.push(i);
            }
        }
    }
    out
}

/// One TF-IDF vector per candidate sentence over its content words (lowercased, stop
/// words and numbers out), as (word id, weight) pairs sorted by id, L2-normalised.
fn tfidf_vectors(doc: &Doc<'_>, candidates: &[usize]) -> Vec<Vec<(u32, f64)>> {
    let layer = &doc.body;
    let ids = doc.vocab.ids(layer.field);
    // Whether each word counts, decided on its first occurrence: 0 not yet, 1 content, 2 not.
    let mut content = vec![0u8; doc.vocab.len()];
    let mut counts: Vec<Vec<(u32, f64)>> = Vec::with_capacity(candidates.len());
    for &i in candidates {
        let s = &layer.sentences[i];
        let mut v: Vec<(u32, f64)> = Vec::new();
        for &id in &ids[s.tokens.clone()] {
            if id == NOT_A_WORD {
                continue;
            }
            let c = &mut content[id as usize];
            if *c == 0 {
                let skip = doc.vocab.entry(id).stop
                    || !doc.vocab.form(id).chars().any(char::is_alphabetic);
                *c = if skip { 2 } else { 1 };
            }
            if *c == 1 {
                v.push((id, 1.0));
            }
        }
        v.sort_unstable_by_key(|e| e.0);
        v.dedup_by(|b, a| {
            let same = a.0 == b.0;
            if same {
                a.1 += 1.0;
            }
            same
        });
        counts.push(v);
    }
    let mut df = vec![0u32; doc.vocab.len()];
    for v in &counts {
        for &(id, _) in v {
            df[id as usize] += 1;
        }
    }
    let n = counts.len() as f64;
    for v in &mut counts {
        for e in v.iter_mut() {
            e.1 *= (1.0 + n / f64::from(df[e.0 as usize])).ln();
        }
        let norm = v.iter().map(|e| e.1 * e.1).sum::<f64>().sqrt();
        if norm > 0.0 {
            for e in v.iter_mut() {
                e.1 /= norm;
            }
        }
    }
    counts
}

/// Cosine of two normalised sparse vectors sorted by id.
fn cosine(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

/// The sentence similarity graph, sparse: sentences sharing no content word have no edge,
/// and in a long article most pairs share none, so building and walking it costs far less
/// than the n × n matrix it stands for.
struct Graph {
    /// `edges[i]`: (neighbour, cosine similarity) for every sentence similar to `i`.
    edges: Vec<Vec<(u32, f64)>>,
}

impl Graph {
    /// Cosine similarities of normalised sparse vectors, accumulated through an inverted
    /// index: each word adds its weight product to the pairs of sentences that contain it.
    fn new(vectors: &[Vec<(u32, f64)>]) -> Graph {
        let n = vectors.len();
        let words = vectors
            .iter()
            .flat_map(|v| v.iter().map(|e| e.0 as usize + 1))
            .max()
            .unwrap_or(0);
        let mut postings: Vec<Vec<(u32, f64)>> = vec![Vec::new(); words];
        for (i, v) in vectors.iter().enumerate() {
            for &(w, x) in v {
                postings[w as usize].push((i as u32, x));
            }
        }
        let mut edges: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n];
        let mut row = vec![0.0f64; n];
        let mut touched: Vec<u32> = Vec::new();
        for (i, v) in vectors.iter().enumerate() {
            for &(w, x) in v {
                // Postings are in sentence order: only later sentences, each pair once.
                let list = &postings[w as usize];
                let after = list.partition_point(|&(j, _)| j as usize <= i);
                for &(j, y) in &list[after..] {
                    if row[j as usize] == 0.0 {
                        touched.push(j);
                    }
                    row[j as usize] += x * y;
                }
            }
            touched.sort_unstable();
            for &j in &touched {
                let s = std::mem::take(&mut row[j as usize]);
                if s > 0.0 {
                    edges[i].push((j, s));
                    edges[j as usize].push((i as u32, s));
                }
            }
            touched.clear();
        }
        Graph { edges }
    }

    fn len(&self) -> usize {
        self.edges.len()
    }
}

/// PageRank over the similarity graph whose random jumps land on sentence `i` with
/// probability proportional to 1/(i+1): the lead bias. A sentence similar to many
/// well-connected sentences ranks high; ties go to the earlier one.
fn biased_textrank(graph: &Graph) -> Vec<f64> {
    let n = graph.len();
    let jump_total: f64 = (0..n).map(|i| 1.0 / (i as f64 + 1.0)).sum();
    let jump: Vec<f64> = (0..n)
        .map(|i| 1.0 / ((i as f64 + 1.0) * jump_total))
        .collect();
    // Where rank at sentence j flows: each edge's share of j's total similarity. Sentences
    // similar to nothing ("dangling") hand their rank to the jump distribution.
    let totals: Vec<f64> = graph
        .edges
        .iter()
        .map(|e| e.iter().map(|&(_, s)| s).sum())
        .collect();
    let dangling: Vec<usize> = (0..n).filter(|&j| totals[j] <= 0.0).collect();
    let mut rank = jump.clone();
    let mut next = vec![0.0; n];
    for _ in 0..ITERATIONS {
        let lost: f64 = dangling.iter().map(|&j| rank[j]).sum();
        for (i, slot) in next.iter_mut().enumerate() {
            *slot = (1.0 - DAMPING + DAMPING * lost) * jump[i];
        }
        for (j, edges) in graph.edges.iter().enumerate() {
            if totals[j] <= 0.0 {
                continue;
            }
            let r = DAMPING * rank[j] / totals[j];
            for &(i, s) in edges {
                next[i as usize] += r * s;
            }
        }
        let delta: f64 = rank.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        // Only the order matters; it settles long before the values do.
        if delta < 1e-6 {
            break;
        }
    }
    rank
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_fragments_are_not_candidates() {
        let doc = Doc::new(
            None,
            "The council approved the new harbour barrier on Wednesday night.\n\
             Who pays for it\n\
             Officials said the agency would pay most of the cost of the barrier.\n\
             Oh well.",
            None,
        );
        let c = candidate_sentences(&doc);
        let texts: Vec<&str> = c
            .iter()
            .map(|&i| {
                let s = &doc.body.sentences[i];
                &doc.body.text[s.start..s.end]
            })
            .collect();
        assert_eq!(
            texts,
            [
                "The council approved the new harbour barrier on Wednesday night.",
                "Officials said the agency would pay most of the cost of the barrier."
            ]
        );
    }

    #[test]
    fn cosine_of_identical_vectors_is_one_and_of_disjoint_zero() {
        let a = [(1, 0.6), (3, 0.8)];
        let b = [(2, 1.0)];
        assert!((cosine(&a, &a) - 1.0).abs() < 1e-12);
        assert_eq!(cosine(&a, &b), 0.0);
    }

    #[test]
    fn textrank_ranks_sum_to_one() {
        // Sentence 1 shares a word with 0 and another with 2; 0 and 2 share nothing.
        let vectors = vec![vec![(0, 1.0)], vec![(0, 0.8), (1, 0.6)], vec![(1, 1.0)]];
        let graph = Graph::new(&vectors);
        assert_eq!(graph.edges[0], [(1, 0.8)]);
        assert_eq!(graph.edges[1], [(0, 0.8), (2, 0.6)]);
        let r = biased_textrank(&graph);
        assert!((r.iter().sum::<f64>() - 1.0).abs() < 1e-6);
        assert!(r[1] > r[2], "the hub sentence outranks the leaf: {r:?}");
    }

    #[test]
    fn empty_body_has_no_summary() {
        assert!(pick(&Doc::new(Some("Title only"), "", None)).is_empty());
    }
}
