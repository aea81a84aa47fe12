package io.wharf.integration.registry;

import io.wharf.domain.sync.SyncFailure;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyncNetworkPolicyTest {
    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void byDefaultLoopbackLinkLocalAndTheMetadataAddressAreRefused() throws Exception {
        SyncNetworkPolicy policy = new SyncNetworkPolicy(null);
        for (String refused : new String[]{"127.0.0.1", "127.8.9.10", "::1", "169.254.169.254", "fe80::1", "0.0.0.0",
                "::ffff:127.0.0.1"}) {
            assertFalse(policy.allows(ip(refused)), refused);
        }
        assertTrue(policy.allows(ip("93.184.216.34")));
    }

    @Test
    void byDefaultEveryAddressThatIsNotANormalPublicUnicastDestinationIsRefused() throws Exception {
        SyncNetworkPolicy policy = new SyncNetworkPolicy(null);
        String[] refused = {
            "0.0.0.0", "::", "0.1.2.3",                                // unspecified, "this network"
            "127.0.0.1", "::1",                                         // loopback
            "169.254.1.1", "fe80::1",                                   // link-local
            "169.254.169.254", "169.254.170.2", "fd00:ec2::254",        // metadata: AWS/GCP/Azure, ECS, AWS over IPv6
            "100.100.100.200", "192.0.0.192",                           // metadata: Alibaba, Oracle
            "100.64.0.1", "fc00::1", "fd12:3456::1",                    // carrier-grade NAT, unique-local
            "10.0.0.1", "172.16.5.4", "192.168.1.1",                    // private networks
            "224.0.0.1", "ff02::1", "255.255.255.255", "240.0.0.1",     // multicast, broadcast, reserved
            "192.0.2.1", "2001:db8::1", "198.18.0.1",                   // documentation and benchmarking
            "::ffff:127.0.0.1", "::ffff:169.254.169.254",               // IPv4-mapped
            "::127.0.0.1", "::10.0.0.1",                                // IPv4-compatible
            "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "64:ff9b:1::a00:1",// NAT64 of loopback, metadata, private
            "2002:7f00:1::", "2002:a9fe:a9fe::1", "2002:c0a8:101::",    // 6to4 of loopback, metadata, private
            "2001:0:4136:e378:8000:63bf:3fff:fdd2",                     // Teredo
        };
        for (String address : refused) {
            assertFalse(policy.allows(ip(address)), address);
        }
        for (String allowed : new String[]{"93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "64:ff9b::5db8:d822",
                "2002:5db8:d822::1", "8.8.8.8"}) {
            assertTrue(policy.allows(ip(allowed)), allowed);
        }
    }

    @Test
    void anInternalRegistryIsAllowedByNamingItsNetworkBesidePublic() throws Exception {
        SyncNetworkPolicy policy = new SyncNetworkPolicy("public, 10.20.0.0/16");
        assertTrue(policy.allows(ip("10.20.3.4")));
        assertTrue(policy.allows(ip("93.184.216.34")));
        assertFalse(policy.allows(ip("10.21.0.1")));
        assertFalse(policy.allows(ip("127.0.0.1")));
        SyncNetworkPolicy everyPrivate = new SyncNetworkPolicy("public,private");
        assertTrue(everyPrivate.allows(ip("192.168.7.7")));
        assertFalse(everyPrivate.allows(ip("100.100.100.200")), "CGNAT is not a private network");
        assertFalse(everyPrivate.allows(ip("fd00:ec2::254")));
    }

    @Test
    void metadataAddressesStayRefusedInsideAnAllowedNetworkUnlessNamedExactly() throws Exception {
        assertFalse(new SyncNetworkPolicy("169.254.0.0/16").allows(ip("169.254.169.254")));
        assertTrue(new SyncNetworkPolicy("169.254.0.0/16").allows(ip("169.254.10.10")));
        assertTrue(new SyncNetworkPolicy("169.254.169.254/32").allows(ip("169.254.169.254")));
    }

    @Test
    void aTargetWhoseNameDoesNotResolveYetIsAcceptedAtCreationAndRefusedAtConnection() {
        URI unknown = URI.create("https://no-such-host.invalid/hook");
        assertTrue(new SyncNetworkPolicy(null).refusal(unknown, false).isEmpty());
        assertTrue(new SyncNetworkPolicy(null).refusal(unknown, true).isPresent());
        assertTrue(new SyncNetworkPolicy(null).refusal(URI.create("http://169.254.169.254/latest"), false).isPresent());
    }

    @Test
    void anExplicitListAllowsOnlyItsNetworks() throws Exception {
        SyncNetworkPolicy policy = new SyncNetworkPolicy("10.0.0.0/8, fd00::/8");
        assertTrue(policy.allows(ip("10.1.2.3")));
        assertTrue(policy.allows(ip("fd12::5")));
        assertFalse(policy.allows(ip("11.0.0.1")));
        assertFalse(policy.allows(ip("127.0.0.1")));
    }

    @Test
    void everyResolvedAddressIsChecked() {
        SyncFailure refused = assertThrows(SyncFailure.class,
                () -> new SyncNetworkPolicy(null).check(URI.create("http://localhost:5000/v2/")));
        assertTrue(refused.getMessage().contains("outside the networks"), refused.getMessage());
        assertThrows(SyncFailure.class, () -> new SyncNetworkPolicy(null).check(URI.create("http://[::1]:5000/")));
    }

    @Test
    void hostNamesAndDomainsCanBeAllowed() {
        assertDoesNotThrow(() -> new SyncNetworkPolicy("localhost").check(URI.create("http://localhost:5000/")));
        assertDoesNotThrow(() -> new SyncNetworkPolicy("*.internal.example").check(
                URI.create("https://harbor.internal.example/")));
        assertThrows(SyncFailure.class, () -> new SyncNetworkPolicy("*.internal.example").check(
                URI.create("http://127.0.0.1/")));
    }

    @Test
    void aMalformedNetworkStopsStartUp() {
        assertThrows(IllegalStateException.class, () -> new SyncNetworkPolicy("10.0.0.0/33"));
        assertThrows(IllegalStateException.class, () -> new SyncNetworkPolicy("example.com/8"));
    }
}
