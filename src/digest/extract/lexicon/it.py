"""What the rules know of Italian."""

from digest.extract.lexicon import Lexicon, Names, Speech

# --- Quotes and speakers ---------------------------------------------------------------------

SPEECH = Speech(
    partitives=frozenset("di dei degli delle".split()),
    speech_verbs=frozenset(
        """dice disse afferma affermato spiega spiegato aggiunge aggiunto sottolinea sottolineato
        dichiara dichiarato precisa precisato osserva osservato conclude concluso ribadisce
        ribadito commenta commentato racconta raccontato""".split()
    ),
    auxiliaries=frozenset("ha hanno aveva avevano è".split()),
    pronouns=frozenset("lui lei loro egli ella".split()),
    indefinites=frozenset("un uno una".split()),
    masculine_determiners=frozenset("il lo un uno questo".split()),
    feminine_determiners=frozenset("la una questa".split()),
    elided=("l’", "l'", "un’", "un'"),
    plural_determiners=frozenset("i gli le alcuni alcune".split()),
    possessives=frozenset("suo sua suoi sue loro mio mia".split()),
    abstract_suffixes=("zione", "sione", "mento", "tà", "ismo"),
    texts=frozenset(
        """articolo denuncia rapporto studio sondaggio lettera comunicato messaggio video
        risoluzione accordo progetto legge decreto sentenza libro canzone documento
        testo""".split()
    ),
    determiners=frozenset("il lo la i gli le un uno una suo sua".split()),
    noun_markers=frozenset("il lo la i gli le un uno una".split()),
    frames=("secondo",),
    going_on=frozenset("aggiunto aggiunge aggiungendo".split()),
    same_source=("la stessa fonte", "stessa fonte"),
    agent_words=frozenset({"da"}),
    honorifics=frozenset("sig sig.ra dott dott.ssa prof on".split()),
    abbreviations=frozenset("sig dott prof on".split()),
    complements=frozenset("di del della a al con contro".split()),
    that=frozenset({"che"}),
    inner_quotations=True,
)

# --- Bylines, honorifics, agencies, dates ----------------------------------------------------

NAMES = Names(
    given_name_locales=("it_IT",),
    particles=frozenset("di de da del della".split()),
    agencies=frozenset({"ansa", "agi", "adnkronos"}),
    desk_words=frozenset({"redazione"}),
    months=Names.months_of("it"),
    weekdays=Names.weekdays_of("it"),
    time_zone="Europe/Rome",
)  # fmt: skip

# ----------------------------------------------------------------------------------------------

LEXICON = Lexicon(code="it", speech=SPEECH, names=NAMES)
