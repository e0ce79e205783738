"""What the rules know of Chinese: only where its newsrooms keep time, so far."""

from digest.extract.lexicon import Lexicon, Names

LEXICON = Lexicon(code="zh", names=Names(time_zone="Asia/Shanghai"))
