-- Platform module: a password set by someone other than its user (admin creation or reset, the generated first
-- admin password, start-up recovery) is temporary: the user must replace it before doing anything else, and no
-- electronic signature is taken with it (21 CFR 11.10(d), 11.100, 11.300).
alter table platform.user_account add column password_temporary boolean not null default false;
