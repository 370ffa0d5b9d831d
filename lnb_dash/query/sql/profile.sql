-- Every indicator for one municipality: its latest value (or why there is none), its rank that year,
-- and the county and national figures for the same year.
WITH own_latest AS (
    SELECT indicator_id, max(year) AS year FROM observations
    WHERE area_code = $lau_code AND breakdown = 'total' AND status = 'value' GROUP BY indicator_id
),
any_latest AS (
    SELECT indicator_id, max(year) AS year FROM observations
    WHERE area_level = 'municipality' AND breakdown = 'total' GROUP BY indicator_id
),
target AS (
    SELECT i.indicator_id, coalesce(o.year, a.year) AS year
    FROM indicators AS i
    LEFT JOIN own_latest AS o USING (indicator_id)
    LEFT JOIN any_latest AS a USING (indicator_id)
),
ranked AS (  -- only the indicator-years the profile shows
    SELECT o.indicator_id, o.year, o.area_code, o.value,
           rank() OVER (PARTITION BY o.indicator_id, o.year ORDER BY o.value DESC) AS rank,
           count(*) OVER (PARTITION BY o.indicator_id, o.year) AS n_ranked
    FROM observations AS o
    JOIN target AS t ON t.indicator_id = o.indicator_id AND t.year = o.year
    WHERE o.area_level = 'municipality' AND o.breakdown = 'total' AND o.status = 'value' AND o.flag_sq IS NULL
)
SELECT i.indicator_id, i.theme, i.kind, i.decimals, i.higher_is_better, i.name_sq, i.name_en, i.unit_sq, i.unit_en,
       i.categories, t.year,
       own.value, coalesce(own.status, 'not_reported') AS status, coalesce(own.break_in_series, false) AS break_in_series,
       coalesce(own.source_id, i.source_id) AS source_id, own.note, own.citation_url, own.citation_title, own.citation_text,
       own.citation_retrieved, own.read_at_url, own.flag_sq, own.flag_en,
       r.rank, r.n_ranked,
       county.value AS county_value, national.value AS national_value
FROM indicators AS i
JOIN target AS t USING (indicator_id)
JOIN municipalities AS m ON m.lau_code = $lau_code
LEFT JOIN observations AS own ON own.indicator_id = i.indicator_id AND own.year = t.year AND own.breakdown = 'total' AND own.area_code = m.lau_code
LEFT JOIN ranked AS r ON r.indicator_id = i.indicator_id AND r.year = t.year AND r.area_code = m.lau_code
LEFT JOIN observations AS county ON county.indicator_id = i.indicator_id AND county.year = t.year AND county.breakdown = 'total'
      AND county.area_code = m.county_code AND county.status = 'value'
LEFT JOIN observations AS national ON national.indicator_id = i.indicator_id AND national.year = t.year AND national.breakdown = 'total'
      AND national.area_code = 'AL' AND national.status = 'value'
WHERE t.year IS NOT NULL
ORDER BY i.theme, i.indicator_id
