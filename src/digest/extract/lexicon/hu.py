"""What the rules know of Hungarian: only where its newsrooms keep time, so far."""

from digest.extract.lexicon import Lexicon, Names

LEXICON = Lexicon(
    code="hu", names=Names(given_name_locales=("hu_HU",), time_zone="Europe/Budapest")
)
