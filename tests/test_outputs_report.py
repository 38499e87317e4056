import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import matplotlib.image
import pytest
from outputs_fixtures import sample_frames

from pipeline.outputs.report import render_marked_text, spans_for, write_report

CHROMIUM = Path("/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs headless Chromium at /usr/bin/chromium "
                                    "(apt-get install -y chromium)")


def chromium(tmp_path, *args):
    profile = tmp_path / "chromium-profile"
    command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    shutil.rmtree(profile, ignore_errors=True)
    return result.stdout


class Marks(HTMLParser):
    """Collects the <mark> elements (label, text) and every tag name of a DOM dump."""

    def __init__(self):
        super().__init__()
        self.marks, self.tags, self._open = [], [], None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "mark":
            self._open = [dict(attrs).get("data-label"), ""]

    def handle_data(self, data):
        if self._open is not None:
            self._open[1] += data

    def handle_endtag(self, tag):
        if tag == "mark" and self._open:
            self.marks.append(tuple(self._open))
            self._open = None


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return write_report(sample_frames(), tmp_path_factory.mktemp("out") / "report.html")


def test_page_is_self_contained(report):
    html = report.read_text(encoding="utf-8")
    assert "<script" not in html and "<link" not in html and "@import" not in html and "src=" not in html
    assert "default-src 'none'" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_overlap_keeps_longer_span():
    text = "the Children and Young People (Scotland) Act 2014 guidance"
    frames = {
        "dates": _frame([{"char_start": 45, "char_end": 49, "text": "2014", "value": "2014"}]),
        "publications": _frame([{"char_start": 4, "char_end": 49, "title": text[4:49]}]),
    }
    spans, unmarked = spans_for(text, frames)
    assert [(s.start, s.end, s.kind.label) for s in spans] == [(4, 49, "PUBLICATION")]
    assert unmarked == 1
    html = render_marked_text(text, spans)
    assert html.startswith('the <mark class="ent ent-publication" data-label="PUBLICATION"')
    assert html.endswith("</mark> guidance")


def test_bad_offsets_are_skipped():
    spans, _ = spans_for("short", {"dates": _frame([{"char_start": 3, "char_end": 99, "text": "x"}])})
    assert spans == []


def _frame(rows):
    import pandas as pd

    return pd.DataFrame(rows)


@needs_chromium
def test_highlights_render_in_chromium(report, tmp_path):
    dom = chromium(tmp_path, "--dump-dom", report.as_uri())
    parser = Marks()
    parser.feed(dom)
    marks = set(parser.marks)
    assert ("DATE", "21 and 22 November 2017DATE") in marks
    assert ("GROUP", "Care InspectorateGROUP") in marks
    assert ("PERSON", "Dr Anne Smith OBEPERSON") in marks
    assert ("PUBLICATION", "Children and Young People (Scotland) Act 2014PUBLICATION") in marks
    # The date inside the Act's title is not highlighted on its own; the text's <script> stays text.
    assert ("DATE", "2014DATE") not in marks
    assert "script" not in parser.tags
    assert "The &lt;script&gt;alert(1)&lt;/script&gt; tag &amp; “quotes” must stay text." in dom
    assert dom.count("<article") == 2


@needs_chromium
def test_screenshot_is_not_blank(report, tmp_path):
    png = tmp_path / "report.png"
    chromium(tmp_path, "--window-size=1400,1100", f"--screenshot={png}", report.as_uri())
    image = matplotlib.image.imread(png)
    assert image.shape[:2] == (1100, 1400)
    colours = {tuple(pixel) for pixel in image[::7, ::7, :3].reshape(-1, 3).round(2).tolist()}
    assert len(colours) > 20  # text, four highlight colours, table borders: not an empty page
