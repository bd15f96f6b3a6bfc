-- Request paths read activities by index (issue 17): a manager's by department (and unit), the goal hierarchy's
-- counts by goal ("försenade" by end date uses V46's activity_end_date). PostgreSQL does not index foreign keys by itself.
CREATE INDEX activity_department_unit ON activity (department_id, unit_id);
CREATE INDEX activity_goal ON activity (goal_id);
