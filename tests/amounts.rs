//! Amounts as a user of the record sees them: the text, its value, what it counts, its unit
//! and whether it is only an order of magnitude. Sentences written for these tests.

use news_enricher::extract::amounts;
use news_enricher::extract::doc::Doc;
use news_enricher::record::Field;

/// (text, value, object, unit, approximate)
type Want = (
    &'static str,
    f64,
    Option<&'static str>,
    Option<&'static str>,
    bool,
);

#[test]
fn amounts_carry_value_object_and_unit() {
    let table: &[(&str, &[Want])] = &[
        (
            "A 28-point plan to end the war was put forward.",
            &[("28-point plan", 28.0, Some("point plan"), None, false)],
        ),
        (
            "The US pledged $5 billion.",
            &[("$5 billion", 5e9, None, Some("USD"), false)],
        ),
        (
            "The US pledged $5 billion in military aid.",
            &[(
                "$5 billion in military aid",
                5e9,
                Some("military aid"),
                Some("USD"),
                false,
            )],
        ),
        (
            "Police seized 40 pounds of cocaine; the suspect weighs 200 pounds.",
            &[
                (
                    "40 pounds of cocaine",
                    40.0,
                    Some("cocaine"),
                    Some("lb"),
                    false,
                ),
                ("200 pounds", 200.0, None, Some("lb"), false),
            ],
        ),
        (
            "The council spent 2 million pounds of its reserves and 500 pounds on signs.",
            &[
                (
                    "2 million pounds of its reserves",
                    2e6,
                    Some("reserves"),
                    Some("GBP"),
                    false,
                ),
                ("500 pounds", 500.0, None, Some("GBP"), false),
            ],
        ),
        (
            "Inflation rose 3.5%.",
            &[("3.5%", 3.5, None, Some("%"), false)],
        ),
        (
            "Inflation rose 3.5 per cent in November.",
            &[("3.5 per cent", 3.5, None, Some("%"), false)],
        ),
        (
            "More than 1,200 soldiers were killed.",
            &[("1,200 soldiers", 1200.0, Some("soldiers"), None, false)],
        ),
        (
            "Russia controls two-thirds of the region.",
            &[(
                "two-thirds of the region",
                2.0 / 3.0,
                Some("region"),
                None,
                false,
            )],
        ),
        (
            "Tens of thousands of people marched.",
            &[(
                "Tens of thousands of people",
                1e4,
                Some("people"),
                None,
                true,
            )],
        ),
        (
            "Hundreds of drones hit Kyiv.",
            &[("Hundreds of drones", 100.0, Some("drones"), None, true)],
        ),
        (
            "The EU approved €90bn for Ukraine.",
            &[("€90bn", 9e10, None, Some("EUR"), false)],
        ),
        (
            "The fund holds £3m.",
            &[("£3m", 3e6, None, Some("GBP"), false)],
        ),
        (
            "Officials counted 2.5 million refugees.",
            &[("2.5 million refugees", 2.5e6, Some("refugees"), None, false)],
        ),
        (
            "The army lost twenty-five tanks.",
            &[("twenty-five tanks", 25.0, Some("tanks"), None, false)],
        ),
        (
            "Three people died.",
            &[("Three people", 3.0, Some("people"), None, false)],
        ),
        (
            "The budget is 40 billion hryvnias.",
            &[("40 billion hryvnias", 4e10, None, Some("UAH"), false)],
        ),
        (
            "A million people fled.",
            &[("A million people", 1e6, Some("people"), None, false)],
        ),
        (
            "Half of the residents left.",
            &[("Half of the residents", 0.5, Some("residents"), None, false)],
        ),
        (
            "The company has 2025 employees.",
            &[("2025 employees", 2025.0, Some("employees"), None, false)],
        ),
        (
            "A 10km convoy stalled.",
            &[("10km convoy", 10.0, Some("km convoy"), None, false)],
        ),
        (
            "Unemployment fell by 0.4 percentage points.",
            &[(
                "0.4 percentage points",
                0.4,
                Some("percentage points"),
                None,
                false,
            )],
        ),
        (
            "He bought 1,500 long-range missiles.",
            &[(
                "1,500 long-range missiles",
                1500.0,
                Some("long-range missiles"),
                None,
                false,
            )],
        ),
        (
            "Dozens of soldiers were wounded.",
            &[("Dozens of soldiers", 24.0, Some("soldiers"), None, true)],
        ),
        (
            "A third of the budget goes to defence.",
            &[(
                "A third of the budget",
                1.0 / 3.0,
                Some("budget"),
                None,
                false,
            )],
        ),
        (
            "Oil rose to US$80 a barrel.",
            &[("US$80", 80.0, None, Some("USD"), false)],
        ),
        (
            "Some 300,000 Ukrainian troops serve.",
            &[(
                "300,000 Ukrainian troops",
                3e5,
                Some("Ukrainian troops"),
                None,
                false,
            )],
        ),
        (
            "Kyiv asked for 25 Patriot systems and $2bn.",
            &[
                (
                    "25 Patriot systems",
                    25.0,
                    Some("Patriot systems"),
                    None,
                    false,
                ),
                ("$2bn", 2e9, None, Some("USD"), false),
            ],
        ),
        (
            "The blast left three other Americans injured.",
            &[(
                "three other Americans",
                3.0,
                Some("other Americans"),
                None,
                false,
            )],
        ),
        (
            "Half a million voters stayed home.",
            &[("Half a million voters", 5e5, Some("voters"), None, false)],
        ),
        (
            "Millions of hardworking Americans pay the tax.",
            &[(
                "Millions of hardworking Americans",
                1e6,
                Some("hardworking Americans"),
                None,
                true,
            )],
        ),
        (
            "Officials expect 13 million votes in total.",
            &[("13 million votes", 1.3e7, Some("votes"), None, false)],
        ),
        (
            "She won 39 percent among young voters.",
            &[("39 percent", 39.0, None, Some("%"), false)],
        ),
        (
            "More than 1 million internally displaced people.",
            &[("1 million", 1e6, None, None, false)],
        ),
        (
            "Some 1,200 armed men attacked.",
            &[("1,200 armed men", 1200.0, Some("armed men"), None, false)],
        ),
        (
            "The bond fell C$ 0.28 to C$ 101.5.",
            &[
                ("C$ 0.28", 0.28, None, Some("CAD"), false),
                ("C$ 101.5", 101.5, None, Some("CAD"), false),
            ],
        ),
        (
            "The stadium would cost about $ 120 million.",
            &[("$ 120 million", 1.2e8, None, Some("USD"), false)],
        ),
        // Traps: nothing here is an amount.
        ("He eagled the par-five fourth hole.", &[]),
        ("After the debate, the two squabbled at length.", &[]),
        ("Of the delegates, 19 support the senator.", &[]),
        (
            "Her 64%-27% lead held.",
            &[("64%", 64.0, None, Some("%"), false)],
        ),
        ("The group ran a 501 c3 charity.", &[]),
        ("The shop opens at 4am daily.", &[]),
        ("We are truly working 24/7.", &[]),
        ("Ukraine won 3-1.", &[]),
        ("The meeting starts at 10:30.", &[]),
        ("Talks began on 25 December 2025.", &[]),
        ("The war began in 2022.", &[]),
        ("The 2024 election changed everything.", &[]),
        ("Strikes by F-16 jets continued.", &[]),
        ("Leaders of the G7 met.", &[]),
        ("He finished in 5th place.", &[]),
        ("The plan was announced two days ago.", &[]),
        ("Trump met him at 9 a.m. sharp.", &[]),
        ("Article 5 applies to all members.", &[]),
        ("Call 555-1234 now.", &[]),
        ("COVID-19 cases rose.", &[]),
        ("No one came, and one of the envoys left.", &[]),
    ];
    let mut failures = Vec::new();
    for &(sentence, want) in table {
        let got = amounts::find(&Doc::new(None, sentence, None));
        let ok = got.len() == want.len()
            && got.iter().zip(want).all(|(g, w)| {
                g.text == w.0
                    && (g.value - w.1).abs() <= 1e-6 * w.1.abs().max(1.0)
                    && g.object.as_deref() == w.2
                    && g.unit.as_deref() == w.3
                    && g.approximate == w.4
            });
        if !ok {
            let got: Vec<_> = got
                .iter()
                .map(|g| {
                    (
                        g.text.as_str(),
                        g.value,
                        g.object.as_deref(),
                        g.unit.as_deref(),
                        g.approximate,
                    )
                })
                .collect();
            failures.push(format!("{sentence:?}\n   got {got:?}\n  want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn offsets_are_chars_into_the_right_field() {
    let body = "Zelenskyy’s 28-point plan – and €5bn.";
    let found = amounts::find(&Doc::new(Some("£3m fund"), body, None));
    assert_eq!(found.len(), 3);
    assert_eq!(
        (found[0].field, found[0].start, found[0].end),
        (Field::Title, 0, 8)
    );
    let chars: Vec<char> = body.chars().collect();
    for a in &found[1..] {
        assert_eq!(a.field, Field::Body);
        assert_eq!(chars[a.start..a.end].iter().collect::<String>(), a.text);
    }
}

/// Scaled values carry no floating-point noise: "$33.2 billion" is 33200000000, not
/// 33200000000.000004, in the record a user reads.
#[test]
fn scaled_values_are_exactly_the_written_number() {
    let text = "Revenue was $33.2 billion, debt $1.1 trillion, and 4.6 million people \
                paid 0.3 percent more, or $2.7bn in all.";
    let got: Vec<(String, f64)> = amounts::find(&Doc::new(None, text, None))
        .into_iter()
        .map(|a| (a.text, a.value))
        .collect();
    let want = [
        ("$33.2 billion", 33_200_000_000.0),
        ("$1.1 trillion", 1_100_000_000_000.0),
        ("4.6 million people", 4_600_000.0),
        ("0.3 percent", 0.3),
        ("$2.7bn", 2_700_000_000.0),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for ((text, value), (wt, wv)) in got.iter().zip(want) {
        assert_eq!(text, wt);
        assert_eq!(value.to_string(), wv.to_string(), "{text}");
    }
}
