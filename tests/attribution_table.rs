//! Attribution patterns of wire services, newspapers and broadcasters, one row each: the
//! text (names marked by hand, so the row tests attribution, not the recogniser) and every
//! quote it must yield with its speaker. Written for this project; regressions go at the end.

mod attribution_support;

use attribution_support::run;
use news_enricher::record::EntityType;

struct Row {
    title: Option<&'static str>,
    text: &'static str,
    people: &'static [&'static str],
    orgs: &'static [&'static str],
    places: &'static [&'static str],
    /// Every quote in order: (quoted text, speaker name or None).
    want: &'static [(&'static str, Option<&'static str>)],
}

const fn row(
    text: &'static str,
    people: &'static [&'static str],
    orgs: &'static [&'static str],
    want: &'static [(&'static str, Option<&'static str>)],
) -> Row {
    Row {
        title: None,
        text,
        people,
        orgs,
        places: &[],
        want,
    }
}

const ROWS: &[Row] = &[
    // 1. wire: quote first, name and verb after
    row(
        "\"We will not back down,\" Governor Maria Lopez said on Tuesday.",
        &["Maria Lopez"],
        &[],
        &[("We will not back down", Some("Maria Lopez"))],
    ),
    // 2. inverted verb with an apposition
    row(
        "“The talks were productive,” said Henrik Dahl, Norway’s chief negotiator.",
        &["Henrik Dahl"],
        &[],
        &[("The talks were productive", Some("Henrik Dahl"))],
    ),
    // 3. colon introduction
    row(
        "Prime Minister Aiko Tanaka said: \"Our economy is strong and getting stronger.\"",
        &["Aiko Tanaka"],
        &[],
        &[(
            "Our economy is strong and getting stronger.",
            Some("Aiko Tanaka"),
        )],
    ),
    // 4. partial quote inside a sentence
    row(
        "Senator Paul Grant said \"nobody in this chamber wants a shutdown\" before the vote.",
        &["Paul Grant"],
        &[],
        &[(
            "nobody in this chamber wants a shutdown",
            Some("Paul Grant"),
        )],
    ),
    // 5. pronoun after a sentence about the speaker
    row(
        "Defense Secretary Laura Chen visited the base on Monday. \"This is a turning point,\" \
         she told reporters.",
        &["Laura Chen"],
        &[],
        &[("This is a turning point", Some("Laura Chen"))],
    ),
    // 6. "he added" after a named quote
    row(
        "\"The deal is close,\" Mayor Tom Reyes said. \"We're not there yet,\" he added.",
        &["Tom Reyes"],
        &[],
        &[
            ("The deal is close", Some("Tom Reyes")),
            ("We're not there yet", Some("Tom Reyes")),
        ],
    ),
    // 7. according to
    row(
        "The plan \"will cost billions,\" according to Budget Director Sam Ortiz.",
        &["Sam Ortiz"],
        &[],
        &[("will cost billions", Some("Sam Ortiz"))],
    ),
    // 8. a quote paragraph continuing an attributed one
    row(
        "\"We lost everything,\" said farmer Ana Ruiz.\n\"The water came in the night and took \
         the barn, the animals, all of it.\"",
        &["Ana Ruiz"],
        &[],
        &[
            ("We lost everything", Some("Ana Ruiz")),
            (
                "The water came in the night and took the barn, the animals, all of it.",
                Some("Ana Ruiz"),
            ),
        ],
    ),
    // 9. a quote over a paragraph break without a closing mark
    row(
        "Coach Dan Miller said: “We played hard.\n“We just came up short tonight.”",
        &["Dan Miller"],
        &[],
        &[
            ("We played hard.", Some("Dan Miller")),
            ("We just came up short tonight.", Some("Dan Miller")),
        ],
    ),
    // 10. two people in one sentence: the one who speaks
    row(
        "\"I have full confidence in her,\" Chancellor Olaf Brandt said of Finance Minister Eva \
         Koch.",
        &["Olaf Brandt", "Eva Koch"],
        &[],
        &[("I have full confidence in her", Some("Olaf Brandt"))],
    ),
    // 11. two people: subject, not addressee
    row(
        "Daniel Smith told Rachel Jones: \"You will regret this.\"",
        &["Daniel Smith", "Rachel Jones"],
        &[],
        &[("You will regret this.", Some("Daniel Smith"))],
    ),
    // 12. a quote inside a quote belongs to the outer speaker
    row(
        "“He looked at me and said, ‘We will win this,’ and I believed him,” recalled Marta \
         Kowalski.",
        &["Marta Kowalski"],
        &[],
        &[(
            "He looked at me and said, ‘We will win this,’ and I believed him",
            Some("Marta Kowalski"),
        )],
    ),
    // 13. "said" of an organisation
    row(
        "\"The product is safe when used as directed,\" Acme Corp said in a statement.",
        &[],
        &["Acme Corp"],
        &[(
            "The product is safe when used as directed",
            Some("Acme Corp"),
        )],
    ),
    // 14. an organisation's partial quote
    row(
        "The Pentagon said the strike was \"precise and proportionate.\"",
        &[],
        &["Pentagon"],
        &[("precise and proportionate.", Some("Pentagon"))],
    ),
    // 15. a slogan nobody is quoted saying
    row(
        "The slogan \"Make the City Work Again\" appeared on banners across town.",
        &[],
        &[],
        &[("Make the City Work Again", None)],
    ),
    // 16. scare quotes
    row(
        "The company's \"unlimited\" vacation policy drew complaints from staff.",
        &[],
        &[],
        &[("unlimited", None)],
    ),
    // 17. title of a work
    row(
        "She starred in \"The Long Night\" before moving to television.",
        &[],
        &[],
        &[("The Long Night", None)],
    ),
    // 18. pronoun with two people around: the sentence subject
    row(
        "Union leader Grace Obi met Finance Minister Peter Hale on Friday. \"We found common \
         ground,\" she said.",
        &["Grace Obi", "Peter Hale"],
        &[],
        &[("We found common ground", Some("Grace Obi"))],
    ),
    // 19. an unnamed speaker keeps its description
    row(
        "\"It's a disaster,\" said one resident, who declined to give her name.",
        &[],
        &[],
        &[("It's a disaster", Some("one resident"))],
    ),
    // 20. spokesman for a body
    row(
        "A spokesman for the ministry said the report was \"baseless.\"",
        &[],
        &[],
        &[("baseless.", Some("A spokesman for the ministry"))],
    ),
    // 21. broadcaster: the programme is not the speaker
    row(
        "Speaking on BBC Radio 4's Today programme, Health Secretary Tom Price said: \"We need \
         to be honest with people.\"",
        &["Tom Price"],
        &["BBC Radio 4"],
        &[("We need to be honest with people.", Some("Tom Price"))],
    ),
    // 22. wire dateline
    row(
        "KYIV, Ukraine (AP) — \"We need air defense now,\" Ukrainian Foreign Minister Dmytro \
         Kuleba said Tuesday.",
        &["Dmytro Kuleba"],
        &["AP"],
        &[("We need air defense now", Some("Dmytro Kuleba"))],
    ),
    // 23. a surname after the full name
    row(
        "Karen Reynolds faced questions at the hearing. \"Absolutely not,\" Reynolds replied \
         when asked whether she would resign.",
        &["Karen Reynolds", "Reynolds"],
        &[],
        &[("Absolutely not", Some("Karen Reynolds"))],
    ),
    // 24. a quote split around its attribution
    row(
        "\"We have a plan,\" Mayor Lin Wu said, \"and we will stick to it.\"",
        &["Lin Wu"],
        &[],
        &[
            ("We have a plan", Some("Lin Wu")),
            ("and we will stick to it.", Some("Lin Wu")),
        ],
    ),
    // 25. a question
    row(
        "\"Who pays for this?\" asked Representative Carla Diaz.",
        &["Carla Diaz"],
        &[],
        &[("Who pays for this?", Some("Carla Diaz"))],
    ),
    // 26. a crowd is no speaker to name
    row(
        "\"Never again!\" the crowd chanted outside the court.",
        &[],
        &[],
        &[("Never again!", None)],
    ),
    // 27. newspaper: apposition between name and verb
    row(
        "In an interview, Dr. Amir Haddad, an epidemiologist at Central University, warned that \
         the virus \"is not going away.\"",
        &["Amir Haddad"],
        &["Central University"],
        &[("is not going away.", Some("Amir Haddad"))],
    ),
    // 28. a description as speaker
    row(
        "\"I don't recall,\" the witness said repeatedly.",
        &[],
        &[],
        &[("I don't recall", Some("the witness"))],
    ),
    // 29. organisation, partial quote
    row(
        "Greenpeace said the project would \"devastate\" the coastline.",
        &[],
        &["Greenpeace"],
        &[("devastate", Some("Greenpeace"))],
    ),
    // 30. "called" with an organisation
    row(
        "The White House called the report \"fake news.\"",
        &[],
        &["White House"],
        &[("fake news.", Some("White House"))],
    ),
    // 31. surname, partial quote, two verbs
    row(
        "Maria Lopez spoke first. Lopez called the decision \"a betrayal of working families\" \
         and vowed to appeal.",
        &["Maria Lopez", "Lopez"],
        &[],
        &[("a betrayal of working families", Some("Maria Lopez"))],
    ),
    // 32. the other person named after the verb is not the speaker
    row(
        "Nora Walsh testified on Monday. \"I was not there,\" Walsh said, contradicting \
         testimony by Officer Ben Cole.",
        &["Nora Walsh", "Walsh", "Ben Cole"],
        &[],
        &[("I was not there", Some("Nora Walsh"))],
    ),
    // 33. pronoun across a paragraph break
    row(
        "Finance Minister Ruth Adeyemi defended the budget on Wednesday.\n\"These cuts are \
         painful but necessary,\" she said.",
        &["Ruth Adeyemi"],
        &[],
        &[("These cuts are painful but necessary", Some("Ruth Adeyemi"))],
    ),
    // 34. the pronoun follows the new subject, not the last speaker
    row(
        "\"We will appeal,\" said attorney Mark Bell.\nJudge Ellen Park rejected the motion. \
         \"The law is clear,\" she wrote.",
        &["Mark Bell", "Ellen Park"],
        &[],
        &[
            ("We will appeal", Some("Mark Bell")),
            ("The law is clear", Some("Ellen Park")),
        ],
    ),
    // 35. anonymous official
    row(
        "“It’s over,” a senior administration official told Reuters on condition of anonymity.",
        &[],
        &["Reuters"],
        &[("It’s over", Some("a senior administration official"))],
    ),
    // 36. a report's title
    row(
        "The report, titled \"Broken Promises,\" found widespread fraud.",
        &[],
        &[],
        &[("Broken Promises", None)],
    ),
    // 37. police as a body
    row(
        "“We are reviewing the footage,” police said.",
        &[],
        &[],
        &[("We are reviewing the footage", Some("police"))],
    ),
    // 38. a surname that is a verb form elsewhere
    row(
        "\"Not a chance,\" Ella Ford said, before Prime Minister Ahmed Said walked out.",
        &["Ella Ford", "Ahmed Said"],
        &[],
        &[("Not a chance", Some("Ella Ford"))],
    ),
    // 39. full stop inside, new sentence after: no guess
    row(
        "\"Enough is enough.\" With those words, union leader Rosa Mendes ended the talks.",
        &["Rosa Mendes"],
        &[],
        &[("Enough is enough.", None)],
    ),
    // 40. participle clause before the subject
    row(
        "Asked about the polls, Dana Harris said she was \"cautiously optimistic.\"",
        &["Dana Harris"],
        &[],
        &[("cautiously optimistic.", Some("Dana Harris"))],
    ),
    // 41. possessive in the subject: the lawyer, not the client
    row(
        "Trump's lawyer, Rudy Vance, said the charges were \"a witch hunt.\"",
        &["Trump", "Rudy Vance"],
        &[],
        &[("a witch hunt.", Some("Rudy Vance"))],
    ),
    // 42. attribution with a trailing clause
    row(
        "\"This is the best economy ever,\" Trump said at a rally, a claim economists quickly \
         disputed.",
        &["Trump"],
        &[],
        &[("This is the best economy ever", Some("Trump"))],
    ),
    // 43. a definite description resolved through the role
    row(
        "Senator Jo Banks voted no. In a post on social media, the senator wrote: \
         \"Shameful.\"",
        &["Jo Banks"],
        &[],
        &[("Shameful.", Some("Jo Banks"))],
    ),
    // 44. headline: speaker after the colon
    Row {
        title: Some("‘We will rebuild’: Mayor Lin Wu"),
        text: "The storm hit on Sunday.",
        people: &["Lin Wu"],
        orgs: &[],
        places: &[],
        want: &[("We will rebuild", Some("Lin Wu"))],
    },
    // 45. broadcaster: "told CNN" — the network is not the speaker
    row(
        "\"We are ready for any scenario,\" General Mark Stone told CNN on Sunday.",
        &["Mark Stone"],
        &["CNN"],
        &[("We are ready for any scenario", Some("Mark Stone"))],
    ),
    // 46. "X and Y said": no single speaker
    row(
        "\"We are united,\" Anna Berg and Lars Holm said in a joint statement.",
        &["Anna Berg", "Lars Holm"],
        &[],
        &[("We are united", None)],
    ),
    // 47. "it" for an organisation
    row(
        "Acme Corp posted record losses. \"We expect a recovery next year,\" it said.",
        &[],
        &["Acme Corp"],
        &[("We expect a recovery next year", Some("Acme Corp"))],
    ),
    // 48. "they" is a group: no single speaker
    row(
        "The two senators met privately. \"We disagree on almost everything,\" they said.",
        &[],
        &[],
        &[("We disagree on almost everything", None)],
    ),
    // 49. a party label in parentheses does not end the sentence; "told" names whom
    row(
        "Senator Jo Banks (D-Ore.) told reporters that \"the votes are not there.\"",
        &["Jo Banks"],
        &[],
        &[("the votes are not there.", Some("Jo Banks"))],
    ),
    // 50. a relative clause between the name and the verb
    row(
        "Ana Ruiz, who led the agency for a decade, conceded the plan was \"deeply flawed.\"",
        &["Ana Ruiz"],
        &["agency"],
        &[("deeply flawed.", Some("Ana Ruiz"))],
    ),
    // 51. the subject inside a "which" clause, not the thing described
    row(
        "The Treaty of Lisbon, which Marek Novak once called \"a mistake,\" is back in the news.",
        &["Marek Novak"],
        &["Treaty of Lisbon"],
        &[("a mistake", Some("Marek Novak"))],
    ),
    // 52. "as X put it"
    row(
        "As prosecutor Leon Marsh put it, \"there was not much to go on.\"",
        &["Leon Marsh"],
        &[],
        &[("there was not much to go on.", Some("Leon Marsh"))],
    ),
    // 53. words between the quote and an inverted verb
    row(
        "\"We are thrilled\" about the ruling, said Nina Park, director of the clinic.",
        &["Nina Park"],
        &[],
        &[("We are thrilled", Some("Nina Park"))],
    ),
    // 54. a participle takes the main clause's subject, not the rally's place
    row(
        "\"We will win,\" Tom Reyes told a rally in Ohio, saying his rival would \"ruin\" the \
         state.",
        &["Tom Reyes"],
        &["Ohio"],
        &[
            ("We will win", Some("Tom Reyes")),
            ("ruin", Some("Tom Reyes")),
        ],
    ),
    // 55. a second clause with its own speaker
    row(
        "Jo Banks accuses the mayor of \"hiding the facts\" and Tom Reyes says he is \"tired.\"",
        &["Jo Banks", "Tom Reyes"],
        &[],
        &[
            ("hiding the facts", Some("Jo Banks")),
            ("tired.", Some("Tom Reyes")),
        ],
    ),
    // 56. an anonymous source with a capitalised party label inside the description
    row(
        "\"This is crucial for both of them,\" said one former GOP leadership aide.",
        &[],
        &["GOP"],
        &[(
            "This is crucial for both of them",
            Some("one former GOP leadership aide"),
        )],
    ),
    // 57. a name the recogniser missed, set off by its apposition
    row(
        "Voss, a retired history teacher, said the vote was \"long overdue.\"",
        &[],
        &[],
        &[("long overdue.", Some("Voss"))],
    ),
    // 58. a quote that is a sentence of its own after a sentence about its speaker
    row(
        "Jo Banks touted her record on Tuesday. \"We need to protect workers.\" The crowd cheered.",
        &["Jo Banks"],
        &[],
        &[("We need to protect workers.", Some("Jo Banks"))],
    ),
    // 59. two noun phrases for one subject, neither a name
    row(
        "The front-runner and former secretary of state said the plan was \"clearly\" needed.",
        &[],
        &[],
        &[("clearly", Some("former secretary of state"))],
    ),
    // 60. "she" after a sentence whose subject is a known man goes to the known woman
    row(
        "Laura Chen spoke first. Mayor Paul Grant thanked her. \"We owe her a great deal,\" he \
         said. \"It was a team effort,\" she said.",
        &["Paul Grant", "Laura Chen"],
        &[],
        &[
            ("We owe her a great deal", Some("Paul Grant")),
            ("It was a team effort", Some("Laura Chen")),
        ],
    ),
    // 61. headline: "…, says X"
    Row {
        title: Some("‘Very productive’ talks in Rome, says Chancellor Olaf Brandt"),
        text: "The talks ended on Monday.",
        people: &["Olaf Brandt"],
        orgs: &[],
        places: &[],
        want: &[("Very productive", Some("Olaf Brandt"))],
    },
    // 62. a programme named in the sentence is no quote of the speaker; his words are
    row(
        "Senator Jo Banks told ABC's \"Good Morning America\" that the deal was a \"total \
         failure.\"",
        &["Jo Banks"],
        &["ABC"],
        &[
            ("Good Morning America", None),
            ("total failure.", Some("Jo Banks")),
        ],
    ),
    // 63. a nickname someone uses is that person's phrase
    row(
        "Tom Reyes called his rival \"Sleepy Sam\" at the rally.",
        &["Tom Reyes"],
        &[],
        &[("Sleepy Sam", Some("Tom Reyes"))],
    ),
    // 64. British style: single marks, speaker after, a possessive apostrophe inside
    row(
        "'The workers' pay deal stands,' Chancellor Rachel Reeves told the BBC.",
        &["Rachel Reeves"],
        &["BBC"],
        &[("The workers' pay deal stands", Some("Rachel Reeves"))],
    ),
    // 65. British style: colon introduction, a partial quote, and "she said" continuing
    row(
        "Sharon Graham said the plans were ‘a betrayal’ of working people. She added: \
         ‘Our members will not accept this.’",
        &["Sharon Graham"],
        &[],
        &[
            ("a betrayal", Some("Sharon Graham")),
            ("Our members will not accept this.", Some("Sharon Graham")),
        ],
    ),
    // 66. present tense of a reporting verb, as features and columns write it
    row(
        "\"The market has already priced this in,\" Lena Ortiz concludes.",
        &["Lena Ortiz"],
        &[],
        &[("The market has already priced this in", Some("Lena Ortiz"))],
    ),
    // 67. fact-check layout: a quote paragraph signed on the next line with a dash
    row(
        "Both candidates made claims about trade on Tuesday.\n\
         \"We lost 60,000 factories in ten years.\"\n\
         - Tom Reyes.\n\
         The figure is close to official data.",
        &["Tom Reyes"],
        &[],
        &[("We lost 60,000 factories in ten years.", Some("Tom Reyes"))],
    ),
    // 68. a dash signing a quote on the same line; a dash before a phrase is no signature
    row(
        "\"Fair trade\" — a slogan on every banner.\n\
         \"Nobody wins a trade war\" — Maria Lopez",
        &["Maria Lopez"],
        &[],
        &[
            ("Fair trade", None),
            ("Nobody wins a trade war", Some("Maria Lopez")),
        ],
    ),
    // 69. transcript line: a long label ending in the speaker's name, then a colon
    row(
        "Former chief executive of the port authority Henrik Dahl: \"We followed every \
         rule.\"",
        &["Henrik Dahl"],
        &[],
        &[("We followed every rule.", Some("Henrik Dahl"))],
    ),
    // 70. the author of a statement introduced with a comma
    row(
        "After the ruling, Aiko Tanaka issued a statement, \"Justice has been served today.\"",
        &["Aiko Tanaka"],
        &[],
        &[("Justice has been served today.", Some("Aiko Tanaka"))],
    ),
    // 71. an inverted cue opening the sentence
    row(
        "The error was found last week. Said Paul Grant, \"It should never have happened.\"",
        &["Paul Grant"],
        &[],
        &[("It should never have happened.", Some("Paul Grant"))],
    ),
    // 72. a wire credit in a dateline is not the subject of the sentence after it
    row(
        "LONDON (Reuters) - Laura Chen has criticised the plan, saying it was \"a gamble with \
         people's savings.\"",
        &["Laura Chen"],
        &["Reuters"],
        &[("a gamble with people's savings.", Some("Laura Chen"))],
    ),
    // 73. a platform named as the object of a preposition is not the speaker
    row(
        "Tom Reyes shared the \"fake photo\" story on his Facebook page, writing \"Here is \
         the proof.\"",
        &["Tom Reyes"],
        &["Facebook"],
        &[
            ("fake photo", None),
            ("Here is the proof.", Some("Tom Reyes")),
        ],
    ),
    // 74. inverted cue, the speaker's place and title before the name
    Row {
        title: None,
        text: "\"We have made mistakes for fifty years,\" said Atlantic City Mayor Don Guardian.",
        people: &["Don Guardian"],
        orgs: &[],
        places: &["Atlantic City"],
        want: &[(
            "We have made mistakes for fifty years",
            Some("Don Guardian"),
        )],
    },
    // 75. inverted cue, an organisation's spokesman named after it; the body alone speaks
    row(
        "\"There is no organised effort,\" said Green Party spokesman Sean Diaz. \"We are \
         united,\" said the Green Party.",
        &["Sean Diaz"],
        &["Green Party"],
        &[
            ("There is no organised effort", Some("Sean Diaz")),
            ("We are united", Some("Green Party")),
        ],
    ),
    // 76. a place inside a description of the speaker is not the speaker
    Row {
        title: None,
        text: "The bill passed on Tuesday. \"We will vote no again,\" the Idaho senator said.",
        people: &[],
        orgs: &[],
        places: &["Idaho"],
        want: &[("We will vote no again", Some("the Idaho senator"))],
    },
    // 77. a name qualifying the speaker's title: the person after the title speaks
    row(
        "\"We are not leaving,\" said Trump adviser Stephen Miller. \"The boom is real,\" \
         said Drewry analyst Maria Jensen. \"No,\" said Maria Jensen of Drewry.",
        &["Trump", "Stephen Miller", "Drewry", "Maria Jensen"],
        &[],
        &[
            ("We are not leaving", Some("Stephen Miller")),
            ("The boom is real", Some("Maria Jensen")),
            ("No", Some("Maria Jensen")),
        ],
    ),
    // 78. "she" with only a man in reach: nobody, rather than the man
    row(
        "“This was a first,” wrote Ben Jacobs in his column.\n\
         The woman who started it all identified herself as a 52-year-old nurse.\n\
         “He truly cares about the American people,” she said.",
        &["Ben Jacobs"],
        &[],
        &[
            ("This was a first", Some("Ben Jacobs")),
            ("He truly cares about the American people", None),
        ],
    ),
    // 79. a quote opening its sentence, attributed at the sentence's end after another clause
    row(
        "“There's a sense of stability now,” and donations began to pick up again last \
         week, Gilbert said.",
        &["Gilbert"],
        &[],
        &[("There's a sense of stability now", Some("Gilbert"))],
    ),
    // 80. "with X V-ing": X is the participle's subject, not an object
    row(
        "Supporters punched a protester at the rally, with Trump reportedly yelling: “Get \
         him out of here!”",
        &["Trump"],
        &[],
        &[("Get him out of here!", Some("Trump"))],
    ),
    // 81. a description by title and state resolves to the person whose abbreviated title
    // and state it gives; a state nobody is governor of stays a description
    Row {
        title: None,
        text: "New Jersey Gov. Chris Christie campaigned with Ohio Gov. John Kasich.\n\
               “We will win this state,” the New Jersey governor said.\n\
               “Wait and see,” the Texas governor said.",
        people: &["Chris Christie", "John Kasich"],
        orgs: &[],
        places: &["New Jersey", "Ohio", "Texas"],
        want: &[
            ("We will win this state", Some("Chris Christie")),
            ("Wait and see", Some("the Texas governor")),
        ],
    },
    // 82. a transcript quoted line by line: each line's label is its speaker, not the
    // person the article is about
    row(
        "At the debate, Hillary Clinton was asked about Benghazi. Partial transcript as \
         follows:\n\
         \"RAMOS: Secretary Clinton, did you lie to them?\n\
         \"CLINTON: I feel a great deal of sympathy for the families.\"",
        &["Hillary Clinton"],
        &[],
        &[
            ("RAMOS: Secretary Clinton, did you lie to them?", None),
            (
                "CLINTON: I feel a great deal of sympathy for the families.",
                Some("Hillary Clinton"),
            ),
        ],
    ),
    // 83. a bare title that fits the one person whose title is on record, while the text is
    // about another: the description, not the wrong senator
    row(
        "Sen. John McCain called the pair non-entities.\n\
         Ted Cruz defends his record in a commercial running on Iowa TV: “Securing our \
         borders is a matter of national security,” the senator says.",
        &["John McCain", "Ted Cruz"],
        &[],
        &[(
            "Securing our borders is a matter of national security",
            Some("the senator"),
        )],
    ),
    // 84. a name modifying the speaker noun: the aide or the campaign speaks, not the
    // person it is named after
    row(
        "Hillary Clinton spoke in Iowa. “She is tired,” a Clinton aide said. “We are \
         ready,” the Trump campaign said. “No,” Trump said.",
        &["Hillary Clinton", "Trump"],
        &[],
        &[
            ("She is tired", Some("a Clinton aide")),
            ("We are ready", Some("the Trump campaign")),
            ("No", Some("Trump")),
        ],
    ),
    // 85. a dateline and an opening prepositional phrase name no subject; the possessive
    // description that is the subject names no one we know: nobody, not the United States
    Row {
        title: None,
        text: "WASHINGTON, Dec. 8 (UPI) — In response to Donald Trump’s proposal to bar \
               Muslims from entering the United States, Hillary Clinton’s right-hand woman \
               rallied supporters, saying: “We have to be ready to stop him.”",
        people: &["Donald Trump", "Hillary Clinton"],
        orgs: &["UPI"],
        places: &["WASHINGTON", "United States"],
        want: &[("We have to be ready to stop him.", None)],
    },
    // 86. "he" after a sentence whose subject is a spokesman named after his boss: the
    // spokesman, not the boss
    row(
        "Mitch McConnell left the chamber early.\n\
         McConnell spokesman Don Stewart walked out of the briefing room.\n\
         “I don’t have any new announcements yet,” he said.",
        &["Mitch McConnell", "Don Stewart"],
        &[],
        &[(
            "I don’t have any new announcements yet",
            Some("Don Stewart"),
        )],
    ),
    // 87. a crowd answering: no speaker to name (row 26), and not the man who asked
    row(
        "Donald Trump had a question for the rally.\n\
         “Who is going to pay for the wall?”\n\
         “Mexico!” the audience screamed back.",
        &["Donald Trump"],
        &[],
        &[
            ("Who is going to pay for the wall?", Some("Donald Trump")),
            ("Mexico!", None),
        ],
    ),
    // 88. a speaker the text names but no rule knows ("a voice over"): nobody, not the
    // person of the sentence before
    row(
        "Katie Packer unveiled the advertisement on Monday. “Why? Trump can’t handle tough \
         questions.” a voice over says as a photo of an empty podium is shown.",
        &["Katie Packer", "Trump"],
        &[],
        &[("Why? Trump can’t handle tough questions.", None)],
    ),
    // 89. the role comes from an apposition before the name, and "the mayor" is then him
    row(
        "The mayor, Eric Adams, urged calm on Tuesday. “We will get through this,” the \
         mayor said.",
        &["Eric Adams"],
        &[],
        &[("We will get through this", Some("Eric Adams"))],
    ),
    // 90. "he" after a quote of a description that names nobody is that description, not a
    // man named earlier who said nothing
    row(
        "Mayor Bill de Blasio disbanded the unit in 2014.\n\
         “There is hatred,” the Republican presidential candidate said in an interview.\n\
         “We ought to start it up again,” he said.",
        &["Bill de Blasio"],
        &[],
        &[
            (
                "There is hatred",
                Some("the Republican presidential candidate"),
            ),
            (
                "We ought to start it up again",
                Some("the Republican presidential candidate"),
            ),
        ],
    ),
    // 91. "the statement said": the author of the statement the text mentioned before,
    // not the person named in between
    row(
        "Nordair said in a statement that it would appeal. Transport minister Ruth Kelly \
         welcomed the ruling.\n\
         “We will not accept this decision,” the statement said. “Passengers deserve better.”",
        &["Ruth Kelly"],
        &["Nordair"],
        &[
            ("We will not accept this decision", Some("Nordair")),
            ("Passengers deserve better.", Some("Nordair")),
        ],
    ),
    // 92. a statement of someone's lawyer is not that person's, and "it said in a
    // statement" names no author: no speaker for either
    row(
        "Tom Reyes's lawyer said in a statement that the charges were baseless. \
         “My client is innocent,” the statement said.\n\
         Vantor Group said it would cut jobs. It said in a statement that profits fell. \
         “We had a difficult year,” the statement added.",
        &["Tom Reyes"],
        &["Vantor Group"],
        &[
            ("My client is innocent", None),
            ("We had a difficult year", None),
        ],
    ),
    // 93. sports style: a nationality stands for the player. The writer's last subject is
    // the other player, and nothing says who is Spanish: no speaker, not the wrong one
    row(
        "Marco Bellini beat Pablo Ortega in four sets on Sunday. \
         “It was a tough match,” the Spaniard said.",
        &["Marco Bellini", "Pablo Ortega"],
        &[],
        &[("It was a tough match", None)],
    ),
    // 94. the same when the text gives each player's nationality before his name
    row(
        "Spanish star Pablo Ortega lost to Italian Marco Bellini on Sunday. \
         “It was a tough match,” the 22-year-old Spaniard told reporters. \
         “He played better,” the Italian said of his rival.",
        &["Marco Bellini", "Pablo Ortega"],
        &[],
        &[
            ("It was a tough match", Some("Pablo Ortega")),
            ("He played better", Some("Marco Bellini")),
        ],
    ),
    // 95. the author after "In a statement," and before the verb; a lawyer's statement
    // stays nobody's
    row(
        "In a statement, Nordair said the ruling was unfair. \
         “We will appeal,” the statement added.\n\
         Tom Reyes was charged on Monday. In a statement, his lawyer said the charges \
         were baseless. “My client is innocent,” the statement said.",
        &["Tom Reyes"],
        &["Nordair"],
        &[
            ("We will appeal", Some("Nordair")),
            ("My client is innocent", None),
        ],
    ),
    // 96. phrases joined by "and" share the speaker named once, after the last
    row(
        "Taxes are “a burden on families” and “a drag on growth,” Senator Ruth Ames said \
         on Monday.",
        &["Ruth Ames"],
        &[],
        &[
            ("a burden on families", Some("Ruth Ames")),
            ("a drag on growth", Some("Ruth Ames")),
        ],
    ),
    // 97. a reporting verb set off by commas in mid-sentence reports the whole sentence
    row(
        "The lesson of the crisis, says Paul Okafor, a historian at Leeds University, is \
         that banks were \"too big to fail,\" not that they were reckless.",
        &["Paul Okafor"],
        &["Leeds University"],
        &[("too big to fail", Some("Paul Okafor"))],
    ),
    // 98. a phrase in a sentence with nobody before it, signed at its end; but a phrase
    // after a named subject is that subject's, not the signer's
    row(
        "Add a \"candidate who divides the country\" and shop owners get nervous, said Lena \
         Ortiz, who runs the chamber of commerce.\n\
         Mayor Dan Cole called it \"a disaster\" and the council agreed, said Rita Voss.",
        &["Lena Ortiz", "Dan Cole", "Rita Voss"],
        &[],
        &[
            ("candidate who divides the country", Some("Lena Ortiz")),
            ("a disaster", Some("Dan Cole")),
        ],
    ),
    // 99. a person right before the verb is its subject, not the name the sentence opens
    // with
    row(
        "Ann Ford praised Tom Hale at the rally. Hale, Ford wrote later, “has never broken a \
         promise.”",
        &["Ann Ford", "Tom Hale"],
        &[],
        &[("has never broken a promise.", Some("Ann Ford"))],
    ),
    // 100. in the passive the one after "by" asks, and the one asked answers as "he"; said
    // of someone with no one named, the words are nobody's
    row(
        "Victor Lund was asked by moderator Jill Marsh whether the plan would risk “adding \
         another entitlement.” The senator’s answer was long. “The most important job I \
         will ever have is being a parent,” he said.\n\
         Party chairman Owen Pike was said to be “furious” with the campaign.",
        &["Victor Lund", "Jill Marsh", "Owen Pike"],
        &[],
        &[
            ("adding another entitlement.", Some("Jill Marsh")),
            (
                "The most important job I will ever have is being a parent",
                Some("Victor Lund"),
            ),
            ("furious", None),
        ],
    ),
    // 101. "after" opening a clause: its subject speaks the quote its verb introduces
    row(
        "“She did it again,” David Axelrod tweeted after Hillary Clinton argued that “we \
         would not have rescued the auto industry.”",
        &["David Axelrod", "Hillary Clinton"],
        &[],
        &[
            ("She did it again", Some("David Axelrod")),
            (
                "we would not have rescued the auto industry.",
                Some("Hillary Clinton"),
            ),
        ],
    ),
    // 102. a retort ("shot back") after a clause with another speaker's verb
    row(
        "After Governor Jerry Brown criticized Bill Clinton during a debate, Hillary \
         Clinton shot back, “I suppose I could have stayed home and baked cookies.”",
        &["Jerry Brown", "Bill Clinton", "Hillary Clinton"],
        &[],
        &[(
            "I suppose I could have stayed home and baked cookies.",
            Some("Hillary Clinton"),
        )],
    ),
    // 103. a body before a title qualifies the person after it: the person is the subject
    // "he" stands for
    row(
        "The Senate passed the bill, and Hillary Ward was not pleased.\n\
         Senate Majority Leader Tom Rees, a Republican, pushed it through. “Everybody thought \
         she was unbeatable,” he told reporters.",
        &["Hillary Ward", "Tom Rees"],
        &["Senate"],
        &[("Everybody thought she was unbeatable", Some("Tom Rees"))],
    ),
    // 104. "the ministry", "the bank": the body of that kind named before; with none named,
    // the description alone
    row(
        "Germany’s Foreign Ministry condemned the attack on Monday. “We are deeply \
         shocked,” the ministry said in a statement.\n\
         Deutsche Bank cut 900 jobs. “This is a difficult day,” the bank said.\n\
         “Rates will stay high,” the court said.",
        &[],
        &["Foreign Ministry", "Deutsche Bank"],
        &[
            ("We are deeply shocked", Some("Foreign Ministry")),
            ("This is a difficult day", Some("Deutsche Bank")),
            ("Rates will stay high", Some("the court")),
        ],
    ),
    // 105. "and" inside an aside does not make two speakers; "and" between two names does
    row(
        "“Without that intervention” by the United States, NATO and other partners, Maria \
         Lopez said on Monday, “we would be looking at another Syria.”\n\
         “We agree,” Tom Hale and Ann Ford said.",
        &["Maria Lopez", "Tom Hale", "Ann Ford"],
        &["NATO"],
        &[
            ("Without that intervention", Some("Maria Lopez")),
            ("we would be looking at another Syria.", Some("Maria Lopez")),
            ("We agree", None),
        ],
    ),
    // 106. a relative clause after a party tag: its object does not speak
    row(
        "Sen. Claire McCaskill (D-Mo.), who has endorsed Hillary Clinton, said Sanders has \
         pushed her to be a “stronger” candidate.",
        &["Claire McCaskill", "Hillary Clinton", "Sanders"],
        &[],
        &[("stronger", Some("Claire McCaskill"))],
    ),
    // 107. "with X noting": the participle's own subject, not the main clause's
    row(
        "Both Tom Hale and Ann Ford saw the defeat as a sign of disarray, with Ford noting \
         the absurdity of sending “a couple of hundred troops here” into a war.",
        &["Tom Hale", "Ann Ford"],
        &[],
        &[("a couple of hundred troops here", Some("Ann Ford"))],
    ),
    // 108. a name opening a participle phrase of its own is its subject
    row(
        "Both men issued a statement – Tom Hale saying he was “very encouraged” and Ann Ford \
         calling it a “great meeting.” What do you think of Ann Ford privately saying “pray \
         for him” in response?",
        &["Tom Hale", "Ann Ford"],
        &[],
        &[
            ("very encouraged", Some("Tom Hale")),
            ("great meeting.", Some("Ann Ford")),
            ("pray for him", Some("Ann Ford")),
        ],
    ),
    // 109. the name before ", who" past a sentence adverb in commas
    row(
        "Hillary Clinton has 31 endorsements. Bernie Sanders, meanwhile, who trails Hillary \
         Clinton, said he is “prepared to take on the establishment.”",
        &["Bernie Sanders", "Hillary Clinton"],
        &[],
        &[(
            "prepared to take on the establishment.",
            Some("Bernie Sanders"),
        )],
    ),
    // 110. a new sentence naming someone else between two quotes of a paragraph: the
    // second is no longer the first one's speaker's
    row(
        "Tom Hale posted a photo online. “Happy holiday!” he tweeted. “I love tacos!” Former \
         governor Ann Ford broke down what was wrong with it for a Dutch newspaper: “What he \
         did was insensitive.” “We will win,” Tom Hale said of Ann Ford. “It is clear.”",
        &["Tom Hale", "Ann Ford"],
        &[],
        &[
            ("Happy holiday!", Some("Tom Hale")),
            ("I love tacos!", Some("Tom Hale")),
            ("What he did was insensitive.", None),
            ("We will win", Some("Tom Hale")),
            ("It is clear.", Some("Tom Hale")),
        ],
    ),
    // 111. a pull quote left open and closed at the end of its signature line below
    row(
        "Ann Ford attacked the plan on Monday.\n“I worry that we may see a resurgence of \
         balanced-budget talk.\nTom Hale, Center for Economic Research.”\nThe debate goes on.",
        &["Ann Ford", "Tom Hale"],
        &[],
        &[(
            "I worry that we may see a resurgence of balanced-budget talk.",
            Some("Tom Hale"),
        )],
    ),
    // 112. an organisation after a preposition and an adjective ("before the influential
    // …") is the object, not the subject of the participle that follows
    row(
        "Ann Ford went on the offensive on Monday. The former senator began her speech before \
         the influential Council on Foreign Relations by slamming candidates who think they \
         can “outsource” leadership.",
        &["Ann Ford"],
        &["Council on Foreign Relations"],
        &[("outsource", None)],
    ),
    // 113. "speaks volumes" reports nothing: the sentence's reporting verb is "said"
    row(
        "Tom Hale has 31 endorsements. Ann Ford said that fact speaks volumes about which of \
         the two is “prepared to take on the establishment.”",
        &["Tom Hale", "Ann Ford"],
        &[],
        &[("prepared to take on the establishment.", Some("Ann Ford"))],
    ),
    // 114. the sentence after a quote names its source with no reporting verb
    row(
        "The agency's reputation has suffered.\n“I'd rather have a sister in jail than a \
         brother in the agency.” That quote from state commissioner Tom Hale appeared on the \
         front page in 1980. Ann Ford disagrees.",
        &["Tom Hale", "Ann Ford"],
        &[],
        &[(
            "I'd rather have a sister in jail than a brother in the agency.",
            Some("Tom Hale"),
        )],
    ),
    // 115. a participle of condemning, dubbing, touting ... reports its subject's words
    row(
        "In Washington, Tom Hale released a statement on Thursday night condemning “what \
         appears to be a horrific attack.”\nThe Rivers Campaign Committee is also mocking the \
         rivals, dubbing them “Retrumplicans.”",
        &["Tom Hale"],
        &["Rivers Campaign Committee"],
        &[
            ("what appears to be a horrific attack.", Some("Tom Hale")),
            ("Retrumplicans.", Some("Rivers Campaign Committee")),
        ],
    ),
    // 116. a person whose thing opens the sentence is the "he" after it when nobody is
    // its subject, however far back the last subject was
    row(
        "Tom Hale spoke in Paris.\n\nThe agreement enters into force next year.\n\nThe \
         deal binds pledges.\n\nFew expected it.\n\nHale's term as chief expires later this \
         year. He said that he will stay involved.\n\n\"I'm sure that this will continue,\" \
         he said.",
        &["Tom Hale"],
        &[],
        &[("I'm sure that this will continue", Some("Tom Hale"))],
    ),
    // 117. but a subject in reach comes first
    row(
        "Ann Ford spoke to voters.\n\nHale's support means \"he must be doing something \
         right,\" she says.",
        &["Ann Ford", "Hale"],
        &[],
        &[("he must be doing something right", Some("Ann Ford"))],
    ),
    // 118. and a person the possessor has is no thing of theirs: the campaign manager
    // speaks, not Hale
    row(
        "Hale's campaign manager was asked about it. \"We are ready,\" he said.",
        &["Hale"],
        &[],
        &[("We are ready", None)],
    ),
    // 119. a clause after ", but" has its own subject
    row(
        "It's a big if, but Tom Hale was in San Diego on Tuesday, making his pitch.\n\n\"If \
         turnout is large, we will win here,\" he said.",
        &["Tom Hale"],
        &[],
        &[("If turnout is large, we will win here", Some("Tom Hale"))],
    ),
    // 120. a speaker named after a sentence's last quote said its earlier phrases too,
    // with no reporting verb between them; a phrase that ended its own sentence did not
    row(
        "Tom Hale runs the host committee.\n\nHale said the calls are unlikely to matter. \
         Fundraising was “stagnant for about a month” as donors waited to see how a \
         “turbulent election cycle” played out, he said.\n\nSuch jobs are often thought \
         “inherently governmental.” To a question on the “privatization of jobs,” Ann \
         Ford said contractors cost more.",
        &["Tom Hale", "Ann Ford"],
        &[],
        &[
            ("stagnant for about a month", Some("Tom Hale")),
            ("turbulent election cycle", Some("Tom Hale")),
            ("inherently governmental.", None),
            ("privatization of jobs", Some("Ann Ford")),
        ],
    ),
    // 121. "he" after a described speaker is that speaker, past the phrases of its own
    // sentence that wait for it, not the last named person
    row(
        "Mayor Ann Ford disbanded the unit in April.\n\n“There is hatred like nobody has \
         seen,” the Republican candidate said in an interview.\n\nThe program was a “good \
         thing” that yielded “frankly good information,” he remarked.",
        &["Ann Ford"],
        &[],
        &[
            (
                "There is hatred like nobody has seen",
                Some("the Republican candidate"),
            ),
            ("good thing", Some("the Republican candidate")),
            ("frankly good information", Some("the Republican candidate")),
        ],
    ),
    // 122. but a reporting verb between the phrases gives the first its own speaker
    row(
        "Tom Hale spoke on Monday.\n\nThe plan was “a disgrace” until it was declared \
         “great,” he said.",
        &["Tom Hale"],
        &[],
        &[("a disgrace", None), ("great", Some("Tom Hale"))],
    ),
    // 123. verbs of blame and scorn report the words they quote
    row(
        "At the debate, Ann Ford blamed the “fog of war” for the failure. Former spokesman \
         Tom Hale derided and insulted “the professional left” in press conferences.",
        &["Ann Ford", "Tom Hale"],
        &[],
        &[
            ("fog of war", Some("Ann Ford")),
            ("the professional left", Some("Tom Hale")),
        ],
    ),
    // 124. a participle naming a trade belongs to the description, not the clause's verb
    row(
        "Tom Hale teaches in Ohio. Hale, a creative writing professor, said he holds his \
         roots “very near and dear to my heart.”",
        &["Tom Hale"],
        &[],
        &[("very near and dear to my heart.", Some("Tom Hale"))],
    ),
    // 125. a title written in capitals heads a description, after the verb or before it:
    // the quote is the MP's, not the last person named
    row(
        "Tom Hale spoke on Monday. “It is a disgrace,” said a senior Labour MP, who asked \
         not to be named. “We were not told,” one Labour MP said. “No,” said a state \
         legislator.",
        &["Tom Hale"],
        &["Labour"],
        &[
            ("It is a disgrace", Some("a senior Labour MP")),
            ("We were not told", Some("one Labour MP")),
            ("No", Some("a state legislator")),
        ],
    ),
    // 126. a source that reports a speaker of its own: the speaker said it
    row(
        "According to Reuters, the minister said the talks were “constructive but \
         difficult”. According to Reuters, the talks were “tense”.",
        &[],
        &["Reuters"],
        &[
            ("constructive but difficult", Some("the minister")),
            ("tense", Some("Reuters")),
        ],
    ),
    // 127. a quote its own sentence introduced is not the next sentence's, however short
    row(
        "Ann Ford, a spokeswoman for the city, said: “We have waited for years.” Tom Hale \
         spoke.\n\nAnn Ford said “We waited.” Tom Hale agreed.\n\n“We won.” Tom Hale said.",
        &["Ann Ford", "Tom Hale"],
        &[],
        &[
            ("We have waited for years.", Some("Ann Ford")),
            ("We waited.", Some("Ann Ford")),
            ("We won.", Some("Tom Hale")),
        ],
    ),
];

#[test]
fn every_row_yields_its_quotes_and_speakers() {
    let mut failures = Vec::new();
    for (n, r) in ROWS.iter().enumerate() {
        let names: Vec<(&str, EntityType)> = r
            .people
            .iter()
            .map(|p| (*p, EntityType::Person))
            .chain(r.orgs.iter().map(|o| (*o, EntityType::Organization)))
            .chain(r.places.iter().map(|l| (*l, EntityType::Location)))
            .collect();
        let found = run(r.title, r.text, &names);
        let got = found.pairs();
        let want: Vec<(String, Option<String>)> = r
            .want
            .iter()
            .map(|(q, s)| (q.to_string(), s.map(str::to_string)))
            .collect();
        if got != want {
            failures.push(format!(
                "row {}: {}\n  want {want:?}\n  got  {got:?}",
                n + 1,
                r.text
            ));
        }
    }
    assert!(ROWS.len() >= 40);
    assert!(
        failures.is_empty(),
        "{} of {} rows fail:\n{}",
        failures.len(),
        ROWS.len(),
        failures.join("\n")
    );
}

#[test]
fn every_quote_offset_points_at_its_text() {
    for r in ROWS {
        let found = run(r.title, r.text, &[]);
        for (q, _) in &found.quotes {
            let field = match q.field {
                news_enricher::record::Field::Title => r.title.unwrap_or_default(),
                news_enricher::record::Field::Body => r.text,
            };
            let chars: String = field.chars().skip(q.start).take(q.end - q.start).collect();
            assert_eq!(chars, q.text, "{}", r.text);
        }
    }
}

/// The first quote of `text`, with `person` marked as the one name in it.
fn first_quote(text: &str, person: &str) -> news_enricher::record::Quote {
    let found = run(None, text, &[(person, EntityType::Person)]);
    found.quotes[0].0.clone()
}

#[test]
fn a_statement_ending_in_a_comma_is_whole_but_a_list_of_titles_is_not() {
    let q = first_quote(
        "Eric Adams urged calm on Tuesday.\n“We will get through this,” the mayor said.",
        "Eric Adams",
    );
    assert_eq!(q.text, "We will get through this");
    assert!(!q.partial, "a whole statement, said by the mayor");

    let found = run(
        None,
        "Clint Howard, who had roles in “Cocoon,” “Apollo 13,” and “Splash,” praised Trump.",
        &[
            ("Clint Howard", EntityType::Person),
            ("Trump", EntityType::Person),
        ],
    );
    assert_eq!(found.quotes.len(), 3);
    for (q, _) in &found.quotes {
        assert!(q.partial, "{} is a title in a list", q.text);
        assert!(q.speaker.is_none(), "nobody said {}", q.text);
    }
}

#[test]
fn went_on_is_a_reporting_phrase() {
    let q = first_quote(
        "Donald Trump spoke on the radio on Thursday. “We will win,” he went on.",
        "Donald Trump",
    );
    assert_eq!(q.cue.as_deref(), Some("went on"));
    assert_eq!(
        q.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Donald Trump")
    );
}

/// "“… for the long run!” She replied to him that …": the reply is a sentence of its own,
/// not the quote's attribution. Through the whole extractor (trained recogniser, genders),
/// where the quote went to the reply's "She", or to no one.
#[test]
fn a_sentence_after_a_quote_whose_verb_reports_words_of_its_own_answers_the_quote() {
    let article = news_enricher::article::Article {
        id: "reply".into(),
        body: Some(
            "Tom Hale respects Mary Ford. In June 2009, after Mary Ford suffered a \
             concussion, Tom Hale emailed her condolences, addressing her as “Mary” and \
             telling her, “you are an all-star player and we need you for the long run!” She \
             replied to him that it was an honor."
                .into(),
        ),
        ..Default::default()
    };
    let extractor = news_enricher::extract::Extractor::load().expect("the embedded models load");
    let record = extractor.extract(&article);
    let q = record
        .quotes
        .iter()
        .find(|q| q.text.starts_with("you are an all-star"))
        .expect("the quote is found");
    assert_eq!(
        q.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Tom Hale"),
        "Mary Ford's reply does not make his words hers"
    );
}
