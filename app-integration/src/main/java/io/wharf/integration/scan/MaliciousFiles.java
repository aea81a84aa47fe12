package io.wharf.integration.scan;

import io.wharf.domain.scan.MaliciousFile;
import io.wharf.integration.scan.image.ImageFile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Files known to be malicious: by SHA-256 against the operator's deny-list (hash and name), and the EICAR anti-virus
 * test file (its 68-byte signature at the start of a file of at most 128 bytes), which is built in so that detection can
 * be tried safely.
 */
public final class MaliciousFiles {
    static final byte[] EICAR = ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*")
            .getBytes(StandardCharsets.US_ASCII);

    private MaliciousFiles() {
    }

    public static List<MaliciousFile> find(Collection<ImageFile> files, Map<String, String> denyList) {
        List<MaliciousFile> found = new ArrayList<>();
        for (ImageFile f : files) {
            String listed = denyList.get(f.sha256());
            if (listed != null) {
                found.add(new MaliciousFile(f.path(), f.layer(), f.sha256(), listed));
            } else if (f.size() <= 128 && f.head().length >= EICAR.length
                    && Arrays.equals(Arrays.copyOf(f.head(), EICAR.length), EICAR)) {
                found.add(new MaliciousFile(f.path(), f.layer(), f.sha256(), "EICAR-Test-File"));
            }
        }
        return found;
    }
}
