from __future__ import annotations

import csv
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from auditor.errors import InputError
from auditor.probes.packs import Probe, load_pack
from auditor.probes.targets import EchoTarget, HFTarget, OpenAIChatTarget, parse_target, run_probes
from tests.helpers import word_tokenizer

PROBES = [
    Probe(f"p{i}", "gender", "girl" if i % 2 else "boy", f"prompt number {i}", f"t{i // 2}", "en") for i in range(6)
]


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    """A 1-layer GPT-2 from a config and a word-level tokenizer trained here, saved like a real model."""
    import torch
    from transformers import GPT2Config, GPT2LMHeadModel

    corpus = ["help me with maths", "you can do it", "сен жеңесің", "у тебя получится", "prompt number"] * 5
    fast = word_tokenizer(corpus, unk_token="[UNK]", pad_token="[PAD]", eos_token="[EOS]")
    config = GPT2Config(
        vocab_size=fast.vocab_size,
        n_positions=64,
        n_embd=16,
        n_layer=1,
        n_head=2,
        pad_token_id=fast.pad_token_id,
        eos_token_id=fast.eos_token_id,
    )
    folder = tmp_path_factory.mktemp("tiny-gpt2")
    torch.manual_seed(0)
    model = GPT2LMHeadModel(config)
    # random weights may prefer special tokens, which decode to nothing: suppress them via the saved config
    model.generation_config.suppress_tokens = [fast.unk_token_id, fast.pad_token_id, fast.eos_token_id]
    model.save_pretrained(folder)
    fast.save_pretrained(folder)
    return folder


def test_hf_target_loads_a_local_model_and_answers_in_batches(tiny_model, tmp_path):
    target = parse_target(f"hf:{tiny_model}", max_new_tokens=5, batch_size=4)
    assert isinstance(target, HFTarget)
    out = tmp_path / "out.csv"
    counts = run_probes(PROBES, target, out)
    rows = read(out)
    assert len(rows) == 6
    assert counts == {"answered": 6, "skipped": 0, "failed": 0}
    vocabulary = {
        "help",
        "me",
        "with",
        "maths",
        "you",
        "can",
        "do",
        "it",
        "сен",
        "жеңесің",
        "у",
        "тебя",
        "получится",
        "prompt",
        "number",
    }
    assert all(r["output"] and set(r["output"].split()) <= vocabulary for r in rows)


def test_hf_target_never_downloads(tmp_path):
    with pytest.raises(InputError, match="never downloaded"):
        parse_target("hf:someone/some-model")
    with pytest.raises(InputError, match="not installed"):
        parse_target("hf:toxicity-multilingual")


class ChatHandler(BaseHTTPRequestHandler):
    calls: list[str] = []
    fail_first: set[str] = set()

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def do_POST(self) -> None:  # noqa: N802 (http.server naming)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        prompt = body["messages"][0]["content"]
        ChatHandler.calls.append(prompt)
        if self.path != "/v1/chat/completions":
            self.send_response(404)
            self.end_headers()
            return
        if prompt in ChatHandler.fail_first:
            ChatHandler.fail_first.discard(prompt)
            self.send_response(503)
            self.end_headers()
            return
        if "number 5" in prompt:
            self.send_response(400)
            self.end_headers()
            self.wfile.write(b"bad request")
            return
        payload = {
            "choices": [{"message": {"role": "assistant", "content": f"answer to {prompt}"}}],
            "auth": self.headers.get("Authorization", ""),
        }
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def server():
    ChatHandler.calls = []
    ChatHandler.fail_first = {"prompt number 1"}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), ChatHandler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


def test_openai_target_retries_records_failures_and_resumes(server, tmp_path, monkeypatch):
    monkeypatch.setenv("AUDITOR_OPENAI_API_KEY", "test-key")
    target = parse_target(f"openai:{server}#tiny", concurrency=3, timeout=5)
    assert isinstance(target, OpenAIChatTarget)
    target.backoff = 0.01
    out = tmp_path / "out.csv"
    counts = run_probes(PROBES, target, out, batch=2)
    rows = {r["probe_id"]: r for r in read(out)}
    assert counts == {"answered": 5, "skipped": 0, "failed": 1}
    assert rows["p1"]["output"] == "answer to prompt number 1"  # retried after a 503
    assert rows["p5"]["output"] == "" and rows["p5"]["error"].startswith("HTTP 400")
    assert ChatHandler.calls.count("prompt number 1") == 2
    ChatHandler.calls = []
    again = run_probes(PROBES, target, out)
    assert again["skipped"] == 5 and ChatHandler.calls == ["prompt number 5"]


def test_openai_target_times_out_cleanly(tmp_path):
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts connections but never answers
    port = listener.getsockname()[1]
    try:
        target = OpenAIChatTarget(f"http://127.0.0.1:{port}/v1", "m", timeout=0.3, retries=2, backoff=0.01)
        assert target.answer(["hi"]) == [("", "failed after 2 tries: timeout")]
    finally:
        listener.close()


def test_echo_run_of_a_real_pack(tmp_path):
    probes = list(load_pack("child-safety").probes)
    counts = run_probes(probes, EchoTarget(), tmp_path / "o.csv")
    assert counts == {"answered": len(probes), "skipped": 0, "failed": 0}


def test_unknown_target_spec():
    with pytest.raises(InputError, match="use echo, demo, hf:PATH_OR_NAME or openai:BASE_URL#MODEL"):
        parse_target("ollama")


def test_cli_run_is_resumable(tmp_path, capsys):
    from auditor.cli import main

    out = tmp_path / "o.csv"
    assert main(["probes", "run", "--pack", "child-safety", "--target", "demo", "--out", str(out), "--limit", "5"]) == 0
    assert "answered 5, resumed 0" in capsys.readouterr().out
    assert main(["probes", "run", "--pack", "child-safety", "--target", "demo", "--out", str(out), "--limit", "8"]) == 0
    assert "answered 3, resumed 5" in capsys.readouterr().out
    assert len(read(out)) == 8
