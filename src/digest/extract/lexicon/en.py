"""What the rules know of English."""

from digest.extract.lexicon import Lexicon, Names, Speech

# --- Quotes and speakers ---------------------------------------------------------------------

SPEECH = Speech()

# --- Bylines, honorifics, agencies, dates ----------------------------------------------------

NAMES = Names()

# ----------------------------------------------------------------------------------------------

LEXICON = Lexicon(code="en", speech=SPEECH, names=NAMES)
