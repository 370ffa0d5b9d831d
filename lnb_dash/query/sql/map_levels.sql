-- For each indicator, breakdown, mappable level and year: how many areas have a value (what a map can draw).
SELECT indicator_id, breakdown, area_level, year, count(DISTINCT area_code) AS n_areas
FROM observations
WHERE status = 'value' AND area_level IN ('municipality', 'county', 'former_unit')
GROUP BY ALL
ORDER BY indicator_id, breakdown, area_level, year
