"""What the rules know of Danish: only where its newsrooms keep time, so far."""

from digest.extract.lexicon import Lexicon, Names

LEXICON = Lexicon(
    code="da", names=Names(given_name_locales=("da_DK",), time_zone="Europe/Copenhagen")
)
