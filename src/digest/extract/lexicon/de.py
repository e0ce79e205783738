"""What the rules know of German."""

from digest.extract.lexicon import Lexicon, Names, Speech

# --- Quotes and speakers ---------------------------------------------------------------------

SPEECH = Speech(
    partitives=frozenset("der von".split()),
    clause_openers=frozenset({"so"}),
    impersonal_reports=("heißt es", "hieß es"),
    speech_verbs=frozenset(
        """sagt sagte sagten sagen so erklärt erklärte erklärten betont betonte meint meinte
        schreibt schrieb schreiben schrieben fügt fügte ergänzt ergänzte teilt teilte räumt räumte
        erzählt erzählte schildert schilderte berichtet berichtete warnt warnte fordert forderte
        kritisiert kritisierte scherzt scherzte weiß wusste versichert versicherte zeigt zeigte
        stellt stellte sagte fragt fragte antwortet antwortete bestätigt bestätigte kündigt kündigte
        verweist verwies unterstreicht unterstrich mahnt mahnte beklagt beklagte bemängelt
        bemängelte lobt lobte glaubt glaubte findet fand hofft hoffte ruft rief twittert twitterte
        bilanziert bilanzierte resümiert resümierte gibt gab erläutert erläuterte berichten
        betonen erklären meinen sprechen spricht sprach argumentiert argumentierte wiederholt
        wiederholte verspricht versprach""".split()
    ),
    participles=frozenset(
        """gesagt erklärt betont gemeint geschrieben berichtet gewarnt gefordert kritisiert
        versichert bestätigt angekündigt""".split()
    ),
    auxiliaries=frozenset(
        """hat haben hatte hatten habe ist sind war waren wird werden muss müssen kann können
        soll sollen will wollen darf dürfen wurde wurden würde würden""".split()
    ),
    verb_adverbs=frozenset(
        "auch zudem weiter außerdem ferner noch dazu ein mit hinzu klar fest jetzt allerdings damals".split()
    ),
    pronouns=frozenset("er sie es ihm ihr ihn ich wir".split()),
    subject_pronouns=frozenset("er sie".split()),
    impersonal=frozenset({"man", "es"}),
    indefinites=frozenset("ein eine einer eines einem einen zwei drei mehrere".split()),
    possessives=frozenset(
        "sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres unser unsere".split()
    ),
    abstract_suffixes=("ung", "heit", "keit", "schaft", "tion", "ismus"),
    unnamed_sources=frozenset("quelle insider".split()),
    texts=frozenset(
        """artikel text brief schreiben klage anklage antrag beschluss vertrag abkommen umfrage
        tweet video lied urteil gutachten entwurf papier""".split()
    ),
    role_acronyms=frozenset("ceo cfo coo cto cio".split()),
    determiners=frozenset(
        """der die das den dem des ein eine einer eines einem einen sein seine ihr ihre dieser diese
        dieses zwei drei mehrere""".split()
    ),
    noun_markers=frozenset("der die das den dem des ein eine einer eines einem einen".split()),
    frames=("laut", "nach angaben von", "nach angaben des", "nach angaben der"),
    opinion_frames=("für",),
    going_on=frozenset("hinzu hinzugefügt ergänzte ergänzt ergänzend".split()),
    same_source=("derselben quelle", "dieselbe quelle", "gleichen quelle", "gleiche quelle"),
    agent_words=frozenset({"von"}),
    honorifics=frozenset("herr frau dr dr. prof prof.".split()),
    abbreviations=frozenset("dr prof bzw vgl ca nr st".split()),
    adverbial_starts=frozenset(
        """in im am an auf aus bei nach vor um während seit als wenn aber und auch dann doch jedoch zudem
        mit für über unter nun jetzt heute gestern damals da so danach zuletzt bereits schon
        montag dienstag mittwoch donnerstag freitag samstag sonntag deswegen deshalb daher darum
        trotzdem dennoch allerdings außerdem ab bisher endlich freilich zwar hier darüber""".split()
    ),
    noun_phrase_stops=frozenset(
        """am im in bei vor nach gegenüber während auf mit seinem seinen ihrem ihren dem über laut
        zu zum zur und sowie gestern heute""".split()
    ),
    role_stops=frozenset("der die das dem den wer welche welcher".split()),
    before_ordinals=frozenset(
        """der die das den dem des sein seine seinem seinen seines ihr ihre ihrem ihren ihres
        jeder jede jedes zum zur im am beim vom ins""".split()
    ),
    subordinators=frozenset(
        "dass ob wenn weil als nachdem und aber denn was wer wie warum wieso weshalb".split()
    ),
    negations=frozenset({"nicht", "kein", "keine"}),
    conjunctions=frozenset({"und", "aber", "doch"}),
    that=frozenset({"dass"}),
    complements=frozenset("von vom des der dem mit gegen über für an bis".split()),
    organisations=frozenset(
        """ministerium behörde polizei regierung unternehmen konzern firma verband amt
        gericht staatsanwaltschaft partei zeitung studie bericht mitteilung erklärung
        vertretung verwaltung gewerkschaft gesellschaft stiftung vereinigung agentur kommission
        ausschuss bank universität hochschule institut fonds netzwerk bündnis verein klinik
        krankenhaus schule sender magazin blatt portal website podcast blog buch film serie album
        dokument organisation koalition opposition parlament senat kampagne büro plattform
        gruppe""".split()
    ),
    documents=(
        "gesetz",
        "gesetzes",
        "verordnung",
        "richtlinie",
        "gesetzbuch",
        "paragraf",
        "paragraph",
    ),
    masculine_pronouns=frozenset({"er", "ihm", "ihn"}),
    feminine_pronouns=frozenset({"sie"}),
    masculine_words=frozenset("herr sprecher minister präsident kanzler chef".split()),
    feminine_words=frozenset("frau sprecherin ministerin präsidentin kanzlerin chefin".split()),
    company_suffixes=frozenset("gmbh ag kg se".split()),
    role_endings=tuple(
        """chef chefin sprecher sprecherin präsident präsidentin minister ministerin leiter
        leiterin manager managerin direktor direktorin kritiker kritikerin organisator
        organisatorin professor professorin sieger siegerin trainer trainerin experte expertin
        ingenieur ingenieurin kanzler kanzlerin vorsitzender vorsitzende boss ceo profi meister
        meisterin abgeordneter abgeordnete pfarrer pfarrerin bischof anwalt anwältin autor
        autorin forscher forscherin gründer gründerin führer führerin gastgeber gastgeberin
        botschafter botschafterin kommissar kommissarin senator senatorin""".split()
    ),
    # Konjunktiv I and II of the auxiliaries, the modals and the verbs a report most often uses.
    reported_forms=frozenset(
        """sei seien seiest habe werde könne müsse solle wolle dürfe möge wisse gebe gehe stehe
        liege komme bleibe brauche zeige erhalte biete nehme versuche umfasse richte erhole fehle
        gelte handle handele lasse heiße halte sehe finde trage mache führe spiele sorge drohe
        wäre wären hätte hätten würde würden könnte könnten müsste müssten dürfte dürften
        möchte möchten gäbe gäben läge lägen käme kämen ließe ließen""".split()
    ),
    first_person=frozenset("ich mich mir mein meine wir uns unser unsere".split()),
    opinion=frozenset("muss müssen sollte sollten nie immer wichtig falsch richtig".split()),
    inner_quotations=True,
    nouns_capitalised=True,
    verb_second=True,
)

# --- Bylines, honorifics, agencies, dates ----------------------------------------------------

NAMES = Names(
    media_labels=frozenset("video videos fotos bilder bildergalerie galerie podcast".split()),
    roles=frozenset("experte expertin redakteur redakteurin chefredakteur chefredakteurin korrespondent korrespondentin reporterin autor autorin leiter leiterin sprecher sprecherin journalistin kolumnist kolumnistin volontär volontärin mitarbeiter mitarbeiterin stand weitere mehr anwalt fachanwalt rechtsanwalt anwältin fachanwältin rechtsanwältin notar notarin".split()),
    byline_labels=("von",),
    credit_labels=("quelle:", "mit material von", "mit material der", "mit"),
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
    # Not "zu", "der" nor "den": they join a name to the noun after it as often ("sagte Olaf
    # Scholz zu Journalisten", "Afelt von der Universität"). "von der Leyen" has them all the same.
    particles=frozenset("von van de da di".split()),
    academic_titles=("prof", "dr", "mag", "dipl"),
    agencies=frozenset({
        "dpa", "deutsche presse-agentur", "kna", "epd", "apa", "sda", "keystone-sda", "sid",
        "ddp", "dts", "afx", "dpa-afx", "kathpress",
    }),
    desk_words=frozenset({"redaktion", "onlineredaktion", "online-redaktion", "redaktionsteam",
                          "nachrichtenredaktion", "team"}),
    months=Names.months_of("de", "1:jän", "2:febr", "3:maerz"),
    weekdays=Names.weekdays_of("de"),
    given_name_locales=("de_DE", "de_AT", "de_CH"),
    time_zone="Europe/Berlin",
)  # fmt: skip

# ----------------------------------------------------------------------------------------------

LEXICON = Lexicon(code="de", speech=SPEECH, names=NAMES)
