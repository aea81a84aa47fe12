package io.wharf.integration.registry;

import io.wharf.domain.sync.SyncFailure;
import io.wharf.integration.Settings;

import java.net.Inet6Address;
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
import java.util.stream.Stream;

/**
 * The networks Wharf's outbound connections may reach (image sync, replication, webhooks, feed mirrors), so that an
 * account administrator cannot point Wharf at its own machine, a cloud's metadata service or the internal network.
 * {@code WHARF_SYNC_ALLOWED_NETWORKS} lists what is allowed: {@code public} (every normal public unicast address, the
 * default when the setting is unset), {@code private} (10/8, 172.16/12, 192.168/16), CIDRs and host names
 * ({@code *.example.com} for a domain). Never allowed by {@code public}: loopback, unspecified, link-local, multicast,
 * broadcast and reserved addresses, carrier-grade NAT (100.64/10) and unique-local (fc00::/7) ranges where metadata
 * services live, the documented metadata addresses of the public clouds, Wharf's own addresses, Teredo, and
 * NAT64/6to4/IPv4-compatible forms of any address that is refused. The metadata addresses are refused even inside an
 * allowed CIDR unless it names exactly that host. Every address a host resolves to must pass, checked before every
 * connection; the address is then resolved again by the HTTP client within the JVM's DNS cache lifetime (30 s), so a
 * name cannot be rebound in between.
 */
public final class SyncNetworkPolicy {
    public static final String SETTING = "WHARF_SYNC_ALLOWED_NETWORKS";
    /** Instance-metadata services: AWS/GCP/Azure/OpenStack/Huawei (169.254.169.254), ECS task metadata, AWS over IPv6, Alibaba, Oracle. */
    private static final List<String> METADATA = List.of("169.254.169.254", "169.254.170.2", "169.254.170.23",
            "fd00:ec2::254", "fd00:ec2::23", "100.100.100.200", "192.0.0.192");

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

        boolean isSingleHost() {
            return bits == network.length * 8;
        }
    }

    private static final List<Cidr> NOT_PUBLIC = Stream.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
            "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128",
            "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8", "2001:db8::/32", "2001::/32", "100::/64")
            .map(SyncNetworkPolicy::cidr).toList();
    private static final List<Cidr> PRIVATE = Stream.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")
            .map(SyncNetworkPolicy::cidr).toList();
    private static final Set<InetAddress> METADATA_ADDRESSES = METADATA.stream().map(SyncNetworkPolicy::literal)
            .collect(java.util.stream.Collectors.toSet());

    private final List<Cidr> networks = new ArrayList<>();
    private final List<String> hosts = new ArrayList<>();
    private final boolean allowsPublic;
    private final boolean allowsPrivate;
    private final Set<InetAddress> own;

    /** {@code allowed}: the setting's text, or null for the default ({@code public}). */
    public SyncNetworkPolicy(String allowed) {
        String text = allowed == null || allowed.isBlank() ? "public" : allowed;
        boolean anyPublic = false;
        boolean anyPrivate = false;
        for (String entry : text.split(",")) {
            String item = entry.strip().toLowerCase(Locale.ROOT);
            if (item.equals("public")) {
                anyPublic = true;
            } else if (item.equals("private")) {
                anyPrivate = true;
            } else if (item.contains("/")) {
                networks.add(cidr(item));
            } else if (!item.isEmpty()) {
                hosts.add(item);
            }
        }
        this.allowsPublic = anyPublic;
        this.allowsPrivate = anyPrivate;
        this.own = anyPublic || anyPrivate ? ownAddresses() : Set.of();
    }

    /** The operator's setting. */
    public static SyncNetworkPolicy configured() {
        return new SyncNetworkPolicy(Settings.value(SETTING));
    }

    /** Refuses, with a {@link SyncFailure}, a URL whose host resolves to any address Wharf may not reach. */
    public void check(URI uri) {
        refusal(uri, true).ifPresent(why -> {
            throw new SyncFailure(SyncFailure.Reason.UNREACHABLE, why);
        });
    }

    /**
     * Why the policy refuses {@code uri} now, if it does; a host that does not resolve is refused only when
     * {@code unknownRefused} (when a target is created, its name may not resolve yet).
     */
    public java.util.Optional<String> refusal(URI uri, boolean unknownRefused) {
        String host = uri.getHost();
        if (host == null) {
            return java.util.Optional.of("The address has no host.");
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (hosts.stream().anyMatch(h -> h.equals(name) || h.startsWith("*.") && name.endsWith(h.substring(1)))) {
            return java.util.Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return unknownRefused ? java.util.Optional.of("The host " + host + " is unknown.") : java.util.Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (!allows(address)) {
                return java.util.Optional.of("The host " + host + " is outside the networks Wharf may reach (the"
                        + " operator's " + SETTING + ").");
            }
        }
        return java.util.Optional.empty();
    }

    boolean allows(InetAddress address) {
        boolean metadata = METADATA_ADDRESSES.contains(address);
        for (Cidr network : networks) {
            if (network.contains(address) && (!metadata || network.isSingleHost())) {
                return true;
            }
        }
        if (metadata || own.contains(address)) {
            return false;
        }
        InetAddress embedded = embeddedIpv4(address);
        if (embedded != null) {
            return allows(embedded);
        }
        if (allowsPrivate && PRIVATE.stream().anyMatch(n -> n.contains(address))) {
            return true;
        }
        return allowsPublic && NOT_PUBLIC.stream().noneMatch(n -> n.contains(address));
    }

    /**
     * The IPv4 address an IPv6 address carries to the same host: NAT64 (64:ff9b::/96, 64:ff9b:1::/48), 6to4
     * (2002::/16) and IPv4-compatible (::a.b.c.d); Java already reads IPv4-mapped addresses as IPv4. Teredo is
     * refused as a whole by {@link #NOT_PUBLIC}.
     */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] b = address.getAddress();
        int offset = -1;
        if (isZero(b, 0, 12) && !isZero(b, 12, 16)) {
            offset = 12;
        } else if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && (isZero(b, 4, 12) || b[4] == 0 && b[5] == 1)) {
            offset = 12;
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            offset = 2;
        }
        if (offset < 0) {
            return null;
        }
        try {
            return InetAddress.getByAddress(new byte[] {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]});
        } catch (UnknownHostException impossible) {
            return null;
        }
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
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
