/**
 * The IAM subset under {@code /v3}: password tokens ({@code /v3/auth/tokens}) in IAM's shapes, and Wharf's own
 * administration of accounts and users ({@code /v3/accounts}, {@code /v3/users}).
 */
package io.wharf.web.api.iam;
