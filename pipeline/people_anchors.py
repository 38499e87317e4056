"""Names the NER may miss but a role anchors: right after a role ("Minister for Housing, Ann Hill"), right before
one ("Ann Hill, Minister for Housing") and before "as <role>" ("with Ann Hill of X as Vice Chair")."""

from __future__ import annotations

from spacy.tokens import Doc

from .doc_words import doc_lowers, doc_pos
from .people_names import NameMention, name_at, name_before
from .people_ties import gap_start
from .people_tokens import affiliation_end
from .roles import RolePhrase, subject_name_at


def _opens_capitalised_list(doc: Doc, m: NameMention) -> bool:
    """ "Minister for Energy, Coastal Waters and Island Ferries": title-case words after a role's comma that go on
    with "and <Capitalised>" are more portfolio, unless the NER reads them as a person ("Ann Hill and Bob Gray")."""
    k = m.outer_end
    listed = k + 1 < len(doc) and doc[k].lower_ in {"and", "&"} and doc[k + 1].text[:1].isupper()
    return listed and not all(t.ent_type_ == "PERSON" for t in doc[m.start : m.end])


def role_anchored_names(doc: Doc, roles: list[RolePhrase]) -> list[NameMention]:
    """Names right after a role ("Minister for Housing, Ann Hill") or right before one ("Ann Hill, Minister ...")."""
    found = []
    for role in roles:
        comma = role.end < len(doc) and doc[role.end].text == ","
        mention = name_at(doc, role.end + comma, "role")
        # without a comma only the NER's own person names count: "Health Secretary Ann Hill" yes,
        # "Chief Officer Fire Operations Scotland" no
        # and "Minister for Energy, Coastal Waters and Island Ferries" names no one
        if (
            mention
            and (
                comma
                or all(t.ent_type_ == "PERSON" for t in doc[mention.start : mention.end])
                or (mention.end - mention.start == 2 and subject_name_at(doc, mention.start))  # "... Maree Todd said"
            )
            and not (comma and _opens_capitalised_list(doc, mention))
        ):
            found.append(mention)
        comma = gap_start(doc, role.lead_start) - 1  # "Iain Gow, the outgoing Chief Executive"
        if comma > 0 and doc[comma].text == "," and (mention := name_before(doc, comma)):
            found.append(mention)
    return found


def as_role_names(doc: Doc, roles: list[RolePhrase]) -> list[NameMention]:
    """ "with Amit Khosla of Clean Coasts (CC) as Vice Chair", "welcomed Amit Khosla as its Treasurer": two or more
    name words after "with" or a verb, then (an affiliation and) "as" + a role, name a person the NER missed."""
    role_starts = {r.lead_start for r in roles} | {r.start for r in roles}
    found = []
    lowers, tags = doc_lowers(doc), doc_pos(doc)
    for i in range(len(doc) - 1):
        if not (lowers[i] == "with" or tags[i] == "VERB") or (m := name_at(doc, i + 1, "role")) is None:
            continue
        k = affiliation_end(doc, m.outer_end)
        if k < len(doc) and doc[k].lower_ == "as":
            k += 1 + int(k + 1 < len(doc) and doc[k + 1].lower_ in {"the", "its", "their", "our"})
            if k in role_starts:
                found.append(m)
    return found
