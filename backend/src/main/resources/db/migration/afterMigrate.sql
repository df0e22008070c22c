-- Runs after every migration run: the application role's password follows configuration.
alter role "${appRole}" with login password '${appPassword}';
