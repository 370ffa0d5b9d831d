-- For each indicator, level and year: how many areas (any breakdown) have a value, how many of them are
-- computed sums, and how many areas the level has (373 former units, 61 municipalities, 12 counties, Albania).
WITH levels AS (
    SELECT 'former_unit' AS area_level, (SELECT count(*) FROM former_units) AS n_possible, 0 AS level_order
    UNION ALL SELECT 'municipality', (SELECT count(*) FROM municipalities), 1
    UNION ALL SELECT 'county', (SELECT count(*) FROM counties), 2
    UNION ALL SELECT 'national', 1, 3
),
areas AS (
    SELECT indicator_id, area_level, year, area_code, bool_and(computed) AS computed
    FROM observations
    WHERE status = 'value'
    GROUP BY ALL
)
SELECT a.indicator_id, a.area_level, a.year, count(*) AS n_areas, count(*) FILTER (WHERE a.computed) AS n_computed, l.n_possible
FROM areas AS a
JOIN levels AS l USING (area_level)
GROUP BY a.indicator_id, a.area_level, a.year, l.n_possible, l.level_order
ORDER BY a.indicator_id, l.level_order, a.year
