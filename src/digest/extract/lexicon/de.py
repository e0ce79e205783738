"""What the rules know of German."""

from digest.extract.lexicon import Lexicon, Names, Speech

# --- Quotes and speakers ---------------------------------------------------------------------

SPEECH = Speech()

# --- Bylines, honorifics, agencies, dates ----------------------------------------------------

NAMES = Names()

# ----------------------------------------------------------------------------------------------

LEXICON = Lexicon(code="de", speech=SPEECH, names=NAMES)
