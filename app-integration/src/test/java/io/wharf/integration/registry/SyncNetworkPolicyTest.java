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
