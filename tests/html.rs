//! HTML input: a saved news page (navigation, cookie banner, ads, share bar, related links,
//! comments, scripts) must yield exactly the story's paragraphs and its headline.

use news_enricher::extract::html::main_text;

const PAGE: &str = include_str!("fixtures/html/harbour-flood-barrier.html");
const EXPECTED: &str = include_str!("fixtures/html/harbour-flood-barrier.expected.txt");

#[test]
fn a_news_page_yields_exactly_the_article_paragraphs() {
    let out = main_text(PAGE);
    let got: Vec<&str> = out.text.lines().collect();
    let want: Vec<&str> = EXPECTED.lines().collect();
    assert_eq!(got, want);
}

#[test]
fn a_news_page_yields_its_headline() {
    assert_eq!(
        main_text(PAGE).title.as_deref(),
        Some("Port Alder approves £240m flood barrier after winter storms")
    );
}

#[test]
fn boilerplate_never_leaks_into_the_text() {
    let text = main_text(PAGE).text;
    for junk in [
        "cookies",
        "Advertisement",
        "Share on",
        "Related stories",
        "HarbourWatcher",
        "Most read",
        "morning briefing",
        "All rights reserved",
        "Script text",
        "Maren Holt",
        "Photo:",
        "Read more",
    ] {
        assert!(!text.contains(junk), "{junk:?} leaked into {text}");
    }
}

#[test]
fn a_page_without_article_markup_still_yields_its_prose() {
    let page = "<html><body><div id=top><a href=/>Home</a> | <a href=/a>About</a></div>\
                <div><div><p>The first paragraph of a plain page, long enough to be prose.</p>\
                <p>The second paragraph, which also has enough words, commas, and length.</p>\
                </div></div><div class=footer>Contact | Imprint</div></body></html>";
    assert_eq!(
        main_text(page).text,
        "The first paragraph of a plain page, long enough to be prose.\n\
         The second paragraph, which also has enough words, commas, and length."
    );
}

#[test]
fn a_link_list_inside_the_article_is_dropped() {
    let page = "<article><p>Story paragraph one, which is long enough to be real prose.</p>\
                <ul><li><a href=/1>Another story about something else entirely</a></li>\
                <li><a href=/2>Yet another story that readers might click on</a></li></ul>\
                <p>Story paragraph two, which is also long enough to be prose.</p></article>";
    assert_eq!(
        main_text(page).text,
        "Story paragraph one, which is long enough to be real prose.\n\
         Story paragraph two, which is also long enough to be prose."
    );
}

#[test]
fn pathological_nesting_is_bounded_and_keeps_the_text() {
    // Unbounded, html5ever needs minutes for this (quadratic scope checks).
    let page = "<div>".repeat(50_000) + "<p>Deeply nested paragraph text survives intact.</p>";
    assert_eq!(
        main_text(&page).text,
        "Deeply nested paragraph text survives intact."
    );
    let lists = "<ul><li>".repeat(20_000) + "Item text at the bottom of the lists.";
    assert!(
        main_text(&lists)
            .text
            .ends_with("Item text at the bottom of the lists.")
    );
}

#[test]
fn garbage_and_empty_input_yield_empty_text() {
    assert_eq!(main_text("").text, "");
    assert_eq!(main_text("</p></div><//><!-- unclosed").text, "");
    // A `<` that opens no tag is text in HTML, and stays text.
    assert_eq!(
        main_text("<p>3 < 4 && 5 > 2, as everyone knows</p>").text,
        "3 < 4 && 5 > 2, as everyone knows"
    );
    assert_eq!(main_text("<script>only code()</script>").text, "");
}

#[test]
fn an_html_only_article_is_enriched_from_its_main_text_and_headline() {
    use news_enricher::article::Article;
    use news_enricher::extract::Extractor;
    let msg = serde_json::json!({"id": "html-1", "html": PAGE}).to_string();
    let article = Article::from_slice(msg.as_bytes(), 1 << 20).expect("valid article");
    let record = Extractor::load().expect("models load").extract(&article);
    assert_eq!(
        record.article.title.as_deref(),
        Some("Port Alder approves £240m flood barrier after winter storms")
    );
    assert_eq!(record.stats.paragraphs, EXPECTED.lines().count());
    assert!(
        record.summary[0].starts_with("Councillors in Port Alder voted"),
        "{:?}",
        record.summary
    );
    assert!(record.keywords.iter().any(|k| k.text == "flood barrier"));
}
