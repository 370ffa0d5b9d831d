-- Years in which at least one area of a level has a value for an indicator and breakdown, ascending.
SELECT year, count(*) AS n_areas
FROM observations
WHERE indicator_id = $indicator AND breakdown = $breakdown AND area_level = $level AND status = 'value'
GROUP BY year
ORDER BY year
