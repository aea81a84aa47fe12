package io.wharf.web.registry;

import io.wharf.domain.account.Caller;
import io.wharf.domain.error.WharfException;
import io.wharf.web.application.IdentityService;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Basic credentials: one password check for a burst of identical logins, and nothing remembered of a wrong one. */
class RegistryAuthenticatorTest {
    private static final Caller ROBOT = new Caller("u-robot", "robot", "acct-a", "a", "pa", false, false);
    private static final String HEADER = "Basic " + Base64.getEncoder()
            .encodeToString("a/robot:secret-pass".getBytes(StandardCharsets.UTF_8));

    private final AtomicInteger checks = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean passwordRight = true;
    private final RegistryAuthenticator authenticator = new RegistryAuthenticator();

    {
        authenticator.identity = new IdentityService() {
            @Override
            public Caller registryLogin(String username, String password) {
                checks.incrementAndGet();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (!passwordRight) {
                    throw WharfException.unauthenticated("wrong");
                }
                return ROBOT;
            }
        };
    }

    private List<Future<Caller>> burst(ExecutorService pool, int clients) throws InterruptedException {
        List<Future<Caller>> answers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            answers.add(pool.submit(() -> authenticator.basic(HEADER)));
        }
        Thread.sleep(300);
        release.countDown();
        return answers;
    }

    @Test
    void twelveClientsArrivingTogetherShareOnePasswordCheck() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            for (Future<Caller> answer : burst(pool, 12)) {
                assertEquals(ROBOT, answer.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, checks.get());
        assertEquals(ROBOT, authenticator.basic(HEADER));
        assertEquals(1, checks.get(), "a success is remembered");
    }

    @Test
    void aWrongPasswordRefusesEveryoneWaitingAndIsNotRemembered() throws Exception {
        passwordRight = false;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Caller> answer : burst(pool, 4)) {
                Exception refused = assertThrows(Exception.class, () -> answer.get(10, TimeUnit.SECONDS));
                assertTrue(refused.getCause() instanceof RegistryException, refused.toString());
                assertEquals(RegistryError.UNAUTHORIZED, ((RegistryException) refused.getCause()).error());
            }
        } finally {
            pool.shutdownNow();
        }
        passwordRight = true;
        assertEquals(ROBOT, authenticator.basic(HEADER));
        assertTrue(checks.get() >= 2, "the right password is checked again, not answered from memory");
    }
}
