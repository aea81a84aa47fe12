/** The audit trail: who changed what, pushed, pulled or deleted, when, from where, and how it ended. */
package io.wharf.domain.audit;
