"""Byline normalisation: from whatever a page says about its authors to a list of names.

Better no author than a wrong one: anything that does not look like a person's name is dropped.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from digest.extract import lexicon

_URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:com|org|net|de|fr|co\.uk)/\S*", re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_HANDLE = re.compile(r"(?<!\w)@\w+")
_PREFIX_RULES = (
    r"^(?:(?:written|reported|posted|text|texte|story|words|interview|published)"
    r"\s+)?(?:{by}|af|av|de\s+la\s+rédaction|from)\b\s*:?\s*"
    r"|^(?:auteure?s?|autor(?:[/*:_]?in(?:nen)?|en)?|author|authors|text|texte|verfasst\s+von|redaktion|"
    r"reporting|écrit|text\s*(?:&|und|and|\+)\s*(?:fotos?|bilder?)|作者|记者|责任编辑)\s*:\s*"
    r"|^(?:alle?s?\s+(?:artikel\s+|beiträge\s+)?von|mehr\s+von|ein\s+(?:artikel|beitrag)\s+von|"
    r"(?:erstellt|eingestellt|geschrieben|verfasst)\s+von|(?:blog\s*)?(?:beitrag|artikel)\s+von|"
    r"all\s+(?:posts|articles|stories)\s+by|more\s+(?:from|by)|(?:tous\s+)?les\s+articles\s+de|"
    r"un\s+article\s+de|eine?\s+(?:kolumne|glosse|kommentar|reportage|analyse|gastbeitrag|interview)\s+von|"
    r"(?-i:autoren|Autoren))\s+"
)
# Where a byline stops and a date or a role starts ("By Jane Doe Updated 10:30 AM ..."); the
# month and weekday names of every language the lexicon knows are read in `_cut`.
_CUT_RULES = (
    r"\s+(?:updated|published|posted|last\s+updated|mis\s+à\s+jour|publié|modifié|"
    r"aktualisiert|veröffentlicht|publiziert|erschienen|is\s+an?|est\s+une?|ist\s+eine?)\b.*$"
    # a photo credit, also where it is all there is: "Foto di Leeloo Thefirst" closing the text
    r"|(?:^|\s+)(?:illustratione?n?|fotos?|fotografien?|bilder?|photos?|photography|"
    r"photographies?|grafiken?|immagine)\s+(?:von|by|de|par|di)\b.*$"
    r"|[\s|]+(?:contributions?\s+(?:from|by)|additional\s+reporting|with\s+reporting)\b.*$"
    r"|\s*\([^)]*$"
    r"|\s+(?:stand|am|le|on|el|il|em|den|,)?\s*(?:\d|{weekdays}|{months}\s+\d).*$"
    r"|\s+(?:mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun|lun|mar|mer|jeu|ven|sam|dim)"
    r"\.?,?\s+\d.*$"
    # photo and video credits come after the writers: "Text: A, Fotos: B"
    r"|\s*[,|/;]?\s*(?:fotos?|photos?|bilder?|illustrations?|grafik|video|kamera|crédits?|"
    r"beitragsbild|titelbild|quelle|source)\s*:.*$"
)


@cache
def _cut() -> re.Pattern[str]:
    names = [lex.names for lex in lexicon.every_language()]
    months = {form for n in names for forms in n.months for form in forms}
    # A weekday cuts where a date follows it: "Jane Doe Montag, 3. Mai", not "Juan Domingo".
    weekdays = "|".join(sorted({re.escape(d) for n in names for d in n.weekdays}, key=len))
    month = rf"(?:{'|'.join(sorted(map(re.escape, months), key=len, reverse=True))})[a-zéû]*\.?"
    weekday = rf"(?:{weekdays})\b\.?,?\s+(?:\d|{month})"
    return re.compile(_CUT_RULES.format(weekdays=weekday, months=month), re.IGNORECASE)


# "Publié le 3 juin par Jeanne Martin": the name comes after a leading date phrase.
_DATE_FIRST_RULES = (
    r"^(?:published|posted|updated|publié|publiée|mis\s+à\s+jour|veröffentlicht|aktualisiert)"
    r"\b.*?\s(?:{by})\s+(.+)$"
)


@cache
def byline_rule(rules: str) -> re.Pattern[str]:
    """A rule whose `{by}` stands for the byline labels of every language ("by", "par", "von")."""
    labels = {
        re.escape(label) for lex in lexicon.every_language() for label in lex.names.byline_labels
    }
    by = "|".join(sorted(labels, key=len, reverse=True))
    return re.compile(rules.replace("{by}", by), re.IGNORECASE)


_PARENS = re.compile(r"\s*[(\[][^)\]]*[)\]]")
_SEPARATORS = re.compile(
    # "A, B, and C", "By | A | and B": a separator may lead into the last name's conjunction.
    r"\s*[|;/•·,&]\s*(?:(?:and|et|und)\s+)?|\s+(?:and|AND|And|et|ET|und|UND|y|e|u\.)\s+"
    r"|\s+(?:im\s+Gespräch\s+mit|in\s+conversation\s+with|en\s+conversation\s+avec)\s+"
)
_MAX_NAME_WORDS = 5
# Chinese and Korean names are written without spaces or capitals: 2 to 4 characters.
_CASELESS_NAME = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,4}|[\uac00-\ud7af]{2,4}")
_DESK = re.compile(r"redaktion|rédaction|redacci[oó]n|redazione|newsroom|editorial|staff", re.I)
_ROMAN = re.compile(r"[IVX]+")
# German and French abstract nouns ("Klimaneutralität", "Forschung"): a topic, not a person.
_ABSTRACT_NOUN = re.compile(r"\w{3,}(?:heit|keit|schaft|ität|ungen|ismus|tion)\b", re.IGNORECASE)
# German institutions and titles ("Bauernverband", "Finanzmagazin", "Volksblatt"): not a person.
_INSTITUTION = re.compile(
    r"\w{3,}(?:anstalt|verband|verein|ministerium|institut|behörde|stiftung|akademie|kammer|"
    r"magazin|zeitung|blatt|verlag|portal)\b",
    re.IGNORECASE,
)


def normalise_authors(
    raw: object,
    *,
    publication: str | None = None,
    host: str | None = None,
    structured: bool = True,
) -> list[str]:
    """Turn a byline (str, JSON-LD dict, or a list of either) into clean personal names.

    `structured` says the value comes from a field meant for author names (JSON-LD, meta
    tags, rel=author): there a single name or a user handle ("gizzmo") is accepted. Text
    found on the page must look like a full name (two words or more).
    """
    names: list[str] = []
    for text in _raw_strings(raw):
        parts, dropped = _split(text)
        if dropped or any(_organisation_part(p, publication, host, structured) for p in parts):
            # Single words beside an organisation are pieces of its name or its address, no
            # one's name: "Olympia-Verlag GmbH, Nürnberg, Germany", "Bundesministerium für
            # Wirtschaft und Klimaschutz", "Bündnis 90/Die Grünen Bundestagsfraktion".
            parts = [p for p in parts if " " in p or is_agency(p)]
        names.extend(parts)
    return _finish(names, publication, host, structured)


def _organisation_part(
    part: str, publication: str | None, host: str | None, structured: bool
) -> bool:
    """A part of several words that is no one's name (nor an agency, nor the site itself)."""
    if " " not in part or is_agency(part) or _SITE.search(part):
        return False
    if same_organisation(part, publication, host):
        return False
    return not _finish([part], publication, host, structured)


def split_byline(text: str) -> list[str]:
    """Split one byline string into candidate names (not yet checked against the site)."""
    return _split(text)[0]


def _split(text: str) -> tuple[list[str], bool]:
    """The candidate names of a byline, and whether a part of several words was dropped as an
    institution's name ("Bundesministerium für Wirtschaft")."""
    text = _clean(text)
    if not text or _URL.fullmatch(text.strip()):
        return [], False
    text = _EMAIL.sub(" ", _URL.sub(" ", text)).replace("©", " ")
    text = _HANDLE.sub(" ", text)
    text = _PARENS.sub(_credited_in_parens, text)
    text = _collapse(text).lstrip("-–—| ")
    date_first = byline_rule(_DATE_FIRST_RULES).match(text)
    if date_first:
        text = date_first.group(1)
    for _ in range(2):  # "Text: Von Jane Doe"
        text = byline_rule(_PREFIX_RULES).sub("", text).strip()
    text = _trim(_cut().sub("", text), " -–—:,.|")
    text = " | ".join(piece for piece in text.split("|") if not _is_prose(piece))
    parts = [_trim(p, " -–—:.'\"“”«»") for p in _split_parts(text)]
    names: list[str] = []
    dropped = False
    for part in parts:
        if not part:
            continue
        if part.lower().rstrip(".").replace(".", "") in _words().credentials and names:
            names[-1] = f"{names[-1]}, {part}"  # "Jane Doe, MD" stays one name
            continue
        kept = _strip_trailing_outlet(part)
        dropped = dropped or not kept
        names.extend(kept)
    return names, dropped


def _trim(text: str, chars: str) -> str:
    """`text` without `chars` at its edges, but a final initial keeps its full stop: "Juan
    Carlos Muñoz C.", "R. R."."""
    trimmed = text.strip(chars)
    end = text.find(trimmed) + len(trimmed)
    if trimmed and text[end : end + 1] == "." and re.search(r"(?:^|[\s.])[^\W\d_]$", trimmed):
        return trimmed + "."
    return trimmed


def _is_prose(piece: str) -> bool:
    """A sentence beside the byline, such as the writer's bio: many lower-case words.

    "Christian Holub is a writer covering comics and …", "Alles über Lautsprecher, Heimkino und
    HiFi-Trends. Zudem haben wir …"; the words of a byline (roles, particles, "and", "for") do
    not count: "Jane Doe, staff writer, and John Roe, contributing editor" is no prose.
    """
    words = re.findall(r"[^\W\d_][\w’'-]*", piece)
    if len(words) < 6:
        return False
    lower = [w for w in words if w[0].islower() and w.casefold() not in _words().byline_words]
    return len(lower) >= 3


def _credited_in_parens(match: re.Match[str]) -> str:
    """An agency in brackets is a credit ("Jane Doe (dpa)"); anything else there is dropped."""
    inner = match.group(0).strip(" ()[]")
    return f" / {inner} " if is_agency(inner) else " "


def looks_like_name(name: str) -> bool:
    """A person's name: a few capitalised words, no digits, no role or desk words."""
    base = name.split(",")[0].strip()
    if _CASELESS_NAME.fullmatch(base):
        return True
    if len(base) < 2 or len(base) > 60 or any(ch.isdigit() for ch in base):
        return False
    if not any(ch.isalpha() for ch in base) or any(ch in base for ch in '!?=<>{}[]#*+_~\\"'):
        return False
    words = base.split()
    particles = _words().particles
    if len(words) > _MAX_NAME_WORDS + sum(1 for w in words if w.lower() in particles):
        return False
    lowered = [part for w in words for part in w.lower().strip(".'’").split("-")]
    not_a_name = _words().not_a_name
    if any(w in not_a_name for w in lowered if w not in particles or len(words) == 1):
        return False
    if is_agency(base) or _DESK.search(base) or _ABSTRACT_NOUN.search(base):
        return False
    if _INSTITUTION.search(base):
        return False
    if _SITE.search(base):
        return False  # "Inquirer.net BrandRoom": a site, not a person
    if len(words) == 1 and (len(base) < 3 or lowered[0] in _words().calendar):
        return False  # "December", "Dec.": a piece of a date beside the byline, not a person
    significant = [w for w in words if w.lower() not in particles]
    if not significant or (len(words) > 1 and words[-1].lower() in particles):
        return False
    # Names are capitalised; a lower-case phrase is a sentence or a slug.
    return all(w[0].isupper() or not w[0].isalpha() for w in significant)


def is_full_name(name: str) -> bool:
    """A name with a given name and a family name, as text on a page must show one."""
    return len(name.split()) >= 2 or bool(_CASELESS_NAME.fullmatch(name))


def looks_like_handle(name: str) -> bool:
    """A user handle a site shows as its author: "gizzmo", "Bo2man", "jane_doe"."""
    return bool(_HANDLE_NAME.fullmatch(name)) and _plausible_handle(name)


def without_titles(name: str) -> str:
    """A name without the academic titles in front of it ("Prof. Dr. Jane Doe" -> "Jane Doe")."""
    return _words().academic.sub("", " ".join(name.split()))


def fix_case(name: str) -> str:
    """Title-case ALL-CAPS words of a name ("Jean DUPONT" -> "Jean Dupont")."""

    def word(match: re.Match[str]) -> str:
        w = match.group(0)
        if len(w) < 3 or not w.isupper() or _ROMAN.fullmatch(w):
            return w
        return w.capitalize()

    if not any(ch.islower() for ch in name):  # a whole name in capitals: short parts too
        return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), name.lower())
    return re.sub(r"[^\W\d_]+", word, name)


def same_organisation(name: str, publication: str | None, host: str | None) -> bool:
    """True when a byline names the publication (or its site) rather than a person."""
    key = _compact(name)
    if not key:
        return False
    if publication and key == _compact(publication):
        return True
    if host:
        labels = [_compact(label) for label in host.lower().split(".")]
        if key in labels or key == _compact(host):
            return True
    return False


def _opens_with_outlet(name: str, publication: str | None, host: str | None) -> bool:
    """The outlet's one-word name, in capitals or joined by a hyphen, opening more words: one
    of its desks or its site's title ("CBC Arts" on cbc.ca, "Krimiblog-Archiv" on krimiblog.de).

    Written as a given name it may be one: "Helge Fahrnberger" on helge.at.
    """
    outlet = {_compact(publication or ""), _domain_name(host)} - {""}
    match = re.match(r"([^\s-]+)(\s+|-)\S", name.strip())
    if not match or _compact(match.group(1)) not in outlet:
        return False
    return match.group(1).isupper() or match.group(2) == "-"


def _domain_name(host: str | None) -> str:
    """The name a site registered, without its country or kind: "cbc" for www.cbc.ca."""
    labels = (host or "").lower().split(".")
    if len(labels) > 2 and labels[-2] in ("co", "com", "org", "net", "gov", "ac"):
        labels = labels[:-1]  # "bbc.co.uk", "elpais.com.uy"
    return _compact(labels[-2]) if len(labels) >= 2 else ""


def owns_site(name: str, host: str | None) -> bool:
    """A person the site is named after: the host spells their full name (janedoe.net)."""
    words = [w for w in name.split() if w.lower() not in _words().particles]
    if not host or len(words) < 2 or not looks_like_name(name):
        return False
    return _compact(name) in {_compact(label) for label in host.lower().split(".")[:-1]}


def _finish(
    names: Iterable[str], publication: str | None, host: str | None, structured: bool
) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    site_named = False  # "hessenschau.de, Frankfurt, Germany": the site and its address
    for written in names:
        written = _collapse(written)
        if is_agency(written):
            # A wire agency is credited as the page prints it: "AFP", "dpa".
            key = _agency_key(written)
            if key not in seen:
                seen.add(key)
                out.append(written)
            continue
        if " " not in written and written.isupper():
            continue  # "WBEZ", "NDR", "ESPN": one word in capitals is an acronym, no person
        name = _strip_roles(written)
        if " " not in name and " " in written and name != written:
            continue  # "Rasender Reporter": a desk's pen name, not a person with a role
        # A lower-case handle is a user, even where it is also a blog platform's subdomain.
        own_subdomain = name.islower() and (host or "").count(".") >= 2
        site_host = None if own_subdomain else host
        if _opens_with_outlet(name, publication, site_host):
            continue
        if _SITE.search(name) or same_organisation(name, publication, site_host):
            site_named = True
        if site_named and " " not in name:
            continue
        if structured and looks_like_handle(name):
            pass  # a user handle given as the author: what the site shows, keep as is
        else:
            name = fix_case(name)
            if not looks_like_name(name) or (not structured and not is_full_name(name)):
                continue
        if same_organisation(name, publication, site_host):
            continue
        key = " ".join(re.findall(r"\w+", name.casefold()))
        if key in seen:
            continue
        seen.add(key)
        out.append(name)
    return out


_SITE = re.compile(r"\w\.(?:com|net|org|de|fr|ch|at|it|es|uk|co|info|eu|io)\b", re.IGNORECASE)
_HANDLE_NAME = re.compile(r"[a-z][a-z0-9_.-]{2,24}|[A-Za-z][a-z]+[0-9_][A-Za-z0-9_]*")
_LABEL = re.compile(r"^(?:interview|gespräch|text|texte|autor(?:[/*:_]?in)?|auteur|author)\s*:\s*",
                    re.IGNORECASE)  # fmt: skip


def is_role(word: str) -> bool:
    """A job title standing for no one: "Korrespondentin", "Rechtsanwalt"."""
    return " " not in word.strip() and bool(_words().role.search(word.strip()))


def _strip_roles(name: str) -> str:
    """Drop role words and stray weekday abbreviations around a name."""
    name = _LABEL.sub("", name)
    words = name.split()
    half = len(words) // 2
    if len(words) >= 4 and len(words) % 2 == 0 and words[:half] == words[half:]:
        words = words[:half]  # "Jane Doe Jane Doe": a name and its link text side by side
    while len(words) > 1 and _words().role.search(words[0]):
        words.pop(0)
    while len(words) > 1 and _words().role.search(words[-1]):
        words.pop()
    return " ".join(words)


def _plausible_handle(name: str) -> bool:
    lowered = name.lower()
    return (
        not re.search(r"\.[a-z]{2,3}$", lowered)  # a domain name, not a person
        and lowered not in _words().not_a_name
        and not is_agency(lowered)
        and not _DESK.search(name)
        and not any(word in lowered for word in ("admin", "editor", "team", "contribut"))
    )


def _raw_strings(raw: object) -> Iterable[str]:
    if raw is None:
        return
    if isinstance(raw, str):
        yield raw
    elif isinstance(raw, dict):
        kinds = raw.get("@type")
        kinds_list = kinds if isinstance(kinds, list) else [kinds]
        kinds_lower = {str(k).lower() for k in kinds_list if k}
        if "person" not in kinds_lower and any(k.endswith("organization") for k in kinds_lower):
            name = raw.get("name")
            if isinstance(name, str) and is_agency(name):
                yield name  # a wire agency is credited like a writer
            return  # any other organisation is not a byline
        name = raw.get("name")
        if isinstance(name, str | list | dict):
            yield from _raw_strings(name)
        elif raw.get("givenName") or raw.get("familyName"):
            yield f"{raw.get('givenName') or ''} {raw.get('familyName') or ''}".strip()
    elif isinstance(raw, list | tuple):
        for item in raw:
            yield from _raw_strings(item)


def _split_parts(text: str) -> list[str]:
    return [p for p in _SEPARATORS.split(text) if p is not None]


def _strip_trailing_outlet(part: str) -> list[str]:
    # "Jane Doe - CNN", "Jane Doe for The Guardian"; but "Jane Doe with AP" credits the agency.
    pieces = re.split(r"\s+[-–—]\s+|\s+(?:for|für|pour|with|avec|mit)\s+", part, maxsplit=1)
    kept = [pieces[0].strip()]
    if len(pieces) > 1 and is_agency(pieces[1].strip(" .")):
        kept.append(pieces[1].strip(" ."))
    elif re.match(r"\S+\s+(?:for|für|pour|with|avec|mit)\s", part) and not is_agency(kept[0]):
        # "Digitalagentur für Virtual Reality", "Tricks für zu Hause": one word before the
        # preposition is a noun and its complement; a writer for an outlet signs in full.
        return []
    return kept


def _clean(text: str) -> str:
    text = html.unescape(text)
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u200b", "").replace("\u00ad", "")
    return _collapse(text)


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _compact(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"\W+", "", text)


def _agency_key(text: str) -> str:
    return re.sub(r"\s+", " ", text.casefold().replace(".", "")).strip()


@dataclass(frozen=True)
class _Words:
    """What the name rules read from the lexicon: every language's, as bylines mix them."""

    not_a_name: frozenset[str]
    particles: frozenset[str]
    calendar: frozenset[str]  # month and weekday names and their abbreviations
    byline_words: frozenset[str]  # lower-case words a byline is made of besides names
    credentials: frozenset[str]
    academic: re.Pattern[str]
    role: re.Pattern[str]  # a word that is a role: "Korrespondentin", "Chef-Redakteur"


@cache
def _words() -> _Words:
    names = [lex.names for lex in lexicon.every_language()]
    titles = "|".join(sorted({re.escape(t) for n in names for t in n.academic_titles}))
    roles = "|".join(sorted({re.escape(r) for n in names for r in n.roles}))
    return _Words(
        not_a_name=frozenset().union(*(n.not_a_name for n in names)),
        particles=frozenset().union(*(n.particles for n in names)),
        calendar=frozenset(f for n in names for forms in n.months for f in forms)
        | frozenset(d for n in names for d in n.weekdays),
        byline_words=frozenset().union(
            *(n.not_a_name | n.roles | n.particles | set(n.byline_labels) for n in names),
            "and und et y e u for für pour with avec mit".split(),
        ),
        credentials=frozenset().union(*(n.credentials for n in names)),
        # "Prof. Dr. Jane Doe", "Dipl.-Ing. Jana Muster"
        role=re.compile(rf"(?:^|-)(?:{roles})$", re.IGNORECASE),
        academic=re.compile(rf"^(?:(?:{titles or '(?!)'})(?:\.-\w+)?\.?\s+)+", re.IGNORECASE),
    )


@cache
def _agencies() -> frozenset[str]:
    return frozenset(a for lex in lexicon.every_language() for a in lex.names.agencies)


@cache
def _desk_words() -> frozenset[str]:
    return frozenset(w for lex in lexicon.every_language() for w in lex.names.desk_words)


def is_agency(name: str) -> bool:
    """A wire agency as bylines print it ("AFP", "dpa", "The Associated Press")."""
    return _agency_key(name) in _agencies()


def is_desk(name: str) -> bool:
    """A byline naming a desk or a team, not a person ("Redaktion", "Slate Staff")."""
    key = " ".join(re.findall(r"[\w-]+", name.casefold()))
    words = key.split()
    phrases = {
        " ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)
    }
    # A compound ending in a desk word is a desk too: "PETA-Team", "Sport-Redaktion".
    phrases |= {w.rsplit("-", 1)[1] for w in words if "-" in w}
    return bool(phrases & _desk_words())
