"""What the rules know of Spanish."""

from digest.extract.lexicon import Lexicon, Names, Speech

# --- Quotes and speakers ---------------------------------------------------------------------

SPEECH = Speech()

# --- Bylines, honorifics, agencies, dates ----------------------------------------------------

NAMES = Names(
    roles=frozenset("hace abogado abogada".split()),
    byline_labels=("por",),
    not_a_name=frozenset("publicado publicada actualizado actualizada hace presidente".split()),
    particles=frozenset("de del la y dos das da".split()),
    agencies=frozenset({"efe", "europa press", "agencia efe"}),
    desk_words=frozenset({"redacción", "redaccion"}),
    months=Names.months_of("es"),
    weekdays=Names.weekdays_of("es"),
)  # fmt: skip

# ----------------------------------------------------------------------------------------------

LEXICON = Lexicon(code="es", speech=SPEECH, names=NAMES)
