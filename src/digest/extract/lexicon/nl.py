"""What the rules know of Dutch."""

from digest.extract.lexicon import Lexicon, Names, Speech

# --- Quotes and speakers ---------------------------------------------------------------------

SPEECH = Speech()

# --- Bylines, honorifics, agencies, dates ----------------------------------------------------

NAMES = Names(
    given_name_locales=("nl_NL", "nl_BE"),
    byline_labels=("door",),
    agencies=frozenset({"anp"}),
    particles=frozenset("van der den ter".split()),
    time_zone="Europe/Amsterdam",
)  # fmt: skip

# ----------------------------------------------------------------------------------------------

LEXICON = Lexicon(code="nl", speech=SPEECH, names=NAMES)
