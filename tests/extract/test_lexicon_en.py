"""The English speech lexicon, through the rules that read it (sentences written for the tests)."""

from __future__ import annotations

import pytest

from digest.extract import lexicon, mentions, speakers
from digest.extract.quotes import find_quotes

SPEECH = lexicon.for_language("en").speech


def test_english_conventions() -> None:
    # The reported clause around a quoted fragment is the quotation; the comma of an interrupted
    # quotation sits inside the marks.
    assert (SPEECH.inner_quotations, SPEECH.comma_inside, SPEECH.nouns_capitalised) == (
        False,
        True,
        False,
    )


def test_english_speech_verbs_name_the_speaker_either_side() -> None:
    assert speakers.after(", said Nora Quinn.", "en") == speakers.Attribution("Nora Quinn", 17)
    assert speakers.after(" Nora Quinn told reporters.", "en") is not None
    found = speakers.before("Nora Quinn warned: ", "en")
    assert found is not None and found.speaker == "Nora Quinn"


@pytest.mark.parametrize("verb", ["reveals", "confesses"])
def test_the_verbs_of_features_and_interviews_report_speech(verb: str) -> None:
    text = f"Headline\n\n“We began to doubt it would work,” Nora Quinn {verb} in an interview."
    assert [q.speaker for q in find_quotes(text, "en")] == ["Nora Quinn"]


def test_what_someone_revealed_is_the_reported_clause() -> None:
    text = "Headline\n\nThe staff also revealed that Nora Quinn will sing the “closing theme.”"
    found = [(q.text, q.speaker) for q in find_quotes(text, "en") if q.kind != "key_sentence"]
    assert found == [("that Nora Quinn will sing the “closing theme.”", "The staff")]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("James Van Der Beek shared the news. Van Der Beek even touched upon the idea of loss "
         "and noted there should be “zero shame” involved.", "Van Der Beek"),
        ("Nora Quinn founded the lab in 1999. Many researchers are jaded. Even Quinn, the "
         "pioneer, has grown cynical. “It is beautiful in theory,” she says.", "Nora Quinn"),
    ],
)  # fmt: skip
def test_even_is_no_part_of_the_name_it_stands_beside(paragraph: str, expected: str) -> None:
    quotes = find_quotes(f"Headline\n\n{paragraph}", "en")
    assert [q.speaker for q in quotes if q.kind != "key_sentence"] == [expected]


def test_according_to_is_a_frame() -> None:
    found = speakers.according_to(" the fund will close, according to the trustees", "en")
    assert found is not None and found.speaker == "the trustees"


def test_an_english_title_is_no_part_of_the_name() -> None:
    text = "Port\n\nAnn Carter, the mayor, opened the pier.\n\n“It was worth the wait,” Ms. Carter said."
    quote = next(q for q in find_quotes(text, "en") if q.kind == "direct")
    assert (quote.text, quote.speaker, quote.role) == (
        "It was worth the wait",
        "Ann Carter",
        "mayor",
    )


def test_a_verb_shaped_adjective_after_a_determiner_is_part_of_the_subject() -> None:
    found = speakers.after(" one disgruntled user posted on Reddit.", "en")
    assert found is not None and found.speaker == "one disgruntled user"


def test_an_adverb_before_the_verb_is_no_part_of_the_subject() -> None:
    assert speakers.subject("Jane Smith already said", "en") == "Jane Smith"


@pytest.mark.parametrize(
    ("after_verb", "speaker"),
    [
        ("Musk of the venture in 2015.", "Musk"),
        ("Justine Gray of content platform, Trending Impact.", "Justine Gray, Trending Impact"),
        ("Webster of Los Alamos.", "Webster of Los Alamos"),
        ("Wee of the Times.", "Wee of the Times"),
        ("the mayor of the city.", "the mayor of the city"),
    ],
)
def test_a_complement_without_a_capital_after_a_name_is_what_the_words_were_about(
    after_verb: str, speaker: str
) -> None:
    assert speakers.noun_phrase(after_verb, "en") == speaker


def test_a_day_after_the_subject_belongs_to_the_verb() -> None:
    assert speakers.subject("Google on Wednesday morning said", "en") == "Google"
    head = "Google on Wednesday morning announced that its program is "
    verb = speakers.last_reporting_verb(head, "en")
    assert verb is not None and speakers.subject_of_verb(head, verb, "en") == "Google"
    # Not a day: the place stays with the noun ("The US Embassy in New Delhi").
    assert speakers.subject("The embassy in Delhi said", "en") == "The embassy in Delhi"


def test_who_said_it_comes_before_the_outlet_that_reported_it() -> None:
    found = speakers.after(", Mr. Rounds said, according to NBC News. “But", "en")
    assert found is not None and found.speaker == "Mr. Rounds"
    found = speakers.after(" when it is engaged, the NHTSA wrote, according to the Post.", "en")
    assert found is not None and found.speaker == "the NHTSA"
    found = speakers.after(", according to NBC News.", "en")
    assert found is not None and found.speaker == "NBC News"


@pytest.mark.parametrize(
    ("clause", "subject"),
    [
        ("Remarkably, the inspector said", "the inspector"),
        ("Nonetheless, Greene doubled down on her accusation Wednesday, writing on X,", "Greene"),
        ("Thus, Giardello is correct when stating that,", "Giardello"),
        ("Instead, Smith said", "Smith"),
    ],
)
def test_a_sentence_adverb_opening_the_clause_is_no_subject(clause: str, subject: str) -> None:
    assert speakers.subject(clause, "en") == subject


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Neither Acme Labs nor the author are paid for these reviews.", "Acme Labs"),
        ("Now Hamas must agree to more pauses, the envoy said.", "Hamas"),
    ],
)
def test_words_opening_a_sentence_are_no_part_of_the_name_after_them(
    sentence: str, name: str
) -> None:
    table = mentions.Mentions(f"Title\n\n{sentence} ", SPEECH)
    assert table.full_name(name.split()[-1]) in (None, name)
    assert all(not p.name.startswith(("Neither", "Now")) for p in table.people)


@pytest.mark.parametrize(
    ("head", "speaker"),
    [
        (
            "Obama has had a frosty relationship with McConnell, now the majority leader, who in "
            "2010 said",
            "McConnell",
        ),
        # The antecedent cannot be read: nobody, not the main clause's subject.
        ("Critics compared his rhetoric and Hitler, who wrote", None),
    ],
)
def test_a_relative_clause_speaks_for_its_antecedent(head: str, speaker: str | None) -> None:
    verb = speakers.last_reporting_verb(head, "en")
    assert verb is not None and speakers.subject_of_verb(head, verb, "en") == speaker
