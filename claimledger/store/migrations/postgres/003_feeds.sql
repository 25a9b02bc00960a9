-- claimledger ledger schema, version 3: feed polling state for `claimledger watch`
CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    last_status INTEGER,
    last_checked TEXT
);
CREATE INDEX articles_url ON articles(url);
