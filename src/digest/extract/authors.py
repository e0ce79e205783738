"""Author cascade: structured metadata, then visible bylines and signatures, normalised."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from itertools import islice

from lxml.html import HtmlElement

from digest.extract import lexicon
from digest.extract.bylines import (
    byline_rule,
    fix_case,
    is_agency,
    is_desk,
    is_full_name,
    is_role,
    looks_like_handle,
    looks_like_name,
    normalise_authors,
    owns_site,
    same_organisation,
    split_byline,
    without_titles,
)
from digest.extract.nodes import WS, clean_text, compact_key, in_aside, longer_than, text_of
from digest.extract.page import ParsedPage
from digest.models import Origin, OriginKind

_BYLINE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:by-?line|byline|author|authors|auteur|auteurs|autor|autoren|signature|"
    r"article-author|post-author|entry-author|writer|verfasser|creator|contributor)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
# `{by}`: the byline labels of every language (see `byline_rule`).
_BYLINE_PREFIX = (
    r"^[\s|–-]*(?:(?:ein\s+(?:artikel|beitrag)\s+|text\s+|geschrieben\s+|verfasst\s+|written\s+|"
    r"un\s+article\s+|erstellt\s+|eingestellt\s+|posted\s+|(?:blog\s*)?beitrag\s+|"
    r"eine?\s+(?:kolumne|glosse|kommentar|reportage|analyse|gastbeitrag|interview)\s+)?"
    r"(?:{by})\s+\S|(?:autor(?:[/*:_]?in)?|auteur|author|text|texte|redaktion|"
    r"text\s*(?:&|und|and|\+)\s*(?:fotos?|bilder?)|作者|记者|责任编辑)\s*[:：]\s*\S|"
    r"(?:autoren|auteurs|authors)\s+(?-i:[A-ZÄÖÜ]))"
)
# A label in its own element, the name in the next: "<b>Autor:</b> Fritz Imhof".
_BYLINE_LABEL = (
    r"^\s*(?:{by}|autor(?:[/*:_]?in)?|author|auteur|text|texte|verfasst von|geschrieben von|"
    r"erstellt von|eingestellt von|posted by|written by|écrit par|interview|redaktion|"
    r"text\s*(?:&|und|and|\+)\s*(?:fotos?|bilder?)|作者|记者|责任编辑)\s*[:：]?\s*$"
)
_SEPARATOR_NODE = re.compile(r"^(?:,|;|&|and|und|et|y)$", re.IGNORECASE)
# A name right after a date: "25.10.2022 - Reiner Nagel", "04.02.2022 | 13:10 Uhr | Uta Helkenberg"
_DATE_LED = re.compile(
    r"^\s*\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}(?:\s*[|,–-]?\s*\d{1,2}:\d{2}(?:\s*uhr)?)?\s*[|–-]\s*"
    r"(?:(?:von|autor(?:in)?|redaktion|text)\s*:?\s*)?"
    r"(\w[\w'’.-]+(?:\s+[\w'’.-]+){1,3})\s*(?:\([^)]*\))?\s*$",
    re.IGNORECASE,
)
_DATE_OPENS = re.compile(r"\s*\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\s*[|–-]")
# Class names a component library writes ("AuthorLink-sc-10pl2l7-4", "MediaAuthors__AuthorName",
# "ArticleAuthor_authorName___AnQD"): the component's name, in capitalised words, says author.
_BYLINE_COMPONENT = re.compile(
    r"(?:^|[\s_-]|(?<=[a-z]))(?:Author|Byline)(?:s|Name|Link)?(?:$|[\s_-])"
)
_NOT_BYLINE_CLASS = re.compile(
    r"comment|avatar|bio|description|related|more|footer|share|social|image|img|"
    r"photo|box|(?<!v)card|list|widget|follow|email|subscribe|newsletter|teaser|recommend",
    re.IGNORECASE,
)
_MAX_BYLINE_CHARS = 200


AuthorSource = Callable[[ParsedPage], object]


def _jsonld_authors(page: ParsedPage) -> object:
    for obj in page.articles():
        for key in ("author", "creator"):
            if obj.get(key):
                return page.resolve(obj[key])
    return None


def _meta(*keys: str) -> AuthorSource:
    def get(page: ParsedPage) -> object:
        values: list[str] = []
        for key in keys:
            values.extend(v for v in page.meta.get(key, ()) if v.strip())
            if values:
                return values
        return None

    return get


def _citation_authors(page: ParsedPage) -> object:
    # Scholarly tags write "Doe, Jane": one name per tag, family name first.
    values = [v.strip() for v in page.meta.get("citation_author", ()) if v.strip()]
    out = []
    for value in values:
        match = re.fullmatch(r"([^,]+),\s*([^,]+)", value)
        out.append(f"{match.group(2)} {match.group(1)}" if match else value)
    return out or None


def _microdata_authors(page: ParsedPage) -> object:
    names: list[str] = []
    for el in page.tree.xpath('//*[@itemprop="author" or @itemprop="creator"]')[:10]:
        if in_aside(el):
            continue
        inner = el.xpath('.//*[@itemprop="name"]')
        if inner:
            names.append(inner[0].get("content") or text_of(inner[0], " "))
        elif el.get("content"):
            names.append(el.get("content") or "")
        else:
            names.append(text_of(el, " "))
    for el in page.tree.xpath('//a[@rel="author"]')[:10]:
        if not in_aside(el):
            names.append(text_of(el, " "))
    names = [n for n in names if n and len(n) <= _MAX_BYLINE_CHARS]
    # Many different names tagged as authors: a list of contributors, not this byline.
    return names[:1] if len(set(names)) > 4 else names or None


def _byline_element(page: ParsedPage) -> object:
    """An element whose class, id or itemprop says byline or author."""
    if "byline element" not in page.memo:
        page.memo["byline element"] = _find_byline_element(page)
    return page.memo["byline element"]


def _find_byline_element(page: ParsedPage) -> str | None:
    body = page.tree.find("body")
    if body is None:
        return None
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "img", "meta", "link"):
            continue
        attrs = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("itemprop"))))
        marked = el.tag == "byline" or bool(
            attrs and (_BYLINE_CLASS.search(attrs) or _BYLINE_COMPONENT.search(attrs))
        )
        if not marked or _NOT_BYLINE_CLASS.search(attrs):
            continue
        if in_aside(el) or _in_teaser_link(el):
            continue
        # Pieces in separate elements are separate parts: "<a>Jane Doe</a><span>Courier</span>"
        text = text_of(el, " | ")
        if text and len(text) <= _MAX_BYLINE_CHARS and _has_name(text):
            return text
        # A handle only where a label says so: "Author: Bo2man am 29.12.2010", or the label
        # before the element: "von <span class="author vcard">freeman1984</span>".
        if (
            text
            and len(text) <= 80
            and (byline_rule(_BYLINE_PREFIX).match(text) or _labelled(el))
            and _has_handle(text)
        ):
            return text
    return None


def _in_teaser_link(el: HtmlElement) -> bool:
    """Inside a link that holds more than the byline: a teaser of another article, its headline
    and its writer ("<a><h3>Die wunderbare Wandlung …</h3><div class="author-name">Von …</div></a>")."""
    link = next((a for a in el.iterancestors("a")), None)
    return link is not None and longer_than(link, len(text_of(el)) + 40)


def _labelled(el: HtmlElement) -> bool:
    """The text right before an element is a byline label: "von <span>", "<span>by</span> <a>"."""
    before = el.getprevious()
    parent = el.getparent()
    if before is not None:
        text = (before.tail or "").strip() or text_of(before)
    else:
        text = parent.text or "" if parent is not None else ""
    return bool(byline_rule(_BYLINE_LABEL).match(text.strip(" ·|–-")))


def _opening(el: HtmlElement) -> str:
    """The first words of an element, read without going through all of its text."""
    return WS.sub(" ", "".join(islice(el.itertext(), 8))).strip()


def _visible_byline(page: ParsedPage) -> object:
    """A byline in the text: after a label ("Autor:"), after a date, or "By Jane Doe"."""
    body = page.tree.find("body")
    if body is None:
        return None
    for text in _texts_after_labels(body):
        if _has_full_name(text):
            return text
    # "By Jane Doe" as a short paragraph near the headline.
    for el in body.iter("p", "span", "div", "address", "em", "strong", "small", "h5", "h6"):
        if len(el) > 4:
            continue
        # The label opens the element: its first pieces of text tell, without reading a
        # wrapper's whole text.
        if not byline_rule(_BYLINE_PREFIX).match(_opening(el)):
            continue
        if longer_than(el, 1000):
            continue
        label = el.xpath(".//text()[normalize-space()]")[:1]
        if label and _in_link(label[0].getparent()):
            continue
        text = text_of(el, " ")
        if (
            text
            and len(text) <= 120
            and byline_rule(_BYLINE_PREFIX).match(text)
            and _has_full_name(text)
        ):
            return text
    return None


def _in_link(el: HtmlElement | None) -> bool:
    """Inside a link: a byline label there is a teaser's or another article's headline ("<a
    class="teaser">… Von Jörn Mecher</a>", "<a>By Growing Animal Cells…</a>")."""
    return el is not None and any(e.tag == "a" for e in (el, *el.iterancestors()))


def _has_name(text: str) -> bool:
    return any(looks_like_name(n) or is_agency(n) for n in split_byline(text))


def _has_handle(text: str) -> bool:
    return any(looks_like_handle(n) for n in split_byline(text))


def _has_full_name(text: str) -> bool:
    # Text on the page counts only with first and last name, as normalise_authors will ask.
    return any((looks_like_name(n) and is_full_name(n)) or is_agency(n) for n in split_byline(text))


def _yoast_written_by(page: ParsedPage) -> object:
    # SEO plugins label a Twitter card field "Written by" / "Verfasst von" with the author.
    for i in ("1", "2"):
        label = " ".join(page.meta.get(f"twitter:label{i}", ())).lower()
        if re.search(r"written by|verfasst von|geschrieben von|écrit par|escrito por", label):
            return page.meta.get(f"twitter:data{i}") or None
    return None


def _author_links(page: ParsedPage) -> object:
    # A link to the author's page near the article: WordPress and most CMSs make one. Links
    # beside the first one (same parent) are its co-authors.
    links = [link for link in page.tree.xpath(_AUTHOR_LINK)[:20] if not in_aside(link)]
    links = [link for link in links if 2 < len(text_of(link, " ")) < 60]
    if not links:
        return None
    parent = links[0].getparent()
    return [text_of(link, " ") for link in links if link.getparent() is parent][:5]


_AUTHOR_LINK = (
    "//body//a[contains(@href, '/author/') or contains(@href, '/autor/') or "
    "contains(@href, '/auteur/') or contains(@href, '/autoren/') or contains(@href, '/authors/')]"
)


def _texts_after_labels(body: HtmlElement) -> Iterator[str]:
    """Names printed after a byline label in its own element, or after a date."""
    texts = body.xpath(".//text()[not(ancestor::script) and not(ancestor::style) and "
                       "normalize-space()]")  # fmt: skip
    nodes = [str(t).strip() for t in texts]
    # Lines opening with a date, three or more: a calendar or a changelog ("03.11.2022 - Mark
    # Turner - Arena"), whose names are no byline.
    dated_list = sum(1 for node in nodes if _DATE_OPENS.match(node)) >= 3
    for i, node in enumerate(nodes):
        if (
            i + 1 < len(nodes)
            and len(node) < 25
            and byline_rule(_BYLINE_LABEL).match(node)
            and len(nodes[i + 1]) <= 80
            and not _in_link(texts[i].getparent())
        ):
            # Co-authors follow in their own elements, joined by separators: "A", ", ", "B".
            parts = [nodes[i + 1]]
            if is_role(nodes[i + 1]) and i + 2 < len(nodes) and len(nodes[i + 2]) <= 60:
                parts.append(nodes[i + 2])  # a role in its own link: "Autor: <a>Anwalt</a> Jo Doe"
            for following in nodes[i + 2 : i + 10]:
                joined = _SEPARATOR_NODE.match(parts[-1]) and len(following) <= 60
                if not (_SEPARATOR_NODE.match(following) or joined):
                    break
                parts.append(following)
            yield " ".join(parts)
        match = _DATE_LED.match(node) if len(node) <= 80 and not dated_list else None
        if match:
            yield match.group(1)
        elif (
            len(node) <= 40
            and byline_rule(_BYLINE_PREFIX).match(node)
            and not _in_teaser_link(texts[i].getparent())
        ):
            yield node  # label and name in one text node, loose between elements


AUTHOR_SOURCES: list[tuple[str, AuthorSource]] = [
    ("JSON-LD", _jsonld_authors),
    ("meta author", _meta("author", "byl", "dc.creator", "dcterms.creator", "dc.contributor")),
    ("article:author", _meta("article:author", "og:article:author", "book:author")),
    ("citation_author", _citation_authors),
    ("parsely", _meta("parsely-author")),
    ("sailthru", _meta("sailthru.author")),
    ("twitter creator", _meta("twitter:creator")),
    ("twitter:data", _yoast_written_by),
    ("microdata", _microdata_authors),
    ("author link", _author_links),
    ("byline element", _byline_element),
    ("byline", _visible_byline),
]


# The kind of each rule of the cascade, for the curator: metadata, structured data, the page.
_KINDS = {
    "JSON-LD": OriginKind.JSON_LD, "meta author": OriginKind.META,
    "article:author": OriginKind.META, "citation_author": OriginKind.META,
    "parsely": OriginKind.META, "sailthru": OriginKind.META, "twitter creator": OriginKind.META,
    "twitter:data": OriginKind.META, "site owner": OriginKind.SITE_NAME,
}  # fmt: skip


def find_authors(
    page: ParsedPage, publication: str | None, body_text: str = ""
) -> tuple[list[str], Origin | None]:
    """The first source in the cascade whose byline yields names, and where it came from."""
    names, rule = _cascade(page, publication, body_text)
    if rule is None:
        return names, None
    kind = _KINDS.get(rule, OriginKind.PAGE)
    return names, Origin(kind, "" if rule == kind.value else rule)


def _cascade(
    page: ParsedPage, publication: str | None, body_text: str
) -> tuple[list[str], str | None]:
    stated = _stated_writer(page, publication)
    if stated:
        return stated, "stated byline"
    for index, (origin, source) in enumerate(AUTHOR_SOURCES):
        raw = source(page)
        if not raw:
            continue
        names = normalise_authors(
            raw, publication=publication, host=page.host, structured=origin != "byline"
        )
        if len(names) >= 3 and all(" " not in n for n in names):
            continue  # a row of single words is a list of tags or sections, not a byline
        if names:
            names = _with_co_authors(page, names, origin, publication)
            names = _with_agencies(page, names, origin)
            names = _without_contributors(page, names)
            names = [_name_for_handle(page, name) for name in names]
            return _complete_first_names(page, names, index, publication), origin
    signature = _signature(body_text, publication, page.host)
    if signature:
        return [signature], "signature"
    wire = _dateline_agencies(body_text)
    if wire:
        return wire, "dateline"
    wire = _closing_agencies(body_text)
    if wire:
        return wire, "closing credit"
    provider = _provider(body_text)
    if provider:
        return [provider], "closing credit"
    owner = _site_owner(page)
    if owner:
        return [owner], "site owner"
    desk = _desk_byline(page, publication)
    if desk:
        return [desk[0]], desk[1]
    return [], None


# A dateline crediting the wire: "Berlin (dpa) – …", "WASHINGTON (AP) —", "KYIV, Dec 24 (Reuters) -".
_DATELINE = re.compile(r"^[^\n()]{0,60}\(([^()\n]{2,40})\)\s*[-–—:]")


def _dateline_agencies(body_text: str) -> list[str]:
    """The agencies a dateline opening the text credits, as printed, where no byline names anyone.

    A press review credits the agency whose copy it quotes (DESIGN §1); a dateline is how wire
    copy says whose it is.
    """
    m = _DATELINE.match(body_text.lstrip())
    if m is None:
        return []
    parts = split_byline(m.group(1))
    return parts if parts and all(is_agency(p) for p in parts) else []


# A credit closing a paragraph: "… hieß es. (FR mit dpa)", "(AP)", "(avec AFP)".
_CLOSING_PARENS = re.compile(r"\(([^()\n]{2,60})\)\s*$")


def _closing_agencies(body_text: str) -> list[str]:
    """The agencies a credit closing the text names, where no byline names anyone: "Reporting
    by The Associated Press.", "Quelle: kathpress", "(Mit Material von dts)", "(FR mit dpa)".

    Wire copy says whose it is at its end as often as in its dateline (DESIGN §1: the review
    credits the agency). A name beside the agency is the desk's initials ("FR", "red"); a
    person credited there is not taken: "Reporting by Jane Doe; Editing by John Roe" names an
    editor too, and the byline is where a writer is named.
    """
    for paragraph in reversed(body_text.rstrip().rsplit("\n\n", 3)[-3:]):
        paragraph = paragraph.strip()
        closing = _CLOSING_PARENS.search(paragraph)
        credit = closing.group(1) if closing else paragraph
        label = _credit_label().match(credit)
        if label:
            credit = credit[label.end() :]
        elif closing is None:
            continue
        if len(credit) > 60 or "©" in credit or any(ch.isdigit() for ch in credit):
            continue  # a picture's copyright, a date: no credit for the text
        parts = split_byline(credit.strip(" ."))
        agencies = [p for p in parts if is_agency(p)]
        others = [p for p in parts if not is_agency(p)]
        if agencies and all(len(p) <= 3 and " " not in p for p in others):
            return agencies
    return []


@cache
def _credit_label() -> re.Pattern[str]:
    labels = {label for lex in lexicon.every_language() for label in lex.names.credit_labels}
    alternatives = "|".join(re.escape(x) for x in sorted(labels, key=len, reverse=True))
    return re.compile(rf"^\s*(?:{alternatives})(?:\s+|(?<=:))", re.IGNORECASE)


def _provider(body_text: str) -> str | None:
    """The institution whose press release the page prints, as a closing line names it, where
    no byline names anyone: "Provided by University of Tokyo", "Materials provided by Harvard
    Medical School. Original written by …". The review credits the copy it quotes (DESIGN §1)."""
    for paragraph in reversed(body_text.rstrip().rsplit("\n\n", 5)[-5:]):
        label = _provider_label().match(paragraph)
        if label is None:
            continue
        name = re.split(r"\.(?:\s|$)", paragraph[label.end() :], maxsplit=1)[0].strip()
        words = name.split()
        if (
            name[:1].isupper()
            and 1 <= len(words) <= 8
            and len(name) <= 60
            and not any(ch.isdigit() for ch in name)
            and not _URL_LIKE.search(name)
        ):
            return name
    return None


_URL_LIKE = re.compile(r"https?://|www\.|\w\.(?:com|org|net)\b", re.IGNORECASE)


@cache
def _provider_label() -> re.Pattern[str]:
    labels = {label for lex in lexicon.every_language() for label in lex.names.provider_labels}
    alternatives = "|".join(re.escape(x) for x in sorted(labels, key=len, reverse=True))
    return re.compile(rf"^\s*(?:{alternatives or '(?!)'})\s+", re.IGNORECASE)


# Where a desk or the publication signs instead of a person: the fields meant for authors.
_DESK_SOURCES = (
    "JSON-LD", "meta author", "article:author", "parsely", "twitter:data", "microdata",
    "author link", "byline element",
)  # fmt: skip


def _desk_byline(page: ParsedPage, publication: str | None) -> tuple[str, str] | None:
    """A desk or the publication itself signing the article ("Redaktion", "Slate Staff").

    Only where no person is named: the attribution line leaves it out, `show` lists it.
    """
    for origin, source in AUTHOR_SOURCES:
        if origin not in _DESK_SOURCES:
            continue
        raw = _organisation_names(page) if origin == "JSON-LD" else source(page)
        for text in [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []:
            if not isinstance(text, str):
                continue
            for part in split_byline(text):
                part = clean_text(part)
                if _is_desk_credit(part, publication, page.host):
                    return part, origin
    return None


def _organisation_names(page: ParsedPage) -> list[str]:
    out: list[str] = []
    for obj in page.articles():
        for key in ("author", "creator"):
            value = page.resolve(obj[key]) if obj.get(key) else None
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict) and "NewsMediaOrganization" in str(item.get("@type")):
                    continue  # the outlet as author: how a site without bylines says so
                if isinstance(item, dict) and isinstance(item.get("name"), str):
                    out.append(str(item["name"]))
                elif isinstance(item, str):
                    out.append(item)
    return out


def _is_desk_credit(part: str, publication: str | None, host: str) -> bool:
    if not 2 <= len(part) <= 60 or len(part.split()) > 6 or any(c.isdigit() for c in part):
        return False
    if is_desk(part):
        return True  # "Redaktion", "auto-motor.at Redaktion", "PETA-Team"
    return part[0].isupper() and same_organisation(part, publication, host)


_SITE_NAME_CLASS = re.compile(r"site-(?:title|name|description|branding)|logo|brand", re.I)


def _site_owner(page: ParsedPage) -> str | None:
    """On a personal site, the person it is named after: "Dr. Jane Doe" on jane-doe.net.

    The name must also be declared a person's (a title, a JSON-LD Person, an author or
    creator field): "Creative Loafing" on creativeloafing.com is a magazine.
    """
    people = {compact_key(n) for n in _declared_people(page)}
    for candidate in _site_names(page):
        candidate = clean_text(candidate)
        name = without_titles(candidate)
        titled = name != candidate
        if (
            len(name) <= 60
            and owns_site(name, page.host)
            and (titled or compact_key(name) in people)
        ):
            return fix_case(name)
    return None


def _declared_people(page: ParsedPage) -> Iterator[str]:
    for obj in page.of_type("Person"):
        if isinstance(obj.get("name"), str):
            yield str(obj["name"])
    for key in ("author", "twitter:creator", "shareaholic:article_author_name", "dc.creator"):
        for value in page.meta.get(key, ()):
            yield value.lstrip("@")


def _site_names(page: ParsedPage) -> Iterator[str]:
    """What a page calls its site: metadata names, <title> parts, the header's site title."""
    for key in ("og:site_name", "application-name", "msapplication-tooltip",
                "apple-mobile-web-app-title"):  # fmt: skip
        yield from page.meta.get(key, ())
    for obj in page.of_type("WebSite", "Person"):
        if isinstance(obj.get("name"), str):
            yield str(obj["name"])
    title = page.tree.find(".//title")
    if title is not None:
        yield from re.split(r"\s+[|–—·:»-]\s+", text_of(title))
    for el in page.tree.xpath("//body//*[@class]")[:400]:
        if _SITE_NAME_CLASS.search(el.get("class") or "") and not longer_than(el, 60):
            yield text_of(el, " ")


# A title line under a signature: capitalised words, no sentence punctuation.
_SIGNER_TITLE = re.compile(r"[^\W\d_][\w-]+(?:\s+[\w-]+){0,9}")


# "Ein Gastbeitrag von Jana Muster": the text says who wrote it, whoever posted it.
_STATED_WRITER = re.compile(
    r"^(?:(?:ein(?:e|en)?|a|un|une)\s+)?(?:(?:blog\s*)?beitrag|gastbeitrag|artikel|kolumne|glosse|"
    r"interview|kommentar|essay|reportage|guest\s+post|column|tribune)\s+(?:von|by|de|par)\s+",
    re.IGNORECASE,
)


def _opens_statement(el: HtmlElement) -> bool:
    head = _opening(el)
    if el.tag in ("strong", "em") and re.match(r"(?:von|by)\s+", head, re.IGNORECASE):
        return True
    return bool(_STATED_WRITER.match(head))


def _stated_writer(page: ParsedPage, publication: str | None) -> list[str]:
    body = page.tree.find("body")
    if body is None:
        return []
    long_paragraphs = 0
    for el in body.iter("p", "em", "strong", "span", "div"):
        if el.tag != "p" and (len(el) > 4 or not _opens_statement(el) or longer_than(el, 400)):
            continue  # a wrapper, not a statement: skip it without reading its whole text
        text = text_of(el, " ")
        if el.tag == "p" and len(text) > 150:
            long_paragraphs += 1
            if long_paragraphs > 1:
                break  # a statement of authorship opens the text; later ones are teasers
        match = _STATED_WRITER.match(text)
        if match is None and el.tag in ("strong", "em"):
            match = re.match(r"(?:von|by)\s+", text, re.IGNORECASE)
        if len(text) > 120 or len(el) > 4 or not match or in_aside(el):
            continue
        written = text[match.end() :]
        names = normalise_authors(
            written, publication=publication, host=page.host, structured=False
        )
        if names:
            return names
    return []


def _signature(body_text: str, publication: str | None, host: str) -> str | None:
    """A name alone as the article's last paragraph: the signature of print journalism."""
    paragraphs = body_text.rsplit("\n\n", 2)
    if len(paragraphs) < 2:
        return None
    found = _signed(paragraphs[-1], publication, host)
    if found is None and len(paragraphs) == 3 and _is_signers_title(paragraphs[-1].strip()):
        found = _signed(paragraphs[-2], publication, host)  # the name, then the signer's title
    return found


def _is_signers_title(text: str) -> bool:
    """A title line under a signature: words without sentence punctuation; one word only where
    it is a role ("Bundesvorsitzende"), not a heading's next line ("Weiterführender Link" over
    "BBAW", "Neue Kommentare" over "Hilfreiches")."""
    if not _SIGNER_TITLE.fullmatch(text):
        return False
    if " " in text:
        return True
    endings = _role_endings()
    return is_role(text) or text.casefold().endswith(endings)


@cache
def _role_endings() -> tuple[str, ...]:
    return tuple({e for lex in lexicon.every_language() for e in lex.speech.role_endings})


def _signed(paragraph: str, publication: str | None, host: str) -> str | None:
    # "© 2019 Jana Muster" closing the text is the writer's copyright line.
    last = re.sub(r"^(?:©|\(c\))\s*(?:\d{4}\s+)?", "", paragraph.strip().strip("*_"))
    if not 4 < len(last) <= 40 or not 2 <= len(last.split()) <= 4:
        return None
    names = normalise_authors(last, publication=publication, host=host, structured=False)
    return names[0] if len(names) == 1 and names[0] == fix_case(last) else None


def _with_co_authors(
    page: ParsedPage, names: list[str], origin: str, publication: str | None
) -> list[str]:
    """The visible byline's names where the metadata has fewer of them, or only accounts.

    Metadata often carries only the first author of a shared byline ("von A, B").
    """
    if origin in ("byline element", "byline"):
        return names
    byline = _byline_element(page)
    if not isinstance(byline, str):
        return names
    shown = normalise_authors(byline, publication=publication, host=page.host, structured=False)
    if shown and not any(looks_like_name(n) for n in names):
        return shown  # the metadata has an account ("link78"), the byline a person's name
    keys = {compact_key(n) for n in shown}
    if len(shown) <= len(names) or not all(compact_key(n) in keys for n in names):
        return names
    # Only a list the byline writes as one ("A, B und C"), not names side by side with
    # a role or a button ("Jane Doe | NFL Analyst").
    listed = _LIST_SEPARATOR.join(re.escape(n) for n in shown)
    plain = WS.sub(" ", byline.replace(" | ", " "))
    return shown if re.search(listed, plain, re.IGNORECASE) else names


def _with_agencies(page: ParsedPage, names: list[str], origin: str) -> list[str]:
    """The agencies the visible byline credits beside the writers the metadata names."""
    byline = _byline_element(page)
    if origin in ("byline element", "byline") or not isinstance(byline, str):
        return names
    have = {compact_key(n) for n in names}
    more = [n for n in split_byline(byline) if is_agency(n) and compact_key(n) not in have]
    return names + list(dict.fromkeys(more))


_LIST_SEPARATOR = r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*(?:(?:and|und|et|y)\s+)?"


# Helpers the byline credits for something else than the text: reporting, photographs.
_CONTRIBUTIONS = re.compile(
    r"(?:contributions?\s+(?:from|by)|additional\s+reporting\s+(?:from|by)|with\s+reporting\s+by|"
    r"mitarbeit:?|mit\s+material\s+von|avec\s+la\s+contribution\s+de|"
    r"(?:photo(?:graph)?s|photography|photographies?|fotos?|fotografien?|bilder)\s+(?:by|von|de|par))"
    r"\s+(.+)$",
    re.IGNORECASE,
)


def _without_contributors(page: ParsedPage, names: list[str]) -> list[str]:
    """Drop co-authors the visible byline calls contributors ("Contributions from Jim Roe")."""
    if len(names) < 2:
        return names
    byline = _byline_element(page)
    match = _CONTRIBUTIONS.search(byline) if isinstance(byline, str) else None
    if not match:
        return names
    helpers = {n.casefold() for n in normalise_authors(match.group(1), structured=False)}
    kept = [n for n in names if n.casefold() not in helpers]
    return kept or names


_UPPER = r"[^\W\d_a-zß-ÿ]"  # a letter that is not lower case (Latin scripts)
_CAPITALISED_RUN = re.compile(rf"{_UPPER}[\w'’-]+(?:\s+{_UPPER}\.)?(?:\s+{_UPPER}[\w'’-]+){{1,2}}")


def _name_for_handle(page: ParsedPage, name: str) -> str:
    """The printed name behind a user handle ("gabor_munier" -> "Gàbor Muniér")."""
    if " " in name or not re.search(r"[._]|^[a-z]+$", name):
        return name
    key = compact_key(re.sub(r"[._-]?\d+$", "", name).replace("_", ""))  # "jane.doe.1232"
    body = page.tree.find("body")
    if body is None or len(key) < 6:
        return name
    for match in _CAPITALISED_RUN.finditer(text_of(body, " ")):
        run = match.group(0).split()
        for end in range(2, len(run) + 1):  # "Jane Doe March 07": the name is a prefix
            words = [w for w in run[:end] if not re.fullmatch(r"\w\.", w)]
            if compact_key("".join(words)) == key and all(w[0].isupper() for w in words):
                return " ".join(run[:end])
    return name


def _complete_first_names(
    page: ParsedPage, names: list[str], index: int, publication: str | None
) -> list[str]:
    """Replace a bare first name ("Nils") by the full name a later source gives ("Nils Doe")."""
    if any(" " in name for name in names):
        return names
    later: list[str] = []
    for origin, source in AUTHOR_SOURCES[index + 1 :]:
        raw = source(page)
        if raw:
            later += normalise_authors(
                raw, publication=publication, host=page.host, structured=origin != "byline"
            )
    out = []
    for name in names:
        fuller = [n for n in later if n.split()[0].casefold() == name.casefold() and " " in n]
        out.append(fuller[0] if fuller else name)
    return out
