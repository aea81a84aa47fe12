package io.wharf.integration.registry;

import io.wharf.domain.sync.SyncFailure;
import io.wharf.integration.Settings;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The networks image sync may reach, so that an account administrator cannot point Wharf at its own machine, the
 * cloud's metadata service or the internal network. {@code WHARF_SYNC_ALLOWED_NETWORKS} lists CIDRs and host names
 * ({@code *.example.com} for a domain); when it is unset everything is allowed except loopback, link-local
 * (169.254.0.0/16 with the metadata address, fe80::/10), unspecified and multicast addresses, and Wharf's own
 * addresses. Every address a host resolves to must pass, checked before every connection; the address is then
 * resolved again by the HTTP client within the JVM's DNS cache lifetime (30 s), so a name cannot be rebound in between.
 */
public final class SyncNetworkPolicy {
    public static final String SETTING = "WHARF_SYNC_ALLOWED_NETWORKS";

    private record Cidr(byte[] network, int bits) {
        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((bytes[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Cidr> networks = new ArrayList<>();
    private final List<String> hosts = new ArrayList<>();
    private final boolean explicit;
    private final Set<InetAddress> own;

    /** {@code allowed}: the setting's text, or null for the default. */
    public SyncNetworkPolicy(String allowed) {
        this.explicit = allowed != null && !allowed.isBlank();
        if (explicit) {
            for (String entry : allowed.split(",")) {
                String item = entry.strip().toLowerCase(Locale.ROOT);
                if (!item.isEmpty()) {
                    if (item.contains("/")) {
                        networks.add(cidr(item));
                    } else {
                        hosts.add(item);
                    }
                }
            }
        }
        this.own = explicit ? Set.of() : ownAddresses();
    }

    /** The operator's setting. */
    public static SyncNetworkPolicy configured() {
        return new SyncNetworkPolicy(Settings.value(SETTING));
    }

    /** Refuses, with a {@link SyncFailure}, a URL whose host resolves to any address sync may not reach. */
    public void check(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            throw new SyncFailure(SyncFailure.Reason.UNREACHABLE, "The registry address has no host.");
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (explicit && hosts.stream().anyMatch(h -> h.equals(name) || h.startsWith("*.") && name.endsWith(h.substring(1)))) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new SyncFailure(SyncFailure.Reason.UNREACHABLE, "The registry's host " + host + " is unknown.");
        }
        for (InetAddress address : addresses) {
            if (!allows(address)) {
                throw new SyncFailure(SyncFailure.Reason.UNREACHABLE, "The registry's host " + host
                        + " is outside the networks image sync may reach (the operator's " + SETTING + ").");
            }
        }
    }

    boolean allows(InetAddress address) {
        if (explicit) {
            return networks.stream().anyMatch(n -> n.contains(address));
        }
        return !(address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
                || address.isMulticastAddress() || own.contains(address));
    }

    private static Cidr cidr(String text) {
        int slash = text.indexOf('/');
        try {
            byte[] network = InetAddress.getByName(text.substring(0, slash)).getAddress();
            int bits = Integer.parseInt(text.substring(slash + 1));
            if (bits < 0 || bits > network.length * 8 || !Character.isDigit(text.charAt(0)) && !text.contains(":")) {
                throw new IllegalArgumentException();
            }
            return new Cidr(network, bits);
        } catch (UnknownHostException | RuntimeException e) {
            throw new IllegalStateException(SETTING + ": " + text + " is not a CIDR such as 10.0.0.0/8 or fd00::/8.");
        }
    }

    /** The machine's interface addresses and those of the address clients reach Wharf at. */
    private static Set<InetAddress> ownAddresses() {
        Set<InetAddress> addresses = new HashSet<>();
        for (String setting : List.of("WHARF_EXTERNAL_URL", "WHARF_REGISTRY_ADDRESS")) {
            String value = Settings.value(setting);
            if (value != null && !value.isBlank()) {
                try {
                    String host = URI.create(value.contains("://") ? value : "http://" + value).getHost();
                    if (host != null) {
                        addresses.addAll(List.of(InetAddress.getAllByName(host)));
                    }
                } catch (IllegalArgumentException | UnknownHostException unresolved) {
                    // An address that does not resolve here cannot be connected to either.
                }
            }
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                addresses.addAll(Collections.list(nic.getInetAddresses()));
            }
        } catch (SocketException | NullPointerException unreadable) {
            // No interface list: loopback and link-local stay refused by their kind.
        }
        return addresses;
    }
}
