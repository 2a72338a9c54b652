-- A year of supervision for the dashboard in bench/web.sh (SQLite): every monthly report of plan 1 that is open by today,
-- most accepted, some returned once, some waiting for review, a few never written; readings for every target each month;
-- a few leaders' instructions. Deterministic (no RANDOM()), so runs compare. Run after the periods exist (first request).
WITH due AS (
  SELECT p.Id AS PeriodId, p.Deadline, a.PlanTaskId, a.UnitId, (p.Id * 37 + a.PlanTaskId * 11 + a.UnitId * 7) % 100 AS roll
  FROM Periods p
  JOIN TaskGroups g ON g.PlanId = p.PlanId
  JOIN Tasks t ON t.TaskGroupId = g.Id
  JOIN Assignments a ON a.PlanTaskId = t.Id
  WHERE p.PlanId = 1 AND p.Kind = 0 AND p.Start <= date('now'))
INSERT INTO Reports (PeriodId, TaskId, UnitId, State, Text, Version, ReviewComment, ReviewedBy, SubmittedAt, UpdatedAt)
SELECT PeriodId, PlanTaskId, UnitId, CASE WHEN roll < 80 THEN 3 WHEN roll < 88 THEN 1 ELSE 2 END,
  '<p>本月工作进展：按计划推进，重点项目完成情况见附表。</p>', 1, NULL, 'office',
  date(Deadline, CASE WHEN roll % 9 = 0 THEN '+' || (roll % 7 + 1) || ' days' ELSE '-' || (roll % 5) || ' days' END) || ' 10:00:00+08:00',
  date(Deadline, '+3 days') || ' 10:00:00+08:00'
FROM due WHERE roll < 95;

INSERT INTO ReportVersions (ReportId, Version, Action, State, Text, Comment, By, At)
SELECT Id, 1, 'create', 0, Text, NULL, 'liaison', SubmittedAt FROM Reports;
INSERT INTO ReportVersions (ReportId, Version, Action, State, Text, Comment, By, At)
SELECT Id, 2, 'submit', 1, Text, NULL, 'liaison', SubmittedAt FROM Reports;
INSERT INTO ReportVersions (ReportId, Version, Action, State, Text, Comment, By, At)
SELECT Id, 3, 'return', 2, Text, '请补充具体数据', 'office', UpdatedAt FROM Reports WHERE State = 2 OR (State = 3 AND Id % 8 = 0);
INSERT INTO ReportVersions (ReportId, Version, Action, State, Text, Comment, By, At)
SELECT Id, 4, 'submit', 1, Text, NULL, 'liaison', UpdatedAt FROM Reports WHERE State = 3 AND Id % 8 = 0;
INSERT INTO ReportVersions (ReportId, Version, Action, State, Text, Comment, By, At)
SELECT Id, CASE WHEN Id % 8 = 0 THEN 5 ELSE 3 END, 'accept', 3, Text, NULL, 'office', UpdatedAt FROM Reports WHERE State = 3;
UPDATE Reports SET Version = (SELECT MAX(v.Version) FROM ReportVersions v WHERE v.ReportId = Reports.Id);

WITH RECURSIVE months(m) AS (SELECT 3 UNION ALL SELECT m + 1 FROM months WHERE m < 11)
INSERT INTO Readings (TargetId, Value, AsOf, Source, Origin, RecordedBy, RecordedAt)
SELECT t.Id, printf('%.2f', t.Value * (m - 2) / 10.0 * (0.8 + (t.Id % 5) * 0.1)),
  date('2026-' || printf('%02d', m) || '-01', '+1 month', '-1 day'), '月度统计', 0, 'office',
  date('2026-' || printf('%02d', m) || '-01', '+1 month', '+2 days') || ' 10:00:00+08:00'
FROM Targets t JOIN TargetGroups g ON t.TargetGroupId = g.Id, months
WHERE g.PlanId = 1 AND date('2026-' || printf('%02d', m) || '-01', '+1 month', '-1 day') <= date('now');

INSERT INTO Instructions (UnitId, ReportId, TaskId, Text, By, At)
SELECT UnitId, Id, TaskId, '请加快推进，按月报送进展。', 'leader', UpdatedAt FROM Reports WHERE Id % 40 = 0;
