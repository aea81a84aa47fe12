package io.wharf.domain.tls;

import java.nio.file.Path;

/** Turns the operator's PEM files into the PKCS #12 keystore the application server serves HTTPS with. */
public interface TlsKeystores {

    /**
     * The keystore for the certificate and its key (and the optional CA chain, may be null), protected by
     * {@code password}; files that cannot serve fail with {@link IllegalArgumentException} naming the setting, the file
     * and what to do.
     */
    byte[] pkcs12(Path certificate, Path key, Path chain, char[] password);
}
