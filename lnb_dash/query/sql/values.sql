-- One row per municipality (always 61) for an indicator, year and breakdown; missing rows say so.
WITH obs AS (
    SELECT * FROM observations
    WHERE indicator_id = $indicator AND year = $year AND breakdown = $breakdown AND area_level = 'municipality'
)
SELECT m.lau_code, m.name, m.qark, m.county_code,
       $year::INTEGER AS year,
       o.value,
       coalesce(o.status, 'not_reported') AS status,
       coalesce(o.break_in_series, false) AS break_in_series,
       o.source_id, o.note, o.citation_url, o.citation_title, o.citation_text, o.citation_retrieved,
       CASE WHEN o.status = 'value' THEN rank() OVER (PARTITION BY o.status = 'value' ORDER BY o.value DESC) END AS rank,
       count(o.value) OVER () AS n_ranked
FROM municipalities AS m
LEFT JOIN obs AS o ON o.area_code = m.lau_code
ORDER BY m.lau_code
