/** Servlet plumbing shared by every path: request ids, the readiness check, and JSON 404s for API roots without a resource. */
package io.wharf.web.servlet;
