/** What operators and load balancers watch: readiness, liveness and the draining of a stopping node. */
package io.wharf.web.health;
