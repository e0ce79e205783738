"""Who speaks: attributions around and inside a quotation, in English and French.

Each finder looks at one side of a quotation (the text after its closing mark, the text before its
opening mark, or the inside of a French quotation with an incise) and returns the speaker as the text
names it: a name, a name with its role ("Willem van Rijn, Greenpeace COO"), a noun phrase ("a source")
or a pronoun, which the caller resolves to the last named person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_EN_VERBS = (
    "said|says|say|told|tells|tell|added|adds|asked|asks|wrote|writes|explained|explains|noted|notes|"
    "argued|argues|stated|states|declared|declares|insisted|insists|claimed|claims|continued|continues|"
    "recalled|recalls|warned|warns|replied|replies|responded|responds|tweeted|tweets|posted|suggested|"
    "suggests|acknowledged|acknowledges|admitted|admits|announced|announces|observed|remarked|joked|"
    "quipped|shouted|yelled|exclaimed|concluded|cautioned|contended|countered|emphasized|emphasised|"
    "stressed|conceded|predicted|promised|vowed|urged|added|boasted|complained|complains|lamented|"
    "mused|offered|pleaded|proclaimed|reiterated|repeated|retorted|scoffed|sighed|snapped|testified|"
    "wondered|asserted|asserts|maintained|maintains|charged|alleged|explained|told reporters|"
    "pointed out|went on|chimed in|said in a statement|wrote in a statement"
)
_FR_VERBS = (
    "dit|déclare|explique|ajoute|affirme|estime|souligne|précise|indique|assure|raconte|confie|"
    "poursuit|réagit|rappelle|insiste|note|observe|lance|martèle|regrette|déplore|dénonce|reconnaît|"
    "avance|analyse|commente|conclut|témoigne|prévient|avertit|juge|répond|tranche|résume|détaille|"
    "écrit|fustige|plaide|soutient|relève|constate|admet|s'inquiète|s’inquiète|se félicite|se réjouit|"
    "s'agace|s’agace|se souvient|s'est souvenu|s’est souvenu|se remémore|renchérit|nuance|complète|"
    "interroge|s'interroge|s’interroge|s'emporte|s’emporte|s'exclame|s’exclame|ironise|sourit|glisse|"
    "souffle|avoue|concède|promet|annonce|écrivent|expliquent|estiment|affirment|ajoutent|"
    "déclarent|soulignent|précisent|indiquent|assurent|racontent|confient|rappellent|"
    "a dit|a déclaré|a expliqué|a ajouté|a affirmé|a estimé|a souligné|a précisé|a indiqué|a assuré|"
    "a raconté|a confié|a poursuivi|a réagi|a rappelé|a insisté|a noté|a observé|a lancé|a martelé|"
    "a regretté|a déploré|a dénoncé|a reconnu|a avancé|a analysé|a commenté|a conclu|a témoigné|"
    "a prévenu|a averti|a jugé|a répondu|a tranché|a résumé|a détaillé|a écrit|a fustigé|a plaidé|"
    "a soutenu|a relevé|a constaté|a admis|a assuré|a promis|a annoncé|a tweeté|a qualifié|"
    "ont dit|ont déclaré|ont expliqué|ont ajouté|ont affirmé|ont estimé|ont souligné|ont indiqué|"
    "dit-il|dit-elle"
)
# "a-t-il ajouté", "estime-t-elle", "ajoute-t-on", "dit-il": the verb and a subject pronoun.
_FR_INVERTED = re.compile(
    r"^(?:a-t-|ont-)?(?:(il|elle|on|ils|elles)\s+\w+|(?:\w+)-(?:t-)?(il|elle|on|ils|elles))\b", re.I
)
_FR_INV_ANY = re.compile(
    r"\b(?:a-t-(il|elle|on)\s+[a-zéèêàùûôîç]+|[a-zéèêàùûôîç]+-(?:t-)?(il|elle|on|ils|elles))(?![\w-])"
)

PRONOUNS = frozenset(
    "he she they it i we him her them il elle ils elles on lui eux je nous vous".split()
)
_NAME_WORD = r"(?:[A-ZÀ-ÖØ-Þ][\w’'.\-]*)"
_PARTICLE = r"(?:van|von|de|der|den|da|di|du|del|della|la|le|bin|ben|al|el|y|d’|d')"
NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD})*"
_NAME_RE = re.compile(rf"^{NAME}$")
_STOP_SPEAKER = re.compile(
    r"\s+(?:in|on|at|during|when|after|before|while|who|adding|noting|according|as|because|"
    r"about|via|through|to|last|this|earlier|later|dans|lors|en|sur|à|au|aux|depuis|avant|après|"
    r"qui|pour|mais|alors|quant)\b.*$",
    re.S,
)
_LEADING_JUNK = re.compile(
    r"^(?:and|but|so|then|yet|also|still|later|now|et|mais|puis|alors|ainsi|enfin|aussi)\s+", re.I
)
_EN_SPEAKER_VERB = re.compile(
    rf"^(.{{1,120}}?)\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+|have\s+|would\s+|previously\s+|"
    rf"once\s+|recently\s+|again\s+|simply\s+|flatly\s+)?(?:{_EN_VERBS})\b",
    re.S,
)
_EN_VERB_SPEAKER = re.compile(rf"^(?:{_EN_VERBS})\s+(.{{1,160}})$", re.S)
_ACCORDING = re.compile(r"\b(?:according to|per)\s+(.{1,160})$", re.S | re.I)
_FR_VERB_SPEAKER = re.compile(
    rf"^(?:{_FR_VERBS})(?:\s+(?:ainsi|encore|alors|aussi|quant à (?:lui|elle)|pour sa part|"
    rf"en préambule|de son côté|lui aussi|elle aussi|en substance|[a-zé]+ment))*\s+(.{{1,160}})$",
    re.S,
)
_FR_SELON = re.compile(r"\b(?:selon|d’après|d'après|pour)\s+(.{1,160})$", re.S | re.I)
_DASH_SIGNATURE = re.compile(rf"^\s*[―—–-]\s*({NAME}(?:,[^.\n]{{1,60}})?)")
_TRAILING = re.compile(r"[\s,;:.!?)\]»”\"]+$")


@dataclass(frozen=True)
class Attribution:
    """A speaker mention and where its attribution clause ends (for tails) or starts (for heads)."""

    speaker: str
    edge: int


def is_pronoun(speaker: str | None) -> bool:
    """True when the speaker is a bare pronoun ("he", "elle")."""
    return bool(speaker) and speaker.casefold() in PRONOUNS  # type: ignore[union-attr]


def is_name(speaker: str | None) -> bool:
    """True when the speaker starts with a capitalised name (not a pronoun or a description)."""
    if not speaker or is_pronoun(speaker):
        return False
    first = speaker.split(",")[0].strip()
    return bool(_NAME_RE.match(first)) and first.split()[0].casefold() not in _DETERMINERS


_DETERMINERS = frozenset(
    "the a an his her their its this that these those le la les un une des ce cet cette ses son sa "
    "leur leurs l’ l' d’anciens".split()
)


def _clean(raw: str) -> str | None:
    """Trim a raw speaker capture to the mention and its role; None when nothing usable is left."""
    raw = raw.split("\n")[0]
    raw = re.split(r"[.;:!?«»“”\"(]", raw, maxsplit=1)[0]
    parts = [p.strip() for p in raw.split(",")]
    head = _STOP_SPEAKER.sub("", parts[0]).strip()
    head = _LEADING_JUNK.sub("", head).strip()
    if not head or len(head.split()) > 9:
        return None
    speaker = head
    # "Javier López, directeur de l'Institut, explique": keep the role the text gives the name.
    if len(parts) > 1 and is_name(head):
        role = _STOP_SPEAKER.sub("", parts[1]).strip()
        if role and len(role.split()) <= 8 and not is_pronoun(role.split()[0]):
            speaker = f"{head}, {role}"
    return _TRAILING.sub("", speaker) or None


def after(tail: str, language: str | None) -> Attribution | None:
    """Speaker named right after a closing mark: '," said X', ', X said', ', explique X', '— X'."""
    m = _DASH_SIGNATURE.match(tail)
    if m:
        return Attribution(_TRAILING.sub("", m.group(1)), m.end())
    stripped = tail.lstrip(" \u00a0\u202f,")
    offset = len(tail) - len(stripped)
    clause = re.split(r"(?<=[.!?;])\s|[«“\"]", stripped, maxsplit=1)[0]
    if not clause or len(clause) < 2:
        return None
    end = offset + len(clause)
    if language == "fr" or _FR_INV_ANY.match(clause):
        inv = _FR_INV_ANY.match(clause)
        if inv:
            return Attribution(inv.group(1) or inv.group(2), end)
        m = _FR_VERB_SPEAKER.match(clause) or _SELON_START.match(clause)
        if m:
            speaker = _clean(m.group(1))
            if speaker:
                return Attribution(speaker, end)
        m2 = _FR_SUBJECT_VERB.match(clause)
        if m2:
            speaker = _clean(m2.group(1))
            if speaker:
                return Attribution(speaker, end)
        if language == "fr":
            return None
    m = _EN_VERB_SPEAKER.match(clause)
    if m:
        speaker = _clean(m.group(1))
        if speaker:
            return Attribution(speaker, end)
    m = _ACCORDING_START.match(clause)
    if m:
        speaker = _clean(m.group(1))
        if speaker:
            return Attribution(speaker, end)
    m = _EN_SPEAKER_VERB.match(clause)
    if m and "," not in m.group(1).split(",")[0][-1:]:
        speaker = _subject(m.group(1))
        if speaker:
            return Attribution(speaker, end)
    return None


_SELON_START = re.compile(r"^(?:selon|d’après|d'après)\s+(.{1,160})$", re.S | re.I)
_ACCORDING_START = re.compile(r"^(?:according to|per)\s+(.{1,160})$", re.S | re.I)
_FR_SUBJECT_VERB = re.compile(rf"^(.{{1,100}}?)\s+(?:{_FR_VERBS})\b", re.S)


def _subject(raw: str) -> str | None:
    """The subject before a reporting verb, keeping an appositive role ('X, the …, says')."""
    raw = raw.strip().rstrip(",")
    if len(raw.split()) > 14:
        return None
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    if not parts:
        return None
    last = _LEADING_JUNK.sub("", parts[-1]).strip()
    if len(parts) >= 2:
        first = _LEADING_JUNK.sub("", parts[-2]).strip()
        if is_name(first) and not is_name(last) and not is_pronoun(last):
            return f"{first}, {last}"
    if not last or len(last.split()) > 9:
        return None
    if last[0].islower() and not is_pronoun(last) and not last.split()[0] in _DETERMINERS:
        return None
    return last


def before(head: str, language: str | None) -> Attribution | None:
    """Speaker introducing a quotation: 'X said:', 'According to X,', 'X : «', 'selon X,'."""
    text = head.rstrip(" \u00a0\u202f")
    if not text:
        return None
    # The clause that introduces the quotation starts after the last sentence end.
    start = max(text.rfind(". "), text.rfind("? "), text.rfind("! "), text.rfind("\n"))
    clause = text[start + 1 :].strip()
    if text.endswith(":") or text.endswith(","):
        body = clause.rstrip(":, \u00a0\u202f")
        m = _ACCORDING.search(body) or (_FR_SELON.search(body) if language == "fr" else None)
        if m:
            speaker = _clean(m.group(1))
            if speaker:
                return Attribution(speaker, start + 1)
        m = _HEAD_SPEAKER_VERB.search(body)
        if m:
            speaker = _subject(m.group(1))
            if speaker:
                return Attribution(speaker, start + 1)
        if text.endswith(":"):
            # "X : « … »", "Javier López, directeur :"
            speaker = _subject(body)
            if speaker and is_name(speaker.split(",")[0]):
                return Attribution(speaker, start + 1)
    return None


_HEAD_SPEAKER_VERB = re.compile(
    rf"^(.{{1,120}}?)\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+|would\s+|a\s+)?"
    rf"(?:{_EN_VERBS}|{_FR_VERBS}|déclaré|expliqué|ajouté|affirmé|estimé|souligné|précisé|indiqué|"
    rf"assuré|raconté|confié|réagi|rappelé|lancé|répondu|écrit|tweeté)\b[^,:]{{0,60}}$",
    re.S,
)


def inside(inner: str, language: str | None) -> tuple[str, int, int] | None:
    """A French incise inside the marks: « …, a réagi X. … »; the speaker and the incise's span."""
    for m in _INCISE.finditer(inner):
        clause = re.split(r"(?<=[.!?;])\s", inner[m.start(1) :], maxsplit=1)[0]
        end = m.start(1) + len(clause)
        inv = _FR_INV_ANY.match(clause)
        if inv:
            return inv.group(1) or inv.group(2), m.start(), end
        sm = _FR_VERB_SPEAKER.match(clause)
        if sm:
            speaker = _clean(sm.group(1))
            if speaker and (is_name(speaker) or speaker.split()[0].casefold() in _DETERMINERS):
                return speaker, m.start(), end
    return None


_INCISE = re.compile(
    rf",\s+((?:{_FR_VERBS})(?=[\s-])|[a-zéèêàùûôîç]+-(?:t-)?(?:il|elle|on)\b|a-t-(?:il|elle|on)\s)"
)
