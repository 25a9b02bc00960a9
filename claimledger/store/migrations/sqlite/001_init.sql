-- claimledger ledger schema, version 1
CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE articles (
    id TEXT PRIMARY KEY,             -- content hash of the normalised text
    origin TEXT NOT NULL,
    external_id TEXT,
    url TEXT,
    title TEXT,
    lang TEXT NOT NULL,
    published TEXT,
    outlet TEXT,
    author TEXT,
    wire TEXT NOT NULL DEFAULT '[]', -- JSON list of credited agencies
    text TEXT NOT NULL,
    minhash BLOB,
    duplicate_of TEXT REFERENCES articles(id),
    similarity REAL,
    story_id INTEGER REFERENCES stories(id),
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE lsh_bands (
    band_key TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id),
    PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;

CREATE TABLE entities (
    id TEXT PRIMARY KEY,             -- canonical key
    name TEXT NOT NULL,
    type TEXT NOT NULL
);

CREATE TABLE mentions (
    entity_id TEXT NOT NULL REFERENCES entities(id),
    article_id TEXT NOT NULL REFERENCES articles(id),
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE INDEX mentions_article ON mentions(article_id);

CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    local_id TEXT NOT NULL,          -- c1, c2 ... as in extract output
    kind TEXT NOT NULL,
    source_text TEXT NOT NULL,
    source_spans TEXT NOT NULL,      -- JSON [[start, end], ...]
    source_entity TEXT REFERENCES entities(id),
    cue_text TEXT NOT NULL,
    cue_spans TEXT NOT NULL,
    content_text TEXT NOT NULL,
    content_spans TEXT NOT NULL,
    nested_in TEXT,
    confidence REAL NOT NULL,
    UNIQUE (article_id, local_id)
);
CREATE INDEX claims_article ON claims(article_id);
CREATE INDEX claims_entity ON claims(source_entity);

CREATE TABLE quantities (
    claim_id INTEGER NOT NULL REFERENCES claims(id),
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    low REAL,
    high REAL,
    value REAL,
    unit TEXT,
    operator TEXT
);
CREATE INDEX quantities_claim ON quantities(claim_id);

CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    origin TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (origin, reason)
);

CREATE VIRTUAL TABLE claims_fts USING fts5(
    content_text, source_text, content='claims', content_rowid='id', tokenize='unicode61'
);
CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts(rowid, content_text, source_text)
    VALUES (new.id, new.content_text, new.source_text);
END;
CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, content_text, source_text)
    VALUES ('delete', old.id, old.content_text, old.source_text);
END;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='unicode61'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
