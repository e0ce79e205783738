"""Quotation finding, speakers and ranking on small English and French articles written for the tests."""

from __future__ import annotations

import random
import re

import pytest

from digest.extract.quotes import CUT, find_quotes
from digest.models import Quote

NBSP = "\u00a0"


def article(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


def by_text(quotes: list[Quote], start: str) -> Quote:
    found = [q for q in quotes if q.text.startswith(start)]
    assert found, f"no candidate starts with {start!r}: {[q.text for q in quotes]}"
    return found[0]


def assert_no_speaker(text: str, language: str) -> None:
    quotes = find_quotes(text, language)
    assert [q.speaker for q in quotes if q.speaker] == [], [(q.text, q.speaker) for q in quotes]


def assert_verbatim(quotes: list[Quote], text: str) -> None:
    """Every candidate is article text, piece by piece where a reporting clause was cut out."""
    for q in quotes:
        position = 0
        for piece in q.text.split(CUT):
            found = text.find(piece, position)
            assert found >= 0, piece
            position = found + len(piece)


# English ---------------------------------------------------------------------------------------

EN_SAID = article(
    "Council approves the river park",
    "The council voted on Tuesday to turn the old docks into a public park.",
    "“We have waited twenty years for this and I am proud that the city finally listened to its"
    " residents,” said Maria Lopez, the head of the residents’ association.",
)


def test_curly_quotation_with_said_after_names_the_speaker_and_role() -> None:
    quotes = find_quotes(EN_SAID, "en")
    q = by_text(quotes, "We have waited")
    # The comma inside the closing mark is no part of the printed quote.
    assert q.text.endswith("listened to its residents")
    assert q.speaker == "Maria Lopez"
    assert q.role == "head of the residents’ association"
    assert q.kind == "direct"


def test_speaker_before_with_colon() -> None:
    text = article(
        "Budget talks",
        "The mayor spoke to reporters after the vote.",
        "Ann Carter said: “The budget is balanced and nobody will lose their job this year.”",
    )
    q = by_text(find_quotes(text, "en"), "The budget is balanced")
    assert q.speaker == "Ann Carter"


def test_according_to() -> None:
    text = article(
        "Storm",
        "“The roads will stay closed until the water has gone down,” according to the county"
        " sheriff.",
    )
    q = by_text(find_quotes(text, "en"), "The roads will stay closed")
    assert q.speaker == "the county sheriff"


def test_name_role_says_keeps_the_role() -> None:
    text = article(
        "Oil",
        "Willem van Rijn, Greenpeace COO, says: “The tanker should never have left port in that"
        " state.”",
    )
    q = by_text(find_quotes(text, "en"), "The tanker should")
    assert (q.speaker, q.role) == ("Willem van Rijn", "Greenpeace COO")


def test_subject_then_verb_after_the_quote() -> None:
    text = article(
        "Vote",
        '"We will appeal this decision in every court that will hear us," Sen. John Miller'
        " (R-Ohio) said Friday.",
    )
    q = by_text(find_quotes(text, "en"), "We will appeal")
    assert q.speaker == "John Miller"


def test_nested_single_quotes_stay_inside() -> None:
    text = article(
        "Debate",
        "“He told me ‘never again’ and then he did it again the very next week,” said Paul Ng.",
    )
    q = by_text(find_quotes(text, "en"), "He told me")
    assert "‘never again’" in q.text
    assert q.speaker == "Paul Ng"


def test_interrupted_quotation_is_joined_with_an_ellipsis() -> None:
    text = article(
        "Health",
        "“This is the biggest change to the clinic in a decade,” said Dr. Helen Park. “Patients"
        " will be seen within a week instead of a month.”",
    )
    quotes = find_quotes(text, "en")
    q = by_text(quotes, "This is the biggest")
    assert q.text == (
        "This is the biggest change to the clinic in a decade […] Patients will be seen within a"
        " week instead of a month."
    )
    assert q.speaker == "Helen Park"
    assert len([x for x in quotes if x.kind == "direct"]) == 1
    assert_verbatim(quotes, text)


def test_quotation_continued_mid_sentence_is_joined() -> None:
    text = article("Budget", "“We are going,” he said, “to vote against this budget in March.”")
    quotes = [q for q in find_quotes(text, "en") if q.kind == "direct"]
    assert [q.text for q in quotes] == ["We are going […] to vote against this budget in March."]


def test_a_new_question_after_an_attribution_is_a_new_quotation() -> None:
    text = article(
        "Song",
        "“Promise you will keep your hands in sight,” Blige sings to Clinton before asking her,"
        " “Where do we go from here?”",
    )
    quotes = [q for q in find_quotes(text, "en") if q.kind == "direct"]
    assert len(quotes) == 2
    assert by_text(quotes, "Promise you").speaker == "Blige"


def test_a_quoted_sentence_inside_a_sentence_is_a_quotation() -> None:
    text = article("Ad", "The ad shows the senator asking, “Why are we not fifty points ahead?”")
    q = by_text(find_quotes(text, "en"), "Why are we not")
    assert q.text == "Why are we not fifty points ahead?"


def test_a_participle_shares_the_previous_attribution() -> None:
    text = article(
        "Terror",
        '"We do not see a link to terrorism," the mayor said, adding that it would take'
        ' "more hours" before details emerge.',
    )
    q = by_text(find_quotes(text, "en"), "that it would take")
    assert q.speaker == "the mayor"
    assert q.text == 'that it would take "more hours" before details emerge'


def test_quotation_over_several_paragraphs_keeps_its_speaker() -> None:
    text = article(
        "Harbour",
        "The harbour master, Tom Reed, explained the plan in a statement:",
        "“We will dredge the channel in the spring so that larger boats can dock safely.",
        "“After that we will rebuild the north pier, which was damaged in the winter storms.”",
    )
    quotes = find_quotes(text, "en")
    first = by_text(quotes, "We will dredge")
    second = by_text(quotes, "After that we will")
    assert (
        first.text
        == "We will dredge the channel in the spring so that larger boats can dock safely."
    )
    assert first.speaker == second.speaker
    assert first.speaker is not None and "Tom Reed" in first.speaker
    assert_verbatim(quotes, text)


def test_follow_up_quotation_inherits_the_previous_speaker() -> None:
    text = article(
        "Schools",
        "“Every child deserves a hot meal at lunch,” said Linda Brown.",
        "“We found the money by cutting consultants, not teachers.”",
    )
    quotes = find_quotes(text, "en")
    q = by_text(quotes, "We found the money")
    assert q.speaker == "Linda Brown"
    # The attribution's words are those of the quotation that has one.
    assert (by_text(quotes, "Every child").mention, q.mention) == ("Linda Brown", None)


@pytest.mark.parametrize(
    ("language", "paragraphs", "speaker"),
    [
        ("de", ("„Die Grenze bleibt zu, das ist sinnvoll“, sagt der junge Polizist.",
                "In Wirklichkeit ist das Département nicht der Herd der Epidemie.",
                "Eine Frau kommt über die Brücke. Sie findet das zwar ungewohnt, aber"
                " nachvollziehbar: „Es gehen immer noch zu viele Franzosen zum Einkaufen.“"),
         None),
        ("en", ("“We will keep the border shut, it makes sense,” said the young officer.",
                "The region is not the centre of the epidemic.",
                "A woman crosses the bridge. She finds it odd but understandable: “Too many"
                " people still go shopping across the border.”"), None),
        ("fr", ("« La frontière reste fermée, c’est logique », dit le jeune policier.",
                "La région n’est pas le foyer de l’épidémie.",
                "Une femme traverse le pont. Elle trouve cela étrange mais compréhensible :"
                " « Trop de gens vont encore faire leurs courses de l’autre côté. »"), None),
        # The previous speaker presenting her own words goes on.
        ("en", ("“We will keep the border shut, it makes sense,” said Maria Lopez, the mayor.",
                "The region is not the centre of the epidemic.",
                "Lopez crossed the bridge. She is sure: “Too many people still go shopping across"
                " the border.”"), "Maria Lopez"),
        ("de", ("„Wir sind bereit für das Rennen“, sagte Peter Sagan am Montag.",
                "Der Slowake fährt seit Jahren vorne mit.",
                "Er ist sich sicher: „Morgen gewinnen wir das Rennen.“"), "Peter Sagan"),
    ],
)  # fmt: skip
def test_a_quotation_someone_else_presents_with_a_colon_is_no_follow_up(
    language: str, paragraphs: tuple[str, ...], speaker: str | None
) -> None:
    # "Sie findet das …: „…“": the woman the sentence is about presents the words; they are not
    # the officer's going on, though nobody can be named for them.
    quotes = find_quotes(article("Title", *paragraphs), language)
    (last,) = [q for q in quotes if q.text in paragraphs[-1]]
    assert last.speaker == speaker


def test_a_new_sentence_after_a_closed_quotation_is_not_its_attribution() -> None:
    # "She" is the speaker, not "Her department"; she is the person named just before.
    text = article(
        "Sensors",
        "Devika Rao put it bluntly. She said: “The sensors that survived are the ones somebody"
        " needed.” Her department now reviews every data feed once a year.",
    )
    q = by_text(find_quotes(text, "en"), "The sensors")
    assert q.speaker == "Devika Rao"


@pytest.mark.parametrize(
    ("text", "start", "speaker"),
    [
        ("The novelist Jo Walton explained it to me. “You only ever see the tenth of the iceberg"
         " that is out of the water,” she said.", "You only ever see", "Jo Walton"),
        ("The council said that it was time to move on. “We will build the park next year and"
         " open it in the spring,” said Maria Lopez.", "We will build", "Maria Lopez"),
    ],
)  # fmt: skip
def test_a_word_that_is_a_title_elsewhere_ends_the_sentence(
    text: str, start: str, speaker: str
) -> None:
    # "me" and "on" are titles in French and Italian ("Me Dupont", "On. Rossi"), written so,
    # capitalised; in lower case they end a sentence like any word, and no narration runs into
    # the quotation after them.
    q = by_text(find_quotes(text, "en"), start)
    assert q.speaker == speaker


def test_the_mention_leaves_out_the_clause_it_ran_on_into() -> None:
    text = article(
        "Council",
        "Ann Lee, the mayor’s spokeswoman, spoke on Sunday.",
        "Lee said she expects the council “to keep calling out every broken promise to the"
        " estates.”",
        "Tom Reed has not answered since the debate. That’s when he pointed to reports that the"
        " council was “a den of thieves” and “a waste of space” in the view of its critics.",
    )
    quotes = find_quotes(text, "en")
    assert by_text(quotes, "the council “to keep").mention == "Lee"  # not "Lee said she"
    assert by_text(quotes, "that the council").mention == "he"  # not "he pointed to"


def test_a_fragment_whose_pronoun_stands_for_nobody_sure_is_still_a_quotation() -> None:
    # Two women named: "She" is left unresolved, but the sentence does attribute the words.
    text = article(
        "Rally",
        "Ann Lee and Mary Park spoke at the rally on Sunday.",
        "She said Trump favors a “strongman approach.”",
    )
    q = by_text(find_quotes(text, "en"), "Trump favors")
    assert (q.speaker, q.mention) == (None, "She")


def test_the_verb_right_before_the_quotation_names_the_speaker() -> None:
    text = article(
        "Taxes",
        "When Clinton noted that he had paid nothing ― as was true for years ― Trump boasted,"
        " “That makes me smart and everybody knows it.”",
    )
    q = by_text(find_quotes(text, "en"), "That makes me smart")
    assert q.speaker == "Trump"


def test_english_pronoun_is_the_person_named_before() -> None:
    text = article(
        "Rally",
        "Jane Doe spoke for an hour.",
        "“We are going to win this state and then we are going to win the country,” she said.",
    )
    q = by_text(find_quotes(text, "en"), "We are going to win")
    assert q.speaker == "Jane Doe"


def test_dash_signature() -> None:
    text = article(
        "Readers",
        "“I have voted in every election since 1970 and I have never seen anything like it.”"
        " ― Mary Smith",
    )
    q = by_text(find_quotes(text, "en"), "I have voted")
    assert q.speaker == "Mary Smith"


def test_quoted_fragment_becomes_the_reported_clause() -> None:
    text = article(
        "Trade",
        "Clinton said Trump favors a “strongman approach” to trade.",
    )
    quotes = find_quotes(text, "en")
    q = by_text(quotes, "Trump favors")
    assert q.text == "Trump favors a “strongman approach” to trade"
    assert q.speaker == "Clinton"
    assert_verbatim(quotes, text)


def test_fragment_without_reporting_verb_gives_its_sentence_with_the_subject() -> None:
    text = article(
        "Tweets",
        "Trump encouraged Americans to “check out” her old videos.",
        "“This is the last thing voters need to hear about,” said Ann Carter.",
    )
    quotes = find_quotes(text, "en")
    q = by_text(quotes, "Trump encouraged")
    assert q.text == "Trump encouraged Americans to “check out” her old videos"
    assert q.speaker == "Trump"
    assert quotes[-1] == q  # a fragment ranks after a whole attributed quotation


def test_the_outer_reporting_verb_owns_a_nested_report() -> None:
    text = article(
        "Trade",
        "Trump said at a rally in Michigan that Clinton once described the deal as “the gold"
        " standard” of trade deals.",
    )
    q = by_text(find_quotes(text, "en"), "that Clinton once described")
    assert q.speaker == "Trump"


def test_scare_quotes_are_not_candidates() -> None:
    text = article(
        "Film",
        "The so-called “dream team” arrived late. The article is about the city budget and the"
        " way the council spends money on roads, parks and schools in the northern districts.",
    )
    assert all(q.kind == "key_sentence" for q in find_quotes(text, "en"))


def test_ranking_puts_a_named_well_sized_opinion_first() -> None:
    text = article(
        "Ranking",
        "Officials described the plan as “ambitious” in a statement.",
        "“Yes,” he said.",
        "“I think this bridge will change how people in both towns live, work and meet each other,”"
        " said Omar Haddad, the project engineer.",
    )
    quotes = find_quotes(text, "en")
    assert quotes[0].text.startswith("I think this bridge")
    assert (quotes[0].speaker, quotes[0].role) == ("Omar Haddad", "project engineer")
    assert [q.score for q in quotes] == sorted((q.score for q in quotes), reverse=True)


def test_key_sentences_when_there_is_no_quotation() -> None:
    text = article(
        "Bridge reopens",
        "The bridge over the river reopened on Monday after eighteen months of repairs that cost"
        " the county more than four million dollars. Traffic was light.",
    )
    quotes = find_quotes(text, "en")
    assert [q.kind for q in quotes] == ["key_sentence"]
    assert quotes[0].text.startswith("The bridge over the river reopened")
    assert_verbatim(quotes, text)


def test_blockquotes_are_candidates_but_embedded_posts_are_not() -> None:
    text = article("Poem", "The poet read a new poem at the festival.")
    blocks = [
        "The sea keeps what the land forgets, and the land forgets everything.\n— Ana Ruiz",
        "Great night at the festival! pic.twitter.com/abc — Fan (@fan) May 1, 2026",
    ]
    quotes = find_quotes(text, "en", blocks)
    assert [(q.kind, q.text, q.speaker, q.mention) for q in quotes if q.kind == "blockquote"] == [
        (
            "blockquote",
            "The sea keeps what the land forgets, and the land forgets everything.",
            "Ana Ruiz",
            "Ana Ruiz",
        )
    ]


# French ----------------------------------------------------------------------------------------

FR_EXPLIQUE = article(
    "La pêche reprend",
    f"«{NBSP}Nous avons enfin retrouvé des bancs de poissons en bonne santé{NBSP}», explique"
    " Marie Dupont, pêcheuse à Lorient.",
)


def test_guillemets_with_no_break_spaces_and_explique() -> None:
    quotes = find_quotes(FR_EXPLIQUE, "fr")
    q = by_text(quotes, "Nous avons enfin")
    assert q.text == "Nous avons enfin retrouvé des bancs de poissons en bonne santé"
    assert (q.speaker, q.role) == ("Marie Dupont", "pêcheuse à Lorient")
    assert_verbatim(quotes, FR_EXPLIQUE)


def test_selon() -> None:
    text = article(
        "Budget",
        f"«{NBSP}La dette ne baissera pas avant 2030 et il faudra faire des choix{NBSP}», selon"
        " Paul Martin.",
    )
    q = by_text(find_quotes(text, "fr"), "La dette")
    assert q.speaker == "Paul Martin"


def test_speaker_colon_guillemets() -> None:
    text = article(
        "Santé",
        f"Claire Petit{NBSP}: «{NBSP}Il faut dormir davantage, surtout pendant l’hiver.{NBSP}»",
    )
    q = by_text(find_quotes(text, "fr"), "Il faut dormir")
    assert q.speaker == "Claire Petit"


def test_speaker_inside_the_quotation() -> None:
    text = article(
        "Tempête",
        f"«{NBSP}Nous avons perdu trois mètres de plage, a réagi Jean Morel. Il faudra des années"
        f" pour la reconstruire.{NBSP}»",
    )
    q = by_text(find_quotes(text, "fr"), "Nous avons perdu")
    assert q.speaker == "Jean Morel"
    assert q.text.endswith("pour la reconstruire.")


def test_inverted_pronoun_resolved_to_the_last_named_person() -> None:
    text = article(
        "Élections",
        "Le maire, Antoine Leroy, a présenté son bilan jeudi.",
        f"«{NBSP}Nous avons tenu toutes nos promesses sur les écoles{NBSP}», a-t-il ajouté.",
    )
    q = by_text(find_quotes(text, "fr"), "Nous avons tenu")
    assert q.speaker == "Antoine Leroy"


def test_estime_t_elle_resolved() -> None:
    text = article(
        "Recherche",
        "Sophie Bernard dirige le laboratoire depuis 2019.",
        f"«{NBSP}Les résultats sont encourageants mais il faut rester prudent{NBSP}», estime-t-elle.",
    )
    q = by_text(find_quotes(text, "fr"), "Les résultats")
    assert q.speaker == "Sophie Bernard"


def test_pronoun_continues_the_previous_speaker_when_nobody_new_is_named() -> None:
    text = article(
        "Tribunal",
        f"«{NBSP}Le dossier est vide{NBSP}», plaide Maître Claire Vidal. Le tribunal se retire"
        " pour délibérer pendant une heure.",
        f"«{NBSP}Mon client n’a rien à se reprocher{NBSP}», insiste-t-elle.",
    )
    q = by_text(find_quotes(text, "fr"), "Mon client")
    assert q.speaker == "Claire Vidal"
    assert q.mention == "elle"  # the attribution's own words, before resolution


def test_pronoun_goes_to_a_person_named_since_the_previous_quotation() -> None:
    text = article(
        "Pêche",
        f"«{NBSP}Les quotas sont trop bas{NBSP}», affirme Marc Olivier.",
        "Le capitaine Jean Le Goff a d’abord refusé les restrictions.",
        f"«{NBSP}Aujourd’hui nous les soutenons{NBSP}», déclare-t-il.",
    )
    q = by_text(find_quotes(text, "fr"), "Aujourd’hui nous")
    assert q.speaker == "Jean Le Goff"


def test_c_est_ainsi_qu_il_a_qualifie() -> None:
    text = article(
        "Crise",
        "Le Premier ministre Karel Novák s’est exprimé vendredi.",
        f"«{NBSP}Un choc{NBSP}», c’est ainsi qu’il a qualifié les révélations.",
    )
    q = by_text(find_quotes(text, "fr"), "Un choc")
    assert q.speaker == "Karel Novák"


def test_a_paraphrase_attributed_with_selon_names_the_next_quotation() -> None:
    text = article(
        "Transports",
        "Selon Patricia Nguyen, économiste, l’expérience sera suivie de près. «\u00a0Les effets"
        " de la gratuité ciblée sont mal connus.\u00a0»",
    )
    q = by_text(find_quotes(text, "fr"), "Les effets")
    assert (q.speaker, q.role) == ("Patricia Nguyen", "économiste")


def test_french_follow_up_inherits_the_speaker() -> None:
    text = article(
        "Port",
        f"«{NBSP}Le port doit être agrandi avant 2030{NBSP}», affirme Luc Girard.",
        f"«{NBSP}Sans cela, les navires iront ailleurs.{NBSP}»",
    )
    q = by_text(find_quotes(text, "fr"), "Sans cela")
    assert q.speaker == "Luc Girard"


def test_french_fragments_stay_one_per_guillemets() -> None:
    text = article(
        "Procès",
        f"Pour l’avocate Anne Roux, le prévenu est un «{NBSP}vecteur de haine{NBSP}» et un"
        f" «{NBSP}empoisonneur public{NBSP}».",
    )
    quotes = find_quotes(text, "fr")
    assert {q.text for q in quotes if q.kind == "direct"} == {
        "vecteur de haine",
        "empoisonneur public",
    }
    assert all(
        (q.speaker, q.role) == ("Anne Roux", "avocate") for q in quotes if q.kind == "direct"
    )


def test_unattributed_titles_and_labels_are_not_candidates() -> None:
    text = article(
        "Livres",
        f"Elle a relu cet été «{NBSP}En Corée, la politique du rayon de soleil{NBSP}» et le"
        f" bouton «{NBSP}OK TOUT ACCEPTER{NBSP}» ne l’arrête pas.",
    )
    assert [q for q in find_quotes(text, "fr") if q.kind == "direct"] == []


def test_low_opening_quotation_marks() -> None:
    text = article(
        "Verkehr", "„Wir brauchen mehr Busse und weniger Staus in der Stadt“, sagte Anna Weber."
    )
    quotes = find_quotes(text, "de")
    assert [q.text for q in quotes if q.kind == "direct"] == [
        "Wir brauchen mehr Busse und weniger Staus in der Stadt"
    ]


@pytest.mark.parametrize("language", ["en", "fr", None])
def test_every_candidate_is_verbatim(language: str | None) -> None:
    text = EN_SAID + "\n\n" + FR_EXPLIQUE
    quotes = find_quotes(text, language)
    assert quotes
    assert_verbatim(quotes, text)
    assert all(0.0 <= q.score <= 1.0 for q in quotes)


def test_no_text_no_quotes() -> None:
    assert find_quotes("", "en") == []
    assert find_quotes("\n\n", None) == []


def test_unbalanced_marks_do_not_break_the_finder() -> None:
    text = article("Odd", 'He wrote “half a quote and then « another » and a stray ” mark " here.')
    quotes = find_quotes(text, "en")
    assert_verbatim(quotes, text)
    assert not any(re.search(r"\s$", q.text) for q in quotes)


def test_mark_soup_never_breaks_the_finder_and_stays_verbatim() -> None:
    pieces = [*"abc ABC,.;:!?", "“", "”", "«", "»", '"', "‘", "’", "\n", "\n\n", NBSP, " said ",
              " dit ", " a-t-il ajouté", " selon ", " Jean Dupont", "—", "(", ")", "…", ". "]  # fmt: skip
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 200)))
        for language in ("en", "fr", None):
            assert_verbatim(find_quotes(text, language), text)


# Quote edges -----------------------------------------------------------------------------------


def test_a_french_incise_is_cut_out_of_the_quotation() -> None:
    text = article(
        "Port",
        f"«{NBSP}Nous attendons une réponse, a-t-il précisé, avant la fin de la semaine.{NBSP}»",
    )
    quotes = [q for q in find_quotes(text, "fr") if q.kind == "direct"]
    assert [q.text for q in quotes] == [
        f"Nous attendons une réponse{CUT}avant la fin de la semaine."
    ]
    assert_verbatim(quotes, text)


def test_a_german_quotation_interrupted_mid_sentence_is_joined() -> None:
    text = article("Bau", "„Wir bauen“, sagte Lena Vogt, „noch in diesem Jahr.“")
    quotes = [q for q in find_quotes(text, "de") if q.kind == "direct"]
    assert [(q.text, q.speaker) for q in quotes] == [
        (f"Wir bauen{CUT}noch in diesem Jahr.", "Lena Vogt")
    ]


def test_two_german_sentences_around_their_attribution_stay_two_quotations() -> None:
    text = article("Bau", "„Wir bauen bald.“, sagt Lena Vogt. „Das Geld ist da.“")
    quotes = [q for q in find_quotes(text, "de") if q.kind == "direct"]
    assert sorted((q.text, q.speaker) for q in quotes) == [
        ("Das Geld ist da.", "Lena Vogt"),
        ("Wir bauen bald.", "Lena Vogt"),
    ]


def test_a_comma_before_the_closing_mark_is_not_printed() -> None:
    text = article("Pier", '"The pier is finally open to everyone," said Ann Carter.')
    quotes = [q for q in find_quotes(text, "en") if q.kind == "direct"]
    assert [q.text for q in quotes] == ["The pier is finally open to everyone"]


def test_a_title_with_its_ministry_takes_up_the_person_who_just_spoke() -> None:
    text = article(
        "Démission",
        f"Karel Novák a d’abord hésité. «{NBSP}Je reste{NBSP}», a affirmé Karel Novák.",
        f"«{NBSP}Je n’ai enfreint aucune règle{NBSP}», a déclaré le ministre de la Santé.",
        f"«{NBSP}Les routes restent fermées{NBSP}», indique la préfecture de la Manche.",
    )
    quotes = {q.text: (q.speaker, q.role) for q in find_quotes(text, "fr") if q.kind == "direct"}
    assert quotes == {
        "Je reste": ("Karel Novák", None),
        "Je n’ai enfreint aucune règle": ("Karel Novák", "ministre de la Santé"),
        # An institution is no take-up of the person before: it names itself.
        "Les routes restent fermées": ("la préfecture de la Manche", None),
    }


def test_a_transcript_turn_is_its_speaker_s_and_an_unknown_one_is_nobody_s() -> None:
    text = (
        "Debate night\n\n"
        "On Sunday's broadcast, Governor Dana Holt said the debate would go ahead.\n\n"
        "Partial transcript as follows:\n\n"
        '"HOST: Let’s start with the news. Is the invitation of “the front row” a stunt?\n\n'
        '"HOLT: Well, look, they think this is an episode of “The Apprentice” and it is not.\n\n'
        '"HOST: Do you really see those two as “equivalent” in any way at all?'
    )
    found = [(q.text[:5], q.speaker) for q in find_quotes(text, "en")]
    assert sorted(start for start, _ in found) == ["HOLT:", "HOST:", "HOST:"]
    for start, speaker in found:
        # The host is never named in full: no name, and not the governor's either.
        assert (speaker is not None and "Dana Holt" in speaker) == (start == "HOLT:")


def test_a_fragment_the_writers_sentence_goes_on_from_takes_no_speaker_from_it() -> None:
    text = article(
        "Headline",
        "Despite the October announcement that the United States and China had reached a "
        "“historic” Phase 1 trade agreement, actually signing a deal has proved elusive.",
    )
    assert all(q.speaker is None for q in find_quotes(text, "en"))


@pytest.mark.parametrize(
    ("language", "paragraphs", "words", "speaker"),
    [
        (
            "de",
            (
                "„Wir haben Aufträge verschoben“, sagt Matthias Frankenstein, der Chef der Firma.",
                "„Es darf sich nicht die ganze Herde infizieren“",
                "In der Backstube von Karsten Berning gilt das Abstandsgebot. „Es darf sich nicht "
                "die ganze Herde infizieren“, sagt Berning.",
            ),
            "Es darf sich nicht",
            "Karsten Berning",
        ),
        (
            "en",
            (
                "“We will open on Monday,” said Maria Lopez, the owner of the bakery.",
                "“Nobody should have to choose”",
                "Across the street, Tom Baker keeps his shop closed. “Nobody should have to "
                "choose,” Baker said.",
            ),
            "Nobody should have to choose",
            "Tom Baker",
        ),
    ],
)
def test_a_heading_repeating_a_quotation_is_credited_to_who_says_it_further_on(
    language: str, paragraphs: tuple[str, ...], words: str, speaker: str
) -> None:
    quotes = find_quotes(article(*paragraphs), language)
    assert by_text(quotes, words).speaker == speaker
    assert [q.text for q in quotes].count(by_text(quotes, words).text) == 1


@pytest.mark.parametrize(
    "attribution",
    [
        "Dann sagte sie:",
        "Im Gespräch mit der Zeitung erzählte sie,",
        "Auf die Frage nach dem Geld antwortete sie knapp:",
    ],
)
def test_a_pronoun_after_the_reporting_verb_is_its_subject_not_what_stands_before(
    attribution: str,
) -> None:
    text = article(
        "Die Museumsdirektorin Anna Schmidt hat ein schweres Jahr hinter sich. „Die Besucher "
        "blieben einfach aus“, sagt Schmidt.",
        f"{attribution} „Wir werden das Museum im Frühjahr wieder öffnen, ganz sicher.“",
    )
    quote = by_text(find_quotes(text, "de"), "Wir werden")
    assert (quote.speaker, quote.mention) == ("Anna Schmidt", "sie")


@pytest.mark.parametrize(
    ("language", "text", "start"),
    [
        ("fr", "Titre\n\n« Il sait y faire », a dit Paul Leroy.\n\nVenu du RPR, fondé par "
               "Jacques Morel, il avait montré son « rapport de force très dur » par le passé.",
         "rapport de force"),
        ("es", "Título\n\n“Tenemos que avanzar”, dijo Sergio Fajardo.\n\nPara Ingrid Betancourt "
               "la solución está en la voluntad política “para darles protección cuando están "
               "amenazados”.", "para darles"),
    ],
)  # fmt: skip
def test_a_fragment_in_a_sentence_about_someone_else_does_not_go_on_with_the_speaker(
    language: str, text: str, start: str
) -> None:
    found = [q for q in find_quotes(text, language) if q.text.startswith(start)]
    assert len(found) == 1
    assert found[0].speaker is None


@pytest.mark.parametrize(
    ("language", "text", "start", "expected"),
    [
        # An attribution we cannot read is someone's, not the previous speaker's going on.
        ("fr", "Titre\n\n« Le risque est infime », explique Paul Leroy.\n\n« Aucune certitude "
               "ne doit servir de prétexte », dit en substance le texte.", "Aucune", None),
        # A verb alone goes on with the speaker where the language drops its pronouns.
        ("es", "Título\n\n“Es una tragedia”, dijo Dmitri Muratov.\n\n“No terminará pronto”, "
               "comentó.", "No terminará", "Dmitri Muratov"),
        # The unread words name the speaker: the speaker goes on.
        ("de", "Titel\n\n„Das ist ernüchternd“, sagte Alexander von Preen.\n\n„Und jetzt "
               "bleibt das Tempo hoch“, berichtete von Preen.", "Und jetzt", "Alexander von Preen"),
        # Adverbs between the verb and its subject.
        ("de", "Titel\n\n„Das ist ernüchternd“, sagte Oleg Aseev.\n\n„Unser Gerät ist "
               "interessant“, erklärte damals Morten Hundt.", "Unser Gerät", "Morten Hundt"),
    ],
)  # fmt: skip
def test_an_attribution_after_the_quotation_that_cannot_be_read_names_nobody(
    language: str, text: str, start: str, expected: str | None
) -> None:
    found = [q for q in find_quotes(text, language) if q.text.startswith(start)]
    assert len(found) == 1
    assert found[0].speaker == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # a title after a determiner or a noun: its author follows "von"
        "Mit 14 habe ich den „Steppenwolf“ von Hermann Hesse verschlungen.",
        "Das zeigt die Arbeit „Der schiefe Wurf der Münze“ von Paula Brandt und Otto Wegner.",
        # no verb after the agent: the maker of a work, not a passive
        "Er spielte im Musikvideo zu „Ich liebe dich nicht“ von Kapelle Nord mit.",
    ],
)
def test_von_after_a_quoted_title_names_its_author_not_a_speaker(sentence: str) -> None:
    text = article("Ein Abend mit Büchern", sentence, "„Ich lese jeden Abend zwei Stunden lang.“")
    quotes = find_quotes(text, "de")
    assert all(q.speaker is None for q in quotes), [(q.text, q.speaker) for q in quotes]


def test_von_with_a_participle_after_it_is_a_passive_agent() -> None:
    text = article(
        "Streit im Rat",
        "Der Plan wurde als „völlig überzogene Geldverschwendung“ von Anna Berger bezeichnet.",
    )
    quote = by_text(find_quotes(text, "de"), "völlig")
    assert quote.speaker == "Anna Berger"


def test_a_month_opening_a_sentence_is_no_speaker() -> None:
    text = article(
        "Die Wagen der Wehr",
        "Für den September 1935 ist die Lieferung eines „Sanitäts- und Rettungswagens“ mit "
        "45 PS bei der Wehr in Zeuthen nachgewiesen.",
        "Im Juni erklärten Demonstranten in Masaya die Stadt zum „diktaturfreien Gebiet“ und "
        "errichteten Sperren.",
    )
    assert_no_speaker(text, "de")


@pytest.mark.parametrize("adverb", ["Freilich", "Bisher", "Darüber hinaus", "Zwar", "Ab 1999"])
def test_a_sentence_adverb_before_the_verb_is_no_speaker(adverb: str) -> None:
    text = article(
        "Ein Besuch in Prag",
        f"{adverb} sagt man dazu „böhmischer Fußball und tschechisches Bier“ in der Stadt.",
    )
    assert_no_speaker(text, "de")


def test_the_day_of_a_date_ends_no_sentence() -> None:
    text = article(
        "Mieter in Chicago",
        "Antonio Gutierrez organisiert den Streik. „Wir lassen niemanden allein“, sagt Gutierrez.",
        "Am 1. Mai sagte Gutierrez: „Wir werden jeden unterstützen, der nicht zahlen kann.“",
    )
    quote = by_text(find_quotes(text, "de"), "Wir werden")
    assert quote.speaker == "Antonio Gutierrez"


@pytest.mark.parametrize(
    "paragraph",
    [
        # A determiner standing alone before its verb is a pronoun.
        "The lawyers filed the suit on Thursday. That included “non-public information” related "
        "to the business of the company.",
        "Another pointed out that the photos are just a reminder that a “good marriage” can fade.",
        # The reader, addressed as "you".
        "Or you might do neither, and send her something along with a heartfelt card: “Merry "
        "Christmas! We love you and are thinking of you! We’ll FaceTime you later!”",
        "Plus, my take on the questions “When should I use AI?” and maybe even “Why do some "
        "people hate AI so much?” You can read it here.",
        # "Here" and "there" open an adverbial or stand as a dummy subject.
        "Here is her story: “Two months after the onset of the symptoms, I was unable to walk.”",
        "There are also talented boxers on this card, like Daniel Dubois, who meets Jarrell "
        "“Big Baby” Miller.",
    ],
)
def test_a_grammar_word_opening_the_sentence_is_no_speaker(paragraph: str) -> None:
    assert_no_speaker(article("A headline", paragraph), "en")


def test_an_adverb_opening_the_sentence_is_no_speaker() -> None:
    # Nor part of the subject after it.
    text = article(
        "Games and apps",
        "Broadly speaking it’s not unfair to call this “Civ in Space,” although it is more.",
        "Early on, Co-Star achieved its style by having writers train “AI Pets,” its models.",
    )
    quotes = find_quotes(text, "en")
    assert by_text(quotes, "it’s not unfair").speaker is None
    assert by_text(quotes, "Early on").speaker == "Co-Star"


def test_an_impersonal_subject_after_the_verb_leaves_the_words_before_it_no_speaker() -> None:
    # "findet man": the subject is "man", after the verb; "Infos hierzu" is its object.
    text = article(
        "Schnee auf dem Dach",
        "Arbeiten auf dem Dach sollten nur vom Fachmann durchgeführt werden. Infos hierzu findet "
        "man im Artikel „Es ist schon mal ein Meister vom Himmel gefallen“ auf der Seite des "
        "Vereins.",
    )
    assert_no_speaker(text, "de")


def test_an_ordinal_ends_no_sentence() -> None:
    # "Zum 60. Jahrestag …": the words after the ordinal are no subject of a sentence of their own.
    text = article(
        "Gedenken",
        "Am 27. Januar 1945 wurde das Lager befreit. Zum 60. Jahrestag der Befreiung erklärte die "
        "Vollversammlung der Vereinten Nationen den Tag zum Gedenktag („International Holocaust "
        "Remembrance Day“).",
    )
    quotes = find_quotes(text, "de")
    assert [q.speaker for q in quotes if q.speaker] == [], [(q.text, q.speaker) for q in quotes]
    assert [q.text[:20] for q in quotes if q.kind == "key_sentence"] == ["Zum 60. Jahrestag de"]


def test_a_capitalised_quotation_after_a_noun_names_a_thing_not_the_previous_speakers_words() -> (
    None
):
    text = article(
        "Hilfe vor der Flut",
        "„Wir rechnen mit immer mehr Einsätzen nach Stürmen und Dürren“, sagt Christian Reuter.",
        "Zudem betreibt das Rote Kreuz den „Anticipation Hub Europe“, eine Plattform für frühe "
        "Hilfe.",
    )
    quotes = find_quotes(text, "de")
    assert all(q.speaker is None for q in quotes if q.text.startswith("Anticipation")), [
        (q.text, q.speaker) for q in quotes
    ]


KLIMA = article(
    "Die Klimakonferenz",
    "„Das Ergebnis ist eine Enttäuschung für alle Inselstaaten“, sagte Anna Berger.",
    "Der neue Fonds sei „vor allem symbolisch“, auch wenn die Länder ihn gewollt hätten.",
    "Die Staaten haben die Frage der „fossilen Energien“ erneut vertagt. {last}",
)


def test_a_scare_quote_in_the_writers_narration_does_not_go_on_with_the_speaker() -> None:
    # The fragment in reported speech takes up Berger; the next one, in the writer's indicative
    # narration, is a scare quote that takes up nobody.
    quotes = find_quotes(KLIMA.format(last=""), "de")
    assert by_text(quotes, "vor allem").speaker == "Anna Berger"
    assert all(q.speaker is None for q in quotes if q.text.startswith("fossilen")), [
        (q.text, q.speaker) for q in quotes
    ]


def test_a_fragment_in_reported_speech_goes_on_with_the_speaker() -> None:
    text = KLIMA.format(
        last="Die Förderung von Gas sei „ein schwerer Fehler der Industriestaaten“."
    )
    assert by_text(find_quotes(text, "de"), "ein schwerer").speaker == "Anna Berger"


def test_a_role_with_an_umlaut_before_a_name_with_a_particle_is_the_role() -> None:
    text = article(
        "Handel in Not",
        "„Wir rechnen mit vielen Schließungen“, sagte HDE-Präsident Alexander von Preen am "
        "Montag. „Die Lage bleibt angespannt“, sagte von Preen.",
    )
    quote = by_text(find_quotes(text, "de"), "Wir rechnen")
    assert (quote.speaker, quote.role) == ("Alexander von Preen", "HDE-Präsident")


def test_a_role_before_a_titled_name_makes_it_a_name() -> None:
    text = article(
        "Geier im Nationalpark",
        "„Die Tiere sind wohlauf und fliegen täglich weiter“, sagt Nationalparkleiter Dr. Roland "
        "Weber.",
    )
    quote = by_text(find_quotes(text, "de"), "Die Tiere")
    assert (quote.speaker, quote.role) == ("Roland Weber", "Nationalparkleiter")


def test_a_law_is_no_speaker_and_passes_nobody_on() -> None:
    text = article(
        "Meldepflicht",
        "Laut Infektionsschutzgesetz müssen Labors »das Auftreten einer bedrohlichen Krankheit« "
        "melden.",
        "»Ziel dieser Strategie ist es, in Deutschland Zeit zu gewinnen«, heißt es in der "
        "Risikobewertung des Instituts.",
    )
    assert_no_speaker(text, "de")


def test_a_hyphenated_noun_before_a_capitalised_quotation_makes_it_a_name() -> None:
    text = article(
        "Betreuung",
        "„Es darf nicht passieren, dass kranke Kinder allein bleiben“, sagt Vorsitzende Eva Martin.",
        "In Wien biete der Alleinerziehenden-Verband „Sonne Mond und Sterne“ eine Betreuung an.",
    )
    quotes = find_quotes(text, "de")
    assert all(q.speaker is None for q in quotes if q.text.startswith("Sonne")), [
        (q.text, q.speaker) for q in quotes
    ]


def test_a_possessive_that_is_also_a_speech_verb_opens_no_incise() -> None:
    text = article(
        "Andacht",
        "„Frieden lasse ich euch, meinen Frieden gebe ich euch.“ sagt Jesus.",
    )
    quote = by_text(find_quotes(text, "de"), "Frieden lasse")
    assert quote.text == "Frieden lasse ich euch, meinen Frieden gebe ich euch."
    assert quote.speaker == "Jesus"


def test_a_dash_after_a_fragment_is_an_apposition_not_a_signature() -> None:
    text = article(
        "Disziplin",
        "Nicht nur die Kranken wurden gesperrt, sondern „alle die Armen“ – Kinder, Soldaten, "
        "Arbeiter – wurden einer strengen Disziplin unterworfen.",
    )
    quotes = find_quotes(text, "de")
    assert all(q.speaker is None and q.mention is None for q in quotes), [
        (q.text, q.speaker, q.mention) for q in quotes
    ]


@pytest.mark.parametrize(
    ("attribution", "speaker", "mention"),
    [
        ("To which she said, “{q}”", "Maria Lopez", "she"),
        ("“{q},” Lopez often said.", "Maria Lopez", "Lopez"),
        ("“{q},” said 34-year-old Maria Lopez.", "Maria Lopez", "34-year-old Maria Lopez"),
        ("“{q},” said 9/11 widow Maria Lopez.", "Maria Lopez", "9/11 widow Maria Lopez"),
        # The pronoun of an interrupting "she said", not the words before it.
        ("Even more, she said, is the question that follows: “{q}”", "Maria Lopez", "she"),
    ],
)
def test_an_english_attribution_keeps_its_subject_and_only_it(
    attribution: str, speaker: str, mention: str
) -> None:
    q = "We will open the bakery again on Monday, whatever happens"
    text = article(
        "Maria Lopez has run the bakery for twenty years. “It was a hard winter,” Lopez said.",
        attribution.format(q=q),
    )
    quote = by_text(find_quotes(text, "en"), "We will open")
    assert (quote.speaker, quote.mention) == (speaker, mention)


@pytest.mark.parametrize(
    ("language", "sentence", "title"),
    [
        (
            "en",
            "It was a money grab, but the fourth adaptation of “The Color Purple” is a vibrant "
            "musical.",
            "The Color Purple",
        ),
        (
            "en",
            "Her film “Wild Rose,” a fish-out-of-water story about a singer, opens in May.",
            "Wild Rose",
        ),
        (
            "es",
            "Kuleba habló de la «Comunidad Política Europea» en Praga, dijo Pedro Ruiz.",
            "Comunidad Política Europea",
        ),
        # Where nouns have capitals, every word capitalised is a name ("Jungle World").
        (
            "de",
            "Der Krieg sei ein Fehler, sagte Pedro Ruiz der Wochenzeitung „Jungle World“.",
            "Jungle World",
        ),
        # A title that opens a clause of its own is no quotation either.
        (
            "en",
            "Two songs came out that month: “The Astronaut” and “Super Tuna,” both hits.",
            "The Astronaut",
        ),
    ],
)
def test_a_title_or_a_name_in_quotation_marks_is_no_quotation(
    language: str, sentence: str, title: str
) -> None:
    quotes = find_quotes(article("Tom Reed and Pedro Ruiz met in May.", sentence), language)
    assert not [q.text for q in quotes if title in q.text and q.kind == "direct"]


@pytest.mark.parametrize(
    ("language", "sentence", "words"),
    [
        ("de", "„Gute Besserung, Champ“, schrieb der Radprofi Pedro Ruiz.", "Gute Besserung, Champ"),
        ("en", "“Welcome Jose,” the club tweeted on Wednesday.", "Welcome Jose"),
    ],
)  # fmt: skip
def test_words_in_title_case_that_an_attribution_reports_are_a_quotation(
    language: str, sentence: str, words: str
) -> None:
    quotes = find_quotes(article("Tom Reed and Pedro Ruiz met in May.", sentence), language)
    assert words in [q.text for q in quotes]


def test_a_nickname_an_attribution_reports_is_still_a_quotation() -> None:
    text = article(
        "Tom Reed runs the pageant.",
        "Reed said the candidate called the 1996 winner “Miss Piggy” in a television interview.",
    )
    assert any("Miss Piggy" in q.text for q in find_quotes(text, "en"))


def test_words_shouted_in_capitals_are_still_a_quotation() -> None:
    text = article("Olivia Colman said she tried Botox and “LOVED IT” in an interview in 2015.")
    assert any("LOVED IT" in q.text for q in find_quotes(text, "en"))


def test_follow_up_after_sentences_naming_someone_else_is_withheld() -> None:
    text = article(
        "Schools",
        "“Every child deserves a hot meal at lunch,” said Linda Brown.",
        "The county's treasurer, Mark Ellis, warned that the budget was already stretched."
        " “We cannot pay for this without cutting something else.”",
    )
    q = by_text(find_quotes(text, "en"), "We cannot pay")
    assert q.speaker != "Linda Brown"


@pytest.mark.parametrize(
    ("between", "speaker"),
    [
        # Someone else named reports in the paragraph between: the quotation is not Bell's.
        ("Erekat said it was only the latest move by the United States.", None),
        ("Bell also said the decision had been long in coming.", "Avi Bell"),
        ("The decision was announced in Washington on Monday.", "Avi Bell"),
    ],
)
def test_a_paragraph_between_that_reports_someone_else_ends_the_follow_up(
    between: str, speaker: str | None
) -> None:
    text = article(
        "Peace plan",
        "“The breaking of that consensus is important,” said Avi Bell, a senior fellow at the "
        "Kohelet Policy Forum.",
        between,
        "“They wanted us on our knees and they used every trick to put pressure on us.”",
    )
    assert by_text(find_quotes(text, "en"), "They wanted").speaker == speaker


@pytest.mark.parametrize(
    ("paragraphs", "start", "speaker"),
    [
        # "according to" names a source, no complement; the newsletter's name is a thing's.
        (
            (
                "“Prices for luxury goods will stay high,” says Emilia Petrarca, who writes a "
                "newsletter.",
                "Secondhand fashion will stay popular. But according to Jenny Walton, a Vogue "
                "contributor and writer of the newsletter Jenny Sais Quoi, it might be time to "
                "look further back. “I’ve been waiting to see if there will be a sort of 1920s "
                "resurgence,” she says.",
            ),
            "I’ve been",
            "Jenny Walton",
        ),
        # A name after it that qualifies a noun is no source.
        (
            (
                "Some of the money went back to Pyongyang, according to South Korean law "
                "enforcement. The case shows how creative the country has become, said Erin "
                "Plante, vice president of investigations at Chainalysis.",
                "“It shows that they’re always thinking outside the box,” she said.",
            ),
            "It shows",
            "Erin Plante",
        ),
    ],
)
def test_a_pronoun_stands_for_the_source_named_after_according_to(
    paragraphs: tuple[str, ...], start: str, speaker: str
) -> None:
    text = article("A headline", *paragraphs)
    assert by_text(find_quotes(text, "en"), start).speaker == speaker


def test_follow_up_goes_on_where_nobody_else_speaks_or_the_speaker_is_named_again() -> None:
    text = article(
        "Schools",
        "“Every child deserves a hot meal at lunch,” said Linda Brown.",
        "Mark Ellis resigned from the board in May. “We found the money by cutting consultants.”",
        "Budgets may tighten while Mark Ellis negotiates, Brown said. “We will manage.”",
    )
    quotes = find_quotes(text, "en")
    assert by_text(quotes, "We found the money").speaker == "Linda Brown"
    assert by_text(quotes, "We will manage").speaker == "Linda Brown"


def test_a_reporting_verb_before_the_opening_mark_wins_over_the_clause_after() -> None:
    text = article(
        "Teachers rallied at the Statehouse on Tuesday.",
        "While some protesters chanted, “Red for Ed,” in a hallway, House Speaker Brian Bosma"
        " spoke before lawmakers defending the budget.",
    )
    q = by_text(find_quotes(text, "en"), "Red for Ed")
    assert q.speaker == "some protesters"


def test_the_subject_after_until_speaks_not_the_sentence_opener() -> None:
    text = article(
        "Ann Carter was the flight attendant on duty that night.",
        "Carter ignored the note until the man whispered to her, “Miss, you'd better look at"
        " that note. I have a bomb.”",
    )
    q = by_text(find_quotes(text, "en"), "Miss, you'd better")
    assert q.speaker == "the man"


def test_a_surname_after_an_owner_is_the_person_named_in_full() -> None:
    text = article(
        "Jack Brewster, an editor at Newsguard, tracks such sites.",
        "“The number of such sites will grow very fast next year,” says Newsguard’s Brewster.",
        "“The viral terror is an attempt to enact a global agenda,” said Children’s Health"
        " Defense.",
    )
    quotes = find_quotes(text, "en")
    assert by_text(quotes, "The number of such").speaker == "Jack Brewster"
    assert by_text(quotes, "The viral terror").speaker != "Health Defense"


@pytest.mark.parametrize(
    ("language", "paragraph", "start", "speaker"),
    [
        (
            "fr",
            f"Un troisième Français a été tué, a déclaré jeudi le ministre. Les autorités sont"
            f" toujours sans nouvelles «{NBSP}d’encore plus de 200{NBSP}» personnes.{NBSP}"
            f" «{NBSP}Pour certains, on est très inquiet{NBSP}», a ajouté Paul Morel.",
            "d’encore plus",
            "Paul Morel",
        ),
        (
            "en",
            "The foreign minister, Anna Lindqvist, said that the talks were going well. “We"
            " expect news in the coming days.” She added that the country will “send aid by"
            " sea,” Lindqvist said.",
            "We expect news",
            "Anna Lindqvist",
        ),
        (
            "de",
            "Die Gespräche laufen gut. Die Lage bleibe „für viele Familien sehr ernst“ in der"
            " Stadt. Anna Lindqvist ergänzte: „Die Hilfe kommt über das Meer.“",
            "für viele Familien",
            "Anna Lindqvist",
        ),
    ],
)
def test_who_adds_to_their_words_spoke_the_quotation_just_before(
    language: str, paragraph: str, start: str, speaker: str
) -> None:
    quotes = find_quotes(article("Headline", paragraph), language)
    assert by_text(quotes, start).speaker == speaker


@pytest.mark.parametrize(
    "paragraph",
    [
        # No verb of going on: the speaker of the next sentence says nothing of the one before.
        f"Les autorités sont sans nouvelles «{NBSP}d’encore plus de 200{NBSP}» personnes."
        f" «{NBSP}Pour certains, on est très inquiet{NBSP}», a dit Paul Morel.",
        # The quotation's own sentence reports somebody the rules cannot read.
        f"«{NBSP}Rien n’est encore fait ici{NBSP}», dit en substance le texte."
        f" «{NBSP}Nous verrons bien{NBSP}», a ajouté Paul Morel.",
        # A sentence stands between.
        f"Les autorités sont sans nouvelles «{NBSP}d’encore plus de 200{NBSP}» personnes. L’avion"
        f" s’est posé à Roissy. «{NBSP}Pour certains, on est très inquiet{NBSP}», a ajouté Paul"
        " Morel.",
    ],
)
def test_a_quotation_without_a_speaker_stays_so_unless_the_next_sentence_adds_to_it(
    paragraph: str,
) -> None:
    quotes = find_quotes(article("Headline", paragraph), "fr")
    first = [q for q in quotes if q.speaker != "Paul Morel"]
    assert first and all(q.speaker is None for q in first), [(q.text, q.speaker) for q in quotes]


def test_a_quotation_whose_sentence_names_someone_else_is_no_follow_up() -> None:
    # "informs" is no reporting verb the rules know; the name after the quotation still says
    # the words are not the previous speaker's.
    text = article(
        "Content tips",
        "“We have found that guest writers add great value,” explains Dr Max Linden, founder of"
        " The Hawker Online.",
        "“As we all know today, content is not just textual but highly visual,” informs Dean"
        " Benzaken, co-founder of Techvolutionary.",
    )
    assert by_text(find_quotes(text, "en"), "As we all know").speaker is None


def test_a_follow_up_closing_its_sentence_goes_on_whoever_the_next_sentence_names() -> None:
    text = article(
        "Mieten",
        "„Wohnen gehörte schon 2021 zu den größten Preistreibern“, sagt die Wohnbausprecherin"
        " Ruth Becher. „Heuer ist die Inflation noch dramatisch höher.“ Für den Geschäftsführer"
        " Christian Deutsch ist klar, dass gehandelt werden muss.",
    )
    assert by_text(find_quotes(text, "de"), "Heuer ist").speaker == "Ruth Becher"


def test_a_fragment_in_a_crosshead_is_the_editors_not_the_previous_speakers() -> None:
    text = article(
        "Volkswagen",
        "„Die Elektromobilität muss die Speerspitze sein“, betonte Konzernchef Herbert Diess.",
        "Warnung vor „einem neuen Golf aus China“",
        "Diess verwies auch darauf, dass die Konkurrenz nicht schläft.",
    )
    quotes = find_quotes(text, "de")
    assert by_text(quotes, "Die Elektromobilität").speaker == "Herbert Diess"
    assert by_text(quotes, "einem neuen Golf").speaker is None


def test_a_verb_inside_an_earlier_quotation_reports_no_fragment() -> None:
    # "weiß" is the quoted speaker's, not a verb of the writer's reporting "Ich".
    text = article(
        "Kim",
        "„Ich hoffe, es geht ihm gut“, sagte Donald Trump weiter. „Ich weiß, wie es ihm geht.“"
        " Die Medien würden „wahrscheinlich bald erfahren“, was los sei.",
    )
    found = {q.text: q.speaker for q in find_quotes(text, "de")}
    assert found["wahrscheinlich bald erfahren"] == "Donald Trump"


def test_a_quotation_opening_with_an_editors_bracket_opens_a_sentence() -> None:
    # "“[Plant-based proteins] also …”" after a full stop is a new sentence: the narration before
    # it is not part of the quotation, and the outlet told is nobody's voice.
    text = article(
        "Plants",
        "“Plant proteins help the heart,” Bethany Keith, a dietitian, told Health. “[Plant-based"
        " proteins] also reduce inflammation, which helps the kidneys.”",
    )
    found = sorted((q.text, q.speaker) for q in find_quotes(text, "en") if q.kind == "direct")
    assert found == [
        ("Plant proteins help the heart", "Bethany Keith"),
        (
            "[Plant-based proteins] also reduce inflammation, which helps the kidneys.",
            "Bethany Keith",
        ),
    ]


def test_two_closing_single_marks_close_a_double_quotation() -> None:
    text = article(
        "Fact",
        "Groups cried foul.",
        "“It was an attempt to mislead voters,’’ Ann Moy, head of the website Full Fact, told the"
        " BBC.",
    )
    quotes = [q for q in find_quotes(text, "en") if q.kind == "direct"]
    assert [q.text for q in quotes] == ["It was an attempt to mislead voters"]
    assert quotes[0].speaker != "the BBC"


def test_a_subject_we_cannot_read_still_takes_the_quotation_from_the_previous_speaker() -> None:
    text = article(
        "Fans",
        "“We are fine,” Lesley Patterson said.",
        "“She is just being herself,” countless Instagram users quipped, quoting the song.",
    )
    found = {q.text: q.speaker for q in find_quotes(text, "en")}
    assert found["We are fine"] == "Lesley Patterson"
    assert found["She is just being herself"] is None


@pytest.mark.parametrize(
    ("language", "paragraph", "start", "expected"),
    [
        ("en", '"Stop talking about the stuff. The voters do not agree with Hart," Jonas Berg '
         'said, suggesting a few questions, including, "Mr. Hart, do you think we should raise '
         'the minimum wage?"', "Mr. Hart", "Jonas Berg"),
        ("de", "In Kehl warb ein Geschäft mit Plakaten: „Bei uns können Sie unbesorgt "
         "einkaufen, wir sind grenzgängerfrei“, berichtet Jonas Berger, fügt aber rasch hinzu: "
         "„Eine Ungeschicklichkeit.“", "Eine", "Jonas Berger"),
    ],
)  # fmt: skip
def test_an_earlier_quotation_s_words_are_no_subject_of_the_sentence(
    language: str, paragraph: str, start: str, expected: str
) -> None:
    found = [
        q for q in find_quotes(f"Headline\n\n{paragraph}", language) if q.text.startswith(start)
    ]
    assert [q.speaker for q in found] == [expected]
