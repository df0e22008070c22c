-- Runs after every migration run: the passwords of the application's roles follow configuration.
alter role "${appRole}" with login password '${appPassword}';
alter role "${mailerRole}" with login password '${mailerPassword}';
