-- claimledger ledger schema, version 2: story state, claim groups, disagreements
ALTER TABLE articles ADD COLUMN vector BLOB;

CREATE TABLE story_state (
    story_id INTEGER PRIMARY KEY REFERENCES stories(id),
    centroid BLOB,                   -- float32 sum of member article vectors
    n INTEGER NOT NULL DEFAULT 0,
    first_date TEXT,
    last_date TEXT
);
CREATE INDEX story_state_last ON story_state(last_date);

CREATE TABLE story_entities (
    story_id INTEGER NOT NULL REFERENCES stories(id),
    entity_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (story_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX story_entities_entity ON story_entities(entity_id);

CREATE TABLE claim_groups (
    id INTEGER PRIMARY KEY,
    story_id INTEGER NOT NULL REFERENCES stories(id),
    source_key TEXT,
    first_claim INTEGER NOT NULL REFERENCES claims(id)
);
CREATE INDEX claim_groups_story ON claim_groups(story_id);

ALTER TABLE claims ADD COLUMN vector BLOB;
ALTER TABLE claims ADD COLUMN source_key TEXT;
ALTER TABLE claims ADD COLUMN denial INTEGER NOT NULL DEFAULT 0;
ALTER TABLE claims ADD COLUMN group_id INTEGER REFERENCES claim_groups(id);
CREATE INDEX claims_group ON claims(group_id);

CREATE TABLE disagreements (
    id INTEGER PRIMARY KEY,
    story_id INTEGER NOT NULL REFERENCES stories(id),
    kind TEXT NOT NULL,              -- figures | denial
    subject TEXT NOT NULL,
    claim_a INTEGER NOT NULL REFERENCES claims(id),
    claim_b INTEGER NOT NULL REFERENCES claims(id),
    detail TEXT NOT NULL DEFAULT '{}',
    UNIQUE (kind, claim_a, claim_b)
);
CREATE INDEX disagreements_story ON disagreements(story_id);
