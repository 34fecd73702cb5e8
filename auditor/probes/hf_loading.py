"""Load a local transformers model for the hf: target: a folder, or a name in models/registry.yaml.

Never downloads (``local_files_only=True``); a missing model fails with how to provide it.
"""

from __future__ import annotations

from pathlib import Path

from auditor.errors import InputError
from auditor.model_registry import registry, resolve


def load_local_model(path_or_name: str):
    """(model, tokenizer) on the GPU when present, else the CPU; tokenizer padded on the left."""
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM, AutoModelForSeq2SeqLM, AutoTokenizer

    options: dict = {"local_files_only": True}
    if path_or_name in registry():
        location = resolve(path_or_name)
        if not location.available:
            raise InputError(None, location.missing_reason)
        folder = location.folder
        if "gguf_file" in location.spec:
            options["gguf_file"] = location.spec["gguf_file"]
    else:
        folder = Path(path_or_name)
        if not (folder / "config.json").is_file():
            raise InputError(
                path_or_name,
                "no local model here (config.json missing); models are never "
                "downloaded: save one with save_pretrained() or name one from models/registry.yaml",
            )
    tokenizer = AutoTokenizer.from_pretrained(folder, **options)
    tokenizer.padding_side = "left"
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    config = AutoConfig.from_pretrained(folder, **options)
    loader = AutoModelForSeq2SeqLM if getattr(config, "is_encoder_decoder", False) else AutoModelForCausalLM
    model = loader.from_pretrained(folder, **options)
    model.to("cuda" if torch.cuda.is_available() else "cpu").eval()
    return model, tokenizer
