-- LNB results reported in both factsheets, one row per measure, with the change between them. The two factsheets
-- are the earliest and the latest year in the table (2019 and 2021 today); a measure missing from one has no value there.
WITH factsheets AS (SELECT min(year) AS year_before, max(year) AS year_after FROM programme_results)
SELECT measure, any_value(name_sq) AS name_sq, any_value(name_en) AS name_en,
       any_value(unit_sq) AS unit_sq, any_value(unit_en) AS unit_en,
       CAST(any_value(f.year_before) AS INTEGER) AS year_before, CAST(any_value(f.year_after) AS INTEGER) AS year_after,
       max(CAST(value AS BIGINT)) FILTER (WHERE year = f.year_before AND f.year_before <> f.year_after) AS value_before,
       max(CAST(value AS BIGINT)) FILTER (WHERE year = f.year_after) AS value_after,
       max(as_stated) FILTER (WHERE year = f.year_before AND f.year_before <> f.year_after) AS stated_before,
       max(as_stated) FILTER (WHERE year = f.year_after) AS stated_after
FROM programme_results, factsheets AS f
GROUP BY measure
ORDER BY measure
