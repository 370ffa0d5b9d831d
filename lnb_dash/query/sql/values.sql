-- One row per area of a level ($level: 'municipality' 61, 'county' 12, 'former_unit' 373 units before the 2015 reform,
-- 'national' Albania) for an indicator, year and breakdown; an area without a row says so. Every level is keyed by
-- area_code; lau_code and municipality are the municipality the area is or lies in today, qark and county_code its
-- county. label is the name, with the parent's name where a name repeats in the level ('Qendër (Librazhd)').
-- flag is the value's quality flag in $lang (NULL when none): a flagged value is shown but never ranked.
-- read_at_url is the copy the value was read in when that is not the publication in citation_url (NULL otherwise).
WITH areas AS (
    SELECT m.lau_code AS area_code, m.name, m.lau_code, m.name AS municipality, m.qark, m.county_code, m.qark AS parent
    FROM municipalities AS m WHERE $level = 'municipality'
    UNION ALL
    SELECT c.county_code, c.name, NULL, NULL, c.name, c.county_code, NULL
    FROM counties AS c WHERE $level = 'county'
    UNION ALL
    SELECT f.unit_code, f.name, f.lau_code, m.name, m.qark, m.county_code, m.name
    FROM former_units AS f JOIN municipalities AS m USING (lau_code) WHERE $level = 'former_unit'
    UNION ALL
    SELECT 'AL', 'Shqipëri', NULL, NULL, NULL, NULL, NULL WHERE $level = 'national'
),
obs AS (
    SELECT * FROM observations
    WHERE indicator_id = $indicator AND year = $year AND breakdown = $breakdown AND area_level = $level
)
SELECT a.area_code, $level::VARCHAR AS area_level, a.name,
       CASE WHEN count(*) OVER (PARTITION BY a.name) > 1 AND a.parent IS NOT NULL THEN a.name || ' (' || a.parent || ')'
            ELSE a.name END AS label,
       a.lau_code, a.municipality, a.qark, a.county_code,
       $year::INTEGER AS year,
       o.value,
       coalesce(o.status, 'not_reported') AS status,
       coalesce(o.computed, false) AS computed,
       coalesce(o.break_in_series, false) AS break_in_series,
       o.source_id, o.note, o.citation_url, o.citation_title, o.citation_text, o.citation_retrieved,
       CASE WHEN $lang = 'en' THEN o.flag_en ELSE o.flag_sq END AS flag,
       o.read_at_url,
       CASE WHEN o.status = 'value' AND o.flag_sq IS NULL
            THEN rank() OVER (PARTITION BY o.status = 'value' AND o.flag_sq IS NULL ORDER BY o.value DESC) END AS rank,
       count(CASE WHEN o.flag_sq IS NULL THEN o.value END) OVER () AS n_ranked
FROM areas AS a
LEFT JOIN obs AS o ON o.area_code = a.area_code
ORDER BY a.area_code
