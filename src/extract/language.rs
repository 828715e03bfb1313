//! Language identification (whatlang), with the publisher's hint as a fallback.

use super::doc::Doc;
use crate::record::Language;

/// Detects the language of the body. whatlang is unreliable on a few words, so when it is
/// not confident the publisher's hint wins; with neither, the code is "und".
pub fn detect(doc: &Doc<'_>, hint: Option<&str>) -> Language {
    let detected = whatlang::detect(doc.body.text);
    match detected {
        Some(info) if info.is_reliable() => Language {
            code: iso639_1(info.lang()).to_string(),
            confidence: round3(info.confidence()),
        },
        _ => match hint.map(str::trim).filter(|h| !h.is_empty()) {
            Some(h) => Language {
                code: h.to_ascii_lowercase(),
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
