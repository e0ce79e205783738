"""What the rules know of English."""

from digest.extract.lexicon import Lexicon, Names, Speech

# --- Quotes and speakers ---------------------------------------------------------------------

SPEECH = Speech()

# --- Bylines, honorifics, agencies, dates ----------------------------------------------------

NAMES = Names(
    roles=frozenset("reporter editor writer journalist columnist correspondent contributor more posted".split()),
    byline_labels=("by",),
    not_a_name=frozenset("""
        staff writer writers reporter reporters correspondent editor editors editorial
        contributor contributors columnist desk team newsroom news press associated agency media
        magazine online admin administrator guest sponsored partner content journalist author
        authors special senior chief deputy producer photographer photos photo video opinion
        analysis wire service services bureau daily times post journal tribune gazette herald
        newsletter blog telegram enquirer courier chronicle observer examiner register sentinel
        today express globe inquirer bulletin dispatch group inc ltd llc the of for with in at on
        about this our your updated published share follow more read view all posts articles
        comments comment email twitter facebook linkedin instagram contact click here subscribe
        unknown anonymous nobody none null user communication communications office department
        ministry university institute foundation association council committee company
        corporation network channel radio tv television sports weather health science business
        politics world local national international review reviews guide guides tips is are by
        article buy tickets ticket shop order download watch listen login sign donate print
        minutes min ago yesterday minister secretary reply leave text monday tuesday wednesday
        thursday friday saturday sunday cnn bbc nyt wsj wapo
    """.split()),
    # Dutch and Arabic particles too: English-language pages print names of every origin.
    particles=frozenset("van der den ter st bin ibn al el".split()),
    credentials=frozenset("""
        md phd rn do mph jr sr ii iii iv mba esq dr facs rd msc bsc ma ms dds lcsw cpa np pa-c
        pharmd dvm
    """.split()),
    agencies=frozenset({
        "ap", "associated press", "the associated press", "reuters", "thomson reuters", "upi",
        "united press international", "pa", "pa media", "press association", "bloomberg",
        "aap", "cp", "the canadian press", "canadian press", "cna", "ians", "pti", "ani",
        # international agencies as English-language pages print them
        "xinhua", "kyodo", "yonhap", "tass", "ria novosti", "anadolu", "aa", "ctk", "pap", "mti",
        "anp", "ritzau", "ntb", "tt", "stt", "ap staff", "reuters staff",
    }),
    desk_words=frozenset({"staff", "desk", "newsroom", "team", "editorial board", "editors",
                          "web desk", "news desk"}),
    months=Names.months_of("en", "1:janu"),
    # American usage; English outside North America writes the day first, like Europe.
    month_first=True,
    day_first_regions=frozenset({"gb", "uk", "ie", "au", "nz", "in", "za"}),
    weekdays=Names.weekdays_of("en"),
)  # fmt: skip

# ----------------------------------------------------------------------------------------------

LEXICON = Lexicon(code="en", speech=SPEECH, names=NAMES)
