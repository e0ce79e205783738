"""What the rules know of French."""

from digest.extract.lexicon import Lexicon, Names, Speech

# --- Quotes and speakers ---------------------------------------------------------------------

SPEECH = Speech()

# --- Bylines, honorifics, agencies, dates ----------------------------------------------------

NAMES = Names(
    roles=frozenset("journaliste avocat avocate".split()),
    byline_labels=("par",),
    not_a_name=frozenset("""
        rédaction redaction journaliste auteur auteurs rédacteur rédactrice envoyé envoyée
        spécial spéciale sa de la le du des publié publiée par presse acheter partager mis
        modifié posté hier ministre président présidente texte lundi mardi mercredi jeudi
        vendredi samedi dimanche votre
    """.split()),
    particles=frozenset("de du des la le".split()),
    agencies=frozenset({
        "afp", "agence france presse", "agence france-presse", "afp staff", "afp-relaxnews",
        "relaxnews", "belga", "ats", "keystone-ats",
    }),
    desk_words=frozenset({"rédaction", "redaction", "la rédaction", "équipe"}),
    months=Names.months_of("fr"),
    weekdays=Names.weekdays_of("fr"),
)  # fmt: skip

# ----------------------------------------------------------------------------------------------

LEXICON = Lexicon(code="fr", speech=SPEECH, names=NAMES)
