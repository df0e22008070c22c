/**
 * Accounts (账号) and signing in: the identity store behind the login form and the API's bearer
 * tokens, the caller's account and roles, and the demo accounts.
 */
package org.educommons.identity;
