package io.wharf.web;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layer rules of docs/architecture.md, checked on every build. */
class ArchitectureTest {
    private static JavaClasses wharf;

    @BeforeAll
    static void importClasses() {
        wharf = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.wharf");
    }

    @Test
    void theDomainKnowsNothingOfTheOtherLayersNorOfTheContainer() {
        noClasses().that().resideInAPackage("io.wharf.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.wharf.web..", "io.wharf.persistence..",
                        "io.wharf.integration..", "jakarta..", "org.hibernate..")
                .check(wharf);
    }

    @Test
    void persistenceAndIntegrationDoNotReachUpOrSideways() {
        noClasses().that().resideInAPackage("io.wharf.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("io.wharf.web..", "io.wharf.integration..")
                .check(wharf);
        noClasses().that().resideInAPackage("io.wharf.integration..")
                .should().dependOnClassesThat().resideInAnyPackage("io.wharf.web..", "io.wharf.persistence..")
                .check(wharf);
    }

    @Test
    void theWebLayerUsesStorageOnlyThroughTheDomainsPorts() {
        noClasses().that().resideInAPackage("io.wharf.web..")
                .should().dependOnClassesThat().resideInAnyPackage("io.wharf.persistence..", "io.wharf.integration..",
                        "jakarta.persistence..", "org.hibernate..")
                .check(wharf);
    }

    @Test
    void onlyTheErrorMapperTurnsFailuresIntoResponses() {
        noClasses().that().resideInAPackage("io.wharf.web..")
                .and().doNotHaveSimpleName("ErrorMapper").and().doNotHaveSimpleName("EncodedPathFilter")
                .should().callMethod(io.wharf.web.api.ErrorBody.class, "of", String.class, String.class)
                .check(wharf);
    }

    @Test
    void useCasesKnowNoProtocol() {
        noClasses().that().resideInAPackage("io.wharf.web.application..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "jakarta.ws.rs..",
                        "io.wharf.web.api..", "io.wharf.web.console..", "io.wharf.web.registry..", "org.thymeleaf..")
                .check(wharf);
    }

    @Test
    void eachProtocolsErrorCodesStayAtItsEdge() {
        noClasses().that().resideOutsideOfPackages("io.wharf.web.api..").and().doNotHaveSimpleName("EncodedPathFilter")
                .should().dependOnClassesThat().haveSimpleName("SwrError")
                .check(wharf);
        noClasses().that().resideOutsideOfPackages("io.wharf.web.registry..").and().doNotHaveSimpleName("EncodedPathFilter")
                .should().dependOnClassesThat().haveSimpleName("RegistryError")
                .check(wharf);
    }

    @Test
    void registryHandlersSeeRequestsOnlyThroughRegistryCall() {
        noClasses().that().resideInAPackage("io.wharf.web.registry..")
                .and().doNotHaveSimpleName("RegistryServlet").and().doNotHaveSimpleName("RegistryTokenServlet")
                .and().doNotHaveSimpleName("ServletCall")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..")
                .check(wharf);
    }

    /** A resource no JAX-RS application lists is never served (the console's password page once answered 404). */
    @Test
    void everyResourceIsServedByOneOfTheApplications() throws Exception {
        java.util.Set<Class<?>> served = new java.util.HashSet<>();
        for (JavaClass application : wharf) {
            if (application.isAssignableTo(jakarta.ws.rs.core.Application.class) && !application.getModifiers()
                    .contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)
                    && application.isAnnotatedWith(jakarta.ws.rs.ApplicationPath.class)) {
                served.addAll(((jakarta.ws.rs.core.Application) application.reflect().getDeclaredConstructor()
                        .newInstance()).getClasses());
            }
        }
        java.util.List<String> unserved = wharf.stream()
                .filter(c -> c.isAnnotatedWith(jakarta.ws.rs.Path.class) && !c.getModifiers()
                        .contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT))
                .filter(c -> !served.contains(c.reflect())).map(JavaClass::getName).toList();
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), unserved);
    }
}
