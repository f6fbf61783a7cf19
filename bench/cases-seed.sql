-- 100,000 citizen cases for the province 42 (Hà Tĩnh): the load of bench/cases-load.sh.
-- Spread over the province's communes, the last year, every category and status; 80 % are
-- petitions (two thirds of them published, a quarter of the answered ones rated), the rest
-- complaints. Codes `9…` cannot clash with drawn ones in practice (16 characters, 80 bits).
-- Usage: sqlite3 data/coso.db < bench/cases-seed.sql   (on a migrated database with the
-- official units loaded; the server stopped).
PRAGMA journal_mode = WAL;
BEGIN;
CREATE TEMP TABLE seed_unit AS
    SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS i, id
    FROM unit
    WHERE path LIKE (SELECT path FROM unit WHERE code = '42') || '%' AND kind = 'commune';
CREATE TEMP TABLE seed_category(i INTEGER PRIMARY KEY, code TEXT, word TEXT);
INSERT INTO seed_category VALUES
    (0, 'dat_dai', 'ranh gioi dat'), (1, 'moi_truong', 'rac thai'), (2, 'chinh_sach_xa_hoi', 'tro cap'),
    (3, 'an_ninh_trat_tu', 'tieng on'), (4, 'ha_tang', 'duong hong'), (5, 'can_bo', 'thai do can bo'),
    (6, 'khac', 'kien nghi khac');
CREATE TEMP TABLE seed_status(i INTEGER PRIMARY KEY, code TEXT);
INSERT INTO seed_status VALUES (0, 'received'), (1, 'accepted'), (2, 'answered'), (3, 'answered'), (4, 'closed'), (5, 'forwarded');
WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 100000)
INSERT INTO citizen_case (code, unit_id, kind, status, channel, category, received_on, content, search_text,
    remote, complexity, crowded, over_level, publish, instance, extensions, answered_on, public_answer, rating,
    place, created_at, updated_at)
SELECT
    printf('9%03d-%04d-%04d-%04d', k % 1000, k % 7919, k / 10000, k % 10000),
    (SELECT id FROM seed_unit WHERE i = k % (SELECT COUNT(*) FROM seed_unit)),
    CASE WHEN k % 5 = 0 THEN 'complaint' ELSE 'petition' END,
    s.code,
    'web',
    c.code,
    date('now', '-' || (k % 365) || ' days'),
    'Phan anh so ' || k || ' ve ' || c.word || ' tai thon ' || (k % 40),
    ' phan anh so ' || k || ' ve ' || c.word || ' tai thon ' || (k % 40),
    0, 'normal', 0, 0,
    CASE WHEN k % 5 <> 0 AND k % 3 <> 0 THEN 1 ELSE 0 END,
    1, 0,
    CASE WHEN s.code IN ('answered', 'closed') THEN date('now', '-' || (k % 365) || ' days', '+' || (k % 12) || ' days') END,
    CASE WHEN s.code IN ('answered', 'closed') THEN 'Da kiem tra va xu ly ' || c.word || '.' END,
    CASE WHEN s.code IN ('answered', 'closed') AND k % 4 = 0 THEN 1 + k % 5 END,
    'Thon ' || (k % 40),
    strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || (k % 365) || ' days'),
    strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM n
JOIN seed_category c ON c.i = n.k % 7
JOIN seed_status s ON s.i = n.k % 6;
COMMIT;
ANALYZE;
