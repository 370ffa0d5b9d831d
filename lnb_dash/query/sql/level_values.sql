-- One row per area of a map level ('county': the 12, 'former_unit': the 373 units before the 2015 reform) for an
-- indicator, year and breakdown; areas without a row say so. Former units carry the municipality they belong to today.
WITH areas AS (
    SELECT c.county_code AS area_code, c.name, NULL::VARCHAR AS lau_code, NULL::VARCHAR AS municipality, c.name AS qark,
           c.county_code
    FROM counties AS c WHERE $level = 'county'
    UNION ALL
    SELECT f.unit_code, f.name, f.lau_code, m.name, m.qark, m.county_code
    FROM former_units AS f JOIN municipalities AS m USING (lau_code) WHERE $level = 'former_unit'
),
obs AS (
    SELECT * FROM observations
    WHERE indicator_id = $indicator AND year = $year AND breakdown = $breakdown AND area_level = $level
)
SELECT a.area_code, a.name, a.lau_code, a.municipality, a.qark, a.county_code,
       $year::INTEGER AS year,
       o.value,
       coalesce(o.status, 'not_reported') AS status,
       coalesce(o.break_in_series, false) AS break_in_series,
       o.source_id, o.note, o.citation_url, o.citation_title, o.citation_text, o.citation_retrieved,
       CASE WHEN o.status = 'value' THEN rank() OVER (PARTITION BY o.status = 'value' ORDER BY o.value DESC) END AS rank,
       count(o.value) OVER () AS n_ranked
FROM areas AS a
LEFT JOIN obs AS o ON o.area_code = a.area_code
ORDER BY a.area_code
