"""Link stage: articles into stories, claims into claim groups, disagreements between sources."""

from claimledger.link.claims import ClaimNode, group_claim
from claimledger.link.disagree import Disagreement, find_disagreements
from claimledger.link.nodes import StoryClaims, claim_node, is_denial
from claimledger.link.stories import (
    ArticleProfile,
    StoryCandidate,
    choose_story,
    parse_date,
    profile,
)

__all__ = [
    "ArticleProfile", "ClaimNode", "Disagreement", "StoryCandidate", "StoryClaims", "choose_story",
    "claim_node", "find_disagreements", "group_claim", "is_denial", "parse_date", "profile",
]
