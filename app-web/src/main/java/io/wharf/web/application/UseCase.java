package io.wharf.web.application;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An application service whose methods are use cases: each runs in a transaction (joining the caller's, if any), which
 * rolls back when the method fails. {@link UseCaseInterceptor} says why Wharf does not use {@code @Transactional}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface UseCase {
}
