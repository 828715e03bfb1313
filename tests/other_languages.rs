//! Articles that are not in English. Quotes: the quoted text is found whatever marks the
//! language prints („…“, «…»), and no speaker is guessed, because the reporting verbs and
//! clause rules are English ones; the same layout in English keeps its speaker. Entities:
//! German capitalises every noun, so it gets none rather than every noun; Spanish, which
//! capitalises names as English does, keeps its names. Amounts: none, because numbers are
//! read the English way ("70.000" would be 70).

use news_enricher::article::Article;
use news_enricher::extract::Extractor;
use news_enricher::record::Enrichment;

fn enrich(title: &str, body: &str) -> Enrichment {
    let article = Article {
        id: "t".into(),
        title: Some(title.into()),
        body: Some(body.into()),
        ..Article::default()
    };
    Extractor::load()
        .expect("the embedded models load")
        .extract(&article)
}

fn quotes(record: &Enrichment) -> Vec<(&str, Option<&str>)> {
    record
        .quotes
        .iter()
        .map(|q| (q.text.as_str(), q.speaker.as_ref().map(|s| s.name.as_str())))
        .collect()
}

#[test]
fn a_german_quote_in_low_and_high_marks_is_found_whole_with_no_speaker_guessed() {
    let record = enrich(
        "Stadtwerke München bauen Fernwärmenetz aus",
        "Die Stadtwerke München wollen bis 2030 rund 1,2 Milliarden Euro in den Ausbau des \
         Fernwärmenetzes investieren, teilte das Unternehmen am Mittwoch mit.\n\
         Geschäftsführer Florian Bieberbach sagte, damit sollten bis zu 70.000 weitere \
         Haushalte angeschlossen werden. „Die Wärmewende entscheidet sich in den Städten“, \
         sagte Bieberbach.\n\
         Der Stadtrat muss den Plänen im November noch zustimmen.",
    );
    assert_eq!(record.language.code, "de");
    assert_eq!(
        quotes(&record),
        [("Die Wärmewende entscheidet sich in den Städten", None)]
    );
    // "70.000" is seventy thousand in German; read the English way it was 70.
    assert!(
        record.amounts.is_empty(),
        "English number rules on German text: {:?}",
        record.amounts
    );
}

#[test]
fn a_spanish_quote_in_guillemets_is_found_with_no_speaker_guessed() {
    let record = enrich(
        "Valencia inaugura un nuevo carril bici junto al puerto",
        "El Ayuntamiento de Valencia inauguró el lunes un carril bici de 6 kilómetros que une \
         el centro de la ciudad con el puerto.\n\
         La concejala de Movilidad, Marta García, dijo que el proyecto costó 3,5 millones de \
         euros. «Queremos que ir en bicicleta sea la opción más fácil», afirmó García.\n\
         Las asociaciones de ciclistas celebraron la obra, aunque pidieron más aparcamientos \
         seguros.",
    );
    assert_eq!(record.language.code, "es");
    assert_eq!(
        quotes(&record),
        [("Queremos que ir en bicicleta sea la opción más fácil", None)]
    );
}

#[test]
fn the_same_layout_in_english_keeps_its_speaker() {
    let record = enrich(
        "Valencia opens a new cycle lane by the port",
        "Valencia city council opened a six-kilometre cycle lane on Monday that links the \
         city centre with the port.\n\
         Mobility councillor Marta García said the project cost 3.5 million euros. «We want \
         cycling to be the easiest option», García said.",
    );
    assert_eq!(record.language.code, "en");
    assert_eq!(
        quotes(&record),
        [(
            "We want cycling to be the easiest option",
            Some("Marta García")
        )]
    );
    assert!(
        record.amounts.iter().any(|a| a.value == 3.5e6),
        "English amounts stay: {:?}",
        record.amounts
    );
}

const GERMAN: &str = "Die Stadtwerke München wollen bis 2030 rund 1,2 Milliarden Euro in den \
    Ausbau des Fernwärmenetzes investieren, teilte das Unternehmen am Mittwoch mit.\n\
    Geschäftsführer Florian Bieberbach sagte, damit sollten bis zu 70.000 weitere Haushalte \
    angeschlossen werden.\nDer Stadtrat muss den Plänen im November noch zustimmen.";

#[test]
fn german_text_gets_no_entities_rather_than_its_capitalised_nouns() {
    let record = enrich("Stadtwerke München bauen Fernwärmenetz aus", GERMAN);
    assert_eq!(record.language.code, "de");
    let names: Vec<&str> = record.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn spanish_text_keeps_its_names() {
    let record = enrich(
        "Valencia amplía sus carriles bici",
        "El Ayuntamiento de Valencia aprobó el martes un plan para ampliar la red de \
         carriles bici. La concejala de Movilidad, Marta García, dijo que las obras \
         empezarán en primavera.",
    );
    assert_eq!(record.language.code, "es");
    assert!(
        record.entities.iter().any(|e| e.name == "Marta García"),
        "{:?}",
        record.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
}
