"""What the rules know of Norwegian Bokmål: only where its newsrooms keep time, so far."""

from digest.extract.lexicon import Lexicon, Names

LEXICON = Lexicon(code="nb", names=Names(given_name_locales=("no_NO",), time_zone="Europe/Oslo"))
