package dev.tokenexplorer;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.tokenexplorer.ui.support.BinaryStylesheets;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layers of ../shared/ARCHITECTURE.md, enforced. */
@AnalyzeClasses(packages = "dev.tokenexplorer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsFreeOfUserInterface = noClasses()
            .that().resideInAPackage("dev.tokenexplorer.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.tokenexplorer.ui..", "dev.tokenexplorer.cli..")
            .because("core is shared by the CLI and the GUI and must run headless");

    @ArchTest
    static final ArchRule cliDoesNotUseTheWindow = noClasses()
            .that().resideInAPackage("dev.tokenexplorer.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.tokenexplorer.ui..");

    @ArchTest
    static final ArchRule viewModelsNeverTouchNodes = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
            .because("view models are tested without a toolkit");

    @ArchTest
    static final ArchRule nothingNeedsTheNativeLibrariesOfJavaDesktop = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.swing..", "javax.imageio..", "javax.sound..", "javafx.embed..")
            .because("the installers leave out java.desktop's native libraries (AWT, Java2D, ImageIO, Java Sound):"
                    + " packaging/linux/build-installer.sh");

    @ArchTest
    static final ArchRule noControlWhoseStylesTheThemeLeavesOut = noClasses()
            .should().dependOnClassesThat(describe("a control the theme has no styles for",
                    type -> BinaryStylesheets.UNUSED_CONTROLS.keySet().stream().anyMatch(type::isAssignableTo)))
            .because("the window's theme leaves out the rules of these controls (ui/support/BinaryStylesheets)");

    @ArchTest
    static final ArchRule treesAreReadAndWrittenWithoutJacksonsMapper = noClasses()
            .should().dependOnClassesThat().areAssignableTo("com.fasterxml.jackson.databind.ObjectMapper")
            .orShould().dependOnClassesThat().areAssignableTo("com.fasterxml.jackson.databind.ObjectReader")
            .orShould().callMethodWhere(describe("JsonNode.toString or toPrettyString, which build the mapper",
                    call -> call.getTarget().getOwner().isAssignableTo("com.fasterxml.jackson.databind.JsonNode")
                            && (call.getName().equals("toString") || call.getName().equals("toPrettyString"))))
            .because("the mapper's set-up is a few hundred classes on the way to the window's first frame and to every"
                    + " command; core/json/Json reads and writes trees with jackson-core");

    @ArchTest
    static final ArchRule nothingGoesOverTheNetwork = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.net.http..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("javax.net.ssl.HttpsURLConnection")
            .because("a token is a credential: Token Explorer never goes online");

    @ArchTest
    static final ArchRule layersFormNoCycles = slices().matching("dev.tokenexplorer.(*)..").should().beFreeOfCycles()
            .because("core, cli and ui depend one way only");

    /** The one pipeline's packages need nothing that needs them: text, finding and json at the bottom, then jwt, tree, keys, token, and the readers above. */
    @ArchTest
    static final ArchRule pipelineFormsNoCycles = slices().matching("dev.tokenexplorer.core.(*)..").should().beFreeOfCycles();

    /** No two packages of the application depend on each other, at any depth (ui.input and ui.main included). */
    @ArchTest
    static final ArchRule noPackagesFormACycle = slices().matching("dev.tokenexplorer.(**)").should().beFreeOfCycles();

}
