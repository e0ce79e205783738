"""What the rules know of French."""

from digest.extract.lexicon import Lexicon, Names, Speech

# --- Quotes and speakers ---------------------------------------------------------------------

_PRESENT = """dit déclare explique ajoute affirme estime souligne précise indique assure raconte
    confie poursuit réagit rappelle insiste note observe lance martèle regrette déplore dénonce
    reconnaît avance analyse commente conclut témoigne prévient avertit juge répond tranche résume
    détaille écrit fustige plaide soutient relève constate admet renchérit nuance complète interroge
    ironise glisse souffle avoue concède promet annonce conseille décrit qualifie évoque s'étonne
    s’étonne s'inquiète s’inquiète s'agace s’agace s'exclame s’exclame s'emporte s’emporte se remémore
    disent expliquent estiment affirment ajoutent déclarent soulignent précisent indiquent assurent
    racontent confient rappellent jugent dénoncent tempère rétorque réplique reprend lâche tonne
    s'indigne s’indigne s'insurge s’insurge assène argumente murmure rassure signale remarque pointe
    considère pense croit assume défend jure répète alerte s'alarme s’alarme salue certifie
    maintient corrige enchaîne plaisante s'amuse s’amuse sourit s'énerve s’énerve fulmine peste
    questionne demande confesse relate publie tweete"""

SPEECH = Speech(
    partitives=frozenset("des de du d'".split()),
    speech_verbs=frozenset(_PRESENT.split()),
    participles=frozenset(
        """déclaré expliqué ajouté affirmé estimé souligné précisé indiqué assuré raconté confié
        poursuivi réagi rappelé insisté noté observé lancé martelé regretté déploré dénoncé reconnu
        avancé analysé commenté conclu témoigné prévenu averti jugé répondu tranché résumé détaillé
        fustigé plaidé soutenu relevé constaté admis promis annoncé tweeté qualifié décrit évoqué
        conseillé souvenu dit écrit lâché rétorqué répliqué tonné repris argumenté murmuré signalé
        remarqué pointé considéré assumé défendu juré répété alerté salué maintenu corrigé demandé
        confessé relaté publié""".split()
    ),
    present_participles=frozenset(
        """estimant expliquant affirmant ajoutant soulignant assurant jugeant rappelant dénonçant
        déclarant précisant indiquant qualifiant regrettant déplorant prévenant""".split()
    ),
    auxiliaries=frozenset(
        "a ont est sont avait avaient était n'a n’a n'est n’est se s'est s’est fait va doit peut".split()
    ),
    verb_prefixes=("n’", "n'", "s’", "s'"),
    verb_adverbs=frozenset("ainsi encore aussi alors valoir fait".split()),
    subject_preludes=(
        "en préambule",
        "à cette occasion",
        "de même source",
        "quant à lui",
        "quant à elle",
        "pour sa part",
    ),
    pronouns=frozenset("il elle ils elles on lui eux je nous".split()),
    subject_pronouns=frozenset("il elle".split()),
    impersonal=frozenset({"on", "l’on", "l'on"}),
    # "a-t-il ajouté", "estime-t-elle", "dit-il".
    inverted_pronoun=(
        r"^(?:a-t-(il|elle|on)\s+[\wéèêàùûôîç]+"
        r"|[\wéèêàùûôîç’']+-(?:t-)?(il|elle|on|ils|elles))(?![\w-])"
    ),
    indefinites=frozenset("un une des deux trois plusieurs d’anciens d'anciens".split()),
    elided=("l’", "l'", "d’", "d'"),
    plural_determiners=frozenset("les des ces leurs mes tes nos vos plusieurs".split()),
    possessives=frozenset("son sa ses leur leurs mon ma mes notre nos votre vos".split()),
    abstract_suffixes=("tion", "sion", "ment", "ité", "isme", "ance", "ence"),
    unnamed_sources=frozenset({"source"}),
    texts=frozenset(
        """article plainte résolution accord texte lettre courrier courriel mail message tweet
        vidéo note projet loi décret arrêté jugement arrêt verdict sondage enquête chanson
        tribune éditorial chronique pétition proposition amendement traité contrat""".split()
    ),
    role_acronyms=frozenset("pdg dg ceo drh".split()),
    determiners=frozenset(
        """le la les un une des ce cet cette ces ses son sa leur leurs l’ l' d’ d' du de plusieurs
        d’anciens d'anciens deux trois""".split()
    ),
    noun_markers=frozenset(
        "le la les un une des ce cet cette ces son sa ses leur leurs du".split()
    ),
    frames=("selon", "d’après", "d'après"),
    opinion_frames=("pour",),
    going_on=frozenset(
        """ajoute ajouté ajoutant ajoutent poursuit poursuivi renchérit renchéri enchaîne
        enchaîné""".split()
    ),
    same_source=("de même source", "la même source", "de même sources"),
    agent_words=frozenset({"par"}),
    not_agents=frozenset("passé exemple ailleurs conséquent hasard suite moments endroits".split()),
    this_way=(
        r"c[’']est\s+(?:ainsi|en ces termes|avec ces mots|par ces mots|comme ça)\s+qu(?:e\s+|[’'])",
    ),
    honorifics=frozenset("m. m mme mlle me pr dr maître".split()),
    abbreviations=frozenset("pr mme mlle me m dr".split()),
    # « Le même jour, le président …, X, a déclaré »: the time, not the subject.
    adverbial_ends=frozenset(
        "jour jours semaine semaines mois an ans année années matin soir".split()
    ),
    adverbial_starts=frozenset(
        """en à au aux dans lors après avant pendant depuis quand alors mais et enfin puis ainsi or
        donc cependant pourtant toutefois chez concernant face sur par comme lundi mardi mercredi
        jeudi vendredi samedi dimanche afin""".split()
    ),
    noun_phrase_stops=frozenset(
        """dans lors depuis pendant avant après en au aux pour sur lorsque quand alors mais qui dont
        que qu’ qu' ce cette""".split()
    ),
    role_stops=frozenset("qui dont".split()),
    relatives=frozenset({"qui"}),
    subordinators=frozenset("quand que qu’ qu' qui dont et mais lorsque car si".split()),
    negations=frozenset({"ne", "n’", "n'", "non", "plus"}),
    conjunctions=frozenset({"et", "mais"}),
    that=frozenset({"que", "qu’", "qu'"}),
    complements=frozenset("de du des à au aux avec contre sur d’ d' c’est c'est".split()),
    organisations=frozenset(
        """ministère préfecture mairie gouvernement police gendarmerie parquet tribunal entreprise
        société groupe syndicat association commission agence office institut conseil journal
        quotidien hebdomadaire rapport étude communiqué collectif fédération parti document
        direction présidence administration municipalité rédaction opposition accusation
        université fondation institution organisation coalition parlement département livre
        ouvrage film album série émission magazine revue chaîne site blog podcast""".split()
    ),
    masculine_pronouns=frozenset({"il", "lui"}),
    feminine_pronouns=frozenset({"elle"}),
    masculine_determiners=frozenset("le un ce cet".split()),
    feminine_determiners=frozenset("la une cette".split()),
    masculine_words=frozenset(
        """m monsieur président directeur député sénateur conseiller avocat procureur""".split()
    ),
    feminine_words=frozenset(
        """mme mlle madame présidente directrice députée sénatrice conseillère avocate
        procureure""".split()
    ),
    company_suffixes=frozenset("sa sas sarl".split()),
    first_person=frozenset("je j’ j' moi nous mon ma mes notre nos".split()),
    opinion=frozenset("faut doit devons pense crois essentiel important jamais toujours".split()),
    inner_quotations=True,
)

# --- Bylines, honorifics, agencies, dates ----------------------------------------------------

NAMES = Names(
    given_name_locales=("fr_FR", "fr_CH", "fr_QC"),
    media_labels=frozenset("vidéo vidéos photos diaporama podcast".split()),
    roles=frozenset("journaliste avocat avocate".split()),
    byline_labels=("par",),
    credit_labels=("avec", "source :", "source:", "d'après"),
    not_a_name=frozenset("""
        rédaction redaction journaliste auteur auteurs rédacteur rédactrice envoyé envoyée
        spécial spéciale sa de la le du des publié publiée par presse acheter partager mis
        modifié posté hier ministre président présidente texte lundi mardi mercredi jeudi
        vendredi samedi dimanche votre
    """.split()),
    # "Loïc Le Clerc": an article inside a name.
    particles=frozenset({"de", "du", "des", "d’", "d'", "la", "le"}),
    agencies=frozenset({
        "afp", "agence france presse", "agence france-presse", "afp staff", "afp-relaxnews",
        "relaxnews", "belga", "ats", "keystone-ats",
    }),
    desk_words=frozenset({"rédaction", "redaction", "la rédaction", "équipe"}),
    months=Names.months_of("fr"),
    weekdays=Names.weekdays_of("fr"),
    time_zone="Europe/Paris",
)  # fmt: skip

# ----------------------------------------------------------------------------------------------

LEXICON = Lexicon(code="fr", speech=SPEECH, names=NAMES)
