-- The indicator catalogue with what data each indicator has ($indicator = '' for all of them).
WITH municipal AS (
    SELECT indicator_id, breakdown, year, count(*) AS n
    FROM observations
    WHERE area_level = 'municipality' AND status = 'value' AND ($indicator = '' OR indicator_id = $indicator)
    GROUP BY ALL
)
SELECT i.indicator_id, i.theme, i.kind, i.decimals, i.higher_is_better,
       i.name_sq, i.name_en, i.unit_sq, i.unit_en, i.definition_sq, i.definition_en, i.categories, i.source_id,
       coalesce(list(DISTINCT m.year ORDER BY m.year) FILTER (WHERE m.year IS NOT NULL), []) AS years,
       max(m.year) AS latest_year,
       max(m.n) FILTER (WHERE m.breakdown = 'total') AS max_municipalities,
       coalesce(list(DISTINCT m.breakdown ORDER BY m.breakdown) FILTER (WHERE m.breakdown IS NOT NULL), []) AS breakdowns
FROM indicators AS i
LEFT JOIN municipal AS m USING (indicator_id)
WHERE $indicator = '' OR i.indicator_id = $indicator
GROUP BY ALL
ORDER BY i.theme, i.indicator_id
