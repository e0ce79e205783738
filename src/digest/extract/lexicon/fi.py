"""What the rules know of Finnish: only where its newsrooms keep time, so far."""

from digest.extract.lexicon import Lexicon, Names

LEXICON = Lexicon(
    code="fi", names=Names(given_name_locales=("fi_FI",), time_zone="Europe/Helsinki")
)
