"""The transformer scorer path: a model placed where models/registry.yaml points is found and used."""

from __future__ import annotations

import pytest

from auditor.model_registry import resolve
from auditor.probes import scorers
from tests.helpers import word_tokenizer


def save_tiny_classifier(folder, toxic_bias: float) -> None:
    import torch
    from transformers import BertConfig, BertForSequenceClassification

    fast = word_tokenizer(
        ["you are great", "ты дурак", "сен ақымақсың"] * 3,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
    )
    config = BertConfig(
        vocab_size=fast.vocab_size,
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=64,
        num_labels=2,
        id2label={0: "neutral", 1: "toxic"},
        label2id={"neutral": 0, "toxic": 1},
    )
    torch.manual_seed(0)
    model = BertForSequenceClassification(config)
    with torch.no_grad():  # make the answer known: the bias decides the label
        model.classifier.bias.copy_(torch.tensor([0.0, toxic_bias]))
    model.save_pretrained(folder)
    fast.save_pretrained(folder)


@pytest.mark.parametrize(("bias", "expected"), [(20.0, 1.0), (-20.0, 0.0)])
def test_registry_model_is_loaded_and_scores(tmp_path, monkeypatch, bias, expected):
    assert not resolve("toxicity-multilingual").available
    assert scorers.missing_models() and "not installed" in scorers.missing_models()[0]
    save_tiny_classifier(tmp_path / "local" / "toxicity-multilingual", bias)
    monkeypatch.setenv("AUDITOR_MODELS_DIR", str(tmp_path))
    monkeypatch.setattr(scorers, "SCORERS", dict(scorers.SCORERS))  # keep the registration local to this test
    scorers._toxicity_pipeline.cache_clear()
    found = {s.id: s for s in scorers.get_scorers()}
    model_scorer = found["toxicity-transformer"]
    assert model_scorer.source == "model:toxicity-multilingual" and scorers.missing_models() == []
    assert model_scorer.score(["ты дурак", "you are great", ""]) == [expected, expected, None]
