//! Date expressions as a user of the record sees them: the text found, its ISO 8601 value
//! against the publication date, and its granularity. Sentences written for these tests.

use chrono::DateTime;
use news_enricher::extract::dates;
use news_enricher::extract::doc::Doc;
use news_enricher::record::{DateMention, Field, Granularity};

/// Thursday 25 December 2025, 18:00 UTC: the example article's publication time.
const THU: &str = "2025-12-25T18:00:00Z";

fn find(title: Option<&str>, body: &str, published_at: Option<&str>) -> Vec<DateMention> {
    let anchor = published_at.map(|p| DateTime::parse_from_rfc3339(p).expect("test anchor"));
    dates::find(&Doc::new(title, body, anchor))
}

fn gran(g: Granularity) -> &'static str {
    match g {
        Granularity::Day => "day",
        Granularity::Week => "week",
        Granularity::Month => "month",
        Granularity::Year => "year",
    }
}

#[test]
fn date_expressions_resolve_against_the_publication_date() {
    // (anchor, sentence, every date a reader sees in it: text, value, granularity)
    type Row = (
        Option<&'static str>,
        &'static str,
        &'static [(&'static str, Option<&'static str>, &'static str)],
    );
    let table: &[Row] = &[
        (
            Some(THU),
            "Zelenskyy said on Thursday he spoke to Witkoff.",
            &[("Thursday", Some("2025-12-25"), "day")],
        ),
        (
            Some(THU),
            "The leaders will meet on Monday in Geneva.",
            &[("Monday", Some("2025-12-29"), "day")],
        ),
        (
            Some(THU),
            "Talks took place on Monday.",
            &[("Monday", Some("2025-12-22"), "day")],
        ),
        (
            Some(THU),
            "He spoke yesterday.",
            &[("yesterday", Some("2025-12-24"), "day")],
        ),
        (
            Some(THU),
            "The vote is tomorrow.",
            &[("tomorrow", Some("2025-12-26"), "day")],
        ),
        (
            Some(THU),
            "Markets fell today.",
            &[("today", Some("2025-12-25"), "day")],
        ),
        (
            Some(THU),
            "Prices rose last week.",
            &[("last week", Some("2025-W51"), "week")],
        ),
        (
            Some(THU),
            "Talks resume next week.",
            &[("next week", Some("2026-W01"), "week")],
        ),
        (
            Some(THU),
            "Talks resume next month.",
            &[("next month", Some("2026-01"), "month")],
        ),
        (
            Some(THU),
            "Growth slowed this year.",
            &[("this year", Some("2025"), "year")],
        ),
        (
            Some(THU),
            "Debt rose last year.",
            &[("last year", Some("2024"), "year")],
        ),
        (
            Some(THU),
            "The plan was announced two days ago.",
            &[("two days ago", Some("2025-12-23"), "day")],
        ),
        (
            Some(THU),
            "The deal was signed on 25 December 2025.",
            &[("25 December 2025", Some("2025-12-25"), "day")],
        ),
        (
            Some(THU),
            "It expires on Dec. 25.",
            &[("Dec. 25", Some("2025-12-25"), "day")],
        ),
        (
            Some(THU),
            "The filing is dated 2025-12-25.",
            &[("2025-12-25", Some("2025-12-25"), "day")],
        ),
        (
            Some(THU),
            "Inflation peaked in December 2025.",
            &[("December 2025", Some("2025-12"), "month")],
        ),
        (
            Some(THU),
            "The war began in 2022.",
            &[("2022", Some("2022"), "year")],
        ),
        (
            Some(THU),
            "Elections are scheduled for March 2026.",
            &[("March 2026", Some("2026-03"), "month")],
        ),
        (
            Some(THU),
            "Fighting flared on December 25th, 2024.",
            &[("December 25th, 2024", Some("2024-12-25"), "day")],
        ),
        (
            Some(THU),
            "Fighting flared on the 3rd of March, 2024.",
            &[("3rd of March, 2024", Some("2024-03-03"), "day")],
        ),
        (
            Some(THU),
            "He was released on 12/24/2025.",
            &[("12/24/2025", Some("2025-12-24"), "day")],
        ),
        (
            Some(THU),
            "She arrived on 24/12/2025.",
            &[("24/12/2025", Some("2025-12-24"), "day")],
        ),
        (
            Some(THU),
            "A month ago the talks collapsed.",
            &[("A month ago", Some("2025-11"), "month")],
        ),
        (
            Some(THU),
            "Three weeks ago, the envoy visited.",
            &[("Three weeks ago", Some("2025-W49"), "week")],
        ),
        (
            Some(THU),
            "The ceasefire collapsed last Thursday.",
            &[("last Thursday", Some("2025-12-18"), "day")],
        ),
        (
            Some(THU),
            "They meet next Tuesday.",
            &[("next Tuesday", Some("2025-12-30"), "day")],
        ),
        (
            Some(THU),
            "Sanctions were lifted in March.",
            &[("March", Some("2025-03"), "month")],
        ),
        (
            Some(THU),
            "The summit will be held in March.",
            &[("March", Some("2026-03"), "month")],
        ),
        (
            Some(THU),
            "Prices have risen since 1991.",
            &[("1991", Some("1991"), "year")],
        ),
        (
            Some(THU),
            "Exports grew in early 2025.",
            &[("early 2025", Some("2025"), "year")],
        ),
        (
            Some(THU),
            "Snow is expected mid-January.",
            &[("mid-January", Some("2026-01"), "month")],
        ),
        (
            Some(THU),
            "Talks took place last December.",
            &[("last December", Some("2024-12"), "month")],
        ),
        (
            Some(THU),
            "The attack happened Thursday night.",
            &[("Thursday night", Some("2025-12-25"), "day")],
        ),
        (
            Some(THU),
            "Last night, drones hit Kyiv.",
            &[("Last night", Some("2025-12-24"), "day")],
        ),
        (
            Some(THU),
            "Earlier this month, the envoy met Umerov.",
            &[("this month", Some("2025-12"), "month")],
        ),
        (
            Some(THU),
            "He turned 60 in May.",
            &[("May", Some("2025-05"), "month")],
        ),
        (
            Some(THU),
            "Between 2020 and 2024 output fell.",
            &[
                ("2020", Some("2020"), "year"),
                ("2024", Some("2024"), "year"),
            ],
        ),
        (
            Some(THU),
            "It rose 5% in 2023.",
            &[("2023", Some("2023"), "year")],
        ),
        (
            Some(THU),
            "Ukraine won 3-1 on Saturday.",
            &[("Saturday", Some("2025-12-20"), "day")],
        ),
        (
            Some(THU),
            "The meeting started at 10:30 on Friday.",
            &[("Friday", Some("2025-12-19"), "day")],
        ),
        (
            Some("2026-01-03T09:00:00+02:00"),
            "Protests began on Dec. 28.",
            &[("Dec. 28", Some("2025-12-28"), "day")],
        ),
        (
            Some("2026-01-03T09:00:00+02:00"),
            "Crowds gathered on Friday.",
            &[("Friday", Some("2026-01-02"), "day")],
        ),
        (
            Some("2016-04-17T12:00:00Z"),
            "The showdown in July could be close.",
            &[("July", Some("2016-07"), "month")],
        ),
        (
            Some("2016-01-19T12:00:00Z"),
            "Since October, officials have warned the city.",
            &[("October", Some("2015-10"), "month")],
        ),
        (
            Some(THU),
            "The vote in February could be close.",
            &[("February", Some("2026-02"), "month")],
        ),
        (Some(THU), "The economy boomed in the late 1990s.", &[]),
        (
            Some(THU),
            "The senator will face a rival in a primary on Tuesday.",
            &[("Tuesday", Some("2025-12-30"), "day")],
        ),
        (
            Some("2025-12-23T09:00:00Z"),
            "On Thursday, he'll speak at the summit.",
            &[("Thursday", Some("2025-12-25"), "day")],
        ),
        (
            Some(THU),
            "On Monday, the envoy met Umerov.",
            &[("Monday", Some("2025-12-22"), "day")],
        ),
        (
            Some(THU),
            "USA TODAY reported the story; USA Today said more.",
            &[],
        ),
        (
            Some(THU),
            "Protests are planned for this weekend.",
            &[("this weekend", Some("2025-W52"), "week")],
        ),
        // Without a publication date, relative expressions keep a null value.
        (None, "He spoke on Monday.", &[("Monday", None, "day")]),
        (None, "It expires on Dec. 25.", &[("Dec. 25", None, "day")]),
        (
            None,
            "Prices rose last week.",
            &[("last week", None, "week")],
        ),
        (
            None,
            "The deal was signed on 25 December 2025.",
            &[("25 December 2025", Some("2025-12-25"), "day")],
        ),
        // Traps: nothing here is a date.
        (Some(THU), "Troops work 24/7 at the front.", &[]),
        (Some(THU), "The score was 2-1 after 90 minutes.", &[]),
        (Some(THU), "More than 1,200 soldiers died.", &[]),
        (Some(THU), "May said the talks would continue.", &[]),
        (Some(THU), "The Sunday Times reported the leak.", &[]),
        (Some(THU), "The Good Friday Agreement holds.", &[]),
        (Some(THU), "Records fell in 2024-25.", &[]),
        (Some(THU), "In all, 2025 employees left.", &[]),
        (Some(THU), "Call 555-1234 before 9 p.m.", &[]),
        (Some(THU), "Sales rose in 2500 stores.", &[]),
        (
            Some(THU),
            "The ambassador met Mayor Smith in Marchington.",
            &[],
        ),
        // Holidays: the occurrence nearest the publication date; a bare name only after a
        // time preposition, and never inside a longer name.
        (
            Some(THU),
            "Shops closed on Christmas Eve and reopen on Boxing Day.",
            &[
                ("Christmas Eve", Some("2025-12-24"), "day"),
                ("Boxing Day", Some("2025-12-26"), "day"),
            ],
        ),
        (
            Some(THU),
            "Talks resume after Christmas; protests are planned over Easter.",
            &[
                ("Christmas", Some("2025-12-25"), "day"),
                ("Easter", Some("2026-04-05"), "day"),
            ],
        ),
        (
            Some(THU),
            "Turnout on Thanksgiving was low.",
            &[("Thanksgiving", Some("2025-11-27"), "day")],
        ),
        (
            Some("2026-01-05T09:00:00Z"),
            "Fighting went on over New Year’s Eve and on Good Friday will stop.",
            &[
                ("New Year’s Eve", Some("2025-12-31"), "day"),
                ("Good Friday", Some("2026-04-03"), "day"),
            ],
        ),
        (
            None,
            "The office shuts on Christmas Day.",
            &[("Christmas Day", None, "day")],
        ),
        (
            Some(THU),
            "He sent Christmas greetings from Christmas Island; Orthodox Christmas is in January.",
            &[("January", Some("2026-01"), "month")],
        ),
    ];
    let mut failures = Vec::new();
    for &(anchor, sentence, want) in table {
        let got: Vec<(String, Option<String>, &str)> = find(None, sentence, anchor)
            .into_iter()
            .map(|d| (d.text, d.value, gran(d.granularity)))
            .collect();
        let want: Vec<(String, Option<String>, &str)> = want
            .iter()
            .map(|&(t, v, g)| (t.to_string(), v.map(str::to_string), g))
            .collect();
        if got != want {
            failures.push(format!(
                "{sentence:?} @ {anchor:?}\n   got {got:?}\n  want {want:?}"
            ));
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
    let dates = find(
        Some("Talks on Thursday"),
        "Ukraine’s envoy – who met on Monday – left.",
        Some(THU),
    );
    assert_eq!(dates.len(), 2);
    assert_eq!(dates[0].field, Field::Title);
    assert_eq!((dates[0].start, dates[0].end), (9, 17));
    let body: Vec<char> = "Ukraine’s envoy – who met on Monday – left."
        .chars()
        .collect();
    let d = &dates[1];
    assert_eq!(d.field, Field::Body);
    assert_eq!(body[d.start..d.end].iter().collect::<String>(), "Monday");
}
