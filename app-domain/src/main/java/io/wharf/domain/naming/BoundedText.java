package io.wharf.domain.naming;

import java.util.regex.Pattern;

/**
 * A tag as a regular expression reads it, counting every character read: an expression that backtracks
 * catastrophically reads the same characters over and over and is stopped after a budget no sane expression reaches
 * on a tag of at most 128 characters. Retention selectors and trigger conditions use it.
 */
public final class BoundedText implements CharSequence {
    private static final int BUDGET = 100_000;

    /** The expression read more than its budget. */
    static final class TooLong extends RuntimeException {
        TooLong() {
            super(null, null, false, false);
        }
    }

    /** Whether {@code pattern} matches the whole of {@code text}; an expression that runs away counts as not matching. */
    public static boolean matches(Pattern pattern, String text) {
        try {
            return pattern.matcher(new BoundedText(text)).matches();
        } catch (TooLong runaway) {
            return false;
        }
    }

    private final String text;
    private final int[] reads;

    BoundedText(String text) {
        this(text, new int[1]);
    }

    private BoundedText(String text, int[] reads) {
        this.text = text;
        this.reads = reads;
    }

    @Override
    public char charAt(int index) {
        if (++reads[0] > BUDGET) {
            throw new TooLong();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedText(text.substring(start, end), reads);
    }

    @Override
    public String toString() {
        return text;
    }
}
