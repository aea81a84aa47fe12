package io.wharf.domain.token;

import java.util.Optional;

/** Seals a payload so that only this server could have issued it, and opens what it sealed. */
public interface TokenSealer {

    String seal(byte[] payload);

    /** The payload of a token this server sealed; empty for anything else. */
    Optional<byte[]> open(String token);
}
