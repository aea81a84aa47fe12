package io.wharf.web.application;

import io.wharf.domain.account.LoginAttempts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The login-attempt port in memory, for the throttle's rules without a database. */
final class InMemoryLoginAttempts implements LoginAttempts {
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    @Override
    public Failures lock(String login) {
        return failures.getOrDefault(login, Failures.NONE);
    }

    @Override
    public void save(String login, Failures value) {
        failures.put(login, value);
    }

    @Override
    public void clear(String login) {
        failures.remove(login);
    }
}
