import pytest

from pipeline.bulletin import bulletin_id_for, canonical_url, make_bulletin
from pipeline.records import Block
from pipeline.sections import find_sections


def _bulletin(*blocks: Block):
    return make_bulletin(
        source="t", url=None, title="T", published=None, author=None, categories=[], blocks=list(blocks)
    )


def test_text_before_first_heading_is_section_zero():
    b = _bulletin(
        Block("paragraph", "Work goes on across the programme."),
        Block("heading", "Kinship Care Working Group", 2),
        Block("paragraph", "The group met in May."),
        Block("list_item", "Terms of reference agreed"),
        Block("heading", "Next steps", 3),
        Block("paragraph", "More in the next update."),
    )
    sections = find_sections(b)
    assert [(s.position, s.heading, s.level) for s in sections] == [
        (0, "", 0),
        (1, "Kinship Care Working Group", 2),
        (2, "Next steps", 3),
    ]
    assert sections[1].text == "The group met in May.\n\nTerms of reference agreed"
    assert b.text[sections[1].char_start : sections[1].char_end].startswith("Kinship Care Working Group")
    assert sections[2].section_id == f"{b.bulletin_id}-02"


def test_no_intro_means_first_heading_is_position_one():
    b = _bulletin(Block("heading", "Overview", 2), Block("paragraph", "Text."))
    assert [s.position for s in find_sections(b)] == [1]


def test_offsets_of_blocks_index_the_text():
    b = _bulletin(Block("paragraph", "  First  block\u00a0here. "), Block("paragraph", "Second."))
    assert b.text == "First block here.\n\nSecond."
    for block in b.blocks:
        assert b.text[block.start : block.end] == block.text


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://Blogs.gov.scot/cpip/2018/01/25/update-7/", "https://blogs.gov.scot/cpip/2018/01/25/update-7"),
        ("https://blogs.gov.scot/cpip/post/#comments", "https://blogs.gov.scot/cpip/post"),
    ],
    ids=["case-and-slash", "fragment"],
)
def test_same_post_same_id(a, b):
    assert canonical_url(a) == canonical_url(b)
    assert bulletin_id_for(a, "x") == bulletin_id_for(b, "y")


def test_id_from_text_when_no_url():
    assert bulletin_id_for(None, "one") != bulletin_id_for(None, "two")
    assert bulletin_id_for(None, "one") == bulletin_id_for(None, "one")
