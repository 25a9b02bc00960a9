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

# Source phrases and the people they name (pack fields: `PACK_FIELDS` below).

# prepositions whose phrase says where or before whom, not who: "a spokesman for the ministry in
# Kabul" (not "at", "from": a speaker's affiliation)
LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "outside", "inside", "before", "across", "around",
                                   "throughout", "during", "amid"})
# endings of age descriptions that stand for a person named before ("the 58-year-old")
AGE_ENDINGS = ("year-old",)
# job and role nouns besides the pack's role nouns: titles before a name ("Judge Eleanor X",
# "Attorney General Y") and descriptions pointing back to its bearer ("the coach")
ROLE_NOUNS = frozenset({
    "owner", "judge", "attorney", "general", "coach", "sheriff", "justice", "detective",
    "officer", "candidate", "nominee", "founder", "manager", "pastor", "bishop", "rabbi",
    "captain", "lieutenant", "sergeant", "colonel", "commander", "admiral", "inspector",
    "deputy", "representative", "congressman", "congresswoman", "councilman", "councilwoman",
    "speaker", "businessman", "businesswoman", "chairperson",
})
ROLE_ENDINGS: tuple[str, ...] = ()
ROLE_SYNONYMS: dict[str, str] = {}
# (masculine, feminine) endings of role nouns that come in pairs ("spokesman", "spokeswoman")
GENDER_FORMS = (("man", "woman"),)
GENDER_WORDS = {"mr": "m", "mrs": "f", "ms": "f", "sir": "m", "madam": "f"}
GENDER_ARTICLES: dict[str, str] = {}

# the pack fields this module fills (`LanguagePack(**PACK_FIELDS, …)`)
PACK_FIELDS = {
    "type_hints": TYPE_HINTS, "locative_prepositions": LOCATIVE_PREPOSITIONS, "age_endings": AGE_ENDINGS,
    "person_roles": ROLE_NOUNS, "role_endings": ROLE_ENDINGS, "role_synonyms": ROLE_SYNONYMS,
    "gender_forms": GENDER_FORMS, "gender_words": GENDER_WORDS, "gender_articles": GENDER_ARTICLES,
}
