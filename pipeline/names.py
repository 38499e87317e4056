"""Name helpers shared by the groups, publications and people stages.

Everything here is cheap string or token-attribute work: no model calls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from .doc_words import doc_texts

# Lower-case words that may sit inside a proper name between capitalised words:
# "Association of Directors of Education in Scotland", "Committee on Care & Support".
NAME_CONNECTORS = frozenset({"and", "&", "of", "for", "on", "in", "to", "the"})
# Words skipped when an acronym is built from a name ("Association of Directors of Education" -> ADE).
ACRONYM_SKIP_WORDS = frozenset({"and", "&", "of", "for", "on", "in", "to", "the", "a"})
# "the Leadership Group" -> "Leadership Group"; "The Bill" -> "Bill"
LEADING_THE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
# Acronym shape: "NSPCC", "CoSLA", "ToR", "CPPs" (a plural s is allowed at the end).
ACRONYM_SHAPE = re.compile(r"^[A-Z][A-Za-z&]{1,7}$")
# Punctuation ignored when names are compared: "Care & Support" == "care and support" (see name_key).
_KEY_PUNCT = re.compile(r"[^\w&]+")
# Curly apostrophes and quotes are folded before names are compared: "Scotland’s" == "Scotland's".
_CURLY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def strip_leading_the(text: str) -> str:
    """'the Leadership Group' -> 'Leadership Group' (and trims spaces)."""
    return LEADING_THE.sub("", text.strip())


def name_key(text: str) -> str:
    """Comparison key for names: case-folded, no leading 'the', punctuation as spaces, '&' as 'and'."""
    text = strip_leading_the(text.translate(_CURLY)).casefold().replace("&", " and ")
    return " ".join(_KEY_PUNCT.sub(" ", text).split())


def looks_like_acronym(text: str) -> bool:
    """'NSPCC', 'CoSLA', 'SCRA', 'ToR' yes; 'McDonald', 'Group', 'A' no.

    At least two capitals and capitals make at least half the letters.
    """
    if not ACRONYM_SHAPE.match(text):
        return False
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return upper >= 2 and upper * 2 >= len(letters)


def is_capitalised(token: Token) -> bool:
    """A word that can be part of a proper name: 'Scottish', 'NSPCC', 'CoSLA', 'Children’s'."""
    text = token.text
    return bool(text) and text[0].isupper() and (token.is_alpha or "'" in text or "’" in text or "-" in text)


# Tokens after which a new sentence really starts: the parser sometimes splits inside a name
# ("Children" / "’s Hearings Scotland"), so walks over a name trust only these breaks.
HARD_BREAKS = frozenset({".", "!", "?", ";", ":"})


def _hard_break_after(token: Token) -> bool:
    return token.is_space or "\n" in token.whitespace_ or token.text in HARD_BREAKS


def line_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """Token range of the sentence holding token ``i``, merged with neighbours the parser split mid-line.

    A parser sentence start counts only after closing punctuation or a line break.
    """
    if not doc.has_annotation("SENT_START"):
        return 0, len(doc)
    sent = doc[i].sent
    start, end = sent.start, sent.end
    while start > 0 and not _hard_break_after(doc[start - 1]):
        start = doc[start - 1].sent.start
    while end < len(doc) and not _hard_break_after(doc[end - 1]):
        end = doc[end].sent.end
    return start, end


def acronym_fits_loosely(acronym: str, words: list[str]) -> bool:
    """A bracketed acronym right after a name may take letters from inside its words.

    "Scottish Childminding Association (SCMA)": the first letter is the first word's initial, the letters come
    in order from the name, and at least half of them are word initials.
    """
    letters = _acronym_letters(acronym)
    if len(letters) < 2 or not words or words[0][:1].casefold() != letters[0]:
        return False
    folded = [word.casefold() for word in words]

    @cache
    def most_initials(letter: int, w: int, c: int) -> int:
        """Most word initials the letters from ``letter`` on can use, reading from word ``w``, character ``c``;
        -1 when they cannot be found in order."""
        if letter == len(letters):
            return 0
        options = []
        inside = folded[w].find(letters[letter], c)
        if inside >= 0:  # a letter from inside the current word ("Childminding" -> M)
            options.append(most_initials(letter + 1, w, inside + 1))
        for k in range(w + 1, len(folded)):  # or a later word's initial
            if folded[k][:1] == letters[letter] and (rest := most_initials(letter + 1, k, 1)) >= 0:
                options.append(rest + 1)
        return max(options, default=-1)

    initials_used = most_initials(1, 0, 1)  # the first letter is the first word's initial
    return initials_used >= 0 and (initials_used + 1) * 2 >= len(letters)


def _acronym_letters(acronym: str) -> str:
    """'CPPs' -> 'CPP' (plural s dropped), 'Q&A' -> 'QA'."""
    core = acronym[:-1] if len(acronym) > 2 and acronym.endswith("s") and acronym[-2].isupper() else acronym
    return "".join(c for c in core if c.isalpha()).casefold()


def acronym_matches(acronym: str, words: list[str]) -> bool:
    """Does ``acronym`` abbreviate ``words``?

    The first letter must be the first word's initial; the other letters are
    initials of later words in order (skipped words allowed, since real
    acronyms drop some: "Coalition of Care and Support Providers Scotland" ->
    CCPS). Connector words may give a letter ("Terms of Reference" -> ToR).
    Most content words must be used, so a long phrase does not match a short
    acronym by chance.
    """
    letters = _acronym_letters(acronym)
    if len(letters) < 2 or not words or words[0][:1].casefold() != letters[0]:
        return False
    content = [w for w in words if w.casefold() not in ACRONYM_SKIP_WORDS]
    i = 1
    used_content = 1
    for word in words[1:]:
        if i < len(letters) and word[:1].casefold() == letters[i]:
            i += 1
            used_content += word.casefold() not in ACRONYM_SKIP_WORDS
    if i != len(letters):
        return False
    return used_content * 3 >= len(content) * 2 or len(content) - used_content <= 1


def initials(words: list[str]) -> str:
    """'Child Sexual Exploitation' -> 'CSE' (connectors skipped)."""
    return "".join(w[0].upper() for w in words if w and w.casefold() not in ACRONYM_SKIP_WORDS)


@dataclass(frozen=True, slots=True)
class AcronymDefinition:
    """'Long Form (ACR)' or 'ACR (Long Form)': where the long form and the acronym stand."""

    acronym: str
    long_form: str
    long_start: int  # token indices into the Doc
    long_end: int
    acronym_token: int


MAX_LONG_FORM_TOKENS = 14  # "Coalition of Care and Support Providers Scotland" is 7


def _long_form_before(doc: Doc, paren: int, acronym: str) -> AcronymDefinition | None:
    """Shortest span ending before the '(' at ``paren`` whose words the acronym abbreviates."""
    sent_start = doc[paren].sent.start if doc.has_annotation("SENT_START") else 0
    for start in range(paren - 1, max(paren - MAX_LONG_FORM_TOKENS, sent_start) - 1, -1):
        token = doc[start]
        if (token.is_punct and not _comma_in_name_list(doc, start)) or token.is_space:
            return None
        if token.text[:1].casefold() != _acronym_letters(acronym)[:1]:
            continue
        words = [t.text for t in doc[start:paren]]
        if acronym_matches(acronym, words):
            return AcronymDefinition(acronym, doc[start:paren].text, start, paren, paren + 1)
    return None


def _comma_in_name_list(doc: Doc, i: int) -> bool:
    """The comma of "Department for Culture, Media and Sport": between capitalised words, in a long form."""
    return (
        doc[i].text == ","
        and 0 < i < len(doc) - 1
        and is_capitalised(doc[i - 1])
        and is_capitalised(doc[i + 1])
    )


def _long_form_after(doc: Doc, acronym_i: int) -> AcronymDefinition | None:
    """'CYPIC (Children and Young People Improvement Collaborative)': the bracketed words."""
    open_i = acronym_i + 1
    window = range(open_i + 1, min(open_i + MAX_LONG_FORM_TOKENS, len(doc)))
    close = next((i for i in window if doc[i].text == ")"), None)
    if close is None or close == open_i + 1:
        return None
    first = open_i + 1
    if doc[first].lower_ == "the" and close > first + 1:
        first += 1  # "CITB (the Construction Industry Training Board)"
    words = [t.text for t in doc[first:close]]
    acronym = doc[acronym_i].text
    if acronym_matches(acronym, words):
        return AcronymDefinition(acronym, doc[first:close].text, first, close, acronym_i)
    return None


def find_acronym_definitions(doc: Doc) -> list[AcronymDefinition]:
    """Every 'Long Form (ACR)' and 'ACR (Long Form)' in the Doc, in text order."""
    found: list[AcronymDefinition] = []
    for i, text in enumerate(doc_texts(doc)):
        if text != "(" or i + 2 >= len(doc):
            continue
        token = doc[i]
        inner, close = doc[token.i + 1], doc[token.i + 2]
        if close.text == ")" and looks_like_acronym(inner.text):
            definition = _long_form_before(doc, token.i, inner.text)
        elif token.i > 0 and looks_like_acronym(doc[token.i - 1].text):
            definition = _long_form_after(doc, token.i - 1)
        else:
            definition = None
        if definition:
            found.append(definition)
    return found


def _words(key: str) -> list[str]:
    return [w for w in key.split() if w not in ACRONYM_SKIP_WORDS]


def is_short_form(short: str, full: str) -> bool:
    """Is ``short`` a later short form of ``full``? Both are names; heads must agree.

    "Leadership Group" / "Child Protection Leadership Group" of "National Child
    Protection Leadership Group"; "National CSE Group" of "National Child Sexual
    Exploitation Group" (an acronym stands for consecutive words); "Expert Group"
    of "Expert Group on Preventing Sexual Offending ..." (head then complement).
    """
    short_words, full_words = _words(name_key(short)), _words(name_key(full))
    if not short_words or short_words == full_words:
        return False
    raw_short = [w for w in strip_leading_the(short).split() if w.casefold() not in ACRONYM_SKIP_WORDS]
    j = 0
    for k, word in enumerate(short_words):
        raw = raw_short[k] if k < len(raw_short) else word
        if j < len(full_words) and word == full_words[j]:
            j += 1
            continue
        # skip words of the full name until this one (or its acronym expansion) fits
        while j < len(full_words):
            if word == full_words[j]:
                j += 1
                break
            if looks_like_acronym(raw):
                n = len(_acronym_letters(raw))
                if initials(full_words[j : j + n]).casefold() == _acronym_letters(raw):
                    j += n
                    break
            j += 1
        else:
            return False
    return True
