package io.wharf.persistence.jpa;

/** "Contains" searches as LIKE patterns that match the text literally ({@code escape '!'} in the query). */
final class Likes {
    private Likes() {
    }

    static String containing(String text) {
        return "%" + literal(text) + "%";
    }

    static String startingWith(String text) {
        return literal(text) + "%";
    }

    private static String literal(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
