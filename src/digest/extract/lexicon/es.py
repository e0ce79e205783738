"""What the rules know of Spanish."""

from digest.extract.lexicon import Lexicon, Names, Speech

# --- Quotes and speakers ---------------------------------------------------------------------

SPEECH = Speech(
    partitives=frozenset("de los las".split()),
    speech_verbs=frozenset(
        """dijo dice afirmó afirma explicó explica señaló señala aseguró asegura añadió añade
        declaró declara indicó indica agregó agrega sostuvo sostiene advirtió advierte manifestó
        comentó comenta apuntó apunta destacó destaca subrayó subraya lamentó lamenta aclaró
        aclara preguntó pregunta remató remata recalcó recalca opinó opina insistió
        insiste reconoció reconoce admitió admite expresó expresa planteó plantea resaltó resalta
        puntualizó puntualiza enfatizó enfatiza relató relata alertó alerta aseveró
        asevera adelantó adelanta concluyó concluye precisó precisa dijeron explicaron afirmaron
        señalaron indicaron aseguraron agregaron añadieron sostuvieron""".split()
    ),
    auxiliaries=frozenset("ha han había habían es son fue fueron era eran".split()),
    # The preterite's third person: "Biden sonrió y dijo", "Betancourt distó de …".
    verb_suffixes=("ó",),
    verb_adverbs=frozenset("también además luego".split()),
    pronouns=frozenset("él ella ellos ellas".split()),
    indefinites=frozenset("un una unos unas".split()),
    masculine_determiners=frozenset("el un este ese".split()),
    feminine_determiners=frozenset("la una esta esa".split()),
    plural_determiners=frozenset("los las unos unas estos estas esos esas sus".split()),
    possessives=frozenset("su sus mi mis nuestro nuestra".split()),
    abstract_suffixes=("ción", "sión", "miento", "dad", "ismo"),
    texts=frozenset(
        """artículo demanda denuncia informe estudio encuesta carta comunicado mensaje tuit
        video vídeo resolución acuerdo proyecto ley decreto sentencia fallo libro canción
        documento texto""".split()
    ),
    organisations=frozenset(
        """ministerio gobierno alcaldía ayuntamiento policía fiscalía tribunal juzgado empresa
        compañía sindicato partido asociación comisión agencia instituto consejo periódico
        diario universidad fundación organización coalición parlamento congreso senado
        departamento oficina banco cadena emisora revista grupo""".split()
    ),
    determiners=frozenset("el la los las un una unos unas su sus este esta".split()),
    noun_markers=frozenset("el la los las un una unos unas".split()),
    frames=("según", "de acuerdo con"),
    going_on=frozenset("añadió añade agregó agrega añadiendo agregando".split()),
    same_source=("la misma fuente", "las mismas fuentes"),
    agent_words=frozenset({"por"}),
    honorifics=frozenset("sr sra srta dr dra don doña".split()),
    abbreviations=frozenset("sr sra srta dr dra".split()),
    complements=frozenset("de del a al con contra".split()),
    that=frozenset({"que"}),
    # Words opening a sentence's adverbial or linking it to the one before: "Sin embargo", "En
    # aquel momento", "Y en ese sentido".
    adverbial_starts=frozenset(
        "en sin sobre tras durante desde hasta para ante y pero aunque cuando si así hoy ayer".split()
    ),
    # "Ese mismo día, el presidente …, X, señaló": the time, not the subject.
    adverbial_ends=frozenset(
        "día días semana semanas mes meses año años mañana tarde noche".split()
    ),
    # Words ending a speaker's noun phrase: "señaló Boric en Coquimbo", "advirtió la titular de
    # Interior a los senadores", "añadió el senador por Florida".
    noun_phrase_stops=frozenset(
        "en a al ante tras durante desde hasta para por sobre mientras cuando quien quienes".split()
    ),
    # "Moreau, que preside la Comisión …": a relative clause, not a role.
    role_stops=frozenset("que quien quienes cuyo cuya".split()),
    conjunctions=frozenset({"pero"}),
    inner_quotations=True,
    adverb_endings=("mente",),
    drops_subject=True,
)

# --- Bylines, honorifics, agencies, dates ----------------------------------------------------

NAMES = Names(
    given_name_locales=("es_ES", "es_MX", "es_AR", "es_CO", "es_CL"),
    roles=frozenset("hace abogado abogada".split()),
    byline_labels=("por",),
    credit_labels=("con información de", "fuente:", "con"),
    not_a_name=frozenset("publicado publicada actualizado actualizada hace presidente".split()),
    particles=frozenset("de del la las los y".split()),
    agencies=frozenset({"efe", "europa press", "agencia efe"}),
    desk_words=frozenset({"redacción", "redaccion"}),
    months=Names.months_of("es"),
    weekdays=Names.weekdays_of("es"),
)  # fmt: skip

# ----------------------------------------------------------------------------------------------

LEXICON = Lexicon(code="es", speech=SPEECH, names=NAMES)
