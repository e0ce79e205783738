"""The lexicon package: one module per language, found by its file name."""

from digest.extract import lexicon


def test_every_language_module_declares_its_own_code() -> None:
    assert {"en", "fr", "de"} <= set(lexicon.languages())
    for code in lexicon.languages():
        assert lexicon.for_language(code).code == code


def test_a_language_without_a_module_gets_an_empty_lexicon() -> None:
    empty = lexicon.for_language("xx")
    assert empty.code == ""
    assert empty.speech == lexicon.Speech()
    assert lexicon.for_language(None) is empty


def test_every_language_lists_each_lexicon_once() -> None:
    codes = [lex.code for lex in lexicon.every_language()]
    assert codes == sorted(set(codes)) == list(lexicon.languages())


def test_a_language_known_only_by_its_time_zone_has_a_module() -> None:
    assert lexicon.for_language("de").names.time_zone == "Europe/Berlin"
    assert lexicon.for_language("pl").names.time_zone == "Europe/Warsaw"
    assert lexicon.for_language("pl").speech == lexicon.Speech()
    assert lexicon.for_language("en").names.time_zone == ""  # written on every continent


def test_a_word_that_case_folding_changes_is_still_found() -> None:
    # "weiß".casefold() is "weiss": the rules compare folded words.
    speech = lexicon.for_language("de").speech
    assert "weiß".casefold() in speech.speech_verbs
    assert "außerdem".casefold() in speech.adverbial_starts
