"""Targets that answer probes: echo (offline fake), hf:PATH (local transformers model), openai:URL#MODEL.

``run_probes`` is resumable: probes already answered in the output file are skipped, and the file
is rewritten atomically after every batch, so an interrupted run loses at most one batch.
Failures are recorded per probe in the ``error`` column, never dropped.
"""

from __future__ import annotations

import csv
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import Protocol

from auditor.errors import InputError
from auditor.output import atomic_write_text
from auditor.probes.packs import EXPORT_COLUMNS, Probe

OUTPUT_COLUMNS = [*EXPORT_COLUMNS, "output", "error"]
API_KEY_ENV = ("AUDITOR_OPENAI_API_KEY", "OPENAI_API_KEY")


class Target(Protocol):
    name: str

    def answer(self, prompts: Sequence[str]) -> list[tuple[str, str]]:
        """(output, error) per prompt, in order."""


class EchoTarget:
    """Offline fake that repeats the prompt (garak's Repeat): makes whole runs testable without a model."""

    name = "echo"

    def answer(self, prompts: Sequence[str]) -> list[tuple[str, str]]:
        return [(p, "") for p in prompts]


class HFTarget:
    """A local transformers causal or seq2seq model, batched; GPU when present, else CPU."""

    def __init__(self, path_or_name: str, *, max_new_tokens: int = 96, batch_size: int = 8) -> None:
        from auditor.probes.hf_loading import load_local_model

        self.name = f"hf:{path_or_name}"
        self.model, self.tokenizer = load_local_model(path_or_name)
        self.max_new_tokens, self.batch_size = max_new_tokens, batch_size

    def _inputs(self, prompts: Sequence[str]) -> list[str]:
        if getattr(self.tokenizer, "chat_template", None):
            return [
                self.tokenizer.apply_chat_template(
                    [{"role": "user", "content": p}], tokenize=False, add_generation_prompt=True
                )
                for p in prompts
            ]
        return list(prompts)

    def answer(self, prompts: Sequence[str]) -> list[tuple[str, str]]:
        import torch

        results: list[tuple[str, str]] = []
        seq2seq = bool(getattr(self.model.config, "is_encoder_decoder", False))
        for start in range(0, len(prompts), self.batch_size):
            batch = self._inputs(prompts[start : start + self.batch_size])
            encoded = self.tokenizer(batch, return_tensors="pt", padding=True, truncation=True, max_length=512)
            encoded = {k: v.to(self.model.device) for k, v in encoded.items()}
            with torch.no_grad():
                generated = self.model.generate(
                    **encoded,
                    max_new_tokens=self.max_new_tokens,
                    do_sample=False,
                    pad_token_id=self.tokenizer.pad_token_id,
                )
            new_tokens = generated if seq2seq else generated[:, encoded["input_ids"].shape[1] :]
            texts = self.tokenizer.batch_decode(new_tokens, skip_special_tokens=True)
            results += [(t.strip(), "" if t.strip() else "empty output") for t in texts]
        return results


class OpenAIChatTarget:
    """Any OpenAI-compatible chat endpoint (vLLM, Ollama, hosted APIs), with retries and concurrency."""

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        timeout: float = 60.0,
        retries: int = 3,
        concurrency: int = 4,
        max_tokens: int = 256,
        backoff: float = 1.0,
    ) -> None:
        import httpx

        self.name = f"openai:{base_url}#{model}"
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.model, self.retries, self.concurrency = model, retries, concurrency
        self.max_tokens, self.backoff = max_tokens, backoff
        key = next((os.environ[k] for k in API_KEY_ENV if os.environ.get(k)), "")
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        self.client = httpx.Client(timeout=timeout, headers=headers)

    def _one(self, prompt: str) -> tuple[str, str]:
        import httpx

        body = {
            "model": self.model,
            "messages": [{"role": "user", "content": prompt}],
            "max_tokens": self.max_tokens,
            "temperature": 0,
        }
        error = ""
        for attempt in range(self.retries):
            try:
                response = self.client.post(self.url, json=body)
                if response.status_code in (429, 500, 502, 503, 504):
                    error = f"HTTP {response.status_code}"
                elif response.status_code >= 400:
                    return "", f"HTTP {response.status_code}: {response.text[:200]}"
                else:
                    content = response.json()["choices"][0]["message"]["content"] or ""
                    return content, "" if content.strip() else "empty output"
            except httpx.TimeoutException:
                error = "timeout"
            except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError) as exc:
                error = f"{type(exc).__name__}: {exc}"[:200]
            if attempt + 1 < self.retries:
                time.sleep(self.backoff * 2**attempt)
        return "", f"failed after {self.retries} tries: {error}"

    def answer(self, prompts: Sequence[str]) -> list[tuple[str, str]]:
        with ThreadPoolExecutor(max_workers=self.concurrency) as pool:
            return list(pool.map(self._one, prompts))


def parse_target(spec: str, **options) -> Target:
    """``echo`` | ``demo`` | ``hf:PATH_OR_NAME`` | ``openai:BASE_URL#MODEL``."""
    if spec == "echo":
        return EchoTarget()
    if spec == "demo":
        from auditor.probes.demo_model import DemoTutorTarget

        return DemoTutorTarget()
    if spec.startswith("hf:") and len(spec) > 3:
        return HFTarget(spec[3:], **{k: v for k, v in options.items() if k in {"max_new_tokens", "batch_size"}})
    if spec.startswith("openai:") and "#" in spec:
        base, model = spec[len("openai:") :].rsplit("#", 1)
        if base and model:
            return OpenAIChatTarget(
                base,
                model,
                **{k: v for k, v in options.items() if k in {"timeout", "retries", "concurrency", "max_tokens"}},
            )
    raise InputError(None, f"unknown target {spec!r}: use echo, demo, hf:PATH_OR_NAME or openai:BASE_URL#MODEL")


def read_answered(path: Path) -> dict[str, dict[str, str]]:
    """Rows already in an output file with a non-empty output (for resuming)."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["probe_id"]: row for row in csv.DictReader(handle) if row.get("output", "").strip()}


def write_outputs(path: str | Path, rows: Sequence[dict[str, str]]) -> None:
    """Write an outputs CSV (probe columns, output, error) atomically."""
    from io import StringIO

    buffer = StringIO()
    writer = csv.DictWriter(buffer, fieldnames=OUTPUT_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    atomic_write_text(path, buffer.getvalue())


def answered_rows(probes: Sequence[Probe], outputs: Sequence[str]) -> list[dict[str, str]]:
    """Rows of an outputs CSV for probes answered with ``outputs`` (no errors)."""
    return [{**asdict(p), "output": o, "error": ""} for p, o in zip(probes, outputs, strict=True)]


def run_probes(
    probes: Sequence[Probe],
    target: Target,
    out: str | Path,
    *,
    batch: int = 32,
    progress: Callable[[str, float], None] | None = None,
) -> dict[str, int]:
    """Answer every probe not yet answered in ``out``; returns counts of answered, skipped and failed."""
    out = Path(out)
    done = read_answered(out)
    rows = {p.probe_id: {**asdict(p), **done.get(p.probe_id, {})} for p in probes}
    todo = [p for p in probes if p.probe_id not in done]
    failed = 0
    for start in range(0, len(todo), batch):
        chunk = todo[start : start + batch]
        for probe, (output, error) in zip(chunk, target.answer([p.prompt for p in chunk]), strict=True):
            rows[probe.probe_id].update(output=output, error=error)
            failed += bool(error)
        write_outputs(out, list(rows.values()))
        if progress:
            progress(f"probing {target.name}", (start + len(chunk)) / len(todo))
    if not todo:
        write_outputs(out, list(rows.values()))
    return {"answered": len(todo) - failed, "skipped": len(probes) - len(todo), "failed": failed}
