"""What the rules know of Italian."""

from digest.extract.lexicon import Lexicon, Names, Speech

# --- Quotes and speakers ---------------------------------------------------------------------

SPEECH = Speech()

# --- Bylines, honorifics, agencies, dates ----------------------------------------------------

NAMES = Names(
    particles=frozenset("di da del".split()),
    agencies=frozenset({"ansa", "agi", "adnkronos"}),
    desk_words=frozenset({"redazione"}),
    months=Names.months_of("it"),
    weekdays=Names.weekdays_of("it"),
)  # fmt: skip

# ----------------------------------------------------------------------------------------------

LEXICON = Lexicon(code="it", speech=SPEECH, names=NAMES)
