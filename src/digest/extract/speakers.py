"""Who speaks: attributions around and inside a quotation, in English and French.

Each finder looks at one side of a quotation (the text after its closing mark, the text before its
opening mark, or the inside of a French quotation with an incise) and returns the speaker as the text
names it: a name, a name with its role ("Willem van Rijn, Greenpeace COO"), a noun phrase ("a source")
or a pronoun, which the caller may resolve to the last named person. No parser: word lists and the
shape of the words (capitals, verb endings) stand in for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_EN_REPORTING = frozenset(
    """said says say told tells added adds asked asks wrote writes explained explains noted notes
    argued argues stated states declared declares insisted insists claimed claims continued recalled
    recalls warned warns replied replies responded responds tweeted tweets posted suggested suggests
    acknowledged acknowledges admitted admits announced announces observed remarked joked quipped
    shouted yelled exclaimed concluded cautioned contended countered emphasized emphasised stressed
    conceded predicted promised vowed urged boasted complained complains lamented mused offered
    pleaded proclaimed reiterated repeated retorted scoffed sighed snapped testified wondered
    asserted asserts maintained maintains charged alleged demanded reported reports read reads
    sang sings chanted called calls described describes accused accuses dismissed branded pledged
    characterized characterised attacked exhorted identified denounced denounces thinks believes
    believed thought felt feels hopes hoped wants wanted sees saw blamed blames praised praises
    criticized criticised slammed touted defended defends questioned questions mocked labeled
    labelled referred refers spoke speaks summed yells screamed cried whispered confirmed confirms
    denied denies estimated recounted agreed agrees disagreed objected protested reasoned
    speculated surmised acknowledged explained notes adds insists explains hopes expects""".split()
)
_EN_AUXILIARIES = frozenset(
    "is was are were has had have will would can could did does do also then later once".split()
)
_FR_REPORTING = frozenset(
    """dit déclare explique ajoute affirme estime souligne précise indique assure raconte confie
    poursuit réagit rappelle insiste note observe lance martèle regrette déplore dénonce reconnaît
    avance analyse commente conclut témoigne prévient avertit juge répond tranche résume détaille
    écrit fustige plaide soutient relève constate admet renchérit nuance complète interroge ironise
    glisse souffle avoue concède promet annonce conseille décrit qualifie évoque s'étonne s’étonne
    s'inquiète s’inquiète s'agace s’agace s'exclame s’exclame s'emporte s’emporte se remémore
    disent expliquent estiment affirment ajoutent déclarent soulignent précisent indiquent assurent
    racontent confient rappellent jugent dénoncent tempère rétorque réplique reprend lâche tonne
    s'indigne s’indigne s'insurge s’insurge assène argumente murmure rassure signale remarque pointe
    considère pense croit assume défend jure répète alerte s'alarme s’alarme salue certifie
    maintient corrige enchaîne plaisante s'amuse s’amuse sourit s'énerve s’énerve fulmine peste
    questionne demande confesse relate publie tweete""".split()
)
# Past participles report speech only after an auxiliary: "a prévenu X", not "le prévenu".
_FR_PARTICIPLES = frozenset(
    """déclaré expliqué ajouté affirmé estimé souligné précisé indiqué assuré raconté confié poursuivi
    réagi rappelé insisté noté observé lancé martelé regretté déploré dénoncé reconnu avancé analysé
    commenté conclu témoigné prévenu averti jugé répondu tranché résumé détaillé fustigé plaidé
    soutenu relevé constaté admis promis annoncé tweeté qualifié décrit évoqué conseillé souvenu
    dit écrit lâché rétorqué répliqué tonné repris argumenté murmuré signalé remarqué pointé
    considéré assumé défendu juré répété alerté salué maintenu corrigé demandé confessé relaté
    publié""".split()
)
_FR_VERBS = _FR_REPORTING | _FR_PARTICIPLES
# Present participles share the subject of the main clause: "…, estimant que « … »".
_FR_PRESENT_PARTICIPLES = frozenset(
    """estimant expliquant affirmant ajoutant soulignant assurant jugeant rappelant dénonçant
    déclarant précisant indiquant qualifiant regrettant déplorant prévenant""".split()
)
_FR_AUXILIARIES = frozenset(
    "a ont est sont avait avaient était n'a n’a n'est n’est se s'est s’est fait va doit peut".split()
)
PRONOUNS = frozenset(
    "he she they it i we him her them il elle ils elles on lui eux je nous".split()
)
_DETERMINERS = frozenset(
    """the a an his her their its this that these those one another some several two three other
    le la les un une des ce cet cette ces ses son sa leur leurs l’ l' d’ d' du de plusieurs
    d’anciens d'anciens deux trois""".split()
)
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr sen rep gov gen col lt st jr sr prof rev sgt capt u.s u.k u.n d.c pr mme mlle me m".split()
)
_ADVERBIAL_START = frozenset(
    """in at on during after before when while meanwhile however still but and also later earlier
    asked speaking since though although as for with from by last this yesterday today once if
    despite amid under
    en à au aux dans lors après avant pendant depuis quand alors mais et enfin puis ainsi or donc
    cependant pourtant toutefois chez
    concernant face sur par comme monday tuesday wednesday thursday friday saturday sunday lundi
    mardi mercredi jeudi vendredi samedi dimanche""".split()
)
_NP_STOP = frozenset(
    """in at on during when while after before as because about to via from who which that whose
    adding noting last this earlier later dans lors depuis pendant avant après en au aux pour sur
    lorsque quand alors mais qui dont que qu’ qu' ce cette""".split()
)
_NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w’'.\-]*$")
_PARTICLES = frozenset("van von de der den da di du del della la le bin ben al el y d’ d'".split())
_ROLE_STOP = re.compile(
    r"\s+(?:who|which|whose|qui|dont|said|says|told|in an?|on|during|when|at an?)\b.*$", re.S
)
_PARENS = re.compile(r"\s*\([^()]{0,60}\)")
_DASH_SIGNATURE = re.compile(r"^\s*[―—–]\s*([A-ZÀ-ÖØ-Þ][^\n.,;]{1,60}(?:,[^\n.;]{1,60})?)")
_FR_INVERTED = re.compile(
    r"^(?:a-t-(il|elle|on)\s+[\wéèêàùûôîç]+|[\wéèêàùûôîç’']+-(?:t-)?(il|elle|on|ils|elles))(?![\w-])"
)
_SELON = re.compile(r"(?:^|.*[\s,(])(?:selon|d’après|d'après|according to)\s+(.+)$", re.S | re.I)
_POUR = re.compile(r"^(?:mais\s+|et\s+)?pour\s+(.+)$", re.S | re.I)
_WORDS = re.compile(r"[\w’'-]+")

_EN_PARTICIPLES = frozenset(
    """saying telling arguing insisting warning noting describing accusing promising adding calling
    claiming suggesting asking adding writing explaining""".split()
)
_TRAILING = re.compile(r"[\s,;:.!?)\]»”\"]+$")


@dataclass(frozen=True)
class Attribution:
    """A speaker mention and where its attribution clause ends (for tails) or starts (for heads)."""

    speaker: str
    edge: int


def is_pronoun(speaker: str | None) -> bool:
    """True when the speaker is a bare pronoun ("he", "elle")."""
    return bool(speaker) and str(speaker).casefold() in PRONOUNS


def is_name(speaker: str | None) -> bool:
    """True when the speaker starts with a capitalised name (not a pronoun or a description)."""
    if not speaker or is_pronoun(speaker):
        return False
    words = speaker.split(",")[0].split()
    return (
        bool(words)
        and words[0].casefold() not in _DETERMINERS
        and all(
            _NAME_WORD.match(w) or w.casefold() in _PARTICLES or w.casefold() in _ABBREVIATIONS
            for w in words
        )
    )


def starts_noun_phrase(word: str) -> bool:
    """True when a word can open a speaker mention: a name, a determiner or a pronoun."""
    low = word.casefold()
    if low.startswith(("l’", "l'", "d’", "d'")) and len(low) > 2:
        return True
    return bool(_NAME_WORD.match(word)) or low in _DETERMINERS or low in PRONOUNS


def _is_verb(word: str, language: str | None) -> bool:
    low = word.casefold()
    if language == "fr":
        return (
            low in _FR_VERBS or low in _FR_AUXILIARIES or low.startswith(("n’", "n'", "s’", "s'"))
        )
    if low in _EN_REPORTING or low in _EN_AUXILIARIES:
        return True
    return word.islower() and len(word) > 4 and low.endswith("ed") and "-" not in word


def cut_clause(text: str) -> str:
    """Text up to the first real end of clause: a full stop that ends no abbreviation or initial."""
    for m in re.finditer(r"[.;:!?«»“”\"\n]", text):
        ch = m.group()
        if ch == ".":
            word = re.search(r"([\w.\-]+)\.$", text[: m.end()])
            token = word.group(1).casefold() if word else ""
            if (
                token in _ABBREVIATIONS
                or re.fullmatch(r"\w", token)
                or re.fullmatch(r"(?:\w\.)+\w", token)
            ):
                continue
            if re.match(r"\d", text[m.end() : m.end() + 1]):
                continue
            # A period inside a parenthesis such as "(D-N.C.)" does not end the clause.
            if text.count("(", 0, m.start()) > text.count(")", 0, m.start()):
                continue
        return text[: m.start()]
    return text


def _with_role(name: str, rest: str) -> str:
    """'Scott Pruitt' + ', the Republican attorney general, said …' -> name with its role."""
    m = re.match(r"^\s*,\s*([^,]{2,80}?)\s*(?:,|$)", rest)
    if not m or not is_name(name):
        return name
    role = _ROLE_STOP.sub("", m.group(1)).strip()
    first = role.split()[0].casefold() if role else ""
    if (
        not role
        or first in PRONOUNS
        or first in {"who", "which", "qui", "dont"}
        or len(role.split()) > 10
    ):
        return name
    if _is_verb(role.split()[0], None) or _is_verb(role.split()[0], "fr"):
        return name
    return f"{name}, {role}"


def noun_phrase(text: str, language: str | None) -> str | None:
    """The noun phrase at the start of `text` (after a verb): a name with its role, or a description."""
    clause = _PARENS.sub("", cut_clause(text)).strip()
    parts = clause.split(",")
    head = parts[0].strip()
    words: list[str] = []
    for w in head.split():
        low = w.casefold()
        if words and low in _NP_STOP:
            break
        words.append(w)
        if len(words) > 10:
            return None
    np = " ".join(words).strip()
    if not np:
        return None
    if not starts_noun_phrase(np.split()[0]):
        return None
    # "le président du tribunal, Denis Weisbuch": the name, then the role.
    if (
        len(parts) > 1
        and not is_name(np)
        and is_name(parts[1].strip())
        and len(parts[1].split()) <= 4
    ):
        return f"{_TRAILING.sub('', parts[1].strip())}, {np}"
    with_role = _with_role(np, clause[len(parts[0]) :]) if len(parts) > 1 else np
    return _TRAILING.sub("", with_role) or None


def _adverbial(chunk: str) -> bool:
    """A leading phrase that is not the subject: "In July", "Though she …", "Following a meeting"."""
    first = chunk.split()[0]
    low = first.casefold()
    return low in _ADVERBIAL_START or (low.endswith("ing") and first[0].isupper() and len(low) > 5)


def subject(clause: str, language: str | None) -> str | None:
    """The subject of a clause: the words before its verb, a role kept ('X, the …, says')."""
    clause = _PARENS.sub("", clause)
    chunks = [c.strip() for c in clause.split(",")]
    # Skip leading adverbials ("In July,", "Concernant le lait,").
    while len(chunks) > 1 and chunks[0] and _adverbial(chunks[0]):
        chunks.pop(0)
    if not chunks or not chunks[0]:
        return None
    words: list[str] = []
    for w in chunks[0].split():
        # A verb-like word right after a determiner is a noun or an adjective: "la demande",
        # "the retired general".
        if words and _is_verb(w, language) and words[-1].casefold() not in _DETERMINERS:
            break
        if words and w.endswith("ly") and w.islower():
            break  # "Gingrich cynically dismissed"
        words.append(w)
    else:
        # No verb in the first chunk: "X, the …, says" puts it after an appositive.
        if len(chunks) > 1 and not is_name(chunks[0]) and is_name(chunks[1]):
            # "The harbour master, Tom Reed, explained": the name, then the role.
            role = (
                chunks[0][0].lower() + chunks[0][1:]
                if chunks[0].split()[0] in {"The", "Le", "La", "Les"}
                else chunks[0]
            )
            return f"{chunks[1]}, {role}" if len(role.split()) <= 8 else chunks[1]
        if len(chunks) > 1 and is_name(chunks[0]):
            role_words = chunks[1].split()
            if role_words and not _is_verb(role_words[0], language):
                return _TRAILING.sub("", f"{chunks[0]}, {_ROLE_STOP.sub('', chunks[1])}")
            return chunks[0] if len(chunks[0].split()) <= 8 else None
    while words and words[0].casefold() in _ADVERBIAL_START | {"and", "but", "so", "et", "mais"}:
        words.pop(0)
    if not words or len(words) > 10:
        return None
    np = " ".join(words)
    if not starts_noun_phrase(words[0]):
        return None
    return _TRAILING.sub("", np) or None


_SUBORDINATORS = frozenset(
    "quand que qu’ qu' qui dont et mais lorsque car when that because while and but whereas".split()
)
_NEGATION = frozenset({"ne", "n’", "n'", "non", "plus", "not"})


def subject_of_verb(head: str, verb: tuple[int, int], language: str | None) -> str | None:
    """The subject of the reporting verb at `verb` in `head`: the words right before it."""
    pre = head[: verb[0]]
    word = head[verb[0] : verb[1]].casefold()
    inverted = _FR_INVERTED.match(word)
    if inverted:
        return inverted.group(1) or inverted.group(2)
    if word.endswith(("ing", "ant")):
        # "…, saying that": a participle shares the main clause's subject, or that of the
        # attribution before it ("déplore-t-elle, en rappelant").
        earlier = last_reporting_verb(pre, language)
        found = subject_of_verb(pre, earlier, language) if earlier else None
        return found or subject(pre, language)
    words = re.split(r"[,;―—–]", _PARENS.sub("", pre))[-1].strip(' "“”«»\u00a0').split()
    cut = max((i for i, w in enumerate(words) if w.casefold() in _SUBORDINATORS), default=-1)
    words = words[cut + 1 :]
    while words and (
        words[-1].casefold() in _EN_AUXILIARIES | _FR_AUXILIARIES | _NEGATION
        or (words[-1].endswith(("ly", "ment")) and words[-1].islower())
    ):
        words.pop()
    if not words and not pre.strip():
        return None  # "Qualifié de « … » par X": no subject before the verb
    if words and len(words) <= 9 and starts_noun_phrase(words[0]):
        return _TRAILING.sub("", " ".join(words)) or None
    return subject(head[: verb[1]], language)


def subject_of_sentence(head: str, language: str | None) -> str | None:
    """The subject of a sentence whose verb comes before `head` ends: 'Trump tweeted that …'."""
    chunks = head.split(",")
    while len(chunks) > 1 and chunks[0].strip() and _adverbial(chunks[0].strip()):
        chunks.pop(0)  # "Though she called it …, Clinton restricted …"
    words = ",".join(chunks).split()
    for i, w in enumerate(words[:16]):
        if i and _is_verb(w.strip(",;"), language) and w.casefold() not in _EN_AUXILIARIES:
            return subject(" ".join(words[: i + 1]), language)
    return None


_NOT_AGENTS = frozenset("passé exemple ailleurs conséquent hasard suite moments endroits".split())
_CEST_AINSI = re.compile(
    r"^c[’']est\s+(?:ainsi|en ces termes|avec ces mots|par ces mots|comme ça)\s+qu(?:e\s+|[’'])(.+)$",
    re.S | re.I,
)


def after(tail: str, language: str | None) -> Attribution | None:
    """Speaker named right after a closing mark: '," said X', ', X said', ', explique X', '— X'."""
    m = _DASH_SIGNATURE.match(tail)
    if m:
        return Attribution(_TRAILING.sub("", m.group(1)), m.end())
    stripped = _PARENS.sub("", tail, count=1) if re.match(r"^\s*\(", tail) else tail
    stripped = stripped.lstrip(" \u00a0\u202f,")
    offset = len(tail) - len(stripped)
    clause = cut_clause(stripped)
    if len(clause) < 2:
        return None
    end = offset + len(clause)
    inv = _FR_INVERTED.match(clause)
    if inv and clause[0].islower():
        return Attribution(inv.group(1) or inv.group(2), end)
    words = clause.split()
    if language == "fr" and words and words[0] == "par":
        # The agent of a passive: « … » par un dirigeant de LREM (not "par le passé").
        agent = noun_phrase(" ".join(words[1:]), language)
        if agent and agent.split()[-1].casefold() in _NOT_AGENTS:
            agent = None
        return Attribution(agent, end) if agent else None
    this_way = _CEST_AINSI.match(clause)
    if this_way:
        # « Un choc », c'est ainsi qu'il a qualifié …: the subject of the verb that follows.
        rest = this_way.group(1)
        verb = last_reporting_verb(rest, "fr")
        found = subject_of_verb(rest, verb, "fr") if verb else None
        return Attribution(found, end) if found else None
    speaker: str | None = None
    first = words[0].casefold() if words else ""
    if words and (
        (
            language != "en"
            and (first in _FR_VERBS or (first in {"a", "ont", "avait"} and len(words) > 1))
        )
        or (language != "fr" and _is_verb(first, "en") and first not in _EN_AUXILIARIES)
    ):
        # Inverted: ', said X' / ', explique X' / ', a ajouté X': skip the verb and adverbs.
        i = 1
        while i < len(words) and (
            _is_verb(words[i], language)
            or words[i].endswith(("ment", "ly"))
            or words[i].casefold()
            in {"ainsi", "encore", "aussi", "alors", "valoir", "fait", "then", "later"}
        ):
            i += 1
        rest = " ".join(words[i:])
        rest = re.sub(
            r"^(?:en préambule|à cette occasion|de même source|quant à (?:lui|elle)|pour sa part)\s+",
            "",
            rest,
        )
        speaker = noun_phrase(rest, language)
    if speaker is None:
        selon = _SELON.match(clause)
        if selon:
            speaker = noun_phrase(selon.group(1), language)
    if speaker is None and language != "fr":
        speaker = _subject_before_verb(clause, language)
    return Attribution(speaker, end) if speaker else None


def _subject_before_verb(clause: str, language: str | None) -> str | None:
    """', X said' / '" Vitter demanded.': a short subject directly followed by a verb."""
    words = clause.split()
    for i, w in enumerate(words[:14]):
        if i and _is_verb(w.rstrip(",."), language):
            return subject(" ".join(words[: i + 1]), language)
    return None


def according_to(tail: str) -> Attribution | None:
    """'… selon le ministère', '… according to officials' anywhere in the rest of a sentence."""
    m = re.search(r"(?:^|[\s,(])(?:selon|d’après|d'après|according to)\s+", tail, re.I)
    if not m:
        return None
    speaker = noun_phrase(tail[m.end() :], None)
    return Attribution(speaker, len(tail)) if speaker else None


_FR_NOUN_MARKERS = frozenset(
    "le la les un une des ce cet cette ces son sa ses leur leurs du".split()
)


def last_reporting_verb(text: str, language: str | None) -> tuple[int, int] | None:
    """Span of the last reporting verb ('said', 'explique', 'déplore-t-elle') in `text`, if any."""
    verbs = _FR_REPORTING if language == "fr" else _EN_REPORTING
    found = None
    recent: list[str] = [""]  # "a elle aussi jugé", "a également déclaré": the auxiliary is near
    for m in _WORDS.finditer(text):
        word = m.group().casefold()
        base = word.split("-")[0] if "-" in word else word
        if language == "fr":
            if recent[-1] in _FR_NOUN_MARKERS:
                pass  # "la note", "le juge": nouns
            elif (
                base in verbs
                or word in _FR_PRESENT_PARTICIPLES
                or (word in _FR_PARTICIPLES and any(w in _FR_AUXILIARIES for w in recent[-3:]))
            ):
                found = (m.start(), m.end())
        elif recent[-1] in _DETERMINERS or recent[-1] in {"few", "many", "more", "new", "other"}:
            pass  # "a few questions", "the claims": nouns
        elif word in verbs or word in _EN_PARTICIPLES:
            found = (m.start(), m.end())
        recent.append(word)
    return found


def first_verb_with_that(text: str, language: str | None) -> tuple[int, int] | None:
    """The first reporting verb followed within a few words by 'that' / 'que': the outer report."""
    verbs = _FR_VERBS if language == "fr" else _EN_REPORTING
    tokens = list(_WORDS.finditer(text))
    for i, m in enumerate(tokens):
        word = m.group().casefold()
        if word not in verbs or (i and tokens[i - 1].group().casefold() in _DETERMINERS):
            continue
        # French "que" is also a relative pronoun: only right after the verb does it report.
        following = [
            t.group().casefold() for t in tokens[i + 1 : i + (3 if language == "fr" else 10)]
        ]
        if any(
            w in {"that", "que", "qu’", "qu'"} or w.startswith(("qu’", "qu'")) for w in following
        ):
            return m.start(), m.end()
    return None


def before(head: str, language: str | None) -> Attribution | None:
    """Speaker introducing a quotation: 'X said:', 'According to X,', 'X : «', 'selon X,'."""
    text = head.rstrip(" \u00a0\u202f")
    if not text.endswith((":", ",")):
        return None
    start = max(
        text.rfind(". "), text.rfind("? "), text.rfind("! "), text.rfind("\n"), text.rfind("; ")
    )
    clause = text[start + 1 :].strip().rstrip(":, \u00a0\u202f")
    selon = _SELON.match(clause) or _POUR.match(clause)
    if selon:
        speaker = noun_phrase(selon.group(1), language)
        if speaker:
            return Attribution(speaker, start + 1)
    for inverted in re.finditer(r"\bl[’']\s*(\w+)\s+(.+)$", clause):
        if inverted.group(1).casefold() in _FR_VERBS:
            speaker = noun_phrase(inverted.group(2), language)
            if speaker:
                return Attribution(speaker, start + 1)
    verb = last_reporting_verb(clause, language)
    if verb is not None and len(clause[verb[1] :].split()) <= 3:
        # "…, Trump boasted, “…”": the subject of the verb that introduces the quotation.
        found = subject_of_verb(clause, verb, language)
        if found:
            return Attribution(found, start + 1)
    speaker = subject(clause, language)
    if not speaker:
        return None
    if any(_is_verb(w.strip(","), language) for w in clause.split()):
        return Attribution(speaker, start + 1)
    # "Claire Petit : « … »" names a person; "Quotable:" or "Boxing:" is a label.
    name = speaker.split(",")[0]
    if text.endswith(":") and (len(name.split()) >= 2 or not is_name(name)):
        return Attribution(speaker, start + 1)
    return None


_INCISE = re.compile(r",\s+(?=[a-zéèêàùûôîç])")


def inside(inner: str, language: str | None) -> tuple[str, int, int] | None:
    """A French incise inside the marks: « …, a réagi X. … »; the speaker and the incise's span."""
    for m in _INCISE.finditer(inner):
        rest = inner[m.end() :]
        clause = cut_clause(rest)
        words = clause.split()
        if not words:
            continue
        inv = _FR_INVERTED.match(clause)
        if inv:
            return inv.group(1) or inv.group(2), m.start(), m.end() + len(clause)
        if words[0].casefold() in _FR_VERBS or (
            words[0] == "a" and len(words) > 1 and words[1] in _FR_VERBS
        ):
            found = after(clause, "fr")
            if found and starts_noun_phrase(found.speaker.split()[0]):
                return found.speaker, m.start(), m.end() + len(clause)
    return None
