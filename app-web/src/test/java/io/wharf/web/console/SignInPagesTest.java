package io.wharf.web.console;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SignInPagesTest {
    @Test
    void aDeepLinkIsKeptThroughTheSignIn() {
        assertEquals("/console/login?next=%2Fconsole%2Fnamespaces%2Fgroup%3Fpage%3D2",
                SignInPages.loginReturningTo("/console/namespaces/group?page=2"));
        assertEquals("/console/namespaces/group?page=2", SignInPages.safeReturn("/console/namespaces/group?page=2"));
    }

    @Test
    void aReturnAddressNeverLeavesTheConsole() {
        assertEquals("", SignInPages.safeReturn("https://evil.example/console/"));
        assertEquals("", SignInPages.safeReturn("//evil.example/console/"));
        assertEquals("", SignInPages.safeReturn("/console/namespaces/caf\u00e9"), "non-ASCII would reach Location truncated");
        assertEquals("", SignInPages.safeReturn("/console//evil.example"));
        assertEquals("", SignInPages.safeReturn("/console/\\evil"));
        assertEquals("", SignInPages.safeReturn("/console/logout"));
        assertEquals("", SignInPages.safeReturn("/console/x\r\nSet-Cookie: a=b"));
        assertEquals("/console/login", SignInPages.loginReturningTo("/console/"));
    }
}
