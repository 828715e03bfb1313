//! Main text from raw HTML. (Placeholder: strips tags; the places/dates issue brings
//! boilerplate removal.)

/// The text and title found in a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlText {
    pub title: Option<String>,
    pub text: String,
}

pub fn main_text(html: &str) -> HtmlText {
    let mut text = String::new();
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    HtmlText { title: None, text }
}
