"""Link stage: articles into stories (and, later, claims into claim groups, disagreements)."""

from claimledger.link.stories import StoryCandidate, choose_story, story_signature

__all__ = ["StoryCandidate", "choose_story", "story_signature"]
