"""What the rules know of Portuguese."""

from digest.extract.lexicon import Lexicon, Names, Speech

# --- Quotes and speakers ---------------------------------------------------------------------

SPEECH = Speech()

# --- Bylines, honorifics, agencies, dates ----------------------------------------------------

NAMES = Names(
    given_name_locales=("pt_PT", "pt_BR"),
    particles=frozenset("da das dos".split()),
    agencies=frozenset({"lusa", "agência brasil", "agencia brasil"}),
    months=Names.months_of("pt"),
    weekdays=Names.weekdays_of("pt"),
)  # fmt: skip

# ----------------------------------------------------------------------------------------------

LEXICON = Lexicon(code="pt", speech=SPEECH, names=NAMES)
