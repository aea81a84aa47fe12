/** IAM's access key API under {@code /v3.0/OS-CREDENTIAL/credentials}, in IAM's shapes. */
package io.wharf.web.api.credential;
