"""Attribution patterns, one at a time, on sentences written for the tests."""

from __future__ import annotations

import pytest

from digest.extract import mentions, speakers

NBSP = "\u00a0"


def spoken_after(tail: str, language: str | None) -> str | None:
    found = speakers.after(tail, language)
    return found.speaker if found else None


def spoken_before(head: str, language: str | None) -> str | None:
    found = speakers.before(head, language)
    return found.speaker if found else None


@pytest.mark.parametrize(
    ("tail", "language", "speaker"),
    [
        (" said Maria Lopez.", "en", "Maria Lopez"),
        (
            " said Maria Lopez, the head of the association.",
            "en",
            "Maria Lopez, the head of the association",
        ),
        (" Maria Lopez said on Tuesday.", "en", "Maria Lopez"),
        (" she said.", "en", "she"),
        (" the county sheriff told reporters.", "en", "the county sheriff"),
        (" Rep. Jim Clyburn (D-S.C.) said Friday.", "en", "Rep. Jim Clyburn"),
        (" Sen. Ann Lee demanded.", "en", "Sen. Ann Lee"),
        # A short lower-case role before a full name opens the subject too.
        (" color analyst Kirk Herbst said.", "en", "color analyst Kirk Herbst"),
        (
            " panel Chairman Rep. Jason Chaff (R-Utah) said.",
            "en",
            "panel Chairman Rep. Jason Chaff",
        ),
        # A party label after a role and a name is no name of its own.
        (
            " asserted state Rep. Linda Chaney, R-St. Pete Beach, who sponsors the bill.",
            "en",
            "state Rep. Linda Chaney",
        ),
        (" said state Sen. Mattie Hunter, D-Chicago.", "en", "state Sen. Mattie Hunter"),
        (", according to the ministry.", "en", "the ministry"),
        (" ― Nell Carden Grey", "en", "Nell Carden Grey"),
        (", explique Javier López.", "fr", "Javier López"),
        (
            ", explique Javier López, directeur de l’institut.",
            "fr",
            "Javier López, directeur de l’institut",
        ),
        (
            ", a prévenu le commissaire à l’économie Pierre Moscovici.",
            "fr",
            "le commissaire à l’économie Pierre Moscovici",
        ),
        (
            ", rappelle en préambule le président du tribunal, Denis Weisbuch.",
            "fr",
            "Denis Weisbuch, le président du tribunal",
        ),
        (
            ", a plaidé l’avocate de Yassin E., Saphia Foughar.",
            "fr",
            "Saphia Foughar, l’avocate de Yassin E.",
        ),
        (", a-t-il ajouté.", "fr", "il"),
        (", estime-t-elle.", "fr", "elle"),
        (", selon un proche du ministre.", "fr", "un proche du ministre"),
        (" par un dirigeant du parti dans un portrait.", "fr", "un dirigeant du parti"),
        (
            " (l’erreur est humaine), lance le procureur Vincent Edel.",
            "fr",
            "le procureur Vincent Edel",
        ),
        # A verb particle or an adverb after the name is no part of it.
        (", räumt Anna Kessler ein.", "de", "Anna Kessler"),
        (", so Kessler geknickt.", "de", "Kessler"),
        (", fügte Kessler abschließend hinzu.", "de", "Kessler"),
        (", sagte eine Sprecherin der dpa.", "de", "eine Sprecherin der dpa"),
        # An indefinite subject after the verb keeps its determiner.
        (", so ein Sprecher.", "de", "ein Sprecher"),
        (", sagte ein Mitarbeiter des Ministeriums.", "de", "ein Mitarbeiter des Ministeriums"),
        # A closing determiner lost its noun to a quotation mark.
        (", sagte Anna Kessler der „Allgäuer Zeitung“.", "de", "Anna Kessler"),
        # A long apposition between the subject and its verb.
        (
            ", Dr. Luz Contreras Arroyo, a member of the group and signatory to the letter, told "
            "NBC News.",
            "en",
            "Dr. Luz Contreras Arroyo, a member of the group and signatory",
        ),
    ],
)
def test_after(tail: str, language: str, speaker: str) -> None:
    assert spoken_after(tail, language) == speaker


@pytest.mark.parametrize(
    ("tail", "language"),
    [
        (" Faut-il pour autant les bannir ?", "fr"),  # a new sentence, not an incise
        (" was a hit in the nineties.", "en"),
        ("", "en"),
    ],
)
def test_after_finds_nobody(tail: str, language: str) -> None:
    assert spoken_after(tail, language) is None


def test_par_le_passe_is_not_an_agent() -> None:
    assert spoken_after(" par le passé en sachant s'imposer.", "fr") is None


def test_present_participle_shares_the_subject() -> None:
    head = "Le ministre a démissionné, estimant que les membres du gouvernement devaient "
    verb = speakers.last_reporting_verb(head, "fr")
    assert verb is not None
    assert speakers.subject_of_verb(head, verb, "fr") == "Le ministre"


@pytest.mark.parametrize(
    ("head", "speaker"),
    [
        (
            "Egypt and Jordan - also sharply criticised the shift, with Jordanian Foreign "
            "Minister Ayman Safadi warning of ",
            "Jordanian Foreign Minister Ayman Safadi",
        ),
        ("The ad uses footage of Hillary Clinton asking, ", "Hillary Clinton"),
    ],
)
def test_a_name_after_a_complement_is_the_subject_of_its_participle(
    head: str, speaker: str
) -> None:
    verb = speakers.last_reporting_verb(head, "en")
    assert verb is not None
    assert speakers.subject_of_verb(head, verb, "en") == speaker


@pytest.mark.parametrize(
    ("head", "language", "speaker"),
    [
        ("Ann Carter said: ", "en", "Ann Carter"),
        ("In a statement on Monday, Ann Carter said: ", "en", "Ann Carter"),
        ("Trump boasted, ", "en", "Trump"),
        ("According to the report, ", "en", "the report"),
        ("Willem van Rijn, Greenpeace COO, says: ", "en", "Willem van Rijn, Greenpeace COO"),
        (f"Claire Petit{NBSP}: ", "fr", "Claire Petit"),
        ("Selon Paul Martin, ", "fr", "Paul Martin"),
        ("Pour l’avocate Anne Roux, ", "fr", "l’avocate Anne Roux"),
        (
            "Lundi, Sebastian Kurz, le chancelier autrichien, a déclaré dans un entretien : ",
            "fr",
            "Sebastian Kurz, le chancelier autrichien",
        ),
        (
            "comme l’explique l’ingénieur Scott Saviz, cité par le journal :",
            "fr",
            "l’ingénieur Scott Saviz",
        ),
        ("Concernant le lait, Francisca Joly est plus nuancée : ", "fr", "Francisca Joly"),
        # A frame after a verb of speech says where the words are found, not who says them.
        ("Steinmeier sagte am Mittwoch in Wiesbaden laut Manuskript: ", "de", "Steinmeier"),
        # Nor one before a verb of speech with a subject of its own.
        ("According to AFP, one user on Weibo posted: ", "en", "one user on Weibo"),
        ("According to the report, the mayor said: ", "en", "the mayor"),
    ],
)
def test_before(head: str, language: str, speaker: str) -> None:
    assert spoken_before(head, language) == speaker


def test_before_needs_a_colon_or_comma() -> None:
    assert spoken_before("Ann Carter said ", "en") is None


def test_a_one_word_label_before_a_colon_is_not_a_speaker() -> None:
    assert spoken_before("Quotable: ", "en") is None
    assert spoken_before("Boxing:", "en") is None


def test_a_phrase_before_a_colon_is_a_label_unless_it_names_or_describes() -> None:
    assert spoken_before("Partial transcript as follows: ", "en") is None
    assert spoken_before("Promising review: ", "en") is None
    assert spoken_before(f"Le maire de Brest{NBSP}: ", "fr") == "Le maire de Brest"
    assert spoken_before(f"L’avocate de la famille{NBSP}: ", "fr") == "L’avocate de la famille"


@pytest.mark.parametrize(
    ("inner", "speaker"),
    [
        ("Nous avons perdu trois mètres, a réagi Jean Morel. Il faudra des années", "Jean Morel"),
        ("en rapport avec les vacanciers, explique l’élu. Il y a parmi eux", "l’élu"),
        ("C’est fini, ajoute-t-elle. Nous partons", "elle"),
    ],
)
def test_inside(inner: str, speaker: str) -> None:
    found = speakers.inside(inner, "fr")
    assert found is not None
    assert found[0] == speaker
    assert inner[found[1]].startswith(",")


def test_inside_ignores_ordinary_commas() -> None:
    assert speakers.inside("Nous avons perdu, nous repartirons, rien ne change", "fr") is None


@pytest.mark.parametrize(
    ("head", "language", "speaker"),
    [
        ("Clinton said ", "en", "Clinton"),
        ("Gingrich cynically dismissed ", "en", "Gingrich"),
        ("The council called Friday for releasing the videos, saying ", "en", "The council"),
        ("Son adversaire est connu, dont il ne cite pas le nom quand il dénonce ", "fr", "il"),
        (
            "Plus nuancée, la professeure Francisca Joly ajoute qu’il ",
            "fr",
            "la professeure Francisca Joly",
        ),
        ("Le ministre a également déclaré ", "fr", "Le ministre"),
        ("As the storm hit, company CEO Andy Vale said ", "en", "company CEO Andy Vale"),
        ("« C’est fini », déplore-t-elle, en rappelant les ", "fr", "elle"),
    ],
)
def test_subject_of_the_reporting_verb(head: str, language: str, speaker: str) -> None:
    verb = speakers.last_reporting_verb(head, language)
    assert verb is not None
    assert speakers.subject_of_verb(head, verb, language) == speaker


def test_a_verb_like_noun_after_a_determiner_is_part_of_the_subject() -> None:
    assert speakers.subject("La demande de la mairie répond", "fr") == "La demande de la mairie"
    assert speakers.subject("The retired general said", "en") == "The retired general"


@pytest.mark.parametrize(
    ("clause", "speaker"),
    [
        ("Following a late meeting, the Security Council issued", "the Security Council"),
        ("Once in my twenties, I laughed and said", "I"),
        ("Though she called it outrageous, Clinton restricted", "Clinton"),
        ("In July, Gingrich dismissed", "Gingrich"),
        ("Twenty-two years ago, a Times article hailed", "a Times article"),
    ],
)
def test_leading_adverbials_are_not_the_subject(clause: str, speaker: str) -> None:
    assert speakers.subject(clause, "en") == speaker


@pytest.mark.parametrize(
    ("clause", "speaker"),
    [
        ("De son côté, le ministre, réévaluant sa doctrine, lance", "le ministre"),
        ("D’une voix calme, Claire Vidal explique", "Claire Vidal"),
    ],
)
def test_a_leading_prepositional_phrase_is_not_the_subject(clause: str, speaker: str) -> None:
    assert speakers.subject(clause, "fr") == speaker


def test_a_french_participle_reports_only_after_an_auxiliary() -> None:
    assert speakers.last_reporting_verb("Pour l’avocate, le prévenu est un ", "fr") is None
    assert speakers.last_reporting_verb("Le juge a prévenu ", "fr") is not None
    assert speakers.last_reporting_verb("La note est claire ", "fr") is None


def test_a_period_before_a_comma_ends_no_clause() -> None:
    tail = ", Senate Leader Mitch Connell, R-Ky., said Tuesday."
    assert spoken_after(tail, "en") == "Senate Leader Mitch Connell, R-Ky"


def test_cut_clause_keeps_abbreviations_and_initials() -> None:
    assert speakers.cut_clause("Rep. G.K. Butterfield (D-N.C.), head of the caucus. Then") == (
        "Rep. G.K. Butterfield (D-N.C.), head of the caucus"
    )
    assert speakers.cut_clause("Yassin E. told the court. Next") == "Yassin E. told the court"


@pytest.mark.parametrize(
    ("word", "language", "stops"),
    [
        ("Dec", "en", False),  # the language's own abbreviation, in any case
        ("bzw", "de", False),
        ("Me", "en", False),  # a title of another language, written as one
        ("On", "en", False),
        ("me", "en", True),  # the same words in lower case end a sentence
        ("on", "en", True),
        ("me", "fr", False),  # unless the language itself abbreviates them
    ],
)
def test_a_title_ends_no_sentence_only_where_written_as_one(
    word: str, language: str, stops: bool
) -> None:
    assert speakers.abbreviation_stop(word, speakers.speech_of(language)) is not stops
    assert (speakers.cut_clause(f"It was told to {word}. Next", language) == "It was told to "
            + word) is stops  # fmt: skip


@pytest.mark.parametrize(
    ("speaker", "name", "pronoun"),
    [
        ("Maria Lopez", True, False),
        ("Willem van Rijn, Greenpeace COO", True, False),
        ("the county sheriff", False, False),
        ("she", False, True),
        ("Elle", False, True),
        (None, False, False),
    ],
)
def test_name_and_pronoun(speaker: str | None, name: bool, pronoun: bool) -> None:
    assert speakers.is_name(speaker) is name
    assert speakers.is_pronoun(speaker) is pronoun


# Mentions: the speaker is the person the article names ---------------------------------------


def resolved(
    text: str, language: str, speaker: str, pos: int | None = None
) -> tuple[str | None, str | None]:
    table = mentions.Mentions(text, speakers.speech_of(language))
    found = table.resolve(speaker, len(text) if pos is None else pos, None)
    return found.speaker, found.role


def test_a_surname_goes_back_to_the_one_full_name() -> None:
    text = "Ivan Sokolov, le porte-parole du ministère, a parlé. Puis M. Sokolov est parti."
    assert resolved(text, "fr", "M. Sokolov") == ("Ivan Sokolov", "porte-parole du ministère")


def test_a_mention_running_over_quoted_words_is_no_speaker() -> None:
    text = "Inga Berger runs the farm. Paul Reyes sells eggs. "
    assert resolved(text, "en", "You winning?” she") == (None, None)
    assert resolved(text, "en", 'rural area"}') == (None, None)
    # … unless a person the article names closes it.
    assert resolved(text, "en", "The “Day of the Hen” welcomed Berger")[0] == "Inga Berger"


def test_an_adverb_after_the_name_is_no_part_of_it() -> None:
    # "Lamrani further said", "Oppenheimer himself wrote": an adverb of the verb.
    text = "Omar Lamrani is an analyst. "
    assert resolved(text, "en", "Lamrani further")[0] == "Omar Lamrani"
    assert resolved(text, "en", "Lamrani himself")[0] == "Omar Lamrani"


def test_a_lone_german_noun_is_no_name() -> None:
    # "VW-Chef warnt vor …": where nouns are capitalised one unknown word is a noun, kept as
    # written and taken for nobody.
    table = mentions.Mentions("Der Konzern wächst. ", speakers.speech_of("de"))
    found = table.resolve("VW-Chef", 0, None)
    assert (found.speaker, found.person) == ("VW-Chef", False)


def test_an_indefinite_description_is_tied_to_nobody() -> None:
    text = "Tobias Lind, sicherheitspolitischer Sprecher der Grünen, war empört. Lind ging. "
    assert resolved(text, "de", "ein Sprecher") == ("ein Sprecher", None)


def test_a_surname_two_people_share_stays_as_written() -> None:
    text = "Anna Berg and Tom Berg run the farm. Berg said little."
    assert resolved(text, "en", "Berg") == ("Berg", None)


def test_a_pronoun_nobody_stands_for_is_no_speaker() -> None:
    assert resolved("The storm came at night.", "en", "she") == (None, None)
    assert resolved("La tempête est arrivée.", "fr", "on") == (None, None)


def test_a_pronoun_is_the_person_named_before() -> None:
    text = "Nora Quinn runs the shelter. It opened in May."
    assert resolved(text, "en", "she") == ("Nora Quinn", None)


def test_an_indefinite_description_stays_as_written() -> None:
    text = "Nora Quinn runs the shelter. A volunteer was there too."
    assert resolved(text, "en", "a volunteer") == ("a volunteer", None)


def test_a_description_tied_to_a_name_is_that_person() -> None:
    text = "Le maire, Paul Leroy, a visité le port. Le quai sera refait."
    assert resolved(text, "fr", "le maire") == ("Paul Leroy", "maire")


def test_a_clause_is_no_speaker() -> None:
    clause = "Von der Firma heißt es zu den Vorwürfen in einer langen Erklärung"
    assert resolved("Der Händler steht in der Kritik.", "de", clause) == (None, None)


def test_a_german_noun_phrase_is_no_person() -> None:
    # Capitalised nouns ("Ernster Nachsatz") are no name unless the article names the person again.
    text = "Ernster Nachsatz zur Saison. Der Trainer bleibt."
    table = mentions.Mentions(text, speakers.speech_of("de"))
    assert table.people == []


def test_a_pronoun_with_its_clause_is_no_speaker() -> None:
    assert resolved("Lena Vogt leitet das Amt.", "de", "Sie setzt sich") == (None, None)
    # A mention running into its verb stops before it: "She said that" is she.
    assert resolved("Nora Quinn runs the shelter.", "en", "She said that") == ("Nora Quinn", None)


def test_a_particle_opens_no_name() -> None:
    text = "Der Verein von Chicago wächst. Der Verein von Chicago klagt."
    table = mentions.Mentions(text, speakers.speech_of("de"))
    assert table.people == []


@pytest.mark.parametrize(
    "clause",
    [
        "Despite the announcement that the United States and China had reached",
        "The Washington Post Reports and the Daily Mail Says",
    ],
)
def test_a_capitalised_word_after_a_capitalised_word_is_a_name_not_a_verb(clause: str) -> None:
    assert speakers.last_reporting_verb(clause, "en") is None
    assert speakers.subject("the United States said", "en") == "the United States"


@pytest.mark.parametrize(
    ("head", "language", "name"),
    [
        ("That same day, the union president, Alvaro Reinaldo, said", "en", "Alvaro Reinaldo"),
        ("Le même jour, le président du syndicat, Alain Roux, a déclaré", "fr", "Alain Roux"),
        (
            "Ese mismo día, el presidente del sindicato portuario, Álvaro Reinaldo, señaló",
            "es",
            "Álvaro Reinaldo",
        ),
    ],
)
def test_a_leading_phrase_of_time_is_no_subject(head: str, language: str, name: str) -> None:
    verb = speakers.last_reporting_verb(head, language)
    found = speakers.subject_of_verb(head, verb, language) if verb else None
    assert found is not None and found.startswith(name)
