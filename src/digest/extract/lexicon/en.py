"""What the rules know of English."""

from digest.extract.lexicon import Lexicon, Names, Speech

# --- Quotes and speakers ---------------------------------------------------------------------

SPEECH = Speech(
    partitives=frozenset({"of"}),
    speech_verbs=frozenset(
        """said says say told tells added adds asked asks wrote writes explained explains noted
        notes argued argues stated states declared declares insisted insists claimed claims
        continued recalled recalls warned warns replied replies responded responds tweeted tweets
        posted suggested suggests acknowledged acknowledges admitted admits announced announces
        observed remarked joked quipped shouted yelled exclaimed concluded cautioned contended
        countered emphasized emphasised stressed conceded predicted promised vowed urged boasted
        complained complains lamented mused offered pleaded proclaimed reiterated repeated retorted
        scoffed sighed snapped testified wondered asserted asserts maintained maintains charged
        alleged demanded reported reports read reads sang sings chanted called calls described
        describes accused accuses dismissed branded pledged characterized characterised attacked
        exhorted identified denounced denounces thinks believes believed thought felt feels hopes
        hoped wants wanted sees saw blamed blames praised praises criticized criticised slammed
        touted defended defends questioned questions mocked labeled labelled referred refers spoke
        speaks summed yells screamed cried whispered confirmed confirms denied denies estimated
        recounted agreed agrees disagreed objected protested reasoned speculated surmised expects
        revealed reveals confessed confesses gushed teased captioned penned
        """.split()
    ),
    present_participles=frozenset(
        """saying telling arguing insisting warning noting describing accusing promising adding
        calling claiming suggesting asking writing explaining speaking talking responding
        referring reacting commenting addressing""".split()
    ),
    auxiliaries=frozenset(
        "is was are were has had have will would can could did does do also then later once".split()
    ),
    verb_suffixes=("ed",),
    adverb_endings=("ly",),
    verb_adverbs=frozenset(
        """then later also further again himself herself elsewhere often once still never
        always just already even""".split()
    ),
    pronouns=frozenset("he she they it i we you him her them".split()),
    subject_pronouns=frozenset("he she".split()),
    indefinites=frozenset("a an one two three some several another other".split()),
    plural_determiners=frozenset("these those".split()),
    plural_endings=("s",),
    singular_endings=("ss", "us", "is"),
    possessives=frozenset("his her their its my our your".split()),
    possessive_endings=("’s", "'s"),
    abstract_suffixes=("tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence"),
    role_acronyms=frozenset("ceo cfo coo cto cio".split()),
    determiners=frozenset(
        """the a an his her their its this that these those one another some several two three
        other""".split()
    ),
    noun_markers=frozenset(
        "the a an his her their its this these those few many more new other".split()
    ),
    frames=("according to",),
    going_on=frozenset("added adds adding continued continues".split()),
    same_source=(
        "the same source",
        "the same official",
        "the same spokesman",
        "the same spokeswoman",
    ),
    agent_words=frozenset({"by"}),
    honorifics=frozenset("mr mrs ms miss dr prof sen rep gov gen rev sir dame lord lady".split()),
    abbreviations=frozenset(
        """mr mrs ms dr sen rep gov gen col lt st jr sr prof rev sgt capt no vs u.s u.k u.n d.c inc
        corp co ltd jan feb mar apr aug sept sep oct nov dec""".split()
    ),
    adverbial_starts=frozenset(
        """in at on during after before when while meanwhile however still but and also later
        earlier asked speaking since though although as for with from by last this yesterday
        today now once if despite amid under across here there monday tuesday wednesday thursday
        friday saturday sunday nonetheless nevertheless thus therefore hence instead indeed
        moreover furthermore besides otherwise likewise similarly consequently then finally
        eventually ultimately yes""".split()
    ),
    # A leading phrase ending in one of these is the time, not the subject: "That same day, …".
    adverbial_ends=frozenset(
        """ago day days week weeks month months year years morning afternoon evening night
        weekend""".split()
    ),
    noun_phrase_stops=frozenset(
        """in at on during when while after before as because about to via from who which that
        whose adding noting last this earlier later""".split()
    ),
    role_stops=frozenset("who which whose said says told in on during when at".split()),
    relatives=frozenset({"who"}),
    subordinators=frozenset("when that because while and but whereas until".split()),
    negations=frozenset({"not"}),
    conjunctions=frozenset({"and", "but", "so", "yet", "nor", "neither", "either"}),
    that=frozenset({"that"}),
    complements=frozenset("of by with against to from on about for at in".split()),
    organisations=frozenset(
        """agency ministry department office police company firm government council commission
        union committee court campaign administration party association group board authority
        newspaper paper clip ad book report study letter statement bank university institute
        foundation fund corporation network news times post journal press energy airlines school
        hospital house center centre service website outlet show podcast blog magazine channel
        broadcaster station film movie album series document organization organisation coalition
        prosecution opposition federation management parliament newsletter documentary novel
        column app studio zoo band navy army militia brand media site league club team staff chain
        crew panel jury""".split()
    ),
    unnamed_sources=frozenset("source insider".split()),
    plural_people=frozenset("people men women children folks couple family".split()),
    texts=frozenset(
        """article filing lawsuit suit complaint resolution compromise deal agreement research
        survey poll memo note email message tweet post video trailer episode song ruling verdict
        indictment proposal bill motion petition treaty law essay editorial review caption
        headline brief description draft decision estimate poem""".split()
    ),
    person_nouns=frozenset(
        """judge pope cardinal bishop priest pastor rabbi imam king queen prince princess coach
        chef chief head boss star critic expert official spokesperson secretary attorney nurse
        surgeon diplomat envoy general colonel captain sergeant detective sheriff victim witness
        veteran actress host anchor model athlete quarterback rookie teen child kid boy girl mom
        dad son daughter wife husband widow sister brother uncle aunt nephew niece cousin friend
        neighbor neighbour scholar aide adviser staffer executive entrepreneur billionaire
        millionaire celebrity representative lawmaker candidate nominee delegate democrat
        republican conservative liberal ally guy lady gentleman native mayor pilot chair
        chairperson artist heir heiress legend icon superstar mogul tycoon guru activist cop
        deputy marshal soldier marine midfielder forward guard center goalie pitcher catcher
        receiver linebacker champion champ cleric magistrate monk nun sheikh emir sultan
        admiral lad lass twin sibling relative baby suspect plaintiff inmate hostage guest
        hostess fan skeptic pundit paramedic medic vet principal dean provost pupil graduate
        alumnus alumna intern apprentice clerk cook waitress spy monarch duke duchess earl
        knight vicar poet playwright architect hero heroine villain citizen individual adult
        senior junior local mum grandma grandpa grandson stepson spouse comic progressive
        moderate analyst member colleague""".split()
    ),
    person_endings=tuple("er or ist ian ant ent man woman person ee old friend bishop".split()),
    masculine_pronouns=frozenset("he him his".split()),
    feminine_pronouns=frozenset("she her hers".split()),
    masculine_words=frozenset(
        """mr sir lord chairman spokesman congressman businessman husband father son brother
        king""".split()
    ),
    feminine_words=frozenset(
        """mrs ms miss dame lady chairwoman spokeswoman congresswoman businesswoman wife mother
        daughter sister queen""".split()
    ),
    thing_pronouns=frozenset({"its"}),
    company_suffixes=frozenset("inc corp co ltd llc plc lp".split()),
    first_person=frozenset("i i’m i'm me my we us our".split()),
    opinion=frozenset(
        "should must need needs believe think important wrong right never always".split()
    ),
    comma_inside=True,
    titles_capitalised=True,
)

# --- Bylines, honorifics, agencies, dates ----------------------------------------------------

NAMES = Names(
    given_name_locales=("en_US", "en_GB", "en_IE", "en_NZ"),
    masculine_given_names=frozenset({"will"}),
    media_labels=frozenset("video videos watch photos pictures gallery podcast listen".split()),
    roles=frozenset("reporter editor writer journalist columnist correspondent contributor more posted".split()),
    byline_labels=("by",),
    credit_labels=("reporting by", "with files from", "with reporting from", "source:", "with"),
    provider_labels=("provided by", "materials provided by"),
    not_a_name=frozenset("""
        staff writer writers reporter reporters correspondent editor editors editorial
        contributor contributors columnist desk team newsroom news press associated agency media
        magazine online admin administrator guest sponsored partner content journalist author
        authors special senior chief deputy producer publisher photographer photos photo video
        opinion
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
    particles=frozenset("van von de der den ter da di du del della st bin ben ibn al el".split()),
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
