//! Language identification (whatlang), with the publisher's hint as a fallback.

use super::doc::Doc;
use crate::record::Language;

/// Detects the language of the body. whatlang is unreliable on a few words, so when it is
/// not confident the publisher's hint wins; with neither, the code is "und".
pub fn detect(doc: &Doc<'_>, hint: Option<&str>) -> Language {
    let detected = whatlang::detect(sample(doc.body.text));
    match detected {
        Some(info) if info.is_reliable() => Language {
            code: iso639_1(info.lang()).to_string(),
            confidence: round3(info.confidence()),
        },
        _ => match hint.and_then(hint_code) {
            Some(code) => Language {
                code,
                confidence: 0.0,
            },
            None => match detected {
                Some(info) => Language {
                    code: iso639_1(info.lang()).to_string(),
                    confidence: round3(info.confidence()),
                },
                None => Language {
                    code: "und".into(),
                    confidence: 0.0,
                },
            },
        },
    }
}

/// The ISO 639-1 code in a publisher's hint ("en", "EN", "en-US", "en_GB"); `None` for anything
/// else, so a malformed hint can never put a non-code into the record.
fn hint_code(hint: &str) -> Option<String> {
    let primary = hint.trim().split(['-', '_']).next()?;
    (primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| primary.to_ascii_lowercase())
}

/// How much of the body whatlang reads. Its trigram scoring costs grow with the text while its
/// answer stops changing after a few sentences; 600 bytes keeps detection a small part of the
/// extractor's time on long articles.
const SAMPLE_BYTES: usize = 600;

/// The start of `text`, cut at a word boundary near [`SAMPLE_BYTES`].
fn sample(text: &str) -> &str {
    if text.len() <= SAMPLE_BYTES {
        return text;
    }
    let mut end = SAMPLE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match text[..end].rfind(char::is_whitespace) {
        Some(ws) if ws > SAMPLE_BYTES / 2 => &text[..ws],
        _ => &text[..end],
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// ISO 639-1 for the languages whatlang knows; ISO 639-3 where there is no two-letter code.
fn iso639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "nb",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        Epo => "eo",
        Cym => "cy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang_of(body: &str, hint: Option<&str>) -> Language {
        detect(&Doc::new(None, body, None), hint)
    }

    #[test]
    fn english_german_and_spanish_bodies_are_told_apart() {
        let en = "The government said on Tuesday that it would raise taxes on fuel next year to pay for new hospitals.";
        let de = "Die Regierung teilte am Dienstag mit, dass sie im nächsten Jahr die Steuern auf Kraftstoff erhöhen werde.";
        let es = "El gobierno anunció el martes que subirá los impuestos sobre el combustible el próximo año para pagar hospitales.";
        assert_eq!(lang_of(en, None).code, "en");
        assert_eq!(lang_of(de, None).code, "de");
        assert_eq!(lang_of(es, None).code, "es");
    }

    #[test]
    fn a_long_body_is_judged_by_its_opening_without_splitting_a_char() {
        let body = "Ünïcödé wörds ".repeat(20)
            + &"The minister said the talks would continue next week. ".repeat(200);
        let s = sample(&body);
        assert!(s.len() <= SAMPLE_BYTES);
        assert!(body.starts_with(s));
    }

    #[test]
    fn too_little_text_falls_back_to_the_publishers_hint_then_und() {
        assert_eq!(lang_of("OK", Some("fr")).code, "fr");
        assert_eq!(lang_of("1 2 3", None).code, "und");
        assert_eq!(lang_of("OK", Some("en-US")).code, "en");
        let from_bad_hint = lang_of("OK", Some("english")).code;
        assert!(
            from_bad_hint == "und" || from_bad_hint.len() == 2,
            "{from_bad_hint}"
        );
    }
}
