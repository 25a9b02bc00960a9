"""Link stage: articles into stories, claims into claim groups, disagreements between sources."""

from claimledger.link.claims import ClaimNode, group_claim
from claimledger.link.disagree import Disagreement, find_disagreements
from claimledger.link.stories import (
    ArticleProfile,
    StoryCandidate,
    choose_story,
    parse_date,
    profile,
)

__all__ = [
    "ArticleProfile", "ClaimNode", "Disagreement", "StoryCandidate", "choose_story",
    "find_disagreements", "group_claim", "parse_date", "profile",
]
