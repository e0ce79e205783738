"""What the rules know of Czech: only where its newsrooms keep time, so far."""

from digest.extract.lexicon import Lexicon, Names

LEXICON = Lexicon(code="cs", names=Names(time_zone="Europe/Prague"))
