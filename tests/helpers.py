"""Helpers shared by several test modules."""

from __future__ import annotations

from pathlib import Path

from auditor.cli import main


def run_audit(demo: Path, tmp_path: Path, *extra: str, answers: Path | None = None) -> tuple[int, Path, Path]:
    """`auditor audit` on the demo profile (and given answers) writing r.json and r.html into tmp_path."""
    report_json, report_html = tmp_path / "r.json", tmp_path / "r.html"
    code = main(
        [
            "audit",
            "--profile",
            str(demo / "profile.yaml"),
            "--answers",
            str(answers or demo / "answers.yaml"),
            "--json",
            str(report_json),
            "--html",
            str(report_html),
            *extra,
        ]
    )
    return code, report_json, report_html


def word_tokenizer(corpus: list[str], **special_tokens: str):
    """A word-level fast tokenizer trained here on ``corpus`` (no download), with the given special tokens."""
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tokenizer = Tokenizer(models.WordLevel(unk_token=special_tokens["unk_token"]))
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer.train_from_iterator(corpus, trainers.WordLevelTrainer(special_tokens=list(special_tokens.values())))
    return PreTrainedTokenizerFast(tokenizer_object=tokenizer, **special_tokens)
