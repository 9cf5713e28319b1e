-- 022-sync-quiet-once.sql — schema version 22: the check of book_meta
-- 'sync_quiet' (004-sync.sql) is made in one place, not in each of the 44
-- triggers that make the versions of the collectors' work and the bank's.
-- SQLite parses every trigger of the book at each command's start: the
-- check, a subquery, was a third of their cost (about 0.5 M of the 5.5 M
-- instructions from exec to the open book).
--
-- The triggers insert into the view sync_auto, which passes the version on
-- to sync_touch unless sync_quiet is set. sync_touch itself is as it was:
-- a direct insert into it (src/bank/bank_apply.c) makes a version even
-- while quiet. What is versioned, and when, is exactly as before.
CREATE VIEW sync_auto(tbl, key, gone) AS SELECT NULL, NULL, NULL WHERE 0;
CREATE TRIGGER sync_auto_insert INSTEAD OF INSERT ON sync_auto
WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES (NEW.tbl, NEW.key, NEW.gone); END;

DROP TRIGGER activities_sync_insert;
DROP TRIGGER activities_sync_update;
DROP TRIGGER activities_sync_delete;
DROP TRIGGER promises_sync_insert;
DROP TRIGGER promises_sync_update;
DROP TRIGGER promises_sync_delete;
DROP TRIGGER plans_sync_insert;
DROP TRIGGER plans_sync_update;
DROP TRIGGER plans_sync_delete;
DROP TRIGGER disputes_sync_insert;
DROP TRIGGER disputes_sync_update;
DROP TRIGGER disputes_sync_delete;
DROP TRIGGER tasks_sync_insert;
DROP TRIGGER tasks_sync_update;
DROP TRIGGER tasks_sync_delete;
DROP TRIGGER account_snoozes_sync_insert;
DROP TRIGGER account_snoozes_sync_update;
DROP TRIGGER account_snoozes_sync_delete;
DROP TRIGGER promise_invoices_sync_insert;
DROP TRIGGER promise_invoices_sync_update;
DROP TRIGGER promise_invoices_sync_delete;
DROP TRIGGER plan_installments_sync_insert;
DROP TRIGGER plan_installments_sync_update;
DROP TRIGGER plan_installments_sync_delete;
DROP TRIGGER plan_invoices_sync_insert;
DROP TRIGGER plan_invoices_sync_update;
DROP TRIGGER plan_invoices_sync_delete;
DROP TRIGGER account_dunning_sync_insert;
DROP TRIGGER account_dunning_sync_update;
DROP TRIGGER account_dunning_sync_delete;
DROP TRIGGER bank_statements_sync_insert;
DROP TRIGGER bank_statements_sync_update;
DROP TRIGGER bank_statements_sync_delete;
DROP TRIGGER bank_movements_sync_insert;
DROP TRIGGER bank_movements_sync_update;
DROP TRIGGER bank_movements_sync_delete;
DROP TRIGGER bank_allocations_sync_insert;
DROP TRIGGER bank_allocations_sync_update;
DROP TRIGGER bank_allocations_sync_delete;
DROP TRIGGER customer_ibans_sync_insert;
DROP TRIGGER customer_ibans_sync_update;
DROP TRIGGER customer_ibans_sync_delete;
DROP TRIGGER import_runs_sync_insert;
DROP TRIGGER import_runs_sync_delete;

CREATE TRIGGER activities_sync_insert AFTER INSERT ON activities
BEGIN INSERT INTO sync_auto VALUES ('activities', NEW.id, 0); END;
CREATE TRIGGER activities_sync_update AFTER UPDATE ON activities
BEGIN INSERT INTO sync_auto VALUES ('activities', NEW.id, 0); END;
CREATE TRIGGER activities_sync_delete AFTER DELETE ON activities
BEGIN INSERT INTO sync_auto VALUES ('activities', OLD.id, 1); END;
CREATE TRIGGER promises_sync_insert AFTER INSERT ON promises
BEGIN INSERT INTO sync_auto VALUES ('promises', NEW.id, 0); END;
CREATE TRIGGER promises_sync_update AFTER UPDATE ON promises
BEGIN INSERT INTO sync_auto VALUES ('promises', NEW.id, 0); END;
CREATE TRIGGER promises_sync_delete AFTER DELETE ON promises
BEGIN INSERT INTO sync_auto VALUES ('promises', OLD.id, 1); END;
CREATE TRIGGER plans_sync_insert AFTER INSERT ON plans
BEGIN INSERT INTO sync_auto VALUES ('plans', NEW.id, 0); END;
CREATE TRIGGER plans_sync_update AFTER UPDATE ON plans
BEGIN INSERT INTO sync_auto VALUES ('plans', NEW.id, 0); END;
CREATE TRIGGER plans_sync_delete AFTER DELETE ON plans
BEGIN INSERT INTO sync_auto VALUES ('plans', OLD.id, 1); END;
CREATE TRIGGER disputes_sync_insert AFTER INSERT ON disputes
BEGIN INSERT INTO sync_auto VALUES ('disputes', NEW.id, 0); END;
CREATE TRIGGER disputes_sync_update AFTER UPDATE ON disputes
BEGIN INSERT INTO sync_auto VALUES ('disputes', NEW.id, 0); END;
CREATE TRIGGER disputes_sync_delete AFTER DELETE ON disputes
BEGIN INSERT INTO sync_auto VALUES ('disputes', OLD.id, 1); END;
CREATE TRIGGER tasks_sync_insert AFTER INSERT ON tasks
BEGIN INSERT INTO sync_auto VALUES ('tasks', NEW.id, 0); END;
CREATE TRIGGER tasks_sync_update AFTER UPDATE ON tasks
BEGIN INSERT INTO sync_auto VALUES ('tasks', NEW.id, 0); END;
CREATE TRIGGER tasks_sync_delete AFTER DELETE ON tasks
BEGIN INSERT INTO sync_auto VALUES ('tasks', OLD.id, 1); END;
CREATE TRIGGER account_snoozes_sync_insert AFTER INSERT ON account_snoozes
BEGIN INSERT INTO sync_auto VALUES ('account_snoozes', NEW.id, 0); END;
CREATE TRIGGER account_snoozes_sync_update AFTER UPDATE ON account_snoozes
BEGIN INSERT INTO sync_auto VALUES ('account_snoozes', NEW.id, 0); END;
CREATE TRIGGER account_snoozes_sync_delete AFTER DELETE ON account_snoozes
BEGIN INSERT INTO sync_auto VALUES ('account_snoozes', OLD.id, 1); END;
CREATE TRIGGER promise_invoices_sync_insert AFTER INSERT ON promise_invoices
BEGIN INSERT INTO sync_auto VALUES ('promises', NEW.promise_id, NULL); END;
CREATE TRIGGER promise_invoices_sync_update AFTER UPDATE ON promise_invoices
BEGIN INSERT INTO sync_auto VALUES ('promises', NEW.promise_id, NULL); END;
CREATE TRIGGER promise_invoices_sync_delete AFTER DELETE ON promise_invoices WHEN EXISTS (SELECT 1 FROM promises WHERE id = OLD.promise_id)
BEGIN INSERT INTO sync_auto VALUES ('promises', OLD.promise_id, NULL); END;
CREATE TRIGGER plan_installments_sync_insert AFTER INSERT ON plan_installments
BEGIN INSERT INTO sync_auto VALUES ('plans', NEW.plan_id, NULL); END;
CREATE TRIGGER plan_installments_sync_update AFTER UPDATE ON plan_installments
BEGIN INSERT INTO sync_auto VALUES ('plans', NEW.plan_id, NULL); END;
CREATE TRIGGER plan_installments_sync_delete AFTER DELETE ON plan_installments WHEN EXISTS (SELECT 1 FROM plans WHERE id = OLD.plan_id)
BEGIN INSERT INTO sync_auto VALUES ('plans', OLD.plan_id, NULL); END;
CREATE TRIGGER plan_invoices_sync_insert AFTER INSERT ON plan_invoices
BEGIN INSERT INTO sync_auto VALUES ('plans', NEW.plan_id, NULL); END;
CREATE TRIGGER plan_invoices_sync_update AFTER UPDATE ON plan_invoices
BEGIN INSERT INTO sync_auto VALUES ('plans', NEW.plan_id, NULL); END;
CREATE TRIGGER plan_invoices_sync_delete AFTER DELETE ON plan_invoices WHEN EXISTS (SELECT 1 FROM plans WHERE id = OLD.plan_id)
BEGIN INSERT INTO sync_auto VALUES ('plans', OLD.plan_id, NULL); END;
CREATE TRIGGER account_dunning_sync_insert AFTER INSERT ON account_dunning
BEGIN INSERT INTO sync_auto VALUES ('account_dunning', NEW.account_no, 0); END;
CREATE TRIGGER account_dunning_sync_update AFTER UPDATE ON account_dunning
BEGIN INSERT INTO sync_auto VALUES ('account_dunning', NEW.account_no, 0); END;
CREATE TRIGGER account_dunning_sync_delete AFTER DELETE ON account_dunning
BEGIN INSERT INTO sync_auto VALUES ('account_dunning', OLD.account_no, 1); END;
CREATE TRIGGER bank_statements_sync_insert AFTER INSERT ON bank_statements
BEGIN INSERT INTO sync_auto VALUES ('bank_statements', NEW.id, 0); END;
CREATE TRIGGER bank_statements_sync_update AFTER UPDATE ON bank_statements
BEGIN INSERT INTO sync_auto VALUES ('bank_statements', NEW.id, 0); END;
CREATE TRIGGER bank_statements_sync_delete AFTER DELETE ON bank_statements
BEGIN INSERT INTO sync_auto VALUES ('bank_statements', OLD.id, 1); END;
CREATE TRIGGER bank_movements_sync_insert AFTER INSERT ON bank_movements
BEGIN INSERT INTO sync_auto VALUES ('bank_movements', NEW.id, 0); END;
CREATE TRIGGER bank_movements_sync_update AFTER UPDATE ON bank_movements
BEGIN INSERT INTO sync_auto VALUES ('bank_movements', NEW.id, 0); END;
CREATE TRIGGER bank_movements_sync_delete AFTER DELETE ON bank_movements
BEGIN INSERT INTO sync_auto VALUES ('bank_movements', OLD.id, 1); END;
CREATE TRIGGER bank_allocations_sync_insert AFTER INSERT ON bank_allocations
BEGIN INSERT INTO sync_auto VALUES ('bank_movements', NEW.movement_id, NULL); END;
CREATE TRIGGER bank_allocations_sync_update AFTER UPDATE ON bank_allocations
BEGIN INSERT INTO sync_auto VALUES ('bank_movements', NEW.movement_id, NULL); END;
CREATE TRIGGER bank_allocations_sync_delete AFTER DELETE ON bank_allocations WHEN EXISTS (SELECT 1 FROM bank_movements WHERE id = OLD.movement_id)
BEGIN INSERT INTO sync_auto VALUES ('bank_movements', OLD.movement_id, NULL); END;
CREATE TRIGGER customer_ibans_sync_insert AFTER INSERT ON customer_ibans
BEGIN INSERT INTO sync_auto VALUES ('customers', NEW.account_no, NULL); END;
CREATE TRIGGER customer_ibans_sync_update AFTER UPDATE ON customer_ibans
BEGIN INSERT INTO sync_auto VALUES ('customers', NEW.account_no, NULL); END;
CREATE TRIGGER customer_ibans_sync_delete AFTER DELETE ON customer_ibans WHEN EXISTS (SELECT 1 FROM customers WHERE account_no = OLD.account_no)
BEGIN INSERT INTO sync_auto VALUES ('customers', OLD.account_no, NULL); END;
CREATE TRIGGER import_runs_sync_insert AFTER INSERT ON import_runs
BEGIN INSERT INTO sync_auto VALUES ('import_runs', NEW.id, 0); END;
CREATE TRIGGER import_runs_sync_delete AFTER DELETE ON import_runs
BEGIN INSERT INTO sync_auto VALUES ('import_runs', OLD.id, 1); END;
