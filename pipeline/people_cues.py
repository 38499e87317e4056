"""Cue words for tying roles to people: chair verbs and their auxiliaries, copulas, apposition fillers, and the
distances the tie rules look across. Kept apart so ``people_ties.py`` holds only the rules."""

from __future__ import annotations

# Words between a name and a chair verb: "Ruth Gray will Chair the Group", "Ann Lowe has agreed to chair".
CHAIR_AUX = frozenset(
    {
        ",",
        "who",
        "will",
        "would",
        "shall",
        "is",
        "was",
        "to",
        "has",
        "have",
        "had",
        "been",
        "agreed",
        "appointed",
        "also",
    }
)
MAX_CHAIRED_TOKENS = 6  # "will chair a short-life working group": the group noun within six tokens
# Chair verbs -> the role they give: "will Chair the Group" -> "Chair".
CHAIR_VERBS = {
    "chair": "Chair",
    "chairs": "Chair",  # "Ann Lowe, who chairs the Board, said"
    "chaired": "Chair",  # "Ann Lowe, who had chaired the Board since 2016"
    "co-chair": "Co-Chair",
    "co-chairs": "Co-Chair",
    "co-chaired": "Co-Chair",
    "convene": "Convener",
    "convenes": "Convener",
}
# Present-tense chair verbs that make an office right after a name: "Angela Dunbar chairs the Network"
PRESENT_CHAIR_VERBS = frozenset({"chairs", "co-chairs", "convenes"})
# "This Group is chaired by Alan Reid" -> "Chair".
CHAIRED_BY = {"chaired": "Chair", "co-chaired": "Co-Chair", "convened": "Convener"}
# Words between a name and its role in a statement: "Ruth was the Independent Chair", "who has been appointed as".
COPULA_SKIP = frozenset(
    {
        "who",
        "is",
        "was",
        "has",
        "had",
        "have",
        "been",
        "be",
        "will",
        "became",
        "becomes",
        "remains",
        "remained",
        "served",
        "serves",
        "now",
        "previously",
        "formerly",
        "also",
        "appointed",
        "named",
        "elected",
        "re-elected",
        "reappointed",
        "confirmed",
        "chosen",
        "selected",
        "recently",
        "newly",
        "just",
        "formally",
        "officially",
        "as",
        "the",
        "a",
        "an",
        "its",
        "our",
        "their",
        "new",
        "current",
        ",",
    }
)
COPULA_VERBS = frozenset(
    {
        "is",
        "was",
        "been",
        "be",
        "became",
        "becomes",
        "remains",
        "remained",
        "served",
        "serves",
        "appointed",
        "named",
        "elected",  # "Ann Hill, Head of X, was elected as the Forum's first Chair"
        "re-elected",
        "reappointed",
        "confirmed",  # "Ann Hill was confirmed as Chair"
        "chosen",
        "selected",
    }
)
# "She will draw on her previous experience as Chief Executive of X": a pronoun subject, then "as ROLE".
SUBJECT_PRONOUNS = frozenset({"she", "he"})
PRONOUN_LOOKBACK_SENTENCES = 2
ROLE_JOINERS = frozenset({"and", "/", "&"})  # "Deputy First Minister and Cabinet Secretary for ..."
# Words between an apposition's comma and its role: "Carol Mayne, currently Deputy Chief Inspector",
# "Iain Gow, the outgoing Chief Executive" (lower-case adjectives and participles are skipped as well).
APPOSITION_SKIP = frozenset(
    {"the", "a", "an", "its", "their", "our", "currently", "now", "formerly", "previously", "then", "also"}
)
APPOSITION_SKIP_TAGS = frozenset({"JJ", "VBG", "VBN"})  # "outgoing", "retiring", "newly appointed"
MAX_APPOSITION_SKIP = 3
# "Nadia Khan, who joined the Board as Deputy Chair": how far after a name "as ROLE" may stand.
MAX_AS_DISTANCE = 8
# "Ann Hill (Director, Scottish Water)": tokens of the organisation after the office inside the brackets
MAX_BRACKETED_ORGANISATION = 8
# ", who spent ten years in recovery work with the charity GamCare, will chair": the relative clause's tokens
MAX_RELATIVE_CLAUSE = 25
