"""Byline normalisation: from whatever a page says about its authors to a list of names.

Better no author than a wrong one: anything that does not look like a person's name is dropped.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

_URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:com|org|net|de|fr|co\.uk)/\S*", re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_HANDLE = re.compile(r"(?<!\w)@\w+")
_PREFIX = re.compile(
    r"^(?:(?:written|reported|posted|text|texte|story|words|interview|published)"
    r"\s+)?(?:by|par|von|por|door|af|av|de\s+la\s+rédaction|from)\b\s*:?\s*"
    r"|^(?:auteure?s?|autor(?:in|en)?|author|authors|text|texte|verfasst\s+von|redaktion|"
    r"reporting|écrit|text\s*(?:&|und|and|\+)\s*(?:fotos?|bilder?)|作者|记者|责任编辑)\s*:\s*"
    r"|^(?:alle?s?\s+(?:artikel\s+|beiträge\s+)?von|mehr\s+von|ein\s+(?:artikel|beitrag)\s+von|"
    r"(?:erstellt|eingestellt|geschrieben|verfasst)\s+von|(?:blog\s*)?(?:beitrag|artikel)\s+von|"
    r"all\s+(?:posts|articles|stories)\s+by|more\s+(?:from|by)|(?:tous\s+)?les\s+articles\s+de|"
    r"un\s+article\s+de|eine?\s+(?:kolumne|glosse|kommentar|reportage|analyse|gastbeitrag|interview)\s+von|"
    r"(?-i:autoren|Autoren))\s+",
    re.IGNORECASE,
)
_MONTHS = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|fevr|avr|mai|juin|juil|"
    r"août|aout|sept|déc|januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|"
    r"abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)[a-zéû]*\.?"
)
_WEEKDAYS = (
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    r"dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
)
# Where a byline stops and a date or a role starts ("By Jane Doe Updated 10:30 AM ...").
_CUT = re.compile(
    r"\s+(?:updated|published|posted|last\s+updated|mis\s+à\s+jour|publié|modifié|"
    r"aktualisiert|veröffentlicht|publiziert|erschienen|is\s+an?|est\s+une?|ist\s+eine?)\b.*$"
    r"|\s+(?:illustratione?n?|fotos?|bilder?|photos?|grafiken?)\s+(?:von|by|de|par)\b.*$"
    r"|[\s|]+(?:contributions?\s+(?:from|by)|additional\s+reporting|with\s+reporting)\b.*$"
    r"|\s*\([^)]*$"
    rf"|\s+(?:stand|am|le|on|el|il|em|den|,)?\s*(?:\d|{_WEEKDAYS}|{_MONTHS}\s+\d).*$"
    r"|\s+(?:mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun|lun|mar|mer|jeu|ven|sam|dim)"
    r"\.?,?\s+\d.*$"
    # photo and video credits come after the writers: "Text: A, Fotos: B"
    r"|\s*[,|/;]?\s*(?:fotos?|photos?|bilder?|illustrations?|grafik|video|kamera|crédits?|"
    r"beitragsbild|titelbild|quelle|source)\s*:.*$",
    re.IGNORECASE,
)
# "Publié le 3 juin par Jeanne Martin": the name comes after a leading date phrase.
_DATE_FIRST = re.compile(
    r"^(?:published|posted|updated|publié|publiée|mis\s+à\s+jour|veröffentlicht|aktualisiert)"
    r"\b.*?\s(?:by|par|von)\s+(.+)$",
    re.IGNORECASE,
)
_PARENS = re.compile(r"\s*[(\[][^)\]]*[)\]]")
_SEPARATORS = re.compile(
    r"\s*[|;/•·,&]\s*|\s+(?:and|AND|And|et|ET|und|UND|y|e|u\.)\s+"
    r"|\s+(?:im\s+Gespräch\s+mit|in\s+conversation\s+with|en\s+conversation\s+avec)\s+"
)
_CREDENTIALS = {
    "md", "phd", "rn", "do", "mph", "jr", "sr", "ii", "iii", "iv", "mba", "esq", "dr", "facs",
    "rd", "msc", "bsc", "ma", "ms", "dds", "lcsw", "cpa", "np", "pa-c", "pharmd", "dvm",
}  # fmt: skip
# Words that make a byline part a role, a desk or an organisation rather than a person.
_NOT_A_NAME = {
    "staff", "writer", "writers", "reporter", "reporters", "correspondent", "editor", "editors",
    "editorial", "contributor", "contributors", "columnist", "desk", "team", "newsroom", "news",
    "press", "associated", "agency", "media", "magazine", "online", "admin", "administrator",
    "guest", "sponsored", "partner", "content", "redaktion", "rédaction", "redaction", "journaliste",
    "journalist", "journalistin", "korrespondent", "korrespondentin", "redakteur", "redakteurin",
    "autor", "autorin", "author", "authors", "auteur", "auteurs", "rédacteur", "rédactrice",
    "envoyé", "envoyée", "spécial", "spéciale", "special", "senior", "chief", "deputy",
    "producer", "photographer", "photos", "photo", "video", "opinion", "analysis", "wire",
    "service", "services", "bureau", "daily", "times", "post", "journal", "tribune", "gazette",
    "herald", "newsletter", "blog", "telegram", "enquirer", "courier", "chronicle", "observer",
    "examiner", "register", "sentinel", "today", "express", "globe", "inquirer", "bulletin",
    "dispatch", "zeitung", "rundschau", "anzeiger", "kurier", "nachrichten", "tagblatt", "group", "inc", "ltd", "llc", "gmbh", "sa", "ag", "the",
    "of", "for", "with", "in", "at", "on", "about", "this", "our", "your", "de", "la", "le",
    "du", "des", "der", "die", "das", "und", "mit", "für", "im", "am", "zum", "zur", "updated", "publié", "publiée",
    "published", "share", "follow", "more", "read", "view", "all", "posts", "articles",
    "comments", "comment", "email", "twitter", "facebook", "linkedin", "instagram", "contact",
    "click", "here", "subscribe", "unknown", "anonymous", "nobody", "none", "null", "user",
    "redaktionsteam", "onlineredaktion", "nachrichtenredaktion", "presse", "pressestelle",
    "communication", "communications", "office", "department", "ministry", "university",
    "institute", "foundation", "association", "council", "committee", "company", "corporation",
    "network", "channel", "radio", "tv", "television", "sports", "weather", "health",
    "science", "business", "politics", "world", "local", "national", "international",
    "review", "reviews", "guide", "guides", "tips", "is", "are", "by", "par", "von",
    "artikel", "beitrag", "beiträge", "article", "erstellt", "eingestellt", "buy", "tickets",
    "ticket", "shop", "order", "download", "watch", "listen", "login", "sign", "donate",
    "print", "kaufen", "bestellen", "abonnieren", "acheter", "partager",
    "stand", "vor", "seit", "uhr", "publicado", "publicada", "actualizado", "actualizada",
    "hace", "mis", "modifié", "posté", "gepostet", "geändert", "lesezeit",
    "minuten", "minutes", "min", "ago", "yesterday", "gestern", "heute",
    "hier", "welle", "ministre", "minister", "ministerin", "président", "présidente",
    "präsident", "präsidentin", "presidente", "secretary", "sprecher", "sprecherin",
    "veröffentlicht", "sie", "eine", "antwort", "reply", "leave",
    "text", "texte", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
    "sonntag", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "gesponsert",
    "gesponserte", "inhalte", "anzeige", "werbung", "euer", "eure", "dein", "ihr", "votre",
}  # fmt: skip
# Wire services and agencies: a byline that is only one of these is wire copy, not a person.
_AGENCIES = {
    "ap", "associated press", "the associated press", "reuters", "thomson reuters", "afp",
    "agence france presse", "agence france-presse", "dpa", "deutsche presse-agentur", "kna",
    "epd", "apa", "sda", "ats", "keystone-sda", "keystone-ats", "ansa", "efe", "upi", "pa",
    "pa media", "press association", "bloomberg", "xinhua", "kyodo", "belga", "europa press",
    "lusa", "tass", "ria novosti", "anp", "ritzau", "ntb", "tt", "stt", "ctk", "pap", "mti",
    "aa", "cnn", "bbc", "bbc news", "reuters staff", "ap staff", "afp staff", "sid", "ddp",
    "afp-relaxnews", "relaxnews", "cna", "ians", "pti", "ani", "aap", "cp",
    "the canadian press", "canadian press", "nyt", "wsj", "wapo",
}  # fmt: skip
_PARTICLES = {
    "de", "du", "des", "la", "le", "van", "von", "der", "den", "da", "di", "dos", "das", "del",
    "bin", "ibn", "al", "el", "ter", "zu", "st", "y",
}  # fmt: skip
_MAX_NAME_WORDS = 5
_ACADEMIC = re.compile(r"^(?:(?:prof|dr|mag|dipl\.-\w+)\.?\s+)+", re.IGNORECASE)
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
        names.extend(split_byline(text))
    return _finish(names, publication, host, structured)


def split_byline(text: str) -> list[str]:
    """Split one byline string into candidate names (not yet checked against the site)."""
    text = _clean(text)
    if not text or _URL.fullmatch(text.strip()):
        return []
    text = _EMAIL.sub(" ", _URL.sub(" ", text)).replace("©", " ")
    text = _HANDLE.sub(" ", text)
    text = _PARENS.sub(" ", text)
    text = _collapse(text).lstrip("-–—| ")
    date_first = _DATE_FIRST.match(text)
    if date_first:
        text = date_first.group(1)
    for _ in range(2):  # "Text: Von Jane Doe"
        text = _PREFIX.sub("", text).strip()
    text = _CUT.sub("", text).strip(" -–—:,.|")
    parts = [p.strip(" -–—:.'\"“”«»") for p in _split_parts(text)]
    names: list[str] = []
    for part in parts:
        if not part:
            continue
        if part.lower().rstrip(".").replace(".", "") in _CREDENTIALS and names:
            names[-1] = f"{names[-1]}, {part}"  # "Jane Doe, MD" stays one name
            continue
        part = _strip_trailing_outlet(part)
        names.append(part)
    return names


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
    if len(words) > _MAX_NAME_WORDS + sum(1 for w in words if w.lower() in _PARTICLES):
        return False
    lowered = [part for w in words for part in w.lower().strip(".'’").split("-")]
    if any(w in _NOT_A_NAME for w in lowered if w not in _PARTICLES or len(words) == 1):
        return False
    if _agency_key(base) in _AGENCIES or _DESK.search(base) or _ABSTRACT_NOUN.search(base):
        return False
    if _INSTITUTION.search(base):
        return False
    if _SITE.search(base):
        return False  # "Inquirer.net BrandRoom": a site, not a person
    if len(words) == 1 and len(base) < 3:
        return False
    significant = [w for w in words if w.lower() not in _PARTICLES]
    if not significant or (len(words) > 1 and words[-1].lower() in _PARTICLES):
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
    return _ACADEMIC.sub("", " ".join(name.split()))


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


def owns_site(name: str, host: str | None) -> bool:
    """A person the site is named after: the host spells their full name (janedoe.net)."""
    words = [w for w in name.split() if w.lower() not in _PARTICLES]
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
        name = _strip_roles(written)
        if " " not in name and " " in written and name != written:
            continue  # "Rasender Reporter": a desk's pen name, not a person with a role
        # A lower-case handle is a user, even where it is also a blog platform's subdomain.
        own_subdomain = name.islower() and (host or "").count(".") >= 2
        site_host = None if own_subdomain else host
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
_ROLE_TOKEN = re.compile(
    r"(?:^|-)(?:experte|expertin|redakteur|redakteurin|chefredakteur|chefredakteurin|"
    r"korrespondent|korrespondentin|reporter|reporterin|autor|autorin|leiter|leiterin|"
    r"sprecher|sprecherin|editor|writer|journalist|journalistin|journaliste|columnist|"
    r"kolumnist|kolumnistin|correspondent|contributor|volontär|volontärin|"
    r"mitarbeiter|mitarbeiterin|stand|hace|weitere|mehr|more|posted|"
    r"(?:fach|rechts)?anwalt|(?:fach|rechts)?anwältin|notar|notarin|avocate?|abogad[oa])$",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^(?:interview|gespräch|text|texte|autor|autorin|auteur|author)\s*:\s*",
                    re.IGNORECASE)  # fmt: skip


def is_role(word: str) -> bool:
    """A job title standing for no one: "Korrespondentin", "Rechtsanwalt"."""
    return " " not in word.strip() and bool(_ROLE_TOKEN.search(word.strip()))


def _strip_roles(name: str) -> str:
    """Drop role words and stray weekday abbreviations around a name."""
    name = _LABEL.sub("", name)
    words = name.split()
    half = len(words) // 2
    if len(words) >= 4 and len(words) % 2 == 0 and words[:half] == words[half:]:
        words = words[:half]  # "Jane Doe Jane Doe": a name and its link text side by side
    while len(words) > 1 and _ROLE_TOKEN.search(words[0]):
        words.pop(0)
    while len(words) > 1 and _ROLE_TOKEN.search(words[-1]):
        words.pop()
    return " ".join(words)


def _plausible_handle(name: str) -> bool:
    lowered = name.lower()
    return (
        not re.search(r"\.[a-z]{2,3}$", lowered)  # a domain name, not a person
        and lowered not in _NOT_A_NAME
        and lowered not in _AGENCIES
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
            return  # an organisation is not a personal byline
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


def _strip_trailing_outlet(part: str) -> str:
    # "Jane Doe - CNN", "Jane Doe for The Guardian", "Jane Doe with AP"
    part = re.split(r"\s+[-–—]\s+|\s+(?:for|für|pour|with|avec|mit)\s+", part, maxsplit=1)[0]
    return part.strip()


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
