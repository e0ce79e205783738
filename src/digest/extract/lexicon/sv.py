"""What the rules know of Swedish: only where its newsrooms keep time, so far."""

from digest.extract.lexicon import Lexicon, Names

LEXICON = Lexicon(
    code="sv", names=Names(given_name_locales=("sv_SE",), time_zone="Europe/Stockholm")
)
