"""What the rules know of Italian."""

from digest.extract.lexicon import Lexicon, Names, Speech

# --- Quotes and speakers ---------------------------------------------------------------------

SPEECH = Speech()

# --- Bylines, honorifics, agencies, dates ----------------------------------------------------

NAMES = Names()

# ----------------------------------------------------------------------------------------------

LEXICON = Lexicon(code="it", speech=SPEECH, names=NAMES)
