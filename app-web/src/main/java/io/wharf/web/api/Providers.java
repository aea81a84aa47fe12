package io.wharf.web.api;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The providers every API root shares: endpoint naming, authentication, body limit, JSON settings and writer, errors. */
final class Providers {
    private static final List<Class<?>> SHARED = List.of(EndpointNaming.class, AuthenticationFilter.class, BodyLimitFilter.class,
            JsonSettings.class, JsonBodyWriter.class, ErrorMapper.class, ReadOnlyFilter.class);

    private Providers() {
    }

    static Set<Class<?>> with(Class<?>... resources) {
        Set<Class<?>> classes = new HashSet<>(SHARED);
        classes.addAll(List.of(resources));
        return classes;
    }
}
