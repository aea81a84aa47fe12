package io.wharf.integration.scan.image;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads one kind of file of an image (a package database, a manifest of a language package) into facts. The walker
 * hands each regular file to the first analyzer that wants it, as a stream it must not close.
 */
public interface FileAnalyzer {

    /** Whether this analyzer reads the file at {@code path} (relative, no leading slash) of {@code size} bytes. */
    boolean wants(String path, long size);

    /** The facts the file states: components, the operating system, users... */
    List<Object> analyze(String path, InputStream content) throws IOException;
}
