"""What the rules know of Japanese: only where its newsrooms keep time, so far."""

from digest.extract.lexicon import Lexicon, Names

LEXICON = Lexicon(code="ja", names=Names(time_zone="Asia/Tokyo"))
