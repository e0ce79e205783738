"""What the rules know of Czech: only where its newsrooms keep time, so far."""

from digest.extract.lexicon import Lexicon, Names

LEXICON = Lexicon(code="cs", names=Names(given_name_locales=("cs_CZ",), time_zone="Europe/Prague"))
