//! Places to country codes, as a user of the record sees them: hand-tagged entities in
//! sentences written for these tests, resolved by `places::resolve`.

use news_enricher::extract::doc::{Doc, EntityDraft, Mention};
use news_enricher::extract::places;
use news_enricher::record::{EntityType, Field};

/// Tags every whole-word occurrence of each `(name, type)` in `body` and resolves them.
fn resolve(body: &str, names: &[(&str, EntityType)]) -> Vec<EntityDraft> {
    let doc = Doc::new(None, body, None);
    let mut drafts: Vec<EntityDraft> = names
        .iter()
        .map(|&(name, kind)| {
            let mentions = body
                .match_indices(name)
                .filter(|(i, _)| {
                    let before = body[..*i].chars().next_back();
                    let after = body[i + name.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                })
                .map(|(i, _)| Mention {
                    field: Field::Body,
                    start: i,
                    end: i + name.len(),
                    tokens: 0..0,
                    kind,
                })
                .collect();
            EntityDraft::new(kind, name.to_string(), mentions)
        })
        .collect();
    places::resolve(&doc, &mut drafts);
    drafts
}

fn code_of(body: &str, name: &str) -> Option<String> {
    let drafts = resolve(body, &[(name, EntityType::Location)]);
    drafts[0].country_code.clone()
}

const LOC: EntityType = EntityType::Location;

#[test]
fn ambiguous_place_names_are_decided_by_the_article() {
    // (sentence, the tagged place, the country code a reader expects)
    let table: &[(&str, &str, Option<&str>)] = &[
        (
            "Macron flew back to Paris after the summit in Brussels.",
            "Paris",
            Some("FR"),
        ),
        (
            "The tornado hit Paris, Texas, late on Sunday.",
            "Paris",
            Some("US"),
        ),
        (
            "Paris police said the fire spread fast. Texas officials and the Texas fire \
             department sent help; Texas has seen many such fires.",
            "Paris",
            Some("US"),
        ),
        (
            "After the attacks in Paris, the US senator from Texas spoke in the US Congress \
             about US security.",
            "Paris",
            Some("FR"),
        ),
        (
            "Russian troops massed on the border of Georgia near Tbilisi.",
            "Georgia",
            Some("GE"),
        ),
        (
            "Voters in Georgia and Ohio lined up early; Atlanta saw long queues.",
            "Georgia",
            Some("US"),
        ),
        (
            "Georgia, which borders Russia and Armenia, applied to join the EU.",
            "Georgia",
            Some("GE"),
        ),
        (
            "The Kremlin said Moscow would respond.",
            "Moscow",
            Some("RU"),
        ),
        (
            "A student from Moscow, Idaho, won the spelling bee.",
            "Moscow",
            Some("US"),
        ),
        (
            "Talks in London ended without a deal, Britain said.",
            "London",
            Some("GB"),
        ),
        (
            "Ontario police in London, Canada, made an arrest.",
            "London",
            Some("CA"),
        ),
        (
            "Officials in Washington rejected the plan.",
            "Washington",
            Some("US"),
        ),
        ("The US and Europe back Kyiv.", "Europe", None),
        ("Shelling hit Kharkiv overnight.", "Kharkiv", Some("UA")),
        ("Odessa port reopened, Ukraine said.", "Odessa", Some("UA")),
        (
            "Protests spread across the Middle East.",
            "Middle East",
            None,
        ),
        (
            "Birmingham, Alabama, declared an emergency.",
            "Birmingham",
            Some("US"),
        ),
        (
            "Fans in Birmingham cheered as England won.",
            "Birmingham",
            Some("GB"),
        ),
        ("Rain flooded Kraków and Warsaw.", "Kraków", Some("PL")),
        ("Krakow was flooded as well.", "Krakow", Some("PL")),
        ("Aid reached the Gaza Strip.", "Gaza Strip", Some("PS")),
        (
            "The United States imposed tariffs.",
            "United States",
            Some("US"),
        ),
        ("Voters in the U.S. went to the polls.", "U.S.", Some("US")),
        ("Britain's prime minister spoke.", "Britain", Some("GB")),
        ("Trade with Luxembourg grew.", "Luxembourg", Some("LU")),
        (
            "Armenia and Azerbaijan signed a deal.",
            "Armenia",
            Some("AM"),
        ),
        (
            "Canadian bonds rose, Canada's dollar firmed and Canada's bank held. LONDON traders \
             watched.",
            "LONDON",
            Some("GB"),
        ),
        ("Trinidad beat Jamaica at cricket.", "Trinidad", Some("TT")),
    ];
    let mut failures = Vec::new();
    for &(sentence, name, want) in table {
        let got = code_of(sentence, name);
        if got.as_deref() != want {
            failures.push(format!(
                "{name:?} in {sentence:?}: got {got:?}, want {want:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn recogniser_slips_and_short_forms_are_handled() {
    const PER: EntityType = EntityType::Person;
    // (sentence, tagged entities, the entity checked, the code a reader expects)
    type Row = (
        &'static str,
        &'static [(&'static str, EntityType)],
        &'static str,
        Option<&'static str>,
    );
    let table: &[Row] = &[
        // A surname the recogniser took for a town (Obama, Japan) stays unresolved.
        (
            "Barack Obama spoke. Later Obama said more.",
            &[("Barack Obama", PER), ("Obama", LOC)],
            "Obama",
            None,
        ),
        // A small town the article gives no reason to believe in stays unresolved.
        (
            "The Latina vote grew this year.",
            &[("Latina", LOC)],
            "Latina",
            None,
        ),
        // Short for a longer place the article names.
        (
            "Voters in South Carolina turned out; Carolina is key.",
            &[("South Carolina", LOC), ("Carolina", LOC)],
            "Carolina",
            Some("US"),
        ),
        // A believable place of its own is not read as short for a longer one.
        (
            "Clashes in East Jerusalem spread to Jerusalem.",
            &[("East Jerusalem", LOC), ("Jerusalem", LOC)],
            "Jerusalem",
            Some("IL"),
        ),
        // A country of its own rank keeps its own code.
        (
            "Sudan and South Sudan signed the deal.",
            &[("Sudan", LOC), ("South Sudan", LOC)],
            "Sudan",
            Some("SD"),
        ),
        // AP-style state qualifier.
        (
            "Residents of Flint, Mich., sued the state.",
            &[("Flint", LOC)],
            "Flint",
            Some("US"),
        ),
        (
            "Reporters in Calif. said so.",
            &[("Calif.", LOC)],
            "Calif.",
            Some("US"),
        ),
        // A district of a known city: its country.
        (
            "Shots were fired in North Philadelphia.",
            &[("North Philadelphia", LOC)],
            "North Philadelphia",
            Some("US"),
        ),
        (
            "Traders on Wall Street cheered.",
            &[("Wall Street", LOC)],
            "Wall Street",
            Some("US"),
        ),
        // A demonym the recogniser tagged as a place.
        (
            "Ukrainian forces advanced.",
            &[("Ukrainian", LOC)],
            "Ukrainian",
            Some("UA"),
        ),
        (
            "An Ohio-based firm won the bid.",
            &[("Ohio-based", LOC)],
            "Ohio-based",
            Some("US"),
        ),
        (
            "Fighting flared in Chechnya again.",
            &[("Chechnya", LOC)],
            "Chechnya",
            Some("RU"),
        ),
        // A town of 280,000 with nothing in the text to support it stays unresolved...
        (
            "Fans in ST LOUIS cheered the Cardinals.",
            &[("ST LOUIS", LOC)],
            "ST LOUIS",
            None,
        ),
        // ...and resolves once the article says where it is.
        (
            "Fans in ST LOUIS, Missouri, cheered.",
            &[("ST LOUIS", LOC)],
            "ST LOUIS",
            Some("US"),
        ),
    ];
    let mut failures = Vec::new();
    for &(sentence, names, target, want) in table {
        let drafts = resolve(sentence, names);
        let got = drafts
            .iter()
            .find(|d| d.name == target)
            .and_then(|d| d.country_code.clone());
        if got.as_deref() != want {
            failures.push(format!(
                "{target:?} in {sentence:?}: got {got:?}, want {want:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_district_gets_its_country_but_not_its_city_coordinates() {
    let drafts = resolve(
        "Shots in North Philadelphia.",
        &[("North Philadelphia", LOC)],
    );
    assert_eq!(drafts[0].country_code.as_deref(), Some("US"));
    assert!(drafts[0].coordinates.is_none());
}

#[test]
fn cities_get_coordinates_and_countries_do_not() {
    let drafts = resolve(
        "Paris and France agreed.",
        &[("Paris", LOC), ("France", LOC)],
    );
    let paris = drafts[0].coordinates.expect("Paris is a city");
    assert!((paris.lat - 48.85).abs() < 0.1 && (paris.lon - 2.35).abs() < 0.1);
    assert_eq!(drafts[1].country_code.as_deref(), Some("FR"));
    assert!(drafts[1].coordinates.is_none());
}

#[test]
fn demonyms_tagged_misc_and_government_seats_tagged_org_get_countries() {
    let drafts = resolve(
        "The Ukrainian leader and French diplomats met the Kremlin envoy. Russia said no. \
         Chelsea won. Eurovision fans cheered.",
        &[
            ("Ukrainian", EntityType::Misc),
            ("French", EntityType::Misc),
            ("Kremlin", EntityType::Organization),
            ("Russia", EntityType::Organization),
            ("Chelsea", EntityType::Organization),
            ("Eurovision", EntityType::Misc),
        ],
    );
    let codes: Vec<_> = drafts.iter().map(|d| d.country_code.as_deref()).collect();
    assert_eq!(
        codes,
        [Some("UA"), Some("FR"), Some("RU"), Some("RU"), None, None]
    );
}

#[test]
fn example_article_places_resolve_as_a_reader_would() {
    let body = "Ongoing talks between Ukraine and the US reflect efforts to reshape the peace \
                proposal. Ukrainian President Volodymyr Zelenskyy said on Thursday he spoke \
                about Russia's war. Real peace is what all of us need – Ukraine, the United \
                States, Europe. Concerns were raised about provisions favouring Moscow.";
    let drafts = resolve(
        body,
        &[
            ("Ukraine", LOC),
            ("US", LOC),
            ("Russia", LOC),
            ("United States", LOC),
            ("Europe", LOC),
            ("Moscow", LOC),
            ("Ukrainian", EntityType::Misc),
            ("Volodymyr Zelenskyy", EntityType::Person),
        ],
    );
    let codes: Vec<_> = drafts.iter().map(|d| d.country_code.as_deref()).collect();
    assert_eq!(
        codes,
        [
            Some("UA"),
            Some("US"),
            Some("RU"),
            Some("US"),
            None,
            Some("RU"),
            Some("UA"),
            None
        ]
    );
}

#[test]
fn a_person_named_like_a_place_gets_no_country() {
    let drafts = resolve(
        "Jordan Peterson spoke.",
        &[("Jordan Peterson", EntityType::Person)],
    );
    assert_eq!(drafts[0].country_code, None);
}

#[test]
fn a_sizeable_city_no_other_place_is_named_after_needs_no_country() {
    // Strasbourg and Bordeaux (about 270,000 people) are the only places of their names.
    assert_eq!(
        code_of("Lawmakers met in Strasbourg on Tuesday.", "Strasbourg").as_deref(),
        Some("FR")
    );
    assert_eq!(
        code_of("Delegates then flew to Bordeaux.", "Bordeaux").as_deref(),
        Some("FR")
    );
    // A name several towns share still needs the article to say which.
    assert_eq!(code_of("The Latina vote grew this year.", "Latina"), None);
}
