-- For one count ($indicator) and year: how many municipalities have the total, women and men, and in how many the build
-- flagged the women's or men's value because women + men do not add up to the total (data/flags.py, the one rule).
WITH split AS (
    SELECT area_code, max(value) FILTER (WHERE breakdown = 'total') AS total, max(value) FILTER (WHERE breakdown = 'female') AS f,
           max(value) FILTER (WHERE breakdown = 'male') AS m,
           bool_or(flag_en IS NOT NULL) FILTER (WHERE breakdown IN ('female', 'male')) AS flagged
    FROM observations
    WHERE indicator_id = $indicator AND year = $year AND area_level = 'municipality' AND status = 'value'
    GROUP BY area_code
)
SELECT count(*) FILTER (WHERE total > 0 AND f IS NOT NULL AND m IS NOT NULL) AS n_split,
       count(*) FILTER (WHERE flagged) AS n_gap
FROM split
