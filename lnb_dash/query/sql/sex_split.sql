-- For one count ($indicator) and year: how many municipalities have the total, women and men, and in how many
-- women + men are $gap (a share of the total) or more away from the total.
WITH split AS (
    SELECT area_code, max(value) FILTER (WHERE breakdown = 'total') AS total, max(value) FILTER (WHERE breakdown = 'female') AS f,
           max(value) FILTER (WHERE breakdown = 'male') AS m
    FROM observations
    WHERE indicator_id = $indicator AND year = $year AND area_level = 'municipality' AND status = 'value'
    GROUP BY area_code
)
SELECT count(*) FILTER (WHERE total > 0 AND f IS NOT NULL AND m IS NOT NULL) AS n_split,
       count(*) FILTER (WHERE total > 0 AND abs(f + m - total) / total >= $gap) AS n_gap
FROM split
