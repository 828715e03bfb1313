//! Main text from a raw HTML news page: the article's paragraphs, one per line, without the
//! navigation, scripts, ads, share bars, cookie banners, comments and related links around
//! them, plus the page's headline.
//!
//! How: the page is parsed by html5ever (through `scraper`, whose arena tree is walked
//! iteratively, so deep nesting cannot overflow the stack). Boilerplate subtrees are
//! recognised by tag, ARIA role, `hidden` and class/id words. Every remaining text block
//! scores its parent and grandparent readability-style (length, commas, few links); the best
//! scoring container, plus siblings that score nearly as well (an article body split by an
//! ad slot), is the article. Its blocks become lines; link-dense lines (related links) and
//! stock boilerplate lines ("Advertisement") are dropped.
//!
//! Bounded on hostile input: pages are cut at [`MAX_HTML_BYTES`] and nesting deeper than
//! [`MAX_DEPTH`] is flattened before parsing, because html5ever's scope checks scan the
//! whole open-element stack and turn deep nesting quadratic.

use std::borrow::Cow;

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use rustc_hash::FxHashMap;
use scraper::{Html, Node};

/// Pages longer than this are cut here (at a char boundary) before parsing: the article
/// text sits near the top of real pages, and parsing time grows with size.
pub const MAX_HTML_BYTES: usize = 2 * 1024 * 1024;

/// Open elements nested deeper than this are dropped before parsing. Real pages stay far
/// below it; 100 000 nested `<div>`s take html5ever close to a minute.
pub const MAX_DEPTH: usize = 400;

/// The text and title found in a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlText {
    /// The page's headline: the article's `<h1>`, else `og:title`, else the first `<h1>`,
    /// else `<title>` without a trailing " | Site name".
    pub title: Option<String>,
    /// The article's paragraphs and subheadings, one per line, entities decoded, whitespace
    /// collapsed.
    pub text: String,
}

/// Extracts the article's main text and headline from a whole HTML page. Never fails: a
/// page without recognisable content yields empty text.
pub fn main_text(html: &str) -> HtmlText {
    let html = bound_depth(truncate(html, MAX_HTML_BYTES));
    let page = Html::parse_document(&html);
    let root = page.tree.root();
    let containers = article_containers(root);
    let title = find_title(root, containers.first().copied());
    let mut lines = Vec::new();
    if containers.is_empty() {
        collect_lines(root, &mut lines);
    } else {
        for c in &containers {
            collect_lines(*c, &mut lines);
        }
    }
    let title_key = title.as_deref().map(squash);
    let text = lines
        .into_iter()
        .filter(|l| l.kept())
        .filter(|l| Some(squash(&l.text)) != title_key)
        .map(|l| l.text)
        .collect::<Vec<_>>()
        .join("\n");
    HtmlText { title, text }
}

type NodeR<'a> = NodeRef<'a, Node>;

/// Elements whose content is never article text.
const DROP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "canvas",
    "nav",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "textarea",
    "input",
    "label",
    "figure",
    "figcaption",
    "header",
    "menu",
    "dialog",
    "object",
    "embed",
    "video",
    "audio",
    "picture",
    "img",
    "map",
    "head",
    "title",
    "h1",
];

/// ARIA landmarks and widgets that hold site chrome, not the story.
const DROP_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "alert",
    "menu",
    "menubar",
    "search",
    "toolbar",
];

/// Class/id words that mark boilerplate wherever they appear.
const JUNK_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adslot",
    "advert",
    "advertisement",
    "advertising",
    "sponsor",
    "sponsored",
    "promo",
    "promoted",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "recommendations",
    "newsletter",
    "subscribe",
    "signup",
    "comment",
    "comments",
    "disqus",
    "outbrain",
    "taboola",
    "popup",
    "modal",
    "paywall",
];

/// Class/id words that mark boilerplate unless the same element also calls itself content
/// ("main-content has-sidebar" is the article, not a sidebar).
const WEAK_JUNK_WORDS: &[&str] = &[
    "sidebar",
    "menu",
    "nav",
    "navbar",
    "header",
    "masthead",
    "footer",
    "banner",
    "widget",
    "byline",
    "author",
    "dateline",
    "timestamp",
    "meta",
    "tags",
    "toolbar",
    "breadcrumb",
    "breadcrumbs",
    "caption",
    "credit",
    "pagination",
    "pager",
    "skip",
];

/// Class/id words that protect an element from [`WEAK_JUNK_WORDS`].
const CONTENT_WORDS: &[&str] = &[
    "article", "content", "main", "body", "story", "post", "entry", "text",
];

/// Whole lines that pages scatter through article bodies and that are never story text.
const BOILERPLATE_LINES: &[&str] = &[
    "advertisement",
    "advert",
    "sponsored",
    "sponsored content",
    "read more",
    "continue reading",
    "share",
    "share this article",
    "share this",
    "related",
    "related articles",
    "related stories",
    "comments",
    "skip to content",
    "skip to main content",
    "story continues below advertisement",
];

/// Elements that start a new line of text.
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "blockquote"
            | "pre"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "br"
            | "hr"
            | "body"
            | "center"
            | "address"
            | "details"
            | "summary"
    )
}

/// Whether `node` is an element whose whole subtree is boilerplate.
fn is_junk(node: NodeR<'_>) -> bool {
    let Node::Element(el) = node.value() else {
        return false;
    };
    let tag = el.name();
    if DROP_TAGS.contains(&tag) {
        return true;
    }
    if matches!(tag, "html" | "body" | "main" | "article") {
        return false;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    if el
        .attr("role")
        .is_some_and(|r| DROP_ROLES.iter().any(|d| d.eq_ignore_ascii_case(r.trim())))
    {
        return true;
    }
    let mut junk = false;
    let mut weak = false;
    let mut content = false;
    for value in [el.attr("class"), el.attr("id")].into_iter().flatten() {
        for word in value
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let is = |list: &[&str]| list.iter().any(|j| j.eq_ignore_ascii_case(word));
            junk |= is(JUNK_WORDS);
            weak |= is(WEAK_JUNK_WORDS);
            content |= is(CONTENT_WORDS);
        }
    }
    junk || (weak && !content)
}

/// Per-block tallies while walking the page.
#[derive(Default)]
struct BlockAcc {
    chars: usize,
    commas: usize,
    link_chars: usize,
}

/// The article: the best scoring container and the siblings that belong with it, in page
/// order. Empty when no block of the page looks like prose.
fn article_containers(root: NodeR<'_>) -> Vec<NodeR<'_>> {
    let mut scores: FxHashMap<ego_tree::NodeId, f64> = FxHashMap::default();
    let mut stack: Vec<(ego_tree::NodeId, BlockAcc)> = Vec::new();
    let mut links = 0usize;
    walk(root, |event| match event {
        Walk::Open(node, tag) => {
            if tag == "a" {
                links += 1;
            }
            if is_block(tag) {
                stack.push((node.id(), BlockAcc::default()));
            }
        }
        Walk::Close(node, tag) => {
            if tag == "a" {
                links = links.saturating_sub(1);
            }
            if is_block(tag) && stack.last().is_some_and(|(id, _)| *id == node.id()) {
                if let Some((_, acc)) = stack.pop() {
                    score_block(node, &acc, &mut scores);
                }
            }
        }
        Walk::Text(text) => {
            if let Some((_, acc)) = stack.last_mut() {
                let chars = text.chars().filter(|c| !c.is_whitespace()).count();
                acc.chars += chars;
                acc.commas += text.matches(',').count();
                if links > 0 {
                    acc.link_chars += chars;
                }
            }
        }
    });
    let Some((&top_id, &top_score)) = scores
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(a.0)))
    else {
        return Vec::new();
    };
    let Some(top) = root.tree().get(top_id) else {
        return Vec::new();
    };
    let Some(parent) = top.parent() else {
        return vec![top];
    };
    let threshold = (top_score * 0.2).max(10.0);
    parent
        .children()
        .filter(|c| {
            c.id() == top_id
                || (!is_junk(*c) && scores.get(&c.id()).is_some_and(|s| *s >= threshold))
        })
        .collect()
}

/// Credits a finished text block to the containers above it: the parent fully, the
/// grandparent half, the great-grandparent a third (readability's weighting).
fn score_block(node: NodeR<'_>, acc: &BlockAcc, scores: &mut FxHashMap<ego_tree::NodeId, f64>) {
    if acc.chars < 25 {
        return;
    }
    let link_density = acc.link_chars as f64 / acc.chars as f64;
    let score =
        (1.0 + acc.commas as f64 + (acc.chars as f64 / 100.0).min(3.0)) * (1.0 - link_density);
    if score <= 0.0 {
        return;
    }
    for (level, ancestor) in node.ancestors().take(3).enumerate() {
        if !matches!(ancestor.value(), Node::Element(_)) {
            break;
        }
        let share = match level {
            0 => 1.0,
            1 => 0.5,
            _ => 1.0 / 3.0,
        };
        *scores.entry(ancestor.id()).or_insert(0.0) += score * share;
    }
}

/// One line of output text and how much of it is link text.
struct Line {
    text: String,
    link_chars: usize,
    chars: usize,
}

impl Line {
    /// Whether the line is story text: not mostly links, not stock boilerplate.
    fn kept(&self) -> bool {
        if self.chars == 0 || self.link_chars * 2 > self.chars {
            return false;
        }
        let lower = self.text.trim_end_matches([':', '.', '!']).to_lowercase();
        !BOILERPLATE_LINES.contains(&lower.trim())
    }
}

/// Appends the text blocks under `container` to `out`, one line per block.
fn collect_lines(container: NodeR<'_>, out: &mut Vec<Line>) {
    let mut line = String::new();
    let mut link_chars = 0usize;
    let mut chars = 0usize;
    let mut links = 0usize;
    let mut flush = |line: &mut String, link_chars: &mut usize, chars: &mut usize| {
        let text = line.trim();
        if !text.is_empty() {
            out.push(Line {
                text: text.to_string(),
                link_chars: *link_chars,
                chars: *chars,
            });
        }
        line.clear();
        *link_chars = 0;
        *chars = 0;
    };
    walk(container, |event| match event {
        Walk::Open(_, tag) | Walk::Close(_, tag) => {
            if tag == "a" {
                links = if matches!(event, Walk::Open(..)) {
                    links + 1
                } else {
                    links.saturating_sub(1)
                };
            }
            if is_block(tag) {
                flush(&mut line, &mut link_chars, &mut chars);
            }
        }
        Walk::Text(text) => {
            for ch in text.chars() {
                if ch.is_whitespace() {
                    if !line.is_empty() && !line.ends_with(' ') {
                        line.push(' ');
                    }
                } else {
                    line.push(ch);
                    chars += 1;
                    if links > 0 {
                        link_chars += 1;
                    }
                }
            }
        }
    });
    flush(&mut line, &mut link_chars, &mut chars);
}

/// What [`walk`] reports: elements opening and closing (with their tag) and text.
enum Walk<'a> {
    Open(NodeR<'a>, &'a str),
    Close(NodeR<'a>, &'a str),
    Text(&'a str),
}

/// Walks the subtree under `start` in document order, skipping boilerplate subtrees and
/// comments. Iterative (the tree's own edge iterator), so depth costs no stack.
fn walk<'a>(start: NodeR<'a>, mut visit: impl FnMut(Walk<'a>)) {
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in start.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        if node.id() != start.id() && is_junk(node) {
                            skipping = Some(node.id());
                        } else {
                            visit(Walk::Open(node, el.name()));
                        }
                    }
                    Node::Text(t) => visit(Walk::Text(t)),
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skipping {
                    if id == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                if let Node::Element(el) = node.value() {
                    visit(Walk::Close(node, el.name()));
                }
            }
        }
    }
}

/// The headline: an `<h1>` inside the article, else `og:title`, else the first `<h1>`,
/// else `<title>` with a trailing site name cut off.
fn find_title(root: NodeR<'_>, article: Option<NodeR<'_>>) -> Option<String> {
    let mut og = None;
    let mut first_h1 = None;
    let mut article_h1 = None;
    let mut title_tag = None;
    // The element the story lives in: the nearest <article> above the best container, or
    // the container's parent (headlines usually sit just above the body).
    let scope = article.and_then(|a| {
        a.ancestors()
            .find(|n| matches!(n.value(), Node::Element(e) if e.name() == "article"))
            .or_else(|| a.parent())
    });
    for node in root.descendants() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        match el.name() {
            "meta" if og.is_none() => {
                let key = el.attr("property").or_else(|| el.attr("name"));
                if key.is_some_and(|k| k.eq_ignore_ascii_case("og:title")) {
                    og = el.attr("content").map(collapse).filter(|t| !t.is_empty());
                }
            }
            "title" if title_tag.is_none() => {
                title_tag = Some(collapse(&text_of(node))).filter(|t| !t.is_empty());
            }
            "h1" => {
                let text = collapse(&text_of(node));
                if text.is_empty() {
                    continue;
                }
                if article_h1.is_none()
                    && scope.is_some_and(|s| node.ancestors().any(|a| a.id() == s.id()))
                {
                    article_h1 = Some(text.clone());
                }
                if first_h1.is_none() {
                    first_h1 = Some(text);
                }
            }
            _ => {}
        }
    }
    article_h1
        .or(og)
        .or(first_h1)
        .or_else(|| title_tag.map(|t| strip_site_name(&t)))
}

/// All text under `node`, scripts and styles excluded.
fn text_of(node: NodeR<'_>) -> String {
    let mut s = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            let in_code = d.ancestors().take_while(|a| a.id() != node.id()).any(
                |a| matches!(a.value(), Node::Element(e) if matches!(e.name(), "script" | "style")),
            );
            if !in_code {
                s.push_str(t);
            }
        }
    }
    s
}

/// Whitespace runs to single spaces, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A comparison key: lowercase letters and digits only.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// "Headline | Site" or "Headline - Site" → "Headline", when the tail is short enough to
/// be a site name.
fn strip_site_name(title: &str) -> String {
    for sep in [" | ", " – ", " — ", " - ", " :: "] {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            if tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3 {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// `html` cut to at most `max` bytes, at a char boundary.
fn truncate(html: &str, max: usize) -> &str {
    if html.len() <= max {
        return html;
    }
    let mut end = max;
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    &html[..end]
}

/// Elements that never nest (void) or that the parser closes implicitly, so they do not
/// deepen real pages.
fn is_flat_tag(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
            | "p"
            | "li"
            | "dt"
            | "dd"
            | "option"
            | "tr"
            | "td"
            | "th"
    )
}

/// Elements whose content is raw text: tags inside them are not tags.
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "textarea" | "title" | "xmp" | "noscript"
    )
}

/// `html` with every tag that would open (or close) an element deeper than [`MAX_DEPTH`]
/// removed. A cheap tag scan, not a parse: it only has to bound the depth the real parser
/// sees, and returns the input untouched (borrowed) for every ordinary page.
fn bound_depth(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut cut: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + off;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, start + 4, b"-->").map_or(bytes.len(), |p| p + 3);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let end = bytes[name_start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |p| name_start + p + 1);
        i = end;
        if closing {
            if !is_flat_tag(&name) {
                if depth > MAX_DEPTH {
                    cut.push((start, end));
                }
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if is_raw_text(&name) {
            let close = format!("</{name}");
            i = find_ascii_ci(bytes, end, close.as_bytes()).unwrap_or(bytes.len());
        }
        let self_closing = end >= 2 && bytes[end - 2] == b'/';
        if is_flat_tag(&name) || self_closing || is_raw_text(&name) {
            continue;
        }
        depth += 1;
        if depth > MAX_DEPTH {
            cut.push((start, end));
        }
    }
    if cut.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut pos = 0;
    for (s, e) in cut {
        out.push_str(&html[pos..s]);
        pos = e;
    }
    out.push_str(&html[pos..]);
    Cow::Owned(out)
}

/// Position of `needle` in `hay` at or after `from`.
fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Like [`find`], ignoring ASCII case.
fn find_ascii_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_become_lines_and_entities_are_decoded() {
        let page = "<html><body><article><p>First &amp; foremost, a paragraph long enough \
                    to count as prose.</p><p>Second&nbsp;one, also long enough to count \
                    here.</p></article></body></html>";
        let out = main_text(page);
        assert_eq!(
            out.text,
            "First & foremost, a paragraph long enough to count as prose.\n\
             Second one, also long enough to count here."
        );
    }

    #[test]
    fn scripts_styles_comments_and_nav_never_reach_the_text() {
        let page = "<body><nav><a href=/>Home</a> <a href=/w>World</a></nav>\
                    <script>var p = '<p>not text</p>';</script><style>p{color:red}</style>\
                    <div class=story><!-- a comment --><p>The only sentence of the story that \
                    matters here.</p></div></body>";
        assert_eq!(
            main_text(page).text,
            "The only sentence of the story that matters here."
        );
    }

    #[test]
    fn title_prefers_the_article_headline_then_og_then_title_tag() {
        let with_h1 = "<head><title>Site | Home</title><meta property='og:title' content='OG'>\
                       </head><body><article><h1>Real headline</h1><p>Body text long enough to \
                       be a paragraph of prose.</p></article></body>";
        assert_eq!(main_text(with_h1).title.as_deref(), Some("Real headline"));
        let og_only = "<head><meta property='og:title' content='Open graph headline'></head>\
                       <body><p>Body text long enough to be a paragraph of prose.</p></body>";
        assert_eq!(
            main_text(og_only).title.as_deref(),
            Some("Open graph headline")
        );
        let title_only = "<head><title>Talks resume in Geneva after pause | Daily News\
                          </title></head><body><p>Body text long enough to be a paragraph.</p>\
                          </body>";
        assert_eq!(
            main_text(title_only).title.as_deref(),
            Some("Talks resume in Geneva after pause")
        );
    }

    #[test]
    fn depth_bound_leaves_ordinary_pages_untouched() {
        let page = "<div><div><p>x</p></div></div>";
        assert!(matches!(bound_depth(page), Cow::Borrowed(_)));
    }

    #[test]
    fn depth_bound_flattens_hostile_nesting() {
        let page = "<div>".repeat(MAX_DEPTH + 50) + "deep text";
        let bounded = bound_depth(&page);
        assert_eq!(bounded.matches("<div>").count(), MAX_DEPTH);
        assert!(bounded.ends_with("deep text"));
    }

    #[test]
    fn truncation_respects_char_boundaries() {
        assert_eq!(truncate("ééé", 3), "é");
        assert_eq!(truncate("abc", 10), "abc");
    }
}
