"""Tag inventory shared by training and inference.

One BIO layer per role, because roles nest (a frame contains the cue and the speaker). B marks
the first token of an annotation, I every later token of it, including the first token of a later
piece of a discontinuous annotation: "I after O" therefore means "continues the previous one".
"""

from __future__ import annotations

ROLES = ("quote", "cue", "speaker", "frame", "addressee")
O, B, I = 0, 1, 2  # noqa: E741 - the usual BIO names
TYPES = ("Direct", "Indirect", "Reported", "FreeIndirect", "IndirectFreeIndirect")
IGNORE = -100  # label value that the loss skips (unannotated role, special token)

# GerNewsQuote role -> PolNeAR role (English has no frame, addressee or quote type)
EN_ROLE = {"quote": "content", "cue": "cue", "speaker": "source"}

TYPE_TO_KIND = {
    "Direct": "direct",
    "Indirect": "indirect",
    "Reported": "reported",
    "FreeIndirect": "free_indirect",
    "IndirectFreeIndirect": "free_indirect",
}
