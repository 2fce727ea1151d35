package com.estateguard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries hold: each module reaches only the modules its package-info allows, and
 * only their base package (their API); that API carries no SQL; only identity reads the account
 * table; and the module diagram in docs/architecture is the one the code gives.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);
    static final Path DOCS = Path.of("docs/architecture");
    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.estateguard");

    @Test
    void modulesRespectTheirDeclaredDependencies() {
        MODULES.verify();
    }

    @Test
    void noModuleApiRunsSql() {
        DescribedPredicate<JavaClass> inABasePackage = DescribedPredicate.describe("in a module's base package",
                c -> c.getPackageName().matches("com\\.estateguard\\.[a-z]+") && !c.getPackageName().equals("com.estateguard.common"));
        noClasses().that(inABasePackage).should().dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
                .because("a module's base package is its API: queries and rows live in internal/")
                .check(MAIN);
    }

    /** Migrations written before the staff directory keep their foreign keys to iam_user; migrations are never edited. */
    static final java.util.regex.Pattern BEFORE_THE_DIRECTORY = java.util.regex.Pattern.compile("V([0-9]|[12][0-9]|30)__.*\\.sql");

    @Test
    void onlyIdentityNamesTheAccountTable() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            List<Path> offenders = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
                    .filter(p -> !p.toString().contains("/identity/"))
                    .filter(p -> !BEFORE_THE_DIRECTORY.matcher(p.getFileName().toString()).matches())
                    .filter(p -> read(p).contains("iam_user"))
                    .toList();
            assertThat(offenders).as("files outside identity that name iam_user").isEmpty();
        }
    }

    /**
     * The diagram under docs/architecture is generated from the same model. When a module or an
     * arrow changes, regenerate it: {@code ./mvnw test -Dtest=ModularityTest -Darchitecture.write=true}.
     */
    @Test
    void theModuleDiagramInDocsMatchesTheCode() throws IOException {
        boolean write = Boolean.getBoolean("architecture.write");
        Path out = write ? DOCS : Path.of("target/architecture");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(out.toString()).withoutClean())
                .writeModulesAsPlantUml(Documenter.DiagramOptions.defaults().withStyle(Documenter.DiagramOptions.DiagramStyle.UML))
                .writeIndividualModulesAsPlantUml(Documenter.DiagramOptions.defaults()
                        .withStyle(Documenter.DiagramOptions.DiagramStyle.UML));
        if (!write) {
            try (Stream<Path> generated = Files.list(out)) {
                for (Path file : generated.filter(p -> p.toString().endsWith(".puml")).toList()) {
                    Path committed = DOCS.resolve(file.getFileName());
                    assertThat(committed).as("docs/architecture is out of date; regenerate with -Darchitecture.write=true").exists();
                    // Compared as sets of lines: the generator does not keep the order of arrows stable.
                    assertThat(read(committed).lines().sorted().toList()).as(committed.toString())
                            .isEqualTo(read(file).lines().sorted().toList());
                }
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
