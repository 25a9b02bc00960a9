"""The tagger artifact's weight storage (scripts/train_attribution.py): int8 groups read back as
the weights they round, and a graph stored so computes what the fp16 one does."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

onnx = pytest.importorskip("onnx", reason="writing artifacts needs onnx (a test dependency)")
ort = pytest.importorskip("onnxruntime")
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from train_attribution import INT8_GROUP, int8_rows, onnx_model, stored_weights  # noqa: E402

H, FF, HEADS = 64, 128, 2


def tiny_weights(rng: np.random.Generator) -> dict[str, np.ndarray]:
    """A one-layer tagger's tensors under the artifact names, BERT-like magnitudes."""
    def mat(out: int, inp: int) -> np.ndarray:
        return rng.normal(0, 0.05, (out, inp)).astype(np.float32)
    w = {"emb.ln.w": np.ones(H, np.float32), "emb.ln.b": np.zeros(H, np.float32),
         "head.roles.w": mat(15, H), "head.roles.b": rng.normal(0, 0.1, 15).astype(np.float32),
         "head.types.w": mat(5, H), "head.types.b": np.zeros(5, np.float32)}
    shapes = {"q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H), "fi": (FF, H), "fo": (H, FF)}
    for n, shape in shapes.items():
        w[f"l0.{n}.w"], w[f"l0.{n}.b"] = mat(*shape), rng.normal(0, 0.1, shape[0]).astype(np.float32)
    for n in ("aln", "oln"):
        w[f"l0.{n}.w"], w[f"l0.{n}.b"] = np.ones(H, np.float32), np.zeros(H, np.float32)
    return w


def run(path: Path, emb: np.ndarray) -> np.ndarray:
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return session.run(None, {"emb": emb, "mask": np.ones(emb.shape[:2], np.float32)})[0]


def test_int8_groups_round_each_weight_to_its_groups_step() -> None:
    w = np.random.default_rng(1).normal(0, 0.05, (8, 4 * INT8_GROUP)).astype(np.float32)
    w[0, 0] = 3.0  # one outlier sets the step of its own group only
    q, scale = int8_rows(w)
    back = (q.astype(np.float32) * scale.astype(np.float32)).reshape(w.shape)
    step = np.repeat(scale.astype(np.float32)[:, :, 0], INT8_GROUP, axis=1)
    assert (np.abs(back - w) <= step / 2 + 1e-6).all()
    assert np.abs(back[0, INT8_GROUP:] - w[0, INT8_GROUP:]).max() < 0.001


def test_an_all_zero_group_stays_zero() -> None:
    w = np.zeros((2, INT8_GROUP), np.float32)
    w[1, 3] = 0.5
    q, scale = int8_rows(w)
    back = (q.astype(np.float32) * scale.astype(np.float32)).reshape(w.shape)
    assert np.isfinite(back).all() and back[0].max() == 0 and abs(back[1, 3] - 0.5) < 0.005


def test_an_int8_artifact_is_smaller_and_computes_what_the_fp16_one_does(tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    w = tiny_weights(rng)
    paths = {}
    for storage in ("fp16", "int8"):
        paths[storage] = tmp_path / f"{storage}.onnx"
        onnx.save(onnx_model(w, {"layers": 1, "storage": storage}, HEADS, 1e-12), paths[storage])
    assert paths["int8"].stat().st_size < 0.7 * paths["fp16"].stat().st_size
    back = stored_weights(paths["int8"])
    assert set(w) <= set(back)
    assert np.abs(back["l0.fi.w"] - w["l0.fi.w"]).max() <= np.abs(w["l0.fi.w"]).max() / 254 + 1e-6
    assert np.allclose(back["l0.fi.b"], w["l0.fi.b"].astype(np.float16))  # vectors stay fp16
    emb = rng.normal(0, 1, (2, 9, H)).astype(np.float32)
    fp16, int8 = run(paths["fp16"], emb), run(paths["int8"], emb)
    assert np.abs(fp16 - int8).max() < 0.02 * np.abs(fp16).max()
