"""What the rules know of Finnish: only where its newsrooms keep time, so far."""

from digest.extract.lexicon import Lexicon, Names

LEXICON = Lexicon(code="fi", names=Names(time_zone="Europe/Helsinki"))
