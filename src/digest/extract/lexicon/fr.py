"""What the rules know of French."""

from digest.extract.lexicon import Lexicon, Names, Speech

# --- Quotes and speakers ---------------------------------------------------------------------

SPEECH = Speech()

# --- Bylines, honorifics, agencies, dates ----------------------------------------------------

NAMES = Names()

# ----------------------------------------------------------------------------------------------

LEXICON = Lexicon(code="fr", speech=SPEECH, names=NAMES)
