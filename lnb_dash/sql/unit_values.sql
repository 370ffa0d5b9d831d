-- One row per former unit (always 373) for an indicator, year and breakdown, with its municipality; missing rows say so.
WITH obs AS (
    SELECT * FROM observations
    WHERE indicator_id = $indicator AND year = $year AND breakdown = $breakdown AND area_level = 'former_unit'
)
SELECT f.unit_code, f.name, f.lau_code, m.name AS municipality,
       $year::INTEGER AS year,
       o.value,
       coalesce(o.status, 'not_reported') AS status,
       coalesce(o.break_in_series, false) AS break_in_series,
       o.source_id, o.note, o.citation_url, o.citation_title, o.citation_text, o.citation_retrieved
FROM former_units AS f
JOIN municipalities AS m ON m.lau_code = f.lau_code
LEFT JOIN obs AS o ON o.area_code = f.unit_code
ORDER BY f.unit_code
