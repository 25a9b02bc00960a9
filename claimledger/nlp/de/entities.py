"""German words that tell what kind of source a phrase names (first match wins)."""

TYPE_HINTS: tuple[tuple[str, str], ...] = (
    ("staatliche nachrichtenagentur", "state_media"), ("staatsagentur", "state_media"),
    ("staatsmedien", "state_media"), ("staatsfernsehen", "state_media"),
    ("staatszeitung", "state_media"), ("geheimdienst", "intelligence"),
    ("nachrichtendienst", "intelligence"), ("verfassungsschutz", "intelligence"),
    ("armee", "military"), ("militär", "military"), ("streitkräfte", "military"),
    ("generalstab", "military"), ("bundeswehr", "military"), ("verteidigungsministerium", "military"),
    ("nachrichtenagentur", "media"), ("agentur", "media"), ("zeitung", "media"), ("sender", "media"),
    ("fernsehen", "media"), ("rundfunk", "media"), ("magazin", "media"),
    ("ministerium", "government"), ("regierung", "government"), ("behörde", "government"),
    ("bundesamt", "government"), ("landesamt", "government"), ("amt", "government"),
    ("polizei", "government"), ("feuerwehr", "government"), ("staatsanwaltschaft", "government"),
    ("kanzleramt", "government"), ("präsidialamt", "government"), ("rathaus", "government"),
    ("stadtverwaltung", "government"), ("senat", "government"), ("kommission", "international_organisation"),
    ("vereinte nationen", "international_organisation"), ("uno", "international_organisation"),
    ("konzern", "company"), ("unternehmen", "company"), ("firma", "company"), ("gmbh", "company"),
    (" ag", "company"), ("hersteller", "company"), ("betreiber", "company"), ("bank", "company"),
    ("gewerkschaft", "ngo"), ("verband", "ngo"), ("initiative", "ngo"), ("stiftung", "ngo"),
    ("bündnis", "ngo"), ("allianz", "ngo"), ("organisation", "ngo"), ("verein", "ngo"),
    ("experte", "expert"), ("expertin", "expert"), ("analyst", "expert"), ("forscher", "expert"),
    ("wissenschaftler", "expert"), ("professor", "expert"), ("ökonom", "expert"),
    ("kreise", "anonymous"), ("insider", "anonymous"), ("quellen", "anonymous"),
    ("informanten", "anonymous"), ("beobachter", "anonymous"),
)

# Source phrases and the people they name (pack fields: `PACK_FIELDS` below).

# prepositions whose phrase says where or before whom, not who: "ein Sprecher des Ministeriums in
# Verdogorsk", "der 47-Jährige vor Anhängern" (not "bei", "aus", "an": a speaker's affiliation)
LOCATIVE_PREPOSITIONS = frozenset({"in", "vor", "nahe", "neben", "hinter", "unweit", "außerhalb",
                                   "innerhalb", "auf"})
# endings of age descriptions that stand for a person named before ("der 62-Jährige")
AGE_ENDINGS = ("jährige", "jähriger", "jährigen")
# job and role nouns besides the pack's role nouns: titles before a name ("Richter Tobias X")
# and descriptions pointing back to its bearer ("der Coach")
ROLE_NOUNS = frozenset({
    "richter", "richterin", "trainer", "trainerin", "coach", "inhaber", "inhaberin", "besitzer",
    "besitzerin", "kandidat", "kandidatin", "kapitän", "kapitänin", "arzt", "ärztin",
    "bischof", "bischöfin", "pfarrer", "pfarrerin", "staatsanwalt", "staatsanwältin",
    "intendant", "intendantin", "manager", "managerin", "gründer", "gründerin",
})
# endings of job nouns too short to stand alone as a role word ("Mikrobiologe", "Soziologin")
ROLE_ENDINGS = ("ologe", "ologin")
# role words that name the same role (word -> the role it is counted as)
ROLE_SYNONYMS = {"coach": "trainer", "übungsleiter": "trainer", "übungsleiterin": "trainerin",
                 "besitzer": "inhaber", "besitzerin": "inhaberin", "eigentümer": "inhaber",
                 "eigentümerin": "inhaberin"}
# (masculine, feminine) endings of role nouns that come in pairs ("Sprecher", "Sprecherin"): a
# role word tells the gender of its bearer only when the other form is a role word too
GENDER_FORMS = (("", "in"),)
# words before a name or in a description that tell the person's gender
GENDER_WORDS = {"herr": "m", "frau": "f"}
# articles opening a description that tell its gender ("der 62-Jährige", "die Vorsitzende")
GENDER_ARTICLES = {"der": "m", "die": "f", "ein": "m", "eine": "f"}

# the pack fields this module fills (`LanguagePack(**PACK_FIELDS, …)`)
PACK_FIELDS = {
    "type_hints": TYPE_HINTS, "locative_prepositions": LOCATIVE_PREPOSITIONS, "age_endings": AGE_ENDINGS,
    "person_roles": ROLE_NOUNS, "role_endings": ROLE_ENDINGS, "role_synonyms": ROLE_SYNONYMS,
    "gender_forms": GENDER_FORMS, "gender_words": GENDER_WORDS, "gender_articles": GENDER_ARTICLES,
}
