"""What the rules know of German."""

from digest.extract.lexicon import Lexicon, Names, Speech

# --- Quotes and speakers ---------------------------------------------------------------------

SPEECH = Speech()

# --- Bylines, honorifics, agencies, dates ----------------------------------------------------

NAMES = Names(
    roles=frozenset("experte expertin redakteur redakteurin chefredakteur chefredakteurin korrespondent korrespondentin reporterin autor autorin leiter leiterin sprecher sprecherin journalistin kolumnist kolumnistin volontär volontärin mitarbeiter mitarbeiterin stand weitere mehr anwalt fachanwalt rechtsanwalt anwältin fachanwältin rechtsanwältin notar notarin".split()),
    byline_labels=("von",),
    not_a_name=frozenset("""
        redaktion journalistin korrespondent korrespondentin redakteur redakteurin autor autorin
        zeitung rundschau anzeiger kurier nachrichten tagblatt gmbh ag der die das und mit für im
        am zum zur redaktionsteam onlineredaktion nachrichtenredaktion presse pressestelle von
        artikel beitrag beiträge erstellt eingestellt kaufen bestellen abonnieren stand vor seit
        uhr gepostet geändert lesezeit minuten gestern heute hier welle ministerin präsident
        präsidentin sprecher sprecherin veröffentlicht sie eine antwort text montag dienstag
        mittwoch donnerstag freitag samstag sonntag gesponsert gesponserte inhalte anzeige
        werbung euer eure dein ihr
    """.split()),
    particles=frozenset("von der den zu".split()),
    academic_titles=("prof", "dr", "mag", "dipl"),
    agencies=frozenset({
        "dpa", "deutsche presse-agentur", "kna", "epd", "apa", "sda", "keystone-sda", "sid",
        "ddp", "dts", "afx", "dpa-afx", "kathpress",
    }),
    desk_words=frozenset({"redaktion", "onlineredaktion", "online-redaktion", "redaktionsteam",
                          "nachrichtenredaktion", "team"}),
    months=Names.months_of("de", "1:jän", "2:febr", "3:maerz"),
    weekdays=Names.weekdays_of("de"),
)  # fmt: skip

# ----------------------------------------------------------------------------------------------

LEXICON = Lexicon(code="de", speech=SPEECH, names=NAMES)
