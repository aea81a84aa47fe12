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

    /**
     * The reads one piece of user-supplied work may make over all its matches (a retention run, the triggers of one
     * push): many cheap expressions over many tags are bounded as one expression that runs away is.
     */
    public static final class Budget {
        private long left;

        public Budget(long reads) {
            this.left = reads;
        }

        void spend() {
            if (--left < 0) {
                throw new Exhausted();
            }
        }
    }

    /** A {@link Budget} ran out: the work it bounded stops as a whole. */
    public static final class Exhausted extends RuntimeException {
        Exhausted() {
            super("the work read more than its budget", null, false, false);
        }
    }

    /** Whether {@code pattern} matches the whole of {@code text}; an expression that runs away counts as not matching. */
    public static boolean matches(Pattern pattern, String text) {
        return matches(pattern, text, null).orElse(false);
    }

    /**
     * Whether {@code pattern} matches the whole of {@code text}, empty when the expression ran away on it; each read
     * is also spent from {@code budget} (none: null), which throws {@link Exhausted} when it runs out.
     */
    public static java.util.Optional<Boolean> matches(Pattern pattern, String text, Budget budget) {
        try {
            return java.util.Optional.of(pattern.matcher(new BoundedText(text, new int[1], budget)).matches());
        } catch (TooLong runaway) {
            return java.util.Optional.empty();
        }
    }

    private final String text;
    private final int[] reads;
    private final Budget budget;

    private BoundedText(String text, int[] reads, Budget budget) {
        this.text = text;
        this.reads = reads;
        this.budget = budget;
    }

    @Override
    public char charAt(int index) {
        if (++reads[0] > BUDGET) {
            throw new TooLong();
        }
        if (budget != null) {
            budget.spend();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedText(text.substring(start, end), reads, budget);
    }

    @Override
    public String toString() {
        return text;
    }
}
