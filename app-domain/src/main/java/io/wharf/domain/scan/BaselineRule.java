package io.wharf.domain.scan;

import java.util.List;
import java.util.Optional;

/**
 * A rule of Wharf's unsafe-settings baseline (HSS's image "risk configs"), under the standard {@code hw_standard}: its
 * check and check type, id, name, severity, and what HSS's rule detail shows — why it matters, how it is audited and
 * how to remedy it.
 */
public record BaselineRule(String checkName, String checkType, String id, String name, String severity,
                           String description, String audit, String remediation) {
    public static final String STANDARD = "hw_standard";
    public static final String CONFIG_CHECK = "Image configuration";
    public static final String FILE_CHECK = "File permissions";
    public static final String SERVICE_CHECK = "Remote login services";
    public static final String ACCOUNT_CHECK = "Account passwords";

    public static final List<BaselineRule> ALL = List.of(
            new BaselineRule(CONFIG_CHECK, "image_config", "1.1", "The image does not run as root", "High",
                    "A container running as root turns an escape from the application into root on its volumes and, "
                            + "with a kernel flaw, on the host.",
                    "The image config's User is empty, root or 0.", "Add USER with an unprivileged user to the Dockerfile."),
            new BaselineRule(CONFIG_CHECK, "image_config", "1.2", "No secrets in environment variables", "High",
                    "Env is stored in the image config: anyone who can pull the image reads it.",
                    "An Env variable named like a password, secret, token or key has a value, or a value is an AWS key id.",
                    "Pass secrets at run time (orchestrator secrets, mounted files), not with ENV."),
            new BaselineRule(CONFIG_CHECK, "image_config", "1.3", "A HEALTHCHECK is defined", "Low",
                    "Without a health check the runtime cannot tell a hung container from a working one.",
                    "The image config has no Healthcheck.", "Add a HEALTHCHECK instruction."),
            new BaselineRule(CONFIG_CHECK, "image_config", "1.4", "Ports 22 and 23 are not exposed", "Medium",
                    "SSH and telnet into containers bypass the orchestrator's access control.",
                    "ExposedPorts contains 22 or 23.", "Remove EXPOSE 22/23; use the orchestrator's exec instead."),
            new BaselineRule(FILE_CHECK, "file", "2.1", "No setuid or setgid files", "Medium",
                    "setuid and setgid programs run with their owner's rights: a flaw in one is a privilege escalation.",
                    "A regular file has the setuid (04000) or setgid (02000) bit.",
                    "Remove the bits (chmod u-s,g-s) or the programs that are not needed."),
            new BaselineRule(FILE_CHECK, "file", "2.2", "No world-writable files under /etc", "Medium",
                    "Anyone in the container could change system configuration.",
                    "A file under /etc is writable by others (mode o+w).", "chmod o-w the files."),
            new BaselineRule(SERVICE_CHECK, "service", "3.1", "No SSH or telnet server installed", "Medium",
                    "A remote login server in a container is an unmonitored way in.",
                    "sshd, dropbear or telnetd is present.", "Uninstall the server from the image."),
            new BaselineRule(ACCOUNT_CHECK, "account", "4.1", "No account with an empty password", "High",
                    "An account without a password lets anyone log in as it.",
                    "An entry of /etc/shadow has an empty password field.", "Lock the account (passwd -l) or set a password."));

    public static Optional<BaselineRule> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
