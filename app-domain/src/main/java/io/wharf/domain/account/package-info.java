/**
 * Identity: accounts (the tenants that own organizations; IAM's "domains"), the users inside them, each account's
 * one project, the authenticated {@link io.wharf.domain.account.Caller}, and the password hashing port.
 */
package io.wharf.domain.account;
