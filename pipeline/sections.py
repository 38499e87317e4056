"""Stage 2: sections. A section starts at each heading block; text before the first one is section 0."""

from __future__ import annotations

from .records import Bulletin, Section


def section_id_for(bulletin_id: str, position: int) -> str:
    return f"{bulletin_id}-{position:02d}"


def find_sections(bulletin: Bulletin) -> list[Section]:
    """Group the bulletin's blocks under their headings.

    Section 0 (empty heading) exists only when there is body text before the
    first heading. A section's ``text`` is its body without the heading line;
    its character span covers heading and body.
    """
    sections: list[Section] = []
    heading, level, body, start = "", 0, [], 0
    position = 0
    end = 0

    def close() -> None:
        nonlocal position
        if not heading and not body:
            return
        text = "\n\n".join(b.text for b in body)
        sections.append(
            Section(
                bulletin.bulletin_id,
                section_id_for(bulletin.bulletin_id, position),
                position,
                heading,
                level,
                text,
                start,
                end,
            )
        )
        position += 1

    for block in bulletin.blocks:
        if block.kind == "heading":
            close()
            heading, level, body, start = block.text, block.level, [], block.start
            if not sections and position == 0:
                position = 1  # position 0 is reserved for the text before the first heading
        else:
            if not heading and not body:
                start = block.start
            body.append(block)
        end = block.end
    close()
    return sections
