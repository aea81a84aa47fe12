package io.wharf.web.api;

import io.wharf.domain.account.Caller;
import io.wharf.domain.error.WharfException;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, set once by {@link AuthenticationFilter}. */
@RequestScoped
public class CurrentCaller {
    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            throw WharfException.anonymous();
        }
        return caller;
    }
}
