"""English words that tell what kind of source a phrase names (first match wins)."""

TYPE_HINTS: tuple[tuple[str, str], ...] = (
    ("state news agency", "state_media"), ("state media", "state_media"),
    ("state television", "state_media"), ("state-run", "state_media"),
    ("intelligence", "intelligence"), ("spy agency", "intelligence"),
    ("army", "military"), ("military", "military"), ("armed forces", "military"),
    ("defense ministry", "military"), ("defence ministry", "military"), ("pentagon", "military"),
    ("news agency", "media"), ("newspaper", "media"), ("broadcaster", "media"), ("television", "media"),
    ("ministry", "government"), ("department", "government"), ("government", "government"),
    ("authority", "government"), ("agency", "government"), ("police", "government"),
    ("fire brigade", "government"), ("fire department", "government"), ("prosecutor", "government"),
    ("white house", "government"), ("kremlin", "government"), ("council", "government"),
    ("commission", "international_organisation"), ("united nations", "international_organisation"),
    ("company", "company"), ("inc", "company"), ("corp", "company"), ("ltd", "company"),
    ("manufacturer", "company"), ("operator", "company"), ("firm", "company"), ("bank", "company"),
    ("union", "ngo"), ("association", "ngo"), ("initiative", "ngo"), ("foundation", "ngo"),
    ("alliance", "ngo"), ("group", "ngo"), ("campaigners", "ngo"), ("advocates", "ngo"),
    ("expert", "expert"), ("analyst", "expert"), ("researcher", "expert"), ("scientist", "expert"),
    ("professor", "expert"), ("economist", "expert"),
    ("source familiar", "anonymous"), ("sources", "anonymous"), ("officials", "anonymous"),
    ("insiders", "anonymous"), ("people familiar", "anonymous"), ("aides", "anonymous"),
)
