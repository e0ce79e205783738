"""What the rules know of Spanish."""

from digest.extract.lexicon import Lexicon, Names, Speech

# --- Quotes and speakers ---------------------------------------------------------------------

SPEECH = Speech()

# --- Bylines, honorifics, agencies, dates ----------------------------------------------------

NAMES = Names()

# ----------------------------------------------------------------------------------------------

LEXICON = Lexicon(code="es", speech=SPEECH, names=NAMES)
