"""What the rules know of Polish: only where its newsrooms keep time, so far."""

from digest.extract.lexicon import Lexicon, Names

LEXICON = Lexicon(code="pl", names=Names(given_name_locales=("pl_PL",), time_zone="Europe/Warsaw"))
