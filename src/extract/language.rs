//! Language identification (whatlang), with the publisher's hint as a fallback.

use super::doc::Doc;
use crate::record::Language;

/// Detects the language of the body. whatlang is unreliable on a few words, so when it is
/// not confident the publisher's hint wins; with neither, the code is "und".
///
/// Most of what a news pipeline sees is English, and whatlang's trigram scoring was the
/// single most expensive step of the extractor, so plainly English prose is recognised first
/// by its function words ([`english_share`]); anything else goes to whatlang.
pub fn detect(doc: &Doc<'_>, hint: Option<&str>) -> Language {
    let text = sample(doc.body.text);
    if let Some(confidence) = plainly_english(text) {
        return Language {
            code: "en".into(),
            confidence,
        };
    }
    let detected = whatlang::detect(text);
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

/// English function words that are rare as words of other Latin-script languages ("of" is
/// Dutch for "or", "had" Dutch too, "for" Scandinavian, "to" Polish and Czech, "he" Spanish:
/// all left out). In English news they are about a fifth of the words; in other languages
/// almost none.
const ENGLISH_MARKERS: &[&str] = &[
    "about", "after", "and", "are", "been", "from", "has", "have", "his", "into", "it", "its",
    "not", "said", "she", "than", "that", "the", "their", "there", "they", "this", "were", "what",
    "when", "which", "who", "with", "would",
];
/// Fewest words, and least share of [`ENGLISH_MARKERS`] among them, for the fast path. On
/// 200 political news articles the share has a median of 0.15 and a minimum of 0.07; German,
/// Spanish, French, Norwegian and Polish prose scores 0 and Dutch about 0.05.
const ENGLISH_MIN_WORDS: usize = 20;
const ENGLISH_MIN_SHARE: f64 = 0.12;
/// The share at which the fast path reports full confidence.
const ENGLISH_FULL_SHARE: f64 = 0.18;

/// Share of the ASCII-letter words of `text` that are [`ENGLISH_MARKERS`]; `None` when
/// `text` has fewer than [`ENGLISH_MIN_WORDS`] such words.
fn english_share(text: &str) -> Option<f64> {
    let (mut words, mut hits) = (0usize, 0usize);
    let mut buf = [0u8; 8];
    for word in text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if word.len() <= buf.len() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            if ENGLISH_MARKERS.iter().any(|m| m.as_bytes() == lower) {
                hits += 1;
            }
        }
    }
    (words >= ENGLISH_MIN_WORDS).then(|| hits as f64 / words as f64)
}

/// The confidence to report when `text` is plainly English prose, else `None`. Text in
/// another script is never plainly English, however many English words it quotes.
fn plainly_english(text: &str) -> Option<f64> {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let ascii = text.bytes().filter(u8::is_ascii_alphabetic).count();
    if letters == 0 || (ascii as f64) < 0.9 * letters as f64 {
        return None;
    }
    let share = english_share(text)?;
    (share >= ENGLISH_MIN_SHARE).then(|| round3((share / ENGLISH_FULL_SHARE).min(1.0)))
}

/// German function words, rare as words of English text (a German club's name in a results
/// table has none of them).
const GERMAN_MARKERS: &[&str] = &[
    "auf", "auch", "bei", "das", "dem", "den", "der", "des", "die", "ein", "eine", "einen", "für",
    "hat", "ist", "mit", "nach", "nicht", "noch", "sich", "sind", "und", "von", "werden", "wird",
    "zu", "zum", "zur",
];
/// Least share of [`GERMAN_MARKERS`] among the words of German prose. German news runs at
/// about a quarter; an English results table of German clubs, which whatlang may call German,
/// at almost none.
const GERMAN_MIN_SHARE: f64 = 0.1;

/// True when `doc` is prose in a language that writes every noun with a capital (German,
/// Luxembourgish), where capitals say nothing about names. Not for text whatlang merely
/// calls German, such as a table of German football clubs in an English report.
pub fn capitalises_every_noun(doc: &Doc<'_>, language: &Language) -> bool {
    if !matches!(language.code.as_str(), "de" | "lb") {
        return false;
    }
    let (mut words, mut hits) = (0usize, 0usize);
    for word in sample(doc.body.text)
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if word.len() <= 6 && GERMAN_MARKERS.contains(&word.to_lowercase().as_str()) {
            hits += 1;
        }
    }
    words >= ENGLISH_MIN_WORDS && hits as f64 >= GERMAN_MIN_SHARE * words as f64
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
    fn german_prose_capitalises_nouns_but_a_table_of_german_clubs_does_not() {
        let prose = Doc::new(
            None,
            "Die Regierung teilte am Dienstag mit, dass sie im nächsten Jahr die Steuern auf \
             Kraftstoff erhöhen werde, und der Finanzminister sagte, das sei nicht zu vermeiden.",
            None,
        );
        let table = Doc::new(
            None,
            "Bochum 1 ( Jack 66th ) Arminia Bielefeld 1 ( Molata 59th ) . Borussia \
             Moenchengladbach 1 ( Andersson 22nd ) Karlsruhe 3 ( Haessler 33rd , Dundee 45th , \
             Keller 90th ) . Werder Bremen 2 ( Bode 12th ) Hansa Rostock 0 . Schalke 1 \
             ( Mulder 71st ) Freiburg 1 ( Zeyer 30th ) .",
            None,
        );
        let de = Language {
            code: "de".into(),
            confidence: 1.0,
        };
        assert!(capitalises_every_noun(&prose, &de));
        assert!(!capitalises_every_noun(&table, &de));
        let en = Language {
            code: "en".into(),
            confidence: 1.0,
        };
        assert!(!capitalises_every_noun(&prose, &en));
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
    fn english_prose_takes_the_fast_path_and_other_languages_do_not() {
        let en = "The minister said that the talks, which have been going on for weeks, would \
                  resume after the holiday, and that their outcome was not yet clear to those \
                  who are involved.";
        assert_eq!(plainly_english(en), Some(1.0));
        let nl = "De regering heeft dinsdag gezegd dat zij volgend jaar de belasting op \
                  brandstof zal verhogen, of niet. Het was een moeilijke beslissing die zij \
                  had genomen.";
        let fr = "Le gouvernement a annoncé mardi qu'il augmenterait les taxes sur le carburant \
                  l'année prochaine pour payer de nouveaux hôpitaux et des écoles.";
        let pl = "Rząd poinformował we wtorek, że to podniesie podatki na paliwo w przyszłym \
                  roku. To nie jest dobre, powiedział minister finansów w rozmowie.";
        for other in [nl, fr, pl] {
            assert_eq!(plainly_english(other), None, "{other}");
            assert_ne!(lang_of(other, None).code, "en", "{other}");
        }
        // Too short to tell by function words: whatlang decides.
        assert_eq!(plainly_english("The talks resume."), None);
        // Cyrillic text quoting English is not English.
        let ru = "Министр сказал, что переговоры продолжатся: \"the talks are going well and \
                  they will have been worth it\", and the rest of this is in Russian: \
                  переговоры продолжатся после праздников, сказал он журналистам.";
        assert_eq!(plainly_english(ru), None);
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
