-- A closed tertial's report keeps the names it was closed with: goal references and titles, the KF goal,
-- the goal area and the organisation's names are copied into the record instead of read live, so renaming
-- a goal, a department or a unit (or re-importing the plan) no longer changes a frozen report.
-- Written once for H2 (PostgreSQL mode) and PostgreSQL. NULL only in records written before this.

ALTER TABLE tertial_record_activity ADD COLUMN department_name VARCHAR(200);
ALTER TABLE tertial_record_activity ADD COLUMN unit_name VARCHAR(200);

ALTER TABLE tertial_record_goal ADD COLUMN goal_year INT;
ALTER TABLE tertial_record_goal ADD COLUMN goal_ref VARCHAR(20);
ALTER TABLE tertial_record_goal ADD COLUMN goal_title VARCHAR(2000);
ALTER TABLE tertial_record_goal ADD COLUMN goal_area VARCHAR(200);
ALTER TABLE tertial_record_goal ADD COLUMN kf_goal_id BIGINT;
ALTER TABLE tertial_record_goal ADD COLUMN kf_ref VARCHAR(20);
ALTER TABLE tertial_record_goal ADD COLUMN kf_title VARCHAR(2000);

-- records closed before this migration: the names as they are now (the closest there is)
UPDATE tertial_record_activity SET
    department_name = (SELECT d.name FROM department d WHERE d.id = tertial_record_activity.department_id),
    unit_name = (SELECT u.name FROM org_unit u WHERE u.id = tertial_record_activity.unit_id);

UPDATE tertial_record_goal SET
    goal_year = (SELECT g.plan_year FROM goal g WHERE g.id = tertial_record_goal.goal_id),
    goal_ref = (SELECT g.ref FROM goal g WHERE g.id = tertial_record_goal.goal_id),
    goal_title = (SELECT g.title FROM goal g WHERE g.id = tertial_record_goal.goal_id),
    goal_area = (SELECT a.name FROM goal g JOIN goal_area a ON a.id = g.goal_area_id
                 WHERE g.id = tertial_record_goal.goal_id),
    kf_goal_id = (SELECT COALESCE(g.parent_id, g.id) FROM goal g WHERE g.id = tertial_record_goal.goal_id),
    kf_ref = (SELECT COALESCE(p.ref, g.ref) FROM goal g LEFT JOIN goal p ON p.id = g.parent_id
              WHERE g.id = tertial_record_goal.goal_id),
    kf_title = (SELECT COALESCE(p.title, g.title) FROM goal g LEFT JOIN goal p ON p.id = g.parent_id
                WHERE g.id = tertial_record_goal.goal_id);
