package io.wharf.persistence.jpa;

/** Query hints by name, so that this package needs no Hibernate import. */
final class Hints {
    /** Rows loaded for a list are never changed: Hibernate keeps no snapshot and never dirty-checks them. */
    static final String READ_ONLY = "org.hibernate.readOnly";

    private Hints() {
    }
}
