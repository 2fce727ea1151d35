-- The working-day calendar (工作日历) the rectification deadlines are counted in (SPV-07: "2个工作日内").
-- Monday to Friday are working days and Saturday and Sunday are not, unless a row here says otherwise:
-- HOLIDAY (a public holiday or a day of its 放假调休 period) or WORKDAY (a make-up working day, 调休上班).
-- The city keeps it on /supervision/calendar; a year not loaded here counts weekends only and the page says so.
CREATE TABLE sup_calendar_year (
    year        INT PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    source      VARCHAR(200) NOT NULL,
    provisional BOOLEAN NOT NULL DEFAULT FALSE,
    updated_by  VARCHAR(100) NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE sup_calendar_day (
    day        DATE PRIMARY KEY,
    kind       VARCHAR(10) NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    name       VARCHAR(40) NOT NULL,
    updated_by VARCHAR(100) NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）
INSERT INTO sup_calendar_year (year, source, provisional, updated_by) VALUES
    (2025, '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）', FALSE, 'V100');
INSERT INTO sup_calendar_day (day, kind, name, updated_by)
SELECT d::date, 'HOLIDAY', n, 'V100' FROM (VALUES
    ('2025-01-01', '2025-01-01', '元旦'),
    ('2025-01-28', '2025-02-04', '春节'),
    ('2025-04-04', '2025-04-06', '清明节'),
    ('2025-05-01', '2025-05-05', '劳动节'),
    ('2025-05-31', '2025-06-02', '端午节'),
    ('2025-10-01', '2025-10-08', '国庆节、中秋节')) AS h(f, t, n),
    generate_series(f::date, t::date, INTERVAL '1 day') AS d;
INSERT INTO sup_calendar_day (day, kind, name, updated_by) VALUES
    ('2025-01-26', 'WORKDAY', '春节调休上班', 'V100'),
    ('2025-02-08', 'WORKDAY', '春节调休上班', 'V100'),
    ('2025-04-27', 'WORKDAY', '劳动节调休上班', 'V100'),
    ('2025-09-28', 'WORKDAY', '国庆节调休上班', 'V100'),
    ('2025-10-11', 'WORKDAY', '国庆节调休上班', 'V100');

-- 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）
INSERT INTO sup_calendar_year (year, source, provisional, updated_by) VALUES
    (2026, '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', FALSE, 'V100');
INSERT INTO sup_calendar_day (day, kind, name, updated_by)
SELECT d::date, 'HOLIDAY', n, 'V100' FROM (VALUES
    ('2026-01-01', '2026-01-03', '元旦'),
    ('2026-02-15', '2026-02-23', '春节'),
    ('2026-04-04', '2026-04-06', '清明节'),
    ('2026-05-01', '2026-05-05', '劳动节'),
    ('2026-06-19', '2026-06-21', '端午节'),
    ('2026-09-25', '2026-09-27', '中秋节'),
    ('2026-10-01', '2026-10-07', '国庆节')) AS h(f, t, n),
    generate_series(f::date, t::date, INTERVAL '1 day') AS d;
INSERT INTO sup_calendar_day (day, kind, name, updated_by) VALUES
    ('2026-01-04', 'WORKDAY', '元旦调休上班', 'V100'),
    ('2026-02-14', 'WORKDAY', '春节调休上班', 'V100'),
    ('2026-02-28', 'WORKDAY', '春节调休上班', 'V100'),
    ('2026-05-09', 'WORKDAY', '劳动节调休上班', 'V100'),
    ('2026-09-20', 'WORKDAY', '国庆节调休上班', 'V100'),
    ('2026-10-10', 'WORKDAY', '国庆节调休上班', 'V100');

-- 2027: PROVISIONAL. The State Council General Office's notice for 2027 could not be confirmed when this
-- was written, so only the statutory public holidays of 《全国年节及纪念日放假办法》 (2024 revision) are
-- loaded, on their 2027 dates (春节 from 除夕 2027-02-05, 清明 04-05, 端午 06-09, 中秋 09-15), with no
-- 调休 extension days and no make-up working days. The city must complete 2027 from the published
-- notice on /supervision/calendar (the page shows the year as provisional until it is marked confirmed).
INSERT INTO sup_calendar_year (year, source, provisional, updated_by) VALUES
    (2027, '《全国年节及纪念日放假办法》法定假日（2027年国务院办公厅通知未核实，待市级按通知补全调休）', TRUE, 'V100');
INSERT INTO sup_calendar_day (day, kind, name, updated_by)
SELECT d::date, 'HOLIDAY', n, 'V100' FROM (VALUES
    ('2027-01-01', '2027-01-01', '元旦'),
    ('2027-02-05', '2027-02-08', '春节'),
    ('2027-04-05', '2027-04-05', '清明节'),
    ('2027-05-01', '2027-05-02', '劳动节'),
    ('2027-06-09', '2027-06-09', '端午节'),
    ('2027-09-15', '2027-09-15', '中秋节'),
    ('2027-10-01', '2027-10-03', '国庆节')) AS h(f, t, n),
    generate_series(f::date, t::date, INTERVAL '1 day') AS d;
